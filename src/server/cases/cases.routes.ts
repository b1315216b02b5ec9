import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { findingSchema } from '../../audit/report/schema.js';
import { formatFen } from '../../audit/money.js';
import type { DocumentModel } from '../../documents/model.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { renderText } from '../../documents/render-text.js';
import { writeZip } from '../../documents/zip.js';
import { buildEvidencePackage } from '../../evidence/package.js';
import { composeCallScript } from '../../letters/call-script.js';
import { defaultLegalGrounds } from '../../letters/legal-grounds.js';
import { documentChannel } from '../../plan/document-channel.js';
import { composeLetter } from '../../letters/letter.js';
import { fitLetterText, sourcedFormLimit } from '../../letters/fit.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { apiError, notFound } from '../http/errors.js';
import { errorResponses, idParam, isoDate } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { contractsOf, merchantOf } from '../merchants/merchants.repository.js';
import { contractOn } from '../statements/statements.service.js';
import { affirmationsSchema } from '../../cases/case-file.js';
import { affirmationsOf, caseDetailsSchema, findingOf, responseOf } from './case-model.js';
import { knowledgeBase } from '../channels/channels.service.js';
import {
  addCaseDeductions,
  appendEvent,
  caseById,
  deleteCaseOffers,
  lockCase,
  offeredDeductions,
  recomputeCaseClaim,
  updateCaseRow,
  casesOfOwner,
  deductionsOfCases,
  filingsOfCases,
  caseableDeductions,
  eventsOfCase,
  insertCase,
} from './cases.repository.js';
import {
  caseFor,
  loadCaseContext,
  listSummaries,
  refreshCaseSummaries,
  refreshCaseSummariesIn,
  summaryOf,
  type CaseContext,
} from './cases.service.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });
/** The part of a plan step a case summary shows; GET /api/cases/{id}/plan has all of it. */
const planStepBody = z.object({
  channel: z.string(),
  name: bilingual,
  state: z.string(),
  filingType: z.string(),
  why: bilingual,
  when: bilingual,
  startOn: z.string().optional(),
});

export const filingBody = z.object({
  id: z.string(),
  caseId: z.string(),
  channelId: z.string(),
  channelName: z.object({ zh: z.string(), en: z.string() }),
  organizationId: z.string().nullable(),
  filingType: z.string(),
  state: z.string(),
  submittedAt: z.string().nullable(),
  reference: z.string().nullable(),
  method: z.string().nullable(),
  dueDate: z.string().nullable(),
  response: z.unknown().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

const caseSummary = z.object({
  id: z.string(),
  merchantId: z.string(),
  respondentName: z.string(),
  respondentType: z.string(),
  status: z.enum(['new', 'waiting', 'action_needed', 'resolved', 'closed']),
  claim: z.string(),
  questioned: z
    .string()
    .describe(
      'the amount of the deductions held as questions (需核实): the provider is asked to explain them; not part of the claim',
    ),
  recovered: z.string(),
  nextDeadline: z.string().nullable(),
  nextStep: planStepBody.nullable(),
  createdAt: z.string(),
});

const caseBody = caseSummary.extend({
  role: z.enum(['owner', 'respondent']),
  findings: z.array(findingSchema.extend({ id: z.string() })),
  filings: z.array(filingBody),
  details: caseDetailsSchema,
  affirmations: affirmationsSchema,
  offered: z
    .object({
      claim: z.string(),
      findings: z.array(findingSchema.extend({ id: z.string() })),
    })
    .describe(
      'deductions a contract correction made claimable after this case was filed (owner only; empty otherwise): POST /api/cases/{id}/deductions adds them',
    ),
});

/** What a corrected contract offers a filed case, as its owner sees it; nothing for anyone else. */
async function offeredBody(deps: ServerDeps, caseId: string, role: 'owner' | 'respondent') {
  const rows = role === 'owner' ? await offeredDeductions(deps.db, caseId) : [];
  return {
    claim: formatFen(rows.reduce((sum, d) => sum + d.overcharge_fen, 0)),
    findings: rows.map((d) => ({ ...findingOf(d), id: d.id })),
  };
}

type FilingRow = CaseContext['filings'][number];

export function filingToBody(
  filing: FilingRow,
  ctx: Pick<CaseContext, 'kb'>,
): z.infer<typeof filingBody> {
  const channel = ctx.kb.channels.find((c) => c.id === filing.channel_id);
  return {
    id: filing.id,
    caseId: filing.case_id,
    channelId: filing.channel_id,
    channelName: channel?.name ?? { zh: filing.channel_id, en: filing.channel_id },
    organizationId: filing.organization_id,
    filingType: filing.filing_type,
    state: filing.state,
    submittedAt: filing.submitted_at,
    reference: filing.reference,
    method: filing.method,
    dueDate: filing.due_date,
    response: responseOf(filing),
    version: filing.version,
    updatedAt: filing.updated_at,
  };
}

const documentQuery = z.object({
  channel: z.string().optional(),
  format: z.enum(['pdf', 'docx', 'txt']).default('pdf'),
  lang: z.enum(['zh', 'en']).default('zh'),
  kind: z.enum(['letter', 'script']).default('letter'),
  maxChars: z.coerce.number().int().min(50).optional(),
});

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
} as const;

/** The channel a document is for: the one asked for, else the plan's next step. */
function channelFor(ctx: CaseContext, requested: string | undefined) {
  const chosen = documentChannel(ctx.plan, ctx.kb, ctx.caseFile.complainant.type, requested);
  if (!chosen.ok) {
    throw apiError(
      'FG_ERR_VALIDATION',
      `${chosen.channel.id} does not take filings from a ${ctx.caseFile.complainant.type}`,
      'GET /api/cases/{id}/plan lists the channels open to this case',
    );
  }
  return chosen;
}

export function caseRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/cases',
    {
      schema: {
        operationId: 'createCase',
        tags: ['cases'],
        summary:
          'Open a case against the merchant’s provider with chosen findings (default: every unauthorized one, and with withQuestions every one that needs review, held as a question)',
        body: z.object({
          merchantId: z.uuid(),
          deductionIds: z
            .array(z.uuid())
            .optional()
            .describe(
              'unauthorized deductions to claim and needs_review ones to ask the provider about',
            ),
          withQuestions: z
            .boolean()
            .optional()
            .describe(
              'without deductionIds: also hold every deduction that needs review, as a question (never part of the claim)',
            ),
          noticedAt: isoDate.optional(),
          narrative: z.string().max(5000).optional(),
          othersAffected: z.union([z.boolean(), z.number().int().nonnegative()]).optional(),
          arbitrationAgreement: z.boolean().optional(),
          affirmations: affirmationsSchema.optional(),
        }),
        response: { 201: caseBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const input = request.body;
      const merchant = await merchantOf(deps.db, caller.userId, input.merchantId);
      if (!merchant) throw notFound('merchant');
      const deductions = await caseableDeductions(
        deps.db,
        merchant.id,
        input.deductionIds ?? null,
        input.withQuestions === true,
      );
      if (input.deductionIds && deductions.length !== new Set(input.deductionIds).size) {
        throw apiError(
          'FG_ERR_VALIDATION',
          'some deductionIds are neither unauthorized nor needing review, or not this merchant’s',
          'list them from the audit reports',
        );
      }
      if (deductions.length === 0) {
        throw apiError(
          'FG_ERR_VALIDATION',
          'there is nothing to claim or question: no unauthorized deductions and none that need review',
          'upload a statement first',
        );
      }
      const questioned = deductions.filter((d) => d.verdict === 'needs_review');
      const at = deps.now().toISOString();
      const id = newId();
      const row = {
        id,
        merchant_id: merchant.id,
        owner_id: caller.userId,
        respondent_name: merchant.provider_name,
        respondent_type: merchant.provider_type,
        claim_fen: deductions.reduce((sum, d) => sum + d.overcharge_fen, 0),
        refunded_fen: 0,
        status: 'new',
        next_deadline: null,
        summary: '{}',
        details: JSON.stringify(
          caseDetailsSchema.parse({
            ...(input.noticedAt ? { noticedAt: input.noticedAt } : {}),
            ...(input.narrative ? { narrative: input.narrative } : {}),
            othersAffected: input.othersAffected ?? false,
            arbitrationAgreement: input.arbitrationAgreement ?? false,
          }),
        ),
        affirmations: JSON.stringify(affirmationsSchema.parse(input.affirmations ?? {})),
        created_at: at,
        updated_at: at,
      };
      await deps.db.transaction().execute(async (trx) => {
        await insertCase(
          trx,
          row,
          deductions.map((d) => d.id),
        );
        await appendEvent(trx, {
          id: newId(),
          case_id: id,
          filing_id: null,
          actor_id: caller.userId,
          kind: 'case_created',
          data: JSON.stringify({
            claim: formatFen(row.claim_fen),
            deductions: deductions.length,
            questioned: questioned.length,
          }),
          at,
        });
      });
      const [ctx] = await refreshCaseSummaries(deps, [id]);
      if (!ctx) throw notFound('case');
      return reply.status(201).send(await caseDetail(deps, ctx, 'owner'));
    },
  );

  app.get(
    '/api/cases',
    {
      schema: {
        operationId: 'listCases',
        tags: ['cases'],
        summary: 'The caller’s cases: state, next deadline, money claimed and recovered',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(caseSummary) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const rows = await casesOfOwner(
        deps.db,
        caller.userId,
        request.query.limit,
        request.query.offset,
      );
      return { items: await listSummaries(deps, rows) };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        operationId: 'getCase',
        tags: ['cases'],
        summary:
          'A case with its findings, filings and the next step (owner, or an organization it was filed with)',
        params: idParam,
        response: { 200: caseBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row, role } = await caseFor(deps, caller, request.params.id, 'read');
      // Reading a case needs no plan: what it shows of the plan is stored with every change.
      const [[summary], filings, deductions, kb] = await Promise.all([
        listSummaries(deps, [row]),
        filingsOfCases(deps.db, [row.id]),
        deductionsOfCases(deps.db, [row.id]),
        knowledgeBase(deps.db),
      ]);
      if (!summary) throw notFound('case');
      return {
        ...summary,
        role,
        findings: deductions.map((d) => ({ ...findingOf(d), id: d.id })),
        filings: filings.map((f) => filingToBody(f, { kb })),
        details: caseDetailsSchema.parse(JSON.parse(row.details)),
        affirmations: affirmationsOf(row),
        offered: await offeredBody(deps, row.id, role),
      };
    },
  );

  app.patch(
    '/api/cases/:id/facts',
    {
      schema: {
        operationId: 'updateCaseFacts',
        tags: ['cases'],
        summary:
          'What the merchant affirms (agreement signed? told of a change? confirmed it? whom contacted?), when they noticed, their own account (owner)',
        params: idParam,
        body: z.object({
          affirmations: affirmationsSchema.optional(),
          noticedAt: isoDate.nullable().optional(),
          narrative: z.string().max(5000).nullable().optional(),
        }),
        response: { 200: caseBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'owner');
      const input = request.body;
      const details = caseDetailsSchema.parse(JSON.parse(row.details));
      const noticedAt = input.noticedAt === undefined ? details.noticedAt : input.noticedAt;
      const narrative = input.narrative === undefined ? details.narrative : input.narrative;
      const changed = {
        details: JSON.stringify({
          othersAffected: details.othersAffected,
          arbitrationAgreement: details.arbitrationAgreement,
          ...(noticedAt ? { noticedAt } : {}),
          ...(narrative ? { narrative } : {}),
        }),
        affirmations:
          input.affirmations === undefined ? row.affirmations : JSON.stringify(input.affirmations),
        updated_at: deps.now().toISOString(),
      };
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('cases').set(changed).where('id', '=', row.id).execute();
        await appendEvent(trx, {
          id: newId(),
          case_id: row.id,
          filing_id: null,
          actor_id: caller.userId,
          kind: 'facts_updated',
          data: JSON.stringify({ fields: Object.keys(input) }),
          at: changed.updated_at,
        });
      });
      // When the deductions were noticed moves the limitation period, so the plan may change.
      const [updated] = await refreshCaseSummaries(deps, [row.id]);
      if (!updated) throw notFound('case');
      return caseDetail(deps, updated, 'owner');
    },
  );

  app.post(
    '/api/cases/:id/deductions',
    {
      schema: {
        operationId: 'addOfferedDeductions',
        tags: ['cases'],
        summary:
          'Add to a case the deductions a contract correction made claimable after it was filed (its `offered` list): the claim, plan and letters made from now on include them; what was already sent stays as it was (owner)',
        params: idParam,
        body: z.object({
          deductionIds: z
            .array(z.uuid())
            .min(1)
            .optional()
            .describe('some of the offered deductions; all of them when left out'),
        }),
        response: { 200: caseBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'owner');
      if (row.status === 'closed') {
        throw apiError(
          'FG_ERR_VALIDATION',
          'the case is closed',
          'start a new complaint for these deductions',
        );
      }
      const wanted = request.body.deductionIds;
      const at = deps.now().toISOString();
      const [updated] = await deps.db.transaction().execute(async (trx) => {
        // two adds at once take turns: the second finds nothing left to add
        await lockCase(trx, row.id);
        const was = (await caseById(trx, row.id))?.claim_fen ?? 0;
        const offered = await offeredDeductions(trx, row.id);
        const chosen = wanted ? offered.filter((d) => wanted.includes(d.id)) : offered;
        if (chosen.length === 0 || (wanted && chosen.length !== new Set(wanted).size)) {
          throw apiError(
            'FG_ERR_VALIDATION',
            wanted
              ? 'some deductionIds are not offered to this case (any more)'
              : 'no deductions are offered to this case',
            'reload the case: its offered list says what may be added',
          );
        }
        const ids = chosen.map((d) => d.id);
        await addCaseDeductions(trx, row.id, ids);
        await deleteCaseOffers(trx, row.id, ids);
        await recomputeCaseClaim(trx, row.id);
        const now = (await caseById(trx, row.id))?.claim_fen ?? 0;
        await appendEvent(trx, {
          id: newId(),
          case_id: row.id,
          filing_id: null,
          actor_id: caller.userId,
          kind: 'deductions_added',
          data: JSON.stringify({
            deductions: ids.length,
            claim: { before: formatFen(was), after: formatFen(now) },
          }),
          at,
        });
        await updateCaseRow(trx, row.id, { updated_at: at });
        return refreshCaseSummariesIn(trx, deps, [row.id]);
      });
      if (!updated) throw notFound('case');
      return caseDetail(deps, updated, 'owner');
    },
  );

  app.get(
    '/api/cases/:id/plan',
    {
      schema: {
        operationId: 'getCasePlan',
        tags: ['cases'],
        summary: 'The routed plan: which channel first, why, deadlines, escalation (owner)',
        params: idParam,
        response: {
          200: z.object({
            asOf: z.string(),
            claimFen: z.number(),
            stage: z.enum(['start', 'waiting', 'escalate', 'resolved', 'exhausted']),
            headline: bilingual,
            ladder: z.array(z.unknown()),
            parallel: z.array(z.unknown()),
            groupComplaint: z.object({ recommended: z.boolean(), why: bilingual }),
            warnings: z.array(bilingual),
            question: bilingual
              .optional()
              .describe(
                "what the merchant must confirm (the provider's type) before going further",
              ),
            court: z
              .unknown()
              .optional()
              .describe(
                'the court procedure, court fee and, with an arbitration clause, the fee range',
              ),
            limitation: z.object({ until: z.string(), daysLeft: z.number() }).optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'owner');
      const { plan } = await loadCaseContext(deps, row);
      return {
        ...plan,
        ladder: [...plan.ladder],
        parallel: [...plan.parallel],
        warnings: [...plan.warnings],
      };
    },
  );

  app.get(
    '/api/cases/:id/events',
    {
      schema: {
        operationId: 'listCaseEvents',
        tags: ['cases'],
        summary: 'Everything that happened to a case, oldest first (append-only)',
        params: idParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                filingId: z.string().nullable(),
                actorId: z.string().nullable(),
                data: z.unknown(),
                at: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'read');
      const events = await eventsOfCase(deps.db, row.id);
      return {
        items: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          filingId: e.filing_id,
          actorId: e.actor_id,
          data: JSON.parse(e.data) as unknown,
          at: e.at,
        })),
      };
    },
  );

  app.get(
    '/api/cases/:id/letter',
    {
      schema: {
        operationId: 'getLetter',
        tags: ['cases'],
        summary:
          'The letter (or call script, kind=script) for a channel as PDF, DOCX or form-sized text',
        params: idParam,
        querystring: documentQuery,
        produces: ['application/pdf', CONTENT_TYPES.docx, 'text/plain'],
        response: { 200: z.unknown().describe('the document'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'read');
      const ctx = await loadCaseContext(deps, row);
      const query = request.query;
      const { channel, filingType, step } = channelFor(ctx, query.channel);
      const letterInput = {
        caseFile: ctx.caseFile,
        audit: ctx.audit,
        channel,
        filingType,
        kb: ctx.kb,
        grounds: defaultLegalGrounds(),
        date: ctx.today,
        language: query.lang,
      };
      const doc: DocumentModel =
        query.kind === 'script'
          ? composeCallScript({
              caseFile: ctx.caseFile,
              audit: ctx.audit,
              channel,
              kb: ctx.kb,
              ...(step?.answerDue ? { answerDue: step.answerDue } : {}),
              date: ctx.today,
              language: query.lang,
            })
          : composeLetter(letterInput);
      const name = `${query.kind === 'script' ? 'call-script' : 'letter'}-${channel.id}.${query.format}`;
      reply.header('content-type', CONTENT_TYPES[query.format]);
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (query.format === 'pdf') return reply.send(await renderPdf(doc));
      if (query.format === 'docx') return reply.send(await renderDocx(doc));
      const limit = query.maxChars ?? sourcedFormLimit(channel);
      if (query.kind === 'letter') {
        // Fitted to the form by rewriting (docs/letters.md), never by cutting the letter short.
        const fitted = fitLetterText(letterInput, limit);
        reply.header('x-feeguard-version', fitted.version);
        reply.header('x-feeguard-truncated', String(fitted.truncated));
        return reply.send(fitted.text);
      }
      const text = renderText(doc, limit === undefined ? {} : { maxChars: limit });
      reply.header('x-feeguard-truncated', String(text.truncated));
      return reply.send(text.text);
    },
  );

  app.get(
    '/api/cases/:id/evidence',
    {
      schema: {
        operationId: 'getEvidencePackage',
        tags: ['cases'],
        summary:
          'The evidence package: ZIP with letter, audit report, original statements, timeline and SHA-256 manifest',
        params: idParam,
        querystring: z.object({
          channel: z.string().optional(),
          lang: z.enum(['zh', 'en']).default('zh'),
        }),
        produces: ['application/zip'],
        response: { 200: z.unknown().describe('the ZIP file'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'read');
      const ctx = await loadCaseContext(deps, row);
      const { channel, filingType } = channelFor(ctx, request.query.channel);
      const statements = await Promise.all(
        ctx.statements.map(async (s) => ({
          name: s.file_name,
          data: await deps.storage.get(s.file_sha256),
        })),
      );
      const contract = contractOn(await contractsOf(deps.db, [row.merchant_id]), ctx.today);
      const entries = await buildEvidencePackage({
        ...(contract ? { contract } : {}),
        caseFile: ctx.caseFile,
        audit: ctx.audit,
        kb: ctx.kb,
        grounds: defaultLegalGrounds(),
        plan: ctx.plan,
        channel,
        filingType,
        statements,
        attachments: [],
        date: ctx.today,
        language: request.query.lang,
      });
      const stream = new PassThrough();
      void writeZip(entries, stream, { date: new Date(`${ctx.today}T12:00:00+08:00`) }).catch(
        (error: unknown) => {
          stream.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      reply.header('content-type', 'application/zip');
      reply.header(
        'content-disposition',
        `attachment; filename="evidence-${row.id.slice(0, 8)}.zip"`,
      );
      return reply.send(stream);
    },
  );
}

async function caseDetail(deps: ServerDeps, ctx: CaseContext, role: 'owner' | 'respondent') {
  return {
    offered: await offeredBody(deps, ctx.row.id, role),
    ...summaryOf(ctx),
    role,
    findings: ctx.deductions.map((d) => ({ ...findingOf(d), id: d.id })),
    filings: ctx.filings.map((f) => filingToBody(f, ctx)),
    details: caseDetailsSchema.parse(JSON.parse(ctx.row.details)),
    affirmations: affirmationsOf(ctx.row),
  };
}
