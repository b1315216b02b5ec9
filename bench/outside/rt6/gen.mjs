#!/usr/bin/env node
// Red team 6: outside statements in layouts FeeGuard was never tuned to. Deterministic.
//   node bench/outside/rt6/gen.mjs            -> test/fixtures/outside/rt6
//   OUT_DIR=/tmp/x node bench/outside/rt6/gen.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, label, expectedJson, yuan, int, rng } from './model.mjs';
import { writeDelimited, writeXlsx, writeBiff8, writeHtmlXls, writePdf } from './containers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(
  process.env.OUT_DIR || path.join(HERE, '../../../test/fixtures/outside/rt6'),
);
fs.mkdirSync(OUT, { recursive: true });

const CN = { debit: '借记卡', credit: '贷记卡' };
const ymd = (d) => d.replace(/-/g, '');
const slash = (d) => {
  const [y, m, dd] = d.split('-');
  return `${y}/${Number(m)}/${Number(dd)}`;
};
const cnDate = (d) => {
  const [y, m, dd] = d.split('-');
  return `${y}年${m}月${dd}日`;
};
const comma = (fen) => {
  const s = yuan(Math.abs(fen));
  const [i, f] = s.split('.');
  return `${fen < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+$)/g, ',')}.${f}`;
};

function contractOf(provider, providerType, rates, agreedCharges, extra = {}) {
  return {
    provider,
    providerType,
    merchantId:
      extra.mid ||
      '8983100' + String(rates.length * 7919 + agreedCharges.length * 104729).padStart(8, '0'),
    signedAt: extra.signedAt || '2024-06-01',
    rates,
    perTransactionFeeYuan: extra.perTx || 0,
    agreedCharges,
  };
}

const statements = [];
function add(s) {
  statements.push(s);
}

// ---------------------------------------------------------------------------------------------
// 01 拉卡拉-like 收款宝 export: GBK CSV, separate date (yyyymmdd) / time columns, preamble, 合计 row
add({
  stem: '01-lkl-gbk',
  ext: 'csv',
  format: 'csv',
  encoding: 'gb18030',
  contract: contractOf(
    '拉卡拉支付股份有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 48, every: 'year', startsAfter: '2025-05-01' }],
  ),
  gen: {
    seed: 101,
    start: '2025-03-01',
    days: 40,
    perDay: 8,
    payoutEvery: 1,
    payoutName: 'T1结算入账',
    rise: { from: '2025-03-25', percentExtra: 0.12 },
    fees: [
      { day: 3, text: '物联网卡年费', cat: 'traffic_fee', fen: 4800 },
      { day: 10, text: '商户增值服务年费', cat: 'service_fee', fen: 19900 },
      { day: 11, text: '手续费返还', credit: true, fen: 1260 },
      { day: 30, text: '营销活动补贴', credit: true, fen: 500 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  table(ev, c) {
    const pre = [
      ['拉卡拉收款宝交易明细'],
      ['商户名称：', '成都市锦江区蜀香小馆'],
      ['商户编号：', c.merchantId],
      ['查询区间：', `${ev[0].date} 至 ${ev.at(-1).date}`],
      [],
    ];
    const head = [
      '交易日期',
      '交易时间',
      '终端号',
      '卡号',
      '卡类型',
      '交易类型',
      '交易金额(元)',
      '手续费(元)',
      '结算金额(元)',
      '备注',
    ];
    const row = (e) => [
      ymd(e.date),
      e.time,
      'A8823105',
      e.kind === 'sale' || e.kind === 'refund' ? `622848******${e.ref.slice(-4)}` : '',
      e.card && (e.kind === 'sale' || e.kind === 'refund') ? CN[e.card] : '',
      { sale: '消费', refund: '退货', payout: '结算', fee: '费用扣收', credit: '费用退还' }[e.kind],
      yuan(e.amount),
      e.kind === 'sale' ? yuan(e.fee) : '0.00',
      yuan(e.net),
      e.text || '',
    ];
    const sales = ev.filter((e) => e.kind === 'sale');
    const foot = [
      [
        '合计',
        '',
        '',
        '',
        '',
        '',
        yuan(sales.reduce((a, e) => a + e.amount, 0)),
        yuan(sales.reduce((a, e) => a + e.fee, 0)),
        '',
        `共${ev.length}笔`,
      ],
    ];
    return { pre, head, row, foot };
  },
  container: 'csv',
  csv: { enc: 'gbk' },
});

// 02 银联商务-like bank-acquirer workbook: notes sheet first, data on second sheet starting at B4, real date cells
add({
  stem: '02-ums-xlsx',
  ext: 'xlsx',
  format: 'xlsx',
  encoding: null,
  contract: contractOf(
    '中国工商银行股份有限公司四川省分行',
    'bank',
    [
      { cardType: 'debit', percent: 0.45, capYuan: 18 },
      { cardType: 'credit', percent: 0.55 },
    ],
    [
      { category: 'traffic_fee', amountYuan: 15, every: 'month' },
      { category: 'deposit', amountYuan: 299, every: 'once' },
    ],
  ),
  gen: {
    seed: 202,
    start: '2025-04-01',
    days: 45,
    perDay: 7,
    payoutEvery: 1,
    payoutName: '银行卡结算',
    shortfalls: 2,
    shortfallFen: 3500,
    fees: [
      { day: 0, text: '终端通讯费', cat: 'traffic_fee', fen: 1500 },
      { day: 2, text: '机具押金', cat: 'deposit', fen: 29900 },
      { day: 14, text: '终端通讯费(补扣)', cat: 'traffic_fee', fen: 1500 },
      { day: 30, text: '终端通讯费', cat: 'traffic_fee', fen: 1500 },
      { day: 22, text: '差错调账', cat: 'other_deduction', fen: 8844 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  table(ev, c) {
    const pre = [
      ['全民付商户交易清算明细'],
      ['商户编号', c.merchantId, '', '清算行', '工行成都分行'],
      [],
    ];
    const head = [
      '清算日期',
      '交易时间',
      '终端编号',
      '交易类型',
      '卡种',
      '交易金额',
      '商户手续费',
      '清算金额',
      '摘要',
      '检索参考号',
    ];
    const row = (e) => [
      ymd(e.date),
      new Date(`${e.date}T${e.time}Z`),
      '50012871',
      { sale: '消费', refund: '消费撤销', payout: '资金清算', fee: '其他费用', credit: '调增' }[
        e.kind
      ],
      e.card && e.kind !== 'fee' && e.kind !== 'payout' && e.kind !== 'credit'
        ? e.card === 'debit'
          ? '借记'
          : '贷记'
        : '',
      e.amount / 100,
      e.kind === 'sale' ? e.fee / 100 : 0,
      e.net / 100,
      e.text || '',
      e.ref,
    ];
    return { pre, head, row, foot: [] };
  },
  container: 'xlsx',
  sheetName: '交易明细',
  startRow: 4,
  startCol: 2,
  notesSheet: '说明',
});

// 03 收钱吧-like aggregator: UTF-8 BOM CSV, ISO timestamps with +08:00, payment method instead of card type, all quoted
add({
  stem: '03-sqb-bom',
  ext: 'csv',
  format: 'csv',
  encoding: 'utf-8',
  contract: contractOf(
    '上海收钱吧互联网科技股份有限公司',
    'payment_institution',
    [{ cardType: 'any', percent: 0.38 }],
    [{ category: 'service_fee', amountYuan: 365, every: 'year', startsAfter: '2025-01-01' }],
  ),
  gen: {
    seed: 303,
    start: '2025-02-10',
    days: 42,
    perDay: 9,
    payoutEvery: 1,
    payoutName: 'D0自动提现',
    baseRates: [{ cardType: 'any', percent: 0.38 }],
    addOnFen: 0,
    rise: { from: '2025-03-10', percentExtra: 0.22 },
    fees: [
      { day: 1, text: '收银系统年费', cat: 'service_fee', fen: 36500 },
      { day: 33, text: '收银系统年费', cat: 'service_fee', fen: 36500 },
      { day: 34, text: '年费退款', credit: true, fen: 36500 },
    ],
  },
  cardVisible: false,
  hasNet: true,
  table() {
    const head = [
      '订单号',
      '交易时间',
      '支付方式',
      '交易状态',
      '订单金额',
      '手续费',
      '商户应得',
      '备注',
    ];
    const pay = ['微信', '支付宝', '云闪付'];
    const row = (e, i) => [
      `7895${e.ref}`,
      `${e.date}T${e.time}+08:00`,
      e.kind === 'sale' || e.kind === 'refund' ? pay[i % 3] : '余额',
      {
        sale: '支付成功',
        refund: '已退款',
        payout: '提现成功',
        fee: '扣费成功',
        credit: '退费成功',
      }[e.kind],
      yuan(e.amount),
      yuan(e.kind === 'sale' ? e.fee : 0),
      yuan(e.net),
      e.text || '',
    ];
    return { pre: [], head, row, foot: [] };
  },
  container: 'csv',
  csv: { enc: 'utf-8', bom: true, quoteAll: true, eol: '\n' },
});

// 04 乐刷-like pasted SMS, some messages wrapped over two lines, blank lines between, combined payout+fee notices
add({
  stem: '04-leshua-sms',
  ext: 'txt',
  format: 'sms',
  encoding: 'utf-8',
  contract: contractOf(
    '深圳市乐刷科技有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.55, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 69, every: 'year' }],
    { perTx: 0 },
  ),
  gen: {
    seed: 404,
    start: '2025-05-01',
    days: 30,
    perDay: 5,
    payoutEvery: 3,
    payoutName: '秒到提现',
    payoutFee: { text: '秒到费', fen: 300 },
    fees: [
      { day: 4, text: 'POS流量费', cat: 'traffic_fee', fen: 6900 },
      { day: 20, text: 'POS流量费', cat: 'traffic_fee', fen: 6900 },
      { day: 9, text: '流量费退还', credit: true, fen: 6900 },
    ],
  },
  cardVisible: false,
  hasNet: false,
  sms: true,
});

// 05 工行-like merchant settlement account: GBK CSV, 借方/贷方 columns with running balance, settlement credits only
add({
  stem: '05-icbc-account',
  ext: 'csv',
  format: 'csv',
  encoding: 'gb18030',
  bankAccount: true,
  contract: contractOf(
    '中国工商银行股份有限公司',
    'bank',
    [{ cardType: 'any', percent: 0.6 }],
    [{ category: 'service_fee', amountYuan: 300, every: 'year' }],
  ),
  gen: {
    seed: 505,
    start: '2025-01-01',
    days: 75,
    perDay: 6,
    payoutEvery: 1,
    payoutName: 'POS收单清算款',
    fees: [
      { day: 5, text: '收单服务年费', cat: 'service_fee', fen: 30000 },
      { day: 15, text: '机具通讯费', cat: 'traffic_fee', fen: 2000 },
      { day: 46, text: '机具通讯费', cat: 'traffic_fee', fen: 2000 },
      { day: 74, text: '机具通讯费', cat: 'traffic_fee', fen: 2000 },
      { day: 50, text: '通讯费返还', credit: true, fen: 2000 },
    ],
  },
  cardVisible: false,
  hasNet: false,
});

// 06 随行付-like HTML table saved as .xls (GBK), 序号 column, D0/T1 到账方式 column
add({
  stem: '06-vbill-htmlxls',
  ext: 'xls',
  format: 'html',
  encoding: 'gbk',
  contract: contractOf(
    '随行付支付有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }],
  ),
  gen: {
    seed: 606,
    start: '2025-06-01',
    days: 35,
    perDay: 8,
    payoutEvery: 1,
    payoutName: 'D0到账',
    addOnFen: 300,
    addOnShare: 0.05,
    fees: [
      { day: 2, text: '流量卡费', cat: 'traffic_fee', fen: 3600 },
      { day: 6, text: '机具押金', cat: 'deposit', fen: 19900 },
      { day: 27, text: '服务费退还', credit: true, fen: 1000 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  table(ev, c) {
    const pre = [
      ['随行付商户交易流水'],
      [`商户编号：${c.merchantId}    导出时间：2025-07-06 09:12:44`],
    ];
    const head = [
      '序号',
      '交易日期',
      '交易时间',
      '终端号',
      '卡类型',
      '交易类型',
      '交易金额',
      '手续费',
      '到账金额',
      '到账方式',
      '说明',
    ];
    const row = (e, i) => [
      String(i + 1),
      e.date,
      e.time,
      '99218877',
      e.kind === 'sale' || e.kind === 'refund' ? CN[e.card] : '',
      { sale: '消费', refund: '撤销', payout: '出款', fee: '扣款', credit: '入账' }[e.kind],
      comma(e.amount),
      yuan(e.kind === 'sale' ? e.fee : 0),
      comma(e.net),
      e.kind === 'payout' ? 'D0' : '',
      e.text || '',
    ];
    return { pre, head, row, foot: [['本页合计：' + ev.length + ' 笔']] };
  },
  container: 'html',
  html: { enc: 'gbk' },
});

// 07 汇付-like BIFF8 .xls: 收支方向 column with positive amounts, T0出款 with separate per-payout fee
add({
  stem: '07-huifu-biff8',
  ext: 'xls',
  format: 'xls',
  encoding: null,
  contract: contractOf(
    '汇付天下有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.52, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'service_fee', amountYuan: 29, every: 'month' }],
  ),
  gen: {
    seed: 707,
    start: '2025-03-03',
    days: 40,
    perDay: 7,
    payoutEvery: 2,
    payoutName: 'T0出款',
    payoutFee: { text: 'T0出款手续费', fen: 200 },
    baseRates: [
      { cardType: 'debit', percent: 0.52, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    fees: [
      { day: 1, text: '会员权益费', cat: 'service_fee', fen: 3900 },
      { day: 31, text: '会员权益费', cat: 'service_fee', fen: 2900 },
      { day: 18, text: '其他扣款', cat: 'other_deduction', fen: 5000 },
    ],
  },
  cardVisible: true,
  hasNet: false,
  table(ev) {
    const pre = [
      ['汇付天下 商户账务明细'],
      ['统计区间', `${slash(ev[0].date)}-${slash(ev.at(-1).date)}`],
    ];
    const head = ['记账时间', '业务类型', '卡类别', '收支方向', '金额', '手续费', '备注'];
    const row = (e) => [
      `${slash(e.date)} ${e.time}`,
      { sale: '刷卡收款', refund: '收款撤销', payout: '出款', fee: '扣费', credit: '返还' }[e.kind],
      e.kind === 'sale' || e.kind === 'refund' ? (e.card === 'debit' ? '借记' : '贷记') : '',
      e.amount >= 0 ? '收入' : '支出',
      yuan(Math.abs(e.amount)),
      e.kind === 'sale' ? yuan(e.fee) : '',
      e.text || '',
    ];
    return { pre, head, row, foot: [] };
  },
  container: 'biff8',
  sheetName: 'Sheet1',
});

// 08 建行-like bank POS statement PDF with text layer, several pages
add({
  stem: '08-ccb-pdf',
  ext: 'pdf',
  format: 'pdf',
  encoding: null,
  contract: contractOf(
    '中国建设银行股份有限公司',
    'bank',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.55 },
    ],
    [{ category: 'service_fee', amountYuan: 120, every: 'year' }],
  ),
  gen: {
    seed: 808,
    start: '2025-07-01',
    days: 20,
    perDay: 7,
    payoutEvery: 1,
    payoutName: '清算划款',
    shortfalls: 2,
    shortfallFen: 1800,
    addOnFen: 150,
    addOnShare: 0.04,
    fees: [
      { day: 3, text: '商户服务年费', cat: 'service_fee', fen: 12000 },
      { day: 12, text: '数据服务费', cat: 'traffic_fee', fen: 5800 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  pdf(ev, c) {
    const header = [
      '交易日期',
      '交易时间',
      '终端号',
      '卡类型',
      '交易类型',
      '交易金额',
      '手续费',
      '清算金额',
      '摘要',
    ];
    const rows = ev.map((e) => [
      e.date,
      e.time,
      '31021554',
      e.kind === 'sale' || e.kind === 'refund' ? CN[e.card] : '',
      { sale: '消费', refund: '退货', payout: '划款', fee: '扣费', credit: '返还' }[e.kind],
      yuan(e.amount),
      yuan(e.kind === 'sale' ? e.fee : 0),
      yuan(e.net),
      e.text || '',
    ]);
    return {
      title: '中国建设银行 商户POS交易对账单',
      info: [
        `商户编号：${c.merchantId}`,
        '商户名称：杭州西湖区清河坊茶舍',
        `账单周期：${ev[0].date} 至 ${ev.at(-1).date}`,
      ],
      header,
      rows,
      widths: [70, 60, 60, 55, 50, 80, 60, 80, 120],
    };
  },
});

// 09 通联-like Excel "Unicode 文本" export: UTF-16LE, tab separated, 附言 column
add({
  stem: '09-allinpay-utf16',
  ext: 'txt',
  format: 'csv',
  encoding: 'utf-16le',
  contract: contractOf(
    '通联支付网络服务股份有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'any', percent: 0.6 },
    ],
    [],
  ),
  gen: {
    seed: 909,
    start: '2025-02-01',
    days: 40,
    perDay: 7,
    payoutEvery: 1,
    payoutName: 'T1结算',
    fees: [
      { day: 0, text: 'SIM卡月租', cat: 'traffic_fee', fen: 1800 },
      { day: 28, text: 'SIM卡月租', cat: 'traffic_fee', fen: 1800 },
      { day: 7, text: '激活费', cat: 'deposit', fen: 9900 },
      { day: 8, text: '激活费返还', credit: true, fen: 9900 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  shortfallsNone: true,
  table() {
    const head = ['交易时间', '商户号', '交易类型', '卡类型', '金额', '手续费', '结算金额', '附言'];
    const row = (e) => [
      `${e.date} ${e.time}`,
      '562330058120001',
      { sale: '消费', refund: '退货', payout: '结算', fee: '费用', credit: '退费' }[e.kind],
      e.kind === 'sale' || e.kind === 'refund' ? CN[e.card] : '',
      yuan(e.amount),
      yuan(e.kind === 'sale' ? e.fee : 0),
      yuan(e.net),
      e.text || '',
    ];
    return { pre: [], head, row, foot: [] };
  },
  container: 'csv',
  csv: { enc: 'utf-16le', delim: '\t' },
});

// 10 富友-like CSV with amounts in fen (header says 分)
add({
  stem: '10-fuiou-fen',
  ext: 'csv',
  format: 'csv',
  encoding: 'utf-8',
  contract: contractOf(
    '富友支付股份有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'instant_settlement_fee', amountYuan: 2, every: 'month' }],
  ),
  gen: {
    seed: 1010,
    start: '2025-08-01',
    days: 45,
    perDay: 6,
    payoutEvery: 5,
    payoutName: '快速到账',
    payoutFee: { text: '快速到账费', fen: 200 },
    shortfalls: 1,
    shortfallFen: 990,
    fees: [{ day: 12, text: '4G流量包', cat: 'traffic_fee', fen: 4500 }],
  },
  cardVisible: true,
  hasNet: true,
  table() {
    const head = [
      '交易日期',
      '交易时间',
      '交易类型',
      '卡类型',
      '交易金额(分)',
      '手续费(分)',
      '清算金额(分)',
      '备注',
    ];
    const row = (e) => [
      e.date,
      e.time,
      { sale: '消费', refund: '退货', payout: '提现', fee: '扣费', credit: '返还' }[e.kind],
      e.kind === 'sale' || e.kind === 'refund' ? CN[e.card] : '',
      String(e.amount),
      String(e.kind === 'sale' ? e.fee : 0),
      String(e.net),
      e.text || '',
    ];
    return { pre: [['富友商户清算明细（金额单位：分）']], head, row, foot: [] };
  },
  container: 'csv',
  csv: { enc: 'utf-8' },
});

// 11 WeChat-Pay-like trade bill: backtick-prefixed fields, refunds in their own columns, fee and rate columns, summary block
add({
  stem: '11-wxpay-bill',
  ext: 'csv',
  format: 'csv',
  encoding: 'utf-8',
  wechat: true,
  contract: contractOf(
    '财付通支付科技有限公司',
    'payment_institution',
    [{ cardType: 'any', percent: 0.6 }],
    [],
  ),
  gen: {
    seed: 1111,
    start: '2025-09-01',
    days: 25,
    perDay: 12,
    payoutEvery: 0,
    baseRates: [{ cardType: 'any', percent: 0.6 }],
    rise: { from: '2025-09-16', percentExtra: 0.4 },
    refundNames: ['退款'],
    fees: [],
  },
  cardVisible: false,
  hasNet: false,
});

// 12 Alipay-like business detail: GBK, '#' preamble/footer lines, 服务费（元） is the transaction fee column
add({
  stem: '12-alipay-detail',
  ext: 'csv',
  format: 'csv',
  encoding: 'gb18030',
  alipay: true,
  contract: contractOf(
    '支付宝（中国）网络技术有限公司',
    'payment_institution',
    [{ cardType: 'any', percent: 0.6 }],
    [],
  ),
  gen: {
    seed: 1212,
    start: '2025-10-01',
    days: 25,
    perDay: 11,
    payoutEvery: 0,
    baseRates: [{ cardType: 'any', percent: 0.6 }],
    addOnFen: 100,
    addOnShare: 0.06,
    fees: [],
  },
  cardVisible: false,
  hasNet: false,
});

// 13 合利宝-like ledger CSV: 收入/支出 columns, running balance, fee column, 极速提现 payouts
add({
  stem: '13-helipay-ledger',
  ext: 'csv',
  format: 'csv',
  encoding: 'utf-8',
  ledger: true,
  contract: contractOf(
    '合利宝支付有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [
      { category: 'instant_settlement_fee', amountYuan: 1, every: 'month' },
      { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2025-04-15' },
    ],
  ),
  gen: {
    seed: 1313,
    start: '2025-04-01',
    days: 40,
    perDay: 7,
    payoutEvery: 2,
    payoutName: '极速提现',
    payoutFee: { text: '极速提现手续费', fen: 100 },
    fees: [
      { day: 20, text: '流量服务年费', cat: 'traffic_fee', fen: 9900 },
      { day: 21, text: '风险调账扣款', cat: 'other_deduction', fen: 12000 },
      { day: 25, text: '费率补贴', credit: true, fen: 880 },
    ],
  },
  cardVisible: true,
  hasNet: false,
});

// 14 Card acquirer with English headers, XLSX, no contract
add({
  stem: '14-english-nocontract',
  ext: 'xlsx',
  format: 'xlsx',
  encoding: null,
  contract: null,
  gen: {
    seed: 1414,
    start: '2025-05-05',
    days: 35,
    perDay: 8,
    payoutEvery: 1,
    payoutName: 'T+1 Settlement',
    shortfalls: 2,
    shortfallFen: 2500,
    fees: [
      { day: 3, text: 'Terminal SIM fee 流量费', cat: 'traffic_fee', fen: 9900 },
      { day: 9, text: 'Annual service fee 年费', cat: 'service_fee', fen: 29900 },
      { day: 17, text: 'Adjustment 调账', cat: 'other_deduction', fen: 3300 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  table() {
    const head = [
      'Txn Date',
      'Txn Time',
      'Terminal ID',
      'Card Type',
      'Txn Type',
      'Amount',
      'Fee',
      'Net Amount',
      'Description',
    ];
    const row = (e) => [
      e.date,
      e.time,
      'T0098812',
      e.kind === 'sale' || e.kind === 'refund' ? e.card.toUpperCase() : '',
      { sale: 'SALE', refund: 'REFUND', payout: 'SETTLEMENT', fee: 'FEE', credit: 'CREDIT' }[
        e.kind
      ],
      e.amount / 100,
      e.kind === 'sale' ? e.fee / 100 : 0,
      e.net / 100,
      e.text || '',
    ];
    return { pre: [], head, row, foot: [] };
  },
  container: 'xlsx',
  sheetName: 'Transactions',
  startRow: 1,
  startCol: 1,
});

// 15 POS agent (代理商) app export: GBK tab .txt, no contract, silent shortfalls
add({
  stem: '15-agent-gbk-tab',
  ext: 'txt',
  format: 'csv',
  encoding: 'gb18030',
  contract: null,
  gen: {
    seed: 1515,
    start: '2025-06-10',
    days: 30,
    perDay: 7,
    payoutEvery: 1,
    payoutName: 'D0提现',
    payoutFee: { text: '垫资费', fen: 300 },
    shortfalls: 3,
    shortfallFen: 1500,
    fees: [{ day: 4, text: '押金扣款', cat: 'deposit', fen: 19900 }],
  },
  cardVisible: true,
  hasNet: true,
  table() {
    const head = ['时间', '类型', '卡', '刷卡金额', '扣率手续费', '到账', '说明'];
    const row = (e) => [
      `${slash(e.date)} ${e.time}`,
      { sale: '刷卡', refund: '撤销', payout: '提现', fee: '扣款', credit: '返还' }[e.kind],
      e.kind === 'sale' || e.kind === 'refund' ? (e.card === 'debit' ? '借' : '贷') : '',
      yuan(e.amount),
      yuan(e.kind === 'sale' ? e.fee : 0),
      yuan(e.net),
      e.text || '',
    ];
    return {
      pre: [['代理商：鑫达商务服务部'], ['商户：兰州城关区老马牛肉面']],
      head,
      row,
      foot: [['合计', '', '', '', '', '', '']],
    };
  },
  container: 'csv',
  csv: { enc: 'gbk', delim: '\t' },
});

// 16 合伙人-style BIFF8 .xls with two terminals, 中文日期, monthly-agreed instant fee taken per payout
add({
  stem: '16-twoterm-biff8',
  ext: 'xls',
  format: 'xls',
  encoding: null,
  contract: contractOf(
    '广州合众易宝支付有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [
      { category: 'instant_settlement_fee', amountYuan: 3, every: 'month' },
      { category: 'deposit', amountYuan: 99, every: 'once' },
    ],
  ),
  gen: {
    seed: 1616,
    start: '2025-03-01',
    days: 50,
    perDay: 6,
    payoutEvery: 7,
    payoutName: 'D0秒到',
    payoutFee: { text: '秒到手续费', fen: 300 },
    fees: [
      { day: 0, text: '激活押金', cat: 'deposit', fen: 9900 },
      { day: 40, text: '保证金', cat: 'deposit', fen: 9900 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  table() {
    const head = [
      '终端号',
      '交易日期',
      '交易时间',
      '交易类型',
      '卡类型',
      '交易金额',
      '手续费',
      '结算金额',
      '摘要',
    ];
    const row = (e, i) => [
      i % 3 === 0 ? 'P2000301' : 'P2000302',
      cnDate(e.date),
      e.time,
      { sale: '消费', refund: '撤销', payout: '提现', fee: '扣款', credit: '返还' }[e.kind],
      e.kind === 'sale' || e.kind === 'refund' ? CN[e.card] : '',
      e.amount / 100,
      e.kind === 'sale' ? e.fee / 100 : 0,
      e.net / 100,
      e.text || '',
    ];
    return {
      pre: [['交易明细查询结果'], []],
      head,
      row,
      foot: [['总计', '', '', '', '', '', '', '', '']],
    };
  },
  container: 'biff8',
  sheetName: '明细',
});

// 17 payment-institution PDF without a card type column (highest rate applies), fee refund and subsidy credits
add({
  stem: '17-pi-pdf-nocard',
  ext: 'pdf',
  format: 'pdf',
  encoding: null,
  contract: contractOf(
    '北京钱袋宝支付技术有限公司',
    'payment_institution',
    [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    [{ category: 'traffic_fee', amountYuan: 30, every: 'quarter' }],
  ),
  gen: {
    seed: 1717,
    start: '2025-04-01',
    days: 24,
    perDay: 6,
    payoutEvery: 1,
    payoutName: '日结到账',
    rise: { from: '2025-04-15', percentExtra: 0.15 },
    fees: [
      { day: 2, text: '通讯服务费', cat: 'traffic_fee', fen: 3000 },
      { day: 16, text: '通讯服务费', cat: 'traffic_fee', fen: 3000 },
      { day: 10, text: '手续费返还', credit: true, fen: 1544 },
      { day: 12, text: '新商户补贴', credit: true, fen: 2000 },
    ],
  },
  cardVisible: false,
  hasNet: false,
  pdf(ev, c) {
    const header = ['日期', '时间', '业务', '金额(元)', '手续费(元)', '说明'];
    const rows = ev.map((e) => [
      e.date,
      e.time,
      { sale: '收款', refund: '退款', payout: '到账', fee: '扣费', credit: '返还' }[e.kind],
      yuan(e.amount),
      yuan(e.kind === 'sale' ? e.fee : 0),
      e.text || '',
    ]);
    return {
      title: '钱袋宝 商户账单',
      info: [`商户号 ${c.merchantId}`, `账期 ${ev[0].date} ~ ${ev.at(-1).date}`],
      header,
      rows,
      widths: [80, 70, 60, 90, 90, 200],
    };
  },
});

// 18 富友/小微 HTML-as-.xls in UTF-8 with <th> header, ISO T timestamps
add({
  stem: '18-htmlxls-utf8',
  ext: 'xls',
  format: 'html',
  encoding: 'utf-8',
  contract: contractOf(
    '中国农业银行股份有限公司',
    'bank',
    [
      { cardType: 'debit', percent: 0.45, capYuan: 18 },
      { cardType: 'credit', percent: 0.52 },
    ],
    [{ category: 'service_fee', amountYuan: 50, every: 'month', startsAfter: '2025-09-01' }],
  ),
  gen: {
    seed: 1818,
    start: '2025-08-10',
    days: 40,
    perDay: 7,
    payoutEvery: 1,
    payoutName: '清算入账',
    shortfalls: 2,
    shortfallFen: 4000,
    fees: [
      { day: 5, text: '系统使用费', cat: 'service_fee', fen: 5000 },
      { day: 25, text: '系统使用费', cat: 'service_fee', fen: 5000 },
      { day: 33, text: '系统使用费', cat: 'service_fee', fen: 5000 },
    ],
  },
  cardVisible: true,
  hasNet: true,
  table() {
    const head = [
      '交易时间',
      '交易类型',
      '借贷标识',
      '交易金额',
      '手续费金额',
      '入账金额',
      '交易说明',
      '参考号',
    ];
    const row = (e) => [
      `${e.date}T${e.time}+08:00`,
      { sale: '消费', refund: '退货', payout: '清算', fee: '扣费', credit: '返还' }[e.kind],
      e.kind === 'sale' || e.kind === 'refund' ? (e.card === 'debit' ? '借记' : '贷记') : '',
      `￥${comma(e.amount)}`,
      `￥${yuan(e.kind === 'sale' ? e.fee : 0)}`,
      `￥${comma(e.net)}`,
      e.text || '',
      e.ref,
    ];
    return { pre: [['农行商户对账单']], head, row, foot: [] };
  },
  container: 'html',
  html: { enc: 'utf-8' },
});

// 19 招行-like SMS notifications exported from a phone: UTF-16BE with BOM, '----' separators
add({
  stem: '19-cmb-sms-utf16be',
  ext: 'txt',
  format: 'sms',
  encoding: 'utf-16be',
  contract: contractOf(
    '招商银行股份有限公司',
    'bank',
    [{ cardType: 'any', percent: 0.55 }],
    [{ category: 'service_fee', amountYuan: 199, every: 'year' }],
  ),
  gen: {
    seed: 1919,
    start: '2025-10-01',
    days: 30,
    perDay: 4,
    payoutEvery: 1,
    payoutName: '结算',
    baseRates: [{ cardType: 'any', percent: 0.55 }],
    addOnFen: 200,
    addOnShare: 0.08,
    fees: [
      { day: 1, text: 'POS年费', cat: 'service_fee', fen: 19900 },
      { day: 15, text: 'POS流量费', cat: 'traffic_fee', fen: 9900 },
    ],
  },
  cardVisible: false,
  hasNet: false,
  sms: true,
  cmb: true,
});

// ---------------------------------------------------------------------------------------------
function smsText(e, s, i) {
  const d = e.date;
  if (s.cmb) {
    if (e.kind === 'sale')
      return `您的商户POS于${cnDate(d)}${e.time.slice(0, 5)}收款人民币${comma(e.amount)}元，手续费${yuan(e.fee)}元。【招商银行】`;
    if (e.kind === 'refund')
      return `您的商户POS于${d} ${e.time.slice(0, 5)}退货人民币${comma(-e.amount)}元。【招商银行】`;
    if (e.kind === 'payout')
      return `您尾号6612的账户${cnDate(d)}收到POS结算款人民币${comma(-e.amount)}元。【招商银行】`;
    if (e.kind === 'fee')
      return `您尾号6612的账户${cnDate(d)}被扣收${e.text}人民币${yuan(-e.amount)}元。【招商银行】`;
    return `您尾号6612的账户${cnDate(d)}收到${e.text}人民币${yuan(e.amount)}元。【招商银行】`;
  }
  const wrap = i % 7 === 3;
  if (e.kind === 'sale')
    return `【乐刷】交易提醒：${d} ${e.time.slice(0, 5)} 您的终端成功收款${comma(e.amount)}元，${wrap ? '\n' : ''}扣除手续费${yuan(e.fee)}元。`;
  if (e.kind === 'refund')
    return `【乐刷】${d} ${e.time.slice(0, 5)} 您的终端发生退货一笔，金额${comma(-e.amount)}元。`;
  if (e.kind === 'payout')
    return `【乐刷】您于${cnDate(d)}发起的${e.text}${comma(-e.amount)}元已到账，${wrap ? '\n' : ''}请注意查收。`;
  if (e.kind === 'fee')
    return `【乐刷】尊敬的商户，${cnDate(d)}已从您的结算资金中扣收${e.text}${yuan(-e.amount)}元。退订回T`;
  return `【乐刷】${cnDate(d)}，${e.text}${yuan(e.amount)}元已退回至您的结算账户。`;
}

function utf16be(text) {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) {
    const t = le[i];
    le[i] = le[i + 1];
    le[i + 1] = t;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

async function build(s) {
  const ev = generate({ ...s.gen, contract: s.contract });
  const file = `${s.stem}.${s.ext}`;
  const contractFile = s.contract ? `${s.stem}.contract.json` : null;
  const findings = label(ev, s.contract, { cardVisible: s.cardVisible, hasNet: s.hasNet });
  const loc = new Map();
  let bytes,
    headerRow = null,
    sheets = null;
  if (s.sms) {
    const msgs = ev.map((e, i) => smsText(e, s, i));
    ev.forEach((e, i) => loc.set(e, { row: i + 1 }));
    const text = s.cmb ? msgs.join('\n----\n') + '\n' : msgs.join('\n\n') + '\n';
    bytes = s.encoding === 'utf-16be' ? utf16be(text) : Buffer.from(text, 'utf8');
  } else if (s.bankAccount) {
    // the account only sees what reaches it: settlement credits, fee debits and refund credits
    const kept = ev.filter((e) => e.kind === 'payout' || e.kind === 'fee' || e.kind === 'credit');
    let bal = 1523400;
    const rows = [
      ['中国工商银行 对公账户明细'],
      ['账号', '4402 2301 0900 0187 665'],
      ['户名', '佛山市禅城区南庄陶艺坊'],
      ['交易日期', '摘要', '借方发生额', '贷方发生额', '余额', '对方户名', '流水号'],
    ];
    headerRow = 4;
    for (const e of kept) {
      const inflow = e.kind === 'payout' ? -e.amount : e.amount > 0 ? e.amount : 0;
      const out = e.kind === 'fee' ? -e.amount : 0;
      bal += inflow - out;
      rows.push([
        slash(e.date),
        e.kind === 'payout' ? e.text : e.text,
        out ? comma(out) : '',
        inflow ? comma(inflow) : '',
        comma(bal),
        e.kind === 'payout' ? '银联商务股份有限公司' : '中国工商银行',
        e.ref,
      ]);
      loc.set(e, { row: rows.length });
    }
    rows.push(['本页合计', '', '', '', '', '', '']);
    ev.length = 0;
    ev.push(...kept);
    bytes = writeDelimited(rows, { enc: 'gbk' });
  } else if (s.wechat) {
    const bt = (v) => `\`${v}`;
    const head = [
      '交易时间',
      '公众账号ID',
      '商户号',
      '设备号',
      '微信订单号',
      '商户订单号',
      '交易类型',
      '交易状态',
      '应结订单金额',
      '微信退款单号',
      '退款金额',
      '退款状态',
      '商品名称',
      '手续费',
      '费率',
      '订单金额',
    ];
    const rows = [head];
    let tot = 0,
      fees = 0,
      ref = 0;
    for (const e of ev) {
      if (e.kind === 'sale') {
        tot += e.amount;
        fees += e.fee;
        rows.push(
          [
            e.date + ' ' + e.time,
            'wx8a7c1b2d3e4f5a6b',
            '1601234567',
            'POS01',
            `4200002${e.ref}000`,
            `M${e.ref}`,
            'MICROPAY',
            'SUCCESS',
            yuan(e.amount),
            '0',
            '0.00',
            '',
            '堂食',
            yuan(e.fee),
            e.fee * 10000 >= e.amount * 70 ? '1.00%' : '0.60%',
            yuan(e.amount),
          ].map(bt),
        );
      } else {
        ref += -e.amount;
        rows.push(
          [
            e.date + ' ' + e.time,
            'wx8a7c1b2d3e4f5a6b',
            '1601234567',
            'POS01',
            `4200002${e.ref}000`,
            `M${e.ref}`,
            'MICROPAY',
            'REFUND',
            '0.00',
            `5030${e.ref}`,
            yuan(-e.amount),
            'SUCCESS',
            '堂食',
            '0.00',
            '0.60%',
            yuan(-e.amount),
          ].map(bt),
        );
      }
      loc.set(e, { row: rows.length });
    }
    rows.push([
      '总交易单数',
      '应结订单总金额',
      '退款总金额',
      '充值券退款总金额',
      '手续费总金额',
      '订单总金额',
      '申请退款总金额',
    ]);
    rows.push(
      [ev.length, yuan(tot), yuan(ref), '0.00', yuan(fees), yuan(tot), yuan(ref)].map((v) => bt(v)),
    );
    headerRow = 1;
    bytes = writeDelimited(rows, { enc: 'utf-8', eol: '\r\n' });
  } else if (s.alipay) {
    const lines = [
      '#支付宝业务明细查询',
      '#账号：[20885021****3301]',
      `#起始日期：[${ev[0].date} 00:00:00]   终止日期：[${ev.at(-1).date} 23:59:59]`,
      '#-----------------------------------------业务明细列表----------------------------------------',
    ];
    const head = [
      '支付宝交易号',
      '商户订单号',
      '业务类型',
      '商品名称',
      '创建时间',
      '完成时间',
      '门店编号',
      '门店名称',
      '操作员',
      '终端号',
      '对方账户',
      '订单金额（元）',
      '商家实收（元）',
      '支付宝红包（元）',
      '集分宝（元）',
      '支付宝优惠（元）',
      '商家优惠（元）',
      '券核销金额（元）',
      '券名称',
      '商家红包消费金额（元）',
      '卡消费金额（元）',
      '退款批次号/请求号',
      '服务费（元）',
      '分润（元）',
      '备注',
    ];
    const rows = lines.map((l) => [l]);
    rows.push(head);
    headerRow = rows.length;
    for (const e of ev) {
      const sale = e.kind === 'sale';
      rows.push([
        `2025${e.ref}${e.ref.slice(0, 8)}`,
        `NO${e.ref}`,
        sale ? '交易' : '退款',
        '餐饮消费',
        `${e.date} ${e.time}`,
        `${e.date} ${e.time}`,
        'MD001',
        '南山店',
        '收银员01',
        '',
        `${e.ref.slice(0, 3)}***@qq.com`,
        yuan(e.amount),
        yuan(e.amount),
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '',
        '0.00',
        '0.00',
        sale ? '' : `R${e.ref}`,
        yuan(sale ? -e.fee : 0),
        '0.00',
        '',
      ]);
      loc.set(e, { row: rows.length });
    }
    const sales = ev.filter((e) => e.kind === 'sale');
    rows.push([
      '#-----------------------------------------业务明细列表结束------------------------------------',
    ]);
    rows.push([
      `#交易合计：${sales.length}笔，商家实收共${yuan(sales.reduce((a, e) => a + e.amount, 0))}元，服务费共${yuan(sales.reduce((a, e) => a + e.fee, 0))}元`,
    ]);
    rows.push(['#导出时间：[2025-10-26 10:02:11]']);
    bytes = writeDelimited(rows, { enc: 'gbk', delim: ',' });
  } else if (s.ledger) {
    let bal = 0;
    const rows = [
      ['合利宝 商户资金流水'],
      ['日期', '时间', '业务类型', '交易金额', '手续费', '收入', '支出', '余额', '说明'],
    ];
    headerRow = 2;
    for (const e of ev) {
      const inc = e.kind === 'sale' ? e.net : e.kind === 'credit' ? e.amount : 0;
      const out = e.kind === 'refund' || e.kind === 'payout' || e.kind === 'fee' ? -e.amount : 0;
      bal += inc - out;
      rows.push([
        e.date,
        e.time,
        { sale: '刷卡收款', refund: '退货', payout: '提现', fee: '扣费', credit: '补贴入账' }[
          e.kind
        ],
        e.kind === 'sale' || e.kind === 'refund' ? `¥${comma(Math.abs(e.amount))}` : '',
        e.kind === 'sale' ? `¥${yuan(e.fee)}` : '',
        inc ? `¥${comma(inc)}` : '',
        out ? `(¥${comma(out)})` : '',
        `¥${comma(bal)}`,
        e.text || '',
      ]);
      loc.set(e, { row: rows.length });
    }
    bytes = writeDelimited(rows, { enc: 'utf-8', bom: true });
  } else if (s.pdf) {
    const p = s.pdf(ev, s.contract || {});
    bytes = await writePdf({
      title: p.title,
      info: p.info,
      header: p.header,
      records: p.rows,
      widths: p.widths,
      perPage: 38,
      footer: [`合计笔数：${ev.length}`],
    });
    ev.forEach((e, i) => loc.set(e, { page: Math.floor(i / 38) + 1, row: i + 1 }));
  } else {
    const t = s.table(ev, s.contract || { merchantId: '822581054110032' });
    const rows = [...t.pre, t.head, ...ev.map((e, i) => t.row(e, i)), ...t.foot];
    headerRow = t.pre.length + 1;
    const off = (s.startRow || 1) - 1;
    ev.forEach((e, i) =>
      loc.set(e, {
        ...(s.notesSheet ? { sheet: s.sheetName } : {}),
        row: off + t.pre.length + 2 + i,
      }),
    );
    if (s.container === 'csv') bytes = writeDelimited(rows, s.csv);
    else if (s.container === 'html')
      bytes = writeHtmlXls(rows, { ...s.html, headerIndex: t.pre.length, ncols: t.head.length });
    else if (s.container === 'xlsx') {
      const shs = [];
      if (s.notesSheet) {
        shs.push({
          name: s.notesSheet,
          rows: [
            ['说明：本表由系统自动生成，金额单位为元。'],
            ['清算日期为资金清算日，交易时间为实际刷卡时间。'],
          ],
        });
        sheets = [s.notesSheet, s.sheetName];
      }
      shs.push({ name: s.sheetName, rows, startRow: s.startRow, startCol: s.startCol });
      bytes = await writeXlsx(shs);
      headerRow = off + headerRow;
    } else if (s.container === 'biff8') {
      bytes = writeBiff8([{ name: s.sheetName, rows }]);
    }
  }
  fs.writeFileSync(path.join(OUT, file), bytes);
  if (s.contract)
    fs.writeFileSync(path.join(OUT, contractFile), JSON.stringify(s.contract, null, 2) + '\n');
  const exp = expectedJson({
    file,
    contractFile,
    format: s.format,
    encoding: s.encoding,
    sheets,
    headerRow,
    records: ev.length,
    ev,
    findings,
    rowOf: (e) => loc.get(e),
    extra: { seed: s.gen.seed },
  });
  fs.writeFileSync(path.join(OUT, `${s.stem}.expected.json`), JSON.stringify(exp, null, 1) + '\n');
  return exp;
}

for (const s of statements) {
  const exp = await build(s);
  console.log(
    `${s.stem.padEnd(24)} records=${String(exp.records).padStart(4)} findings=${String(exp.findings.length).padStart(3)} unauth=${String(exp.counts.unauthorized).padStart(3)} claim=${exp.claim.total}`,
  );
}
void rng;
void int;
