import { describe, expect, it } from 'vitest';
import { completeDate, interpretMessage, interpretMessages } from './sms.js';

const read = (text: string) => interpretMessage({ row: 7, text }, 'sms.txt');

describe('SMS notices → statement lines', () => {
  it.each([
    [
      '【鑫联支付】收款提醒：您的商户于2023-12-13 08:10成功收款16.15元，手续费3.10元。',
      { date: '2023-12-13', amount: 1615, fee: 310, type: '收款' },
    ],
    [
      '【鑫联支付】尊敬的商户，您的POS终端于2023年12月13日从结算款中扣除会员费39.00元，如有疑问请致电400-641-1359。',
      { date: '2023-12-13', amount: -3900, type: '扣费', description: '会员费' },
    ],
    [
      '【某付】您的机具于2024年3月5日扣收流量卡年费99元。',
      { date: '2024-03-05', amount: -9900, type: '扣费', description: '流量卡年费' },
    ],
    [
      '【鑫联支付】尊敬的商户，您2023年12月13日的结算款897.74元已划入尾号2937的银行账户，请查收。',
      { date: '2023-12-13', amount: -89774, type: '结算' },
    ],
    [
      '【鑫联支付】2023年12月7日，手续费返还1.77元已退回您的结算账户。',
      { date: '2023-12-07', amount: 177, type: '返还' },
    ],
    [
      '【鑫联支付】退货提醒：2024-06-01退货70.00元已处理。',
      { date: '2024-06-01', amount: -7000, type: '退货' },
    ],
    ['【某付】2025年1月2日 系统服务费 ¥30.00 已扣款', { date: '2025-01-02', amount: -3000 }],
  ])('%s', (text, expected) => {
    const r = read(text);
    expect(r.kind).toBe('line');
    if (r.kind === 'line')
      expect(r.line).toMatchObject({ ...expected, row: 7, file: 'sms.txt', cardType: 'unknown' });
  });

  it('a UTC time stamp dates the message in Beijing, where its day may be the next one', () => {
    expect(
      read('2024-02-29T16:20:51Z  95516 【甲】今日已从结算款中扣除流量费99.00元。'),
    ).toMatchObject({
      kind: 'line',
      line: { date: '2024-03-01', amount: -9900, description: '流量费' },
    });
    expect(
      read('2024-05-31T22:30:00+00:00 95193 【乙】今日成功收款100.00元，手续费0.60元。'),
    ).toMatchObject({ kind: 'line', line: { date: '2024-06-01', amount: 10000, fee: 60 } });
    // a time stamp in Beijing time keeps its day
    expect(read('2024-05-31 22:30:00 【乙】收款100.00元，手续费0.60元。')).toMatchObject({
      kind: 'line',
      line: { date: '2024-05-31' },
    });
  });

  it('English: the per-sale fee called MDR; a settlement with its verb after the amount', () => {
    expect(
      read('LKL Pay: 2024/04/01 15:57 card payment RMB2935.64 approved, MDR RMB17.61.'),
    ).toMatchObject({ kind: 'line', line: { date: '2024-04-01', amount: 293564, fee: 1761 } });
    expect(
      read('[ABC Pay] 2024-04-01 sale of CNY 100.00 approved, commission CNY 0.60.'),
    ).toMatchObject({ kind: 'line', line: { amount: 10000, fee: 60 } });
    expect(read('LKL Pay: RMB5,410.98 settled to a/c *0458 on 2 Apr 2024.')).toMatchObject({
      kind: 'line',
      line: { date: '2024-04-02', amount: -541098, type: '结算' },
    });
  });

  it('a message without money is not a statement record', () => {
    expect(read('【鑫联支付】您的验证码为123456，5分钟内有效。')).toEqual({
      kind: 'skip',
      why: 'no_money',
    });
  });

  it('a money message without a date is a warning', () => {
    const r = read('【某付】扣除流量费99.00元');
    expect(r.kind).toBe('problem');
  });
});

describe('bank-acquirer notices with several amounts', () => {
  it('结算入账 is a payout with the card fees in its fee column; 扣收流量费 is a deduction', () => {
    const r = read(
      '【某某银行】您尾号1234的商户于2025年03月02日结算入账12,345.67元，扣收手续费74.07元，扣收流量费99.00元。',
    );
    expect(r.kind).toBe('line');
    if (r.kind !== 'line') return;
    expect(r.line).toMatchObject({ date: '2025-03-02', amount: -1234567, fee: 7407, type: '结算' });
    expect(r.also).toEqual([
      expect.objectContaining({ amount: -9900, type: '扣费', description: '流量费' }),
    ]);
  });

  it.each([
    ['结算时扣收D0手续费2.00元', 'D0手续费', -200],
    ['结算时扣收1月月度流量费76.00元', '1月月度流量费', -7600],
    ['扣收押金(第2期)100.00元', '押金(第2期)', -10000],
  ])(
    'a fee name with figures in it (%s) is still the name, and the amount follows it',
    (what, name, amount) => {
      const r = read(`【某某银行】您尾号1234的商户于2025年01月06日${what}，详询95xxx。`);
      expect(r).toMatchObject({ kind: 'line', line: { amount, type: '扣费', description: name } });
    },
  );

  it('a settlement with only its card fees has no deduction', () => {
    const r = read('【某某银行】您尾号1234的商户于2025-03-02结算入账1,000.00元，扣收手续费6.00元');
    expect(r).toMatchObject({ kind: 'line', line: { amount: -100000, fee: 600, type: '结算' } });
    expect(r.kind === 'line' ? r.also : undefined).toBeUndefined();
  });

  it('a service fee taken from the settlement', () => {
    const r = read(
      '【某某银行】尊敬的商户：您尾号5678的账户2025年4月1日到账2,000.00元，扣收服务费30.00元',
    );
    expect(r.kind === 'line' ? r.also?.[0] : undefined).toMatchObject({
      amount: -3000,
      description: '服务费',
    });
  });
});

describe('aggregator and English notices', () => {
  it.each([
    [
      '【收钱吧】您于2025-03-02 10:22收款￥88.00，手续费￥0.33。',
      { date: '2025-03-02', amount: 8800, fee: 33, type: '收款' },
    ],
    [
      '[ABC Pay] Payment received: CNY 16.15 on 2025-03-02, fee CNY 0.10.',
      { date: '2025-03-02', amount: 1615, fee: 10, type: '收款' },
    ],
    [
      '[ABC Pay] A SIM card fee of CNY 99.00 was deducted from your settlement on Mar 2, 2025.',
      { date: '2025-03-02', amount: -9900, type: '扣费', description: 'SIM card fee' },
    ],
    [
      '[ABC Pay] We charged a service fee of RMB 30.00 on 2025-04-01.',
      { date: '2025-04-01', amount: -3000, type: '扣费', description: 'service fee' },
    ],
    [
      '[ABC Pay] Settlement of CNY 897.74 was paid to your card ending 2937 on 2025-03-02.',
      { date: '2025-03-02', amount: -89774, type: '结算' },
    ],
    [
      '[ABC Pay] Fee refund of CNY 1.77 credited on 2025-03-02.',
      { date: '2025-03-02', amount: 177, type: '返还' },
    ],
    // a bank's English debit notice: the day before an English month, the name after the amount
    [
      '[ABC Bank] Your account ending 1234 was debited CNY 99.00 on 05-Mar-2024 for POS SIM data fee. Counterparty: Huilian Pay.',
      { date: '2024-03-05', amount: -9900, type: '扣费', description: 'POS SIM data fee' },
    ],
    // a bank's debit notice names what was paid after the amount
    [
      '【中国农业银行】2024年3月12日您尾号3307账户支出(代扣)48.00元，用途：流量卡年费，余额57,959.87元。',
      { date: '2024-03-12', amount: -4800, type: '支出', description: '流量卡年费' },
    ],
    [
      '【中国工商银行】您尾号0932卡2024年3月19日08:01支出人民币199.00元（机具押金），余额69,608.65元。',
      { date: '2024-03-19', amount: -19900, type: '支出', description: '机具押金' },
    ],
    [
      '【中国工商银行】您尾号0932卡2024年3月20日10:01支出人民币5,000.00元（提现），余额64,608.65元。',
      // a withdrawal paid from the account is a payout, never a charge
      { date: '2024-03-20', amount: -500000, type: '结算' },
    ],
  ])('%s', (text, expected) => {
    const r = read(text);
    expect(r.kind).toBe('line');
    if (r.kind === 'line') expect(r.line).toMatchObject(expected);
  });
});

describe('dates without a year', () => {
  const texts = [
    '【某某银行】您尾号1234的商户于12月30日扣收流量费99.00元',
    '【某某银行】2024年12月31日结算入账100.00元',
    '【某某银行】您尾号1234的商户于01月02日扣收服务费30.00元',
  ];
  const all = (list: string[], today?: string) =>
    interpretMessages(
      list.map((text, i) => ({ row: i + 1, text })),
      'sms.txt',
      today,
    ).map((r) => (r.kind === 'line' ? r.line.date : r.kind));

  it('take the year from the nearest message that has one, across a new year', () => {
    expect(all(texts)).toEqual(['2024-12-30', '2024-12-31', '2025-01-02']);
  });

  it('without any year in the file, the nearest past date from today', () => {
    expect(all([texts[0] ?? ''], '2025-01-15')).toEqual(['2024-12-30']);
    expect(all([texts[2] ?? ''], '2025-01-15')).toEqual(['2025-01-02']);
  });

  it('without any year and no today, a warning asking for the year', () => {
    const [r] = interpretMessages([{ row: 1, text: texts[0] ?? '' }], 'sms.txt');
    expect(r?.kind).toBe('problem');
    if (r?.kind === 'problem') expect(r.problem.message).toMatch(/没有年份/u);
  });

  it('completes a date to the year nearest its reference', () => {
    expect(completeDate(1, 2, '2024-12-31')).toBe('2025-01-02');
    expect(completeDate(12, 30, '2025-01-02')).toBe('2024-12-30');
    expect(completeDate(3, 2, '2025-03-01', true)).toBe('2024-03-02');
  });
});

describe('an aggregator payout notice with its fee', () => {
  it('a D0 payout: the payout and its fee on one line, the speed in the text', () => {
    const r = read(
      '【某聚合支付】尊敬的商户，您2025-03-02有一笔D0提现5,000.00元已到账，手续费2.00元。',
    );
    expect(r).toMatchObject({ kind: 'line', line: { amount: -500000, fee: 200, type: '结算' } });
    expect(r.kind === 'line' ? r.line.description : '').toContain('D0提现');
  });
});

describe('payment-app notices pasted as label：value lines', () => {
  it.each([
    [
      '扣费通知\n扣费项目：D0手续费\n扣费金额：￥2.00\n扣费时间：2025-03-02 23:55',
      { amount: -200, type: '扣费', description: 'D0手续费' },
    ],
    [
      '收款到账通知\n收款金额：￥1,775.07\n手续费：￥2.95\n到账时间：2025-03-02 08:47',
      { amount: 177507, fee: 295, type: '收款' },
    ],
    [
      '提现到账通知\n业务类型：秒到提现\n提现金额：￥7,674.58\n到账银行卡：某某银行(尾号6889)\n到账时间：2025-03-02 23:26',
      { amount: -767458, type: '结算', description: '秒到提现' },
    ],
    [
      '入账通知\n入账项目：流量费退还\n入账金额：￥59.00\n入账时间：2025-03-02 10:00',
      { amount: 5900, type: '返还', description: '流量费退还' },
    ],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject({ kind: 'line', line: { date: '2025-03-02', ...expected } });
  });
});

describe('a date is not read from an identifier', () => {
  it.each([
    [
      '您好！您的终端（SN: P20190331）终端通讯服务年费 88.00 元已于 2025年6月1日 从结算资金中扣收。',
      '2025-06-01',
    ],
    ['终端编号20190331的流量费99.00元已于2025年6月1日扣收', '2025-06-01'],
    ['订单TX20190331A，20250601扣收流量费99.00元', '2025-06-01'],
    ['【某付】20250601扣收流量费99.00元', '2025-06-01'],
  ])('%s', (text, date) => {
    expect(read(text)).toMatchObject({ kind: 'line', line: { date } });
  });
});

describe('a sale notice wrapped between its date and its amount', () => {
  it('收款成功：<date> 金额…元，手续费…元 is a sale with its fee', () => {
    expect(
      read('【乐付通】商户收款成功：2025年04月04日 14:03\n金额66.58元，手续费0.50元。'),
    ).toMatchObject({
      kind: 'line',
      line: { date: '2025-04-04', amount: 6658, fee: 50, type: '收款' },
    });
  });
});

describe('a deduction that failed moved no money', () => {
  it.each([
    '您的流量费99.00元于2025年6月20日扣收失败，本次未扣款，请保持结算账户余额充足。',
    '【某付】2025年6月20日服务费30.00元扣款未成功。',
  ])('%s', (text) => {
    expect(read(text)).toEqual({ kind: 'skip', why: 'not_taken' });
  });

  it('but one taken after all is a deduction', () => {
    expect(
      read('【某付】2025年6月20日流量费99.00元扣款失败，已于次日从您的结算款中补扣流量费99.00元。'),
    ).toMatchObject({ kind: 'line', line: { amount: -9900 } });
  });
});

describe('one message naming several fees, each with its amount', () => {
  it('扣除流量费…元、服务费…元: a line each', () => {
    const r = read(
      '尊敬的商户，2025年7月15日已从您的结算款中扣除SIM卡费99.00元、系统服务费30.00元。',
    );
    expect(r).toMatchObject({
      kind: 'line',
      line: { amount: -9900, description: 'SIM卡费' },
      also: [{ amount: -3000, description: '系统服务费', row: 7, date: '2025-07-15' }],
    });
  });

  it('a balance or the sale fee after the fee is not another fee', () => {
    const r = read('【某付】2025年7月15日扣收流量费99.00元，余额100.00元，手续费0.60元。');
    expect(r.kind === 'line' ? r.also : 'no line').toBeUndefined();
  });
});

describe('the fee named before the verb that took it', () => {
  it.each([
    [
      '您的终端（SN: P20190331）终端通讯服务年费 88.00 元已于 2025年6月1日 从结算资金中扣收。',
      -8800,
      '终端通讯服务年费',
    ],
    ['30.00元服务费已于2025年7月2日从您的结算款中扣除。退订回T【易收宝】', -3000, '服务费'],
    ['200.00元机具押金已于2025年7月25日从您的结算款中扣除。', -20000, '机具押金'],
  ])('%s', (text, amount, description) => {
    expect(read(text)).toMatchObject({ kind: 'line', line: { amount, type: '扣费', description } });
  });

  it('a fee still to be taken (将于…扣收) is not named a deduction taken', () => {
    const r = read('【某付】本月服务费30.00元将于2025年7月5日从结算款中扣收。');
    expect(r.kind === 'line' ? r.line.type : 'no line').not.toBe('扣费');
  });
});

describe('label：value fields on one line, separated by ；', () => {
  it('the fee name is the value of the item label', () => {
    expect(
      read('【扣费提醒】扣费项目：通讯服务年费；扣费金额：¥36.00；扣费时间：2025-08-15 19:43:39'),
    ).toMatchObject({
      kind: 'line',
      line: { date: '2025-08-15', amount: -3600, type: '扣费', description: '通讯服务年费' },
    });
  });

  it('a payout keeps its own fee', () => {
    expect(
      read(
        '【提现成功】提现金额：¥569.05；手续费：¥2.00；到账金额：¥567.05；到账时间：2025-08-01 08:08:54',
      ),
    ).toMatchObject({
      kind: 'line',
      line: { date: '2025-08-01', amount: -56905, fee: 200, type: '结算', description: '提现金额' },
    });
  });
});

describe('the card a receipt names', () => {
  it.each([
    ['2024-09-01 13:37 收款成功：160.00元（信用卡），手续费0.96元。', 'credit'],
    ['【某付】2024年9月1日刷卡303.31元（借记卡），手续费1.82元。', 'debit'],
    ['【某付】2024年9月1日收款303.31元，手续费1.82元。', 'unknown'],
    ['【某付】2024年9月1日收款303.31元（借记卡/信用卡），手续费1.82元。', 'unknown'],
  ])('%s → %s', (text, card) => {
    const r = read(text);
    expect(r.kind).toBe('line');
    if (r.kind === 'line') expect(r.line.cardType).toBe(card);
  });

  it('in a label：value notice too', () => {
    const r = read(
      '收款到账通知\n收款金额：￥500.00\n手续费：￥2.75\n支付方式：借记卡\n到账时间：2024-05-01 10:00:00',
    );
    expect(r.kind).toBe('line');
    if (r.kind === 'line')
      expect(r.line).toMatchObject({ amount: 50000, fee: 275, cardType: 'debit' });
  });
});
