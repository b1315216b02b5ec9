import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { ALERT_STATUSES } from './alerts.repository.js';
import {
  alertsFeed,
  decideAlert,
  evidenceSchema,
  getPublicAlert,
  listAlerts,
  listPublicAlerts,
  updateAlert,
} from './alerts.service.js';

const alertBody = z.object({
  id: z.string(),
  key: z.string().describe('provider|category|week'),
  provider: z.string(),
  category: z.string(),
  categoryName: z.string().describe('the fee category in Chinese words'),
  week: z.string().describe('Monday of the week'),
  status: z.enum(ALERT_STATUSES),
  title: z.string(),
  body: z.string(),
  evidence: evidenceSchema,
  currentCount: z.number().describe('complaints in the week now; evidence.count is when found'),
  createdAt: z.string(),
  updatedAt: z.string(),
  reviewedBy: z.string().nullable().describe('name of the last reviewer'),
  publishedAt: z.string().nullable(),
});

/** Exactly what the public pages read: nothing about reviewers or the test. */
const publicAlertBody = z.object({
  id: z.string(),
  provider: z.string(),
  category: z.string(),
  week: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
});

const page = {
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

// Text a reviewer writes: no control characters besides line breaks and tabs.
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s.replace(/[\t\n\r]/gu, '')), 'no control characters');

export function alertRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/alerts',
    {
      schema: {
        operationId: 'listAlerts',
        tags: ['consumer alerts'],
        summary:
          'Consumer alerts in one status with the evidence of their spike (members of regulators and associations)',
        querystring: z.object({ status: z.enum(ALERT_STATUSES).default('proposed'), ...page }),
        response: {
          200: z.object({ items: z.array(alertBody), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => listAlerts(deps, requireCaller(request), request.query),
  );

  app.patch(
    '/api/alerts/:id',
    {
      schema: {
        operationId: 'updateAlert',
        tags: ['consumer alerts'],
        summary: 'Edit the title or text of a proposed alert before publishing it',
        params: idParam,
        body: z
          .object({ title: text(200).optional(), body: text(5000).optional() })
          .refine((b) => b.title !== undefined || b.body !== undefined, {
            message: 'give a title, a body or both',
          }),
        response: { 200: alertBody, ...errorResponses },
      },
    },
    async (request) => updateAlert(deps, requireCaller(request), request.params.id, request.body),
  );

  app.post(
    '/api/alerts/:id/publish',
    {
      schema: {
        operationId: 'publishAlert',
        tags: ['consumer alerts'],
        summary: 'Publish a proposed alert as a 消费提示: on the public pages and the Atom feed',
        params: idParam,
        response: { 200: alertBody, ...errorResponses },
      },
    },
    async (request) => decideAlert(deps, requireCaller(request), request.params.id, 'published'),
  );

  app.post(
    '/api/alerts/:id/dismiss',
    {
      schema: {
        operationId: 'dismissAlert',
        tags: ['consumer alerts'],
        summary: 'Dismiss a proposed alert; the same spike is never proposed again',
        params: idParam,
        response: { 200: alertBody, ...errorResponses },
      },
    },
    async (request) => decideAlert(deps, requireCaller(request), request.params.id, 'dismissed'),
  );

  app.get(
    '/api/public/alerts',
    {
      schema: {
        operationId: 'listPublicAlerts',
        tags: ['public'],
        summary: 'Published consumer alerts (消费提示), newest first (no login)',
        querystring: z.object(page),
        response: {
          200: z.object({ items: z.array(publicAlertBody), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => listPublicAlerts(deps, request.query),
  );

  app.get(
    '/api/public/alerts.atom',
    {
      schema: {
        operationId: 'getAlertsFeed',
        tags: ['public'],
        summary: 'The newest published consumer alerts as an Atom 1.0 feed (no login)',
        produces: ['application/atom+xml'],
        response: { 200: z.unknown().describe('Atom 1.0 (RFC 4287)') },
      },
    },
    async (_request, reply) => {
      const xml = await alertsFeed(deps);
      reply.header('content-type', 'application/atom+xml; charset=utf-8');
      return reply.send(xml);
    },
  );

  app.get(
    '/api/public/alerts/:id',
    {
      schema: {
        operationId: 'getPublicAlert',
        tags: ['public'],
        summary: 'One published consumer alert (no login)',
        params: idParam,
        response: { 200: publicAlertBody, ...errorResponses },
      },
    },
    async (request) => getPublicAlert(deps, request.params.id),
  );
}
