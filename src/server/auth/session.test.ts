import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, testServer, type TestServer } from '../testing.js';
import { findSession, insertSession } from './auth.repository.js';
import { createVerifiedUser } from './auth.service.js';

/**
 * Every request reads its session, its user and the user's organizations in one query: a user in
 * no organization, in one, or in several gets the same answer the two queries gave.
 */
describe.each(DIALECTS)('findSession on %s', (dialect) => {
  let server: TestServer;
  const at = '2026-11-25T02:00:00.000Z';
  const now = '2026-11-25T03:00:00.000Z';

  beforeAll(async () => {
    server = await testServer(dialect);
    await server.deps.db
      .insertInto('organizations')
      .values(
        ['o1', 'o2'].map((id) => ({
          id,
          name: id,
          kind: 'regulator',
          channel_id: null,
          provider_name: null,
          created_at: at,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await server.close();
  });

  async function userWith(email: string, organizations: readonly string[]) {
    const db = server.deps.db;
    const user = await createVerifiedUser(server.deps, {
      email,
      password: 'a long enough passphrase 7',
      name: '张丽',
    });
    if (organizations.length > 0) {
      await db
        .insertInto('memberships')
        .values(
          organizations.map((o) => ({ user_id: user.id, organization_id: o, created_at: at })),
        )
        .execute();
    }
    const id = `session-${email}`;
    await insertSession(db, {
      id,
      userId: user.id,
      csrfToken: `csrf-${email}`,
      at,
      expiresAt: '2026-11-26T02:00:00.000Z',
    });
    return { id, userId: user.id };
  }

  it.each([
    ['none@shop.test', []],
    ['one@gov.test', ['o1']],
    ['two@gov.test', ['o1', 'o2']],
  ] as const)('gives %s with the organizations %j', async (email, organizations) => {
    const { id, userId } = await userWith(email, organizations);
    const session = await findSession(server.deps.db, id, now);
    expect(session).toMatchObject({
      id,
      csrf_token: `csrf-${email}`,
      user_id: userId,
      email,
      name: '张丽',
    });
    expect([...(session?.organizationIds ?? [])].sort()).toEqual([...organizations]);
  });

  it('gives nothing for an expired or unknown session', async () => {
    const { id } = await userWith('expired@shop.test', ['o2']);
    expect(await findSession(server.deps.db, id, '2026-11-27T00:00:00.000Z')).toBeUndefined();
    expect(await findSession(server.deps.db, 'no such session', now)).toBeUndefined();
  });
});
