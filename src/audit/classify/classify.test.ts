import { describe, expect, it } from 'vitest';
import lexiconData from '../lexicon/lexicon.json' with { type: 'json' };
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
    // device payments under their purchase names
    ['扣费', '机具采购款', 'fee:deposit'],
    ['扣费', '设备购置款', 'fee:deposit'],
    ['扣费', 'POS机分期款', 'fee:deposit'],
    ['扣费', 'SIM卡年费', 'fee:traffic_fee'],
    ['扣费', '物联网卡服务费', 'fee:traffic_fee'],
    ['扣费', '终端通讯服务费', 'fee:traffic_fee'],
    ['扣费', '数据服务费', 'fee:traffic_fee'],
    ['费用', '4G流量包', 'fee:traffic_fee'],
    ['扣费', '通信费(2025年度)', 'fee:traffic_fee'],
    ['', 'POS流量年费', 'fee:traffic_fee'],
    ['fee', 'SIM card fee', 'fee:traffic_fee'],
    // the SIM's annual or service fee in English, as 流量卡年费 in Chinese: the longer name wins
    ['', 'Terminal SIM card annual fee', 'fee:traffic_fee'],
    ['Fee', 'SIM service fee', 'fee:traffic_fee'],
    ['Fee', 'Data plan monthly fee', 'fee:traffic_fee'],
    ['扣款', '网络服务费', 'fee:traffic_fee'],
    ['扣费', '终端联网费', 'fee:traffic_fee'],
    ['扣费', '数据卡费', 'fee:traffic_fee'],
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
    ['扣费', '商户年审费', 'fee:service_fee'],
    ['扣费', '系统升级费', 'fee:service_fee'],
    ['扣费', '资金安全险', 'fee:service_fee'],
    ['扣费', '交易提醒费扣款', 'fee:service_fee'],
    ['', '扣收到账提醒费', 'fee:service_fee'],
    // deposit / activation / device
    ['扣费', '押金（第1期）', 'fee:deposit'],
    ['扣费', '激活费', 'fee:deposit'],
    ['扣费', '机具款', 'fee:deposit'],
    ['扣费', '风险保证金', 'fee:deposit'],
    ['扣款', '终端激活服务费', 'fee:deposit'],
    ['', 'Terminal deposit', 'fee:deposit'],
    ['扣费', '入网服务费', 'fee:deposit'],
    ['扣费', '机具工本费', 'fee:deposit'],
    // instant settlement
    ['扣费', '秒到费', 'fee:instant_settlement_fee'],
    // 拉卡拉 names its 秒到 fee a value-added service: the 秒到 decides, not 增值服务费
    ['扣费', '秒到增值服务费', 'fee:instant_settlement_fee'],
    ['扣费', 'D0手续费', 'fee:instant_settlement_fee'],
    ['扣费', 'T+0垫资费', 'fee:instant_settlement_fee'],
    ['扣费', '提现手续费', 'fee:instant_settlement_fee'],
    ['扣费', '快速到账服务费', 'fee:instant_settlement_fee'],
    ['扣费', '加急结算费', 'fee:instant_settlement_fee'],
    ['扣费', '付款手续费', 'fee:instant_settlement_fee'],
    ['', '提前结算费', 'fee:instant_settlement_fee'],
    ['', 'Instant settlement fee', 'fee:instant_settlement_fee'],
    ['', 'Early settlement fee', 'fee:instant_settlement_fee'],
    ['', 'Same-day settlement fee', 'fee:instant_settlement_fee'],
    ['', 'Express payout fee', 'fee:instant_settlement_fee'],
    // English names of the service fees Chinese calls 租赁费, 短信通知费, 保险费, 维护费
    ['', 'POS rental fee', 'fee:service_fee'],
    ['', 'SMS alert fee', 'fee:service_fee'],
    ['', 'Insurance premium', 'fee:service_fee'],
    ['', 'Maintenance fee', 'fee:service_fee'],
    ['', 'Service charge', 'fee:service_fee'],
    // red team 5: software, connectivity, device instalments, 加速
    ['', '店铺管理软件费', 'fee:service_fee'],
    ['', 'Software licence renewal fee', 'fee:service_fee'],
    ['', 'Terminal connectivity charge', 'fee:traffic_fee'],
    ['', '终端通信服务年费', 'fee:traffic_fee'],
    ['', 'Terminal purchase (instalment 1/2 of 2)', 'fee:deposit'],
    ['', '加速到账费', 'fee:instant_settlement_fee'],
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

const classify = (l: StatementLine) => classifyLine(l, lexicon);

describe('the payout rule: a payout is never a fee', () => {
  it.each([
    ['提现', 'D0提现至尾号1234', -500000],
    ['', 'D0提现至尾号1234', -500000],
    ['', '秒到提现', -380012],
    ['', 'T0出款', -120000],
    ['', '余额提现', -99900],
    ['', '结算', -1234567],
    ['结算', '秒到', -88800],
    ['提现', 'D0', -45000],
    ['出款', 'T1', -45000],
    ['', '结算至尾号0443', -10636],
    ['', 'Same-day settlement', -88800],
    ['', 'Express payout', -88800],
    ['', '提现到卡', -10636],
    ['', '划款至工商银行账户', -10636],
    ['', '入账至尾号6186的银行卡', -10636],
    ['', 'Payout to card ending 1234', -10636],
    ['', '秒到提现 尾号1234', -500000],
  ])('%s / %s is a settlement', (type, description, amount) => {
    expect(outcome(line(type, description, amount))).toBe('settlement');
  });

  it('提现, 秒到, D0 are a fee only with a charge word', () => {
    expect(outcome(line('', '秒到提现', -200))).toBe('settlement');
    expect(outcome(line('', '秒到手续费', -200))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('', 'D0提现手续费', -200))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('', '提现费2.00', -200))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('扣费', '秒到', -500))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('提现', '提现手续费', -200))).toBe('fee:instant_settlement_fee');
    // the charge named in the type column itself (a 资金账单's 业务名称), nothing beside it
    expect(outcome(line('提现手续费', '', -200))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('秒到提现', '', -100000))).toBe('settlement');
  });

  it('names built from a known meaning are read without being listed (corpus seed 41, 100, 111)', () => {
    expect(outcome(line('', '信息传输费', -3600))).toBe('fee:traffic_fee');
    expect(outcome(line('', '交易提醒费', -500))).toBe('fee:service_fee');
    expect(outcome(line('', '专属客服费', -1900))).toBe('fee:service_fee');
    expect(outcome(line('', 'POS机具采购款', -29900))).toBe('fee:deposit');
    expect(outcome(line('', '设备分期款（第2期）', -9900))).toBe('fee:deposit');
    expect(outcome(line('', '终端绑定费', -9900))).toBe('fee:deposit');
    expect(outcome(line('', '取现手续费', -300))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('', '闪结费', -200))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('', '秒提手续费', -200))).toBe('fee:instant_settlement_fee');
    // A payout is still a payout, and a plain settlement fee may be the ordinary card fee.
    expect(outcome(line('', '秒提至尾号1234', -500000))).toBe('settlement');
    expect(outcome(line('', '取现 尾号1234', -500000))).not.toMatch(/^fee:/);
    expect(outcome(line('', '结算手续费', -300))).not.toBe('fee:instant_settlement_fee');
  });

  it('a type that is itself the charge’s name (a list of charges: 费用类型 即时到账费) is that fee', () => {
    expect(outcome(line('即时到账费', '从结算款中扣收', 300))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('出款手续费', '', -100))).toBe('fee:instant_settlement_fee');
    expect(outcome(line('即时到账', '', -380012))).toBe('settlement');
    expect(outcome(line('提现(含手续费)', '', -380012))).toBe('settlement');
  });

  it('a payout named after its speed carries the speed, so its fee column is the speed fee', () => {
    expect(classify(line('', 'D0提现至尾号1234', -500000, 300)).speed).toBe(true);
    expect(classify(line('结算', '尾号0443', -10636)).speed).toBeUndefined();
  });

  it("a bank SMS names the merchant's own account by 尾号: no payout, the fee it paid is a fee", () => {
    expect(outcome(line('', '您尾号6789的账户03月08日10:22支出(POS流量费)99.00元', -9900))).toBe(
      'fee:traffic_fee',
    );
  });

  it('a payout-shaped row that also names a fee is reviewed, never claimed as a fee', () => {
    const c = classify(line('', '结算至尾号1234 扣流量费', -500000));
    expect(c).toMatchObject({ kind: 'fee', category: 'traffic_fee', evidence: 'weak' });
    expect(c.weakReason).toMatch(/出款/u);
  });
});

describe('money returned is never a fee', () => {
  it.each([
    ['', '手续费返还', 4045],
    ['', '流量费退还', 9900],
    ['', '流量费退还', -9900],
    ['', '押金退还', 29900],
    ['', '服务费退回', 3900],
    ['', '新商户补贴', 5000],
    ['', '交易返现', 5000],
    ['', '达标奖励', 10000],
    ['', '活动返还', 5000],
    // X费退款, 押金退款: the fee or deposit refunded (退款手续费 would be a fee for a refund)
    ['入账', '会员费退款', 2281],
    ['', '押金退款', 29900],
    ['', '服务费用退款', 3900],
    // the refund named before the fee, or marked after it
    ['', '退流量费', 9900],
    ['', '退押金', 29900],
    ['', '流量费（已退）', 9900],
    ['', '服务费-退', 3900],
    ['', '年费退费', 3900],
  ])('%s / %s (%d) → credit', (type, description, amount) => {
    expect(outcome(line(type, description, amount))).toBe('credit');
  });

  it('a sale refunded (退货手续费) is no fee refunded', () => {
    expect(outcome(line('', '退货手续费', -300))).not.toBe('credit');
  });

  it('a reward clawed back (返现扣回) is money taken to review, not an activation charge', () => {
    for (const name of ['激活返现扣回', '激活奖励扣回', '返佣扣回']) {
      expect(classify(line('', name, -9900))).toMatchObject({
        kind: 'fee',
        category: 'other_deduction',
      });
    }
  });

  it('a reversal of a fee is a credit naming the category it reverses', () => {
    expect(classify(line('', '流量费冲正', 9900))).toMatchObject({
      kind: 'credit',
      reverses: 'traffic_fee',
    });
    expect(classify(line('', '撤销会员费', 3900))).toMatchObject({
      kind: 'credit',
      reverses: 'service_fee',
    });
  });
});

describe('the card network service fee (2016 card-fee reform) is not a SIM fee', () => {
  it.each(['银联网络服务费', '品牌服务费', '网络服务费(银联)', '转接清算费'])('%s', (name) => {
    const c = classify(line('扣费', name, -65));
    expect(c.category).not.toBe('traffic_fee');
    expect(c.network).toBe('card');
  });

  it('plain 网络服务费 is marked ambiguous: the auditor tells a per-sale fee from a monthly one', () => {
    expect(classify(line('扣费', '网络服务费', -3600))).toMatchObject({
      category: 'traffic_fee',
      network: 'ambiguous',
    });
    expect(classify(line('扣费', '流量网络服务费', -3600)).network).toBeUndefined();
  });

  it('a sale that mentions the network fee carries no hidden SIM fee', () => {
    expect(outcome(line('消费', '含银联网络服务费', 100000, 600, 99400))).toBe('transaction');
  });
});

describe('evidence: generic words alone are weak', () => {
  it.each(['使用费', '技术费', '月租'])('%s', (name) => {
    expect(classify(line('扣费', name, -3000)).evidence).toBe('weak');
  });
  it.each(['服务费', '流量费', '押金', '秒到费'])('%s', (name) => {
    expect(classify(line('扣费', name, -3000)).evidence).toBe('specific');
  });
});

describe('every name in the lexicon is recognised in its own category', () => {
  const data = lexiconData.categories;
  for (const [category, entries] of Object.entries(data)) {
    const names = entries.flatMap((e) => ('terms' in e ? (e.terms ?? []) : []));
    it(`${category}: ${String(names.length)} names`, () => {
      const wrong = names.filter((name) => {
        const c = classify(line('扣费', name, -3000));
        return !(c.kind === 'fee' && c.category === category);
      });
      expect(wrong).toEqual([]);
    });
  }

  it('holds hundreds of names', () => {
    const count = Object.values(data)
      .flat()
      .reduce((n, e) => n + ('terms' in e ? (e.terms?.length ?? 0) : 0), 0);
    expect(count).toBeGreaterThan(250);
  });
});

describe('payouts printed as money in', () => {
  it.each([
    ['', 'D0提现至尾号1234', 500000, 300],
    ['', '秒到提现', 500000, 300],
    ['', '结算款', 500000, null],
  ])('%s / %s (+%d, fee %o) is a settlement', (type, description, amount, fee) => {
    expect(outcome(line(type, description, amount, fee))).toBe('settlement');
  });
});

describe('the payout shape is not fooled by dates and card words in a fee name', () => {
  it.each([
    ['扣费', '流量卡费（有效期至2025年流量卡）', 'fee:traffic_fee'],
    ['扣费', '服务费（至2025年12月）', 'fee:service_fee'],
    ['', '提现至招商银行储蓄卡', 'settlement'],
    ['', '结算到您的银行卡', 'settlement'],
    ['', '出款至对公账户', 'settlement'],
  ])('%s / %s → %s', (type, description, expected) => {
    expect(outcome(line(type, description, -9900))).toBe(expected);
  });
});

describe('a payout-shaped row with a fee name and a charge word', () => {
  it('is reviewed: its amount may be the payout or the fee', () => {
    expect(classify(line('', '提现手续费 尾号1234', -200))).toMatchObject({
      kind: 'fee',
      category: 'instant_settlement_fee',
      evidence: 'weak',
    });
    expect(classify(line('', 'D0提现至尾号1234 手续费2.00', -500000)).evidence).toBe('weak');
  });
});

describe('a generic head noun qualified by a more specific name (red-team corpus, issue 11)', () => {
  it.each([
    ['扣款', '流量卡服务费', 'fee:traffic_fee'],
    ['扣款', '物联卡管理费', 'fee:traffic_fee'],
    ['扣款', '通信卡年费', 'fee:traffic_fee'],
    ['扣款', '机具服务费(押金)', 'fee:deposit'],
    ['扣款', '押金（服务费）', 'fee:deposit'],
    ['扣款', '机具服务费', 'fee:service_fee'],
  ])('%s / %s → %s', (type, description, expected) => {
    expect(outcome(line(type, description, -29900))).toBe(expected);
  });
});

describe('a generic deduction type whose description names the fee (red-team corpus, issue 11)', () => {
  it.each([
    ['其他扣款', '终端流量费', 'fee:traffic_fee'],
    ['其他扣款', '权益包(月)', 'fee:service_fee'],
    ['其他扣款', '会员费', 'fee:service_fee'],
    ['其他扣款', '保证金', 'fee:deposit'],
    ['其他扣款', '秒到费', 'fee:instant_settlement_fee'],
    ['差错扣款', '终端流量费', 'fee:traffic_fee'],
    ['', '调账扣款 流量费', 'fee:traffic_fee'],
  ])('%s / %s → %s', (type, description, expected) => {
    expect(outcome(line(type, description, -5900))).toBe(expected);
  });

  it('names the fee as specific evidence, so it can be claimed', () => {
    expect(classify(line('其他扣款', '终端流量费', -5900)).evidence).toBe('specific');
  });

  it('stays a deduction to review when the description is generic or part of the deduction’s name', () => {
    expect(outcome(line('其他扣款', '调账', -5900))).toBe('fee:other_deduction');
    expect(outcome(line('其他扣款', '手续费', -5900))).toBe('fee:other_deduction');
    expect(outcome(line('其他扣款', '激活返现扣回', -5900))).toBe('fee:other_deduction');
  });
});

describe('the SIM noun outweighs a generic 年费/服务费 after it (red team 8)', () => {
  it.each([
    ['扣费', 'M2M卡年费', 'fee:traffic_fee'],
    ['', 'M2M流量费', 'fee:traffic_fee'],
    ['扣费', '电话卡服务费', 'fee:traffic_fee'],
    ['', '电话卡月费', 'fee:traffic_fee'],
    ['', 'Data套餐', 'fee:traffic_fee'],
    ['扣费', 'DATA流量包', 'fee:traffic_fee'],
    ['', 'Data卡年费', 'fee:traffic_fee'],
    // look-alikes: a telephone service or a data analysis service is no SIM card
    ['扣费', '电话客服服务费', 'fee:service_fee'],
    ['扣费', '大数据会员年费', 'fee:service_fee'],
    // a SIM noun after the fee word names what the fee is for (red team 11)
    ['扣费', '服务费(流量卡)', 'fee:traffic_fee'],
    ['扣费', '服务费（流量卡）', 'fee:traffic_fee'],
    ['', '服务费-流量卡', 'fee:traffic_fee'],
    ['扣费', '年费(SIM卡)', 'fee:traffic_fee'],
    ['扣费', '服务费(会员)', 'fee:service_fee'],
    ['扣费', '终端服务费', 'fee:service_fee'],
  ])('%s / %s → %s', (type, description, expected) => {
    expect(outcome(line(type, description, -4800))).toBe(expected);
  });

  it('a sale whose type names no fee stays a sale', () => {
    expect(classify(line('消费', '电话卡充值', 5000, 30)).kind).toBe('transaction');
  });
});

describe('a deposit released (保证金解冻) is money coming back, not a deduction', () => {
  it.each([
    ['保证金解冻', '', 14100],
    ['', '押金解冻', 29900],
  ])('%s / %s (%d) → credit', (type, description, amount) => {
    expect(outcome(line(type, description, amount))).toBe('credit');
  });

  it('a fee for unfreezing (解冻手续费) is no money returned', () => {
    expect(outcome(line('', '解冻手续费', -500))).not.toBe('credit');
  });
});

describe('traditional characters name the same charges', () => {
  it.each([
    ['扣費', '服務費', 'fee:service_fee'],
    ['扣費', '通訊費', 'fee:traffic_fee'],
    ['扣費', '保證金', 'fee:deposit'],
    ['扣費', '激活費', 'fee:deposit'],
    ['扣費', '流量卡費', 'fee:traffic_fee'],
  ])('%s %s → %s', (type, description, expected) => {
    expect(outcome(line(type, description, -3000))).toBe(expected);
  });
});
