import { z } from 'zod';
import { formatFen } from '../../audit/money.js';
import { findingSchema } from '../../audit/report/schema.js';
import { FINDING_CATEGORIES } from '../../audit/model.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { apiError, notFound } from '../http/errors.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { merchantOf } from '../merchants/merchants.repository.js';
import { findingOf } from '../cases/case-model.js';

const deductionBody = findingSchema.extend({ id: z.string(), reviewed: z.boolean() });

/**
 * The merchant's deductions across every upload, each once, with the claim they add up to. A
 * deduction the audit could not judge ("needs review") is settled by the merchant: agreed, or
 * not agreed — which puts it into the claim.
 */
export function deductionRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/merchants/:id/deductions',
    {
      schema: {
        operationId: 'listDeductions',
        tags: ['statements'],
        summary: 'Every fee deduction of a merchant across all uploads, with the current claim',
        params: idParam,
        response: {
          200: z.object({
            items: z.array(deductionBody),
            claim: z.string(),
            byCategory: z.record(z.string(), z.string()),
            counts: z.object({
              authorized: z.number(),
              unauthorized: z.number(),
              needs_review: z.number(),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const merchant = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!merchant) throw notFound('merchant');
      const rows = await deps.db
        .selectFrom('deductions')
        .selectAll()
        .where('merchant_id', '=', merchant.id)
        .orderBy('date')
        .orderBy('id')
        .execute();
      const byCategory = new Map<string, number>();
      let claim = 0;
      for (const row of rows) {
        if (row.verdict !== 'unauthorized' || row.overcharge_fen <= 0) continue;
        claim += row.overcharge_fen;
        byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.overcharge_fen);
      }
      const count = (verdict: string) => rows.filter((r) => r.verdict === verdict).length;
      return {
        items: rows.map((row) => {
          const finding = findingOf(row);
          return {
            ...finding,
            id: row.id,
            reviewed: finding.basis?.startsWith('merchant:') ?? false,
          };
        }),
        claim: formatFen(claim),
        byCategory: Object.fromEntries(
          FINDING_CATEGORIES.filter((c) => byCategory.has(c)).map((c) => [
            c,
            formatFen(byCategory.get(c) ?? 0),
          ]),
        ),
        counts: {
          authorized: count('authorized'),
          unauthorized: count('unauthorized'),
          needs_review: count('needs_review'),
        },
      };
    },
  );

  app.patch(
    '/api/deductions/:id',
    {
      schema: {
        operationId: 'reviewDeduction',
        tags: ['statements'],
        summary:
          'The merchant settles a deduction that needs review: agreed to it, or not (then it is claimed)',
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
      const finding = findingOf(row);
      const wasReviewed = finding.basis?.startsWith('merchant:') ?? false;
      if (row.verdict !== 'needs_review' && !wasReviewed) {
        throw apiError(
          'FG_ERR_BAD_TRANSITION',
          `the audit already judged this deduction ${row.verdict}`,
          'only deductions that need review are settled by the merchant',
        );
      }
      const agreed = request.body.decision === 'agreed';
      const verdict = agreed ? 'authorized' : 'unauthorized';
      const overcharge = agreed ? 0 : row.amount_fen;
      const updated = {
        ...finding,
        verdict,
        overcharge: formatFen(overcharge),
        reason: agreed ? '商户确认曾同意此项扣费' : '商户确认从未同意此项扣费，用途不明',
        reasonEn: agreed
          ? 'The merchant confirmed agreeing to this charge'
          : 'The merchant never agreed to this charge of unclear purpose',
        basis: `merchant: ${request.body.decision}`,
      } as const;
      await deps.db
        .updateTable('deductions')
        .set({ verdict, overcharge_fen: overcharge, finding: JSON.stringify(updated) })
        .where('id', '=', row.id)
        .execute();
      return { ...updated, id: row.id, reviewed: true };
    },
  );
}
