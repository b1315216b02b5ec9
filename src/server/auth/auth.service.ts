import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { apiError } from '../http/errors.js';
import {
  acceptInvitation,
  countFailures,
  deleteSession,
  findSession,
  findUserByEmail,
  insertSession,
  insertUser,
  organizationIdsOf,
  pendingInvitations,
  recordFailure,
} from './auth.repository.js';
import type { Caller } from './caller.js';

/** Login attempts allowed per account and per address in the window. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export const SESSION_COOKIE = 'fg_session';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewSession {
  readonly token: string;
  readonly caller: Caller;
  readonly expiresAt: Date;
}

async function openSession(
  deps: ServerDeps,
  user: { id: string; email: string; name: string; is_admin: number },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionDays * 86_400_000);
  await insertSession(deps.db, {
    id: hashToken(token),
    userId: user.id,
    csrfToken,
    at: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return {
    token,
    expiresAt,
    caller: {
      userId: user.id,
      email: user.email,
      name: user.name,
      isAdmin: user.is_admin === 1,
      organizationIds: await organizationIdsOf(deps.db, user.id),
      csrfToken,
    },
  };
}

export async function register(
  deps: ServerDeps,
  input: { email: string; password: string; name: string },
  options: { isAdmin?: boolean } = {},
): Promise<NewSession> {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(deps.db, email)) {
    throw apiError(
      'FG_ERR_CONFLICT',
      `${email} is already registered`,
      'log in instead, or use another e-mail',
    );
  }
  const id = newId();
  const at = deps.now().toISOString();
  const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
  await deps.db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id,
      email,
      name: input.name,
      passwordHash,
      isAdmin: options.isAdmin ?? false,
      at,
    });
    // Someone invited to an organization joins it by registering with the invited address.
    for (const invitation of await pendingInvitations(trx, email)) {
      await acceptInvitation(
        trx,
        { id: invitation.id, organizationId: invitation.organization_id },
        id,
        at,
      );
    }
  });
  return openSession(deps, { id, email, name: input.name, is_admin: options.isAdmin ? 1 : 0 });
}

export async function login(
  deps: ServerDeps,
  input: { email: string; password: string },
  address: string,
): Promise<NewSession> {
  const email = normalizeEmail(input.email);
  const keys = [`email:${email}`, `ip:${address}`];
  const now = deps.now();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  if ((await countFailures(deps.db, keys, since)) >= MAX_FAILURES) {
    throw apiError(
      'FG_ERR_RATE_LIMITED',
      'too many failed logins',
      'wait 15 minutes and try again',
    );
  }
  const user = await findUserByEmail(deps.db, email);
  // A missing account costs the same hashing time as a wrong password: no user enumeration.
  const ok = user
    ? await argon2.verify(user.password_hash, input.password)
    : (await argon2.hash(input.password, { type: argon2.argon2id }), false);
  if (!user || !ok) {
    await recordFailure(deps.db, newId(), keys, now.toISOString());
    throw apiError('FG_ERR_BAD_CREDENTIALS');
  }
  return openSession(deps, user);
}

export async function logout(deps: ServerDeps, token: string): Promise<void> {
  await deleteSession(deps.db, hashToken(token));
}

/** The caller behind a session cookie, or null when it is missing, unknown or expired. */
export async function callerFromToken(
  deps: ServerDeps,
  token: string | undefined,
): Promise<Caller | null> {
  if (!token) return null;
  const session = await findSession(deps.db, hashToken(token), deps.now().toISOString());
  if (!session) return null;
  return {
    userId: session.user_id,
    email: session.email,
    name: session.name,
    isAdmin: session.is_admin === 1,
    organizationIds: await organizationIdsOf(deps.db, session.user_id),
    csrfToken: session.csrf_token,
  };
}
