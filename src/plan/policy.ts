import { z } from 'zod';
import { FeeGuardError } from '../errors.js';
import { citationSchema } from '../channels/schema.js';
import data from './policy.json' with { type: 'json' };

/**
 * Figures the route planner weighs a claim against: what a lawsuit costs, where the small-claims
 * procedure ends, how long a claim lives. They change (court fees, each province's yearly
 * small-claims limit), so they are data with their sources, like the channels.
 */
const yuan = z.number().int().positive();
const basisPoints = z.number().int().positive();

export const planPolicySchema = z.object({
  verifiedAt: z.string(),
  /** 诉讼费用交纳办法 第十三条: cumulative brackets; the last has no upper end. */
  courtFee: z.object({
    brackets: z
      .array(
        z.union([
          z.object({ upToYuan: yuan, fixedYuan: yuan }),
          z.object({ upToYuan: yuan.optional(), basisPoints }),
        ]),
      )
      .min(1),
    cite: citationSchema,
  }),
  /** 仲裁委员会仲裁收费办法 (1995): a range per bracket; each commission sets its own figure. */
  arbitrationFee: z.object({
    brackets: z
      .array(
        z.union([
          z.object({ upToYuan: yuan, fixedMinYuan: yuan, fixedMaxYuan: yuan }),
          z.object({
            upToYuan: yuan.optional(),
            minBasisPoints: basisPoints,
            maxBasisPoints: basisPoints,
          }),
        ]),
      )
      .min(1),
    cite: citationSchema,
  }),
  /** 民事诉讼法 第一百六十五条, and each province's published limit with its year and source. */
  smallClaims: z.object({
    rule: citationSchema,
    limits: z.array(
      z.object({
        province: z.string().min(1),
        automaticYuan: yuan,
        byAgreementYuan: yuan,
        since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
        /** The year of the average wage the limit is 50 % of. */
        wageYear: z.number().int(),
        cite: citationSchema,
      }),
    ),
  }),
  limitationYears: z.number().int().positive(),
  limitationCite: citationSchema,
  warnLimitationWithinDays: z.number().int().positive(),
  deadlineSoonDays: z.number().int().positive(),
});
export type PlanPolicy = z.infer<typeof planPolicySchema>;

const bundled = { policy: null as PlanPolicy | null };

export function defaultPlanPolicy(): PlanPolicy {
  if (!bundled.policy) {
    const parsed = planPolicySchema.safeParse(data);
    if (!parsed.success) {
      throw new FeeGuardError('FG_ERR_BAD_KNOWLEDGE_BASE', `policy.json: ${parsed.error.message}`, {
        hint: 'fix src/plan/policy.json so it matches src/plan/policy.ts',
      });
    }
    bundled.policy = parsed.data;
  }
  return bundled.policy;
}
