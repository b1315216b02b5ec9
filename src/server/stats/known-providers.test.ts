import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, testServer, type TestServer } from '../testing.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { knownProviders } from './stats.repository.js';

/**
 * The names the public figures may use, read in one query: an organization's spelling comes
 * before a fee schedule's (the first spelling of a provider is the one published), none twice.
 */
describe.each(DIALECTS)('knownProviders on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await testServer(dialect);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists organizations first, then fee schedules, each name once', async () => {
    const db = server.deps.db;
    const at = '2026-11-25T02:00:00.000Z';
    expect(await knownProviders(db)).toEqual([]);
    await db
      .insertInto('organizations')
      .values([
        {
          id: 'o1',
          name: '鑫联',
          kind: 'provider',
          channel_id: null,
          provider_name: '鑫联支付（北京）有限公司',
          created_at: at,
        },
        {
          id: 'o2',
          name: '12363',
          kind: 'regulator',
          channel_id: 'pboc_12363',
          provider_name: null,
          created_at: at,
        },
        {
          id: 'o3',
          name: '银盛',
          kind: 'provider',
          channel_id: null,
          provider_name: '银盛支付服务有限公司',
          created_at: at,
        },
      ])
      .execute();
    const admin = await createVerifiedUser(
      server.deps,
      { email: 'admin@feeguard.test', password: 'a long admin passphrase 42', name: '管理员' },
      { isAdmin: true },
    );
    const schedule = (id: string, provider: string, version: string) => ({
      id,
      organization_id: provider.startsWith('银盛') ? 'o3' : 'o1',
      provider_name: provider,
      version,
      effective_from: `2026-0${version}-01`,
      schedule: '{}',
      published_by: admin.id,
      published_at: at,
    });
    await db
      .insertInto('fee_schedules')
      .values([
        schedule('f1', '鑫联支付(北京)有限公司', '1'),
        schedule('f2', '鑫联支付(北京)有限公司', '2'),
        schedule('f3', '银盛支付服务有限公司', '1'),
        schedule('f4', '拉卡拉支付股份有限公司', '3'),
      ])
      .execute();
    const known = await knownProviders(db);
    expect(new Set(known.slice(0, 2))).toEqual(
      new Set(['鑫联支付（北京）有限公司', '银盛支付服务有限公司']),
    );
    expect(new Set(known.slice(2))).toEqual(
      new Set(['鑫联支付(北京)有限公司', '拉卡拉支付股份有限公司']),
    );
    expect(known).toHaveLength(4);
  });
});
