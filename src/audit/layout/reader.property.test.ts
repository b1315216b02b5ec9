import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { Cell, ColumnRole, SourceRow, StatementLine } from '../model.js';
import { formatFen } from '../money.js';
import { detectLayout, type ColumnOverrides } from './columns.js';
import { createRowInterpreter } from './lines.js';

/**
 * Property: a random small ledger rendered in a random layout (column order, header language or
 * no header with --map, preamble rows, leading empty columns, yuan or fen, one signed amount,
 * parentheses, a direction column or debit/credit columns, with or without fee, settled and
 * balance columns, a trailing 合计 row) reads back as the same lines: dates, amounts in fen, fees, direction.
 */
const lexicon = defaultLexicon();

interface Entry {
  day: number;
  kind: 'sale' | 'deduction' | 'payout';
  /** Money in positive, fen. */
  amount: number;
  fee: number;
  text: string;
}

const entryArb: fc.Arbitrary<Omit<Entry, 'day'>> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({ yuan: fc.integer({ min: 10, max: 5000 }), cents: fc.integer({ min: 1, max: 99 }) })
      .map(({ yuan, cents }) => {
        const amount = yuan * 100 + cents;
        return { kind: 'sale' as const, amount, fee: Math.round(amount * 0.006) + 1, text: '消费' };
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'deduction' as const, amount: -3600, fee: 0, text: '流量费' },
      { kind: 'deduction' as const, amount: -1900, fee: 0, text: '服务费' },
      { kind: 'deduction' as const, amount: -300, fee: 0, text: '秒到费' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1000, max: 900_000 })
      .map((fen) => ({ kind: 'payout' as const, amount: -(fen * 10 + 7), fee: 0, text: '提现' })),
  },
);

const ledgerArb = fc
  .array(fc.tuple(entryArb, fc.integer({ min: 0, max: 2 })), { minLength: 8, maxLength: 40 })
  .map((items) => {
    let day = 0;
    return items.map(([e, gap]) => {
      day += gap;
      return { ...e, day };
    });
  })
  .filter((entries) => entries.filter((e) => e.kind === 'sale').length >= 4);

type Money = 'signed' | 'parentheses' | 'direction' | 'debitCredit' | 'balanceOnly';
type Style = 'zh' | 'en' | 'bilingual' | 'none';

const layoutArb = fc.record({
  style: fc.constantFrom<Style>('zh', 'en', 'bilingual', 'none'),
  money: fc.constantFrom<Money>('signed', 'parentheses', 'direction', 'debitCredit', 'balanceOnly'),
  unit: fc.constantFrom<'yuan' | 'fen'>('yuan', 'fen'),
  fee: fc.boolean(),
  net: fc.boolean(),
  balance: fc.boolean(),
  preamble: fc.integer({ min: 0, max: 3 }),
  totals: fc.boolean(),
  leading: fc.integer({ min: 0, max: 2 }),
  dateFormat: fc.constantFrom('iso', 'slash', 'compact', 'chinese'),
  seed: fc.integer(),
});

type Field =
  | 'date'
  | 'amount'
  | 'inflow'
  | 'outflow'
  | 'direction'
  | 'fee'
  | 'net'
  | 'balance'
  | 'description';

const HEADERS: Record<Field, Record<Exclude<Style, 'none'>, string>> = {
  date: { zh: '交易日期', en: 'Trans Date', bilingual: 'Trans Date/交易日期' },
  amount: { zh: '交易金额', en: 'Amount', bilingual: 'Amount/交易金额' },
  inflow: { zh: '贷方发生额', en: 'Credit', bilingual: 'Credit/贷方' },
  outflow: { zh: '借方发生额', en: 'Debit', bilingual: 'Debit/借方' },
  direction: { zh: '借贷标志', en: 'D/C', bilingual: 'D/C' },
  fee: { zh: '手续费', en: 'Fee', bilingual: 'Fee/手续费' },
  net: { zh: '结算金额', en: 'Net Amount', bilingual: 'Net Amount/结算金额' },
  balance: { zh: '余额', en: 'Balance', bilingual: 'Balance/余额' },
  description: { zh: '摘要', en: 'Description', bilingual: 'Description/摘要' },
};

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 2654435761) + 1) | 0;
    const j = Math.abs(s) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
function dateText(day: number, format: string): { text: string; iso: string } {
  const d = new Date(Date.UTC(2024, 2, 1) + day * 86_400_000);
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const iso = `${y}-${pad(m)}-${pad(dd)}`;
  const text =
    format === 'iso'
      ? `${iso} 10:${pad(day % 60)}:00`
      : format === 'slash'
        ? `${y}/${m}/${dd}`
        : format === 'compact'
          ? `${y}${pad(m)}${pad(dd)}`
          : `${y}年${m}月${dd}日`;
  return { text, iso };
}

type LayoutSpec = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

function render(entries: Entry[], l: LayoutSpec) {
  const fields: Field[] = ['date', 'description'];
  if (l.money === 'debitCredit') fields.push('inflow', 'outflow');
  else fields.push('amount');
  if (l.money === 'direction') fields.push('direction');
  // an unsigned amount whose direction only the balance gives: no fee, so the balance moves by it
  const withFee = l.fee && l.money !== 'balanceOnly';
  if (withFee) fields.push('fee');
  if (l.net) fields.push('net');
  if (l.balance || l.money === 'balanceOnly') fields.push('balance');
  const order = shuffle(fields, l.seed);
  const money = (fen: number, signed: boolean): string => {
    const abs = Math.abs(fen);
    const text = l.unit === 'fen' ? String(abs) : formatFen(abs);
    if (!signed || fen >= 0) return text;
    return l.money === 'parentheses' ? `(${text})` : `-${text}`;
  };
  const unitWord = (h: string) =>
    l.unit === 'fen' ? `${h}(${l.style === 'en' ? 'fen' : '分'})` : h;
  const rows: Cell[][] = [];
  for (let i = 0; i < l.preamble; i++)
    rows.push([['商户名称：示例商店', '查询时间：2024-09-01 10:00:00', '对账单明细'][i] ?? '']);
  if (l.style !== 'none') {
    rows.push(
      order.map((f) => {
        const h = HEADERS[f][l.style as Exclude<Style, 'none'>];
        return ['amount', 'inflow', 'outflow', 'fee', 'net', 'balance'].includes(f)
          ? unitWord(h)
          : h;
      }),
    );
  }
  let balance = 1_000_000;
  const signed = l.money === 'signed' || l.money === 'parentheses';
  for (const e of entries) {
    const fee = withFee ? e.fee : 0;
    balance += e.amount - fee;
    const net = e.amount - fee;
    const { text } = dateText(e.day, l.dateFormat);
    const value: Record<Field, string> = {
      date: text,
      description: e.text,
      amount: money(e.amount, signed),
      inflow: e.amount > 0 ? money(e.amount, false) : '',
      outflow: e.amount < 0 ? money(e.amount, false) : '',
      direction: e.amount < 0 ? '借' : '贷',
      fee: money(fee, false),
      net: money(net, signed || l.money === 'debitCredit'),
      balance: money(balance, true),
    };
    rows.push(order.map((f) => value[f]));
  }
  if (l.totals) {
    // a trailing total, labelled in the first column, summing the money columns
    const sum = entries.reduce((t, e) => t + e.amount, 0);
    rows.push(
      order.map((f, i) =>
        i === 0 ? '合计' : f === 'amount' || f === 'net' ? money(sum, true) : '',
      ),
    );
  }
  const map: ColumnOverrides = {};
  if (l.style === 'none')
    order.forEach((f, i) => {
      if (f !== 'description') map[f as ColumnRole] = String(i + 1 + l.leading);
    });
  const table: SourceRow[] = rows.map((cells, i) => ({
    row: i + 1,
    cells: [...(Array(l.leading).fill('') as string[]), ...cells],
  }));
  return { table, map };
}

describe('the layout reader recovers a random ledger in a random layout', () => {
  it('same dates, amounts in fen, fees and directions', () => {
    fc.assert(
      fc.property(ledgerArb, layoutArb, (entries, l) => {
        const { table, map } = render(entries, l);
        let layout = detectLayout(table, lexicon, map);
        expect(layout).not.toBeNull();
        if (!layout) return;
        if ((layout.issues ?? []).length > 0) {
          // the only question a reader may ask: the unit of a table with neither header nor fee
          expect(l.style).toBe('none');
          expect(layout.issues?.map((i) => i.role)).toEqual(['unit']);
          layout = detectLayout(table, lexicon, { ...map, unit: l.unit });
          if (!layout) return;
        }
        expect(layout.issues ?? []).toEqual([]);
        const read = createRowInterpreter(layout, 'p.csv', lexicon);
        const lines: StatementLine[] = [];
        for (const row of table) {
          if (row.row <= layout.headerRow || row.row < (layout.firstDataRow ?? 0)) continue;
          const r = read(row);
          if (r.kind === 'line') lines.push(r.line);
          else expect(r.kind).toBe('skip');
        }
        const withFee = l.fee && l.money !== 'balanceOnly';
        // from the balance, the first row's direction cannot be known (no balance before it)
        const got = lines.map((x, i) => [
          x.date,
          i === 0 && l.money === 'balanceOnly' ? Math.abs(x.amount) : x.amount,
          x.fee,
        ]);
        const want = entries.map((e, i) => [
          dateText(e.day, l.dateFormat).iso,
          i === 0 && l.money === 'balanceOnly' ? Math.abs(e.amount) : e.amount,
          withFee ? e.fee : null,
        ]);
        expect(got).toEqual(want);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
