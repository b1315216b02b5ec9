import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpSender } from './email.js';

interface Received {
  mailFrom: string | null;
  rcptTo: string[];
  raw: string;
}

const servers: SMTPServer[] = [];

async function startSmtp(options: SMTPServerOptions = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...options,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          mailFrom: from === false ? null : from.address,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, received };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(resolve);
        }),
    ),
  );
});

/** Splits a message into unfolded headers and its body; mailparser is not a dependency. */
function parseMessage(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]/gu, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** RFC 2047 encoded words, as nodemailer writes them (B or Q, UTF-8). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/gu, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/giu, (_match, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/gu, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r\n/gu, '')
    .replace(/=([0-9A-F]{2})/giu, (_match, hex: string) => `%${hex}`)
    // Escape literal percent signs first so decodeURIComponent sees only our own escapes.
    .replace(/%(?![0-9A-F]{2})/giu, '%25');
  return decodeURIComponent(bytes);
}

function decodeBody(encoding: string | undefined, body: string): string {
  const kind = encoding?.toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/gu, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

describe('smtpSender against a real SMTP server', () => {
  it('delivers a Chinese subject and body intact to the right recipient', async () => {
    const { port, received } = await startSmtp();
    const sender = smtpSender(`smtp://127.0.0.1:${String(port)}`, 'noreply@feeguard.local');
    const subject = '扣费卫士提醒：答复期限还有 3 天';
    const text = '鑫联支付有限公司应在 2026-12-10 前答复您的投诉（工单号 KF-1）。\n请及时跟进。';
    const result = await sender.send({ to: 'zhangli@shop.test', subject, text });
    sender.close();

    expect(result.messageId).toMatch(/^<.+@.+>$/u);
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.mailFrom).toBe('noreply@feeguard.local');
    expect(mail?.rcptTo).toEqual(['zhangli@shop.test']);

    const { headers, body } = parseMessage(mail?.raw ?? '');
    // Non-ASCII must travel encoded: a raw UTF-8 header would need SMTPUTF8, which servers may lack.
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?[BQ]\?/iu);
    expect(decodeHeader(headers.get('subject') ?? '')).toBe(subject);
    expect(headers.get('content-type')).toMatch(/charset=utf-8/iu);
    expect(headers.get('to')).toBe('zhangli@shop.test');
    expect(headers.get('from')).toBe('noreply@feeguard.local');
    expect(headers.get('message-id')).toBe(result.messageId);
    expect(
      decodeBody(headers.get('content-transfer-encoding'), body).replace(/\r\n/gu, '\n').trimEnd(),
    ).toBe(text);
  });

  it('sends an HTML alternative when one is given', async () => {
    const { port, received } = await startSmtp();
    const sender = smtpSender(`smtp://127.0.0.1:${String(port)}`, 'noreply@feeguard.local');
    await sender.send({
      to: 'a@shop.test',
      subject: 'HTML',
      text: 'plain',
      html: '<p>扣费卫士</p>',
    });
    sender.close();
    const { headers } = parseMessage(received[0]?.raw ?? '');
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative/iu);
    expect(received[0]?.raw).toMatch(/Content-Type: text\/html; charset=utf-8/iu);
  });

  it('rejects a refused login naming the host but never the password', async () => {
    const { port } = await startSmtp({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(_auth, _session, callback) {
        callback(new Error('Invalid username or password'));
      },
    });
    const sender = smtpSender(
      `smtp://feeguard:hunter2-secret@127.0.0.1:${String(port)}`,
      'noreply@feeguard.local',
    );
    const error = await sender.send({ to: 'a@shop.test', subject: 's', text: 't' }).then(
      () => null,
      (e: unknown) => e,
    );
    sender.close();
    expect(error).toBeInstanceOf(Error);
    const message = error instanceof Error ? error.message : '';
    expect(message).toContain(`127.0.0.1:${String(port)}`);
    expect(message).not.toContain('hunter2');
  });

  it('rejects within a few seconds when the server is unreachable', async () => {
    const sender = smtpSender(
      'smtp://user:pass-word@127.0.0.1:1?connectionTimeout=2000',
      'noreply@feeguard.local',
    );
    const started = Date.now();
    const error = await sender.send({ to: 'a@shop.test', subject: 's', text: 't' }).then(
      () => null,
      (e: unknown) => e,
    );
    sender.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(Error);
    const message = error instanceof Error ? error.message : '';
    expect(message).toContain('127.0.0.1:1');
    expect(message).not.toContain('pass-word');
  }, 10_000);
});
