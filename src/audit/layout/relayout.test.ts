import { SAMPLES_DIR } from '../../../test/fixtures/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDecoded } from '../audit.js';
import { parseContract } from '../contract.js';
import type { Cell } from '../model.js';
import type { AuditReport } from '../report/schema.js';
import { decodedTable, iterate } from '../testing.js';

/**
 * The plain samples re-laid out as exports we have never seen — English headers, fen, a title and
 * preamble above data that starts in column C, debit/credit columns, a two-row header, shuffled
 * columns with unknown English words — give exactly the findings and claim of the original.
 */
interface Expected {
  contract: string | null;
  claim: AuditReport['claim'];
  findings: { row: number; category: string; verdict: string; overcharge: string }[];
}

const EN = [
  'Trans Date/交易日期',
  'Type',
  'Card Type',
  'Amount(CNY)',
  'Fee',
  'Net Amount',
  'Description',
  'Ref No.',
];

const toFen = (v: string) => {
  if (v === '') return v;
  const negative = v.startsWith('-');
  const [whole = '0', frac = ''] = v.replace('-', '').split('.');
  return `${negative ? '-' : ''}${Number(whole) * 100 + Number(`${frac}00`.slice(0, 2))}`;
};

/** Each variant: the rows, and how many rows were added above the data. */
const VARIANTS: Record<string, (header: string[], body: string[][]) => [string[][], number]> = {
  english: (_h, body) => [[EN, ...body], 0],
  fen: (_h, body) => [
    [
      [
        '交易时间',
        '交易类型',
        '卡类型',
        '交易金额(分)',
        '手续费(分)',
        '结算金额(分)',
        '摘要',
        '流水号',
      ],
      ...body.map((r) => [...r.slice(0, 3), ...r.slice(3, 6).map(toFen), ...r.slice(6)]),
    ],
    0,
  ],
  offset: (h, body) => [
    [
      ['', '', '商户交易明细'],
      ['', '', '商户名称：示例小店'],
      ['', '', '查询时间：2024-10-01 09:00:00'],
      [],
      ...[h, ...body].map((r) => ['', '', ...r]),
    ],
    4,
  ],
  debitCredit: (_h, body) => [
    [
      [
        '交易时间',
        '交易类型',
        '卡类型',
        '借方发生额',
        '贷方发生额',
        '手续费',
        '结算金额',
        '摘要',
        '流水号',
      ],
      ...body.map((r) => {
        const a = r[3] ?? '';
        const out = a.startsWith('-');
        return [...r.slice(0, 3), out ? a.slice(1) : '', out ? '' : a, ...r.slice(4)];
      }),
    ],
    0,
  ],
  twoRowHeader: (_h, body) => [
    [
      ['交易时间', '交易类型', '卡类型', '金额(元)', '', '', '摘要', '流水号'],
      ['', '', '', '交易', '手续', '结算', '', ''],
      ...body,
    ],
    1,
  ],
  shuffled: (_h, body) => {
    const order = [7, 6, 5, 4, 3, 2, 1, 0];
    const header = ['Time', 'Kind', 'Card', 'Gross', 'Charge', 'Settled', 'Memo', 'Serial'];
    return [[header, ...body].map((r) => order.map((i) => r[i] ?? '')), 0];
  },
};

const samples = ['01-plain', '02-plain', '03-plain', '04-plain', '05-plain'];

describe('the samples in layouts never seen', () => {
  it.each(samples.flatMap((s) => Object.keys(VARIANTS).map((v) => [s, v] as const)))(
    '%s as %s',
    async (sample, variant) => {
      const text = readFileSync(path.join(SAMPLES_DIR, `${sample}.csv`), 'utf8');
      // the plain samples quote nothing
      const [header = [], ...body] = text
        .trim()
        .split('\n')
        .map((line) => line.split(','));
      const expected = JSON.parse(
        readFileSync(path.join(SAMPLES_DIR, `${sample}.expected.json`), 'utf8'),
      ) as Expected;
      const make = VARIANTS[variant];
      if (!make) throw new Error(variant);
      const [rows, shift] = make(header, body);
      const [first = [], ...rest] = rows;
      const contract = expected.contract
        ? parseContract(JSON.parse(readFileSync(path.join(SAMPLES_DIR, expected.contract), 'utf8')))
        : null;
      const report = await auditDecoded(
        iterate([{ file: 'x.csv', decoded: decodedTable(first, rest as Cell[][]) }]),
        { contract },
      );
      const pick = (f: Expected['findings'][number]) => [
        f.row,
        f.category,
        f.verdict,
        f.overcharge,
      ];
      expect(report.findings.map(pick)).toEqual(
        expected.findings.map((f) => pick({ ...f, row: f.row + shift })),
      );
      expect(report.claim).toEqual(expected.claim);
      expect(report.warnings).toEqual([]);
      expect(report.statements[0]?.layout?.confidence.level).toBe('high');
    },
  );
});
