import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { apiError, notFound } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { buildCalendar } from './ics.js';
import { checkOutboundUrl, outboundPolicy, UnsafeUrlError } from './outbound.js';
import { notificationSettings, removeWebhook, sendTestWebhook } from './settings.service.js';

const notificationBody = z.object({
  id: z.string(),
  kind: z.string(),
  caseId: z.string().nullable(),
  filingId: z.string().nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export function notificationRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        tags: ['notifications'],
        summary:
          'The caller’s notifications, newest first: deadlines close, overdue filings, answers received',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(notificationBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const rows = await deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', caller.userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(request.query.limit)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          caseId: r.case_id,
          filingId: r.filing_id,
          message: z.object({ zh: z.string(), en: z.string() }).parse(JSON.parse(r.message)),
          createdAt: r.created_at,
          readAt: r.read_at,
        })),
      };
    },
  );

  app.put(
    '/api/me/webhook',
    {
      schema: {
        operationId: 'setWebhook',
        tags: ['notifications'],
        summary:
          'Have notifications POSTed to a URL, signed with HMAC-SHA256 (x-feeguard-signature)',
        body: z.object({ url: z.url({ protocol: /^https?$/u }).max(2000) }),
        response: { 200: z.object({ url: z.string(), secret: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      // Checked now and again at every delivery (the name may resolve elsewhere later).
      try {
        await checkOutboundUrl(request.body.url, outboundPolicy(deps.config));
      } catch (error) {
        if (!(error instanceof UnsafeUrlError)) throw error;
        throw apiError(
          'FG_ERR_UNSAFE_URL',
          `${error.message}: ${request.body.url}`,
          'give the public https address of your receiver (an intranet one needs WEBHOOK_ALLOW_HOSTS on the server)',
        );
      }
      const secret = randomBytes(24).toString('base64url');
      await deps.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('webhooks').where('user_id', '=', caller.userId).execute();
        await trx
          .insertInto('webhooks')
          .values({
            id: newId(),
            user_id: caller.userId,
            url: request.body.url,
            secret,
            created_at: deps.now().toISOString(),
          })
          .execute();
      });
      return { url: request.body.url, secret };
    },
  );

  app.get(
    '/api/me/notification-settings',
    {
      schema: {
        operationId: 'getNotificationSettings',
        tags: ['notifications'],
        summary:
          'How the caller is notified: e-mail (on when the server has SMTP) and the webhook URL (never its secret)',
        response: {
          200: z.object({
            email: z.object({ address: z.string(), enabled: z.boolean() }),
            webhook: z.object({ url: z.string(), createdAt: z.string() }).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => notificationSettings(deps, requireCaller(request)),
  );

  app.delete(
    '/api/me/webhook',
    {
      schema: {
        operationId: 'deleteWebhook',
        tags: ['notifications'],
        summary: 'Stop POSTing notifications to the caller’s webhook',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeWebhook(deps, requireCaller(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/webhook/test',
    {
      schema: {
        operationId: 'testWebhook',
        tags: ['notifications'],
        summary:
          'Send one signed `test` event to the caller’s webhook now and say how the receiver answered',
        response: {
          200: z.object({
            ok: z.boolean(),
            /** The receiver's 2xx status; null when it failed, whatever the reason. */
            status: z.number().int().nullable(),
            /** 发送失败 when it failed: no detail, so the button cannot probe networks. */
            error: z.string().optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => sendTestWebhook(deps, requireCaller(request)),
  );

  app.get(
    '/api/calendar/:token',
    {
      schema: {
        operationId: 'getCalendarFeed',
        tags: ['notifications'],
        summary:
          'A private iCalendar feed of the user’s answer deadlines (the address from GET /api/me)',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]+\.ics$/u) }),
        produces: ['text/calendar'],
        response: { 200: z.unknown().describe('text/calendar'), 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/u, '');
      const owner = await deps.db
        .selectFrom('calendar_tokens')
        .select('user_id')
        .where('token', '=', token)
        .executeTakeFirst();
      if (!owner) throw notFound('calendar');
      const filings = await deps.db
        .selectFrom('filings')
        .innerJoin('cases', 'cases.id', 'filings.case_id')
        .select([
          'filings.id',
          'filings.case_id',
          'filings.channel_id',
          'filings.due_date',
          'filings.reference',
          'filings.created_at',
          'cases.respondent_name',
        ])
        .where('cases.owner_id', '=', owner.user_id)
        .where('filings.due_date', 'is not', null)
        .where('filings.state', 'in', ['submitted', 'acknowledged', 'overdue'])
        .orderBy('filings.due_date')
        .execute();
      const calendar = buildCalendar(
        '扣费卫士 答复期限',
        filings.map((f) => ({
          uid: `${f.id}@feeguard`,
          date: f.due_date ?? '',
          summary: `答复期限：${f.respondent_name}（${f.channel_id}）`,
          description: `${f.reference ? `工单号 ${f.reference}。` : ''}到期未答复可升级到下一步。`,
          url: `${deps.config.publicUrl}/cases/${f.case_id}`,
          createdAt: new Date(f.created_at),
        })),
      );
      reply.header('content-type', 'text/calendar; charset=utf-8');
      return reply.send(calendar);
    },
  );
}
