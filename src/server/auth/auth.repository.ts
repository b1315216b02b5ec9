import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<DB>,
  user: {
    id: string;
    email: string;
    name: string;
    passwordHash: string;
    isAdmin: boolean;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      is_admin: user.isAdmin ? 1 : 0,
      created_at: user.at,
    })
    .execute();
}

export async function insertSession(
  db: Kysely<DB>,
  session: { id: string; userId: string; csrfToken: string; at: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.at,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findSession(db: Kysely<DB>, id: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.is_admin',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function organizationIdsOf(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('organization_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.organization_id);
}

export async function countFailures(
  db: Kysely<DB>,
  keys: readonly string[],
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', 'in', keys)
    .where('at', '>', since)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function recordFailure(
  db: Kysely<DB>,
  id: string,
  keys: readonly string[],
  at: string,
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values(keys.map((key, i) => ({ id: `${id}-${String(i)}`, key, at })))
    .execute();
}

export async function pendingInvitations(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .execute();
}

export async function acceptInvitation(
  db: Kysely<DB>,
  invitation: { id: string; organizationId: string },
  userId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, organization_id: invitation.organizationId, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing())
    .execute();
  await db
    .updateTable('invitations')
    .set({ accepted_at: at })
    .where('id', '=', invitation.id)
    .execute();
}
