import { z } from 'zod';
import { FeeGuardError } from '../errors.js';
import data from './spike-policy.json' with { type: 'json' };

/**
 * The thresholds spike detection uses, as data with the reason for each: they are judgement
 * calls a reviewer may want to change, so they live in `spike-policy.json`, not in code.
 */
const setting = <T extends z.ZodType>(value: T) =>
  z.object({ value, rationale: z.string().min(20, 'say why this value') });

export const spikePolicySchema = z.object({
  verifiedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date YYYY-MM-DD'),
  baselineWeeks: setting(z.number().int().min(2).max(52)),
  smoothing: setting(z.number().positive().max(5)),
  minCount: setting(z.number().int().min(1)),
  // Below 1 a count under its own baseline could fire; the property test relies on this.
  minRatio: setting(z.number().min(1)),
  familyAlpha: setting(z.number().gt(0).lt(1)),
  source: z.object({
    title: z.string().min(1),
    where: z.string().min(1),
    confidence: z.enum(['high', 'medium', 'low']),
  }),
});
export type SpikePolicy = z.infer<typeof spikePolicySchema>;

/** The thresholds as plain numbers, as detection and the evidence record use them. */
export interface SpikeThresholds {
  readonly baselineWeeks: number;
  readonly smoothing: number;
  readonly minCount: number;
  readonly minRatio: number;
  readonly familyAlpha: number;
}

export function thresholdsOf(policy: SpikePolicy): SpikeThresholds {
  return {
    baselineWeeks: policy.baselineWeeks.value,
    smoothing: policy.smoothing.value,
    minCount: policy.minCount.value,
    minRatio: policy.minRatio.value,
    familyAlpha: policy.familyAlpha.value,
  };
}

export function parseSpikePolicy(raw: unknown, origin = 'spike-policy.json'): SpikePolicy {
  const parsed = spikePolicySchema.safeParse(raw);
  if (!parsed.success) {
    throw new FeeGuardError('FG_ERR_BAD_KNOWLEDGE_BASE', `${origin}: ${parsed.error.message}`, {
      hint: 'fix src/stats/spike-policy.json so it matches src/stats/spike-policy.ts',
    });
  }
  return parsed.data;
}

const bundled = { thresholds: null as SpikeThresholds | null };

/** The bundled thresholds, validated once. */
export function defaultSpikeThresholds(): SpikeThresholds {
  bundled.thresholds ??= thresholdsOf(parseSpikePolicy(data));
  return bundled.thresholds;
}
