import { existsSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Real server processes for the multi-instance and crash tests: `feeguard serve` from the built
 * package, on a port of its own choosing, read back from what it prints.
 */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far (without SMTP, its e-mails too). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The CLI, from the sources (tests) or from dist/ (benchmarks run the built copy of this file). */
const BIN =
  ['../../bin/feeguard.js', '../../../bin/feeguard.js']
    .map((relative) => path.resolve(import.meta.dirname, relative))
    .find((file) => existsSync(file)) ?? path.resolve(import.meta.dirname, '../../bin/feeguard.js');

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not start: ${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      if (!output.includes('running at ')) output += chunk.toString('utf8');
      const match = /running at (http:\/\/[^\s]+)/u.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}: ${output}`));
    });
  });
  // Keep collecting: verification e-mails are printed while the server runs.
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return {
    url,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill(signal);
      }),
  };
}

/** A user talking to a real server over HTTP, keeping the session cookie and CSRF token. */
export class HttpUser {
  cookie = '';
  csrf = '';

  constructor(public base: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('fg_session=')) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    const parsed: T = (text ? JSON.parse(text) : null) as T;
    return { status: response.status, body: parsed };
  }

  async upload(
    merchantId: string,
    name: string,
    data: Buffer,
    signal?: AbortSignal,
  ): Promise<number> {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(data)]), name);
    const response = await fetch(`${this.base}/api/merchants/${merchantId}/statements`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: form,
      ...(signal ? { signal } : {}),
    });
    await response.arrayBuffer();
    return response.status;
  }
}

/**
 * The verification token of the newest verification e-mail the server printed for `email`,
 * waiting up to five seconds for it.
 */
export async function printedVerificationToken(
  server: ServerProcess,
  email: string,
): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const mails = server.output().split(`mail to ${email.toLowerCase()}: `);
    const match = mails.length > 1 ? /\/verify\?token=([\w-]+)/u.exec(mails.at(-1) ?? '') : null;
    if (match?.[1]) return match[1];
    if (Date.now() > deadline) throw new Error(`no verification e-mail to ${email} printed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Registers on a server without SMTP and follows the printed verification link: logged in. */
export async function registerVerified(
  user: HttpUser,
  server: ServerProcess,
  account: { email: string; password: string; name: string },
): Promise<{ csrfToken: string; id: string }> {
  const asked = await user.call('POST', '/api/auth/register', account);
  if (asked.status !== 202) throw new Error(`register → ${String(asked.status)}`);
  const token = await printedVerificationToken(server, account.email);
  const me = await user.call<{ csrfToken: string; id: string }>('POST', '/api/auth/verify', {
    token,
  });
  if (me.status !== 200) throw new Error(`verify → ${String(me.status)}`);
  user.csrf = me.body.csrfToken;
  return me.body;
}
