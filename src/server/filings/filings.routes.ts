import { z } from 'zod';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import { answerRule, findChannel } from '../../channels/knowledge-base.js';
import { chinaCalendar } from '../../deadlines/calendar.js';
import { answerDue, handlesProvider } from '../../plan/plan.js';
import { providerKindOf } from '../../cases/case-input.js';
import { shanghaiToday } from '../../deadlines/today.js';
import { daysBetween } from '../../audit/dates.js';
import type { Caller } from '../auth/caller.js';
import { knowledgeBase } from '../channels/channels.service.js';
import type { FilingsTable } from '../db/schema.js';
import { filingTypeSchema } from '../../channels/schema.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { apiError, notFound } from '../http/errors.js';
import { errorResponses, idParam, isoDate, yuanInput } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { recordNotification } from '../notifications/notifications.service.js';
import { filingResponseSchema, responseOf, type FilingResponse } from '../cases/case-model.js';
import {
  appendEvent,
  caseById,
  filingById,
  insertFiling,
  organizationForChannel,
  updateCaseRow,
  updateFilingIfUnchanged,
} from '../cases/cases.repository.js';
import {
  caseFor,
  loadCaseContext,
  refreshCaseSummaries,
  storeSummaryAfterFilings,
} from '../cases/cases.service.js';
import { refreshCaseStats } from '../stats/stats.service.js';
import { filingBody, filingToBody } from '../cases/cases.routes.js';
import { FILING_STATES, transition, type Actor, type FilingAction } from './state.js';

/**
 * The one access check for a filing: the case owner acts as the merchant; a member of the
 * organization it is addressed to acts as the respondent (and only once it was submitted).
 * Everyone else gets the same 404 as for a filing that does not exist.
 */
async function filingFor(
  deps: ServerDeps,
  caller: Caller,
  id: string,
  as: 'merchant' | 'respondent',
) {
  const filing = await filingById(deps.db, id);
  if (!filing) throw notFound('filing');
  const caseRow = await caseById(deps.db, filing.case_id);
  if (!caseRow) throw notFound('filing');
  if (as === 'merchant' && caseRow.owner_id === caller.userId) return { filing, caseRow };
  if (
    as === 'respondent' &&
    filing.state !== 'draft' &&
    filing.organization_id !== null &&
    caller.organizationIds.includes(filing.organization_id)
  ) {
    return { filing, caseRow };
  }
  throw notFound('filing');
}

const filingStateSchema = z.enum(FILING_STATES);

async function move(
  deps: ServerDeps,
  caller: Caller,
  filing: FilingsTable,
  action: FilingAction,
  actor: Actor,
  changes: Partial<FilingsTable>,
  event: Record<string, unknown>,
  /** A refund the merchant accepted: added to what the case recovered, with the move. */
  acceptedRefundFen = 0,
): Promise<FilingsTable> {
  const result = transition(filingStateSchema.parse(filing.state), action, actor);
  if (!result.ok) throw apiError('FG_ERR_BAD_TRANSITION', result.reason);
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await updateFilingIfUnchanged(trx, filing.id, filing.version, {
      ...changes,
      state: result.to,
      updated_at: at,
    });
    if (!moved)
      throw apiError(
        'FG_ERR_CONFLICT',
        'the filing was changed meanwhile',
        'reload it and try again',
      );
    await appendEvent(trx, {
      id: newId(),
      case_id: filing.case_id,
      filing_id: filing.id,
      actor_id: caller.userId,
      kind: `filing_${action}`,
      data: JSON.stringify({ from: filing.state, to: result.to, ...event }),
      at,
    });
    if (acceptedRefundFen > 0) {
      await trx
        .updateTable('cases')
        .set((eb) => ({ refunded_fen: eb('refunded_fen', '+', acceptedRefundFen), updated_at: at }))
        .where('id', '=', filing.case_id)
        .execute();
    } else {
      await updateCaseRow(trx, filing.case_id, { updated_at: at });
    }
  });
  await refreshCaseSummaries(deps, [filing.case_id]);
  const updated = await filingById(deps.db, filing.id);
  if (!updated) throw notFound('filing');
  return updated;
}

const inboxItem = z.object({
  filing: filingBody,
  caseId: z.string(),
  merchantName: z.string(),
  claim: z.string(),
  daysLeft: z.number().nullable(),
});

export function filingRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/cases/:id/filings',
    {
      schema: {
        operationId: 'createFiling',
        tags: ['filings'],
        summary:
          'Start a filing with one channel (a draft until it is submitted); used to escalate too',
        params: idParam,
        body: z.object({ channelId: z.string() }),
        response: { 201: filingBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'owner');
      const ctx = await loadCaseContext(deps, row);
      const channel = findChannel(ctx.kb, request.body.channelId);
      const step = [...ctx.plan.ladder, ...ctx.plan.parallel].find((s) => s.channel === channel.id);
      const accept = channel.accepts.find((a) => a.party === ctx.caseFile.complainant.type);
      if (!accept || !handlesProvider(channel.against, providerKindOf(ctx.caseFile).kind)) {
        throw apiError(
          'FG_ERR_VALIDATION',
          `${channel.id} does not take this case`,
          'GET /api/cases/{id}/plan lists the open channels',
        );
      }
      const at = deps.now().toISOString();
      const filing: FilingsTable = {
        id: newId(),
        case_id: row.id,
        channel_id: channel.id,
        organization_id: await organizationForChannel(
          deps.db,
          channel.id,
          row.respondent_name,
          channel.kind === 'provider_service',
        ),
        filing_type: step?.filingType ?? accept.as,
        state: 'draft',
        submitted_at: null,
        reference: null,
        method: null,
        due_date: null,
        response: null,
        refund_fen: null,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await deps.db.transaction().execute(async (trx) => {
        await insertFiling(trx, filing);
        await appendEvent(trx, {
          id: newId(),
          case_id: row.id,
          filing_id: filing.id,
          actor_id: caller.userId,
          kind: 'filing_created',
          data: JSON.stringify({ channel: channel.id }),
          at,
        });
        // A new filing changes only the case's filings: its summary is stored with it, from
        // what was loaded above (the plan is worked out once per filing, not twice).
        await storeSummaryAfterFilings(trx, deps, ctx);
      });
      await refreshCaseStats(deps, [row.id], ctx.kb);
      return reply.status(201).send(filingToBody(filing, ctx));
    },
  );

  app.patch(
    '/api/filings/:id',
    {
      schema: {
        operationId: 'updateFiling',
        tags: ['filings'],
        summary:
          'The merchant records what happened: submitted (date, reference, how), acknowledged, an answer received offline, closed',
        params: idParam,
        body: z.discriminatedUnion('action', [
          z.object({
            action: z.literal('submit'),
            submittedAt: isoDate,
            reference: z.string().trim().max(100).optional(),
            method: z
              .enum(['hotline', 'website', 'app', 'mini_program', 'email', 'post', 'in_person'])
              .optional(),
          }),
          z.object({
            action: z.literal('acknowledge'),
            reference: z.string().trim().max(100).optional(),
          }),
          z.object({
            action: z.literal('record_response'),
            kind: z.enum(['in_progress', 'refund', 'explanation', 'rejection']),
            message: z.string().max(5000).default(''),
            refundYuan: yuanInput.optional(),
          }),
          z.object({ action: z.literal('close') }),
        ]),
        response: { 200: filingBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { filing } = await filingFor(deps, caller, request.params.id, 'merchant');
      const kb = await knowledgeBase(deps.db);
      const body = request.body;
      let updated: FilingsTable;
      switch (body.action) {
        case 'submit': {
          const channel = findChannel(kb, filing.channel_id);
          const filingType = filingTypeSchema.safeParse(filing.filing_type);
          const due = answerDue(
            answerRule(channel, filingType.success ? filingType.data : channel.filingType),
            body.submittedAt,
            chinaCalendar(),
          );
          updated = await move(
            deps,
            caller,
            filing,
            'submit',
            'merchant',
            {
              submitted_at: body.submittedAt,
              reference: body.reference ?? null,
              method: body.method ?? null,
              due_date: due?.deadline.due ?? null,
            },
            {
              submittedAt: body.submittedAt,
              reference: body.reference ?? null,
              dueDate: due?.deadline.due ?? null,
            },
          );
          break;
        }
        case 'acknowledge':
          updated = await move(
            deps,
            caller,
            filing,
            'acknowledge',
            'merchant',
            body.reference ? { reference: body.reference } : {},
            {},
          );
          break;
        case 'record_response': {
          const response = buildResponse(body.kind, body.message, body.refundYuan, caller, deps);
          updated = await move(
            deps,
            caller,
            filing,
            'respond',
            'merchant',
            { response: JSON.stringify(response), refund_fen: response.refundFen ?? null },
            { kind: body.kind, recordedBy: 'merchant' },
          );
          break;
        }
        case 'close':
          updated = await move(deps, caller, filing, 'close', 'merchant', {}, {});
          break;
      }
      return filingToBody(updated, { kb });
    },
  );

  app.post(
    '/api/filings/:id/response',
    {
      schema: {
        operationId: 'respondToFiling',
        tags: ['respondent portal'],
        summary:
          'The addressed organization answers: in progress, refund (amount), explanation, or rejection with reasons',
        params: idParam,
        body: z.object({
          kind: z.enum(['in_progress', 'refund', 'explanation', 'rejection']),
          message: z.string().trim().min(1).max(5000),
          refundYuan: yuanInput.optional(),
        }),
        response: { 200: filingBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { filing, caseRow } = await filingFor(deps, caller, request.params.id, 'respondent');
      const body = request.body;
      const response = buildResponse(body.kind, body.message, body.refundYuan, caller, deps);
      const updated =
        body.kind === 'in_progress'
          ? await move(
              deps,
              caller,
              filing,
              'acknowledge',
              'respondent',
              { response: JSON.stringify(response) },
              { kind: body.kind, message: body.message },
            )
          : await move(
              deps,
              caller,
              filing,
              'respond',
              'respondent',
              { response: JSON.stringify(response), refund_fen: response.refundFen ?? null },
              {
                kind: body.kind,
                message: body.message,
                ...(response.refundFen ? { refund: formatFen(response.refundFen) } : {}),
              },
            );
      await recordNotification(deps, {
        userId: caseRow.owner_id,
        key: `answered:${filing.id}:${String(updated.version)}`,
        kind: 'answer_received',
        caseId: caseRow.id,
        filingId: filing.id,
        message: {
          zh: `${caseRow.respondent_name}的答复已到：${body.message.slice(0, 100)}`,
          en: `An answer arrived on your complaint against ${caseRow.respondent_name}: ${body.message.slice(0, 100)}`,
        },
      });
      return filingToBody(updated, { kb: await knowledgeBase(deps.db) });
    },
  );

  app.post(
    '/api/filings/:id/review',
    {
      schema: {
        operationId: 'reviewResponse',
        tags: ['filings'],
        summary:
          'The merchant accepts or disputes the answer; a dispute makes the plan’s next step current',
        params: idParam,
        body: z.object({
          decision: z.enum(['accept', 'dispute']),
          reason: z.string().max(2000).optional(),
        }),
        response: { 200: filingBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { filing } = await filingFor(deps, caller, request.params.id, 'merchant');
      const response = responseOf(filing);
      const at = deps.now().toISOString();
      const reviewed: FilingResponse | null = response
        ? {
            ...response,
            review: {
              decision: request.body.decision,
              ...(request.body.reason ? { reason: request.body.reason } : {}),
              at,
            },
          }
        : null;
      const updated = await move(
        deps,
        caller,
        filing,
        request.body.decision,
        'merchant',
        reviewed ? { response: JSON.stringify(reviewed) } : {},
        { decision: request.body.decision, reason: request.body.reason ?? null },
        request.body.decision === 'accept' ? (response?.refundFen ?? 0) : 0,
      );
      return filingToBody(updated, { kb: await knowledgeBase(deps.db) });
    },
  );

  app.get(
    '/api/inbox',
    {
      schema: {
        operationId: 'listInbox',
        tags: ['respondent portal'],
        summary:
          'Filings addressed to the caller’s organizations, with the time left to answer, and their figures',
        querystring: z.object({
          state: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({ items: z.array(inboxItem), counts: z.record(z.string(), z.number()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const orgs = caller.organizationIds.length > 0 ? [...caller.organizationIds] : [''];
      let query = deps.db
        .selectFrom('filings')
        .innerJoin('cases', 'cases.id', 'filings.case_id')
        .innerJoin('merchants', 'merchants.id', 'cases.merchant_id')
        .selectAll('filings')
        .select(['merchants.business_name', 'merchants.name as merchant_name', 'cases.claim_fen'])
        .where('filings.organization_id', 'in', orgs)
        .where('filings.state', '!=', 'draft');
      if (request.query.state) query = query.where('filings.state', '=', request.query.state);
      const rows = await query
        .orderBy('filings.due_date')
        .orderBy('filings.id')
        .limit(request.query.limit)
        .offset(request.query.offset)
        .execute();
      const counts = await deps.db
        .selectFrom('filings')
        .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
        .where('organization_id', 'in', orgs)
        .where('state', '!=', 'draft')
        .groupBy('state')
        .execute();
      const kb = await knowledgeBase(deps.db);
      const today = shanghaiToday(deps.now());
      return {
        items: rows.map((r) => ({
          filing: filingToBody(r, { kb }),
          caseId: r.case_id,
          merchantName: r.business_name ?? r.merchant_name,
          claim: formatFen(r.claim_fen),
          daysLeft:
            r.due_date && ['submitted', 'acknowledged'].includes(r.state)
              ? daysBetween(today, r.due_date)
              : null,
        })),
        counts: Object.fromEntries(counts.map((c) => [c.state, c.n])),
      };
    },
  );
}

function buildResponse(
  kind: FilingResponse['kind'],
  message: string,
  refundYuan: number | string | undefined,
  caller: Caller,
  deps: ServerDeps,
): FilingResponse {
  const refundFen = refundYuan === undefined ? undefined : parseYuanToFen(String(refundYuan));
  if (kind === 'refund' && (refundFen === undefined || refundFen === null || refundFen <= 0)) {
    throw apiError(
      'FG_ERR_VALIDATION',
      'a refund answer needs refundYuan, the amount refunded',
      'e.g. "refundYuan": "159.00"',
    );
  }
  return filingResponseSchema.parse({
    kind,
    message,
    ...(refundFen ? { refundFen } : {}),
    by: caller.userId,
    at: deps.now().toISOString(),
  });
}
