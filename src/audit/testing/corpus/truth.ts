import {
  addMonths,
  rateFee,
  type Card,
  type Entry,
  type Ledger,
  type LedgerContract,
} from './ledger.js';
import type { FeeCategory } from './vocabulary.js';

/**
 * The expected verdicts of spec §2 (/work/shared/spec/audit.md), written again from the spec over
 * the ledger itself — not by calling the audit — so that the corpus can judge the audit.
 *
 * A layout may not show everything the ledger knows: SMS notices carry no card type and no settled
 * amount, a bank-account view shows no fee column. `View` says what the layout shows; the truth is
 * what a reader of that layout can and must conclude.
 */
export interface View {
  card: boolean;
  fee: boolean;
  net: boolean;
  /**
   * The layout prints a day's figures as sums (a daily sheet): two deductions of one name on one
   * day are one figure. Such layouts are compared with each other only.
   */
  daily?: true;
}

export const FULL_VIEW: View = { card: true, fee: true, net: true };

export type Category = FeeCategory | 'rate_overcharge' | 'settlement_shortfall';
export type Verdict = 'authorized' | 'unauthorized' | 'needs_review';

export interface TrueFinding {
  seq: number;
  date: string;
  category: Category;
  verdict: Verdict;
  amount: number;
  overcharge: number;
  text: string;
}

export interface Truth {
  findings: TrueFinding[];
  claimTotal: number;
  claimByCategory: Partial<Record<Category, number>>;
  counts: Record<Verdict, number>;
}

/** Expected fee of a sale: the card's own rate, else `any`; card unknown: the highest that could apply. */
export function expectedFee(
  contract: LedgerContract,
  card: Card | 'unknown',
  amount: number,
): number {
  const own = contract.rates.filter((r) => r.cardType === card);
  const any = contract.rates.filter((r) => r.cardType === 'any');
  const rates = card === 'unknown' ? contract.rates : own.length > 0 ? own : any;
  if (rates.length === 0) return contract.perTransactionFen;
  return Math.max(...rates.map((r) => rateFee(amount, r))) + contract.perTransactionFen;
}

const STEP_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** Which period (0, 1, …) a date falls in, counting from the anchor. */
function periodIndex(anchor: string, date: string, months: number): number {
  let k = 0;
  while (addMonths(anchor, (k + 1) * months) <= date) k++;
  return k;
}

/**
 * The truth built one entry at a time (in ledger order), so that a statement of millions of rows
 * (bench/generate.ts) gets its truth while it is written, without holding the rows.
 */
export class TruthBuilder {
  readonly findings: TrueFinding[] = [];
  // per agreed category: the first covered deduction's date and the periods already used
  private readonly used = new Map<FeeCategory, { anchor: string; periods: Set<number> }>();

  constructor(
    /** null: the audit runs without `--contract` (spec §1: nothing checked, all for review). */
    private readonly contract: LedgerContract | null,
    private readonly view: View = FULL_VIEW,
  ) {}

  add(e: Entry): void {
    switch (e.kind) {
      case 'fee':
        // a failed attempt took no money: not a finding, and it uses up no agreed period
        if (!e.failed) this.deduction(e, e.category, e.amount, e.text);
        break;
      case 'sale': {
        const view = this.view;
        if (view.fee && this.contract) {
          const expected = expectedFee(this.contract, view.card ? e.card : 'unknown', e.amount);
          if (e.fee - expected >= 2)
            this.findings.push({
              seq: e.seq,
              date: e.date,
              category: 'rate_overcharge',
              verdict: 'unauthorized',
              amount: e.fee,
              overcharge: e.fee - expected,
              text: '',
            });
        }
        if (view.fee && view.net && e.hidden && e.hidden.fen >= 2) {
          if (e.hidden.category) this.deduction(e, e.hidden.category, e.hidden.fen, e.text);
          else
            this.findings.push({
              seq: e.seq,
              date: e.date,
              category: 'settlement_shortfall',
              verdict: this.contract ? 'unauthorized' : 'needs_review',
              amount: e.hidden.fen,
              overcharge: this.contract ? e.hidden.fen : 0,
              text: e.text,
            });
        }
        break;
      }
      case 'refund':
      case 'payout':
      case 'credit':
        // refunds, reversals, payouts and credits are never findings
        break;
    }
  }

  private deduction(e: Entry, category: FeeCategory, amount: number, text: string): void {
    const base = { seq: e.seq, date: e.date, category, amount, text };
    if (category === 'other_deduction' || !this.contract) {
      this.findings.push({ ...base, verdict: 'needs_review', overcharge: 0 });
      return;
    }
    const agreed = this.contract.agreed.find((a) => a.category === category);
    if (!agreed || (agreed.startsAfter !== undefined && e.date < agreed.startsAfter)) {
      this.findings.push({ ...base, verdict: 'unauthorized', overcharge: amount });
      return;
    }
    let state = this.used.get(category);
    let period = 0;
    if (state === undefined) {
      state = { anchor: e.date, periods: new Set() };
      this.used.set(category, state);
    } else if (agreed.every !== 'once') {
      period = periodIndex(state.anchor, e.date, STEP_MONTHS[agreed.every]);
    }
    if (state.periods.has(period)) {
      this.findings.push({ ...base, verdict: 'unauthorized', overcharge: amount });
      return;
    }
    state.periods.add(period);
    if (amount <= agreed.amountFen)
      this.findings.push({ ...base, verdict: 'authorized', overcharge: 0 });
    else
      this.findings.push({
        ...base,
        verdict: 'unauthorized',
        overcharge: amount - agreed.amountFen,
      });
  }

  result(): Truth {
    const claimByCategory: Partial<Record<Category, number>> = {};
    const counts: Record<Verdict, number> = { unauthorized: 0, authorized: 0, needs_review: 0 };
    let claimTotal = 0;
    for (const f of this.findings) {
      counts[f.verdict] += 1;
      if (f.verdict !== 'unauthorized') continue;
      claimTotal += f.overcharge;
      claimByCategory[f.category] = (claimByCategory[f.category] ?? 0) + f.overcharge;
    }
    return { findings: this.findings, claimTotal, claimByCategory, counts };
  }
}

export function computeTruth(ledger: Ledger, view: View = FULL_VIEW, withContract = true): Truth {
  const builder = new TruthBuilder(withContract ? ledger.contract : null, view);
  for (const e of ledger.entries) builder.add(e);
  return builder.result();
}

/** Integer fen → "1234.56" (the report's form). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
