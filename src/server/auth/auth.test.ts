import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../errors.js';
import { ApiClient, DIALECTS, testServer, verificationToken, type TestServer } from '../testing.js';
import { createVerifiedUser } from './auth.service.js';
import { HashQueue } from './hash-queue.js';
import { passwordProblem } from './password-policy.js';
import { delayAfter, ACCOUNT_POLICY } from './throttle.js';

/**
 * Probes from the outside review (issue 14): each failed on the old code. Passwords cannot be
 * guessed in bulk, the rightful owner is never locked out, weak passwords are refused, and no
 * organization role takes effect for an address nobody has proved to own.
 */
const OWNER = { email: 'owner@shop.test', password: 'owner secret phrase 9', name: '张丽' };

describe.each(DIALECTS)('authentication on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await testServer(dialect);
    await createVerifiedUser(
      server.deps,
      { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
      { isAdmin: true },
    );
  });
  afterAll(async () => {
    await server.close();
  });

  const login = (client: ApiClient, email: string, password: string) =>
    client.request('POST', '/api/auth/login', { email, password });

  it('counts 400 simultaneous guesses one by one before hashing: at most 5 are checked', async () => {
    await createVerifiedUser(server.deps, { ...OWNER, email: 'burst@shop.test' });
    const attacker = new ApiClient(server.app, '192.0.2.1');
    const answers = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        login(attacker, 'burst@shop.test', `guess number ${String(i)} x`),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(395);
    const limited = answers.find((a) => a.statusCode === 429);
    expect(limited?.json()).toMatchObject({ code: 'FG_ERR_RATE_LIMITED' });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // The right password from a new browser waits too: the delay, not the password, answers.
    expect(
      (await login(new ApiClient(server.app, '192.0.2.2'), 'burst@shop.test', OWNER.password))
        .statusCode,
    ).toBe(429);
  });

  it('slows guessing down progressively and lets the owner in from a browser used before', async () => {
    await createVerifiedUser(server.deps, OWNER);
    const owner = new ApiClient(server.app, '192.0.2.3');
    await owner.login(OWNER.email, OWNER.password);
    expect(owner.device).toMatch(/^fg_device=/u);
    const attacker = new ApiClient(server.app, '192.0.2.4');
    for (let i = 0; i < 5; i++) {
      expect((await login(attacker, OWNER.email, `not it ${String(i)} zz`)).statusCode).toBe(401);
    }
    const sixth = await login(attacker, OWNER.email, 'not it either zz');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe('1');
    // The owner's known browser is not held up by the account's count.
    expect((await login(owner, OWNER.email, OWNER.password)).statusCode).toBe(200);
    // A delay, not a block: once it has passed, the next attempt is heard.
    const now = server.deps.now();
    server.setNow(new Date(now.getTime() + 1500));
    expect((await login(attacker, OWNER.email, 'still not it zz')).statusCode).toBe(401);
    server.setNow(now);
    expect(delayAfter(5, ACCOUNT_POLICY)).toBe(1000);
    expect(delayAfter(6, ACCOUNT_POLICY)).toBe(2000);
    expect(delayAfter(100, ACCOUNT_POLICY)).toBe(15 * 60 * 1000);
  });

  it('limits guesses per client address across accounts, whatever X-Forwarded-For says', async () => {
    const from = (ip: string, email: string, forwardedFor?: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
        payload: { email, password: 'some wrong password' },
      });
    // Each guess claims to come from another address: without TRUST_PROXY that changes nothing.
    const statuses = await Promise.all(
      Array.from({ length: 22 }, (_, i) =>
        from('203.0.113.7', `nobody${String(i)}@shop.test`, `10.0.${String(i)}.1`).then(
          (a) => a.statusCode,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    // Another address is not affected.
    expect((await from('203.0.113.8', 'nobody@shop.test')).statusCode).toBe(401);
  });

  it.each(['12345678', 'password', '        ', 'weak@shop.test', 'Passw0rd!'])(
    'refuses the password %j with a clear Chinese message',
    async (password) => {
      const answer = await new ApiClient(server.app).request('POST', '/api/auth/register', {
        email: 'weak@shop.test',
        password,
        name: '王五',
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({
        code: 'FG_ERR_WEAK_PASSWORD',
        message: { zh: ERROR_CATALOGUE.FG_ERR_WEAK_PASSWORD.zh },
      });
      expect(ERROR_CATALOGUE.FG_ERR_WEAK_PASSWORD.zh).not.toMatch(/[A-Za-z]/u);
    },
  );

  it('answers registration the same for a new and a registered address, and mails the difference', async () => {
    const ask = (email: string) =>
      new ApiClient(server.app).request('POST', '/api/auth/register', {
        email,
        password: 'a long password',
        name: '李四',
      });
    const fresh = await ask('fresh@shop.test');
    const taken = await ask(OWNER.email);
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(fresh.statusCode).toBe(202);
    expect(Object.keys(taken.json<object>())).toEqual(Object.keys(fresh.json<object>()));
    expect(fresh.headers['set-cookie']).toBeUndefined();
    const mails = server.outbox.filter((m) => m.to === OWNER.email);
    expect(mails.at(-1)?.subject).toContain('已有账户');
    expect(verificationToken(server.outbox, 'fresh@shop.test')).not.toBeNull();
    // Not verified: no login.
    const early = await login(
      new ApiClient(server.app, '192.0.2.5'),
      'fresh@shop.test',
      'a long password',
    );
    expect(early.json()).toMatchObject({ code: 'FG_ERR_EMAIL_UNVERIFIED' });
  });

  it('gives an invitation only to whoever proves the address, with the password they chose', async () => {
    const admin = new ApiClient(server.app, '192.0.2.6');
    await admin.login('root@feeguard.test', 'admin password 1');
    const org = await admin.json<{ id: string }>('POST', '/api/organizations', {
      name: '鑫联支付',
      kind: 'provider',
      providerName: '鑫联支付',
    });
    const invited = await admin.json('POST', `/api/organizations/${org.id}/members`, {
      email: 'kf@xinlian.test',
    });
    expect(invited).toMatchObject({ status: 'invited' });
    // The attacker registers the invited address first …
    await new ApiClient(server.app).json(
      'POST',
      '/api/auth/register',
      { email: 'kf@xinlian.test', password: 'attacker chosen words', name: '冒名者' },
      [202],
    );
    const attackerLink = verificationToken(server.outbox, 'kf@xinlian.test');
    // … but cannot sign in, and the organization is not theirs.
    const attacker = new ApiClient(server.app, '192.0.2.7');
    const tried = await login(attacker, 'kf@xinlian.test', 'attacker chosen words');
    expect(tried.statusCode).toBe(403);
    // Adding the unverified address again does not make it a member either.
    expect(
      await admin.json('POST', `/api/organizations/${org.id}/members`, {
        email: 'kf@xinlian.test',
      }),
    ).toMatchObject({ status: 'invited' });
    // The owner registers too and follows their own link.
    const owner = new ApiClient(server.app, '192.0.2.8');
    const me = await owner.register('kf@xinlian.test', '客服', 'owner chosen words');
    expect(me).toMatchObject({ email: 'kf@xinlian.test', organizationIds: [org.id], name: '客服' });
    expect((await login(attacker, 'kf@xinlian.test', 'attacker chosen words')).statusCode).toBe(
      401,
    );
    // The attacker's older link died with the verification.
    const reuse = await new ApiClient(server.app).request('POST', '/api/auth/verify', {
      token: attackerLink,
    });
    expect(reuse.json()).toMatchObject({ code: 'FG_ERR_BAD_LINK' });
  });

  it('limits registrations per e-mail address and per client address (each costs a hash and a mail)', async () => {
    const ask = (email: string, ip: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        remoteAddress: ip,
        payload: { email, password: 'a long password', name: '周八' },
      });
    const toVictim = [];
    for (let i = 0; i < 4; i++)
      toVictim.push((await ask('victim@shop.test', `198.51.100.${String(i + 20)}`)).statusCode);
    expect(toVictim).toEqual([202, 202, 202, 429]);
    const fromOne = await Promise.all(
      Array.from({ length: 32 }, (_, i) => ask(`bulk${String(i)}@shop.test`, '198.51.100.99')),
    );
    const statuses = fromOne.map((a) => a.statusCode);
    // 30 are heard; of those, what the bounded hashing queue cannot take waits for no one (503).
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.filter((s) => s === 202 || s === 503)).toHaveLength(30);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(26);
    expect(fromOne.find((a) => a.statusCode === 429)?.headers['retry-after']).toBeDefined();
  });

  it('refuses an expired verification link', async () => {
    await new ApiClient(server.app).json(
      'POST',
      '/api/auth/register',
      { email: 'late@shop.test', password: 'a long password', name: '赵六' },
      [202],
    );
    const token = verificationToken(server.outbox, 'late@shop.test');
    const now = server.deps.now();
    server.setNow(new Date(now.getTime() + 25 * 3_600_000));
    const answer = await new ApiClient(server.app).request('POST', '/api/auth/verify', { token });
    server.setNow(now);
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'FG_ERR_BAD_LINK' });
  });
});

describe('password policy', () => {
  it('refuses common, blank, e-mail-like passwords and accepts passphrases', () => {
    const account = { email: 'zhangli@shop.test', name: '张丽' };
    for (const weak of [
      '12345678',
      'password',
      '        ',
      'zhangli@shop.test',
      'qwertyui',
      'zhangli',
    ])
      expect(passwordProblem(weak, account), weak).not.toBeNull();
    for (const strong of ['correct horse battery', 'a long password', 'admin password 1'])
      expect(passwordProblem(strong, account), strong).toBeNull();
  });
});

describe('hash queue', () => {
  it('runs at most two at once and refuses beyond the queue with 503', async () => {
    const queue = new HashQueue(2, 3);
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const task = () =>
      queue.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
      });
    const accepted = Array.from({ length: 5 }, task);
    await expect(task()).rejects.toMatchObject({ code: 'FG_ERR_BUSY', status: 503 });
    expect(queue.active).toBe(2);
    expect(queue.pending).toBe(3);
    while (release.length || queue.pending || queue.active) {
      release.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(accepted);
    expect(most).toBe(2);
  });
});
