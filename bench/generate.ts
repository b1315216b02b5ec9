import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  Dice,
  rateFee,
  type Entry,
  type LedgerContract,
} from '../src/audit/testing/corpus/ledger.js';
import { TruthBuilder, type Category } from '../src/audit/testing/corpus/truth.js';
import { PAYOUT_NAMES, type FeeCategory } from '../src/audit/testing/corpus/vocabulary.js';

/**
 * A large statement in the commonest export layout, deterministic for a given seed: sales with
 * their fees (some above the contracted rate), payouts — many named after their speed
 * (D0提现至尾号…, 秒到提现, T0出款) with amounts in the thousands — and the separate 提现手续费
 * after some of them, refunds and reversals, subsidies, cash back and returned fees, and the fee
 * deductions a provider takes (SIM fees, service fees, deposits, 秒到 fees, unexplained
 * shortfalls, adjustments). The truth (spec §2, by the corpus's own reading in
 * src/audit/testing/corpus/truth.ts) is computed while the rows are written.
 */
export const BENCH_CONTRACT = {
  provider: '基准测试支付有限公司',
  providerType: 'payment_institution',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
  ],
  perTransactionFeeYuan: 0,
  agreedCharges: [
    { category: 'traffic_fee', amountYuan: 36, every: 'year' },
    { category: 'service_fee', amountYuan: 19, every: 'month' },
  ],
};

/** The same contract in the corpus's terms (fen, percent × 10,000). */
const CONTRACT: LedgerContract = {
  provider: BENCH_CONTRACT.provider,
  providerType: 'payment_institution',
  merchantId: '',
  signedAt: '2019-12-01',
  rates: [
    { cardType: 'debit', percentE4: 5000, capFen: 2000 },
    { cardType: 'credit', percentE4: 6000 },
  ],
  perTransactionFen: 0,
  agreed: [
    { category: 'traffic_fee', amountFen: 3600, every: 'year' },
    { category: 'service_fee', amountFen: 1900, every: 'month' },
  ],
};

export interface BenchTruth {
  rows: number;
  /** Claim in fen, total and by category (only categories with a claim). */
  claimFen: number;
  byCategoryFen: Partial<Record<Category, number>>;
  counts: Record<string, number>;
}

/** The fee names the bench draws from: the commonest few of each category. */
const BENCH_FEES: readonly [FeeCategory, string, number][] = [
  ['traffic_fee', '流量卡费扣款', 3600],
  ['traffic_fee', 'SIM卡费', 3600],
  ['traffic_fee', '通讯费', 3600],
  ['service_fee', '服务费', 1900],
  ['service_fee', '会员费', 1900],
  ['service_fee', '系统使用费', 2900],
  ['instant_settlement_fee', '扣秒到费', 300],
  ['instant_settlement_fee', 'D0手续费', 200],
  ['deposit', '押金', 9900],
  ['other_deduction', '其他扣款', 1234],
];
const FAST_PAYOUTS = PAYOUT_NAMES.filter((n) => /D0|T0|秒到|即时|实时|极速|快速/u.test(n));
const SLOW_PAYOUTS = PAYOUT_NAMES.filter((n) => !FAST_PAYOUTS.includes(n));
const CREDITS = ['手续费返还', '流量费退还', '商户补贴', '营销补贴', '刷卡返现', '费率补贴'];

const pad = (n: number) => String(n).padStart(2, '0');
const yuan = (fen: number) => {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${String(Math.floor(abs / 100))}.${pad(abs % 100)}`;
};

export async function generateStatement(
  file: string,
  rows: number,
  onProgress?: (done: number) => void,
): Promise<BenchTruth> {
  const dice = new Dice(20261124);
  const truth = new TruthBuilder(CONTRACT);
  const out = createWriteStream(file);
  out.write('交易时间,交易类型,卡类型,交易金额,手续费,结算金额,摘要,流水号\n');
  const start = Date.UTC(2020, 0, 1);
  const spanMs = 6 * 365 * 86_400_000;
  const tail = '4821';
  let buffer = '';
  let fastFeeDue = false;
  for (let i = 0; i < rows; i++) {
    // Beijing wall-clock time, written as such
    const at = new Date(start + Math.floor((i / rows) * spanMs));
    const date = `${String(at.getUTCFullYear())}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    const stamp = `${date} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
    const ref = String(100000000000 + i);
    const base = { seq: i, date, time: stamp.slice(11), ref };
    let line: string;
    let entry: Entry;
    const r = dice.next();
    if (fastFeeDue) {
      // the separate charge for a fast payout, on the row after it
      fastFeeDue = false;
      const fen = dice.pick([100, 200, 300, 500]);
      entry = {
        ...base,
        kind: 'fee',
        category: 'instant_settlement_fee',
        amount: fen,
        text: '提现手续费',
      };
      line = `${stamp},扣费,,-${yuan(fen)},0.00,-${yuan(fen)},提现手续费,${ref}`;
    } else if (r < 0.78) {
      const credit = dice.chance(0.4);
      const amount = 100 + Math.floor(dice.next() * 500_000);
      const rate = CONTRACT.rates[credit ? 1 : 0];
      let fee = rate ? rateFee(amount, rate) : 0;
      if (dice.chance(0.01)) fee += 50 + Math.floor(dice.next() * 500);
      const hidden = dice.chance(0.0005) ? 5900 : 0;
      const net = amount - fee - hidden;
      entry = {
        ...base,
        kind: 'sale',
        type: '消费',
        card: credit ? 'credit' : 'debit',
        amount,
        fee,
        net,
        hidden: hidden ? { fen: hidden, category: null } : null,
        text: '',
      };
      line = `${stamp},${dice.chance(0.5) ? '消费' : '刷卡消费'},${credit ? '贷记卡' : '借记卡'},${yuan(amount)},${yuan(fee)},${yuan(net)},,${ref}`;
    } else if (r < 0.93) {
      const fast = dice.chance(0.4);
      const amount = fast
        ? 100_000 + Math.floor(dice.next() * 900_000)
        : 1000 + Math.floor(dice.next() * 2_000_000);
      const name = dice.pick(fast ? FAST_PAYOUTS : SLOW_PAYOUTS).replace('{card}', tail);
      const type = fast ? '提现' : '结算';
      entry = { ...base, kind: 'payout', amount, text: name };
      line = `${stamp},${type},,-${yuan(amount)},0.00,-${yuan(amount)},${name},${ref}`;
      fastFeeDue = fast && dice.chance(0.3);
    } else if (r < 0.97) {
      const amount = 100 + Math.floor(dice.next() * 50_000);
      const type = dice.pick(['退货', '撤销', '冲正']);
      entry = { ...base, kind: 'refund', type, amount, text: `原交易${ref.slice(-6)}` };
      line = `${stamp},${type},,-${yuan(amount)},0.00,-${yuan(amount)},原交易${ref.slice(-6)},${ref}`;
    } else if (r < 0.98) {
      const amount = 100 + Math.floor(dice.next() * 5_000);
      const text = dice.pick(CREDITS);
      entry = { ...base, kind: 'credit', amount, text };
      line = `${stamp},${text.includes('返还') || text.includes('退还') ? '返还' : '补贴'},,${yuan(amount)},0.00,${yuan(amount)},${text},${ref}`;
    } else {
      const [category, text, fen] = dice.pick(BENCH_FEES);
      entry = { ...base, kind: 'fee', category, amount: fen, text };
      line = `${stamp},扣费,,-${yuan(fen)},0.00,-${yuan(fen)},${text},${ref}`;
    }
    truth.add(entry);
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
      onProgress?.(i + 1);
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  onProgress?.(rows);
  const result = truth.result();
  return {
    rows,
    claimFen: result.claimTotal,
    byCategoryFen: result.claimByCategory,
    counts: result.counts,
  };
}
