/**
 * What one complaint adds to the public statistics. A case is reduced to a contribution (its
 * dimensions and counters); when the case changes, the statistics change by the difference
 * between its new and its old contribution. Pure: the server stores contributions and applies
 * the deltas inside the transaction that changed the case.
 */

export const OUTCOMES = ['refunded', 'partly', 'rejected', 'no_answer', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Days to answer above this are counted together, so the histogram stays small. */
export const MAX_ANSWER_DAYS = 120;

export interface Dimensions {
  readonly provider: string;
  readonly category: string;
  /** '' when the merchant did not say. */
  readonly province: string;
  readonly city: string;
  /** YYYY-MM of the complaint (Asia/Shanghai). */
  readonly month: string;
  /** Monday of the complaint's week, for spike detection. */
  readonly week: string;
}

export interface Counters {
  readonly complaints: number;
  readonly claimed_fen: number;
  readonly recovered_fen: number;
  readonly outcome_refunded: number;
  readonly outcome_partly: number;
  readonly outcome_rejected: number;
  readonly outcome_no_answer: number;
  readonly outcome_pending: number;
  /** Filings to the provider whose answer was due: answered, or past the deadline unanswered. */
  readonly filings_due: number;
  readonly filings_on_time: number;
  readonly filings_answered: number;
}

export const COUNTERS = [
  'complaints',
  'claimed_fen',
  'recovered_fen',
  'outcome_refunded',
  'outcome_partly',
  'outcome_rejected',
  'outcome_no_answer',
  'outcome_pending',
  'filings_due',
  'filings_on_time',
  'filings_answered',
] as const satisfies readonly (keyof Counters)[];

export interface Contribution {
  readonly dimensions: Dimensions;
  readonly counters: Counters;
  readonly outcome: Outcome;
  /** Days each answered provider filing took, one entry per filing. */
  readonly answerDays: readonly number[];
}

export interface CaseFacts {
  readonly provider: string;
  readonly province: string | undefined;
  readonly city: string | undefined;
  /** Calendar date the complaint was made. */
  readonly createdOn: string;
  readonly claimFen: number;
  readonly refundedFen: number;
  /** The case's deductions with what each is claimed for. */
  readonly deductions: readonly { readonly category: string; readonly overchargeFen: number }[];
  readonly filings: readonly FilingFacts[];
}

export interface FilingFacts {
  /** Whether the filing went to the provider's own customer service (timeliness is theirs). */
  readonly toProvider: boolean;
  readonly state: string;
  readonly submittedOn: string | null;
  readonly dueDate: string | null;
  /** Calendar date of a final answer (not "in progress"), if any. */
  readonly answeredOn: string | null;
  readonly answerKind: 'refund' | 'explanation' | 'rejection' | 'in_progress' | null;
}

/**
 * The category a complaint is counted under: the one with the most money claimed. Deductions
 * held only as questions (nothing claimed) never name it: a case of questions alone is "other".
 */
export function primaryCategory(deductions: CaseFacts['deductions']): string {
  const totals = new Map<string, number>();
  for (const d of deductions) {
    if (d.overchargeFen <= 0) continue;
    totals.set(d.category, (totals.get(d.category) ?? 0) + d.overchargeFen);
  }
  let best: [string, number] | null = null;
  for (const entry of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    if (best === null || entry[1] > best[1]) best = entry;
  }
  return best?.[0] ?? 'other';
}

export function outcomeOf(facts: CaseFacts): Outcome {
  if (facts.claimFen > 0 && facts.refundedFen >= facts.claimFen) return 'refunded';
  if (facts.refundedFen > 0) return 'partly';
  if (facts.filings.some((f) => f.answerKind === 'rejection' || f.answerKind === 'explanation')) {
    return 'rejected';
  }
  if (facts.filings.some((f) => f.state === 'overdue')) return 'no_answer';
  return 'pending';
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Monday of the week a calendar date falls in. */
export function mondayOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * 86_400_000).toISOString().slice(0, 10);
}

export function contributionOf(facts: CaseFacts): Contribution {
  const outcome = outcomeOf(facts);
  const toProvider = facts.filings.filter((f) => f.toProvider && f.submittedOn !== null);
  const answered = toProvider.filter((f) => f.answeredOn !== null);
  const onTime = answered.filter((f) => f.dueDate !== null && (f.answeredOn ?? '') <= f.dueDate);
  // A deadline passed without an answer counts against the provider as soon as the sweep marks it.
  const due =
    answered.length +
    toProvider.filter((f) => f.answeredOn === null && f.state === 'overdue').length;
  return {
    dimensions: {
      provider: facts.provider,
      category: primaryCategory(facts.deductions),
      province: facts.province ?? '',
      city: facts.city ?? '',
      month: facts.createdOn.slice(0, 7),
      week: mondayOf(facts.createdOn),
    },
    counters: {
      complaints: 1,
      claimed_fen: facts.claimFen,
      recovered_fen: facts.refundedFen,
      outcome_refunded: outcome === 'refunded' ? 1 : 0,
      outcome_partly: outcome === 'partly' ? 1 : 0,
      outcome_rejected: outcome === 'rejected' ? 1 : 0,
      outcome_no_answer: outcome === 'no_answer' ? 1 : 0,
      outcome_pending: outcome === 'pending' ? 1 : 0,
      filings_due: due,
      filings_on_time: onTime.length,
      filings_answered: answered.length,
    },
    outcome,
    answerDays: answered.map((f) =>
      Math.min(MAX_ANSWER_DAYS, Math.max(0, daysBetween(f.submittedOn ?? '', f.answeredOn ?? ''))),
    ),
  };
}

/** One change to apply to the statistics: counters added (or subtracted) at some dimensions. */
export interface Delta {
  readonly dimensions: Dimensions;
  readonly counters: Counters;
  /** days → filings to add (negative to remove). */
  readonly answerDays: ReadonlyMap<number, number>;
}

function scaled(counters: Counters, by: 1 | -1): Counters {
  return Object.fromEntries(COUNTERS.map((k) => [k, counters[k] * by])) as unknown as Counters;
}

function histogram(days: readonly number[], by: 1 | -1): Map<number, number> {
  const map = new Map<number, number>();
  for (const d of days) map.set(d, (map.get(d) ?? 0) + by);
  return map;
}

function sameDimensions(a: Dimensions, b: Dimensions): boolean {
  return (
    a.provider === b.provider &&
    a.category === b.category &&
    a.province === b.province &&
    a.city === b.city &&
    a.month === b.month &&
    a.week === b.week
  );
}

/**
 * What must change in the statistics when a case's contribution goes from `before` to `after`
 * (either may be null: a new or a deleted case). Nothing when nothing changed.
 */
export function deltasBetween(before: Contribution | null, after: Contribution | null): Delta[] {
  if (before && after && sameDimensions(before.dimensions, after.dimensions)) {
    const counters = Object.fromEntries(
      COUNTERS.map((k) => [k, after.counters[k] - before.counters[k]]),
    ) as unknown as Counters;
    const days = histogram(after.answerDays, 1);
    for (const [d, n] of histogram(before.answerDays, -1)) days.set(d, (days.get(d) ?? 0) + n);
    for (const [d, n] of days) if (n === 0) days.delete(d);
    const changed = COUNTERS.some((k) => counters[k] !== 0) || days.size > 0;
    return changed ? [{ dimensions: after.dimensions, counters, answerDays: days }] : [];
  }
  return [
    ...(before
      ? [
          {
            dimensions: before.dimensions,
            counters: scaled(before.counters, -1),
            answerDays: histogram(before.answerDays, -1),
          },
        ]
      : []),
    ...(after
      ? [
          {
            dimensions: after.dimensions,
            counters: after.counters,
            answerDays: histogram(after.answerDays, 1),
          },
        ]
      : []),
  ];
}

/** The median of a histogram of days → count; null when it is empty. */
export function medianOf(histogram: readonly { days: number; filings: number }[]): number | null {
  const sorted = histogram.filter((h) => h.filings > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, h) => sum + h.filings, 0);
  if (total === 0) return null;
  const lower = Math.floor((total - 1) / 2);
  const upper = Math.floor(total / 2);
  const at = (index: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.filings;
      if (index < seen) return h.days;
    }
    return sorted[sorted.length - 1]?.days ?? 0;
  };
  return (at(lower) + at(upper)) / 2;
}
