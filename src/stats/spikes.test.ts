import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import data from './spike-policy.json' with { type: 'json' };
import { defaultSpikeThresholds, parseSpikePolicy } from './spike-policy.js';
import {
  baselineWeeksOf,
  detectSpikes,
  evaluateSeries,
  logFactorial,
  logPoissonUpperTail,
  poissonUpperTail,
  type WeekCount,
} from './spikes.js';

const WEEK = '2026-11-23';
const thresholds = defaultSpikeThresholds();

/** A series' rows: the baseline counts (oldest first) and then the week tested. */
function series(
  provider: string,
  category: string,
  baseline: readonly number[],
  count: number,
  week = WEEK,
): WeekCount[] {
  const weeks = baselineWeeksOf(week, baseline.length);
  return [
    ...baseline.map((complaints, i) => ({ provider, category, week: weeks[i] ?? '', complaints })),
    { provider, category, week, complaints: count },
  ];
}

function baseline(counts: readonly number[]) {
  const weeks = baselineWeeksOf(WEEK, counts.length);
  return counts.map((complaints, i) => ({ week: weeks[i] ?? '', complaints }));
}

describe('the Poisson upper tail', () => {
  it('matches values computed by hand', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 14);
    expect(poissonUpperTail(2, 5)).toBeCloseTo(1 - Math.exp(-5) * 6, 14);
    // P(X ≥ 20 | 2), by summing the pmf directly in doubles (fine this far from underflow).
    let direct = 0;
    for (let i = 20; i < 80; i++) direct += Math.exp(-2 + i * Math.log(2) - logFactorial(i));
    expect(poissonUpperTail(20, 2) / direct).toBeCloseTo(1, 12);
  });

  it('stays exact in log space where the p-value underflows', () => {
    // P(X ≥ 400 | 1) ≈ e^-1 / 400! · (1 + 1/401 + …): about 10^-869, far below a double.
    expect(poissonUpperTail(400, 1)).toBe(0);
    const expected =
      -1 - logFactorial(400) + Math.log(1 + 1 / 401 + 1 / (401 * 402) + 1 / (401 * 402 * 403));
    expect(logPoissonUpperTail(400, 1)).toBeCloseTo(expected, 8);
    expect(logFactorial(2000)).toBeCloseTo(13_206.524_350_513_8, 6);
  });

  it('is monotone: a higher count is never more likely', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 0.01, max: 300, noNaN: true }),
        (k, l) => {
          expect(logPoissonUpperTail(k + 1, l)).toBeLessThanOrEqual(logPoissonUpperTail(k, l));
        },
      ),
    );
  });

  it('rejects what is not a count or a rate', () => {
    expect(() => logPoissonUpperTail(1.5, 1)).toThrow(RangeError);
    expect(() => logPoissonUpperTail(1, Number.NaN)).toThrow(RangeError);
    expect(logPoissonUpperTail(3, 0)).toBe(-Infinity);
  });
});

describe('spike detection', () => {
  it('reads its thresholds from the policy file, each with a reason', () => {
    expect(thresholds).toEqual({
      baselineWeeks: 8,
      smoothing: 0.5,
      minCount: 5,
      minRatio: 2,
      familyAlpha: 0.01,
    });
    expect(() => parseSpikePolicy({ ...data, minRatio: { value: 0.5, rationale: 'x' } })).toThrow(
      /spike-policy\.json/u,
    );
  });

  it('never fires on 0 → 1 or 1 → 3, however few series are tested', () => {
    expect(detectSpikes(series('A', 'traffic_fee', [0, 0, 0, 0, 0, 0, 0, 0], 1), [WEEK])).toEqual(
      [],
    );
    expect(detectSpikes(series('A', 'traffic_fee', [1, 1, 1, 1, 1, 1, 1, 1], 3), [WEEK])).toEqual(
      [],
    );
    // From nothing to three is a huge ratio with a tiny p-value, and still an anecdote.
    const three = evaluateSeries(3, baseline([0, 0, 0, 0, 0, 0, 0, 0]), 1);
    expect(three.evidence.pValue).toBeLessThan(0.001);
    expect(three.fires).toBe(false);
  });

  it('fires on 20 in a week against a usual 2 a week, with the evidence', () => {
    const found = detectSpikes(series('A 支付', 'traffic_fee', [2, 2, 2, 2, 2, 2, 2, 2], 20), [
      WEEK,
    ]);
    expect(found).toHaveLength(1);
    const [spike] = found;
    expect(spike?.key).toBe(`A 支付|traffic_fee|${WEEK}`);
    expect(spike?.evidence).toMatchObject({
      count: 20,
      baselineSum: 16,
      baselineMean: 2,
      expected: 16.5 / 8,
      tested: 1,
      threshold: 0.01,
    });
    expect(spike?.evidence.baseline.map((b) => b.week)).toEqual(baselineWeeksOf(WEEK, 8));
    expect(spike?.evidence.ratio).toBe(10);
    expect(spike?.evidence.pValue).toBeLessThan(1e-9);
    expect(spike?.evidence.log10PValue).toBeCloseTo(Math.log10(spike?.evidence.pValue ?? 1), 8);
  });

  it('counts weeks with no row as zero and fires on five out of nothing', () => {
    const found = detectSpikes(
      [{ provider: 'A', category: 'deposit', week: WEEK, complaints: 5 }],
      [WEEK],
    );
    expect(found.map((f) => f.evidence.baselineSum)).toEqual([0]);
    expect(found[0]?.evidence.expected).toBe(0.5 / 8);
  });

  it('does not fire on steady growth, and fires on a jump on top of it', () => {
    // 10% more complaints every week for a year: each week against the eight before it.
    const rows: WeekCount[] = [];
    const weeks = baselineWeeksOf('2027-01-04', 60);
    weeks.forEach((week, i) => {
      rows.push({
        provider: 'A',
        category: 'service_fee',
        week,
        complaints: Math.round(5 * 1.1 ** i),
      });
    });
    expect(detectSpikes(rows, weeks.slice(8))).toEqual([]);
    // Linear growth 2, 3, … 9 then 11: about twice the average, but not unusual for Poisson.
    expect(detectSpikes(series('A', 'traffic_fee', [2, 3, 4, 5, 6, 7, 8, 9], 11), [WEEK])).toEqual(
      [],
    );
    expect(
      detectSpikes(series('A', 'traffic_fee', [2, 3, 4, 5, 6, 7, 8, 9], 30), [WEEK]),
    ).toHaveLength(1);
  });

  it('treats the boundaries as reached (≥) and orders ties by name', () => {
    // Exactly the minimum ratio (6 against a usual 3) and, below, exactly the minimum count.
    const edge = evaluateSeries(6, baseline([3, 3, 3, 3, 3, 3, 3, 3]), 1, {
      ...thresholds,
      familyAlpha: 0.5,
    });
    expect(edge.evidence.ratio).toBe(2);
    expect(edge.fires).toBe(true);
    const doubled = evaluateSeries(60, baseline([30, 30, 30, 30, 30, 30, 30, 30]), 1);
    expect(doubled.evidence.ratio).toBe(2);
    expect(doubled.fires).toBe(true);
    expect(evaluateSeries(5, baseline([0, 0, 0, 0, 0, 0, 0, 0]), 1).fires).toBe(true);
    const below = evaluateSeries(4, baseline([0, 0, 0, 0, 0, 0, 0, 0]), 1, {
      ...thresholds,
      minCount: 5,
    });
    expect(below.fires).toBe(false);

    // Two series with the same counts have the same p-value: the order is by provider, category.
    const rows = [
      ...series('B', 'traffic_fee', [1, 1, 1, 1, 1, 1, 1, 1], 15),
      ...series('A', 'traffic_fee', [1, 1, 1, 1, 1, 1, 1, 1], 15),
      ...series('A', 'deposit', [1, 1, 1, 1, 1, 1, 1, 1], 15),
    ];
    expect(detectSpikes(rows.reverse(), [WEEK]).map((s) => s.key)).toEqual([
      `A|deposit|${WEEK}`,
      `A|traffic_fee|${WEEK}`,
      `B|traffic_fee|${WEEK}`,
    ]);
  });

  it('divides alpha by the series tested (Bonferroni), so more series need stronger evidence', () => {
    const few = evaluateSeries(9, baseline([1, 1, 1, 1, 1, 1, 1, 1]), 1);
    expect(few.fires).toBe(true);
    const many = evaluateSeries(9, baseline([1, 1, 1, 1, 1, 1, 1, 1]), 10_000);
    expect(many.evidence.threshold).toBe(0.01 / 10_000);
    expect(many.fires).toBe(false);
    // The family is every series with a complaint in the week or its baseline, not idle ones.
    const rows = [
      ...series('A', 'traffic_fee', [1, 1, 1, 1, 1, 1, 1, 1], 20),
      ...series('B', 'traffic_fee', [0, 0, 0, 0, 0, 0, 0, 1], 0),
      { provider: 'C', category: 'deposit', week: '2025-01-06', complaints: 9 },
    ];
    expect(detectSpikes(rows, [WEEK])[0]?.evidence.tested).toBe(2);
  });

  it('tests each week asked for against its own baseline, and sums duplicate rows', () => {
    const rows = [
      ...series('A', 'traffic_fee', [2, 2, 2, 2, 2, 2, 2, 2], 3, '2026-11-16'),
      { provider: 'A', category: 'traffic_fee', week: WEEK, complaints: 10 },
      { provider: 'A', category: 'traffic_fee', week: WEEK, complaints: 10 },
    ];
    // A date inside the week stands for its Monday.
    const found = detectSpikes(rows, ['2026-11-16', '2026-11-25']);
    expect(found.map((f) => [f.week, f.evidence.count])).toEqual([[WEEK, 20]]);
    expect(found[0]?.evidence.baseline.at(-1)).toEqual({ week: '2026-11-16', complaints: 3 });
  });

  it('never fires on a count at or below the baseline mean (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 8, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (counts, share, tested) => {
          const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
          const count = Math.floor(mean * share);
          const verdict = evaluateSeries(count, baseline(counts), tested);
          expect(verdict.fires).toBe(false);
          const rows = series('A', 'traffic_fee', counts, count);
          expect(detectSpikes(rows, [WEEK])).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
