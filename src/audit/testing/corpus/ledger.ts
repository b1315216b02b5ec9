import {
  CREDIT_NAMES,
  FEE_DRESSINGS,
  FEE_NAMES,
  PAYOUT_NAMES,
  REFUND_TYPES,
  SALE_TYPES,
  type FeeCategory,
} from './vocabulary.js';

/**
 * One merchant's ledger, random but fixed by its seed: sales with card types and fees under a
 * contract (some above it), refunds and reversals, payouts named after their speed, fee deductions
 * of every category (agreed, duplicated, early, above the agreed amount), fees hidden in a payout,
 * fee refunds, subsidies and cash back. Plain data: money in integer fen, Beijing calendar dates.
 */
export type Card = 'debit' | 'credit';

interface EntryBase {
  /** Position in the ledger (time order). */
  seq: number;
  /** Beijing calendar date, YYYY-MM-DD. */
  date: string;
  /** HH:MM:SS */
  time: string;
  /** A 12-digit reference. */
  ref: string;
}

export type Entry = EntryBase &
  (
    | {
        kind: 'sale';
        type: string;
        card: Card;
        amount: number;
        fee: number;
        /** amount − fee − hidden */
        net: number;
        /** Money held back from the payout; `named` when the row's text says which fee it is. */
        hidden: { fen: number; category: FeeCategory | null } | null;
        text: string;
      }
    | { kind: 'refund'; type: string; amount: number; text: string }
    | { kind: 'payout'; amount: number; text: string }
    | {
        kind: 'fee';
        category: FeeCategory;
        amount: number;
        text: string;
        /** The fee's own name, before a statement dresses it (扣…, 3月…, （第2期）). */
        name?: string;
        /**
         * A deduction the statement marks as failed (结算状态 失败): no money moved, so it is no
         * deduction. Only a layout that prints a status adds such attempts (see families.ts).
         */
        failed?: true;
      }
    | { kind: 'credit'; amount: number; text: string }
  );

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Draft = Without<Entry, 'seq' | 'ref'>;

export interface ContractRate {
  cardType: Card | 'any';
  /** percent × 10,000 as an integer: 0.6 % → 6000 */
  percentE4: number;
  capFen?: number;
}

export interface AgreedCharge {
  category: FeeCategory;
  amountFen: number;
  every: 'once' | 'month' | 'quarter' | 'year';
  startsAfter?: string;
}

export interface LedgerContract {
  provider: string;
  providerType: 'bank' | 'payment_institution';
  merchantId: string;
  signedAt: string;
  rates: ContractRate[];
  perTransactionFen: number;
  agreed: AgreedCharge[];
}

export interface Ledger {
  seed: number;
  merchant: string;
  merchantId: string;
  terminal: string;
  /** Last four digits of the payout card. */
  cardTail: string;
  provider: string;
  bank: string;
  contract: LedgerContract;
  entries: Entry[];
}

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

const PROVIDERS = [
  '鑫联支付有限公司',
  '汇通宝支付有限公司',
  '瑞银信息支付有限公司',
  '华夏商通支付有限公司',
  '和融通收单服务有限公司',
];
const BANKS = ['某某银行', '城商银行', '农商银行', '中原商业银行', '江南银行'];
const MERCHANTS = ['郑州市老王餐馆', '杭州市小李便利店', '成都市张记面馆', '广州市阿芳水果店'];

/** Adds days to a YYYY-MM-DD date (UTC arithmetic on a calendar date: no time zone involved). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Adds calendar months, keeping the day (the corpus only uses days 1–28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Expected fee of a sale, half-up to the fen, before the per-transaction add-on. */
export function rateFee(amount: number, rate: ContractRate): number {
  // amount × percentE4 / 1,000,000, half-up, exact in integers (amounts stay far below 2^53 / 1e6)
  const scaled = amount * rate.percentE4;
  let fee = Math.floor((scaled * 2 + 1_000_000) / 2_000_000);
  if (rate.capFen !== undefined) fee = Math.min(fee, rate.capFen);
  return fee;
}

export interface LedgerOptions {
  seed: number;
  /** Roughly how many entries (sales are most of them). */
  rows: number;
}

export function generateLedger({ seed, rows }: LedgerOptions): Ledger {
  const dice = new Dice(seed * 7919 + 17);
  const provider = dice.pick(PROVIDERS);
  const cardTail = String(dice.int(1000, 9999));
  const merchantId = `898${String(dice.int(100000000000, 999999999999))}`;
  const start = `202${dice.int(3, 5)}-0${dice.int(1, 6)}-01`;
  const contract = makeContract(dice, provider, merchantId, start);
  const [debitRate, creditRate] = contract.rates as [ContractRate, ContractRate];

  // one day after another; a few sales a day, a payout most days, and scheduled fee streams
  const entries: Draft[] = [];
  const streams = makeStreams(dice, contract, start);
  let day = start;
  let pending = 0;
  const salesPerDay = 3;
  const days = Math.max(30, Math.ceil(rows / (salesPerDay + 1.4)));
  const rateRiseFrom = dice.int(Math.floor(days / 3), days);
  const addOn = dice.chance(0.5) ? dice.int(1, 3) * 100 : 0;
  for (let d = 0; d < days; d++) {
    const n = dice.int(1, salesPerDay * 2 - 1);
    const times = Array.from({ length: n }, () => dice.int(8 * 3600, 22 * 3600)).sort(
      (a, b) => a - b,
    );
    for (const secs of times) {
      const card: Card = dice.chance(0.55) ? 'debit' : 'credit';
      const amount = dice.chance(0.08) ? dice.int(300_000, 1_200_000) : dice.int(500, 80_000);
      let fee =
        rateFee(amount, card === 'debit' ? debitRate : creditRate) + contract.perTransactionFen;
      if (d >= rateRiseFrom && dice.chance(0.3)) fee += Math.max(2, Math.round(amount * 0.001));
      else if (dice.chance(0.02)) fee += addOn || 200;
      else if (dice.chance(0.05)) fee += 1; // rounding: not a finding
      let hidden: { fen: number; category: FeeCategory | null } | null = null;
      let text = '';
      if (dice.chance(0.012) && amount > 20_000) {
        const named = dice.chance(0.5);
        const category: FeeCategory | null = named
          ? dice.pick(['traffic_fee', 'service_fee'] as const)
          : null;
        hidden = { fen: dice.pick([1200, 3600, 4800, 5900, 9900]), category };
        if (category) {
          const name = dice.pick(FEE_NAMES[category]);
          text = dice.pick([`结算扣除${name}`, `含${name}`, `已扣${name}`]);
        }
      }
      const net = amount - fee - (hidden?.fen ?? 0);
      pending += net;
      entries.push({
        kind: 'sale',
        date: day,
        time: clock(secs),
        type: dice.pick(SALE_TYPES),
        card,
        amount,
        fee,
        net,
        hidden,
        text,
      });
    }
    if (dice.chance(0.06)) {
      const amount = dice.int(500, 20_000);
      pending -= amount;
      entries.push({
        kind: 'refund',
        date: day,
        time: clock(dice.int(8 * 3600, 22 * 3600)),
        type: dice.pick(REFUND_TYPES),
        amount,
        text: dice.chance(0.5) ? `原交易${dice.int(100000, 999999)}` : '',
      });
    }
    for (const s of streams) {
      for (const f of s.dates.get(day) ?? []) {
        entries.push({
          kind: 'fee',
          date: day,
          time: clock(dice.int(1 * 3600, 6 * 3600)),
          category: s.category,
          amount: f,
          text: dressName(dice, s.category, s.name, day, s.instalment++),
          name: s.name,
        });
        pending -= f;
      }
    }
    if (dice.chance(0.04)) {
      entries.push({
        kind: 'credit',
        date: day,
        time: clock(dice.int(9 * 3600, 18 * 3600)),
        amount: dice.int(100, 9_900),
        text: dice.pick(CREDIT_NAMES),
      });
    }
    if (pending > 0 && dice.chance(0.8)) {
      const fast = dice.chance(0.4);
      const amount = fast ? Math.max(100, Math.min(pending, dice.int(100_000, 900_000))) : pending;
      const name = dice.pick(PAYOUT_NAMES).replace('{card}', cardTail);
      entries.push({
        kind: 'payout',
        date: day,
        time: clock(dice.int(22 * 3600, 23 * 3600 + 3000)),
        amount,
        text: name,
      });
      pending -= amount;
      if (fast && dice.chance(0.5)) {
        const fee = dice.pick([100, 200, 300, 500]);
        entries.push({
          kind: 'fee',
          date: day,
          time: clock(23 * 3600 + 3300),
          category: 'instant_settlement_fee',
          amount: fee,
          text: dice.pick([
            '提现手续费',
            '秒到费',
            'D0手续费',
            '垫资费',
            '出款手续费',
            '即时到账费',
          ]),
        });
        pending -= fee;
      }
    }
    day = addDays(day, 1);
  }
  const stable = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date + a.e.time).localeCompare(b.e.date + b.e.time) || a.i - b.i);
  const refs = new Set<string>();
  const full: Entry[] = stable.map(({ e }, seq) => {
    let ref = String(dice.int(100000000000, 999999999999));
    while (refs.has(ref)) ref = String(dice.int(100000000000, 999999999999));
    refs.add(ref);
    return { ...e, seq, ref };
  });
  return {
    seed,
    merchant: dice.pick(MERCHANTS),
    merchantId,
    terminal: `T${dice.int(10000000, 99999999)}`,
    cardTail,
    provider,
    bank: dice.pick(BANKS),
    contract,
    entries: full,
  };
}

function clock(secs: number): string {
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  return [h, m, s].map((x) => String(x).padStart(2, '0')).join(':');
}

function dressName(
  dice: Dice,
  category: FeeCategory,
  name: string,
  date: string,
  instalment: number,
): string {
  if (category === 'other_deduction') return name;
  let dressing = dice.pick(FEE_DRESSINGS);
  if (dressing.includes('第{k}期') && category !== 'deposit') dressing = '{name}';
  if (dressing.startsWith('终端') && /^(终端|机具|设备|POS)/u.test(name)) dressing = '{name}';
  if (dressing.startsWith('扣') && name.startsWith('扣')) dressing = '{name}';
  return dressing
    .replace('{name}', name)
    .replace('{m}', String(Number(date.slice(5, 7))))
    .replace('{k}', String(instalment + 1));
}

function makeContract(
  dice: Dice,
  provider: string,
  merchantId: string,
  start: string,
): LedgerContract {
  const debit = dice.pick([3800, 5000, 5500, 6000]);
  const credit = dice.pick([5500, 6000, 6300, 6800]);
  const agreed: AgreedCharge[] = [];
  if (dice.chance(0.8))
    agreed.push({
      category: 'traffic_fee',
      amountFen: dice.pick([3600, 4800, 5900]),
      every: dice.pick(['year', 'quarter'] as const),
      startsAfter: addMonths(start, dice.int(1, 4)),
    });
  if (dice.chance(0.8))
    agreed.push({
      category: 'service_fee',
      amountFen: dice.pick([1900, 2900, 3900]),
      every: 'month',
    });
  if (dice.chance(0.5))
    agreed.push({ category: 'deposit', amountFen: dice.pick([19900, 29900]), every: 'once' });
  return {
    provider,
    providerType: dice.chance(0.3) ? 'bank' : 'payment_institution',
    merchantId,
    signedAt: addDays(start, -dice.int(10, 200)),
    rates: [
      { cardType: 'debit', percentE4: debit, capFen: dice.pick([2000, 2500]) },
      { cardType: 'credit', percentE4: credit },
    ],
    perTransactionFen: dice.chance(0.3) ? dice.pick([100, 200, 300]) : 0,
    agreed,
  };
}

interface Stream {
  category: FeeCategory;
  name: string;
  dates: Map<string, number[]>;
  instalment: number;
}

/** The provider's fee deductions: regular ones, duplicates, early ones, raised ones, odd ones. */
function makeStreams(dice: Dice, contract: LedgerContract, start: string): Stream[] {
  const streams: Stream[] = [];
  const add = (category: FeeCategory, plan: [string, number][]) => {
    const dates = new Map<string, number[]>();
    for (const [date, fen] of plan) dates.set(date, [...(dates.get(date) ?? []), fen]);
    streams.push({ category, name: dice.pick(FEE_NAMES[category]), dates, instalment: 0 });
  };
  const agreedOf = (c: FeeCategory) => contract.agreed.find((a) => a.category === c);
  const day = String(dice.int(2, 27)).padStart(2, '0');
  const anchor = `${start.slice(0, 8)}${day}`;
  // traffic: yearly or quarterly, sometimes monthly, sometimes above the agreed amount
  {
    const a = agreedOf('traffic_fee');
    const every = dice.pick([1, 3, 12]);
    const fen = a ? (dice.chance(0.3) ? a.amountFen + 4000 : a.amountFen) : dice.pick([3600, 9900]);
    const plan: [string, number][] = [];
    for (let k = 0; k < 24; k += every) plan.push([addMonths(anchor, k), fen]);
    if (dice.chance(0.7)) plan.push([addDays(addMonths(anchor, every), 3), fen]); // a duplicate
    add('traffic_fee', plan);
  }
  // service: monthly, with a duplicate and a raised month
  {
    const a = agreedOf('service_fee');
    const fen = a?.amountFen ?? dice.pick([1900, 3900]);
    const plan: [string, number][] = [];
    for (let k = 1; k < 24; k++) plan.push([addMonths(anchor, k), k === 5 ? fen + 1000 : fen]);
    plan.push([addDays(addMonths(anchor, 2), 5), fen]);
    add('service_fee', plan);
  }
  // deposit: once or in instalments
  {
    const a = agreedOf('deposit');
    const plan: [string, number][] = a
      ? [[addDays(anchor, 2), a.amountFen]]
      : [0, 1, 2].map((k) => [addMonths(addDays(anchor, 2), k), 10000]);
    add('deposit', plan);
  }
  // odd adjustments
  add('other_deduction', [
    [addDays(anchor, 40), dice.int(100, 9000)],
    [addDays(anchor, 200), dice.int(100, 9000)],
  ]);
  // instant-settlement fees named as a charge (beside the ones after fast payouts)
  add('instant_settlement_fee', [
    [addDays(anchor, 11), 300],
    [addDays(anchor, 75), 500],
  ]);
  return streams;
}
