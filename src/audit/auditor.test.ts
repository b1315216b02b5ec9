import { describe, expect, it } from 'vitest';
import { auditDecoded } from './audit.js';
import { Auditor } from './auditor.js';
import { parseContract } from './contract.js';
import type { Cell, StatementLine } from './model.js';
import { decodedSms, decodedTable, iterate } from './testing.js';

const HEADER = ['交易时间', '交易类型', '交易金额', '手续费', '结算金额', '摘要'];

const contract = parseContract({
  rates: [{ cardType: 'any', percent: 0.6 }],
  agreedCharges: [],
});

function audit(body: Cell[][]) {
  return auditDecoded(iterate([{ file: 'a.csv', decoded: decodedTable(HEADER, body) }]), {
    contract,
  });
}

const sale = (date: string, amount: string, fee: string, net: string): Cell[] => [
  date,
  '消费',
  amount,
  fee,
  net,
  '',
];

describe('the payout rule in the auditor', () => {
  it('never claims a payout, whatever speed word it carries', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      sale('2025-03-01', '2000.00', '12.00', '1988.00'),
      ['2025-03-02', '', '-2982.00', '', '', 'D0提现至尾号1234'],
      ['2025-03-02', '', '-2.00', '', '', '提现手续费'],
    ]);
    expect(report.findings.map((f) => [f.category, f.amount, f.verdict])).toEqual([
      ['instant_settlement_fee', '2.00', 'unauthorized'],
    ]);
    expect(report.claim.total).toBe('2.00');
  });

  it('a deduction equal to what was settled since the last payout is that payout', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      sale('2025-03-01', '500.00', '3.00', '497.00'),
      ['2025-03-02', '扣款', '-1491.00', '', '', ''],
    ]);
    expect(report.findings).toEqual([]);
  });

  it('the fee column of a speed-named payout is its instant-settlement fee', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-02', '提现', '-994.00', '3.00', '-997.00', '秒到提现'],
      ['2025-03-03', '结算', '-100.00', '1.00', '-101.00', '尾号0443'],
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.amount])).toEqual([
      [3, 'instant_settlement_fee', '3.00'],
    ]);
  });

  it('the fee column of a payout the merchant asked for (代付到卡) is its withdrawal fee; a plain settlement’s is to review', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-02', '代付', '-994.00', '2.00', '-996.00', '代付到卡 尾号1234'],
      sale('2025-03-03', '500.00', '3.00', '497.00'),
      ['2025-03-04', '结算', '-497.00', '1.50', '-498.50', '结算至尾号1234'],
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.verdict, f.amount])).toEqual([
      [3, 'instant_settlement_fee', 'unauthorized', '2.00'],
      [5, 'instant_settlement_fee', 'needs_review', '1.50'],
    ]);
  });
});

describe('sanity checks before a claim is final', () => {
  it('sales that mostly settled more than the sale less its fee: the columns were misread, nothing claimed from them', async () => {
    // a 结算金额 above the sale itself: no reading of these columns adds up
    const overpaid = Array.from({ length: 12 }, (_, i): Cell[] => [
      `2025-03-${String(i + 1).padStart(2, '0')}`,
      '消费',
      '1000.00',
      '7.00',
      '1010.00',
      '',
    ]);
    const report = await audit(overpaid);
    expect(report.findings.length).toBe(12);
    expect(report.findings.every((f) => f.verdict === 'needs_review')).toBe(true);
    expect(report.claim.total).toBe('0.00');
    expect(report.warnings.map((w) => w.message).join()).toMatch(
      /12 笔交易（共 12 笔）的结算金额大于/u,
    );
    // the same sales read right are claimed
    const right = await audit(overpaid.map((row) => [...row.slice(0, 4), '993.00', '']));
    expect(right.claim.total).toBe('12.00');
  });

  it('a "fee" larger than the largest sale is held for review with a warning', async () => {
    const report = await audit([
      sale('2025-03-01', '100.00', '0.60', '99.40'),
      sale('2025-03-01', '200.00', '1.20', '198.80'),
      ['2025-03-02', '扣费', '-5000.00', '', '', '通讯费'],
      ['2025-03-02', '扣费', '-59.00', '', '', '通讯费'],
    ]);
    const big = report.findings.find((f) => f.row === 4);
    expect(big).toMatchObject({ verdict: 'needs_review', overcharge: '0.00' });
    expect(big?.reason).toMatch(/最大的一笔收款/u);
    expect(report.warnings.some((w) => w.row === 4 && /最大的一笔收款/u.test(w.message))).toBe(
      true,
    );
    expect(report.claim.total).toBe('59.00');
  });

  it('a "fee" above a fifth of the turnover is held for review', async () => {
    const report = await audit([
      sale('2025-03-01', '500.00', '3.00', '497.00'),
      sale('2025-03-01', '100.00', '0.60', '99.40'),
      ['2025-03-02', '扣费', '-399.00', '', '', '流量费'],
    ]);
    expect(report.findings[0]).toMatchObject({ verdict: 'needs_review', overcharge: '0.00' });
    expect(report.findings[0]?.reason).toMatch(/20%/u);
  });

  it('a "fee" ten times the usual amount of its kind is held for review', async () => {
    const report = await audit([
      sale('2025-03-01', '9000.00', '54.00', '8946.00'),
      sale('2025-03-01', '9000.00', '54.00', '8946.00'),
      ['2025-03-02', '扣费', '-3.00', '', '', '秒到费'],
      ['2025-03-03', '扣费', '-3.00', '', '', '秒到费'],
      ['2025-03-04', '扣费', '-3000.00', '', '', '秒到费'],
    ]);
    expect(report.findings.map((f) => f.verdict)).toEqual([
      'unauthorized',
      'unauthorized',
      'needs_review',
    ]);
    expect(report.findings[2]?.reason).toMatch(/通常金额 3\.00 元/u);
    expect(report.claim.total).toBe('6.00');
  });

  it('the usual fees of a small shop are claimed even above its largest sale', async () => {
    const report = await audit([
      sale('2025-03-01', '30.00', '0.18', '29.82'),
      sale('2025-03-01', '20.00', '0.12', '19.88'),
      ['2025-03-02', '扣费', '-99.00', '', '', '流量费'],
    ]);
    expect(report.findings[0]).toMatchObject({ verdict: 'unauthorized', overcharge: '99.00' });
  });

  it('a statement without sales keeps its claims (nothing to compare with)', async () => {
    const report = await audit([['2025-03-02', '扣费', '-99.00', '', '', '流量费']]);
    expect(report.claim.total).toBe('99.00');
  });
});

describe('the card network service fee', () => {
  it('per-sale network fees are part of the card fee: no finding, one note', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '5.35', '994.65'),
      ['2025-03-01', '扣费', '-0.65', '', '', '银联网络服务费'],
      ['2025-03-01', '扣费', '-0.33', '', '', '网络服务费'],
    ]);
    expect(report.findings).toEqual([]);
    expect(report.warnings[0]?.message).toMatch(/2 笔银联网络服务费/u);
  });

  it('a network fee on top of a sale already charged the full rate is a rate overcharge', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-01', '扣费', '-0.65', '', '', '银联网络服务费'],
      sale('2025-03-01', '20000.00', '120.00', '19880.00'),
      ['2025-03-01', '扣费', '-6.50', '', '', '品牌服务费'],
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.amount, f.overcharge])).toEqual([
      [3, 'rate_overcharge', '0.65', '0.65'],
      [5, 'rate_overcharge', '6.50', '6.50'],
    ]);
    expect(report.findings[0]?.reason).toMatch(/又另扣网络服务费 0\.65 元/u);
  });

  it('a fixed monthly 网络服务费 is the SIM fee', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-01', '扣费', '-36.00', '', '', '网络服务费'],
    ]);
    expect(report.findings[0]).toMatchObject({ category: 'traffic_fee', verdict: 'unauthorized' });
  });
});

describe('a sale’s card fee on a row of its own (支付宝 交易服务费)', () => {
  // an account ledger: sales carry no fee column, each one's fee follows it as a charge row
  const ledger = (date: string, amount: string, text: string, type = '在线支付'): Cell[] => [
    date,
    type,
    amount,
    '',
    '',
    text,
  ];

  it('is the transaction fee of the sale above it, not a 服务费: no finding at the agreed rate', async () => {
    const report = await audit([
      ledger('2025-03-01', '1000.00', '门店消费'),
      ledger('2025-03-01', '-6.00', '交易服务费[2025030122001]', '收费'),
      ledger('2025-03-01', '250.00', '门店消费'),
      ledger('2025-03-01', '-1.50', '交易服务费[2025030122002]', '收费'),
      ledger('2025-03-02', '-99.00', '商家经营服务年费', '收费'),
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.verdict])).toEqual([
      [6, 'service_fee', 'unauthorized'],
    ]);
    expect(report.warnings.map((w) => w.message).join()).toMatch(/2 笔交易手续费单独列为一行/u);
  });

  it('above the contracted rate, the excess is a rate overcharge on the fee row', async () => {
    const report = await audit([
      ledger('2025-03-01', '1000.00', '门店消费'),
      ledger('2025-03-01', '-7.80', '交易手续费', '收费'),
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.amount, f.overcharge])).toEqual([
      [3, 'rate_overcharge', '7.80', '1.80'],
    ]);
  });

  it('one that follows no sale of its day, or is far too large for one, is reviewed', async () => {
    const report = await audit([
      ledger('2025-03-01', '1000.00', '门店消费'),
      ledger('2025-03-02', '-6.00', '交易服务费', '收费'),
      ledger('2025-03-03', '100.00', '门店消费'),
      ledger('2025-03-03', '-80.00', '交易服务费', '收费'),
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.verdict])).toEqual([
      [3, 'other_deduction', 'needs_review'],
      [5, 'other_deduction', 'needs_review'],
    ]);
  });
});

describe('the order of a day’s charges', () => {
  const monthly = parseContract({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreedCharges: [{ category: 'service_fee', amountYuan: 39, every: 'month' }],
  });
  const run = (body: Cell[][]) =>
    auditDecoded(iterate([{ file: 'a.csv', decoded: decodedTable(HEADER, body) }]), {
      contract: monthly,
    });
  const fee = (date: string, amount: string): Cell[] => [
    date,
    '扣费',
    amount,
    '',
    '',
    '会员服务费',
  ];

  it('in a statement listed newest first, the lower of two charges of a day was taken first', async () => {
    const report = await run([
      sale('2024-11-07', '500.00', '3.00', '497.00'),
      fee('2024-11-06 15:40:00', '-59.00'),
      fee('2024-11-06 09:10:00', '-39.00'),
      sale('2024-11-05', '500.00', '3.00', '497.00'),
    ]);
    expect(report.findings.map((f) => [f.row, f.verdict, f.overcharge])).toEqual([
      [3, 'unauthorized', '59.00'],
      [4, 'authorized', '0.00'],
    ]);
  });

  it('oldest first, the upper one', async () => {
    const report = await run([
      sale('2024-11-05', '500.00', '3.00', '497.00'),
      fee('2024-11-06 09:10:00', '-39.00'),
      fee('2024-11-06 15:40:00', '-59.00'),
      sale('2024-11-07', '500.00', '3.00', '497.00'),
    ]);
    expect(report.findings.map((f) => [f.row, f.verdict, f.overcharge])).toEqual([
      [3, 'authorized', '0.00'],
      [4, 'unauthorized', '59.00'],
    ]);
  });
});

describe('weak evidence and reversals', () => {
  it('a deduction named only by generic words is reviewed, not claimed', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-02', '扣费', '-30.00', '', '', '使用费'],
    ]);
    expect(report.findings[0]).toMatchObject({ verdict: 'needs_review', overcharge: '0.00' });
    expect(report.findings[0]?.reason).not.toMatch(/[A-Za-z]/u);
  });

  it('a fee reversed (冲正) or refunded (退还) is still claimed, as spec §2 says, with a warning', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-02', '扣费', '-99.00', '', '', '流量费'],
      ['2025-03-05', '冲正', '99.00', '', '', '流量费冲正'],
      ['2025-04-02', '扣费', '-39.00', '', '', '会员费'],
      ['2025-04-05', '返还', '39.00', '', '', '会员费退还'],
    ]);
    expect(report.findings.map((f) => [f.row, f.verdict])).toEqual([
      [3, 'unauthorized'],
      [5, 'unauthorized'],
    ]);
    expect(report.findings[0]?.reason).not.toMatch(/冲正/u);
    expect(report.warnings.find((w) => w.row === 3)?.message).toMatch(/2025-03-05 冲正/u);
    expect(report.claim.total).toBe('138.00');
  });
});

describe('SMS notices end to end', () => {
  it('claims the fees a bank or an aggregator names, never the payouts', async () => {
    const report = await auditDecoded(
      iterate([
        {
          file: 'sms.txt',
          decoded: decodedSms([
            '【某某银行】您尾号1234的商户于2025年03月01日收款3,000.00元，手续费18.00元',
            '【某某银行】您尾号1234的商户于03月02日结算入账2,982.00元，扣收手续费18.00元，扣收流量费99.00元。',
            '【某聚合支付】尊敬的商户，您03月03日有一笔D0提现1,000.00元已到账，手续费2.00元。',
          ]),
        },
      ]),
      { contract },
    );
    expect(report.findings.map((f) => [f.row, f.date, f.category, f.amount, f.verdict])).toEqual([
      [2, '2025-03-02', 'traffic_fee', '99.00', 'unauthorized'],
      [3, '2025-03-03', 'instant_settlement_fee', '2.00', 'unauthorized'],
    ]);
    expect(report.claim.total).toBe('101.00');
  });
});

describe('the fee column of a payout', () => {
  it('repeating the fees of the sales it settles is no charge, even on a 秒到 payout', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-02', '提现', '-994.00', '6.00', '-1000.00', '秒到提现'],
    ]);
    expect(report.findings).toEqual([]);
  });

  it('a plain payout with a fee of its own, after sales that paid theirs, is to review', async () => {
    const report = await audit([
      sale('2025-03-01', '1000.00', '6.00', '994.00'),
      ['2025-03-02', '结算', '-994.00', '2.00', '-996.00', '尾号0443'],
    ]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        category: 'instant_settlement_fee',
        amount: '2.00',
        verdict: 'needs_review',
      }),
    ]);
  });

  it("a bank's settlement carrying the day's card fees is no finding", async () => {
    const report = await audit([
      ['2025-03-02', '结算', '-2982.00', '18.00', '-2982.00', '尾号0443'],
    ]);
    expect(report.findings).toEqual([]);
  });
});

describe('overlapping exports', () => {
  const fee = (date: string, amount: string, text: string): Cell[] => [
    date,
    '扣费',
    amount,
    '',
    '',
    text,
  ];

  it('claims a deduction listed in two files once, and twice when one file lists it twice', async () => {
    const first = [fee('2025-03-05', '-59.00', '流量费'), fee('2025-04-05', '-59.00', '流量费')];
    const second = [
      fee('2025-04-05', '-59.00', '流量费'),
      fee('2025-04-05', '-59.00', '流量费'),
      fee('2025-05-05', '-59.00', '流量费'),
    ];
    const report = await auditDecoded(
      iterate([
        { file: 'march-april.csv', decoded: decodedTable(HEADER, first) },
        { file: 'april-may.csv', decoded: decodedTable(HEADER, second) },
      ]),
      { contract },
    );
    expect(report.findings.map((f) => [f.file, f.date])).toEqual([
      ['march-april.csv', '2025-03-05'],
      ['march-april.csv', '2025-04-05'],
      ['april-may.csv', '2025-04-05'],
      ['april-may.csv', '2025-05-05'],
    ]);
    expect(report.warnings.map((w) => [w.file, w.row, w.message.split('，')[0]])).toEqual([
      ['april-may.csv', 2, '与 march-april.csv 中的同一笔记录重复'],
    ]);
  });
});

describe('copies of a record in several files of one audit', () => {
  const monthly = parseContract({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreedCharges: [{ category: 'service_fee', amountYuan: 30, every: 'month' }],
  });
  const APP = ['交易时间', '交易类型', '交易金额', '手续费', '结算金额', '摘要', '流水号'];
  const PORTAL = ['日期', '业务类型', '金额(元)', '手续费(元)', '到账金额(元)', '说明'];
  /** Two weeks of sales, a payout and a charge or two: the app prints references, the portal none. */
  const days = (from: number, to: number) => {
    const rows: { date: string; amount: string; fee: string; net: string; text: string }[] = [];
    for (let d = from; d <= to; d++) {
      const date = `2025-08-${String(d).padStart(2, '0')}`;
      const amount = 100 + d * 7;
      rows.push({
        date,
        amount: `${String(amount)}.00`,
        fee: (amount * 0.006).toFixed(2),
        net: (amount - Number((amount * 0.006).toFixed(2))).toFixed(2),
        text: '',
      });
      if (d === 6 || d === 12)
        rows.push({ date, amount: '-30.00', fee: '0.00', net: '-30.00', text: '服务费' });
      if (d === 10)
        rows.push({ date, amount: '-3.00', fee: '0.00', net: '-3.00', text: '提现手续费' });
    }
    return rows;
  };
  const app = (from: number, to: number): Cell[][] =>
    days(from, to).map((r, i) => [
      `${r.date} 10:00:00`,
      r.text === '' ? '扫码消费' : '扣费',
      r.amount,
      r.fee,
      r.net,
      r.text,
      String(880000 + i),
    ]);
  const portal = (from: number, to: number): Cell[][] =>
    days(from, to).map((r) => [
      r.date,
      r.text === '' ? '消费' : '费用',
      r.amount,
      r.fee,
      r.net,
      r.text,
    ]);

  it('two exports of one account (app with 流水号, portal without) list a charge once', async () => {
    const report = await auditDecoded(
      iterate([
        { file: 'app.csv', decoded: decodedTable(APP, app(1, 12)) },
        { file: 'portal.csv', decoded: decodedTable(PORTAL, portal(5, 20)) },
      ]),
      { contract: monthly },
    );
    // 服务费 of the 6th (agreed) and of the 12th (second in the month), 提现手续费 of the 10th
    expect(report.findings.map((f) => [f.file, f.date, f.verdict])).toEqual([
      ['app.csv', '2025-08-06', 'authorized'],
      ['app.csv', '2025-08-10', 'unauthorized'],
      ['app.csv', '2025-08-12', 'unauthorized'],
    ]);
    expect(report.claim.total).toBe('33.00');
    expect(report.warnings.map((w) => [w.file, w.message.split('，')[0]])).toEqual([
      ['portal.csv', '与 app.csv 中的同一笔记录重复'],
      ['portal.csv', '与 app.csv 中的同一笔记录重复'],
      ['portal.csv', '与 app.csv 中的同一笔记录重复'],
    ]);
  });

  it('two terminals’ files share no day of records: the same charge on the same day is two charges', async () => {
    // the other terminal's sales differ; its charges are the same, on the same days
    const other: Cell[][] = portal(1, 12).map((r) =>
      r[5] === '' ? [r[0] ?? '', r[1] ?? '', '58.00', '0.35', '57.65', ''] : r,
    );
    const report = await auditDecoded(
      iterate([
        { file: '终端1.csv', decoded: decodedTable(APP, app(1, 12)) },
        {
          file: '终端2.csv',
          decoded: decodedTable(PORTAL, other),
        },
      ]),
      { contract: monthly },
    );
    expect(report.findings.filter((f) => f.verdict === 'unauthorized')).toHaveLength(5);
    expect(report.warnings).toEqual([]);
  });

  it('an SMS notice of a deduction that the statement lists is that deduction, claimed once', async () => {
    const report = await auditDecoded(
      iterate([
        {
          file: 'sms.txt',
          decoded: decodedSms([
            '【汇银通】扣费提醒：2025年8月6日已从结算款中扣除服务费30.00元，详询客服。',
            '【汇银通】扣费提醒：2025年8月12日已从结算款中扣除服务费30.00元，详询客服。',
            '【汇银通】扣费提醒：2025年8月14日已从结算款中扣除押金199.00元，详询客服。',
          ]),
        },
        { file: 'app.csv', decoded: decodedTable(APP, app(1, 12)) },
      ]),
      { contract: monthly },
    );
    // the notices of the 6th and 12th are the statement's rows; the 押金 of the 14th is not listed
    expect(report.findings.map((f) => [f.file, f.date, f.category, f.verdict])).toEqual([
      ['sms.txt', '2025-08-14', 'deposit', 'unauthorized'],
      ['app.csv', '2025-08-06', 'service_fee', 'authorized'],
      ['app.csv', '2025-08-10', 'instant_settlement_fee', 'unauthorized'],
      ['app.csv', '2025-08-12', 'service_fee', 'unauthorized'],
    ]);
    expect(report.claim.total).toBe('232.00');
    expect(report.warnings.map((w) => [w.file, w.row])).toEqual([
      ['sms.txt', 1],
      ['sms.txt', 2],
    ]);
  });
});

describe('a fee row printed against the statement’s sign', () => {
  const monthly = parseContract({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreedCharges: [{ category: 'traffic_fee', amountYuan: 99, every: 'month' }],
  });
  const run = (body: Cell[][]) =>
    auditDecoded(iterate([{ file: 'a.csv', decoded: decodedTable(HEADER, body) }]), {
      contract: monthly,
    });

  it('is money paid back where the other charges are money out: reviewed, using up no period', async () => {
    const report = await run([
      sale('2024-03-01', '500.00', '3.00', '497.00'),
      ['2024-03-02', '', '99.00', '0.00', '99.00', '流量费'],
      ['2024-03-04', '扣费', '-99.00', '0.00', '-99.00', '流量费'],
      sale('2024-03-05', '500.00', '3.00', '497.00'),
    ]);
    expect(report.findings.map((f) => [f.row, f.verdict, f.overcharge])).toEqual([
      [3, 'needs_review', '0.00'],
      [4, 'authorized', '0.00'],
    ]);
    expect(report.claim.total).toBe('0.00');
  });

  it('is still a charge when its type says 扣费 and it names the charge (no balance column)', async () => {
    const report = await run([
      sale('2024-03-01', '500.00', '3.00', '497.00'),
      ['2024-03-02', '其他', '-29.00', '0.00', '-29.00', '系统服务费'],
      ['2024-03-03', '其他', '-199.00', '0.00', '-199.00', '机具押金'],
      ['2024-03-04', '扣费', '3.00', '0.00', '3.00', '秒到费'],
      ['2024-03-05', '', '3.00', '0.00', '3.00', '秒到费'],
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.verdict])).toEqual([
      [3, 'service_fee', 'unauthorized'],
      [4, 'deposit', 'unauthorized'],
      [5, 'instant_settlement_fee', 'unauthorized'],
      [6, 'instant_settlement_fee', 'needs_review'],
    ]);
  });

  it('where every charge is printed unsigned, a positive one is still a charge', async () => {
    const report = await run([
      sale('2024-03-01', '500.00', '3.00', '497.00'),
      ['2024-03-02', '扣费', '99.00', '0.00', '', '流量费'],
      ['2024-03-04', '扣费', '99.00', '0.00', '', '流量费'],
    ]);
    expect(report.findings.map((f) => [f.row, f.verdict, f.overcharge])).toEqual([
      [3, 'authorized', '0.00'],
      [4, 'unauthorized', '99.00'],
    ]);
  });
});

describe('a charge’s direction that the file did not print', () => {
  it('a sign the reader inferred singles out no row: the charge is judged as usual', () => {
    const auditor = new Auditor({
      contract: parseContract({
        rates: [{ cardType: 'any', percent: 0.6 }],
        agreedCharges: [],
      }),
      assumeNoAgreement: false,
    });
    const line = (row: number, amount: number, description: string): StatementLine => ({
      file: 'wide.xlsx',
      row,
      date: `2024-03-0${String(row)}`,
      amount,
      fee: null,
      net: null,
      type: '',
      description,
      cardType: 'unknown',
      reference: '',
    });
    const fee = { kind: 'fee', category: 'instant_settlement_fee', basis: '' } as const;
    auditor.signsPrinted('wide.xlsx', false);
    auditor.add(line(1, 300, '出款手续费'), fee);
    auditor.add(line(2, -200, 'D0手续费'), fee);
    const outcome = auditor.finish();
    expect(outcome.findings.map((f) => [f.row, f.verdict, f.overcharge])).toEqual([
      [1, 'unauthorized', 300],
      [2, 'unauthorized', 200],
    ]);
  });
});

describe('a statement with a payout column but no fee column (交易金额, 商户实收)', () => {
  const NO_FEE = ['交易时间', '交易类型', '交易金额', '商户实收', '备注'];
  const noFeeAudit = (body: Cell[][], withContract = true) =>
    auditDecoded(iterate([{ file: 'a.xls', decoded: decodedTable(NO_FEE, body) }]), {
      contract: withContract ? contract : null,
      // even when the merchant says nothing was agreed, the card fee inside the gap was
      assumeNoAgreement: !withContract,
    });
  const rows: Cell[][] = [
    // 0.6 % taken, as agreed: the ratio net/amount is the rate, not a hidden deduction
    ['2025-03-01 10:00:00', '收款', '1000.00', '994.00', ''],
    ['2025-03-01 11:00:00', '收款', '53.68', '53.36', ''],
    // 0.8 % taken: 2.00 above the contract's 6.00
    ['2025-03-02 10:00:00', '收款', '1000.00', '992.00', ''],
    // within a fen of the rate: rounding
    ['2025-03-02 11:00:00', '收款', '100.00', '99.39', ''],
  ];

  it('reads amount − net as the fee and checks it against the contract rate', async () => {
    const report = await noFeeAudit(rows);
    expect(report.findings.map((f) => [f.row, f.category, f.amount, f.overcharge])).toEqual([
      [4, 'rate_overcharge', '8.00', '2.00'],
    ]);
    expect(report.claim.total).toBe('2.00');
  });

  it('claims nothing from an implied fee without a contract', async () => {
    const report = await noFeeAudit(rows, false);
    expect(report.findings).toEqual([]);
  });

  it('a sale whose note names a fee: the part above the card fee is that fee', async () => {
    const named: Cell[][] = [
      ...rows,
      ['2025-03-03 10:00:00', '收款', '1000.00', '946.00', '含流量费'],
    ];
    const report = await noFeeAudit(named);
    expect(report.findings.find((f) => f.row === 6)).toMatchObject({
      category: 'traffic_fee',
      amount: '48.00',
      verdict: 'unauthorized',
      overcharge: '48.00',
    });
    const reviewed = await noFeeAudit(named, false);
    expect(reviewed.findings.map((f) => [f.row, f.category, f.verdict])).toEqual([
      [6, 'traffic_fee', 'needs_review'],
    ]);
  });
});

describe('a status column (结算状态, Status)', () => {
  const monthly = parseContract({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreedCharges: [{ category: 'traffic_fee', amountYuan: 99, every: 'month' }],
  });
  const run = (body: Cell[][]) =>
    auditDecoded(
      iterate([{ file: 'a.csv', decoded: decodedTable([...HEADER, '结算状态'], body) }]),
      { contract: monthly },
    );

  it('a failed deduction is no deduction: said in a warning, using up no agreed period', async () => {
    const report = await run([
      [...sale('2024-03-01', '500.00', '3.00', '497.00'), '成功'],
      ['2024-03-02', '扣费', '-99.00', '0.00', '-99.00', '流量费（余额不足，扣款失败）', '失败'],
      ['2024-03-03', '扣费', '-99.00', '0.00', '-99.00', '流量费', '成功'],
      ['2024-03-04', '扣费', '-29.00', '0.00', '-29.00', '会员服务费', '扣款失败'],
    ]);
    expect(report.findings.map((f) => [f.row, f.verdict])).toEqual([[4, 'authorized']]);
    expect(report.warnings.map((w) => [w.row, /状态为“(失败|扣款失败)”/.test(w.message)])).toEqual([
      [3, true],
      [5, true],
    ]);
  });

  it('a deduction still being processed (处理中) is reviewed, never claimed', async () => {
    const report = await run([
      [...sale('2024-03-01', '500.00', '3.00', '497.00'), '成功'],
      ['2024-03-02', '扣费', '-29.00', '0.00', '-29.00', '会员服务费', '处理中'],
      [...sale('2024-03-03', '1000.00', '9.00', '991.00'), 'PENDING'],
    ]);
    expect(report.findings.map((f) => [f.row, f.category, f.verdict, f.overcharge])).toEqual([
      [3, 'service_fee', 'needs_review', '0.00'],
      [4, 'rate_overcharge', 'needs_review', '0.00'],
    ]);
    expect(report.claim.total).toBe('0.00');
  });
});
