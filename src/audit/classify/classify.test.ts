import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../lexicon/lexicon.js';
import type { StatementLine } from '../model.js';
import { classifyLine } from './classify.js';

const lexicon = defaultLexicon();

function line(
  type: string,
  description: string,
  amount: number,
  fee: number | null = 0,
  net: number | null = null,
): StatementLine {
  return {
    file: 'f',
    row: 1,
    date: '2025-01-01',
    amount,
    fee,
    net,
    type,
    description,
    cardType: 'unknown',
    reference: '',
  };
}

function outcome(l: StatementLine): string {
  const c = classifyLine(l, lexicon);
  return c.kind === 'fee'
    ? `fee:${c.category ?? ''}`
    : c.namedCategory
      ? `${c.kind}:${c.namedCategory}`
      : c.kind;
}

describe('fee deductions are recognised by meaning, not a fixed list', () => {
  it.each([
    // traffic / SIM / data
    ['扣费', '流量卡费扣款', 'fee:traffic_fee'],
    ['扣费', 'SIM卡年费', 'fee:traffic_fee'],
    ['扣费', '物联网卡服务费', 'fee:traffic_fee'],
    ['扣费', '终端通讯服务费', 'fee:traffic_fee'],
    ['扣费', '数据服务费', 'fee:traffic_fee'],
    ['费用', '4G流量包', 'fee:traffic_fee'],
    ['扣费', '通信费(2025年度)', 'fee:traffic_fee'],
    ['', 'POS流量年费', 'fee:traffic_fee'],
    ['fee', 'SIM card fee', 'fee:traffic_fee'],
    ['扣款', '网络服务费', 'fee:traffic_fee'],
    // service / membership
    ['扣费', '年费', 'fee:service_fee'],
    ['扣费', '会员费', 'fee:service_fee'],
    ['扣费', 'VIP权益包', 'fee:service_fee'],
    ['扣费', '系统使用费', 'fee:service_fee'],
    ['扣费', '商户管理费', 'fee:service_fee'],
    ['扣费', '技术服务费', 'fee:service_fee'],
    ['扣费', '智能POS服务费', 'fee:service_fee'],
    ['扣费', '增值服务月费', 'fee:service_fee'],
    ['', 'Monthly service fee', 'fee:service_fee'],
    // deposit / activation / device
    ['扣费', '押金（第1期）', 'fee:deposit'],
    ['扣费', '激活费', 'fee:deposit'],
    ['扣费', '机具款', 'fee:deposit'],
    ['扣费', '风险保证金', 'fee:deposit'],
    ['扣款', '终端激活服务费', 'fee:deposit'],
    ['', 'Terminal deposit', 'fee:deposit'],
    // instant settlement
    ['扣费', '秒到费', 'fee:instant_settlement_fee'],
    ['扣费', 'D0手续费', 'fee:instant_settlement_fee'],
    ['扣费', 'T+0垫资费', 'fee:instant_settlement_fee'],
    ['扣费', '提现手续费', 'fee:instant_settlement_fee'],
    ['扣费', '快速到账服务费', 'fee:instant_settlement_fee'],
    ['扣费', '加急结算费', 'fee:instant_settlement_fee'],
    ['', 'Instant settlement fee', 'fee:instant_settlement_fee'],
    // other deductions: to be reviewed
    ['扣费', '调账', 'fee:other_deduction'],
    ['扣费', '其他扣款', 'fee:other_deduction'],
    ['扣费', '差错扣款', 'fee:other_deduction'],
    ['扣费', '', 'fee:other_deduction'],
    ['扣费', '手续费', 'fee:other_deduction'],
    ['', '', 'fee:other_deduction'],
  ])('%s / %s → %s', (type, description, expected) => {
    expect(outcome(line(type, description, -9900))).toBe(expected);
  });

  it('recognises deductions an export prints as positive amounts', () => {
    expect(outcome(line('扣费', '流量费', 9900))).toBe('fee:traffic_fee');
    expect(outcome(line('扣款', '', 9900))).toBe('fee:other_deduction');
  });
});

describe('what is not a deduction', () => {
  it.each([
    [line('消费', '', 102200, 511), 'transaction'],
    [line('刷卡消费', '', 9126, 55), 'transaction'],
    [line('收款', '', 1615, 310), 'transaction'],
    [line('', '', 1615, 310), 'transaction'],
    [line('结算', '尾号0443', -10636), 'settlement'],
    [line('提现', '尾号1304', -36719), 'settlement'],
    [line('出款', '', -36719), 'settlement'],
    [line('退货', '原交易007117', -1022671), 'refund'],
    [line('撤销', '原交易358898', -17271, -104), 'refund'],
    [line('消费', '', -500, 0), 'refund'],
    [line('返还', '手续费返还', 4045), 'credit'],
    [line('返还', '2023年流量费退还', 5900), 'credit'],
    [line('', '押金退还', 29900), 'credit'],
    [line('', '激活返现', 10000), 'credit'],
    [line('调账', '', 4527), 'other'],
  ])('%o → %s', (l, expected) => {
    expect(outcome(l)).toBe(expected);
  });

  it('a sale whose description names a fee carries that fee as a hidden deduction', () => {
    expect(outcome(line('消费', '结算扣除通讯费', 1402146, 8412, 1387834))).toBe(
      'transaction:traffic_fee',
    );
    expect(outcome(line('', '结算扣除通讯费', 7700, 46, 1754))).toBe('transaction:traffic_fee');
  });

  it('explains every decision', () => {
    const c = classifyLine(line('扣费', '流量卡费扣款', -5900), lexicon);
    expect(c.basis).toContain('流量');
  });
});
