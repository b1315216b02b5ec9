import { findChannel } from '../channels/knowledge-base.js';
import type { Channel, FilingType, KnowledgeBase } from '../channels/schema.js';
import type { ComplainantType, Plan, PlanStep } from './plan.js';

export type DocumentChannel =
  | {
      readonly ok: true;
      readonly channel: Channel;
      readonly filingType: FilingType;
      readonly step: PlanStep | undefined;
    }
  | { readonly ok: false; readonly channel: Channel };

/**
 * The channel a letter, call script or evidence package is for: the one asked for, else the
 * plan's current step (the next one, or the one dated after an awaited answer). `ok: false`
 * when that channel does not take this complainant; the caller says so in its own terms.
 */
export function documentChannel(
  plan: Plan,
  kb: KnowledgeBase,
  party: ComplainantType,
  requested: string | undefined,
): DocumentChannel {
  const steps = [...plan.ladder, ...plan.parallel];
  const step = requested
    ? steps.find((s) => s.channel === requested)
    : (steps.find((s) => s.state === 'next') ??
      steps.find((s) => s.state === 'later' && s.startOn !== undefined) ??
      steps.find((s) => s.state === 'later') ??
      steps[0]);
  const channel = findChannel(kb, requested ?? step?.channel ?? '');
  const accept = channel.accepts.find((a) => a.party === party);
  if (!accept) return { ok: false, channel };
  return { ok: true, channel, filingType: step?.filingType ?? accept.as, step };
}
