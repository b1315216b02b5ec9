import { addDaysIso } from '../audit/dates.js';
import { mondayOf } from './contribution.js';
import { defaultSpikeThresholds, type SpikeThresholds } from './spike-policy.js';

/**
 * Spike detection for consumer alerts: is a provider's count of complaints of one category in
 * one week far above that series' own recent weeks? Pure: weekly counts in, proposals out.
 *
 * The test is an exact one-sided Poisson test. Under "nothing changed", the week's count X is
 * Poisson with the series' usual weekly rate λ, estimated from the N weeks before it with half a
 * complaint added (the Jeffreys prior): λ = (sum + 0.5) / N, so an empty history gives a small
 * positive rate instead of zero. The p-value is P(X ≥ count | λ), summed in log space so that it
 * stays exact far into the tail (1e-300 and below) instead of rounding to 0 or 1.
 *
 * A spike is proposed only when all three hold: at least `minCount` complaints, at least
 * `minRatio` times the expected count, and p below `familyAlpha / tested` (Bonferroni over the
 * series tested that week). Small counts never fire on the p-value alone: 0 → 1 or 1 → 3 are
 * below the minimum count whatever their p-value.
 */

export interface WeekCount {
  readonly provider: string;
  readonly category: string;
  /** Monday of the week (YYYY-MM-DD). */
  readonly week: string;
  readonly complaints: number;
}

export interface SpikeEvidence {
  /** Complaints in the week tested. */
  readonly count: number;
  /** The baseline weeks, oldest first, zero where nothing was filed. */
  readonly baseline: readonly { readonly week: string; readonly complaints: number }[];
  readonly baselineSum: number;
  /** Unsmoothed average of the baseline weeks, as the public reads "usual". */
  readonly baselineMean: number;
  /** The smoothed rate the test uses: (baselineSum + smoothing) / weeks. */
  readonly expected: number;
  /** count / baselineMean, or count / expected when the baseline is empty. */
  readonly ratio: number;
  /** P(X ≥ count) for X ~ Poisson(expected). */
  readonly pValue: number;
  /** log10 of it, exact where pValue itself underflows to 0. */
  readonly log10PValue: number;
  /** The threshold p had to be under: familyAlpha / tested. */
  readonly threshold: number;
  /** Provider × category series tested that week (the Bonferroni family). */
  readonly tested: number;
  readonly thresholds: SpikeThresholds;
}

export interface SpikeProposal {
  /** provider|category|week: what makes an alert unique. */
  readonly key: string;
  readonly provider: string;
  readonly category: string;
  readonly week: string;
  readonly evidence: SpikeEvidence;
}

export function alertKey(provider: string, category: string, week: string): string {
  return `${provider}|${category}|${week}`;
}

// ln n! exactly (as a sum of logs) for small n, Stirling's series beyond: the error there is
// below 1e-15 relative, far inside what a p-value needs.
const LOG_FACTORIALS: number[] = [0];
for (let n = 1; n <= 1024; n++) LOG_FACTORIALS.push((LOG_FACTORIALS[n - 1] ?? 0) + Math.log(n));

export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial of ${String(n)}`);
  const exact = LOG_FACTORIALS[n];
  if (exact !== undefined) return exact;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

function logPoissonPmf(k: number, lambda: number): number {
  return -lambda + k * Math.log(lambda) - logFactorial(k);
}

/**
 * ln P(X ≥ k) for X ~ Poisson(λ), computed in log space. Above the mean the tail is summed
 * upward from k (terms shrink by λ/(i+1)); at or below it, one minus the lower tail, which is
 * then at most about one half and loses no precision.
 */
export function logPoissonUpperTail(k: number, lambda: number): number {
  if (!Number.isInteger(k)) throw new RangeError(`count ${String(k)} is not a whole number`);
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new RangeError(`rate ${String(lambda)} is not a finite non-negative number`);
  }
  if (k <= 0) return 0;
  if (lambda === 0) return -Infinity;
  if (k > lambda) {
    let sum = 1;
    let term = 1;
    for (let i = k + 1; term > 1e-17 * sum; i++) {
      term *= lambda / i;
      sum += term;
    }
    return logPoissonPmf(k, lambda) + Math.log(sum);
  }
  // P(X ≤ k−1), summed downward from k−1 where terms shrink by i/λ ≤ 1.
  let sum = 1;
  let term = 1;
  for (let i = k - 1; i >= 1 && term > 1e-17 * sum; i--) {
    term *= i / lambda;
    sum += term;
  }
  const lower = Math.exp(logPoissonPmf(k - 1, lambda) + Math.log(sum));
  return Math.log(Math.max(0, 1 - lower));
}

export function poissonUpperTail(k: number, lambda: number): number {
  return Math.exp(logPoissonUpperTail(k, lambda));
}

/** The N Mondays before `week`, oldest first. */
export function baselineWeeksOf(week: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDaysIso(week, -7 * (n - i)));
}

export interface SeriesVerdict {
  readonly fires: boolean;
  readonly evidence: SpikeEvidence;
}

/** One series in one week: the test and the three conditions. */
export function evaluateSeries(
  count: number,
  baseline: readonly { readonly week: string; readonly complaints: number }[],
  tested: number,
  thresholds: SpikeThresholds = defaultSpikeThresholds(),
): SeriesVerdict {
  const baselineSum = baseline.reduce((sum, w) => sum + w.complaints, 0);
  const weeks = Math.max(1, baseline.length);
  const expected = (baselineSum + thresholds.smoothing) / weeks;
  // "Twice the usual" in the public's sense: against the plain average; the smoothed rate
  // stands in only when the history is empty (there is no usual to divide by).
  const ratio = count / (baselineSum > 0 ? baselineSum / weeks : expected);
  const logP = logPoissonUpperTail(count, expected);
  const pValue = Math.exp(logP);
  const threshold = thresholds.familyAlpha / Math.max(1, tested);
  return {
    fires: count >= thresholds.minCount && ratio >= thresholds.minRatio && pValue < threshold,
    evidence: {
      count,
      baseline,
      baselineSum,
      baselineMean: baselineSum / weeks,
      expected,
      ratio,
      pValue,
      log10PValue: logP / Math.LN10,
      threshold,
      tested,
      thresholds,
    },
  };
}

/**
 * Spikes in the given weeks. `rows` must hold every count of the weeks tested and of the
 * `baselineWeeks` weeks before each (more is fine; missing weeks count as zero). A series is
 * tested in a week when it has a complaint in that week or in its baseline: those series make
 * the Bonferroni family. Proposals come by week, strongest evidence first, then by name.
 */
export function detectSpikes(
  rows: readonly WeekCount[],
  weeks: readonly string[],
  thresholds: SpikeThresholds = defaultSpikeThresholds(),
): SpikeProposal[] {
  // Few distinct weeks, many rows: each week string is reduced to its Monday once.
  const mondays = new Map<string, string>();
  const monday = (week: string) => {
    let m = mondays.get(week);
    if (m === undefined) {
      m = mondayOf(week);
      mondays.set(week, m);
    }
    return m;
  };
  const series = new Map<
    string,
    { provider: string; category: string; counts: Map<string, number> }
  >();
  for (const row of rows) {
    const id = `${row.provider}\u0000${row.category}`;
    let s = series.get(id);
    if (!s) {
      s = { provider: row.provider, category: row.category, counts: new Map() };
      series.set(id, s);
    }
    const week = monday(row.week);
    s.counts.set(week, (s.counts.get(week) ?? 0) + row.complaints);
  }
  const countAt = (counts: ReadonlyMap<string, number>, week: string) =>
    Math.max(0, counts.get(week) ?? 0);

  const proposals: SpikeProposal[] = [];
  for (const week of [...new Set(weeks.map(monday))].sort()) {
    const baselineWeeks = baselineWeeksOf(week, thresholds.baselineWeeks);
    const candidates = [...series.values()]
      .map((s) => ({
        provider: s.provider,
        category: s.category,
        count: countAt(s.counts, week),
        baseline: baselineWeeks.map((w) => ({ week: w, complaints: countAt(s.counts, w) })),
      }))
      .filter((s) => s.count > 0 || s.baseline.some((b) => b.complaints > 0));
    const found: SpikeProposal[] = [];
    for (const c of candidates) {
      const verdict = evaluateSeries(c.count, c.baseline, candidates.length, thresholds);
      if (!verdict.fires) continue;
      found.push({
        key: alertKey(c.provider, c.category, week),
        provider: c.provider,
        category: c.category,
        week,
        evidence: verdict.evidence,
      });
    }
    found.sort(
      (a, b) =>
        a.evidence.log10PValue - b.evidence.log10PValue ||
        (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0) ||
        (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
    );
    proposals.push(...found);
  }
  return proposals;
}
