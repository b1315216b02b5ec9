import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { smtpSender } from './email.js';
import { buildCalendar } from './ics.js';
import { deliverWebhook, signWebhook, verifyWebhook } from './webhook.js';

describe('e-mail through a real SMTP server', () => {
  it('delivers a Chinese subject and body', async () => {
    const received: { to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    const sender = smtpSender(`smtp://127.0.0.1:${String(port)}`, 'noreply@feeguard.local');
    await sender.send({
      to: 'zhangli@shop.test',
      subject: '扣费卫士提醒：答复期限还有 3 天',
      text: '鑫联支付应在 2026-12-10 前答复。',
    });
    sender.close();
    await new Promise<void>((resolve) => {
      server.close(resolve);
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['zhangli@shop.test']);
    const raw = received[0]?.raw ?? '';
    const encoded = /^Subject: =\?UTF-8\?B\?([^?]+)\?=/mu.exec(raw)?.[1];
    const subject = encoded
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : (/^Subject: (.*)$/mu.exec(raw)?.[1] ?? '');
    expect(subject).toContain('扣费卫士提醒');
  });

  it('fails with the host named (never the password) when the server is unreachable', async () => {
    const sender = smtpSender(
      'smtp://user:secret@127.0.0.1:1?connectionTimeout=2000',
      'noreply@feeguard.local',
    );
    const error = await sender
      .send({ to: 'a@b.test', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    sender.close();
    expect(String(error)).toContain('127.0.0.1:1');
    expect(String(error)).not.toContain('secret');
  });
});

describe('signed webhooks to a real HTTP receiver', () => {
  async function receiver(status = 200, hang = false) {
    const requests: { headers: IncomingMessage['headers']; body: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (!hang) res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/hook`;
    return {
      url,
      requests,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => {
            resolve();
          });
        }),
    };
  }

  it('posts the event with a signature the receiver can verify', async () => {
    const r = await receiver();
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await deliverWebhook({
      url: r.url,
      secret: 's3cret',
      event: 'overdue',
      id: 'n1',
      timestamp,
      payload: { caseId: 'c1' },
    });
    await r.close();
    expect(result).toEqual({ ok: true, status: 200 });
    const request = r.requests[0];
    const header = String(request?.headers['x-feeguard-signature']);
    const body = request?.body ?? '';
    expect(request?.headers['x-feeguard-event']).toBe('overdue');
    expect(JSON.parse(body)).toMatchObject({ id: 'n1', event: 'overdue', data: { caseId: 'c1' } });
    expect(verifyWebhook(body, header, 's3cret', timestamp)).toBe(true);
    expect(verifyWebhook(body.replace('c1', 'c2'), header, 's3cret', timestamp)).toBe(false);
    expect(verifyWebhook(body, header, 'wrong', timestamp)).toBe(false);
    expect(verifyWebhook(body, header, 's3cret', timestamp + 600)).toBe(false);
    expect(header).toBe(signWebhook(body, 's3cret', timestamp));
  });

  it('reports failures instead of throwing: an error status, a closed port, a timeout, a bad scheme', async () => {
    const failing = await receiver(500);
    expect(
      await deliverWebhook({
        url: failing.url,
        secret: 's',
        event: 'e',
        id: '1',
        timestamp: 1,
        payload: null,
      }),
    ).toMatchObject({ ok: false, status: 500 });
    await failing.close();
    expect(
      (
        await deliverWebhook({
          url: 'http://127.0.0.1:1/',
          secret: 's',
          event: 'e',
          id: '1',
          timestamp: 1,
          payload: null,
        })
      ).ok,
    ).toBe(false);
    const hanging = await receiver(200, true);
    expect(
      await deliverWebhook(
        { url: hanging.url, secret: 's', event: 'e', id: '1', timestamp: 1, payload: null },
        { timeoutMs: 200 },
      ),
    ).toMatchObject({ ok: false, status: null });
    await hanging.close();
    expect(
      (
        await deliverWebhook({
          url: 'file:///etc/passwd',
          secret: 's',
          event: 'e',
          id: '1',
          timestamp: 1,
          payload: null,
        })
      ).ok,
    ).toBe(false);
  });
});

describe('the calendar feed', () => {
  const feed = buildCalendar('扣费卫士 答复期限', [
    {
      uid: 'f1@feeguard',
      date: '2026-12-31',
      summary:
        '答复期限：鑫联支付有限公司（payment_institution_customer_service），到期未答复可升级',
      description: '工单号 KF-1; 第二行,\n备注',
      url: 'http://127.0.0.1:3000/cases/1',
      createdAt: new Date('2026-11-25T08:00:00Z'),
    },
  ]);

  it('is RFC 5545: CRLF lines of at most 75 bytes, all-day events ending the next day, escaped text', () => {
    const lines = feed.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = feed.replace(/\r\n /gu, '');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261231');
    expect(unfolded).toContain('DTEND;VALUE=DATE:20270101');
    expect(unfolded).toContain('DTSTAMP:20261125T080000Z');
    expect(unfolded).toContain('DESCRIPTION:工单号 KF-1\\; 第二行\\,\\n备注');
    expect(unfolded).toContain(
      'SUMMARY:答复期限：鑫联支付有限公司（payment_institution_customer_service）\\，到期未答复可升级'.replace(
        '\\，',
        '，',
      ),
    );
    expect(unfolded).toContain('TRIGGER:-P1D');
    // Folding never splits a UTF-8 character.
    expect(Buffer.from(feed, 'utf8').toString('utf8')).toBe(feed);
  });
});
