import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Login attempts counted in the database BEFORE the password is hashed, so that a burst of
 * simultaneous guesses is counted one by one (each attempt must win a compare-and-set on its
 * key's row) and the count holds across server instances. The first `free` attempts are heard
 * at once; after that each attempt waits twice as long as the one before (1 s, 2 s, 4 s …, at
 * most 15 minutes) — a delay, never a hard block, so the rightful owner always gets in. A quiet
 * hour clears the count; a successful login clears the account's.
 */
export interface ThrottlePolicy {
  /** Attempts heard without delay. */
  readonly free: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5 };
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20 };
/** Registrations per address (each costs a hash) and per e-mail address (each sends a mail). */
export const REGISTER_ADDRESS_POLICY: ThrottlePolicy = { free: 30 };
export const REGISTER_EMAIL_POLICY: ThrottlePolicy = { free: 3 };

const MAX_DELAY_MS = 15 * 60 * 1000;
const QUIET_RESET_MS = 60 * 60 * 1000;
const EPOCH = new Date(0).toISOString();

/** The wait after the n-th attempt. */
export function delayAfter(attempts: number, policy: ThrottlePolicy): number {
  if (attempts < policy.free) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(30, attempts - policy.free));
}

export type Reservation =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterS: number };

/** Counts one attempt on `key`, or says how long to wait when it may not be made yet. */
export async function reserveAttempt(
  db: Kysely<DB>,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Reservation> {
  const at = now.toISOString();
  await db
    .insertInto('login_throttle')
    .values({ key, attempts: 0, next_at: EPOCH, updated_at: EPOCH })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Optimistic: each round at least one of the racing attempts wins, so enough rounds for a burst
  // of simultaneous attempts (a short random pause spreads them out) — still bounded.
  for (let round = 0; round < 100; round++) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    const row = await db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return { ok: false, retryAfterS: 1 };
    const quiet = now.getTime() - Date.parse(row.updated_at) > QUIET_RESET_MS;
    const nextAt = Date.parse(row.next_at);
    if (!quiet && nextAt > now.getTime()) {
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((nextAt - now.getTime()) / 1000)) };
    }
    const attempts = (quiet ? 0 : row.attempts) + 1;
    const result = await db
      .updateTable('login_throttle')
      .set({
        attempts,
        next_at: new Date(now.getTime() + delayAfter(attempts, policy)).toISOString(),
        updated_at: at,
      })
      .where('key', '=', key)
      .where('attempts', '=', row.attempts)
      .where('updated_at', '=', row.updated_at)
      .where('next_at', '=', row.next_at)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return { ok: true };
  }
  return { ok: false, retryAfterS: 1 };
}

/** After a successful login: the account starts afresh. */
export async function clearAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** After a successful login: that attempt does not count against the address. */
export async function forgiveAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ attempts: sql<number>`attempts - 1` })
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}
