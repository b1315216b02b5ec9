import { formatFen, parseYuanToFen } from '../../audit/money.js';
import type { Finding } from '../../audit/report/schema.js';

/** What the merchant said about a deduction: agreed to it, or not. */
export type Mark = 'agreed' | 'not_agreed';

/**
 * The finding as the merchant marked it. "我同意过": authorized, nothing claimed. "我没同意": the
 * audit's own overcharge when it found one (a fee above the agreed rate claims only the
 * difference), else the whole amount.
 */
export function markedFinding(audited: Finding, amountFen: number, decision: Mark): Finding {
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

/** The merchant's own answer recorded on a stored finding, if any. */
export function markOf(finding: Pick<Finding, 'basis'>): Mark | null {
  if (finding.basis === 'merchant: agreed') return 'agreed';
  if (finding.basis === 'merchant: not_agreed') return 'not_agreed';
  return null;
}
