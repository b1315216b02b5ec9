import { z } from 'zod';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import { findingSchema, type Finding } from '../../audit/report/schema.js';
import { FINDING_CATEGORIES } from '../../audit/model.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { notFound } from '../http/errors.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { merchantOf } from '../merchants/merchants.repository.js';
import { findingOf } from '../cases/case-model.js';
import { recomputeCaseClaims } from '../cases/cases.repository.js';
import { refreshCaseSummaries } from '../cases/cases.service.js';

const deductionBody = findingSchema.extend({ id: z.string(), reviewed: z.boolean() });

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

/**
 * The finding as the merchant marked it. "我同意过": authorized, nothing claimed. "我没同意": the
 * audit's own overcharge when it found one (a fee above the agreed rate claims only the
 * difference), else the whole amount.
 */
export function markedFinding(
  audited: Finding,
  amountFen: number,
  decision: 'agreed' | 'not_agreed',
): Finding {
  if (decision === 'agreed') {
    return {
      ...audited,
      verdict: 'authorized',
      overcharge: formatFen(0),
      reason: '商户确认曾同意此项扣费',
      reasonEn: 'The merchant confirmed agreeing to this charge',
      basis: 'merchant: agreed',
    };
  }
  const found = audited.verdict === 'unauthorized' ? (parseYuanToFen(audited.overcharge) ?? 0) : 0;
  return {
    ...audited,
    verdict: 'unauthorized',
    overcharge: formatFen(found > 0 ? found : amountFen),
    reason:
      found > 0
        ? `${audited.reason}；商户确认未同意`
        : audited.verdict === 'needs_review'
          ? '商户确认从未同意此项扣费，用途不明'
          : '商户确认从未同意此项扣费',
    reasonEn:
      found > 0
        ? `${audited.reasonEn ?? audited.reason}; the merchant confirmed not agreeing`
        : audited.verdict === 'needs_review'
          ? 'The merchant never agreed to this charge of unclear purpose'
          : 'The merchant never agreed to this charge',
    basis: 'merchant: not_agreed',
  };
}
