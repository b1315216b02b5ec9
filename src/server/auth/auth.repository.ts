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
    verifiedAt: string | null;
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
      email_verified_at: user.verifiedAt,
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

/**
 * The live session with its user and the organizations the user belongs to, in one query (every
 * request asks): one row per membership, or one row with no organization.
 */
export async function findSession(db: Kysely<DB>, id: string, now: string) {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('memberships', 'memberships.user_id', 'users.id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.is_admin',
      'memberships.organization_id',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .execute();
  const [first] = rows;
  if (!first) return undefined;
  return {
    id: first.id,
    csrf_token: first.csrf_token,
    user_id: first.user_id,
    email: first.email,
    name: first.name,
    is_admin: first.is_admin,
    organizationIds: rows.flatMap((r) => (r.organization_id ? [r.organization_id] : [])),
  };
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

export async function insertVerification(
  db: Kysely<DB>,
  row: {
    id: string;
    userId: string;
    passwordHash: string;
    name: string;
    at: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('email_verifications')
    .values({
      id: row.id,
      user_id: row.userId,
      password_hash: row.passwordHash,
      name: row.name,
      created_at: row.at,
      expires_at: row.expiresAt,
      used_at: null,
    })
    .execute();
}

export async function findVerification(db: Kysely<DB>, id: string, now: string) {
  return db
    .selectFrom('email_verifications')
    .selectAll()
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function isKnownDevice(db: Kysely<DB>, id: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('id')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertKnownDevice(
  db: Kysely<DB>,
  device: { id: string; userId: string; at: string },
): Promise<void> {
  await db
    .insertInto('known_devices')
    .values({ id: device.id, user_id: device.userId, created_at: device.at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
