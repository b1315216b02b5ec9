import { describe, expect, it } from 'vitest';
import { auditDecoded } from '../audit.js';
import { parseContract } from '../contract.js';
import { parseSchedules, type ScheduleInput } from '../schedule.js';
import { decodedTable, iterate } from '../testing.js';
import { compareChargesToSchedule, createScheduleRateCheck, type ChargeTaken } from './schedule.js';

const base: ScheduleInput = {
  provider: '示例支付',
  version: '2024版',
  effectiveFrom: '2024-01-01',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'any', percent: 0.6 },
  ],
  charges: [
    { name: '流量卡服务费', category: 'traffic_fee', amountYuan: 36, every: 'year' },
    { name: '会员费', category: 'service_fee', amountYuan: 19, every: 'month' },
    { name: '机具押金', category: 'deposit', amountYuan: 99, every: 'once' },
  ],
};
const later: ScheduleInput = {
  ...base,
  version: '2025版',
  effectiveFrom: '2025-01-01',
  rates: [{ cardType: 'any', percent: 0.55 }],
  charges: [{ name: '流量卡服务费', category: 'traffic_fee', amountYuan: 30, every: 'year' }],
};
const versions = parseSchedules([base, later]);

const counter = { seq: 0 };
const taken = (date: string, category: ChargeTaken['category'], amount: number): ChargeTaken => {
  const seq = counter.seq++;
  return { seq, file: 'a.csv', row: seq + 2, date, category, amount };
};

describe('departures from the published schedule', () => {
  it('a category the schedule does not list', () => {
    const [d] = compareChargesToSchedule(
      [taken('2024-03-02', 'instant_settlement_fee', 300)],
      versions,
    );
    expect(d).toMatchObject({
      kind: 'unlisted_charge',
      scheduleVersion: '2024版',
      taken: 300,
      allowed: 0,
      difference: 300,
    });
    expect(d?.scheduled).toBe('收费标准（2024版，2024-01-01 起）没有列出秒到/提现费');
  });

  it('an amount above the schedule’s, for the excess', () => {
    const out = compareChargesToSchedule([taken('2024-03-02', 'traffic_fee', 9900)], versions);
    expect(out).toEqual([
      expect.objectContaining({
        kind: 'above_amount',
        chargeName: '流量卡服务费',
        taken: 9900,
        allowed: 3600,
        difference: 6300,
        scheduled: '收费标准（2024版，2024-01-01 起）：流量卡服务费 36.00 元每年',
      }),
    ]);
  });

  it('within the amount and the period: no departure', () => {
    expect(
      compareChargesToSchedule(
        [
          taken('2024-02-05', 'service_fee', 1900),
          taken('2024-03-05', 'service_fee', 1900),
          taken('2024-03-09', 'traffic_fee', 3000),
        ],
        versions,
      ),
    ).toEqual([]);
  });

  it('charged more often than its period, and a one-off taken twice', () => {
    const out = compareChargesToSchedule(
      [
        taken('2024-02-05', 'service_fee', 1900),
        taken('2024-02-20', 'service_fee', 1900),
        taken('2024-03-05', 'service_fee', 1900),
        taken('2024-04-01', 'deposit', 9900),
        taken('2024-09-01', 'deposit', 9900),
      ],
      versions,
    );
    expect(out.map((d) => [d.kind, d.date, d.difference])).toEqual([
      ['too_often', '2024-02-20', 1900],
      ['too_often', '2024-09-01', 9900],
    ]);
    expect(out[0]?.scheduled).toContain('2024-02-05 起的这一期已经收过');
    expect(out[1]?.scheduled).toContain('机具押金 99.00 元（一次性），已经收过');
  });

  it('holds each deduction to the version in effect on its date; periods carry across versions', () => {
    const out = compareChargesToSchedule(
      [
        taken('2023-12-31', 'deposit', 50000), // before any version: nothing to hold it to
        taken('2024-12-30', 'service_fee', 1900), // 2024版 lists it
        taken('2025-01-05', 'service_fee', 1900), // 2025版 does not
        taken('2024-06-01', 'traffic_fee', 3600),
        taken('2025-02-01', 'traffic_fee', 3000), // same charge, its year from 2024-06-01 not over
        taken('2025-06-01', 'traffic_fee', 3600), // next year, above 2025版's 30.00
      ],
      versions,
    );
    expect(out.map((d) => [d.date, d.kind, d.scheduleVersion, d.difference])).toEqual([
      ['2025-01-05', 'unlisted_charge', '2025版', 1900],
      ['2025-02-01', 'too_often', '2025版', 3000],
      ['2025-06-01', 'above_amount', '2025版', 600],
    ]);
  });

  it('a transaction fee above the schedule’s rate or cap, by the version in effect', () => {
    const check = createScheduleRateCheck(versions);
    // 0.5% of 1000.00 = 5.00
    expect(check({ date: '2024-05-01', amount: 100_000, fee: 500, cardType: 'debit' })).toBeNull();
    expect(check({ date: '2024-05-01', amount: 100_000, fee: 501, cardType: 'debit' })).toBeNull();
    expect(
      check({ date: '2024-05-01', amount: 100_000, fee: 600, cardType: 'debit' }),
    ).toMatchObject({
      allowed: 500,
    });
    // the cap: 20.00 on a 10,000.00 debit sale
    expect(
      check({ date: '2024-05-01', amount: 1_000_000, fee: 5000, cardType: 'debit' }),
    ).toMatchObject({ allowed: 2000 });
    // unknown card: the highest that could apply (0.6%)
    expect(
      check({ date: '2024-05-01', amount: 100_000, fee: 600, cardType: 'unknown' }),
    ).toBeNull();
    // 2025版: 0.55%, no cap
    const d = check({ date: '2025-03-01', amount: 1_000_000, fee: 6000, cardType: 'debit' });
    expect(d).toMatchObject({ allowed: 5500 });
    expect(d?.version.version).toBe('2025版');
    expect(d?.scheduled).toBe('收费标准（2025版，2025-01-01 起）：各类卡 0.55%');
    expect(check({ date: '2023-05-01', amount: 100_000, fee: 9000, cardType: 'debit' })).toBeNull();
  });
});

describe('departures in the audit report', () => {
  it('lists them whatever the contract says, with the difference in fen', async () => {
    const report = await auditDecoded(
      iterate([
        {
          file: 'a.csv',
          decoded: decodedTable(
            ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '摘要'],
            [
              ['2024-03-01', '消费', '借记卡', '1000.00', '8.00', ''],
              ['2024-03-02', '扣费', '', '-99.00', '', '终端流量费'],
              ['2024-03-05', '扣费', '', '-19.00', '', '会员费'],
            ],
          ),
        },
      ]),
      {
        // the merchant's own contract agreed to all of it
        contract: parseContract({
          rates: [{ cardType: 'any', percent: 0.8 }],
          agreedCharges: [
            { category: 'traffic_fee', amountYuan: 99, every: 'year' },
            { category: 'service_fee', amountYuan: 19, every: 'month' },
          ],
        }),
        schedules: versions,
      },
    );
    expect(report.claim.total).toBe('0.00');
    expect(report.schedules).toEqual([
      { provider: '示例支付', version: '2024版', effectiveFrom: '2024-01-01' },
      { provider: '示例支付', version: '2025版', effectiveFrom: '2025-01-01' },
    ]);
    expect(
      report.scheduleDepartures?.map((d) => [
        d.row,
        d.kind,
        d.taken,
        d.allowed,
        d.difference,
        d.differenceFen,
      ]),
    ).toEqual([
      [2, 'rate_above', '8.00', '5.00', '3.00', 300],
      [3, 'above_amount', '99.00', '36.00', '63.00', 6300],
    ]);
  });

  it('leaves the report as before without schedules', async () => {
    const report = await auditDecoded(
      iterate([
        {
          file: 'a.csv',
          decoded: decodedTable(
            ['交易时间', '交易金额', '摘要'],
            [['2024-03-02', '-99.00', '流量费']],
          ),
        },
      ]),
      { contract: null },
    );
    expect(report).not.toHaveProperty('scheduleDepartures');
    expect(report).not.toHaveProperty('schedules');
  });
});
