import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { apiError } from '../http/errors.js';
import { consoleSender, type EmailMessage } from '../notifications/email.js';
import {
  acceptInvitation,
  deleteSession,
  findSession,
  findUserByEmail,
  findVerification,
  insertKnownDevice,
  insertSession,
  insertUser,
  insertVerification,
  isKnownDevice,
  organizationIdsOf,
  pendingInvitations,
} from './auth.repository.js';
import type { Caller } from './caller.js';
import { HashQueue } from './hash-queue.js';
import { checkPassword } from './password-policy.js';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  clearAttempts,
  forgiveAttempt,
  REGISTER_ADDRESS_POLICY,
  REGISTER_EMAIL_POLICY,
  reserveAttempt,
} from './throttle.js';

export const SESSION_COOKIE = 'fg_session';
/** Set on a successful login: a browser the account has signed in from before. */
export const DEVICE_COOKIE = 'fg_device';

/** How long a verification link works. */
const VERIFICATION_HOURS = 24;

/** At most two password hashes at once, twenty-four waiting: the rest are told to retry. */
export const HASHING = new HashQueue(2, 24);

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function hashPassword(password: string): Promise<string> {
  return HASHING.run(() => argon2.hash(password, { type: argon2.argon2id }));
}

async function sendMail(deps: ServerDeps, message: EmailMessage): Promise<void> {
  await (deps.mailer ?? consoleSender()).send(message);
}

export interface NewSession {
  readonly token: string;
  readonly caller: Caller;
  readonly expiresAt: Date;
  /** A new device token to set as the device cookie, when the browser had none that counted. */
  readonly deviceToken: string | null;
}

async function openSession(
  deps: ServerDeps,
  user: { id: string; email: string; name: string; is_admin: number },
  knownDevice = false,
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
  let deviceToken: string | null = null;
  if (!knownDevice) {
    deviceToken = randomBytes(32).toString('base64url');
    await insertKnownDevice(deps.db, {
      id: hashToken(deviceToken),
      userId: user.id,
      at: now.toISOString(),
    });
  }
  return {
    token,
    expiresAt,
    deviceToken,
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

async function sendVerification(
  deps: ServerDeps,
  user: { id: string; email: string },
  registration: { passwordHash: string; name: string },
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  await insertVerification(deps.db, {
    id: hashToken(token),
    userId: user.id,
    passwordHash: registration.passwordHash,
    name: registration.name,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + VERIFICATION_HOURS * 3_600_000).toISOString(),
  });
  const link = `${deps.config.publicUrl}/verify?token=${token}`;
  await sendMail(deps, {
    to: user.email,
    subject: '扣费卫士：请验证您的邮箱',
    text: [
      `${registration.name}，您好：`,
      '',
      `请在 ${String(VERIFICATION_HOURS)} 小时内打开下面的链接，验证这个邮箱是您的。验证后即可登录；别人邀请您加入的机构也在验证后才生效。`,
      '',
      link,
      '',
      '如果不是您本人注册，请忽略这封邮件。',
    ].join('\n'),
  });
}

/**
 * Registration answers the same whether the address is new or already has an account: a new
 * address gets a verification link, a registered one a note that it already has an account. No
 * account, invitation or role takes effect before the owner of the address follows the link.
 */
export async function register(
  deps: ServerDeps,
  input: { email: string; password: string; name: string },
  address: string,
): Promise<{ email: string }> {
  const email = normalizeEmail(input.email);
  checkPassword(input.password, { email, name: input.name });
  // Each registration costs a hash and sends a mail: neither may be had in bulk.
  const now = deps.now();
  const byAddress = await reserveAttempt(
    deps.db,
    `register-ip:${address}`,
    REGISTER_ADDRESS_POLICY,
    now,
  );
  if (!byAddress.ok) throw rateLimited(byAddress.retryAfterS);
  const byEmail = await reserveAttempt(
    deps.db,
    `register-email:${email}`,
    REGISTER_EMAIL_POLICY,
    now,
  );
  if (!byEmail.ok) throw rateLimited(byEmail.retryAfterS);
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(deps.db, email);
  if (existing?.email_verified_at) {
    await sendMail(deps, {
      to: email,
      subject: '扣费卫士：这个邮箱已有账户',
      text: [
        '您好：',
        '',
        '有人（可能是您本人）刚刚用这个邮箱在扣费卫士注册。这个邮箱已经有账户了，请直接登录：',
        `${deps.config.publicUrl}/`,
        '',
        '忘记密码的话，请联系管理员重新设置。如果不是您本人操作，请忽略这封邮件，您的账户不受影响。',
      ].join('\n'),
    });
    return { email };
  }
  let userId = existing?.id;
  if (!userId) {
    const id = newId();
    try {
      await insertUser(deps.db, {
        id,
        email,
        name: input.name,
        passwordHash,
        isAdmin: false,
        at: deps.now().toISOString(),
        verifiedAt: null,
      });
      userId = id;
    } catch (error) {
      // Registered at the same moment by another request: use that account.
      const raced = await findUserByEmail(deps.db, email);
      if (!raced) throw error;
      userId = raced.id;
    }
  }
  await sendVerification(deps, { id: userId, email }, { passwordHash, name: input.name });
  return { email };
}

/** An account that is verified from the start: `feeguard admin create` and tests. */
export async function createVerifiedUser(
  deps: ServerDeps,
  input: { email: string; password: string; name: string },
  options: { isAdmin?: boolean } = {},
): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(input.email);
  checkPassword(input.password, { email, name: input.name });
  if (await findUserByEmail(deps.db, email)) {
    throw apiError(
      'FG_ERR_CONFLICT',
      `${email} already has an account`,
      'log in with it, or use another e-mail',
    );
  }
  const id = newId();
  const at = deps.now().toISOString();
  await insertUser(deps.db, {
    id,
    email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    isAdmin: options.isAdmin ?? false,
    at,
    verifiedAt: at,
  });
  return { id, email };
}

/**
 * Follows a verification link: the account takes the password and name of the registration the
 * link was sent for, becomes verified, joins the organizations it was invited to, and is logged in.
 */
export async function verifyEmail(
  deps: ServerDeps,
  token: string,
  deviceToken?: string,
): Promise<NewSession> {
  const at = deps.now().toISOString();
  const row = await findVerification(deps.db, hashToken(token), at);
  const badLink = () =>
    apiError(
      'FG_ERR_BAD_LINK',
      'the verification link is unknown, used or expired',
      'register again to receive a new link',
    );
  if (!row) throw badLink();
  const user = await deps.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('email_verifications')
      .set({ used_at: at })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw badLink();
    // Every other link for the account stops working.
    await trx
      .updateTable('email_verifications')
      .set({ used_at: at })
      .where('user_id', '=', row.user_id)
      .where('used_at', 'is', null)
      .execute();
    const account = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', row.user_id)
      .executeTakeFirstOrThrow();
    if (account.email_verified_at) return account;
    await trx
      .updateTable('users')
      .set({ email_verified_at: at, password_hash: row.password_hash, name: row.name })
      .where('id', '=', account.id)
      .execute();
    for (const invitation of await pendingInvitations(trx, account.email)) {
      await acceptInvitation(
        trx,
        { id: invitation.id, organizationId: invitation.organization_id },
        account.id,
        at,
      );
    }
    return { ...account, name: row.name };
  });
  const known =
    deviceToken !== undefined && (await isKnownDevice(deps.db, hashToken(deviceToken), user.id));
  return openSession(deps, user, known);
}

function rateLimited(retryAfterS: number) {
  return Object.assign(
    apiError(
      'FG_ERR_RATE_LIMITED',
      `too many attempts; the next one is heard in ${String(retryAfterS)} s`,
      'wait and try again, or sign in from a browser you have used before',
    ),
    { retryAfterS },
  );
}

/**
 * Logs in. Attempts are counted per client address and per account before the password is
 * hashed; a browser carrying the device cookie of an earlier login to this account skips the
 * account's count, so guessing at someone's password cannot keep them out.
 */
export async function login(
  deps: ServerDeps,
  input: { email: string; password: string },
  context: { address: string; deviceToken?: string | undefined },
): Promise<NewSession> {
  const email = normalizeEmail(input.email);
  const now = deps.now();
  const user = await findUserByEmail(deps.db, email);
  const known =
    user !== undefined &&
    context.deviceToken !== undefined &&
    (await isKnownDevice(deps.db, hashToken(context.deviceToken), user.id));
  const addressKey = `ip:${context.address}`;
  const accountKey = `email:${email}`;
  const byAddress = await reserveAttempt(deps.db, addressKey, ADDRESS_POLICY, now);
  if (!byAddress.ok) throw rateLimited(byAddress.retryAfterS);
  if (!known) {
    const byAccount = await reserveAttempt(deps.db, accountKey, ACCOUNT_POLICY, now);
    if (!byAccount.ok) throw rateLimited(byAccount.retryAfterS);
  }
  // A missing account costs the same hashing time as a wrong password: no user enumeration.
  const ok = await HASHING.run(async () =>
    user
      ? argon2.verify(user.password_hash, input.password)
      : (await argon2.hash(input.password, { type: argon2.argon2id }), false),
  );
  if (!user || !ok) throw apiError('FG_ERR_BAD_CREDENTIALS');
  await clearAttempts(deps.db, accountKey);
  await forgiveAttempt(deps.db, addressKey);
  if (!user.email_verified_at) {
    throw apiError(
      'FG_ERR_EMAIL_UNVERIFIED',
      `${email} is not verified yet`,
      'open the link in the verification e-mail, or register again for a new one',
    );
  }
  return openSession(deps, user, known);
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
    organizationIds: session.organizationIds,
    csrfToken: session.csrf_token,
  };
}
