// The rt11 statements: provider style, container, ledger and contract for each.
const base = {
  debit: { percent: '0.5', capYuan: 20 },
  credit: { percent: '0.6' },
  qr: { percent: '0.38' },
};
const rise = { debit: { percent: '0.6' }, credit: { percent: '0.68' }, qr: { percent: '0.38' } };
const contractRates = [
  { cardType: 'debit', percent: 0.5, capYuan: 20 },
  { cardType: 'credit', percent: 0.6 },
];
const anyRates = [{ cardType: 'any', percent: 0.6 }];
function contract(provider, mid, start, agreed, opts = {}) {
  return {
    provider,
    providerType: opts.bank ? 'bank' : 'payment_institution',
    merchantId: mid,
    signedAt: start,
    rates: opts.anyOnly ? anyRates : contractRates,
    perTransactionFeeYuan: opts.perTx ?? 0,
    agreedCharges: agreed,
  };
}
const S = [];
function add(o) {
  const n = S.length + 1;
  const stem = `rt11-${String(n).padStart(2, '0')}-${o.tag}`;
  const mid = o.mid ?? `8${String(3000000000000 + n * 7919137).padStart(14, '0')}`;
  const ledger = {
    seed: 11000 + n,
    start: o.start ?? '2025-01-01',
    days: o.days ?? 75,
    salesPerDay: o.spd ?? 5,
    chargeRates: base,
    streams: o.streams ?? [],
    refunds: o.refunds ?? [],
    payoutName: o.payout ?? '结算',
    shortfalls: o.shortfalls ?? [],
    unknownCard: o.unknownCard ?? false,
    riseFrom: o.riseFrom,
    riseRates: rise,
    chargedPerTx: o.chargedPerTx,
    cardMix: o.cardMix,
  };
  S.push({
    stem,
    style: o.style,
    container: o.container,
    ext: o.ext,
    enc: o.enc,
    bom: o.bom,
    delim: o.delim,
    colOffset: o.colOffset,
    noPreamble: o.noPreamble,
    noFooter: o.noFooter,
    merchant: o.merchant ?? '城东便利店',
    mid,
    term: o.term ?? `${String(10000000 + n * 37).slice(0, 8)}`,
    card4: String(1000 + n * 97).slice(-4),
    store: '城东便利店(总店)',
    bank: o.bank,
    bankName: o.bankName,
    saleWord: o.saleWord,
    feeType: o.feeType,
    refundType: o.refundType,
    cardWords: o.cardWords,
    ledger,
    contract: o.contract === undefined ? null : o.contract(mid, ledger.start),
    wxRate: (d) => (o.riseFrom && d >= o.riseFrom ? '0.68%' : '0.60%'),
    note: o.note,
  });
}
const y = (d) => d; // readability
// 1-3 拉卡拉 考拉商户通, GBK CSV
add({
  tag: 'lakala-gbk',
  style: 'lakala',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  payout: 'D0提现',
  saleWord: '刷卡消费',
  streams: [
    { cat: 'traffic_fee', name: '服务费(流量卡)', amount: 9900, dates: [y('2025-01-20')] },
    {
      cat: 'instant_settlement_fee',
      name: 'D0附加手续费',
      amount: 300,
      dates: ['2025-01-05', '2025-02-05', '2025-03-05'],
    },
  ],
  refunds: [{ name: '服务费(流量卡)退还', amount: 9900, date: '2025-02-10' }],
  contract: (mid) =>
    contract('拉卡拉支付股份有限公司', mid, '2024-06-01', [
      { category: 'traffic_fee', amountYuan: 36, every: 'year', startsAfter: '2025-06-01' },
    ]),
  note: 'SIM fee as 服务费(流量卡) before free year ended; unagreed D0附加手续费; refund of SIM fee',
});
add({
  tag: 'lakala-rise',
  style: 'lakala',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  payout: '秒到提现',
  riseFrom: '2025-02-15',
  streams: [
    {
      cat: 'service_fee',
      name: '终端服务费',
      amount: 3900,
      dates: ['2025-01-25', '2025-02-25', '2025-03-10'],
    },
  ],
  refunds: [{ name: '手续费返还', amount: 1234, date: '2025-03-01' }],
  contract: (mid) =>
    contract('拉卡拉支付股份有限公司', mid, '2024-06-01', [
      { category: 'service_fee', amountYuan: 39, every: 'month' },
    ]),
  note: 'rate rise mid-file; agreed monthly 终端服务费 with one duplicate within the month',
});
add({
  tag: 'lakala-nocontract',
  style: 'lakala',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  payout: '结算出款',
  streams: [
    { cat: 'traffic_fee', name: 'SIM卡年费', amount: 6900, dates: ['2025-02-02'] },
    { cat: 'deposit', name: '激活押金', amount: 19900, dates: ['2025-01-03'] },
    { cat: 'other_deduction', name: '差错扣款', amount: 4512, dates: ['2025-02-20'] },
  ],
  refunds: [{ name: '激活押金返还', amount: 19900, date: '2025-03-03' }],
  note: 'no contract: all needs_review',
});
// 4-6 银联商务 天天富, HTML saved as .xls
add({
  tag: 'ums-html',
  style: 'ums',
  container: 'html',
  ext: 'xls',
  payout: 'T1结算划款',
  cardWords: { debit: '借记卡', credit: '准贷记卡' },
  streams: [
    { cat: 'service_fee', name: '会员服务费', amount: 9900, dates: ['2025-01-15', '2025-02-15'] },
    { cat: 'traffic_fee', name: '流量卡费', amount: 4800, dates: ['2025-03-01'] },
  ],
  refunds: [{ name: '会员服务费退还', amount: 9900, date: '2025-02-20' }],
  contract: (mid) =>
    contract('银联商务股份有限公司', mid, '2024-01-01', [
      { category: 'traffic_fee', amountYuan: 36, every: 'year' },
    ]),
  note: 'unagreed 会员服务费; 流量卡费 above agreed 36 (excess only); 准贷记卡 = credit',
});
add({
  tag: 'ums-shortfall',
  style: 'ums',
  container: 'html',
  ext: 'xls',
  payout: '清算划款',
  shortfalls: [
    { date: '2025-01-10', amount: 3600 },
    { date: '2025-02-10', amount: 3600 },
  ],
  streams: [{ cat: 'deposit', name: '机具押金', amount: 29900, dates: ['2025-01-04'] }],
  contract: (mid) =>
    contract('银联商务股份有限公司', mid, '2024-01-01', [
      { category: 'deposit', amountYuan: 299, every: 'once' },
    ]),
  note: 'silent shortfalls in 清算金额; agreed deposit',
});
add({
  tag: 'ums-nocontract',
  style: 'ums',
  container: 'html',
  ext: 'xls',
  payout: '天天富自动出款',
  streams: [
    {
      cat: 'service_fee',
      name: '增值服务费',
      amount: 1900,
      dates: ['2025-01-18', '2025-02-18', '2025-03-18'],
    },
  ],
  shortfalls: [{ date: '2025-02-03', amount: 2500 }],
  note: 'no contract',
});
// 7-9 收钱吧 xlsx (scan: card unknown -> any)
add({
  tag: 'sqb-xlsx',
  style: 'sqb',
  container: 'xlsx',
  ext: 'xlsx',
  unknownCard: true,
  saleWord: '收款',
  payout: '提现到卡',
  feeType: '扣费',
  streams: [
    { cat: 'service_fee', name: '短信通知费', amount: 1000, dates: ['2025-01-31', '2025-02-28'] },
    {
      cat: 'instant_settlement_fee',
      name: '提现手续费',
      amount: 200,
      dates: ['2025-01-08', '2025-01-22', '2025-02-11'],
    },
  ],
  refunds: [{ name: '提现手续费退回', amount: 200, date: '2025-02-12' }],
  contract: (mid) =>
    contract(
      '上海喔噻互联网科技有限公司',
      mid,
      '2024-05-01',
      [{ category: 'instant_settlement_fee', amountYuan: 2, every: 'month' }],
      { anyOnly: true },
    ),
  note: 'agreed monthly 提现手续费 with a second one in January; unagreed 短信通知费',
});
add({
  tag: 'sqb-colB',
  style: 'sqb',
  container: 'xlsx',
  ext: 'xlsx',
  unknownCard: true,
  colOffset: 1,
  saleWord: '收款',
  payout: '自动提现',
  feeType: '扣费',
  riseFrom: '2025-03-01',
  streams: [{ cat: 'traffic_fee', name: '通讯费', amount: 5800, dates: ['2025-02-14'] }],
  contract: (mid) =>
    contract('上海喔噻互联网科技有限公司', mid, '2024-05-01', [], { anyOnly: true }),
  note: 'data from column B; rate rise on unknown-card scan sales; unagreed 通讯费',
});
add({
  tag: 'sqb-plain',
  style: 'sqb',
  container: 'xlsx',
  ext: 'xlsx',
  unknownCard: true,
  noPreamble: true,
  saleWord: '收款',
  payout: '结算',
  feeType: '扣费',
  streams: [
    { cat: 'deposit', name: '激活押金', amount: 9900, dates: ['2025-01-02'] },
    { cat: 'deposit', name: '激活押金', amount: 9900, dates: ['2025-02-02'] },
  ],
  contract: (mid) =>
    contract(
      '上海喔噻互联网科技有限公司',
      mid,
      '2024-05-01',
      [{ category: 'deposit', amountYuan: 99, every: 'once' }],
      { anyOnly: true },
    ),
  note: 'agreed once deposit taken twice',
});
// 10-12 随行付 direction column, UTF-8 BOM tab
add({
  tag: 'sxf-tab',
  style: 'sxf',
  container: 'csv',
  ext: 'txt',
  bom: true,
  delim: '\t',
  payout: '秒到提现',
  feeType: '费用扣收',
  streams: [
    {
      cat: 'instant_settlement_fee',
      name: '秒到手续费',
      amount: 500,
      dates: ['2025-01-06', '2025-01-20', '2025-02-03'],
    },
    { cat: 'traffic_fee', name: '流量卡费', amount: 9900, dates: ['2025-02-25'] },
  ],
  refunds: [{ name: '流量卡费退还', amount: 9900, date: '2025-03-05' }],
  contract: (mid) =>
    contract('随行付支付有限公司', mid, '2024-03-01', [
      { category: 'traffic_fee', amountYuan: 99, every: 'year' },
    ]),
  note: 'unagreed 秒到手续费; agreed 流量卡费 authorized, then refunded',
});
add({
  tag: 'sxf-rise',
  style: 'sxf',
  container: 'csv',
  ext: 'csv',
  bom: true,
  payout: 'D0出款',
  feeType: '费用扣收',
  riseFrom: '2025-01-20',
  streams: [{ cat: 'service_fee', name: '风控服务费', amount: 2000, dates: ['2025-02-01'] }],
  contract: (mid) => contract('随行付支付有限公司', mid, '2024-03-01', []),
  note: 'rate rise; unagreed 风控服务费',
});
add({
  tag: 'sxf-nocontract',
  style: 'sxf',
  container: 'csv',
  ext: 'csv',
  payout: 'T0提现',
  feeType: '费用扣收',
  streams: [{ cat: 'traffic_fee', name: 'SIM卡年费', amount: 9900, dates: ['2025-01-28'] }],
  refunds: [{ name: '手续费返还', amount: 500, date: '2025-02-08' }],
  note: 'no contract',
});
// 13-15 富友 fen
add({
  tag: 'fuiou-fen',
  style: 'fuiou',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  payout: '结算划款',
  feeType: '其他扣款',
  streams: [
    { cat: 'service_fee', name: '系统使用费', amount: 12000, dates: ['2025-01-15', '2025-03-15'] },
  ],
  contract: (mid) =>
    contract('上海富友支付服务股份有限公司', mid, '2024-02-01', [
      { category: 'service_fee', amountYuan: 100, every: 'quarter' },
    ]),
  note: 'quarterly agreed 100, charged 120 twice: excess then whole second? (Jan 15 -> excess 20; Mar 15 same quarter -> whole)',
});
add({
  tag: 'fuiou-pertx',
  style: 'fuiou',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  payout: '秒到结算',
  chargedPerTx: 300,
  contract: (mid) => contract('上海富友支付服务股份有限公司', mid, '2024-02-01', [], { perTx: 3 }),
  streams: [{ cat: 'traffic_fee', name: '数据服务费', amount: 3600, dates: ['2025-02-16'] }],
  note: 'agreed 3 元 per-tx add-on (no findings on sales); unagreed 数据服务费',
});
add({
  tag: 'fuiou-creep',
  style: 'fuiou',
  container: 'csv',
  ext: 'csv',
  payout: '结算划款',
  chargedPerTx: 100,
  contract: (mid) => contract('上海富友支付服务股份有限公司', mid, '2024-02-01', []),
  note: 'unagreed 1 元 per-tx add-on hidden in the fee column of every sale',
});
// 16-18 工行 PDF
add({
  tag: 'icbc-pdf',
  style: 'icbc',
  container: 'pdf',
  ext: 'pdf',
  days: 40,
  spd: 4,
  bankName: '中国工商银行',
  payout: '商户结算',
  feeType: '收费',
  streams: [{ cat: 'service_fee', name: '商户服务年费', amount: 36000, dates: ['2025-01-12'] }],
  contract: (mid) =>
    contract(
      '中国工商银行股份有限公司',
      mid,
      '2023-01-01',
      [{ category: 'service_fee', amountYuan: 300, every: 'year' }],
      { bank: true },
    ),
  note: 'bank annual fee above agreed: excess 60',
});
add({
  tag: 'icbc-pdf-rise',
  style: 'icbc',
  container: 'pdf',
  ext: 'pdf',
  days: 40,
  spd: 4,
  bankName: '中国工商银行',
  payout: '商户结算',
  feeType: '收费',
  riseFrom: '2025-01-25',
  contract: (mid) => contract('中国工商银行股份有限公司', mid, '2023-01-01', [], { bank: true }),
  streams: [{ cat: 'other_deduction', name: '调账', amount: 1288, dates: ['2025-01-30'] }],
  note: 'rate rise; 调账 needs_review',
});
// 19-21 建行/农行 SMS
add({
  tag: 'ccb-sms',
  style: 'sms',
  container: 'sms',
  ext: 'txt',
  bank: '中国建设银行',
  unknownCard: true,
  spd: 3,
  streams: [
    { cat: 'traffic_fee', name: '流量卡费', amount: 9900, dates: ['2025-01-09'] },
    {
      cat: 'service_fee',
      name: '会员服务费',
      amount: 2900,
      dates: ['2025-01-19', '2025-02-19', '2025-03-19'],
    },
  ],
  refunds: [{ name: '会员服务费退还', amount: 2900, date: '2025-02-22' }],
  contract: (mid) =>
    contract(
      '中国建设银行股份有限公司',
      mid,
      '2024-01-01',
      [{ category: 'service_fee', amountYuan: 29, every: 'month' }],
      { bank: true },
    ),
  note: 'card unknown: highest rate; unagreed 流量卡费; agreed monthly 会员服务费',
});
add({
  tag: 'abc-sms',
  style: 'sms',
  container: 'sms',
  ext: 'txt',
  bank: '中国农业银行',
  unknownCard: true,
  spd: 3,
  riseFrom: '2025-02-01',
  streams: [
    {
      cat: 'instant_settlement_fee',
      name: '秒到手续费',
      amount: 200,
      dates: ['2025-01-11', '2025-02-11'],
    },
  ],
  contract: (mid) =>
    contract('中国农业银行股份有限公司', mid, '2024-01-01', [], { bank: true, anyOnly: true }),
  note: 'rate rise on unknown card; unagreed 秒到手续费',
});
add({
  tag: 'boc-sms-nocontract',
  style: 'sms',
  container: 'sms',
  ext: 'txt',
  bank: '中国银行',
  unknownCard: true,
  spd: 3,
  streams: [{ cat: 'traffic_fee', name: '通讯费', amount: 4800, dates: ['2025-01-21'] }],
  note: 'no contract',
});
// 22-24 通联 BIFF8 .xls
add({
  tag: 'allinpay-biff8',
  style: 'allinpay',
  container: 'biff8',
  ext: 'xls',
  payout: 'D0提现',
  feeType: '差错调账',
  streams: [
    { cat: 'traffic_fee', name: '流量费', amount: 3600, dates: ['2025-01-07', '2025-03-07'] },
  ],
  refunds: [{ name: '流量费退还', amount: 3600, date: '2025-03-09' }],
  contract: (mid) =>
    contract('通联支付网络服务股份有限公司', mid, '2024-01-01', [
      { category: 'traffic_fee', amountYuan: 36, every: 'quarter' },
    ]),
  note: 'agreed quarterly 流量费; second one in the next quarter is authorized',
});
add({
  tag: 'allinpay-unagreed',
  style: 'allinpay',
  container: 'biff8',
  ext: 'xls',
  payout: '结算出款',
  feeType: '其他扣款',
  riseFrom: '2025-02-20',
  streams: [
    { cat: 'deposit', name: '机具押金', amount: 19900, dates: ['2025-01-05'] },
    { cat: 'instant_settlement_fee', name: '垫资费', amount: 600, dates: ['2025-02-06'] },
  ],
  contract: (mid) => contract('通联支付网络服务股份有限公司', mid, '2024-01-01', []),
  note: 'unagreed deposit and 垫资费; rate rise',
});
add({
  tag: 'allinpay-nocontract',
  style: 'allinpay',
  container: 'biff8',
  ext: 'xls',
  payout: '结算出款',
  feeType: '其他扣款',
  streams: [{ cat: 'service_fee', name: '年费', amount: 29900, dates: ['2025-02-12'] }],
  shortfalls: [{ date: '2025-01-16', amount: 1800 }],
  note: 'no contract',
});
// 24 微信支付商户平台 交易账单 (backtick cells, totals block at the end, no payouts or fee rows)
add({
  tag: 'wxpay-bill',
  style: 'wxpay',
  container: 'csv',
  ext: 'csv',
  bom: true,
  noPreamble: true,
  unknownCard: true,
  riseFrom: '2025-02-10',
  contract: (mid) => contract('财付通支付科技有限公司', mid, '2024-01-01', [], { anyOnly: true }),
  note: 'rate 0.60% -> 0.68% shown in 费率 column',
});
// 25 拉卡拉 again: SIM fee named 服务费(流量卡) while only a service fee was agreed
add({
  tag: 'lakala-simname',
  style: 'lakala',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  payout: 'D0提现',
  saleWord: '刷卡消费',
  streams: [
    { cat: 'traffic_fee', name: '服务费(流量卡)', amount: 9900, dates: ['2025-01-20'] },
    { cat: 'service_fee', name: '终端服务费', amount: 9900, dates: ['2025-02-20'] },
  ],
  contract: (mid) =>
    contract('拉卡拉支付股份有限公司', mid, '2024-06-01', [
      { category: 'service_fee', amountYuan: 99, every: 'year' },
    ]),
  note: 'agreed yearly service fee used by 终端服务费; 服务费(流量卡) is a SIM fee, not agreed',
});
// 26-27 乐刷: 境外卡 and 扫码 rows (card kind not debit/credit: the highest rate could apply)
add({
  tag: 'leshua-cards',
  style: 'leshua',
  container: 'csv',
  ext: 'csv',
  bom: true,
  cardMix: true,
  spd: 6,
  payout: '秒到提现',
  feeType: '其他扣款',
  cardWords: { qr: '扫码(微信)' },
  streams: [
    {
      cat: 'instant_settlement_fee',
      name: '秒到手续费',
      amount: 300,
      dates: ['2025-01-09', '2025-02-09'],
    },
  ],
  refunds: [{ name: '秒到手续费返还', amount: 300, date: '2025-02-10' }],
  contract: (mid) =>
    contract('乐刷科技有限公司', mid, '2024-04-01', [
      { category: 'instant_settlement_fee', amountYuan: 3, every: 'month' },
    ]),
  note: '境外卡 charged the credit rate above the debit cap; 扫码 at 0.38%; agreed monthly 秒到手续费',
});
add({
  tag: 'leshua-cards-rise',
  style: 'leshua',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  cardMix: true,
  spd: 6,
  payout: 'D0提现',
  feeType: '其他扣款',
  riseFrom: '2025-02-01',
  streams: [{ cat: 'deposit', name: '机具押金', amount: 9900, dates: ['2025-01-02'] }],
  contract: (mid) => contract('乐刷科技有限公司', mid, '2024-04-01', []),
  note: 'rate rise (境外卡 0.68 vs highest 0.6 is an overcharge); unagreed deposit',
});
// 28-29 SIM fees whose names contain 服务费 while only a service fee is agreed (易生 / 国通 styles)
add({
  tag: 'easypay-simnames',
  style: 'ums',
  container: 'html',
  ext: 'xls',
  payout: '结算划款',
  feeType: '费用扣收',
  streams: [
    { cat: 'traffic_fee', name: '流量服务费', amount: 9900, dates: ['2025-01-10'] },
    { cat: 'service_fee', name: '终端服务费', amount: 9900, dates: ['2025-01-20'] },
    { cat: 'traffic_fee', name: '物联网卡服务费', amount: 4800, dates: ['2025-02-15'] },
    { cat: 'traffic_fee', name: '通讯服务费', amount: 3600, dates: ['2025-03-10'] },
  ],
  contract: (mid) =>
    contract('易生支付有限公司', mid, '2024-06-01', [
      { category: 'service_fee', amountYuan: 99, every: 'year' },
    ]),
  note: 'SIM fees named ...服务费; only the terminal service fee is agreed',
});
add({
  tag: 'guotong-simnames',
  style: 'sxf',
  container: 'csv',
  ext: 'csv',
  bom: true,
  payout: 'T0提现',
  feeType: '费用扣收',
  streams: [
    { cat: 'service_fee', name: '会员服务费', amount: 6900, dates: ['2025-01-12'] },
    { cat: 'traffic_fee', name: 'SIM卡服务年费', amount: 6900, dates: ['2025-02-12'] },
  ],
  refunds: [{ name: 'SIM卡服务年费退还', amount: 6900, date: '2025-02-28' }],
  contract: (mid) =>
    contract('国通星驿网络科技有限公司', mid, '2024-06-01', [
      { category: 'traffic_fee', amountYuan: 69, every: 'year' },
    ]),
  note: 'agreed SIM fee; unagreed 会员服务费 taken first',
});
// 30 a generic fee word qualified by the SIM in brackets or after a dash (星POS / 联动 styles)
add({
  tag: 'starpos-qualified',
  style: 'sqb',
  container: 'xlsx',
  ext: 'xlsx',
  unknownCard: true,
  saleWord: '收款',
  payout: '提现到卡',
  feeType: '扣费',
  streams: [
    { cat: 'traffic_fee', name: '服务费（SIM卡）', amount: 4800, dates: ['2025-01-08'] },
    { cat: 'traffic_fee', name: '年费(通讯)', amount: 3600, dates: ['2025-01-28'] },
    { cat: 'traffic_fee', name: '服务费-流量卡', amount: 2400, dates: ['2025-02-18'] },
    { cat: 'service_fee', name: '终端服务费', amount: 9900, dates: ['2025-03-02'] },
  ],
  contract: (mid) =>
    contract(
      '新大陆支付技术有限公司',
      mid,
      '2024-06-01',
      [{ category: 'service_fee', amountYuan: 99, every: 'year' }],
      { anyOnly: true },
    ),
  note: 'SIM fees named 服务费（SIM卡） / 年费(通讯) / 服务费-流量卡; only the terminal service fee agreed',
});
// 31 the same qualified names in the other bracket widths (联动 style, GBK CSV)
add({
  tag: 'umpay-qualified',
  style: 'lakala',
  container: 'csv',
  ext: 'csv',
  enc: 'gbk',
  payout: '秒到提现',
  feeType: '其他扣款',
  streams: [
    { cat: 'traffic_fee', name: '服务费(SIM卡)', amount: 4800, dates: ['2025-01-08'] },
    { cat: 'traffic_fee', name: '服务费（流量卡）', amount: 3600, dates: ['2025-01-28'] },
    { cat: 'traffic_fee', name: '流量卡服务费', amount: 2400, dates: ['2025-02-18'] },
    { cat: 'service_fee', name: '终端服务费', amount: 9900, dates: ['2025-03-02'] },
  ],
  contract: (mid) =>
    contract('联动优势电子商务有限公司', mid, '2024-06-01', [
      { category: 'service_fee', amountYuan: 99, every: 'year' },
    ]),
  note: 'SIM fees named 服务费(SIM卡) / 服务费（流量卡） / 流量卡服务费; only the terminal service fee agreed',
});
export const STATEMENTS = S;
