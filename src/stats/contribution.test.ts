import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNTERS,
  MAX_ANSWER_DAYS,
  contributionOf,
  deltasBetween,
  medianOf,
  mondayOf,
  outcomeOf,
  primaryCategory,
  type CaseFacts,
  type Contribution,
  type Delta,
  type FilingFacts,
} from './contribution.js';

const filing = (overrides: Partial<FilingFacts> = {}): FilingFacts => ({
  toProvider: true,
  state: 'submitted',
  submittedOn: '2026-03-02',
  dueDate: '2026-03-17',
  answeredOn: null,
  answerKind: null,
  ...overrides,
});

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  provider: '鑫联支付有限公司',
  province: '广东省',
  city: '深圳市',
  createdOn: '2026-03-01',
  claimFen: 15_900,
  refundedFen: 0,
  deductions: [
    { category: 'traffic_fee', overchargeFen: 5_900 },
    { category: 'deposit', overchargeFen: 10_000 },
  ],
  filings: [],
  ...overrides,
});

describe('outcomes', () => {
  it('refunded when the whole claim came back, partly when some did', () => {
    expect(outcomeOf(facts({ refundedFen: 15_900 }))).toBe('refunded');
    expect(outcomeOf(facts({ refundedFen: 20_000 }))).toBe('refunded');
    expect(outcomeOf(facts({ refundedFen: 5_900 }))).toBe('partly');
  });

  it('rejected after a rejection or a mere explanation, unless money came back', () => {
    const rejected = filing({
      state: 'responded',
      answeredOn: '2026-03-05',
      answerKind: 'rejection',
    });
    expect(outcomeOf(facts({ filings: [rejected] }))).toBe('rejected');
    const explained = { ...rejected, answerKind: 'explanation' as const };
    expect(outcomeOf(facts({ filings: [explained] }))).toBe('rejected');
    expect(outcomeOf(facts({ filings: [rejected], refundedFen: 100 }))).toBe('partly');
  });

  it('no answer when a deadline passed, pending otherwise', () => {
    expect(outcomeOf(facts({ filings: [filing({ state: 'overdue' })] }))).toBe('no_answer');
    expect(outcomeOf(facts({ filings: [filing()] }))).toBe('pending');
    expect(outcomeOf(facts())).toBe('pending');
    // "In progress" is not an answer.
    const inProgress = filing({ state: 'responded', answerKind: 'in_progress' });
    expect(outcomeOf(facts({ filings: [inProgress] }))).toBe('pending');
  });

  it('counts exactly one outcome per complaint', () => {
    const c = contributionOf(facts({ refundedFen: 5_900 }));
    expect(c.outcome).toBe('partly');
    expect(c.counters).toMatchObject({
      complaints: 1,
      outcome_refunded: 0,
      outcome_partly: 1,
      outcome_rejected: 0,
      outcome_no_answer: 0,
      outcome_pending: 0,
      claimed_fen: 15_900,
      recovered_fen: 5_900,
    });
  });
});

describe('dimensions', () => {
  it('counts a complaint under the category with the most money, ties by name', () => {
    expect(primaryCategory(facts().deductions)).toBe('deposit');
    expect(
      primaryCategory([
        { category: 'traffic_fee', overchargeFen: 3_000 },
        { category: 'traffic_fee', overchargeFen: 3_000 },
        { category: 'service_fee', overchargeFen: 5_000 },
      ]),
    ).toBe('traffic_fee');
    expect(
      primaryCategory([
        { category: 'traffic_fee', overchargeFen: 100 },
        { category: 'deposit', overchargeFen: 100 },
      ]),
    ).toBe('deposit');
    expect(primaryCategory([])).toBe('other');
  });

  it('takes the month and the Monday of the week; an unknown place is empty', () => {
    const c = contributionOf(
      facts({ createdOn: '2026-03-01', province: undefined, city: undefined }),
    );
    expect(c.dimensions).toEqual({
      provider: '鑫联支付有限公司',
      category: 'deposit',
      province: '',
      city: '',
      month: '2026-03',
      week: '2026-02-23',
    });
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
  });
});

describe('answered on time', () => {
  it('counts provider filings answered by the deadline, late, and overdue without an answer', () => {
    const c = contributionOf(
      facts({
        filings: [
          // Answered on the due date: on time.
          filing({ answeredOn: '2026-03-17', answerKind: 'rejection', state: 'responded' }),
          // Answered a day late.
          filing({ answeredOn: '2026-03-18', answerKind: 'refund', state: 'responded' }),
          // Deadline passed, no answer: due, not on time.
          filing({ state: 'overdue' }),
          // Still waiting: not due yet.
          filing(),
          // A draft never submitted: not counted.
          filing({ submittedOn: null, dueDate: null, state: 'draft' }),
          // A regulator's answer is not the provider's timeliness.
          filing({ toProvider: false, answeredOn: '2026-03-04', answerKind: 'rejection' }),
        ],
      }),
    );
    expect(c.counters.filings_due).toBe(3);
    expect(c.counters.filings_on_time).toBe(1);
    expect(c.counters.filings_answered).toBe(2);
    expect(c.answerDays).toEqual([15, 16]);
  });

  it('an answer without a due date is answered but not on time', () => {
    const c = contributionOf(
      facts({
        filings: [filing({ dueDate: null, answeredOn: '2026-03-03', answerKind: 'refund' })],
      }),
    );
    expect(c.counters).toMatchObject({ filings_due: 1, filings_on_time: 0, filings_answered: 1 });
  });

  it('caps days to answer at MAX_ANSWER_DAYS and never below zero', () => {
    const c = contributionOf(
      facts({
        filings: [
          filing({ answeredOn: '2027-03-02', answerKind: 'rejection' }),
          filing({ answeredOn: '2026-02-20', answerKind: 'rejection' }),
          filing({ answeredOn: '2026-03-02', answerKind: 'rejection' }),
        ],
      }),
    );
    expect(c.answerDays).toEqual([MAX_ANSWER_DAYS, 0, 0]);
  });
});

describe('medianOf', () => {
  it('takes the middle filing of an odd count', () => {
    expect(
      medianOf([
        { days: 9, filings: 1 },
        { days: 3, filings: 1 },
        { days: 5, filings: 1 },
      ]),
    ).toBe(5);
    expect(medianOf([{ days: 7, filings: 5 }])).toBe(7);
  });

  it('averages the two middle filings of an even count', () => {
    expect(
      medianOf([
        { days: 2, filings: 1 },
        { days: 4, filings: 1 },
      ]),
    ).toBe(3);
    expect(
      medianOf([
        { days: 1, filings: 3 },
        { days: 10, filings: 3 },
      ]),
    ).toBe(5.5);
    expect(
      medianOf([
        { days: 1, filings: 2 },
        { days: 6, filings: 1 },
        { days: 10, filings: 1 },
      ]),
    ).toBe(3.5);
  });

  it('is null for an empty histogram and ignores empty buckets', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ days: 4, filings: 0 }])).toBeNull();
    expect(
      medianOf([
        { days: 1, filings: 0 },
        { days: 8, filings: 1 },
      ]),
    ).toBe(8);
  });

  it('equals the median of the expanded list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.nat(MAX_ANSWER_DAYS), filings: fc.nat(4) }), {
          maxLength: 12,
        }),
        (histogram) => {
          const all = histogram.flatMap((h) => Array<number>(h.filings).fill(h.days));
          all.sort((a, b) => a - b);
          const n = all.length;
          const expected =
            n === 0
              ? null
              : ((all[Math.floor((n - 1) / 2)] ?? 0) + (all[Math.floor(n / 2)] ?? 0)) / 2;
          expect(medianOf(histogram)).toBe(expected);
        },
      ),
    );
  });
});

describe('deltasBetween', () => {
  const before = contributionOf(facts({ filings: [filing()] }));

  it('is one delta of the differences when the dimensions stay', () => {
    const after = contributionOf(
      facts({
        refundedFen: 15_900,
        filings: [filing({ answeredOn: '2026-03-06', answerKind: 'refund', state: 'accepted' })],
      }),
    );
    const deltas = deltasBetween(before, after);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]?.dimensions).toEqual(before.dimensions);
    expect(deltas[0]?.counters).toMatchObject({
      complaints: 0,
      claimed_fen: 0,
      recovered_fen: 15_900,
      outcome_pending: -1,
      outcome_refunded: 1,
      filings_due: 1,
      filings_on_time: 1,
      filings_answered: 1,
    });
    expect([...(deltas[0]?.answerDays ?? [])]).toEqual([[4, 1]]);
  });

  it('subtracts at the old dimensions and adds at the new ones when they moved', () => {
    const moved = contributionOf(
      facts({ filings: [filing()], province: '浙江省', city: '杭州市' }),
    );
    const deltas = deltasBetween(before, moved);
    expect(deltas).toHaveLength(2);
    expect(deltas[0]?.dimensions.province).toBe('广东省');
    expect(deltas[0]?.counters.complaints).toBe(-1);
    expect(deltas[0]?.counters.claimed_fen).toBe(-15_900);
    expect(deltas[1]?.dimensions.province).toBe('浙江省');
    expect(deltas[1]?.counters.complaints).toBe(1);
  });

  it('is nothing when nothing changed', () => {
    expect(deltasBetween(before, contributionOf(facts({ filings: [filing()] })))).toEqual([]);
    expect(deltasBetween(null, null)).toEqual([]);
  });

  it('adds a new case whole and removes a deleted one whole', () => {
    expect(deltasBetween(null, before)).toEqual([
      { dimensions: before.dimensions, counters: before.counters, answerDays: new Map() },
    ]);
    const removed = deltasBetween(before, null);
    expect(removed).toHaveLength(1);
    expect(removed[0]?.counters.complaints).toBe(-1);
  });
});

const filingArb: fc.Arbitrary<FilingFacts> = fc
  .record({
    toProvider: fc.boolean(),
    state: fc.constantFrom('draft', 'submitted', 'responded', 'overdue', 'accepted', 'disputed'),
    submitted: fc.integer({ min: 0, max: 30 }),
    dueIn: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    answerIn: fc.option(fc.integer({ min: -3, max: 200 }), { nil: null }),
    answerKind: fc.constantFrom('refund', 'explanation', 'rejection', 'in_progress', null),
  })
  .map((f) => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
    const submitted = f.state !== 'draft';
    const final = f.answerKind !== null && f.answerKind !== 'in_progress';
    return {
      toProvider: f.toProvider,
      state: f.state,
      submittedOn: submitted ? day(f.submitted) : null,
      dueDate: submitted && f.dueIn !== null ? day(f.submitted + f.dueIn) : null,
      answeredOn: submitted && final && f.answerIn !== null ? day(f.submitted + f.answerIn) : null,
      answerKind: f.answerKind,
    };
  });

const factsArb: fc.Arbitrary<CaseFacts> = fc.record({
  provider: fc.constantFrom('鑫联支付', '银盛支付', '拉卡拉'),
  province: fc.constantFrom('广东省', '浙江省', undefined),
  city: fc.constantFrom('深圳市', '杭州市', undefined),
  createdOn: fc.constantFrom('2026-01-30', '2026-02-02', '2026-03-15'),
  claimFen: fc.nat(100_000),
  refundedFen: fc.nat(100_000),
  deductions: fc.array(
    fc.record({
      category: fc.constantFrom('traffic_fee', 'deposit', 'service_fee'),
      overchargeFen: fc.nat(50_000),
    }),
    { maxLength: 4 },
  ),
  filings: fc.array(filingArb, { maxLength: 4 }),
});

/** What a list of deltas adds up to, keyed by dimensions; zero entries left out. */
function sumOf(deltas: readonly Delta[]) {
  const cells = new Map<string, Record<string, number>>();
  for (const delta of deltas) {
    const key = JSON.stringify(delta.dimensions);
    const cell = cells.get(key) ?? {};
    for (const k of COUNTERS) cell[k] = (cell[k] ?? 0) + delta.counters[k];
    for (const [d, n] of delta.answerDays)
      cell[`days:${String(d)}`] = (cell[`days:${String(d)}`] ?? 0) + n;
    cells.set(key, cell);
  }
  const nonZero = [...cells]
    .map(
      ([key, cell]) =>
        [key, Object.fromEntries(Object.entries(cell).filter(([, n]) => n !== 0))] as const,
    )
    .filter(([, cell]) => Object.keys(cell).length > 0);
  return new Map(nonZero);
}

describe('applying every delta of a case', () => {
  it('sums to its last contribution, whatever happened in between', () => {
    fc.assert(
      fc.property(
        fc.array(factsArb, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (history, deleted) => {
          const contributions: (Contribution | null)[] = history.map(contributionOf);
          if (deleted) contributions.push(null);
          const deltas: Delta[] = [];
          let previous: Contribution | null = null;
          for (const next of contributions) {
            deltas.push(...deltasBetween(previous, next));
            previous = next;
          }
          expect(sumOf(deltas)).toEqual(sumOf(deltasBetween(null, previous)));
        },
      ),
    );
  });
});
