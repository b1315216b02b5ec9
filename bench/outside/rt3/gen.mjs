#!/usr/bin/env node
// rt3 red team (issue #11): writes ~30 statements in layouts of our own invention, each with its
// contract and the answer by spec §2.   node bench/outside/rt3/gen.mjs [outDir] [stem-prefix…]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledger, judge, monthly, iso, yuan } from './core.mjs';
import * as L from './layouts.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const OUT = path.resolve(
  process.env.OUT_DIR ?? args[0] ?? path.join(HERE, '../../../test/fixtures/outside/rt3'),
);
const only = process.env.OUT_DIR ? args : args.slice(1);

const contract = (provider, providerType, rates, agreedCharges, perTx = 0, extra = {}) => ({
  provider,
  providerType,
  merchantId: extra.mid ?? '898310058120377',
  signedAt: extra.signedAt ?? '2023-12-20',
  rates,
  perTransactionFeeYuan: perTx,
  agreedCharges,
});
const PI = 'payment_institution';

// ------------------------------------------------------------------------------------------------
const S = [];
const def = (stem, layout, lopts, led, c, o = {}) => S.push({ stem, layout, lopts, led, c, o });

// 01: signed export, some deductions written positive
def(
  'rt3-01-signed-positive-fee',
  L.signed,
  {},
  {
    seed: 101,
    from: '2024-03-01',
    to: '2024-08-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    fees: [
      { date: '2024-05-10', cat: 'traffic_fee', fen: 9900, text: '扣流量费', form: 'pos' },
      ...monthly('2024-03-01', '2024-08-31', 15, 'service_fee', 2900, ['系统服务费']),
      { date: '2024-06-22', cat: 'service_fee', fen: 2900, text: '系统服务费', form: 'pos' },
      { date: '2024-04-03', cat: 'instant_settlement_fee', fen: 300, text: '秒到费', form: 'pos' },
      { date: '2024-04-18', cat: 'instant_settlement_fee', fen: 300, text: '秒到费', form: 'pos' },
      { date: '2024-07-09', cat: 'instant_settlement_fee', fen: 300, text: '秒到费', form: 'pos' },
      { date: '2024-08-02', cat: 'deposit', fen: 19900, text: '机具押金' },
    ],
    credits: [{ date: '2024-03-20', fen: 1288, text: '手续费返还' }],
  },
  contract(
    '快钱支付清算信息有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [
      { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-05-01' },
      { category: 'service_fee', amountYuan: 29, every: 'month' },
    ],
  ),
);

// 02: same shape, no contract: every deduction needs review, nothing claimed
def(
  'rt3-02-signed-no-contract',
  L.signed,
  { payoutType: '结算' },
  {
    seed: 102,
    from: '2024-01-01',
    to: '2024-06-30',
    rates: { debit: 0.6, credit: 0.6 },
    fees: [
      { date: '2024-02-06', cat: 'traffic_fee', fen: 6900, text: '扣SIM卡费', form: 'pos' },
      { date: '2024-03-06', cat: 'service_fee', fen: 4900, text: '会员权益费' },
      { date: '2024-04-11', cat: 'other_deduction', fen: 3317, text: '差错扣款' },
      {
        date: '2024-05-06',
        cat: 'instant_settlement_fee',
        fen: 500,
        text: 'D0手续费',
        form: 'pos',
      },
    ],
    shortfalls: [{ date: '2024-03-14', fen: 3900 }],
  },
  null,
);

// 03: 扣款金额 beside 交易金额, GBK, silent rate rise, quarterly 通讯费 charged monthly, unagreed 激活费
def(
  'rt3-03-kkje-gbk',
  L.kkje,
  { merchant: '杭州西溪便利店', mid: '822331054110021', queryAt: '2024-10-08 09:12:44' },
  {
    seed: 103,
    from: '2024-04-01',
    to: '2024-09-30',
    rates: { debit: 0.6, credit: 0.6 },
    rise: { from: '2024-07-15', rates: { debit: 0.78, credit: 0.78 } },
    fees: [
      ...monthly('2024-04-01', '2024-09-30', 12, 'traffic_fee', 5900, (y, m) => `${m}月通讯费`),
      { date: '2024-04-02', cat: 'deposit', fen: 19900, text: '激活费' },
    ],
  },
  contract(
    '拉卡拉支付股份有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 59, every: 'quarter' }],
  ),
);

// 04: 扣款金额 again: SIM卡费 above the agreed amount, agreed deposit, unagreed 权益费
def(
  'rt3-04-kkje-excess',
  L.kkje,
  { merchant: '成都锦江区老灶火锅', mid: '822510058990187', queryAt: '2025-01-03 18:40:02' },
  {
    seed: 104,
    from: '2024-07-01',
    to: '2024-12-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    amountRange: [30, 2500],
    fees: [
      { date: '2024-07-05', cat: 'deposit', fen: 29900, text: '机具押金' },
      { date: '2024-08-20', cat: 'traffic_fee', fen: 9900, text: 'SIM卡费' },
      ...monthly('2024-09-01', '2024-12-31', 8, 'service_fee', 3800, ['权益费', '会员权益费']),
      { date: '2024-10-30', cat: 'other_deduction', fen: 1250, text: '调账' },
    ],
    credits: [{ date: '2024-09-15', fen: 4000, text: '流量费退还' }],
  },
  contract(
    '银联商务股份有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [
      { category: 'deposit', amountYuan: 299, every: 'once' },
      { category: 'traffic_fee', amountYuan: 60, every: 'year' },
    ],
  ),
);

// 05: 2024年3月5日 dates, 元 suffixes, 1.2万 amounts, debit cap ignored by the provider
def(
  'rt3-05-cndate-wan',
  L.cndate,
  { terminals: ['52013001', '52013002'] },
  {
    seed: 105,
    from: '2024-02-01',
    to: '2024-07-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: null,
    round100: 0.05,
    cards: [null],
    fees: [
      { date: '2024-03-18', cat: 'traffic_fee', fen: 9900, text: '流量卡年费' },
      { date: '2024-06-03', cat: 'instant_settlement_fee', fen: 200, text: '秒到费' },
    ],
  },
  contract(
    '收钱吧（上海喔噻互联网科技）',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2025-02-01' }],
  ),
);

// 06: 2024年 dates again; hidden deductions, one of them naming the fee
def(
  'rt3-06-cndate-hidden',
  L.cndate,
  { terminals: ['88012345'] },
  {
    seed: 106,
    from: '2024-05-01',
    to: '2024-10-31',
    rates: { debit: 0.6, credit: 0.6 },
    round100: 0.04,
    cards: [null],
    shortfalls: [
      { date: '2024-05-20', fen: 3600, text: '结算扣除流量费', cat: 'traffic_fee' },
      { date: '2024-08-09', fen: 2550 },
      { date: '2024-09-21', fen: 3600, text: '含流量费', cat: 'traffic_fee' },
    ],
  },
  contract(
    '乐刷科技有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }],
  ),
);

// 07: workbook with summary and hidden sheet before the detail; fee in the 手续费 column
def(
  'rt3-07-workbook-hidden-sheet',
  L.wbHidden,
  { mid: '831290158140011', terminals: ['10086001'], merchant: '南京鼓楼区小杨生煎' },
  {
    seed: 107,
    from: '2024-01-01',
    to: '2024-06-30',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    fees: [
      { date: '2024-01-16', cat: 'traffic_fee', fen: 9900, text: 'SIM卡年费' },
      ...monthly('2024-01-01', '2024-06-30', 25, 'service_fee', 2900, ['服务费']),
    ],
  },
  contract(
    '随行付支付有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [
      { category: 'traffic_fee', amountYuan: 99, every: 'year' },
      { category: 'service_fee', amountYuan: 29, every: 'quarter' },
    ],
  ),
);

// 08: workbook again: deposit, 调账, rate rise on credit cards
def(
  'rt3-08-workbook-deposit',
  L.wbHidden,
  { mid: '831290158140012', terminals: ['10086002'], merchant: '合肥蜀山区优品水果' },
  {
    seed: 108,
    from: '2024-04-01',
    to: '2024-09-30',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    rise: { from: '2024-08-01', rates: { debit: 0.5, credit: 0.68 } },
    fees: [
      { date: '2024-04-08', cat: 'deposit', fen: 9900, text: '激活押金' },
      { date: '2024-05-08', cat: 'other_deduction', fen: 2233, text: '差错调账' },
      { date: '2024-06-08', cat: 'traffic_fee', fen: 4800, text: '数据服务费' },
    ],
  },
  contract(
    '通联支付网络服务股份有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 48, every: 'year' }],
  ),
);

// 09: SMS backup with UTC timestamps; a fee in the small hours of startsAfter itself is covered
def(
  'rt3-09-sms-utc',
  L.smsUtc,
  { brand: '【银联商务】', sender: '95516' },
  {
    seed: 109,
    from: '2024-03-01',
    to: '2024-08-31',
    rates: { debit: 0.6, credit: 0.6 },
    cards: [null],
    salesPerDay: [1, 3],
    refunds: 0,
    fees: [
      { date: '2024-03-01', time: '00:20', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-06-01', time: '01:10', cat: 'service_fee', fen: 3000, text: '服务费' },
      { date: '2024-06-30', time: '23:40', cat: 'service_fee', fen: 3000, text: '服务费' },
      { date: '2024-08-01', time: '02:00', cat: 'service_fee', fen: 3000, text: '服务费' },
    ],
  },
  contract(
    '银联商务股份有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [
      { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-03-01' },
      { category: 'service_fee', amountYuan: 30, every: 'month', startsAfter: '2024-06-01' },
    ],
  ),
);

// 10: SMS with UTC timestamps: one fee in the small hours before its allowed date, a rate rise
def(
  'rt3-10-sms-utc-rise',
  L.smsUtc,
  { brand: '【合利宝】', sender: '1069055818' },
  {
    seed: 110,
    from: '2024-05-01',
    to: '2024-10-31',
    rates: { debit: 0.6, credit: 0.6 },
    rise: { from: '2024-09-01', rates: { debit: 0.72, credit: 0.72 } },
    cards: [null],
    salesPerDay: [1, 3],
    refunds: 0,
    fees: [
      { date: '2024-07-01', time: '07:30', cat: 'traffic_fee', fen: 6800, text: 'SIM卡服务费' },
      { date: '2024-06-30', time: '22:10', cat: 'deposit', fen: 9900, text: '机具激活费' },
    ],
  },
  contract(
    '合利宝支付科技有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [
      { category: 'traffic_fee', amountYuan: 68, every: 'year', startsAfter: '2024-07-01' },
      { category: 'deposit', amountYuan: 99, every: 'once', startsAfter: '2024-07-01' },
    ],
  ),
);

// 11/12: WeChat Pay merchant bill (backticks, summary block)
def(
  'rt3-11-wechat-bill',
  L.wechat,
  { mid: '1602340981', goods: '门店消费' },
  {
    seed: 111,
    from: '2024-06-01',
    to: '2024-08-31',
    rates: { debit: 0.38, credit: 0.38 },
    rise: { from: '2024-08-01', rates: { debit: 0.6, credit: 0.6 } },
    amountRange: [3, 400],
    salesPerDay: [3, 7],
    refunds: 0.04,
  },
  contract('财付通支付科技有限公司', PI, [{ cardType: 'any', percent: 0.38 }], []),
  { wechat: true },
);
def(
  'rt3-12-wechat-ok',
  L.wechat,
  { mid: '1602340982', goods: '餐饮' },
  {
    seed: 112,
    from: '2024-09-01',
    to: '2024-11-30',
    rates: { debit: 0.6, credit: 0.6 },
    amountRange: [3, 600],
    salesPerDay: [3, 7],
    refunds: 0.05,
  },
  contract('财付通支付科技有限公司', PI, [{ cardType: 'any', percent: 0.6 }], []),
  { wechat: true },
);

// 13/14: Alipay 交易明细 (# lines, tab-padded fields, negative 服务费)
def(
  'rt3-13-alipay-bill',
  L.alipay,
  {
    account: '20881234567890120156',
    from: '2024-03-01',
    to: '2024-05-31',
    goods: '超市购物',
    store: '龙华店',
  },
  {
    seed: 113,
    from: '2024-03-01',
    to: '2024-05-31',
    rates: { debit: 0.38, credit: 0.38 },
    rise: { from: '2024-05-01', rates: { debit: 0.6, credit: 0.6 } },
    amountRange: [2, 500],
    salesPerDay: [3, 6],
    refunds: 0.04,
  },
  contract('支付宝（中国）网络技术有限公司', PI, [{ cardType: 'any', percent: 0.38 }], []),
  { wechat: true },
);
def(
  'rt3-14-alipay-ok',
  L.alipay,
  {
    account: '20889876543210980022',
    from: '2024-07-01',
    to: '2024-09-30',
    goods: '奶茶',
    store: '春熙路店',
  },
  {
    seed: 114,
    from: '2024-07-01',
    to: '2024-09-30',
    rates: { debit: 0.6, credit: 0.6 },
    amountRange: [8, 120],
    salesPerDay: [4, 8],
    refunds: 0.03,
  },
  contract('支付宝（中国）网络技术有限公司', PI, [{ cardType: 'any', percent: 0.6 }], []),
  { wechat: true },
);

// 15/16: bank PDF with two-line heading and 承前页/过次页
def(
  'rt3-15-pdf-two-line-head',
  L.pdf2line,
  {
    bank: '中国建设银行',
    merchant: '武汉江汉区阿强五金',
    mid: '105521053990123',
    from: '2024-02-01',
    to: '2024-05-31',
  },
  {
    seed: 115,
    from: '2024-02-01',
    to: '2024-05-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: null,
    salesPerDay: [1, 4],
    amountRange: [5, 7000],
    fees: [
      ...monthly('2024-02-01', '2024-05-31', 21, 'traffic_fee', 2000, ['POS通讯费']),
      { date: '2024-03-29', cat: 'service_fee', fen: 36000, text: '商户服务年费' },
    ],
  },
  contract(
    '中国建设银行股份有限公司',
    'bank',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 20, every: 'month' }],
  ),
);
def(
  'rt3-16-pdf-shortfall',
  L.pdf2line,
  {
    bank: '中国农业银行',
    merchant: '西安雁塔区秦味面馆',
    mid: '103791054220456',
    from: '2024-06-01',
    to: '2024-09-30',
  },
  {
    seed: 116,
    from: '2024-06-01',
    to: '2024-09-30',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    salesPerDay: [1, 4],
    shortfalls: [
      { date: '2024-06-18', fen: 4800 },
      { date: '2024-08-07', fen: 1999, text: '代扣通讯费', cat: 'traffic_fee' },
    ],
    fees: [{ date: '2024-07-02', cat: 'instant_settlement_fee', fen: 1000, text: '垫资费' }],
  },
  contract(
    '中国农业银行股份有限公司',
    'bank',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [],
  ),
);

// 17/18: merchant bank account statements (摘要, 附言, 借方/贷方, 余额)
const bankFees17 = [
  ...monthly('2024-01-01', '2024-06-30', 5, 'traffic_fee', 6800, ['流量服务费'], {
    summary: '收费',
  }),
  { date: '2024-02-19', cat: 'deposit', fen: 30000, text: 'POS机具押金', summary: '扣款' },
];
def(
  'rt3-17-bank-html-xls',
  L.bankHtmlXls,
  {
    bankName: '中国工商银行',
    acct: '1202 0210 0930 0123 456',
    merchant: '天津河西区万家超市',
    acquirer: '中国银联股份有限公司',
    acqAcct: '3100 0010 0201 1234',
    opening: 1234567,
  },
  {
    seed: 117,
    from: '2024-01-01',
    to: '2024-06-30',
    noSales: true,
    rates: { debit: 0, credit: 0 },
    fees: bankFees17,
    others: [
      {
        date: '2024-01-12',
        fen: 458000,
        text: '货款',
        summary: '转账支出',
        payee: '天津惠民食品批发部',
      },
      {
        date: '2024-03-12',
        fen: 32550,
        text: '电费',
        summary: '代扣',
        payee: '国网天津市电力公司',
      },
      { date: '2024-05-28', fen: 1200000, text: '房租', summary: '网银转账', payee: '王建国' },
    ],
  },
  contract(
    '中国工商银行股份有限公司',
    'bank',
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'deposit', amountYuan: 300, every: 'once' }],
  ),
);
def(
  'rt3-18-bank-csv',
  L.bankCsv,
  {
    bankName: '招商银行',
    acct: '755912345610801',
    merchant: '深圳南山区海岸咖啡',
    acquirer: '招商银行收单中心',
    acqAcct: '755900001110001',
    opening: 8800000,
    from: '20240301',
    to: '20240930',
    inSummary: '银联入账',
  },
  {
    seed: 118,
    from: '2024-03-01',
    to: '2024-09-30',
    noSales: true,
    rates: { debit: 0, credit: 0 },
    fees: [
      { date: '2024-03-11', cat: 'traffic_fee', fen: 3600, text: 'POS终端通讯费', summary: '扣费' },
      { date: '2024-07-11', cat: 'traffic_fee', fen: 3600, text: 'POS终端通讯费', summary: '扣费' },
      { date: '2024-08-11', cat: 'service_fee', fen: 12000, text: '商户年费', summary: '扣费' },
    ],
    credits: [{ date: '2024-04-02', fen: 3600, text: '通讯费退还' }],
    others: [
      { date: '2024-06-15', fen: 88000, text: '代发工资', summary: '代发', payee: '李小红' },
    ],
  },
  contract(
    '招商银行股份有限公司',
    'bank',
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 36, every: 'year', startsAfter: '2024-06-01' }],
  ),
);

// 19/20: 结算状态: failed deductions, pending payouts
def(
  'rt3-19-status-failed-retry',
  L.status,
  {},
  {
    seed: 119,
    from: '2024-04-01',
    to: '2024-09-30',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    fees: [
      { date: '2024-05-05', cat: 'traffic_fee', fen: 9900, text: '流量费', status: 'fail' },
      { date: '2024-05-06', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-08-06', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-06-10', cat: 'service_fee', fen: 4900, text: '年费', status: 'fail' },
      { date: '2024-06-11', cat: 'service_fee', fen: 4900, text: '年费', status: 'fail' },
    ],
  },
  contract(
    '富友支付股份有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  ),
);
def(
  'rt3-20-status-failed-fees',
  L.status,
  {},
  {
    seed: 120,
    from: '2024-01-01',
    to: '2024-05-31',
    rates: { debit: 0.6, credit: 0.6 },
    fees: [
      {
        date: '2024-01-09',
        cat: 'instant_settlement_fee',
        fen: 300,
        text: '秒到手续费',
        status: 'fail',
      },
      { date: '2024-01-23', cat: 'instant_settlement_fee', fen: 300, text: '秒到手续费' },
      {
        date: '2024-02-07',
        cat: 'instant_settlement_fee',
        fen: 300,
        text: '秒到手续费',
        status: 'fail',
      },
      { date: '2024-03-19', cat: 'instant_settlement_fee', fen: 300, text: '秒到手续费' },
      { date: '2024-04-02', cat: 'deposit', fen: 19900, text: '激活费', status: 'fail' },
      { date: '2024-04-25', cat: 'traffic_fee', fen: 4800, text: '流量卡费', status: 'fail' },
    ],
  },
  contract('汇付天下有限公司', PI, [{ cardType: 'any', percent: 0.6 }], []),
  { pendingPayouts: true },
);

// 21/22: English exports
def(
  'rt3-21-english-dmy',
  L.english,
  { style: 'dmy', merchant: "Shanghai Jing'an Bakery Co., Ltd.", mid: '898310072210045' },
  {
    seed: 121,
    from: '2024-02-01',
    to: '2024-07-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    perTx: 0,
    fees: [
      { date: '2024-02-20', cat: 'traffic_fee', fen: 9900, text: 'SIM card fee' },
      {
        date: '2024-03-04',
        cat: 'instant_settlement_fee',
        fen: 200,
        text: 'Instant settlement fee',
      },
      {
        date: '2024-05-04',
        cat: 'instant_settlement_fee',
        fen: 200,
        text: 'Instant settlement fee',
      },
      { date: '2024-04-15', cat: 'service_fee', fen: 36500, text: 'Annual service fee' },
      { date: '2024-06-01', cat: 'deposit', fen: 30000, text: 'Terminal deposit' },
    ],
    credits: [{ date: '2024-03-25', fen: 560, text: 'Fee rebate' }],
  },
  contract(
    'PayEase (Beijing) Technology',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'service_fee', amountYuan: 365, every: 'year' }],
  ),
);
def(
  'rt3-22-english-mdy',
  L.english,
  { style: 'mdy', merchant: 'Guangzhou Tianhe Noodle House', mid: '898440058810077' },
  {
    seed: 122,
    from: '2024-08-01',
    to: '2025-01-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    perTx: 100,
    fees: [
      ...monthly('2024-08-01', '2025-01-31', 3, 'traffic_fee', 1500, ['Data service fee']),
      { date: '2024-11-20', cat: 'other_deduction', fen: 4412, text: 'Chargeback adjustment' },
    ],
  },
  contract(
    'Yeepay',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 15, every: 'quarter' }],
    1,
  ),
);

// 23/24: newest first, several fees on one day
def(
  'rt3-23-newest-first',
  L.newest,
  {},
  {
    seed: 123,
    from: '2024-01-01',
    to: '2024-06-30',
    rates: { debit: 0.55, credit: 0.6 },
    fees: [
      ...monthly('2024-01-01', '2024-06-30', 10, 'service_fee', 4900, ['会员费']),
      { date: '2024-01-10', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-01-10', cat: 'instant_settlement_fee', fen: 300, text: '秒到费' },
      { date: '2024-04-10', cat: 'instant_settlement_fee', fen: 300, text: '秒到费' },
      { date: '2024-05-22', cat: 'service_fee', fen: 5900, text: '会员费' },
    ],
  },
  contract(
    '乐刷科技有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.55 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [
      { category: 'service_fee', amountYuan: 49, every: 'quarter' },
      { category: 'traffic_fee', amountYuan: 99, every: 'year' },
      { category: 'instant_settlement_fee', amountYuan: 3, every: 'month' },
    ],
  ),
);
def(
  'rt3-24-newest-utf16',
  L.newest,
  { utf16: true },
  {
    seed: 124,
    from: '2024-02-01',
    to: '2024-12-31',
    rates: { debit: 0.6, credit: 0.6 },
    salesPerDay: [1, 3],
    fees: [
      { date: '2024-03-10', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-09-10', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-12-10', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-09-10', cat: 'service_fee', fen: 1900, text: '服务费' },
      { date: '2024-09-10', cat: 'other_deduction', fen: 800, text: '其他扣款' },
    ],
  },
  contract(
    '随行付支付有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-09-01' }],
  ),
);

// 25/26: bank SMS naming the fee after the amount
def(
  'rt3-25-bank-sms',
  L.bankSms,
  { bank: '建设银行', tail: '3318' },
  {
    seed: 125,
    from: '2024-01-01',
    to: '2024-06-30',
    noSales: true,
    rates: { debit: 0, credit: 0 },
    fees: [
      ...monthly('2024-01-01', '2024-06-30', 7, 'traffic_fee', 6800, ['流量服务费']),
      { date: '2024-04-26', cat: 'service_fee', fen: 36000, text: 'POS商户服务年费' },
    ],
    others: [{ date: '2024-02-14', fen: 28000, text: '代扣水费' }],
  },
  contract(
    '中国建设银行股份有限公司',
    'bank',
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 68, every: 'quarter' }],
  ),
);
def(
  'rt3-26-bank-sms-icbc',
  L.bankSms,
  { bank: '工商银行', tail: '0927' },
  {
    seed: 126,
    from: '2024-05-01',
    to: '2024-10-31',
    noSales: true,
    rates: { debit: 0, credit: 0 },
    fees: [
      { date: '2024-05-15', cat: 'traffic_fee', fen: 9600, text: 'POS机通讯费' },
      { date: '2024-06-15', cat: 'instant_settlement_fee', fen: 1500, text: '快速到账服务手续费' },
      { date: '2024-08-15', cat: 'deposit', fen: 49900, text: '终端押金' },
    ],
    credits: [{ date: '2024-09-01', fen: 9600, text: '通讯费退回' }],
  },
  contract(
    '中国工商银行股份有限公司',
    'bank',
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 96, every: 'year' }],
  ),
);

// 27: English SMS
def(
  'rt3-27-english-sms',
  L.englishSms,
  { brand: 'SumPay', tail: '6621' },
  {
    seed: 127,
    from: '2024-03-01',
    to: '2024-08-31',
    rates: { debit: 0.6, credit: 0.6 },
    cards: [null],
    salesPerDay: [1, 3],
    refunds: 0,
    fees: [
      { date: '2024-03-12', cat: 'traffic_fee', fen: 9900, text: 'SIM card fee' },
      { date: '2024-06-12', cat: 'traffic_fee', fen: 9900, text: 'SIM card fee' },
      { date: '2024-04-01', cat: 'service_fee', fen: 2900, text: 'monthly membership fee' },
      { date: '2024-05-01', cat: 'service_fee', fen: 2900, text: 'monthly membership fee' },
    ],
    credits: [{ date: '2024-07-03', fen: 9900, text: 'SIM card fee refund' }],
  },
  contract(
    'SumPay',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  ),
);

// 28/29: spaces inside amounts, 元, semicolons, a 收/支 column
def(
  'rt3-28-spaced-amounts',
  L.spaced,
  { brand: '富友' },
  {
    seed: 128,
    from: '2024-03-01',
    to: '2024-08-31',
    rates: { debit: 0.6, credit: 0.6 },
    cards: [null],
    amountRange: [50, 12000],
    fees: [
      { date: '2024-03-28', cat: 'traffic_fee', fen: 9900, text: '终端流量费' },
      { date: '2024-04-28', cat: 'service_fee', fen: 120000, text: '系统使用费（年）' },
      { date: '2024-06-28', cat: 'other_deduction', fen: 15620, text: '风险调单扣款' },
    ],
    shortfalls: [{ date: '2024-05-16', fen: 9900 }],
  },
  contract(
    '富友支付股份有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-04-01' }],
  ),
);
def(
  'rt3-29-spaced-no-contract',
  L.spaced,
  { brand: '汇付' },
  {
    seed: 129,
    from: '2024-06-01',
    to: '2024-11-30',
    rates: { debit: 0.6, credit: 0.6 },
    cards: [null],
    fees: [
      { date: '2024-06-28', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-09-28', cat: 'deposit', fen: 29900, text: '押金' },
    ],
    shortfalls: [{ date: '2024-07-16', fen: 4900 }],
  },
  null,
);

// 30: signed export with per-payout D0 fees written positive beside negative payouts
def(
  'rt3-30-signed-d0',
  L.signed,
  { payoutType: 'D0提现' },
  {
    seed: 130,
    from: '2024-09-01',
    to: '2025-01-31',
    rates: { debit: 0.6, credit: 0.6 },
    perTx: 0,
    fees: [
      ...monthly('2024-09-01', '2025-01-31', 4, 'instant_settlement_fee', 200, ['D0提现手续费'], {
        form: 'pos',
      }),
      ...monthly('2024-09-01', '2025-01-31', 18, 'instant_settlement_fee', 200, ['D0提现手续费'], {
        form: 'pos',
      }),
      { date: '2024-12-24', cat: 'traffic_fee', fen: 5900, text: '流量卡费', form: 'pos' },
    ],
  },
  contract(
    '嘉联支付有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'instant_settlement_fee', amountYuan: 2, every: 'month' }],
  ),
);

// 31: newest first, two withdrawals' fees of one category on one day: the earlier one is covered
def(
  'rt3-31-newest-same-day',
  L.newest,
  {},
  {
    seed: 131,
    from: '2024-03-01',
    to: '2024-08-31',
    rates: { debit: 0.6, credit: 0.6 },
    fees: [
      {
        date: '2024-03-08',
        time: '09:15',
        cat: 'instant_settlement_fee',
        fen: 500,
        text: '秒到费',
      },
      {
        date: '2024-03-08',
        time: '16:40',
        cat: 'instant_settlement_fee',
        fen: 500,
        text: '秒到费',
      },
      { date: '2024-03-08', time: '16:41', cat: 'traffic_fee', fen: 5900, text: 'SIM卡费' },
      {
        date: '2024-05-20',
        time: '08:05',
        cat: 'instant_settlement_fee',
        fen: 500,
        text: '秒到费',
      },
      {
        date: '2024-05-20',
        time: '13:30',
        cat: 'instant_settlement_fee',
        fen: 800,
        text: '秒到费',
      },
      {
        date: '2024-05-20',
        time: '21:50',
        cat: 'instant_settlement_fee',
        fen: 500,
        text: '秒到费',
      },
      { date: '2024-07-02', time: '10:00', cat: 'service_fee', fen: 9900, text: '年度服务费' },
      { date: '2024-07-02', time: '10:00', cat: 'traffic_fee', fen: 5900, text: 'SIM卡费' },
    ],
  },
  contract(
    '中付支付科技有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [
      { category: 'instant_settlement_fee', amountYuan: 5, every: 'month' },
      { category: 'traffic_fee', amountYuan: 59, every: 'year' },
    ],
  ),
);

// 32: daily 小计 rows among the records
def(
  'rt3-32-daily-subtotals',
  L.dailySub,
  {},
  {
    seed: 132,
    from: '2024-04-01',
    to: '2024-08-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    rise: { from: '2024-07-01', rates: { debit: 0.55, credit: 0.6 } },
    fees: [
      { date: '2024-04-16', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-06-16', cat: 'service_fee', fen: 1900, text: '月服务费' },
    ],
  },
  contract(
    '海科融通支付服务有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'service_fee', amountYuan: 19, every: 'month' }],
  ),
);

// 33: SMS one a line with +00:00 timestamps: the fee at 06:30 Shanghai on startsAfter is covered, one the evening before is not
def(
  'rt3-33-sms-utc-one-line',
  L.smsUtcOneLine,
  { brand: '【通联支付】', sender: '95193' },
  {
    seed: 133,
    from: '2024-04-01',
    to: '2024-09-30',
    rates: { debit: 0.6, credit: 0.6 },
    cards: [null],
    salesPerDay: [1, 3],
    refunds: 0,
    fees: [
      { date: '2024-05-31', time: '20:30', cat: 'service_fee', fen: 2000, text: '服务费' },
      { date: '2024-06-01', time: '06:30', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-07-01', time: '05:00', cat: 'service_fee', fen: 2000, text: '服务费' },
      { date: '2024-08-01', time: '05:00', cat: 'service_fee', fen: 2000, text: '服务费' },
    ],
  },
  contract(
    '通联支付网络服务股份有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [
      { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-06-01' },
      { category: 'service_fee', amountYuan: 20, every: 'month', startsAfter: '2024-06-01' },
    ],
  ),
);

// 34: the fee column is 扣款金额; the SIM fee sits in it too, 交易金额 0.00
def(
  'rt3-34-kk-as-fee-column',
  L.kkFee,
  { brand: '拉卡拉', terminals: ['L0091823', 'L0091824'] },
  {
    seed: 134,
    from: '2024-05-01',
    to: '2024-10-31',
    rates: { debit: 0.6, credit: 0.6 },
    cards: [null],
    rise: { from: '2024-10-01', rates: { debit: 0.63, credit: 0.63 } },
    fees: [
      { date: '2024-05-25', cat: 'traffic_fee', fen: 9900, text: '流量卡年费' },
      { date: '2024-08-25', cat: 'instant_settlement_fee', fen: 300, text: '秒到服务费' },
    ],
    credits: [{ date: '2024-06-03', fen: 300, text: '秒到费退还' }],
  },
  contract(
    '拉卡拉支付股份有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  ),
);

// 35: as 33 with spaces between the fields: only the UTC dates are in the way
def(
  'rt3-35-sms-utc-spaces',
  L.smsUtcOneLine,
  { brand: '【通联支付】', sender: '95193', sep: ' ' },
  {
    seed: 135,
    from: '2024-04-01',
    to: '2024-09-30',
    rates: { debit: 0.6, credit: 0.6 },
    cards: [null],
    salesPerDay: [1, 3],
    refunds: 0,
    fees: [
      { date: '2024-05-31', time: '20:30', cat: 'service_fee', fen: 2000, text: '服务费' },
      { date: '2024-06-01', time: '06:30', cat: 'traffic_fee', fen: 9900, text: '流量费' },
      { date: '2024-07-01', time: '05:00', cat: 'service_fee', fen: 2000, text: '服务费' },
      { date: '2024-07-31', time: '21:00', cat: 'service_fee', fen: 2000, text: '服务费' },
    ],
  },
  contract(
    '通联支付网络服务股份有限公司',
    PI,
    [{ cardType: 'any', percent: 0.6 }],
    [
      { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-06-01' },
      { category: 'service_fee', amountYuan: 20, every: 'month', startsAfter: '2024-06-01' },
    ],
  ),
);

// 36: CSV with the deduction in the 手续费 column and 交易金额 empty (as 07, without the workbook)
def(
  'rt3-36-fee-in-fee-column',
  L.feeInFeeCol,
  { terminal: '20931177' },
  {
    seed: 136,
    from: '2024-02-01',
    to: '2024-07-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    fees: [
      { date: '2024-02-26', cat: 'traffic_fee', fen: 9900, text: 'SIM卡年费' },
      { date: '2024-03-26', cat: 'deposit', fen: 19900, text: '机具押金' },
      ...monthly('2024-02-01', '2024-07-31', 12, 'service_fee', 2500, ['会员服务费']),
    ],
    credits: [{ date: '2024-05-02', fen: 2500, text: '会员服务费退还' }],
  },
  contract(
    '随行付支付有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'service_fee', amountYuan: 25, every: 'quarter' }],
  ),
);

// 37: workbook: a sheet of daily totals with a 扣费合计 column before the detail sheet
def(
  'rt3-37-workbook-daily-sheet',
  L.wbDaily,
  { merchant: '长沙岳麓区湘里人家' },
  {
    seed: 137,
    from: '2024-03-01',
    to: '2024-08-31',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    fees: [
      { date: '2024-03-21', cat: 'traffic_fee', fen: 6900, text: '流量费' },
      { date: '2024-06-21', cat: 'traffic_fee', fen: 6900, text: '流量费' },
      { date: '2024-04-09', cat: 'service_fee', fen: 19900, text: '商户会员年费' },
    ],
  },
  contract(
    '联动优势电子商务有限公司',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 69, every: 'year' }],
  ),
);

// 38: English SMS, RMB and day-month-year dates, MDR as the fee word
def(
  'rt3-38-english-sms-rmb',
  L.englishSms2,
  { brand: 'LKL Pay', tail: '0458' },
  {
    seed: 138,
    from: '2024-04-01',
    to: '2024-09-30',
    rates: { debit: 0.6, credit: 0.6 },
    rise: { from: '2024-09-01', rates: { debit: 0.68, credit: 0.68 } },
    cards: [null],
    salesPerDay: [1, 2],
    refunds: 0,
    fees: [
      { date: '2024-04-18', cat: 'traffic_fee', fen: 9900, text: 'SIM data fee' },
      {
        date: '2024-07-18',
        cat: 'instant_settlement_fee',
        fen: 600,
        text: 'express settlement fee',
      },
    ],
  },
  contract('Lakala Payment', PI, [{ cardType: 'any', percent: 0.6 }], []),
);

// 39: bank SMS with the message broken over two lines after the amount, blank lines between
def(
  'rt3-39-bank-sms-wrapped',
  L.bankSms,
  { bank: '农业银行', tail: '5507', wrap: true },
  {
    seed: 139,
    from: '2024-02-01',
    to: '2024-07-31',
    noSales: true,
    rates: { debit: 0, credit: 0 },
    fees: [
      ...monthly('2024-02-01', '2024-07-31', 9, 'traffic_fee', 2500, ['POS流量服务费']),
      { date: '2024-05-30', cat: 'instant_settlement_fee', fen: 1000, text: 'T0垫资服务费' },
    ],
  },
  contract(
    '中国农业银行股份有限公司',
    'bank',
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'traffic_fee', amountYuan: 25, every: 'month', startsAfter: '2024-04-01' }],
  ),
);

// 40: English workbook, 05-Mar-2024 text dates, "CNY 1 234.50" text amounts, a FAILED charge
def(
  'rt3-40-workbook-english-status',
  L.wbEnglish,
  { merchant: 'Xiamen Siming Tea House', from: '01-Jan-2024', to: '30-Jun-2024' },
  {
    seed: 140,
    from: '2024-01-01',
    to: '2024-06-30',
    rates: { debit: 0.5, credit: 0.6 },
    debitCap: 2000,
    fees: [
      {
        date: '2024-02-14',
        cat: 'traffic_fee',
        fen: 9900,
        text: 'SIM card annual fee',
        status: 'fail',
      },
      { date: '2024-02-15', cat: 'traffic_fee', fen: 9900, text: 'SIM card annual fee' },
      { date: '2024-04-02', cat: 'deposit', fen: 20000, text: 'POS terminal deposit' },
    ],
  },
  contract(
    'Sand Pay',
    PI,
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'deposit', amountYuan: 200, every: 'once' }],
  ),
);

// ------------------------------------------------------------------------------------------------
fs.mkdirSync(OUT, { recursive: true });
for (const f of fs.readdirSync(OUT)) if (f.startsWith('rt3-')) fs.rmSync(path.join(OUT, f));
const EXT = { csv: '.csv', xlsx: '.xlsx', sms: '.txt', pdf: '.pdf', xls: '.xls' };
async function main() {
  let n = 0;
  for (const s of S) {
    if (only.length && !only.some((p) => s.stem.startsWith(p))) continue;
    let ev = ledger(s.led);
    if (s.o.wechat) ev = ev.filter((e) => e.kind === 'sale' || e.kind === 'refund');
    if (s.o.pendingPayouts)
      for (const e of ev) if (e.kind === 'payout' && e.t.d % 7 === 0) e.status = 'pending';
    if (s.layout === L.bankSms) {
      const bal = new Map();
      let b = 5230000;
      for (const e of ev) {
        if (e.kind === 'payout' || e.kind === 'credit') b += e.amt;
        else if (e.kind === 'fee' || e.kind === 'other') b -= e.amt;
        bal.set(e.i, b);
      }
      s.lopts.bal = (e) => bal.get(e.i);
    }
    const out = await s.layout(ev, s.lopts);
    let ext = EXT[out.format];
    if (out.format === 'csv' && (s.layout === L.cndate || s.layout === L.newest)) ext = '.txt';
    const file = `${s.stem}${ext}`;
    fs.writeFileSync(path.join(OUT, file), out.bytes);
    if (s.c)
      fs.writeFileSync(
        path.join(OUT, `${s.stem}.contract.json`),
        JSON.stringify(s.c, null, 2) + '\n',
      );
    const shown = ev.filter((e) => out.place.has(e.i));
    const found = judge(shown, s.c);
    const findings = found
      .map((f) => {
        const p = out.place.get(f.e.i);
        const x = { file, row: p.row };
        if (p.sheet) x.sheet = p.sheet;
        if (p.page) x.page = p.page;
        return {
          ...x,
          date: iso(f.e.t),
          category: f.category,
          verdict: f.verdict,
          overcharge: yuan(f.overcharge),
          amount: yuan(f.amount),
          text: f.text ?? '',
        };
      })
      .sort((a, b) => a.row - b.row);
    const byCategory = {};
    let total = 0;
    for (const f of found) {
      if (f.verdict !== 'unauthorized') continue;
      total += f.overcharge;
      byCategory[f.category] = (byCategory[f.category] ?? 0) + f.overcharge;
    }
    const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
    for (const f of found) counts[f.verdict]++;
    const exp = {
      file,
      contract: s.c ? `${s.stem}.contract.json` : null,
      format: out.format,
      encoding: out.encoding,
      ...(out.sheets ? { sheets: out.sheets } : {}),
      headerRow: out.headerRow,
      records: out.records,
      period: { from: s.led.from, to: s.led.to },
      claim: {
        total: yuan(total),
        currency: 'CNY',
        byCategory: Object.fromEntries(
          Object.entries(byCategory)
            .sort()
            .map(([k, v]) => [k, yuan(v)]),
        ),
      },
      counts,
      findings,
      generator: `bench/outside/rt3/gen.mjs (${s.layout.name})`,
    };
    fs.writeFileSync(
      path.join(OUT, `${s.stem}.expected.json`),
      JSON.stringify(exp, null, 1) + '\n',
    );
    n++;
    console.log(
      `${file}: ${out.records} records, ${findings.length} findings, ${counts.unauthorized} unauthorized, claim ${yuan(total)}`,
    );
  }
  console.log(`${n} statements in ${OUT}`);
}
await main();
