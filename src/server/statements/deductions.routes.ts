import { z } from 'zod';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import { findingCategorySchema, findingSchema, verdictSchema } from '../../audit/report/schema.js';
import { FINDING_CATEGORIES } from '../../audit/model.js';
import { markedFinding } from './marks.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { notFound } from '../http/errors.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { merchantOf } from '../merchants/merchants.repository.js';
import { findingOf } from '../cases/case-model.js';
import { recomputeCaseClaims } from '../cases/cases.repository.js';
import { refreshCaseSummaries } from '../cases/cases.service.js';
import {
  monthlyDeductions,
  pageOfDeductions,
  tallyDeductions,
  unsettledIds,
  type DeductionTally,
} from './deductions.repository.js';

const deductionBody = findingSchema.extend({ id: z.string(), reviewed: z.boolean() });
const verdictCounts = z.object({
  authorized: z.number(),
  unauthorized: z.number(),
  needs_review: z.number(),
});

type Counts = z.infer<typeof verdictCounts>;

/** The claim, its split by category and the counts by verdict (overall and per category). */
function claimOf(tally: readonly DeductionTally[]) {
  const byCategory = new Map<string, number>();
  const counts: Counts = { authorized: 0, unauthorized: 0, needs_review: 0 };
  const countsByCategory: Record<string, Counts> = {};
  let claim = 0;
  for (const t of tally) {
    const verdict = t.verdict as keyof Counts;
    if (!(verdict in counts)) continue;
    counts[verdict] += t.count;
    const perCategory = (countsByCategory[t.category] ??= {
      authorized: 0,
      unauthorized: 0,
      needs_review: 0,
    });
    perCategory[verdict] += t.count;
    if (verdict === 'unauthorized' && t.overchargeFen > 0) {
      claim += t.overchargeFen;
      byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + t.overchargeFen);
    }
  }
  return {
    claim: formatFen(claim),
    byCategory: Object.fromEntries(
      FINDING_CATEGORIES.filter((c) => byCategory.has(c)).map((c) => [
        c,
        formatFen(byCategory.get(c) ?? 0),
      ]),
    ),
    counts,
    countsByCategory,
  };
}

/**
 * The merchant's deductions across every upload, each once, with the claim they add up to. The
 * merchant marks any of them agreed or not agreed — what they agreed to is theirs to say, also
 * where the contract on file was incomplete (a deposit they did accept) or the audit could not
 * judge; the audit's own finding is kept so the mark can be changed back.
 */
export function deductionRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/merchants/:id/deductions',
    {
      schema: {
        operationId: 'listDeductions',
        tags: ['statements'],
        summary:
          'The fee deductions of a merchant across all uploads (all, or one page of one verdict or category), with the current claim',
        params: idParam,
        querystring: z.object({
          verdict: verdictSchema.optional(),
          category: findingCategorySchema.optional(),
          /** 1-based; with `limit`, only that page is returned. Without `limit`, every deduction. */
          page: z.coerce.number().int().min(1).default(1),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(deductionBody),
            /** How many deductions match the filter (all pages). */
            total: z.number(),
            page: z.number(),
            limit: z.number().nullable(),
            claim: z.string(),
            byCategory: z.record(z.string(), z.string()),
            counts: verdictCounts,
            /** Per category: how many deductions of each verdict. */
            countsByCategory: z.record(z.string(), verdictCounts),
            /** Per month and category, what the deductions took (yuan): the chart's data. */
            monthly: z.array(
              z.object({ month: z.string(), category: z.string(), amount: z.string() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const merchant = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!merchant) throw notFound('merchant');
      const { verdict, category, page, limit } = request.query;
      const [tally, monthly, rows] = await Promise.all([
        tallyDeductions(deps.db, merchant.id),
        monthlyDeductions(deps.db, merchant.id),
        pageOfDeductions(
          deps.db,
          merchant.id,
          { verdict, category },
          limit ? { offset: (page - 1) * limit, limit } : null,
        ),
      ]);
      return {
        items: rows.items.map((row) => {
          const finding = findingOf(row);
          return {
            ...finding,
            id: row.id,
            reviewed: finding.basis?.startsWith('merchant:') ?? false,
          };
        }),
        total: rows.total,
        page: limit ? page : 1,
        limit: limit ?? null,
        ...claimOf(tally),
        monthly: monthly.map((m) => ({
          month: m.month,
          category: m.category,
          amount: formatFen(m.amountFen),
        })),
      };
    },
  );

  app.post(
    '/api/merchants/:id/deductions/review',
    {
      schema: {
        operationId: 'reviewDeductions',
        tags: ['statements'],
        summary:
          'The merchant settles many deductions that need review at once: all of one category, or the ones listed',
        params: idParam,
        body: z
          .object({
            decision: z.enum(['agreed', 'not_agreed']),
            category: findingCategorySchema.optional(),
            ids: z.array(z.string()).min(1).max(1000).optional(),
          })
          .refine((b) => b.category !== undefined || b.ids !== undefined, {
            message: 'name a category or list the deductions',
          }),
        response: {
          200: z.object({ settled: z.number(), claim: z.string(), counts: verdictCounts }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const merchant = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!merchant) throw notFound('merchant');
      const { decision, category, ids } = request.body;
      const rows = await unsettledIds(deps.db, merchant.id, { category, ids });
      const caseIds = await deps.db.transaction().execute(async (trx) => {
        const touched = new Set<string>();
        for (const row of rows) {
          const updated = markedFinding(findingOf(row), row.amount_fen, decision);
          await trx
            .updateTable('deductions')
            .set({
              verdict: updated.verdict,
              overcharge_fen: parseYuanToFen(updated.overcharge) ?? 0,
              finding: JSON.stringify(updated),
              audit_finding: row.audit_finding ?? row.finding,
            })
            .where('id', '=', row.id)
            .execute();
          for (const caseId of await recomputeCaseClaims(trx, row.id)) touched.add(caseId);
        }
        return [...touched];
      });
      await refreshCaseSummaries(deps, caseIds);
      const tally = await tallyDeductions(deps.db, merchant.id);
      const { claim, counts } = claimOf(tally);
      return { settled: rows.length, claim, counts };
    },
  );

  app.patch(
    '/api/deductions/:id',
    {
      schema: {
        operationId: 'reviewDeduction',
        tags: ['statements'],
        summary:
          'The merchant marks a deduction “我同意过” (agreed: out of the claim) or “我没同意” (not agreed: claimed); the claim of every case holding it, its letters and the public statistics follow',
        params: idParam,
        body: z.object({ decision: z.enum(['agreed', 'not_agreed']) }),
        response: { 200: deductionBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const row = await deps.db
        .selectFrom('deductions')
        .innerJoin('merchants', 'merchants.id', 'deductions.merchant_id')
        .selectAll('deductions')
        .where('deductions.id', '=', request.params.id)
        .where('merchants.owner_id', '=', caller.userId)
        .executeTakeFirst();
      if (!row) throw notFound('deduction');
      // The audit's own judgement, kept the first time the merchant marks the deduction.
      const audited = row.audit_finding
        ? findingOf({ finding: row.audit_finding })
        : findingOf(row);
      const updated = markedFinding(audited, row.amount_fen, request.body.decision);
      const overcharge = parseYuanToFen(updated.overcharge) ?? 0;
      const caseIds = await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('deductions')
          .set({
            verdict: updated.verdict,
            overcharge_fen: overcharge,
            finding: JSON.stringify(updated),
            audit_finding: row.audit_finding ?? row.finding,
          })
          .where('id', '=', row.id)
          .execute();
        return recomputeCaseClaims(trx, row.id);
      });
      await refreshCaseSummaries(deps, caseIds);
      return { ...updated, id: row.id, reviewed: true };
    },
  );
}
