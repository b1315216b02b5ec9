import type { Fen } from '../model.js';
import type { ColumnStats } from './profile.js';

/**
 * The statement's own arithmetic, used to pin column roles where header words are missing or
 * misleading: amount − fee = settled on most rows; debit and credit columns that exclude each
 * other; a running balance that adds up. Every test runs over the profiled rows only.
 *
 * Values come in read as yuan (fen = yuan × 100). A column of whole numbers may really be in fen:
 * its scale is then 100 (the yuan-read value divided by 100 is the fen value).
 */
export type Scale = 1 | 100;

/** A share of rows that must agree before arithmetic is believed. */
export const AGREE = 0.8;

const at = (s: ColumnStats, i: number, scale: Scale): Fen | null => {
  const v = s.values[i];
  return v === undefined || v === null ? null : scale === 1 ? v : v / 100;
};

const scalesOf = (s: ColumnStats): Scale[] => (s.allInteger ? [1, 100] : [1]);

export interface FeeTriple {
  amount: ColumnStats;
  fee: ColumnStats;
  net: ColumnStats;
  scales: [Scale, Scale, Scale];
  /** The fee is written as a negative number (amount + fee = settled). */
  feeNegative: boolean;
  /** Rows with a fee on which the arithmetic holds. */
  support: number;
}

/**
 * Finds amount − fee = settled: among the numeric columns, the triple on which the identity holds
 * on at least AGREE of the rows that have the three values, with at least two rows carrying a fee.
 * Uniform scales are tried before mixed ones (a mixed answer is only believed when no uniform one
 * works).
 */
export function findFeeTriple(columns: readonly ColumnStats[]): FeeTriple | null {
  let best: FeeTriple | null = null;
  let bestMixed = true;
  for (const a of columns)
    for (const f of columns)
      for (const n of columns) {
        if (a === f || a === n || f === n) continue;
        for (const sa of scalesOf(a))
          for (const sf of scalesOf(f))
            for (const sn of scalesOf(n)) {
              const mixed = !(sa === sf && sf === sn);
              if (best && !bestMixed && mixed) continue;
              const found = checkTriple(a, f, n, sa, sf, sn);
              if (!found) continue;
              const better =
                best === null ||
                (bestMixed && !mixed) ||
                (bestMixed === mixed && found.support > best.support);
              if (better) {
                best = found;
                bestMixed = mixed;
              }
            }
      }
  return best;
}

function checkTriple(
  a: ColumnStats,
  f: ColumnStats,
  n: ColumnStats,
  sa: Scale,
  sf: Scale,
  sn: Scale,
): FeeTriple | null {
  const rows = a.values.length;
  let negativeFees = 0;
  let positiveFees = 0;
  for (let i = 0; i < rows; i++) {
    const fee = at(f, i, sf);
    if (fee !== null && fee < 0) negativeFees += 1;
    else if (fee !== null && fee > 0) positiveFees += 1;
  }
  if (negativeFees + positiveFees < 2) return null;
  const feeNegative = negativeFees > positiveFees;
  let eligible = 0;
  let ok = 0;
  let withFee = 0;
  let settledRows = 0;
  let smallFee = 0;
  for (let i = 0; i < rows; i++) {
    const amount = at(a, i, sa);
    const net = at(n, i, sn);
    if (net !== null) settledRows += 1;
    if (amount === null || net === null) continue;
    const fee = at(f, i, sf) ?? 0;
    eligible += 1;
    const holds =
      (feeNegative ? amount + fee === net : amount - fee === net) ||
      (fee !== 0 && Math.abs(amount) - Math.abs(fee) === Math.abs(net) && amount !== 0);
    if (holds) {
      ok += 1;
      if (fee !== 0) withFee += 1;
      // a fee is a small part of what is paid out (amount − settled = fee holds too, the other way)
      if (fee !== 0 && Math.abs(fee) < Math.abs(net) && 2 * Math.abs(fee) <= Math.abs(amount))
        smallFee += 1;
    }
  }
  // the amount is there wherever a settled amount is (a credit column alone is not the amount)
  if (eligible < 0.9 * settledRows) return null;
  if (withFee < 2 || ok < AGREE * eligible || smallFee < AGREE * withFee) return null;
  return { amount: a, fee: f, net: n, scales: [sa, sf, sn], feeNegative, support: withFee };
}

/** A column made of the movement of a debit/credit pair (in − out), for the fee arithmetic. */
export function movementColumn(inflow: ColumnStats, outflow: ColumnStats): ColumnStats {
  return pairColumn(inflow, outflow, -1);
}

/**
 * The size of the money a debit/credit pair moves (|in| + |out|), for a settled column that is
 * never negative (a 划款金额 that writes a payout of 2752.06 as 2752.06, not −2752.06).
 */
export function sizeColumn(inflow: ColumnStats, outflow: ColumnStats): ColumnStats {
  return pairColumn(inflow, outflow, 1);
}

/** |in| − |out| or |in| + |out| of each row of a debit/credit pair, as a column of its own. */
function pairColumn(inflow: ColumnStats, outflow: ColumnStats, out: 1 | -1): ColumnStats {
  const values = inflow.values.map((v, i) => {
    const o = outflow.values[i] ?? null;
    return v === null && o === null ? null : Math.abs(v ?? 0) + out * Math.abs(o ?? 0);
  });
  return {
    ...inflow,
    index: -1,
    values,
    allInteger: inflow.allInteger && outflow.allInteger,
    negatives: values.filter((v) => v !== null && v < 0).length,
  };
}

/**
 * 收入 and 支出 both filled on the sale rows, with 净额 = 收入 − 支出 there and 支出 a small part of
 * 收入: the 支出 of such a row is the sale's fee, not money out (a row with 支出 alone — a payout, a
 * charge — is still money out, and its 净额 says so). Returns the rows on which the identity holds,
 * or null: at least five such rows, a fifth of the rows that move money (two columns that exclude
 * each other are a ledger's in and out), the identity on AGREE of the rows with both, the fee small
 * on AGREE of those, and 净额 the money of AGREE of the rows with one column filled.
 */
export function feeInOutflow(
  inflow: ColumnStats,
  outflow: ColumnStats,
  net: ColumnStats,
): number | null {
  let moving = 0;
  let both = 0;
  let holds = 0;
  let small = 0;
  let single = 0;
  let singleHolds = 0;
  for (let i = 0; i < inflow.values.length; i++) {
    const a = Math.abs(inflow.values[i] ?? 0);
    const o = Math.abs(outflow.values[i] ?? 0);
    const n = net.values[i] ?? null;
    if (a === 0 && o === 0) continue;
    moving += 1;
    if (a !== 0 && o !== 0) {
      both += 1;
      if (n !== null && a - o === n) {
        holds += 1;
        if (2 * o <= a) small += 1;
      }
    } else {
      single += 1;
      if (n !== null && Math.abs(n) === a + o) singleHolds += 1;
    }
  }
  if (both < 5 || both < 0.2 * moving) return null;
  if (holds < AGREE * both || small < AGREE * holds) return null;
  if (single > 0 && singleHolds < AGREE * single) return null;
  return holds;
}

/**
 * Which of two columns that exclude each other is money in, by the sales: a sale carries the fee
 * and is settled as its amount less the fee (|amount| − |fee| = 实际到账), so the column filled on
 * those rows is the inflow. Returns [in, out] when one column has at least five such rows and
 * AGREE of the rows with a fee and a settled amount, else null.
 */
export function inflowBySales(
  p: ColumnStats,
  q: ColumnStats,
  fee: ColumnStats,
  net: ColumnStats,
): [ColumnStats, ColumnStats] | null {
  let withFee = 0;
  let pSales = 0;
  let qSales = 0;
  for (let i = 0; i < p.values.length; i++) {
    const f = Math.abs(fee.values[i] ?? 0);
    const n = net.values[i] ?? null;
    if (f === 0 || n === null) continue;
    withFee += 1;
    const a = Math.abs(p.values[i] ?? 0);
    const b = Math.abs(q.values[i] ?? 0);
    if (a !== 0 && b === 0 && a - f === n && 2 * f <= a) pSales += 1;
    if (b !== 0 && a === 0 && b - f === n && 2 * f <= b) qSales += 1;
  }
  if (pSales >= 5 && pSales >= AGREE * withFee) return [p, q];
  if (qSales >= 5 && qSales >= AGREE * withFee) return [q, p];
  return null;
}

/** Two columns of which, on nearly every row, exactly one holds a non-zero amount. */
export function excludeEachOther(p: ColumnStats, q: ColumnStats): boolean {
  let rows = 0;
  let exclusive = 0;
  let pCount = 0;
  let qCount = 0;
  for (let i = 0; i < p.values.length; i++) {
    const a = p.values[i] ?? 0;
    const b = q.values[i] ?? 0;
    if (a === 0 && b === 0) continue;
    rows += 1;
    if ((a === 0) !== (b === 0)) exclusive += 1;
    if (a !== 0) pCount += 1;
    if (b !== 0) qCount += 1;
  }
  return rows >= 3 && pCount >= 1 && qCount >= 1 && exclusive >= 0.95 * rows;
}

/** A signed movement per profiled row (money in positive), or null where the row has none. */
export type Movement = (i: number) => Fen | null;

export interface BalanceFit {
  /** Rows run oldest first (true) or newest first (false). */
  chronological: boolean;
  /** The movement matched only by size, not by sign (an unsigned amount column). */
  unsigned: boolean;
  pairs: number;
}

/**
 * Whether a balance column adds up with the movements: balance(i) = balance(i−1) + movement(i)
 * (oldest first), or balance(i−1) = balance(i) + movement(i−1) (newest first). With `unsigned`,
 * only the size of the movement has to match (its sign is then what the balance says).
 */
export function balanceFits(
  balance: ColumnStats,
  scale: Scale,
  movement: Movement,
  allowUnsigned: boolean,
): BalanceFit | null {
  let pairs = 0;
  let forward = 0;
  let backward = 0;
  let forwardAbs = 0;
  // pairs on which the balance moved: a column of zeros beside amounts of zero "adds up" on every
  // row and proves nothing (WeChat's 特约商户号 is 0 on every row, as is its 代金券金额)
  let moved = 0;
  let prevIndex = -1;
  for (let i = 0; i < balance.values.length; i++) {
    const b = at(balance, i, scale);
    if (b === null) continue;
    if (prevIndex >= 0) {
      const prev = at(balance, prevIndex, scale) ?? 0;
      const m = movement(i);
      const mPrev = movement(prevIndex);
      pairs += 1;
      if (b !== prev) moved += 1;
      if (m !== null && prev + m === b) forward += 1;
      if (mPrev !== null && b + mPrev === prev) backward += 1;
      if (m !== null && Math.abs(b - prev) === Math.abs(m) && m !== 0) forwardAbs += 1;
    }
    prevIndex = i;
  }
  if (pairs < 3 || moved < Math.max(3, pairs / 2)) return null;
  if (forward >= AGREE * pairs) return { chronological: true, unsigned: false, pairs };
  if (backward >= AGREE * pairs) return { chronological: false, unsigned: false, pairs };
  if (allowUnsigned && forwardAbs >= AGREE * pairs)
    return { chronological: true, unsigned: true, pairs };
  return null;
}

export const scaled = (s: ColumnStats, scale: Scale) => (i: number) => at(s, i, scale);

export interface ScaledBalanceFit extends BalanceFit {
  /** Scale of the movement columns and of the balance: 100 where a whole-number column is fen. */
  movementScale: Scale;
  balanceScale: Scale;
}

/**
 * balanceFits over the units: both as written first; then, when only one side is whole numbers,
 * that side read as fen (an amount in fen beside a balance in yuan, or the other way round).
 */
export function balanceFitsScaled(
  balance: ColumnStats,
  movement: (scale: Scale) => Movement,
  movementWhole: boolean,
  allowUnsigned: boolean,
): ScaledBalanceFit | null {
  const tries: [Scale, Scale][] = [[1, 1]];
  if (movementWhole && !balance.allInteger) tries.push([100, 1]);
  if (balance.allInteger && !movementWhole) tries.push([1, 100]);
  for (const [movementScale, balanceScale] of tries) {
    const fit = balanceFits(balance, balanceScale, movement(movementScale), allowUnsigned);
    if (fit) return { ...fit, movementScale, balanceScale };
  }
  return null;
}
export { scalesOf };
