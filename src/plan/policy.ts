import { z } from 'zod';
import { FeeGuardError } from '../errors.js';
import { citationSchema } from '../channels/schema.js';
import data from './policy.json' with { type: 'json' };

/**
 * Figures the route planner weighs a claim against: what a lawsuit costs, where the small-claims
 * procedure ends, how long a claim lives. They change (court fees, each province's yearly
 * small-claims limit), so they are data with their sources, like the channels.
 */
export const planPolicySchema = z.object({
  verifiedAt: z.string(),
  courtFee: z.object({
    upToYuan: z.number().int().positive(),
    feeYuan: z.number().int().positive(),
    reducedFeeYuan: z.number().int().positive(),
    cite: citationSchema,
  }),
  smallClaimsLimits: z.array(
    z.object({
      province: z.string(),
      automaticYuan: z.number().int().positive(),
      byAgreementYuan: z.number().int().positive(),
      since: z.string(),
      cite: citationSchema,
    }),
  ),
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
