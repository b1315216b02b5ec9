// Red team 5 (issue #11): fee-name vocabulary, PDFs, aggregator bills, contract periods, English statements.
//   node bench/outside/rt5/gen.mjs            -> test/fixtures/outside/rt5
//   OUT_DIR=/tmp/rt5 node bench/outside/rt5/gen.mjs [stem-prefix ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate, label, expected, yuan } from './model.mjs';
import { writeCsv, writeXlsx, writePdf } from './render.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = process.env.OUT_DIR || path.resolve(HERE, '../../../test/fixtures/outside/rt5');
const only = process.argv.slice(2);

const Y = (f) => yuan(f);
const cardZh = (e) => (e.card === 'debit' ? '借记卡' : e.card === 'credit' ? '贷记卡' : '');
const ts = (e) => `${e.date} ${e.time}`;
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const enDate = (e) =>
  `${e.date.slice(8)} ${MON[Number(e.date.slice(5, 7)) - 1]} ${e.date.slice(0, 4)}`;
const typeZh = (e, t = {}) =>
  ({
    sale: t.sale || '消费',
    refund: t.refund || '退货',
    payout: t.payout || '结算',
    fee: t.fee || '扣费',
    credit: t.credit || '调账入账',
    cardfee: t.cardfee || '手续费',
  })[e.kind];
const contract = (o) => ({
  provider: o.provider,
  providerType: o.type || 'payment_institution',
  merchantId: o.mid || '898310058120447',
  signedAt: o.signed || '2024-06-01',
  rates: o.rates,
  perTransactionFeeYuan: o.perTx || 0,
  agreedCharges: o.agreed || [],
});
const STD = [
  { cardType: 'debit', percent: 0.5, capYuan: 20 },
  { cardType: 'credit', percent: 0.6 },
];
const total = (ev, k, f = () => true) => ev.filter(f).reduce((s, e) => s + e[k], 0);

const S = [];

// 01 拉卡拉-style CSV: SIM/data fee names, yearly with a free first year; payouts named after speed; fee refunds as credits
S.push({
  stem: 'rt5-01-lkl-sim',
  ext: 'csv',
  contract: contract({
    provider: '拉卡拉支付股份有限公司',
    rates: STD,
    agreed: [{ category: 'traffic_fee', amountYuan: 69, every: 'year', startsAfter: '2025-03-15' }],
  }),
  sim: {
    from: '2025-02-01',
    to: '2025-04-30',
    perDay: [4, 8],
    fees: [
      { date: '2025-02-10', name: '流量卡服务费', cat: 'traffic_fee', amt: 6900 },
      { date: '2025-03-15', name: 'SIM卡年费(2025-2026)', cat: 'traffic_fee', amt: 6900 },
      { date: '2025-04-12', name: '终端通信服务年费', cat: 'traffic_fee', amt: 6900 },
    ],
    credits: [
      { date: '2025-02-20', name: '流量费退回', amt: 6900 },
      { date: '2025-03-03', name: '手续费返还', amt: 1234 },
    ],
    payoutNames: ['D0秒到提现', 'T1自动结算', '秒到提现'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      cols: [
        { h: '交易时间', get: ts },
        {
          h: '交易类型',
          get: (e) => typeZh(e, { payout: e.text, fee: '费用扣收', credit: '退费' }),
        },
        { h: '卡类型', get: cardZh },
        { h: '交易金额(元)', get: (e) => Y(e.amt) },
        { h: '手续费(元)', get: (e) => Y(e.fee) },
        { h: '结算金额(元)', get: (e) => Y(e.net) },
        { h: '备注', get: (e) => (e.kind === 'payout' ? '尾号6621' : e.text) },
        { h: '交易参考号', get: (e) => e.ref },
      ],
    }),
});

// 02 银联商务-style GBK CSV with preamble/totals: service/membership/software/SMS-alert names; monthly 29 agreed; credit rate rises
S.push({
  stem: 'rt5-02-ums-service',
  ext: 'csv',
  contract: contract({
    provider: '银联商务股份有限公司',
    rates: STD,
    agreed: [{ category: 'service_fee', amountYuan: 29, every: 'month' }],
  }),
  sim: {
    from: '2025-01-05',
    to: '2025-03-31',
    perDay: [3, 7],
    actualFee: (s) => {
      if (s.card === 'credit' && s.date >= '2025-02-18')
        return Math.floor((s.amt * 630 * 2 + 100000) / 200000);
      return s.card === 'debit'
        ? Math.min(2000, Math.floor((s.amt * 500 * 2 + 100000) / 200000))
        : Math.floor((s.amt * 600 * 2 + 100000) / 200000);
    },
    fees: [
      { date: '2025-01-08', name: '商户增值服务费', cat: 'service_fee', amt: 2900 },
      { date: '2025-01-20', name: '会员权益包月费', cat: 'service_fee', amt: 1990 },
      { date: '2025-02-08', name: '商户增值服务费', cat: 'service_fee', amt: 2900 },
      { date: '2025-02-16', name: '智能POS软件使用费', cat: 'service_fee', amt: 1500 },
      { date: '2025-03-08', name: '商户增值服务费', cat: 'service_fee', amt: 3900 },
      { date: '2025-03-21', name: '短信通知服务费', cat: 'service_fee', amt: 600 },
    ],
    credits: [{ date: '2025-02-25', name: '服务费退款', amt: 1500 }],
    payoutNames: ['结算划款'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      encoding: 'gb18030',
      preamble: [
        ['商户名称：', '杭州西溪小馆餐饮有限公司'],
        ['商户编号：', '898330158120447'],
        ['查询时间：', '2025-04-01 09:12:33'],
        ['统计区间：', '2025-01-05至2025-03-31'],
        [],
      ],
      cols: [
        { h: '清算日期', get: (e) => e.date.replace(/-/g, '') },
        { h: '交易时间', get: (e) => e.time },
        { h: '终端号', get: () => '50012231' },
        { h: '交易类型', get: (e) => typeZh(e, { fee: '其他', credit: '其他' }) },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => `¥${Y(e.amt).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}` },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '清算金额', get: (e) => Y(e.net) },
        { h: '摘要', get: (e) => e.text },
        { h: '检索参考号', get: (e) => e.ref },
      ],
      summary: (ev) => [
        [],
        ['合计', '', '', '', '', Y(total(ev, 'amt')), Y(total(ev, 'fee')), Y(total(ev, 'net'))],
        ['笔数', ev.length],
      ],
    }),
});

// 03 收钱吧-style XLSX: deposits/activation/device payments; a deposit agreed once; 押金退还 credit
S.push({
  stem: 'rt5-03-sqb-deposit',
  ext: 'xlsx',
  contract: contract({
    provider: '上海收钱吧互联网科技股份有限公司',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'deposit', amountYuan: 199, every: 'once' }],
  }),
  sim: {
    from: '2025-05-01',
    to: '2025-07-20',
    perDay: [3, 6],
    fees: [
      { date: '2025-05-03', name: '机具押金', cat: 'deposit', amt: 19900 },
      { date: '2025-05-09', name: '终端激活费', cat: 'deposit', amt: 9900 },
      { date: '2025-06-01', name: '机具款(分期1/3)', cat: 'deposit', amt: 6600 },
      { date: '2025-07-01', name: '机具款(分期2/3)', cat: 'deposit', amt: 6600 },
      { date: '2025-06-18', name: '服务保证金', cat: 'deposit', amt: 5000 },
    ],
    credits: [
      { date: '2025-07-15', name: '激活返现', amt: 5000 },
      { date: '2025-06-25', name: '押金退还', amt: 5000 },
    ],
    payoutNames: ['提现到银行卡'],
  },
  render: (p, ev) =>
    writeXlsx(p, ev, {
      sheet: '交易明细',
      preamble: [['收钱吧 交易明细'], ['门店：', '南京鼓楼一号店'], []],
      cols: [
        {
          h: '交易日期',
          get: (e) => new Date(`${e.date}T${e.time}Z`),
          numFmt: 'yyyy-mm-dd hh:mm:ss',
        },
        {
          h: '业务类型',
          get: (e) => typeZh(e, { sale: '收款', payout: '提现', fee: '扣款', credit: '入账' }),
        },
        { h: '支付方式', get: (e) => (e.kind === 'sale' ? '刷卡' : '') },
        { h: '金额', get: (e) => e.amt / 100, numFmt: '0.00' },
        { h: '手续费', get: (e) => e.fee / 100, numFmt: '0.00' },
        { h: '到账金额', get: (e) => e.net / 100, numFmt: '0.00' },
        { h: '说明', get: (e) => e.text },
        { h: '订单号', get: (e) => `SQB${e.ref}` },
      ],
      summary: (ev) => [
        [],
        [
          '总计',
          '',
          '',
          Number((total(ev, 'amt') / 100).toFixed(2)),
          Number((total(ev, 'fee') / 100).toFixed(2)),
          Number((total(ev, 'net') / 100).toFixed(2)),
        ],
      ],
    }),
});

// 04 乐刷-style CSV: fast-settlement add-ons under many names, none agreed; payouts named D0/T0/秒到/极速 are not fees
function speedFees(from, n, seedNames) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.parse(`${from}T00:00:00Z`) + i * 6 * 86400000)
      .toISOString()
      .slice(0, 10);
    out.push({
      date: d,
      name: seedNames[i % seedNames.length],
      cat: 'instant_settlement_fee',
      amt: [200, 300, 500][i % 3],
    });
  }
  return out;
}
S.push({
  stem: 'rt5-04-leshua-d0',
  ext: 'csv',
  contract: contract({ provider: '乐刷科技有限公司', rates: STD }),
  sim: {
    from: '2025-03-01',
    to: '2025-05-10',
    perDay: [3, 7],
    fees: speedFees('2025-03-02', 11, [
      '秒到服务费',
      'D0垫资手续费',
      'T0附加费',
      '实时到账服务费',
      '即时提现手续费',
      '提现手续费',
    ]),
    credits: [{ date: '2025-04-20', name: '秒到费返还', amt: 500 }],
    payoutNames: ['D0提现', 'T0出款', '极速到账', '秒到提现'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      sep: '\t',
      encoding: 'gb18030',
      cols: [
        { h: '交易日期', get: (e) => e.date.replace(/-/g, '/') },
        { h: '交易时间', get: (e) => e.time },
        {
          h: '交易类型',
          get: (e) => (e.kind === 'payout' ? e.text : typeZh(e, { fee: '费用', credit: '返还' })),
        },
        {
          h: '借贷记标识',
          get: (e) => (e.card === 'debit' ? '借' : e.card === 'credit' ? '贷' : ''),
        },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费金额', get: (e) => Y(e.fee) },
        { h: '入账金额', get: (e) => Y(e.net) },
        { h: '费用名称', get: (e) => (e.kind === 'fee' || e.kind === 'credit' ? e.text : '') },
        { h: '流水号', get: (e) => e.ref },
      ],
    }),
});

// 05 汇付-style CSV: per-card caps with an agreed per-transaction add-on; over-cap debits and a +3 add-on are overcharges
S.push({
  stem: 'rt5-05-huifu-addon',
  ext: 'csv',
  contract: contract({
    provider: '汇付天下有限公司',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6, capYuan: 50 },
    ],
    perTx: 1,
  }),
  sim: {
    from: '2025-04-01',
    to: '2025-06-15',
    perDay: [3, 6],
    actualFee: (s) => {
      const raw = (p, cap) => {
        const x = Math.floor((s.amt * p * 2 + 100000) / 200000);
        return cap ? Math.min(x, cap) : x;
      };
      const late = s.date >= '2025-05-20';
      if (s.card === 'debit') return raw(500, late ? 0 : 2000) + 100;
      return raw(600, 5000) + (late && s.amt > 100000 ? 300 : 100);
    },
    fees: [],
    payoutNames: ['结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      bom: true,
      cols: [
        { h: '交易时间', get: (e) => `${e.date.replace(/-/g, '.')} ${e.time}` },
        { h: '交易类型', get: (e) => typeZh(e, { sale: '刷卡消费' }) },
        {
          h: '卡类型',
          get: (e) => (e.card === 'debit' ? '借记' : e.card === 'credit' ? '贷记' : ''),
        },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费(含单笔附加)', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '订单号', get: (e) => `HF${e.ref}` },
      ],
    }),
});

// 06 随行付-style XLSX: service agreed per quarter (charged monthly), traffic agreed yearly from a start date
S.push({
  stem: 'rt5-06-vbill-quarter',
  ext: 'xlsx',
  contract: contract({
    provider: '随行付支付有限公司',
    rates: STD,
    agreed: [
      { category: 'service_fee', amountYuan: 90, every: 'quarter' },
      { category: 'traffic_fee', amountYuan: 48, every: 'year', startsAfter: '2025-04-01' },
    ],
  }),
  sim: {
    from: '2025-01-01',
    to: '2025-06-30',
    perDay: [2, 4],
    fees: [
      { date: '2025-01-10', name: '系统使用费', cat: 'service_fee', amt: 3000 },
      { date: '2025-02-10', name: '系统使用费', cat: 'service_fee', amt: 3000 },
      { date: '2025-03-10', name: '系统使用费', cat: 'service_fee', amt: 3000 },
      { date: '2025-04-10', name: '系统使用费', cat: 'service_fee', amt: 3000 },
      { date: '2025-05-10', name: '系统使用费', cat: 'service_fee', amt: 3000 },
      { date: '2025-06-10', name: '系统使用费', cat: 'service_fee', amt: 3000 },
      { date: '2025-03-31', name: '数据服务费', cat: 'traffic_fee', amt: 4800 },
      { date: '2025-04-01', name: '数据服务费', cat: 'traffic_fee', amt: 4800 },
    ],
    payoutNames: ['T1结算'],
  },
  render: (p, ev) =>
    writeXlsx(p, ev, {
      sheet: '明细',
      startCol: 2,
      preamble: [['随行付商户交易明细'], []],
      extraSheets: [
        {
          name: '汇总',
          before: true,
          rows: [
            ['商户名称', '成都锦江区晓风书店'],
            ['统计周期', '2025-01-01 至 2025-06-30'],
            ['交易笔数', 'see 明细'],
          ],
        },
      ],
      cols: [
        { h: '交易日期', get: (e) => e.date },
        { h: '交易时间', get: (e) => e.time },
        { h: '交易类型', get: (e) => typeZh(e, { fee: '扣款' }) },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => e.amt / 100 },
        { h: '手续费', get: (e) => e.fee / 100 },
        { h: '结算金额', get: (e) => e.net / 100 },
        { h: '扣款说明', get: (e) => e.text },
      ],
    }),
});

// 07 通联-style XLSX: rate rises mid-period (debit 0.5 -> 0.55, caps dropped) and a deposit agreed once before a date
S.push({
  stem: 'rt5-07-allinpay-rise',
  ext: 'xlsx',
  contract: contract({
    provider: '通联支付网络服务股份有限公司',
    rates: STD,
    agreed: [{ category: 'deposit', amountYuan: 99, every: 'once', startsAfter: '2025-08-01' }],
  }),
  sim: {
    from: '2025-07-01',
    to: '2025-09-20',
    perDay: [3, 6],
    actualFee: (s) => {
      const late = s.date >= '2025-08-16';
      if (s.card === 'debit') {
        const x = Math.floor((s.amt * (late ? 550 : 500) * 2 + 100000) / 200000);
        return late ? Math.min(x, 2500) : Math.min(x, 2000);
      }
      return Math.floor((s.amt * 600 * 2 + 100000) / 200000);
    },
    fees: [
      { date: '2025-07-20', name: '机具押金', cat: 'deposit', amt: 9900 },
      { date: '2025-08-01', name: '机具押金', cat: 'deposit', amt: 9900 },
    ],
    payoutNames: ['划款'],
  },
  render: (p, ev) =>
    writeXlsx(p, ev, {
      sheet: 'Sheet1',
      cols: [
        { h: '交易日期', get: (e) => new Date(`${e.date}T00:00:00Z`), numFmt: 'yyyy/m/d' },
        { h: '类型', get: (e) => typeZh(e) },
        {
          h: '卡种',
          get: (e) => (e.card === 'debit' ? 'DEBIT' : e.card === 'credit' ? 'CREDIT' : ''),
        },
        { h: '发生额', get: (e) => e.amt / 100 },
        { h: '手续费', get: (e) => e.fee / 100 },
        { h: '实际清算', get: (e) => e.net / 100 },
        { h: '摘要', get: (e) => e.text },
        { h: '参考号', get: (e) => e.ref },
      ],
    }),
});

// 08 建行-style acquiring PDF, landscape, summary page first, right-aligned amounts, 本页小计 per page
S.push({
  stem: 'rt5-08-ccb-pdf',
  ext: 'pdf',
  contract: contract({
    provider: '中国建设银行股份有限公司',
    type: 'bank',
    rates: STD,
    agreed: [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }],
  }),
  sim: {
    from: '2025-03-01',
    to: '2025-04-15',
    perDay: [3, 6],
    fees: [
      { date: '2025-03-05', name: 'POS终端通讯费', cat: 'traffic_fee', amt: 3600 },
      { date: '2025-04-05', name: 'POS终端通讯费', cat: 'traffic_fee', amt: 3600 },
      { date: '2025-03-18', name: '收单增值服务年费', cat: 'service_fee', amt: 36500 },
    ],
    credits: [{ date: '2025-03-25', name: '商户手续费优惠返还', amt: 2366 }],
    payoutNames: ['清算入账'],
  },
  render: (p, ev) =>
    writePdf(p, ev, {
      title: '中国建设银行 商户交易明细对账单',
      landscape: true,
      perPage: 28,
      summaryPage: (ev) => [
        '商户名称：武汉江汉路好味道餐饮店',
        '商户编号：105420158120447',
        '对账期间：2025-03-01 至 2025-04-15',
        `交易笔数：${ev.filter((e) => e.kind === 'sale').length}`,
        `交易总金额：${Y(total(ev, 'amt', (e) => e.kind === 'sale'))}`,
        `手续费合计：${Y(total(ev, 'fee'))}`,
      ],
      cols: [
        { h: '交易日期', w: 70, get: (e) => e.date },
        { h: '交易时间', w: 55, get: (e) => e.time },
        { h: '终端号', w: 60, get: () => '12040077' },
        { h: '卡类型', w: 50, get: cardZh },
        { h: '交易类型', w: 60, get: (e) => typeZh(e, { payout: '清算', fee: '费用' }) },
        { h: '交易金额', w: 80, align: 'right', get: (e) => Y(e.amt) },
        { h: '手续费', w: 60, align: 'right', get: (e) => Y(e.fee) },
        { h: '清算金额', w: 80, align: 'right', get: (e) => Y(e.net) },
        { h: '备注', w: 130, get: (e) => e.text },
        { h: '参考号', w: 90, get: (e) => e.ref },
      ],
      pageTotal: (pg) =>
        `本页小计：笔数 ${pg.length}  交易金额 ${Y(total(pg, 'amt'))}  手续费 ${Y(total(pg, 'fee'))}  清算金额 ${Y(total(pg, 'net'))}`,
      foot: (i, n) => `第 ${i} 页 / 共 ${n} 页`,
    }),
});

// 09 富友-style PDF, portrait, two-line 摘要 cells, 借方/贷方 columns with a running balance (no sale-level fee column)
S.push({
  stem: 'rt5-09-fuiou-wrap',
  ext: 'pdf',
  contract: contract({
    provider: '上海富友支付服务股份有限公司',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'service_fee', amountYuan: 199, every: 'year' }],
  }),
  sim: {
    from: '2025-06-01',
    to: '2025-07-15',
    perDay: [3, 5],
    cards: false,
    fees: [
      { date: '2025-06-03', name: '富友商户会员年费（2025年度）', cat: 'service_fee', amt: 19900 },
      { date: '2025-06-28', name: '智能收银系统软件服务费（按月）', cat: 'service_fee', amt: 2900 },
      { date: '2025-07-02', name: '终端4G流量卡费用（年付）', cat: 'traffic_fee', amt: 5800 },
      { date: '2025-07-09', name: '差错调账扣款（6月交易）', cat: 'other_deduction', amt: 1288 },
    ],
    credits: [{ date: '2025-06-20', name: '营销活动补贴入账', amt: 3000 }],
    payoutNames: ['结算款划付至尾号0383'],
  },
  render: (p, ev) => {
    let bal = 500000;
    for (const e of ev) {
      bal += e.net;
      e.bal = bal;
    }
    return writePdf(p, ev, {
      title: '富友支付 商户资金流水',
      perPage: 32,
      head: [
        '商户：广州天河区米芝莲甜品店    期间：2025-06-01 至 2025-07-15',
        '币种：人民币  单位：元',
      ],
      cols: [
        { h: '记账日期', w: 95, get: (e) => `${e.date} ${e.time.slice(0, 5)}` },
        {
          h: '摘要',
          w: 150,
          wrap: 12,
          get: (e) =>
            e.kind === 'sale'
              ? `刷卡收款 交易额${Y(e.amt)} 手续费${Y(e.fee)}`
              : e.kind === 'refund'
                ? `退货 ${Y(-e.amt)}`
                : e.text,
        },
        { h: '借方发生额', w: 75, align: 'right', get: (e) => (e.net < 0 ? Y(-e.net) : '') },
        { h: '贷方发生额', w: 75, align: 'right', get: (e) => (e.net > 0 ? Y(e.net) : '') },
        { h: '余额', w: 80, align: 'right', get: (e) => Y(e.bal) },
        { h: '流水号', w: 75, get: (e) => e.ref },
      ],
      foot: (i, n) => `${i}/${n}`,
    });
  },
});

// 10 English CSV from a foreign-invested acquirer
S.push({
  stem: 'rt5-10-en-csv',
  ext: 'csv',
  contract: contract({
    provider: 'Pacific Merchant Services (Shanghai) Co., Ltd.',
    rates: [
      { cardType: 'debit', percent: 0.55, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    agreed: [{ category: 'service_fee', amountYuan: 50, every: 'month' }],
  }),
  sim: {
    from: '2025-02-01',
    to: '2025-04-30',
    perDay: [3, 6],
    fees: [
      { date: '2025-02-04', name: 'Monthly platform subscription', cat: 'service_fee', amt: 5000 },
      { date: '2025-03-04', name: 'Monthly platform subscription', cat: 'service_fee', amt: 5000 },
      { date: '2025-03-19', name: 'Terminal data plan fee', cat: 'traffic_fee', amt: 9600 },
      { date: '2025-04-04', name: 'Monthly platform subscription', cat: 'service_fee', amt: 6500 },
      {
        date: '2025-04-11',
        name: 'Instant settlement surcharge',
        cat: 'instant_settlement_fee',
        amt: 800,
      },
      { date: '2025-04-22', name: 'Terminal security deposit', cat: 'deposit', amt: 30000 },
    ],
    credits: [{ date: '2025-03-28', name: 'Fee rebate', amt: 2400 }],
    payoutNames: ['Settlement to bank account', 'Instant payout'],
    refundNames: ['Refund'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      eol: '\n',
      preamble: [
        'Merchant Statement',
        'Merchant ID,898310058120447',
        'Period,01 Feb 2025 - 30 Apr 2025',
        '',
      ],
      cols: [
        { h: 'Transaction Date', get: (e) => `${enDate(e)} ${e.time}` },
        {
          h: 'Type',
          get: (e) =>
            ({
              sale: 'SALE',
              refund: 'REFUND',
              payout: 'PAYOUT',
              fee: 'CHARGE',
              credit: 'ADJUSTMENT CREDIT',
            })[e.kind],
        },
        { h: 'Card Type', get: (e) => (e.card ? e.card.toUpperCase() : '') },
        { h: 'Gross Amount (CNY)', get: (e) => Y(e.amt) },
        { h: 'MDR', get: (e) => Y(e.fee) },
        { h: 'Net Amount', get: (e) => Y(e.net) },
        { h: 'Description', get: (e) => e.text },
        { h: 'Reference', get: (e) => `PMS${e.ref}` },
      ],
      summary: (ev) => [
        '',
        `Total,,,${Y(total(ev, 'amt'))},${Y(total(ev, 'fee'))},${Y(total(ev, 'net'))}`,
      ],
    }),
});

// 11 English PDF from the same kind of acquirer
S.push({
  stem: 'rt5-11-en-pdf',
  ext: 'pdf',
  contract: contract({
    provider: 'Pacific Merchant Services (Shanghai) Co., Ltd.',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'traffic_fee', amountYuan: 120, every: 'year' }],
  }),
  sim: {
    from: '2025-05-01',
    to: '2025-06-10',
    perDay: [3, 6],
    fees: [
      { date: '2025-05-06', name: 'SIM card annual fee', cat: 'traffic_fee', amt: 12000 },
      { date: '2025-05-27', name: 'SIM card annual fee', cat: 'traffic_fee', amt: 12000 },
      { date: '2025-06-02', name: 'POS activation fee', cat: 'deposit', amt: 9900 },
      {
        date: '2025-06-06',
        name: 'Same-day settlement fee',
        cat: 'instant_settlement_fee',
        amt: 500,
      },
    ],
    credits: [{ date: '2025-05-30', name: 'Reversal of SIM card fee', amt: 12000 }],
    payoutNames: ['Next-day settlement', 'T+0 payout'],
    refundNames: ['Refund'],
  },
  render: (p, ev) =>
    writePdf(p, ev, {
      title: 'Merchant Transaction Statement',
      perPage: 38,
      head: [
        'Merchant: Harbour Coffee Roasters (Shenzhen)   MID 898440058120447',
        'Statement period: 01 May 2025 - 10 Jun 2025   Currency: CNY',
      ],
      cols: [
        { h: 'Date', w: 65, get: enDate },
        { h: 'Time', w: 45, get: (e) => e.time },
        {
          h: 'Type',
          w: 55,
          get: (e) =>
            ({ sale: 'Sale', refund: 'Refund', payout: 'Payout', fee: 'Charge', credit: 'Credit' })[
              e.kind
            ],
        },
        {
          h: 'Card',
          w: 40,
          get: (e) => (e.card === 'debit' ? 'Debit' : e.card === 'credit' ? 'Credit' : ''),
        },
        { h: 'Amount', w: 65, align: 'right', get: (e) => Y(e.amt) },
        { h: 'Fee', w: 45, align: 'right', get: (e) => Y(e.fee) },
        { h: 'Net', w: 65, align: 'right', get: (e) => Y(e.net) },
        { h: 'Details', w: 120, get: (e) => e.text },
        { h: 'Ref', w: 60, get: (e) => e.ref },
      ],
      pageTotal: (pg) =>
        `Page subtotal  Amount ${Y(total(pg, 'amt'))}  Fee ${Y(total(pg, 'fee'))}  Net ${Y(total(pg, 'net'))}`,
      foot: (i, n) => `Page ${i} of ${n}`,
    }),
});

// 12 美团收银-style CSV: store column, software/POS fees from the aggregator
S.push({
  stem: 'rt5-12-meituan',
  ext: 'csv',
  contract: contract({
    provider: '北京三快在线科技有限公司',
    rates: [{ cardType: 'any', percent: 0.38 }],
    agreed: [{ category: 'service_fee', amountYuan: 1500, every: 'year' }],
  }),
  sim: {
    from: '2025-08-01',
    to: '2025-09-30',
    perDay: [4, 8],
    cards: false,
    fees: [
      { date: '2025-08-02', name: '美团收银软件年费', cat: 'service_fee', amt: 150000 },
      { date: '2025-09-02', name: '收银插件服务费', cat: 'service_fee', amt: 9900 },
      { date: '2025-08-15', name: '智能POS流量包', cat: 'traffic_fee', amt: 3000 },
    ],
    credits: [{ date: '2025-08-28', name: '门店补贴', amt: 8800 }],
    payoutNames: ['结算打款'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      bom: true,
      quoteAll: true,
      preamble: ['美团收银 账单明细', '门店：成都春熙路老码头火锅'],
      cols: [
        { h: '账单日期', get: (e) => e.date },
        { h: '交易时间', get: ts },
        { h: '门店名称', get: () => '老码头火锅(春熙路店)' },
        {
          h: '交易类型',
          get: (e) =>
            typeZh(e, {
              sale: '支付',
              refund: '退款',
              payout: '结算',
              fee: '费用扣除',
              credit: '补贴',
            }),
        },
        {
          h: '支付方式',
          get: (e) => (e.kind === 'sale' ? ['微信', '支付宝', '银联云闪付'][e.amt % 3] : ''),
        },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '实收金额', get: (e) => Y(e.net) },
        { h: '备注', get: (e) => e.text },
        { h: '订单号', get: (e) => `MT${e.ref}` },
      ],
    }),
});

// 13 抖音来客-style XLSX: 核销 rows with a platform fee column; settlement shortfalls; software fee
S.push({
  stem: 'rt5-13-douyin',
  ext: 'xlsx',
  contract: contract({
    provider: '抖音来客（北京）科技有限公司',
    rates: [{ cardType: 'any', percent: 2.5 }],
  }),
  sim: {
    from: '2025-07-01',
    to: '2025-08-20',
    perDay: [4, 8],
    cards: false,
    fees: [{ date: '2025-07-15', name: '来客经营工具会员费', cat: 'service_fee', amt: 29900 }],
    hidden: [
      { date: '2025-07-08', text: '', amt: 1200 },
      { date: '2025-08-03', text: '', amt: 3500 },
    ],
    credits: [{ date: '2025-08-10', name: '平台服务费返还', amt: 5620 }],
    payoutNames: ['提现'],
    refundNames: ['退款'],
  },
  render: (p, ev) =>
    writeXlsx(p, ev, {
      sheet: '结算明细',
      cols: [
        { h: '核销时间', get: ts },
        { h: '订单编号', get: (e) => `7${e.ref}` },
        {
          h: '业务类型',
          get: (e) =>
            typeZh(e, {
              sale: '团购核销',
              refund: '退款',
              payout: '提现',
              fee: '扣款',
              credit: '返还',
            }),
        },
        { h: '核销金额', get: (e) => e.amt / 100 },
        { h: '平台服务费', get: (e) => e.fee / 100 },
        { h: '应结算金额', get: (e) => e.net / 100 },
        { h: '备注', get: (e) => e.text },
      ],
    }),
});

// 14 京东-style CSV: JD payment bill; per-transaction fee of a sale on its own row (no fee column on the sale)
S.push({
  stem: 'rt5-14-jd-feerow',
  ext: 'csv',
  contract: contract({
    provider: '网银在线（北京）科技有限公司',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'service_fee', amountYuan: 20, every: 'month' }],
  }),
  sim: {
    from: '2025-10-01',
    to: '2025-11-15',
    perDay: [3, 6],
    cards: false,
    cardFeeRow: '交易手续费',
    fees: [
      { date: '2025-10-03', name: '京东收银技术服务费', cat: 'service_fee', amt: 2000 },
      { date: '2025-11-03', name: '京东收银技术服务费', cat: 'service_fee', amt: 2000 },
      { date: '2025-11-12', name: '京东收银技术服务费', cat: 'service_fee', amt: 2000 },
    ],
    credits: [{ date: '2025-10-20', name: '京豆返现', amt: 1000 }],
    payoutNames: ['提现'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      encoding: 'gb18030',
      preamble: ['#京东支付商户账单', '#账单周期：2025-10-01 ~ 2025-11-15', '#'],
      cols: [
        { h: '交易时间', get: ts },
        { h: '商户订单号', get: (e) => `JD${e.ref}` },
        {
          h: '业务类型',
          get: (e) =>
            typeZh(e, {
              sale: '在线支付',
              refund: '退款',
              payout: '提现',
              fee: '服务费扣收',
              credit: '营销返现',
              cardfee: '手续费',
            }),
        },
        { h: '收支方向', get: (e) => (e.amt >= 0 ? '收入' : '支出') },
        { h: '金额(元)', get: (e) => Y(Math.abs(e.amt)) },
        { h: '备注', get: (e) => e.text },
      ],
      summary: (ev) => [`#合计笔数：${ev.length}`],
    }),
});

// 15 合利宝-style CSV: look-alikes that are credits or settlements (refunds of fees written many ways, cash-back,
// subsidies, deposit returned) among a few real fees; a clawback of a subsidy is other_deduction (needs_review)
S.push({
  stem: 'rt5-15-helipay-lookalike',
  ext: 'csv',
  contract: contract({
    provider: '合利宝支付有限公司',
    rates: STD,
    agreed: [
      { category: 'traffic_fee', amountYuan: 60, every: 'year' },
      { category: 'service_fee', amountYuan: 10, every: 'month' },
    ],
  }),
  sim: {
    from: '2025-01-01',
    to: '2025-03-20',
    perDay: [3, 6],
    fees: [
      { date: '2025-01-06', name: '流量费', cat: 'traffic_fee', amt: 6000 },
      { date: '2025-01-07', name: '月服务费', cat: 'service_fee', amt: 1000 },
      { date: '2025-02-07', name: '月服务费', cat: 'service_fee', amt: 1000 },
      { date: '2025-02-14', name: '流量费', cat: 'traffic_fee', amt: 6000 },
      { date: '2025-03-07', name: '月服务费', cat: 'service_fee', amt: 1200 },
      { date: '2025-03-12', name: '营销补贴追回', cat: 'other_deduction', amt: 2000 },
    ],
    credits: [
      { date: '2025-01-15', name: '退还流量费', amt: 6000 },
      { date: '2025-01-22', name: '手续费退回', amt: 356 },
      { date: '2025-01-29', name: '服务费冲回', amt: 1000 },
      { date: '2025-02-03', name: '刷卡返现', amt: 1888 },
      { date: '2025-02-10', name: '费率补贴', amt: 4210 },
      { date: '2025-02-17', name: '流量费退款', amt: 6000 },
      { date: '2025-02-24', name: '秒到费返还', amt: 300 },
      { date: '2025-03-03', name: '押金返还', amt: 9900 },
      { date: '2025-03-09', name: '激活奖励金', amt: 5000 },
    ],
    payoutNames: ['D0秒到出款', 'T0实时提现', 'D1结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      sep: ';',
      cols: [
        {
          h: '交易日期',
          get: (e) =>
            `${e.date.slice(0, 4)}年${Number(e.date.slice(5, 7))}月${Number(e.date.slice(8))}日`,
        },
        { h: '时间', get: (e) => e.time },
        {
          h: '交易类型',
          get: (e) =>
            ['payout'].includes(e.kind) ? e.text : typeZh(e, { fee: '扣款', credit: '入账' }),
        },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '交易说明', get: (e) => (e.kind === 'payout' ? '' : e.text) },
        { h: '流水号', get: (e) => e.ref },
      ],
    }),
});

// 16 随行付-style CSV: fees taken silently out of a sale's payout, named in the row (含流量费/扣SIM卡费) or not at all
S.push({
  stem: 'rt5-16-hidden',
  ext: 'csv',
  contract: contract({
    provider: '随行付支付有限公司',
    rates: STD,
    agreed: [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }],
  }),
  sim: {
    from: '2025-04-01',
    to: '2025-06-10',
    perDay: [3, 6],
    hidden: [
      { date: '2025-04-03', text: '结算含流量费36元', amt: 3600, cat: 'traffic_fee' },
      { date: '2025-05-03', text: '本笔扣SIM卡费36元', amt: 3600, cat: 'traffic_fee' },
      { date: '2025-04-20', text: '', amt: 1500 },
      { date: '2025-05-22', text: '', amt: 4900 },
      { date: '2025-06-05', text: '代扣会员服务费', amt: 1990, cat: 'service_fee' },
    ],
    fees: [],
    payoutNames: ['结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      encoding: 'gb18030',
      cols: [
        { h: '交易时间', get: ts },
        { h: '交易类型', get: (e) => typeZh(e, { sale: '刷卡' }) },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '到账金额', get: (e) => Y(e.net) },
        { h: '摘要', get: (e) => e.text },
        { h: '参考号', get: (e) => e.ref },
      ],
    }),
});

// 17 拉卡拉-style monthly PDF, landscape, summary page first, two-line description cells, page subtotals; yearly fee on its anniversary
S.push({
  stem: 'rt5-17-lkl-pdf-year',
  ext: 'pdf',
  contract: contract({
    provider: '拉卡拉支付股份有限公司',
    rates: STD,
    agreed: [
      { category: 'traffic_fee', amountYuan: 99, every: 'year' },
      { category: 'instant_settlement_fee', amountYuan: 3, every: 'month' },
    ],
  }),
  sim: {
    from: '2025-01-20',
    to: '2026-02-10',
    perDay: [0, 2],
    fees: [
      { date: '2025-01-25', name: '智能终端4G流量服务年费', cat: 'traffic_fee', amt: 9900 },
      { date: '2025-07-25', name: '智能终端4G流量服务年费', cat: 'traffic_fee', amt: 9900 },
      { date: '2026-01-25', name: '智能终端4G流量服务年费', cat: 'traffic_fee', amt: 9900 },
      { date: '2025-03-02', name: '秒到增值服务费', cat: 'instant_settlement_fee', amt: 300 },
      { date: '2025-03-18', name: '秒到增值服务费', cat: 'instant_settlement_fee', amt: 300 },
      { date: '2025-04-02', name: '秒到增值服务费', cat: 'instant_settlement_fee', amt: 300 },
    ],
    credits: [{ date: '2025-08-01', name: '流量服务年费退还（重复扣收）', amt: 9900 }],
    payoutNames: ['拉卡拉秒到提现（实时到账）', 'T1结算到账'],
  },
  render: (p, ev) =>
    writePdf(p, ev, {
      title: '拉卡拉 商户结算对账单',
      landscape: true,
      perPage: 18,
      summaryPage: (ev) => [
        '商户：郑州二七区惠民便利店',
        '账单期间：2025-01-20 至 2026-02-10',
        `记录数：${ev.length}`,
        `净入账：${Y(total(ev, 'net'))}`,
      ],
      cols: [
        { h: '日期', w: 65, get: (e) => e.date },
        { h: '时间', w: 50, get: (e) => e.time },
        {
          h: '类型',
          w: 50,
          get: (e) => typeZh(e, { payout: '提现', fee: '扣费', credit: '退费' }),
        },
        { h: '卡类型', w: 45, get: cardZh },
        { h: '金额', w: 75, align: 'right', get: (e) => Y(e.amt) },
        { h: '手续费', w: 55, align: 'right', get: (e) => Y(e.fee) },
        { h: '结算金额', w: 75, align: 'right', get: (e) => Y(e.net) },
        { h: '说明', w: 150, wrap: 10, get: (e) => e.text },
        { h: '流水号', w: 90, get: (e) => e.ref },
      ],
      pageTotal: (pg) =>
        `小计  金额 ${Y(total(pg, 'amt'))}  手续费 ${Y(total(pg, 'fee'))}  结算 ${Y(total(pg, 'net'))}`,
    }),
});

// 18 no contract: every fee deduction and shortfall is needs_review, claim 0 (precision only)
S.push({
  stem: 'rt5-18-nocontract',
  ext: 'csv',
  contract: null,
  sim: {
    from: '2025-05-01',
    to: '2025-06-20',
    perDay: [3, 6],
    actualFee: (s) => Math.floor((s.amt * 600 * 2 + 100000) / 200000),
    fees: [
      { date: '2025-05-04', name: '流量卡年费', cat: 'traffic_fee', amt: 9900 },
      { date: '2025-05-20', name: '会员服务费', cat: 'service_fee', amt: 3900 },
      { date: '2025-06-06', name: '垫资费', cat: 'instant_settlement_fee', amt: 500 },
    ],
    hidden: [{ date: '2025-06-11', text: '', amt: 800 }],
    credits: [{ date: '2025-05-30', name: '会员费退还', amt: 3900 }],
    payoutNames: ['提现'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      cols: [
        { h: '交易时间', get: ts },
        { h: '交易类型', get: (e) => typeZh(e) },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '摘要', get: (e) => e.text },
      ],
    }),
});

// 19 银联商务 XLSX (WPS-like, text dates): service agreed once (开通服务费), debit cap with credit uncapped, two caps per card
S.push({
  stem: 'rt5-19-ums-once',
  ext: 'xlsx',
  contract: contract({
    provider: '银联商务股份有限公司',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 18 },
      { cardType: 'credit', percent: 0.55, capYuan: 80 },
      { cardType: 'any', percent: 0.6 },
    ],
    agreed: [{ category: 'service_fee', amountYuan: 299, every: 'once' }],
  }),
  sim: {
    from: '2025-09-01',
    to: '2025-11-10',
    perDay: [3, 6],
    actualFee: (s) => {
      const x = (p) => Math.floor((s.amt * p * 2 + 100000) / 200000);
      if (s.card === 'debit') return Math.min(x(500), s.date >= '2025-10-15' ? 2000 : 1800);
      return Math.min(x(550), 8000);
    },
    fees: [
      { date: '2025-09-02', name: '收银系统使用费（一次性买断）', cat: 'service_fee', amt: 29900 },
      { date: '2025-10-08', name: '年度权益服务费', cat: 'service_fee', amt: 29900 },
    ],
    payoutNames: ['T1清算'],
  },
  render: (p, ev) =>
    writeXlsx(p, ev, {
      sheet: '对账明细',
      preamble: [
        ['银联商务商户对账单'],
        ['商户编号', '898330158120447'],
        ['对账期间', '20250901-20251110'],
      ],
      cols: [
        { h: '交易日期', get: (e) => e.date.replace(/-/g, '') },
        { h: '交易时间', get: (e) => e.time.replace(/:/g, '') },
        { h: '交易类型', get: (e) => typeZh(e, { payout: '清算', fee: '其他扣款' }) },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '清算金额', get: (e) => Y(e.net) },
        { h: '费用名称', get: (e) => e.text },
      ],
      summary: (ev) => [
        ['合计', '', '', '', Y(total(ev, 'amt')), Y(total(ev, 'fee')), Y(total(ev, 'net'))],
      ],
    }),
});

// 20 the 08 layout again with wide gaps between columns: summary page first and 本页小计 on their own
S.push({
  stem: 'rt5-20-icbc-pdf-spaced',
  ext: 'pdf',
  contract: contract({
    provider: '中国工商银行股份有限公司',
    type: 'bank',
    rates: STD,
    agreed: [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }],
  }),
  sim: {
    from: '2025-03-01',
    to: '2025-04-15',
    perDay: [3, 6],
    fees: [
      { date: '2025-03-05', name: 'POS终端通讯费', cat: 'traffic_fee', amt: 3600 },
      { date: '2025-04-05', name: 'POS终端通讯费', cat: 'traffic_fee', amt: 3600 },
      { date: '2025-03-18', name: '收单增值服务年费', cat: 'service_fee', amt: 36500 },
      { date: '2025-04-09', name: '商户秒到服务费', cat: 'instant_settlement_fee', amt: 1000 },
    ],
    credits: [{ date: '2025-03-25', name: '商户手续费优惠返还', amt: 2366 }],
    payoutNames: ['清算入账'],
  },
  render: (p, ev) =>
    writePdf(p, ev, {
      title: '中国工商银行 商户交易明细对账单',
      landscape: true,
      perPage: 28,
      gap: 16,
      summaryPage: (ev) => [
        '商户名称：长沙五一广场好味道餐饮店',
        '商户编号：102550158120447',
        '对账期间：2025-03-01 至 2025-04-15',
        `交易笔数：${ev.filter((e) => e.kind === 'sale').length}`,
        `手续费合计：${Y(total(ev, 'fee'))}`,
      ],
      cols: [
        { h: '交易日期', w: 70, get: (e) => e.date },
        { h: '交易时间', w: 55, get: (e) => e.time },
        { h: '终端号', w: 60, get: () => '12040077' },
        { h: '卡类型', w: 50, get: cardZh },
        { h: '交易类型', w: 60, get: (e) => typeZh(e, { payout: '清算', fee: '费用' }) },
        { h: '交易金额', w: 80, align: 'right', get: (e) => Y(e.amt) },
        { h: '手续费', w: 60, align: 'right', get: (e) => Y(e.fee) },
        { h: '清算金额', w: 80, align: 'right', get: (e) => Y(e.net) },
        { h: '备注', w: 130, get: (e) => e.text },
        { h: '参考号', w: 90, get: (e) => e.ref },
      ],
      pageTotal: (pg) =>
        `本页小计：笔数 ${pg.length}  交易金额 ${Y(total(pg, 'amt'))}  手续费 ${Y(total(pg, 'fee'))}  清算金额 ${Y(total(pg, 'net'))}`,
      foot: (i, n) => `第 ${i} 页 / 共 ${n} 页`,
    }),
});

// 21 a wide vocabulary of fee names with nothing agreed beyond the rates: every one is claimed in full
const VOCAB = [
  ['POS机流量费(年)', 'traffic_fee', 6900],
  ['物联网卡费', 'traffic_fee', 4800],
  ['通讯服务费', 'traffic_fee', 3000],
  ['数据流量包月费', 'traffic_fee', 1000],
  ['商户管理费', 'service_fee', 2000],
  ['平台技术服务费', 'service_fee', 1900],
  ['VIP会员费', 'service_fee', 9900],
  ['权益卡年费', 'service_fee', 19900],
  ['系统维护费', 'service_fee', 1500],
  ['设备押金', 'deposit', 29900],
  ['刷卡激活费', 'deposit', 9900],
  ['机具采购款', 'deposit', 18800],
  ['终端保证金', 'deposit', 10000],
  ['T0手续费', 'instant_settlement_fee', 300],
  ['D0秒到附加费', 'instant_settlement_fee', 200],
  ['加急到账费', 'instant_settlement_fee', 500],
  ['提现服务费', 'instant_settlement_fee', 100],
];
S.push({
  stem: 'rt5-21-vocab',
  ext: 'csv',
  contract: contract({ provider: '海南新生代支付有限公司', rates: STD }),
  sim: {
    from: '2025-06-01',
    to: '2025-08-31',
    perDay: [3, 6],
    fees: VOCAB.map(([name, cat, amt], i) => ({
      date: `2025-0${6 + Math.floor(i / 6)}-${String(3 + (i % 6) * 4).padStart(2, '0')}`,
      name,
      cat,
      amt,
    })),
    credits: [
      { date: '2025-07-26', name: '商户管理费返还', amt: 2000 },
      { date: '2025-08-27', name: '押金退回', amt: 10000 },
    ],
    payoutNames: ['T0提现', '结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      encoding: 'gb18030',
      preamble: [['商户交易明细查询'], ['导出时间', '2025-09-01 10:00:00'], []],
      cols: [
        { h: '交易日期', get: (e) => e.date },
        { h: '交易时间', get: (e) => e.time },
        { h: '交易类型', get: (e) => typeZh(e, { fee: '扣款', credit: '返还', payout: '提现' }) },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '扣款类型', get: (e) => (e.kind === 'fee' || e.kind === 'credit' ? e.text : '') },
        { h: '订单号', get: (e) => e.ref },
      ],
      summary: (ev) => [
        ['合计', '', '', '', Y(total(ev, 'amt')), Y(total(ev, 'fee')), Y(total(ev, 'net'))],
      ],
    }),
});

// 22 quarterly SIM fee from a start date, charged above the agreed amount (excess only) and twice in a quarter
S.push({
  stem: 'rt5-22-quarter-excess',
  ext: 'xlsx',
  contract: contract({
    provider: '北京钱袋宝支付技术有限公司',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [
      { category: 'traffic_fee', amountYuan: 30, every: 'quarter', startsAfter: '2025-02-10' },
    ],
  }),
  sim: {
    from: '2025-01-15',
    to: '2025-07-31',
    perDay: [2, 4],
    fees: [
      { date: '2025-01-20', name: '流量卡费', cat: 'traffic_fee', amt: 3000 },
      { date: '2025-02-10', name: '流量卡费', cat: 'traffic_fee', amt: 3000 },
      { date: '2025-03-28', name: '流量卡费', cat: 'traffic_fee', amt: 3000 },
      { date: '2025-05-10', name: '流量卡费(调价)', cat: 'traffic_fee', amt: 3600 },
      { date: '2025-08-09', name: '流量卡费(调价)', cat: 'traffic_fee', amt: 3600 },
    ].filter((f) => f.date <= '2025-07-31'),
    payoutNames: ['出款'],
  },
  render: (p, ev) =>
    writeXlsx(p, ev, {
      sheet: '交易流水',
      cols: [
        {
          h: '交易日期',
          get: (e) =>
            `${e.date.slice(0, 4)}/${Number(e.date.slice(5, 7))}/${Number(e.date.slice(8))}`,
        },
        { h: '交易类型', get: (e) => typeZh(e, { payout: '出款' }) },
        { h: '交易金额', get: (e) => e.amt / 100 },
        { h: '手续费', get: (e) => e.fee / 100 },
        { h: '结算金额', get: (e) => e.net / 100 },
        { h: '备注', get: (e) => e.text },
      ],
    }),
});

// 23 通联-style PDF, portrait: date and time stacked in one cell (two lines a record), ¥ amounts with separators,
// 本页合计 per page and 总计 at the end
const money = (f) => `¥${Y(f).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
S.push({
  stem: 'rt5-23-allinpay-pdf-stacked',
  ext: 'pdf',
  contract: contract({
    provider: '通联支付网络服务股份有限公司',
    rates: STD,
    agreed: [{ category: 'service_fee', amountYuan: 25, every: 'month' }],
  }),
  sim: {
    from: '2025-09-01',
    to: '2025-10-20',
    perDay: [3, 5],
    fees: [
      { date: '2025-09-05', name: '商户服务费', cat: 'service_fee', amt: 2500 },
      { date: '2025-09-22', name: '终端流量费', cat: 'traffic_fee', amt: 6000 },
      { date: '2025-10-05', name: '商户服务费', cat: 'service_fee', amt: 2500 },
      { date: '2025-10-12', name: '商户服务费', cat: 'service_fee', amt: 2500 },
    ],
    credits: [{ date: '2025-10-15', name: '流量费冲正', amt: 6000 }],
    payoutNames: ['T1结算'],
  },
  render: (p, ev) =>
    writePdf(p, ev, {
      title: '通联支付 商户交易对账单',
      perPage: 30,
      head: ['商户名称：西安钟楼回民坊小吃店', '对账期间：2025年09月01日—2025年10月20日'],
      cols: [
        { h: '交易时间', w: 70, split: ' ', get: ts },
        {
          h: '交易类型',
          w: 55,
          get: (e) => typeZh(e, { payout: '结算', fee: '扣费', credit: '冲正' }),
        },
        { h: '卡类型', w: 45, get: cardZh },
        { h: '交易金额', w: 75, align: 'right', get: (e) => money(e.amt) },
        { h: '手续费', w: 55, align: 'right', get: (e) => money(e.fee) },
        { h: '结算金额', w: 75, align: 'right', get: (e) => money(e.net) },
        { h: '参考号', w: 80, align: 'right', get: (e) => e.ref },
        { h: '备注', w: 80, get: (e) => e.text },
      ],
      pageTotal: (pg) =>
        `本页合计  ${pg.length}笔  交易金额 ${money(total(pg, 'amt'))}  手续费 ${money(total(pg, 'fee'))}`,
      end: (ev) =>
        `总计  ${ev.length}笔  交易金额 ${money(total(ev, 'amt'))}  手续费 ${money(total(ev, 'fee'))}  结算金额 ${money(total(ev, 'net'))}`,
    }),
});

// 24 no card column under per-card caps: the highest expected fee applies (credit, uncapped), plus an agreed add-on of 0.50
// that later creeps to 1.50 per sale
S.push({
  stem: 'rt5-24-unknown-card-addon',
  ext: 'csv',
  contract: contract({
    provider: '深圳市瑞银信信息技术有限公司',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    perTx: 0.5,
  }),
  sim: {
    from: '2025-03-01',
    to: '2025-05-15',
    perDay: [3, 6],
    cards: false,
    actualFee: (s) =>
      Math.floor((s.amt * 600 * 2 + 100000) / 200000) + (s.date >= '2025-04-21' ? 150 : 50),
    fees: [],
    payoutNames: ['结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      cols: [
        { h: '交易日期', get: (e) => e.date.replace(/-/g, '') },
        { h: '交易时间', get: (e) => e.time },
        { h: '交易类型', get: (e) => typeZh(e) },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '流水号', get: (e) => e.ref },
      ],
    }),
});

// 25 English XLSX with debit/credit amount columns and a Commission column, from a foreign-invested acquirer
S.push({
  stem: 'rt5-25-en-xlsx',
  ext: 'xlsx',
  contract: contract({
    provider: 'EastBridge Payments (China) Co., Ltd.',
    rates: [{ cardType: 'any', percent: 0.55 }],
    agreed: [
      { category: 'service_fee', amountYuan: 300, every: 'year' },
      { category: 'instant_settlement_fee', amountYuan: 2, every: 'month' },
    ],
  }),
  sim: {
    from: '2025-01-01',
    to: '2025-03-15',
    perDay: [3, 6],
    cards: false,
    fees: [
      { date: '2025-01-03', name: 'Annual maintenance fee', cat: 'service_fee', amt: 30000 },
      { date: '2025-02-14', name: 'Software licence renewal fee', cat: 'service_fee', amt: 8800 },
      {
        date: '2025-01-09',
        name: 'Express settlement fee',
        cat: 'instant_settlement_fee',
        amt: 200,
      },
      {
        date: '2025-01-23',
        name: 'Express settlement fee',
        cat: 'instant_settlement_fee',
        amt: 200,
      },
      {
        date: '2025-02-09',
        name: 'Express settlement fee',
        cat: 'instant_settlement_fee',
        amt: 200,
      },
      { date: '2025-03-02', name: 'SIM / data charge', cat: 'traffic_fee', amt: 4500 },
    ],
    credits: [
      { date: '2025-02-20', name: 'Cashback promotion', amt: 3000 },
      { date: '2025-03-06', name: 'Refund of express settlement fee', amt: 200 },
    ],
    payoutNames: ['Express settlement', 'Settlement'],
    refundNames: ['Refund'],
  },
  render: (p, ev) =>
    writeXlsx(p, ev, {
      sheet: 'Statement',
      preamble: [
        ['EastBridge Payments - Merchant Activity Report'],
        ['Merchant', 'Lotus Garden Tea House (Hangzhou)'],
        ['Period', '2025-01-01 to 2025-03-15'],
        [],
      ],
      cols: [
        { h: 'Value Date', get: (e) => new Date(`${e.date}T00:00:00Z`), numFmt: 'dd/mm/yyyy' },
        {
          h: 'Transaction Type',
          get: (e) =>
            ({
              sale: 'Purchase',
              refund: 'Refund',
              payout: 'Settlement',
              fee: 'Fee',
              credit: 'Credit',
            })[e.kind],
        },
        { h: 'Description', get: (e) => e.text },
        { h: 'Debit', get: (e) => (e.amt < 0 ? -e.amt / 100 : null) },
        { h: 'Credit', get: (e) => (e.amt > 0 ? e.amt / 100 : null) },
        { h: 'Commission', get: (e) => e.fee / 100 },
        { h: 'Net Settlement', get: (e) => e.net / 100 },
        { h: 'Reference No.', get: (e) => `EB${e.ref}` },
      ],
    }),
});

// 26 招行-style bank account CSV (GBK): 借方/贷方 columns and a balance; fees as debits, their refunds as credits;
// a cash-back clawback is other_deduction
S.push({
  stem: 'rt5-26-cmb-dc',
  ext: 'csv',
  contract: contract({
    provider: '招商银行股份有限公司',
    type: 'bank',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [
      { category: 'traffic_fee', amountYuan: 20, every: 'month', startsAfter: '2025-05-01' },
    ],
  }),
  sim: {
    from: '2025-03-01',
    to: '2025-06-20',
    perDay: [2, 4],
    cards: false,
    fees: [
      { date: '2025-03-11', name: 'POS流量费', cat: 'traffic_fee', amt: 2000 },
      { date: '2025-04-11', name: 'POS流量费', cat: 'traffic_fee', amt: 2000 },
      { date: '2025-05-11', name: 'POS流量费', cat: 'traffic_fee', amt: 2000 },
      { date: '2025-06-11', name: 'POS流量费', cat: 'traffic_fee', amt: 2000 },
      { date: '2025-06-15', name: '返现扣回', cat: 'other_deduction', amt: 1500 },
    ],
    credits: [
      { date: '2025-04-18', name: '退POS流量费', amt: 2000 },
      { date: '2025-05-20', name: '刷卡金返现', amt: 1500 },
    ],
    payoutNames: ['划款至尾号5120'],
  },
  render: (p, ev) => {
    let bal = 1000000;
    return writeCsv(p, ev, {
      encoding: 'gb18030',
      preamble: [['招商银行收单商户账户明细'], ['账号', '7559******0817'], ['币种', '人民币'], []],
      cols: [
        { h: '交易日', get: (e) => e.date.replace(/-/g, '') },
        {
          h: '摘要',
          get: (e) => (e.kind === 'sale' ? 'POS消费' : e.kind === 'refund' ? 'POS退货' : e.text),
        },
        { h: '借方发生额', get: (e) => (e.amt < 0 ? Y(-e.amt) : '') },
        { h: '贷方发生额', get: (e) => (e.amt > 0 ? Y(e.amt) : '') },
        { h: '手续费', get: (e) => (e.fee ? Y(e.fee) : '') },
        {
          h: '余额',
          get: (e) => {
            bal += e.net;
            return Y(bal);
          },
        },
        { h: '流水号', get: (e) => e.ref },
      ],
    });
  },
});

// 27 monthly service fee agreed from a start date (three free months) and the English-free 'once' traffic fee
S.push({
  stem: 'rt5-27-month-startsafter',
  ext: 'csv',
  contract: contract({
    provider: '杉德支付网络服务发展有限公司',
    rates: STD,
    agreed: [
      { category: 'service_fee', amountYuan: 15, every: 'month', startsAfter: '2025-04-01' },
      { category: 'traffic_fee', amountYuan: 99, every: 'once' },
    ],
  }),
  sim: {
    from: '2025-01-01',
    to: '2025-06-30',
    perDay: [2, 4],
    fees: [
      ...['01', '02', '03', '04', '05', '06'].map((m) => ({
        date: `2025-${m}-01`,
        name: '杉德宝会员月费',
        cat: 'service_fee',
        amt: 1500,
      })),
      { date: '2025-01-12', name: '流量卡费（一次性）', cat: 'traffic_fee', amt: 9900 },
      { date: '2025-06-12', name: '流量卡续费', cat: 'traffic_fee', amt: 9900 },
    ],
    credits: [{ date: '2025-02-14', name: '会员月费返还', amt: 1500 }],
    payoutNames: ['D0提现', 'T1结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      encoding: 'utf-16le',
      sep: '\t',
      cols: [
        { h: '交易时间', get: (e) => `${e.date}T${e.time}+08:00` },
        { h: '交易类型', get: (e) => typeZh(e, { fee: '扣费', credit: '退费', payout: e.text }) },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '说明', get: (e) => (e.kind === 'payout' ? '' : e.text) },
      ],
    }),
});

// 28 富友-style CSV: names a merchant meets that do not contain the usual key words (software, speed-up), nothing agreed
S.push({
  stem: 'rt5-28-names-cn',
  ext: 'csv',
  contract: contract({ provider: '上海富友支付服务股份有限公司', rates: STD }),
  sim: {
    from: '2025-04-01',
    to: '2025-06-10',
    perDay: [3, 6],
    fees: [
      { date: '2025-04-06', name: '店铺管理软件费', cat: 'service_fee', amt: 6800 },
      { date: '2025-05-06', name: '店铺管理软件费', cat: 'service_fee', amt: 6800 },
      { date: '2025-04-15', name: '加速到账费', cat: 'instant_settlement_fee', amt: 300 },
      { date: '2025-05-15', name: '加速到账费', cat: 'instant_settlement_fee', amt: 300 },
      { date: '2025-06-02', name: '加急到账手续费', cat: 'instant_settlement_fee', amt: 500 },
      { date: '2025-05-25', name: '物联网卡年费', cat: 'traffic_fee', amt: 5900 },
    ],
    credits: [{ date: '2025-05-28', name: '软件费返还', amt: 6800 }],
    payoutNames: ['加速到账提现', '结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      cols: [
        { h: '交易时间', get: ts },
        {
          h: '交易类型',
          get: (e) => (e.kind === 'payout' ? '提现' : typeZh(e, { fee: '扣款', credit: '返还' })),
        },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '摘要', get: (e) => e.text },
        { h: '流水号', get: (e) => e.ref },
      ],
    }),
});

// 29 English CSV: connectivity, terminal purchase and software licence, nothing agreed
S.push({
  stem: 'rt5-29-names-en',
  ext: 'csv',
  contract: contract({
    provider: 'EastBridge Payments (China) Co., Ltd.',
    rates: [{ cardType: 'any', percent: 0.55 }],
  }),
  sim: {
    from: '2025-07-01',
    to: '2025-08-31',
    perDay: [3, 6],
    cards: false,
    fees: [
      { date: '2025-07-03', name: 'Terminal connectivity charge', cat: 'traffic_fee', amt: 3000 },
      { date: '2025-08-03', name: 'Connectivity charge', cat: 'traffic_fee', amt: 3000 },
      {
        date: '2025-07-10',
        name: 'Terminal purchase (instalment 1 of 2)',
        cat: 'deposit',
        amt: 29900,
      },
      {
        date: '2025-08-10',
        name: 'Terminal purchase (instalment 2 of 2)',
        cat: 'deposit',
        amt: 29900,
      },
      { date: '2025-07-20', name: 'Software licence fee', cat: 'service_fee', amt: 12000 },
    ],
    credits: [{ date: '2025-08-20', name: 'Goodwill credit', amt: 5000 }],
    payoutNames: ['Payout to bank account'],
    refundNames: ['Refund'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      eol: '\n',
      cols: [
        { h: 'Posting Date', get: (e) => `${e.date}T${e.time}+08:00` },
        {
          h: 'Activity',
          get: (e) =>
            ({
              sale: 'Card sale',
              refund: 'Refund',
              payout: 'Payout',
              fee: 'Charge',
              credit: 'Credit',
            })[e.kind],
        },
        { h: 'Amount', get: (e) => Y(e.amt) },
        { h: 'Fee', get: (e) => Y(e.fee) },
        { h: 'Net', get: (e) => Y(e.net) },
        { h: 'Narrative', get: (e) => e.text },
      ],
    }),
});

// 30 period edges: a yearly SIM fee one day before its anniversary (same period), a quarterly fee on its exact boundary
S.push({
  stem: 'rt5-30-period-edges',
  ext: 'csv',
  contract: contract({
    provider: '北京海科融通支付服务有限公司',
    rates: STD,
    agreed: [
      { category: 'traffic_fee', amountYuan: 48, every: 'year' },
      { category: 'service_fee', amountYuan: 60, every: 'quarter' },
    ],
  }),
  sim: {
    from: '2025-02-01',
    to: '2026-02-28',
    perDay: [0, 2],
    fees: [
      { date: '2025-02-20', name: 'SIM卡流量费', cat: 'traffic_fee', amt: 4800 },
      { date: '2026-02-19', name: 'SIM卡流量费', cat: 'traffic_fee', amt: 4800 },
      { date: '2025-03-15', name: '季度服务费', cat: 'service_fee', amt: 6000 },
      { date: '2025-06-14', name: '季度服务费', cat: 'service_fee', amt: 6000 },
      { date: '2025-06-15', name: '季度服务费', cat: 'service_fee', amt: 6000 },
      { date: '2025-09-15', name: '季度服务费', cat: 'service_fee', amt: 6000 },
    ],
    payoutNames: ['D0秒到', 'T1结算'],
  },
  render: (p, ev) =>
    writeCsv(p, ev, {
      encoding: 'gb18030',
      cols: [
        {
          h: '交易日期',
          get: (e) =>
            `${e.date.slice(0, 4)}.${Number(e.date.slice(5, 7))}.${Number(e.date.slice(8))}`,
        },
        { h: '交易时间', get: (e) => e.time },
        { h: '交易类型', get: (e) => typeZh(e, { fee: '扣费' }) },
        { h: '卡类型', get: cardZh },
        { h: '交易金额', get: (e) => Y(e.amt) },
        { h: '手续费', get: (e) => Y(e.fee) },
        { h: '结算金额', get: (e) => Y(e.net) },
        { h: '摘要', get: (e) => e.text },
      ],
    }),
});

// ---- main ----------------------------------------------------------------------------------------
fs.mkdirSync(OUT, { recursive: true });
if (!only.length) for (const f of fs.readdirSync(OUT)) fs.rmSync(path.join(OUT, f));
for (const [i, st] of S.entries()) {
  const seed = 501 + i;
  if (only.length && !only.some((o) => st.stem.startsWith(o))) continue;
  const ev = label(simulate({ seed, contract: st.contract, ...st.sim }), st.contract);
  const file = `${st.stem}.${st.ext}`;
  await st.render(path.join(OUT, file), ev);
  const cfile = st.contract ? `${st.stem}.contract.json` : null;
  if (cfile) fs.writeFileSync(path.join(OUT, cfile), JSON.stringify(st.contract, null, 2) + '\n');
  const exp = expected(file, cfile, ev, { format: st.ext, generator: 'bench/outside/rt5/gen.mjs' });
  fs.writeFileSync(path.join(OUT, `${st.stem}.expected.json`), JSON.stringify(exp, null, 1) + '\n');
  console.log(
    `${file}: ${ev.length} records, ${exp.counts.unauthorized || 0} unauthorized, claim ${exp.claim.total}`,
  );
}
