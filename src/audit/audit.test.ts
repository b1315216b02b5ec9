import { describe, expect, it } from 'vitest';
import { auditDecoded, type AuditOptions } from './audit.js';
import { parseContract } from './contract.js';
import type { Cell } from './model.js';
import { auditReportSchema } from './report/schema.js';
import { decodedSms, decodedTable, iterate } from './testing.js';

const HEADER = [
  '交易时间',
  '交易类型',
  '卡类型',
  '交易金额',
  '手续费',
  '结算金额',
  '摘要',
  '流水号',
];

function audit(
  body: Cell[][],
  options: AuditOptions,
  more: { file: string; body: Cell[][] }[] = [],
) {
  return auditDecoded(
    iterate([
      { file: 'a.csv', decoded: decodedTable(HEADER, body) },
      ...more.map((m) => ({ file: m.file, decoded: decodedTable(HEADER, m.body) })),
    ]),
    options,
  );
}

const contract = parseContract({
  provider: '示例支付有限公司',
  providerType: 'payment_institution',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
  ],
  agreedCharges: [
    { category: 'traffic_fee', amountYuan: 36, every: 'year', startsAfter: '2025-03-01' },
    { category: 'deposit', amountYuan: 299, every: 'once' },
  ],
});

const rows: Cell[][] = [
  ['2024-03-02 10:00:00', '扣费', '', '-99.00', '0', '-99.00', '终端流量费', 'r1'],
  ['2024-03-03 10:00:00', '消费', '贷记卡', '1000.00', '9.00', '991.00', '', 'r2'],
  ['2024-03-04 10:00:00', '消费', '借记卡', '10000.00', '20.00', '9980.00', '', 'r3'],
  ['2024-03-05 10:00:00', '消费', '借记卡', '200.00', '1.00', '150.00', '', 'r4'],
  ['2024-03-06 10:00:00', '扣费', '', '-299.00', '0', '-299.00', '机具押金', 'r5'],
  ['2024-03-07 10:00:00', '扣费', '', '-12.34', '0', '-12.34', '调账', 'r6'],
  ['2024-03-08 10:00:00', '返还', '', '99.00', '0', '99.00', '流量费退还', 'r7'],
  ['2025-03-02 10:00:00', '扣费', '', '-99.00', '0', '-99.00', '终端流量费', 'r8'],
];

describe('the audit (spec §2 and §3)', () => {
  it('finds every deduction with its verdict and claims exactly the unauthorized part', async () => {
    const report = await audit(rows, { contract });
    expect(auditReportSchema.parse(report)).toEqual(report);
    expect(
      report.findings.map((f) => [f.row, f.category, f.verdict, f.amount, f.overcharge]),
    ).toEqual([
      [2, 'traffic_fee', 'unauthorized', '99.00', '99.00'],
      [3, 'rate_overcharge', 'unauthorized', '9.00', '3.00'],
      [5, 'settlement_shortfall', 'unauthorized', '49.00', '49.00'],
      [6, 'deposit', 'authorized', '299.00', '0.00'],
      [7, 'other_deduction', 'needs_review', '12.34', '0.00'],
      [9, 'traffic_fee', 'unauthorized', '99.00', '63.00'],
    ]);
    expect(report.claim).toEqual({
      total: '214.00',
      currency: 'CNY',
      byCategory: { rate_overcharge: '3.00', settlement_shortfall: '49.00', traffic_fee: '162.00' },
    });
    expect(report.findings.find((f) => f.category === 'deposit')?.refundable).toBe(true);
    expect(report.counts).toEqual({ authorized: 1, unauthorized: 4, needs_review: 1 });
    expect(report.statements[0]).toMatchObject({
      headerRow: 1,
      records: 8,
      period: { from: '2024-03-02', to: '2025-03-02' },
    });
    expect(report.recurring).toEqual([
      {
        category: 'traffic_fee',
        amount: '99.00',
        every: 'year',
        dates: ['2024-03-02', '2025-03-02'],
        next: '2026-03-02',
      },
    ]);
  });

  it('every finding explains itself in Chinese and English', async () => {
    const report = await audit(rows, { contract });
    for (const f of report.findings) {
      expect(f.reason).toMatch(/[\u4e00-\u9fff]/u);
      expect(f.reasonEn).toMatch(/[a-z]/);
    }
    expect(report.findings[0]?.reason).toBe('合同约定流量费自 2025-03-01 起才可收取，本笔提前收取');
  });

  it('without a contract: rates unchecked, every deduction to review, nothing claimed', async () => {
    const report = await audit(rows, { contract: null });
    expect(report.findings.map((f) => [f.category, f.verdict])).toEqual([
      ['traffic_fee', 'needs_review'],
      ['settlement_shortfall', 'needs_review'],
      ['deposit', 'needs_review'],
      ['other_deduction', 'needs_review'],
      ['traffic_fee', 'needs_review'],
    ]);
    expect(report.claim.total).toBe('0.00');
  });

  it('--assume-no-agreement claims every named fee in full, but never an unexplained one', async () => {
    const report = await audit(rows, { contract: null, assumeNoAgreement: true });
    expect(report.findings.map((f) => f.verdict)).toEqual([
      'unauthorized',
      'needs_review',
      'unauthorized',
      'needs_review',
      'unauthorized',
    ]);
    expect(report.claim.total).toBe('497.00');
  });

  it('two overlapping exports never count a deduction twice', async () => {
    const report = await audit(rows, { contract }, [{ file: 'b.csv', body: rows.slice(4) }]);
    expect(report.claim.total).toBe('214.00');
    expect(report.warnings.filter((w) => w.file === 'b.csv').map((w) => w.row)).toEqual([2, 3, 5]);
  });

  it('turns unreadable rows into warnings with their row numbers, and goes on', async () => {
    const report = await audit(
      [
        ...rows.slice(0, 2),
        ['2024-13-01', '消费', '', '1.00', '0', '1.00', '', 'x'],
        ['2024-03-09', '扣费', '', '12,3.4', '0', '', '流量费', 'y'],
        ['合计', '', '', '100.00', '', '', '', ''],
      ],
      { contract },
    );
    expect(report.warnings.map((w) => [w.row, w.message.slice(0, 8)])).toEqual([
      [4, '无法解析的日期:'],
      [5, '无法解析的金额:'],
    ]);
    expect(report.findings).toHaveLength(2);
    expect(report.statements[0]?.records).toBe(2);
  });

  it('reads pasted SMS notices', async () => {
    const report = await auditDecoded(
      iterate([
        {
          file: 'sms.txt',
          decoded: decodedSms([
            '【某付】2024年3月2日从结算款中扣除流量费99.00元。',
            '【某付】您的验证码为123456。',
          ]),
        },
      ]),
      { contract },
    );
    expect(report.findings.map((f) => [f.row, f.category, f.text, f.overcharge])).toEqual([
      [1, 'traffic_fee', '流量费', '99.00'],
    ]);
    expect(report.statements[0]).toMatchObject({ format: 'sms', headerRow: null, records: 2 });
  });

  it('says clearly when a file has no header', async () => {
    await expect(
      auditDecoded(iterate([{ file: 'x.csv', decoded: decodedTable(['a', 'b'], [['1', '2']]) }]), {
        contract: null,
      }),
    ).rejects.toMatchObject({
      code: 'FG_ERR_NO_HEADER',
      hint: expect.stringContaining('--map') as unknown,
    });
  });
});

describe('a workbook with a sheet of day totals before its detail', () => {
  const daySheet: Cell[][] = [
    ['日期', '交易笔数', '交易金额', '手续费合计', '扣费项目', '结算金额'],
    ['2024-03-20', 2, '1500.00', '9.00', '', '1491.00'],
    ['2024-03-21', 3, '11703.54', '70.22', '流量费', '11564.32'],
    ['2024-03-22', 1, '800.00', '4.80', '', '795.20'],
  ];
  const detail: Cell[][] = [
    ['交易时间', '交易类型', '交易金额', '手续费', '结算金额', '摘要'],
    ['2024-03-20 10:00:00', '消费', '1000.00', '6.00', '994.00', ''],
    ['2024-03-20 11:00:00', '消费', '500.00', '3.00', '497.00', ''],
    ['2024-03-21 02:00:00', '扣费', '-69.00', '0.00', '-69.00', '流量费'],
    ['2024-03-21 10:00:00', '消费', '11772.54', '70.22', '11702.32', ''],
    ['2024-03-22 10:00:00', '消费', '800.00', '4.80', '795.20', ''],
  ];
  const workbook = (sheets: [string, Cell[][]][]) => {
    const rows = sheets.flatMap(([sheet, lines]) =>
      lines.map((cells, i) => ({ row: i + 1, sheet, cells: [...cells] })),
    );
    return {
      kind: 'table' as const,
      meta: { format: 'xlsx' as const, encoding: null, sheets: sheets.map(([name]) => name) },
      problems: [],
      batches: iterate([rows]),
    };
  };
  const contract = parseContract({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreedCharges: [{ category: 'traffic_fee', amountYuan: 69, every: 'year' }],
  });
  const run = (sheets: [string, Cell[][]][]) =>
    auditDecoded(iterate([{ file: 'w.xlsx', decoded: workbook(sheets) }]), { contract });

  it('reads the detail only: the totals’ 流量费 is no deduction and uses up no period', async () => {
    const report = await run([
      ['日汇总', daySheet],
      ['交易明细', detail],
    ]);
    expect(report.findings.map((f) => [f.sheet, f.row, f.verdict])).toEqual([
      ['交易明细', 4, 'authorized'],
    ]);
    expect(report.warnings.map((w) => [w.sheet, /逐日汇总/.test(w.message)])).toEqual([
      ['日汇总', true],
    ]);
  });

  it('reads a sheet of day totals when it is the only table', async () => {
    const report = await run([['日汇总', daySheet]]);
    expect(report.statements[0]?.records).toBe(3);
    // too few days for the arithmetic to vouch for the payout: the day's total is no fee, and
    // the merchant is told the day names one
    expect(report.findings).toEqual([]);
    expect(report.claim.total).toBe('0.00');
    expect(report.warnings.map((w) => [w.row, /当天的交易汇总/u.test(w.message)])).toEqual([
      [3, true],
    ]);
  });
});

describe('a statement of daily totals whose payout is the day’s total less its fees', () => {
  const header = ['结算日期', '交易笔数', '交易总额', '手续费合计', '实际结算金额', '备注'];
  const days: Cell[][] = [
    ['2025-03-01', 28, '3378.14', '20.27', '3357.87', ''],
    ['2025-03-02', 29, '1871.09', '11.23', '1859.86', ''],
    ['2025-03-03', 5, '3846.41', '23.08', '3754.33', '已扣收SIM卡年费'],
    ['2025-03-04', 27, '4396.66', '26.38', '4370.28', ''],
    ['2025-03-05', 6, '2490.24', '14.94', '2445.30', '含增值服务费'],
    ['2025-03-06', 20, '4623.84', '27.74', '4596.10', ''],
    ['2025-03-07', 25, '2040.70', '12.24', '2028.46', ''],
    ['2025-03-08', 25, '4837.70', '31.03', '4781.67', ''],
    ['2025-03-09', 25, '5715.94', '34.30', '5681.64', '含流量费69元'],
    ['2025-03-10', 6, '2801.49', '16.81', '2784.68', ''],
    ['2025-03-11', 19, '2272.83', '13.64', '2259.19', ''],
    ['2025-03-12', 24, '4324.31', '25.95', '4298.36', ''],
    ['2025-03-13', 19, '2864.21', '17.19', '2847.02', ''],
    ['2025-03-14', 30, '4634.32', '27.81', '4606.51', ''],
    ['2025-03-15', 26, '1040.19', '6.24', '1033.95', ''],
    ['2025-03-16', 15, '2427.45', '14.56', '2412.89', ''],
    ['合计', 329, '', '', '', ''],
  ];
  const contract = parseContract({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreedCharges: [{ category: 'traffic_fee', amountYuan: 69, every: 'year' }],
  });
  const run = () =>
    auditDecoded(iterate([{ file: 'd.csv', decoded: decodedTable(header, days) }]), {
      contract,
    });

  it('claims what a day was paid short, never the day’s total, and checks no rate on a sum', async () => {
    const report = await run();
    expect(
      report.findings.map((f) => [f.row, f.category, f.amount, f.verdict, f.overcharge]),
    ).toEqual([
      [4, 'traffic_fee', '69.00', 'authorized', '0.00'],
      [6, 'service_fee', '30.00', 'unauthorized', '30.00'],
      [9, 'settlement_shortfall', '25.00', 'unauthorized', '25.00'],
    ]);
    // 2025-03-09 names a 流量费 but was paid in full: nothing was held back that day
    expect(report.claim.total).toBe('55.00');
  });
});

describe('a PDF with a second table of its own on every page', () => {
  const main = ['交易时间', '交易类型', '交易金额', '手续费', '结算金额'];
  const fees = ['扣收日期', '费用项目', '类型', '金额'];
  // 交易明细 then 费用明细 on each page, in reading order; the fee table's rows carry `table: 2`
  const lines: [number, number | undefined, Cell[]][] = [
    [1, undefined, main],
    [1, undefined, ['2024-02-01 07:00:42', '消费', '100.00', '0.60', '99.40']],
    [1, undefined, ['2024-02-01 10:53:35', '消费', '200.00', '1.20', '198.80']],
    [1, undefined, ['2024-02-02 09:00:00', '消费', '50.00', '0.30', '49.70']],
    [1, 2, fees],
    [1, 2, ['2024-02-03', '激活费', '费用', '-199.00']],
    [2, undefined, ['2024-02-08 04:26:05', '消费', '300.00', '1.80', '298.20']],
    [2, undefined, ['2024-02-08 12:21:37', '消费', '400.00', '2.40', '397.60']],
    [2, 2, ['2024-02-09', '流量卡年费', '费用', '-36.00']],
    [2, undefined, ['2024-02-10 08:00:00', '消费', '10.00', '0.06', '9.94']],
  ];
  const decoded = {
    kind: 'table' as const,
    meta: { format: 'pdf' as const, encoding: null },
    problems: [],
    batches: iterate([
      lines.map(([page, table, cells], i) => ({
        row: i + 1,
        page,
        ...(table === undefined ? {} : { table }),
        cells: [...cells],
      })),
    ]),
  };

  it('reads each table under its own header and numbers the records in reading order', async () => {
    const report = await auditDecoded(iterate([{ file: 'b.pdf', decoded }]), {
      contract: parseContract({
        rates: [{ cardType: 'any', percent: 0.6 }],
        agreedCharges: [{ category: 'deposit', amountYuan: 199, every: 'once' }],
      }),
    });
    expect(report.statements[0]?.records).toBe(8);
    expect(report.findings.map((f) => [f.row, f.page, f.category, f.verdict, f.amount])).toEqual([
      [4, 1, 'deposit', 'authorized', '199.00'],
      [7, 2, 'traffic_fee', 'unauthorized', '36.00'],
    ]);
  });

  it('skips a second table with no date column (a summary) with a warning, claiming nothing from it', async () => {
    const rows: [number | undefined, Cell[]][] = [
      [undefined, main],
      [undefined, ['2024-02-01 07:00:42', '消费', '100.00', '0.60', '99.40']],
      [undefined, ['2024-02-02 07:00:42', '消费', '200.00', '1.20', '198.80']],
      [undefined, ['2024-02-03 07:00:42', '消费', '50.00', '0.30', '49.70']],
      [2, ['交易笔数', '交易金额合计', '手续费合计', '结算金额合计']],
      [2, ['3', '350.00', '9.10', '340.90']],
    ];
    const report = await auditDecoded(
      iterate([
        {
          file: 's.pdf',
          decoded: {
            kind: 'table' as const,
            meta: { format: 'pdf' as const, encoding: null },
            problems: [],
            batches: iterate([
              rows.map(([table, cells], i) => ({
                row: i + 1,
                page: 1,
                ...(table === undefined ? {} : { table }),
                cells: [...cells],
              })),
            ]),
          },
        },
      ]),
      { contract: parseContract({ rates: [{ cardType: 'any', percent: 0.6 }] }) },
    );
    expect(report.statements[0]?.records).toBe(3);
    expect(report.findings).toEqual([]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^第2个表格中找不到日期列或金额列，已跳过/u),
    ]);
  });
});
