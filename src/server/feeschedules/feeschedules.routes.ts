import { z } from 'zod';
import { scheduleDepartureSchema } from '../../audit/report/schema.js';
import { scheduleSchema, scheduleToJson } from '../../audit/schedule.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { notFound } from '../http/errors.js';
import { errorResponses, idParam, isoDate } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { merchantOf } from '../merchants/merchants.repository.js';
import { merchantBody, merchantBodyOf } from '../merchants/merchants.routes.js';
import {
  contractFromSchedule,
  getSchedule,
  listSchedules,
  merchantDepartures,
  publishSchedule,
  type PublishedSchedule,
} from './feeschedules.service.js';

/** The published JSON form of a version (docs/fee-schedules.md), yuan and percent as strings. */
const scheduleJson = z.object({
  provider: z.string(),
  providerType: z.enum(['bank', 'payment_institution']).optional(),
  version: z.string(),
  effectiveFrom: z.string(),
  source: z.string().optional(),
  rates: z.array(
    z.object({
      cardType: z.enum(['debit', 'credit', 'any']),
      percent: z.string(),
      capYuan: z.string().optional(),
    }),
  ),
  perTransactionFeeYuan: z.string(),
  charges: z.array(
    z.object({
      name: z.string(),
      category: z.string(),
      amountYuan: z.string(),
      every: z.enum(['once', 'month', 'quarter', 'year']),
      conditions: z.string().optional(),
      startsAfterDays: z.number().optional(),
    }),
  ),
});

const publishedBody = z.object({
  id: z.string(),
  provider: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
  status: z.enum(['upcoming', 'in_effect', 'superseded']),
  supersededOn: z.string().optional(),
  schedule: scheduleJson,
});

function body(s: PublishedSchedule): z.infer<typeof publishedBody> {
  return {
    id: s.id,
    provider: s.provider,
    version: s.version,
    effectiveFrom: s.effectiveFrom,
    publishedAt: s.publishedAt,
    status: s.status,
    ...(s.supersededOn === undefined ? {} : { supersededOn: s.supersededOn }),
    schedule: scheduleJson.parse(scheduleToJson(s.schedule)),
  };
}

export function feeScheduleRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/organizations/:id/fee-schedules',
    {
      schema: {
        operationId: 'publishFeeSchedule',
        tags: ['fee schedules'],
        summary:
          'Publish a fee schedule version (members of a provider organization); published versions never change, a later effectiveFrom supersedes',
        params: idParam,
        // the provider is the organization's own; the rest is the schedule format
        body: scheduleSchema.extend({ provider: z.string().optional() }),
        response: { 201: publishedBody, 422: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const published = await publishSchedule(deps, caller, request.params.id, request.body);
      return reply.status(201).send(body(published));
    },
  );

  app.get(
    '/api/public/fee-schedules',
    {
      schema: {
        operationId: 'listFeeSchedules',
        tags: ['fee schedules', 'public'],
        summary:
          'Published fee schedule versions, newest first, with their status today (public; no login)',
        querystring: z.object({
          provider: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(publishedBody) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listSchedules(deps, request.query.provider)).map(body),
    }),
  );

  app.get(
    '/api/public/fee-schedules/:id',
    {
      schema: {
        operationId: 'getFeeSchedule',
        tags: ['fee schedules', 'public'],
        summary: 'One published fee schedule version (public; no login)',
        params: idParam,
        response: { 200: publishedBody, ...errorResponses },
      },
    },
    async (request) => body(await getSchedule(deps, request.params.id)),
  );

  app.put(
    '/api/merchants/:id/contract-from-schedule',
    {
      schema: {
        operationId: 'setContractFromSchedule',
        tags: ['fee schedules', 'merchants'],
        summary:
          'Take the provider’s published fee schedule as the contract baseline: a new contract version marked with the schedule',
        params: idParam,
        body: z.object({
          scheduleId: z.uuid(),
          /** When this contract version takes effect; the schedule's own date by default. */
          effectiveFrom: isoDate.optional(),
          /** When the terminal was activated: a charge free for N days starts N days later. */
          activatedOn: isoDate.optional(),
        }),
        response: { 200: merchantBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      await contractFromSchedule(deps, caller, request.params.id, request.body);
      const merchant = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!merchant) throw notFound('merchant');
      return merchantBodyOf(deps.db, merchant);
    },
  );

  app.get(
    '/api/merchants/:id/schedule-departures',
    {
      schema: {
        operationId: 'listScheduleDepartures',
        tags: ['fee schedules', 'statements'],
        summary:
          'Where the merchant’s deductions depart from the provider’s published fee schedule, each with its deduction',
        params: idParam,
        response: {
          200: z.object({
            schedules: z.array(
              z.object({ id: z.string(), version: z.string(), effectiveFrom: z.string() }),
            ),
            items: z.array(scheduleDepartureSchema.extend({ deductionId: z.string().nullable() })),
            total: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => merchantDepartures(deps, requireCaller(request), request.params.id),
  );
}
