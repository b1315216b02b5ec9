import { describe, expect, it } from 'vitest';
import { FeeGuardError } from '../errors.js';
import { parseContract } from './contract.js';
import {
  contractToJson,
  microToPercent,
  parseSchedule,
  parseSchedules,
  scheduleOn,
  scheduleToContract,
  scheduleToJson,
} from './schedule.js';

const v2025 = {
  provider: '示例支付',
  providerType: 'payment_institution',
  version: '2025版',
  effectiveFrom: '2025-01-01',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: '0.6' },
  ],
  perTransactionFeeYuan: '0.00',
  charges: [
    {
      name: '流量卡服务费',
      category: 'traffic_fee',
      amountYuan: 36,
      every: 'year',
      startsAfterDays: 365,
      conditions: '开通满一年后收取',
    },
    { name: '会员服务费', category: 'service_fee', amountYuan: '19.90', every: 'month' },
  ],
};

function errorOf(fn: () => unknown): FeeGuardError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FeeGuardError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('fee schedule format', () => {
  it('parses a version into fen and micro-percent', () => {
    expect(parseSchedule(v2025)).toEqual({
      provider: '示例支付',
      providerType: 'payment_institution',
      version: '2025版',
      effectiveFrom: '2025-01-01',
      rates: [
        { cardType: 'debit', percentMicro: 500_000, capFen: 2000 },
        { cardType: 'credit', percentMicro: 600_000 },
      ],
      perTransactionFeeFen: 0,
      charges: [
        {
          name: '流量卡服务费',
          category: 'traffic_fee',
          amountFen: 3600,
          every: 'year',
          startsAfterDays: 365,
          conditions: '开通满一年后收取',
        },
        { name: '会员服务费', category: 'service_fee', amountFen: 1990, every: 'month' },
      ],
    });
  });

  it.each([
    [{ ...v2025, effectiveFrom: '2025/01/01' }, /effectiveFrom: a date written YYYY-MM-DD/],
    [{ ...v2025, effectiveFrom: '2025-02-30' }, /effectiveFrom: not a real calendar date/],
    [{ ...v2025, version: '' }, /version: give the version a label/],
    [{ ...v2025, provider: undefined }, /provider:/],
    [{ ...v2025, charges: [{ ...v2025.charges[1], category: 'sim_fee' }] }, /charges\.0\.category/],
    [{ ...v2025, charges: [{ ...v2025.charges[1], every: 'week' }] }, /charges\.0\.every/],
    [
      { ...v2025, charges: [{ ...v2025.charges[1], name: ' ' }] },
      /charges\.0\.name: give the charge/,
    ],
    [
      { ...v2025, charges: [{ ...v2025.charges[1], amountYuan: '十元' }] },
      /charges\.0\.amountYuan 的金额无法识别.*"十元"/,
    ],
    [{ ...v2025, rates: [{ cardType: 'debit', percent: 'abc' }] }, /rates\.0\.percent 无法识别/],
    [
      {
        ...v2025,
        rates: [
          { cardType: 'debit', percent: 0.5 },
          { cardType: 'debit', percent: 0.6 },
        ],
      },
      /两个 debit 费率/,
    ],
  ])('rejects %j with a line naming the field', (input, message) => {
    const error = errorOf(() => parseSchedule(input));
    expect(error.code).toBe('FG_ERR_BAD_SCHEDULE');
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it('names the version in a file of several', () => {
    const error = errorOf(() =>
      parseSchedules([v2025, { ...v2025, version: '2026版', effectiveFrom: 'soon' }]),
    );
    expect(error.message).toMatch(/\[1\]\.effectiveFrom/);
  });

  it('refuses two versions with one label or one effective date', () => {
    expect(
      errorOf(() => parseSchedules([v2025, { ...v2025, effectiveFrom: '2026-01-01' }])).message,
    ).toMatch(/版本号都是 2025版/);
    expect(errorOf(() => parseSchedules([v2025, { ...v2025, version: '2026版' }])).message).toMatch(
      /生效日期都是 2025-01-01/,
    );
    expect(errorOf(() => parseSchedules([])).message).toMatch(/空的/);
  });

  it('sorts versions and finds the one in effect on a date', () => {
    const versions = parseSchedules([
      { ...v2025, version: '2026版', effectiveFrom: '2026-01-01' },
      v2025,
    ]);
    expect(versions.map((v) => v.version)).toEqual(['2025版', '2026版']);
    expect(scheduleOn(versions, '2024-12-31')).toBeNull();
    expect(scheduleOn(versions, '2025-01-01')?.version).toBe('2025版');
    expect(scheduleOn(versions, '2025-12-31')?.version).toBe('2025版');
    expect(scheduleOn(versions, '2026-01-01')?.version).toBe('2026版');
  });

  it('converts to a contract: a free first period starts after activation', () => {
    const schedule = parseSchedule(v2025);
    const contract = scheduleToContract(schedule, { activatedOn: '2025-03-01' });
    expect(contract).toEqual({
      provider: '示例支付',
      providerType: 'payment_institution',
      signedAt: '2025-03-01',
      rates: schedule.rates,
      perTransactionFeeFen: 0,
      agreedCharges: [
        { category: 'traffic_fee', amountFen: 3600, every: 'year', startsAfter: '2026-03-01' },
        { category: 'service_fee', amountFen: 1990, every: 'month' },
      ],
    });
    // without an activation date, counted from the schedule's own effective date
    expect(scheduleToContract(schedule).agreedCharges[0]?.startsAfter).toBe('2026-01-01');
  });

  it('round-trips through the contract.json and schedule JSON forms', () => {
    const schedule = parseSchedule(v2025);
    const contract = scheduleToContract(schedule, { activatedOn: '2025-03-01' });
    expect(parseContract(contractToJson(contract))).toEqual(contract);
    expect(parseSchedule(scheduleToJson(schedule))).toEqual(schedule);
    expect(microToPercent(550_000)).toBe('0.55');
    expect(microToPercent(1_000_000)).toBe('1');
    expect(microToPercent(38_000)).toBe('0.038');
  });
});
