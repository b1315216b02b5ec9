// Red team 2 corpus generator: [OUT_DIR=dir] node bench/outside/rt2/gen.mjs [family-prefix...]
import fs from 'node:fs';
import {
  OUT,
  rng,
  yuan,
  comma,
  T,
  addMin,
  fmt,
  simulate,
  add,
  hide,
  label,
  emit,
  csvText,
  xlsxBytes,
  xDate,
  pdfTable,
  iconv,
  XLSX,
  rateFee,
} from './lib.mjs';

const only = process.argv.slice(2);
const families = [];
const fam = (stem, fn) => families.push({ stem, fn });

const K = (o = {}) => ({
  provider: o.provider ?? '汇通支付有限公司',
  providerType: o.type ?? 'payment_institution',
  merchantId: o.mid ?? '898310054112233',
  signedAt: o.signed ?? '2023-01-10',
  rates: o.rates ?? [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
  ],
  perTransactionFeeYuan: o.perTx ?? 0,
  agreedCharges: o.agreed ?? [],
});
/** actual pricing as the contract (debit 0.5 % capped 20, credit 0.6 %), optionally raised from a date */
const pricing =
  (riseFrom = null, raised = { debit: [55, 2500], credit: [66, null], unknown: [66, null] }) =>
  (s) => {
    const up = riseFrom && fmt.date(s.t) >= riseFrom;
    if (up) {
      const [bp, cap] = raised[s.card ?? 'unknown'];
      return { bp, cap };
    }
    if (s.card === 'debit') return { bp: 50, cap: 2000 };
    return { bp: 60, cap: null };
  };
const ded = (t, category, amount, name, extra = {}) => ({
  kind: 'deduction',
  t,
  category,
  amount,
  name,
  ...extra,
});
const oth = (t, amount, name, extra = {}) => ({ kind: 'other', t, amount, name, ...extra });
const cred = (t, amount, name, extra = {}) => ({ kind: 'credit', t, amount, name, ...extra });
const CARD_CN = { debit: '借记卡', credit: '贷记卡', null: '' };
const ref = (r) => String(r.int(100000, 999999)) + String(r.int(100000, 999999));

// =============================================================================================
// PDF 1: bank-app export, portrait, repeated header, page footers, right-aligned amounts,
// wrapped descriptions, totals block at the end
fam('01-pdf-bankapp', async (stem) => {
  const r = rng(101);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 31,
    perDay: [2, 5],
    actual: pricing('2024-03-18'),
    refunds: 0.1,
  });
  add(
    ev,
    ded(T(2024, 3, 6, 6, 12, 40), 'traffic_fee', 9900, '扣收智能POS终端通讯服务费', {
      more: '（2024年3月-2025年2月）',
    }),
  );
  add(
    ev,
    ded(T(2024, 3, 10, 7, 0, 3), 'service_fee', 36500, '商户系统服务费', {
      more: '年度服务费用（第2年）',
    }),
  );
  add(ev, ded(T(2024, 3, 15, 9, 30, 0), 'deposit', 19900, '机具押金扣收'));
  add(ev, ded(T(2024, 3, 27, 6, 2, 0), 'instant_settlement_fee', 300, '秒到手续费'));
  add(ev, cred(T(2024, 3, 20, 10, 0, 0), 1250, '手续费返还'));
  const c = K({
    agreed: [
      { category: 'service_fee', amountYuan: 365, every: 'year', startsAfter: '2024-01-01' },
    ],
  });
  label(ev, c, { showsNet: true });
  const rows = ev.map((e) => {
    const d = fmt.date(e.t),
      tm = fmt.time(e.t);
    const sign = e.kind === 'sale' || e.kind === 'credit' ? 1 : -1;
    const type = {
      sale: r.pick(['消费', '刷卡消费']),
      refund: '退货',
      payout: '结算',
      deduction: '扣费',
      credit: '返还',
      other: '扣款',
    }[e.kind];
    const fee = e.kind === 'sale' ? e.fee : e.kind === 'refund' ? -e.fee : 0;
    const net = e.kind === 'sale' ? e.net : e.kind === 'refund' ? -e.net : sign * e.amount;
    const desc =
      e.kind === 'payout' ? '结算至尾号6621' : e.kind === 'refund' ? '原交易退货' : (e.name ?? '');
    const row = {
      ev: e,
      record: true,
      cells: [
        d,
        tm,
        type,
        CARD_CN[e.card ?? null] ?? '',
        comma(sign * e.amount),
        comma(fee),
        comma(net),
        desc,
      ],
    };
    if (e.more) row.more = [[null, null, null, null, null, null, null, e.more]];
    return row;
  });
  const cols = [
    { title: '交易日期', w: 58 },
    { title: '交易时间', w: 46 },
    { title: '交易类型', w: 48 },
    { title: '卡类型', w: 40 },
    { title: '交易金额(元)', w: 70, align: 'right' },
    { title: '手续费(元)', w: 52, align: 'right' },
    { title: '结算金额(元)', w: 70, align: 'right' },
    { title: '摘要', w: 130 },
  ];
  const sales = ev.filter((e) => e.kind === 'sale');
  const bytes = await pdfTable({
    cols,
    rows,
    perPage: 40,
    title: [
      ['某某银行 商户收单交易明细', 200, 12],
      ['商户名称：城南好邻居便利店    商户编号：898310054112233'],
      ['查询期间：2024-03-01 至 2024-03-31'],
    ],
    footer: (p, n) => `第 ${p} 页 共 ${n} 页`,
    footNote: '本明细由手机银行生成，仅供对账参考。打印时间：2024-04-02 09:15:22',
    tail: [
      [
        '合计',
        '',
        '',
        '',
        comma(sales.reduce((a, e) => a + e.amount, 0)),
        comma(sales.reduce((a, e) => a + e.fee, 0)),
        '',
        `共 ${rows.length} 笔`,
      ],
    ],
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, ev, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// PDF 2: acquirer monthly bill, landscape, a summary page before the detail, 终端号, 费率 column,
// rate rise mid-month with the debit cap raised
fam('02-pdf-acquirer-monthly', async (stem) => {
  const r = rng(202);
  const terms = ['12345678', '12345679'];
  const ev = simulate(r, {
    from: [2024, 4, 1],
    days: 30,
    perDay: [3, 6],
    actual: pricing('2024-04-16'),
    card: (r) => r.pick(['debit', 'credit', 'credit']),
    amount: (r) => (r.chance(0.15) ? r.int(300000, 900000) : r.int(1000, 80000)),
  });
  for (const e of ev) e.term = r.pick(terms);
  add(ev, ded(T(2024, 4, 8, 5, 10, 0), 'traffic_fee', 9900, '流量费', { term: terms[0] }));
  add(ev, ded(T(2024, 4, 8, 5, 10, 2), 'traffic_fee', 9900, '流量费', { term: terms[1] }));
  add(ev, ded(T(2024, 4, 1, 4, 0, 0), 'service_fee', 3000, '月服务费', { term: '' }));
  add(ev, ded(T(2024, 4, 25, 4, 0, 0), 'service_fee', 3000, '月服务费', { term: '' }));
  const c = K({
    agreed: [
      { category: 'service_fee', amountYuan: 30, every: 'month' },
      { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-06-01' },
    ],
  });
  label(ev, c, { showsNet: true });
  const rows = [];
  let seq = 0;
  for (const e of ev) {
    if (e.kind === 'payout') continue; // the acquirer's bill lists transactions and charges, not payouts
    seq += 1;
    const isSale = e.kind === 'sale' || e.kind === 'refund';
    const sg = e.kind === 'sale' ? 1 : -1;
    rows.push({
      ev: e,
      record: true,
      cells: [
        String(seq),
        fmt.date(e.t),
        fmt.time(e.t),
        e.term ?? '',
        isSale ? `6222****${r.int(1000, 9999)}` : '',
        isSale ? CARD_CN[e.card] : '',
        { sale: '消费', refund: '退货', deduction: '其他扣费' }[e.kind],
        comma(sg * e.amount),
        isSale ? `${(e.bp / 100).toFixed(2)}%` : '',
        isSale ? comma(sg * e.fee) : '0.00',
        comma(isSale ? sg * e.net : -e.amount),
        e.name ?? '',
      ],
    });
  }
  const sales = ev.filter((e) => e.kind === 'sale');
  const refunds = ev.filter((e) => e.kind === 'refund');
  const cols = [
    { title: '序号', w: 30 },
    { title: '交易日期', w: 60 },
    { title: '交易时间', w: 50 },
    { title: '终端号', w: 56 },
    { title: '卡号', w: 76 },
    { title: '卡类型', w: 44 },
    { title: '交易类型', w: 50 },
    { title: '交易金额', w: 70, align: 'right', headAlign: 'center' },
    { title: '费率', w: 44, align: 'right', headAlign: 'center' },
    { title: '手续费', w: 56, align: 'right', headAlign: 'center' },
    { title: '结算金额', w: 70, align: 'right', headAlign: 'center' },
    { title: '备注', w: 90 },
  ];
  const summary = [
    [['商户月结单', 330, 14]],
    [
      ['商户名称：老城区鲜果批发部', 40],
      ['商户编号：898310054112233', 330],
    ],
    [
      ['账单月份：2024年04月', 40],
      ['收单机构：汇通支付有限公司', 330],
    ],
    [['一、交易汇总', 40, 10]],
    [
      ['项目', 60],
      ['笔数', 200],
      ['金额(元)', 300],
    ],
    [
      ['消费', 60],
      [String(sales.length), 200],
      [comma(sales.reduce((a, e) => a + e.amount, 0)), 300],
    ],
    [
      ['退货', 60],
      [String(refunds.length), 200],
      [comma(-refunds.reduce((a, e) => a + e.amount, 0)), 300],
    ],
    [
      ['手续费', 60],
      [String(sales.length), 200],
      [comma(sales.reduce((a, e) => a + e.fee, 0)), 300],
    ],
    [['二、其他扣费', 40, 10]],
    [
      ['流量费', 60],
      ['2', 200],
      ['198.00', 300],
    ],
    [
      ['月服务费', 60],
      ['2', 200],
      ['60.00', 300],
    ],
    [
      ['本月结算金额', 60],
      [
        comma(
          sales.reduce((a, e) => a + e.net, 0) - refunds.reduce((a, e) => a + e.net, 0) - 25800,
        ),
        300,
      ],
    ],
  ];
  const bytes = await pdfTable({
    landscape: true,
    cols,
    rows,
    perPage: 28,
    summaryPages: [summary],
    title: [['交易明细', 360, 11]],
    footer: (p, n) => `${p}/${n}`,
    footerX: 400,
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(
    stem,
    'pdf',
    bytes,
    ev.filter((e) => e.kind !== 'payout'),
    c,
    { format: 'pdf', records: rows.length },
  );
});

// =============================================================================================
// PDF 3: English export, dates 05-Mar-2024, English fee names
fam('03-pdf-english', async (stem) => {
  const r = rng(303);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 29,
    perDay: [2, 5],
    actual: pricing(),
    payouts: false,
  });
  // withdrawals on demand, each followed by an instant settlement fee
  for (const day of [4, 9, 13, 19, 24, 28]) {
    const t = T(2024, 3, day, 20, r.int(0, 59), 0);
    add(ev, {
      kind: 'payout',
      t,
      amount: r.int(50000, 300000),
      name: 'Withdrawal to card ending 4417',
    });
    add(ev, ded(addMin(t, 1), 'instant_settlement_fee', 200, 'Instant settlement fee'));
  }
  add(ev, ded(T(2024, 3, 3, 6, 0, 0), 'traffic_fee', 9900, 'SIM data fee (annual)'));
  add(ev, ded(T(2024, 3, 11, 6, 0, 0), 'service_fee', 19900, 'Annual service fee'));
  add(ev, ded(T(2024, 3, 12, 6, 0, 0), 'deposit', 29900, 'Terminal deposit'));
  add(ev, cred(T(2024, 3, 21, 9, 0, 0), 880, 'Fee rebate'));
  const c = K({
    agreed: [
      { category: 'traffic_fee', amountYuan: 99, every: 'year' },
      { category: 'deposit', amountYuan: 299, every: 'once' },
    ],
  });
  label(ev, c, { showsNet: true });
  const rows = ev.map((e) => {
    const sign = e.kind === 'sale' || e.kind === 'credit' ? 1 : -1;
    const fee = e.kind === 'sale' ? e.fee : 0;
    const type = { sale: 'Purchase', payout: 'Withdrawal', deduction: 'Charge', credit: 'Rebate' }[
      e.kind
    ];
    return {
      ev: e,
      record: true,
      cells: [
        fmt.dmy(e.t),
        fmt.time(e.t),
        type,
        e.card ? (e.card === 'debit' ? 'Debit' : 'Credit') : '',
        comma(sign * e.amount),
        comma(fee),
        comma(e.kind === 'sale' ? e.net : sign * e.amount),
        e.name ?? (e.kind === 'sale' ? 'POS purchase' : ''),
      ],
    };
  });
  const cols = [
    { title: 'Transaction Date', w: 72 },
    { title: 'Time', w: 44 },
    { title: 'Type', w: 52 },
    { title: 'Card', w: 40 },
    { title: 'Amount (CNY)', w: 70, align: 'right' },
    { title: 'Merchant Fee', w: 60, align: 'right' },
    { title: 'Net Amount', w: 70, align: 'right' },
    { title: 'Description', w: 140 },
  ];
  const bytes = await pdfTable({
    cols,
    rows,
    perPage: 45,
    title: [
      ['Merchant Transaction Statement', 200, 12],
      ['Merchant: Golden Bridge Noodle House   MID: 898310054112233'],
      ['Period: 01-Mar-2024 to 29-Mar-2024'],
    ],
    footer: (p, n) => `Page ${p} of ${n}`,
    tail: [['Total', '', '', '', '', '', '', `${rows.length} records`]],
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, ev, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// PDF 4: bank 对公 account statement: 借方/贷方发生额, 余额, counterpart = the acquirer
fam('04-pdf-bank-corporate', async (stem) => {
  const r = rng(404);
  const ev = [];
  let bal = 5234711;
  for (let day = 1; day <= 30; day++) {
    if (r.chance(0.85))
      ev.push({
        kind: 'payin',
        t: T(2024, 4, day, 10, r.int(0, 59), r.int(0, 59)),
        amount: r.int(50000, 900000),
        name: 'POS结算款',
        cp: '银联商务股份有限公司',
      });
  }
  ev.push({
    kind: 'other',
    t: T(2024, 4, 7, 15, 20, 0),
    amount: 1200000,
    name: '货款',
    cp: '广州市白云区鲜达食品商行',
  });
  ev.push({
    kind: 'other',
    t: T(2024, 4, 15, 16, 2, 0),
    amount: 860000,
    name: '代发工资',
    cp: '本单位员工',
  });
  ev.push(
    ded(T(2024, 4, 3, 8, 1, 0), 'traffic_fee', 9900, '代扣POS终端流量费', {
      cp: '银联商务股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 4, 3, 8, 1, 30), 'traffic_fee', 9900, '代扣POS终端流量费', {
      cp: '银联商务股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 4, 12, 8, 5, 0), 'service_fee', 29800, '扣收商户增值服务年费', {
      cp: '银联商务股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 4, 22, 8, 5, 0), 'service_fee', 29800, '扣收商户增值服务年费', {
      cp: '银联商务股份有限公司',
    }),
  );
  ev.push(cred(T(2024, 4, 18, 11, 0, 0), 9900, '流量费退回', { cp: '银联商务股份有限公司' }));
  ev.sort((a, b) => a.t.ms - b.t.ms);
  const c = K({
    provider: '银联商务股份有限公司',
    agreed: [{ category: 'service_fee', amountYuan: 298, every: 'year' }],
  });
  // bank statements carry no per-sale fees: the other_deduction rows are needs_review in the label
  const lab = ev.filter((e) => e.kind !== 'payin');
  label(lab, c, {});
  const rows = ev.map((e) => {
    const credit = e.kind === 'payin' || e.kind === 'credit';
    bal += credit ? e.amount : -e.amount;
    return {
      ev: e,
      record: true,
      cells: [
        fmt.compact(e.t),
        fmt.time(e.t),
        e.name,
        credit ? '' : comma(e.amount),
        credit ? comma(e.amount) : '',
        comma(bal),
        e.cp,
        e.cp.includes('银联') ? '1100 1234 5678 0000 888' : '6228 4800 1234 5678',
      ],
    };
  });
  const cols = [
    { title: '交易日期', w: 52 },
    { title: '时间', w: 42 },
    { title: '摘要', w: 100 },
    { title: '借方发生额', w: 64, align: 'right' },
    { title: '贷方发生额', w: 64, align: 'right' },
    { title: '余额', w: 70, align: 'right' },
    { title: '对方户名', w: 120 },
    { title: '对方账号', w: 110 },
  ];
  const bytes = await pdfTable({
    landscape: true,
    cols,
    rows,
    perPage: 14,
    title: [
      ['中国某某银行 单位活期账户对账单', 260, 13],
      ['户名：杭州西溪小厨餐饮有限公司   账号：3301 0400 1122 3344 556   币种：人民币'],
      ['起止日期：2024年04月01日 至 2024年04月30日'],
    ],
    repeatTitle: true,
    footer: (p, n) => `第 ${p} 页 / 共 ${n} 页`,
    footNote: '温馨提示：本对账单经电子签章，可作为记账凭证。',
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, lab, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// PDF 5: aggregator app export: date and time wrapped in one cell, headers left and amounts
// right-aligned, 本页小计 per page, ¥ amounts
fam('05-pdf-app-wrapped', async (stem) => {
  const r = rng(505);
  const ev = simulate(r, {
    from: [2024, 5, 1],
    days: 20,
    perDay: [2, 4],
    actual: (s) => ({ bp: 60, cap: null, perTx: fmt.date(s.t) >= '2024-05-11' ? 100 : 0 }),
    card: () => null,
  });
  for (const s of ev.filter(
    (e) => e.kind === 'sale' && fmt.date(e.t) >= '2024-05-11' && fmt.date(e.t) <= '2024-05-12',
  ))
    hide(s, 300);
  add(ev, ded(T(2024, 5, 6, 7, 0, 0), 'traffic_fee', 3600, '4G流量包费（季度）'));
  add(ev, ded(T(2024, 5, 16, 7, 0, 0), 'service_fee', 6800, 'VIP会员月费'));
  add(ev, cred(T(2024, 5, 9, 7, 0, 0), 500, '活动补贴'));
  const c = K({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'service_fee', amountYuan: 68, every: 'month' }],
  });
  label(ev, c, { showsNet: true });
  const yen = (fen) => (fen < 0 ? '-¥' : '¥') + comma(Math.abs(fen));
  const rows = ev.map((e) => {
    const sign = e.kind === 'sale' || e.kind === 'credit' ? 1 : -1;
    const type = {
      sale: '扫码收款',
      refund: '退款',
      payout: '自动结算',
      deduction: '费用扣除',
      credit: '补贴入账',
    }[e.kind];
    const fee = e.kind === 'sale' ? e.fee : e.kind === 'refund' ? -e.fee : 0;
    const net = e.kind === 'sale' ? e.net : e.kind === 'refund' ? -e.net : sign * e.amount;
    return {
      ev: e,
      record: true,
      cells: [
        fmt.date(e.t),
        type,
        yen(sign * e.amount),
        yen(fee),
        yen(net),
        e.kind === 'payout' ? '结算至尾号0932' : (e.name ?? ''),
      ],
      more: [[fmt.time(e.t), null, null, null, null, null]],
    };
  });
  const cols = [
    { title: '交易时间', w: 70 },
    { title: '类型', w: 60 },
    { title: '金额', w: 80, align: 'right', headAlign: 'left' },
    { title: '手续费', w: 60, align: 'right', headAlign: 'left' },
    { title: '到账金额', w: 80, align: 'right', headAlign: 'left' },
    { title: '说明', w: 120 },
  ];
  const bytes = await pdfTable({
    cols,
    rows,
    perPage: 40,
    title: [
      ['收款账单', 220, 12],
      ['门店：阿强烧腊（沙井店）'],
      ['账单周期：2024.05.01-2024.05.20'],
    ],
    pageTotal: (rs) => [
      '本页小计',
      '',
      yen(rs.filter((x) => x.ev.kind === 'sale').reduce((a, x) => a + x.ev.amount, 0)),
      yen(rs.filter((x) => x.ev.kind === 'sale').reduce((a, x) => a + x.ev.fee, 0)),
      '',
      '',
    ],
    footer: (p) => `- ${p} -`,
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, ev, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// PDF 6: landscape bilingual headers on two lines (Chinese over English), long 摘要 wrapping
// into a second line in the middle of the fee name
fam('06-pdf-bilingual-wrap', async (stem) => {
  const r = rng(606);
  const ev = simulate(r, {
    from: [2024, 6, 1],
    days: 30,
    perDay: [1, 4],
    actual: pricing('2024-06-20', { debit: [50, 2000], credit: [72, null], unknown: [72, null] }),
  });
  add(
    ev,
    ded(T(2024, 6, 2, 3, 0, 0), 'traffic_fee', 4800, '智能终端SIM卡流量', {
      more: '年费（自动续费）',
    }),
  );
  add(
    ev,
    ded(T(2024, 6, 14, 3, 0, 0), 'deposit', 9900, '电签POS机具激活', {
      more: '押金（未达标扣收）',
    }),
  );
  add(ev, ded(T(2024, 6, 21, 3, 0, 0), 'service_fee', 2000, '收银系统升级费'));
  add(ev, oth(T(2024, 6, 25, 3, 0, 0), 1580, '差错调账扣款'));
  const c = K({
    agreed: [{ category: 'traffic_fee', amountYuan: 48, every: 'year', startsAfter: '2024-06-02' }],
  });
  label(ev, c, { showsNet: true });
  const rows = ev.map((e) => {
    const sign = e.kind === 'sale' ? 1 : -1;
    const fee = e.kind === 'sale' ? e.fee : e.kind === 'refund' ? -e.fee : 0;
    const net = e.kind === 'sale' ? e.net : e.kind === 'refund' ? -e.net : -e.amount;
    const type = {
      sale: '消费',
      refund: '退货',
      payout: '清算划款',
      deduction: '扣费',
      other: '调账',
    }[e.kind];
    const row = {
      ev: e,
      record: true,
      cells: [
        fmt.dt(e.t),
        type,
        CARD_CN[e.card ?? null] ?? '',
        comma(sign * e.amount),
        comma(fee),
        comma(net),
        e.kind === 'payout' ? '清算至尾号3390' : (e.name ?? ''),
      ],
    };
    if (e.more) row.more = [[null, null, null, null, null, null, e.more]];
    return row;
  });
  const cols = [
    { title: '交易时间 Time', w: 100 },
    { title: '类型 Type', w: 60 },
    { title: '卡类型 Card', w: 60 },
    { title: '交易金额 Amount', w: 84, align: 'right' },
    { title: '手续费 Fee', w: 64, align: 'right' },
    { title: '清算金额 Settled', w: 84, align: 'right' },
    { title: '摘要 Remark', w: 140 },
  ];
  const bytes = await pdfTable({
    landscape: true,
    cols,
    rows,
    perPage: 26,
    title: [['商户交易对账单 Merchant Statement', 250, 12], ['商户号 MID：898310054112233']],
    footer: (p, n) => `第${p}页，共${n}页`,
    footNote: '如对账单有误，请于30日内联系客服 95xxx',
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, ev, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// 07: WeChat Pay merchant 交易账单: every field prefixed with a backtick, 费率 column, refunds,
// a summary block (its own header and a totals line) at the end. Rate rises 0.38 % → 0.60 %.
fam('07-wechat-trade', async (stem) => {
  const r = rng(707);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 31,
    perDay: [4, 9],
    actual: (s) => ({ bp: fmt.date(s.t) >= '2024-03-16' ? 60 : 38, cap: null }),
    card: () => null,
    amount: (r) => (r.chance(0.1) ? r.int(20000, 200000) : r.int(300, 12000)),
    refunds: 0.15,
    payouts: false,
  });
  const c = K({ provider: '财付通支付科技有限公司', rates: [{ cardType: 'any', percent: 0.38 }] });
  label(ev, c, {});
  const head = [
    '交易时间',
    '公众账号ID',
    '商户号',
    '特约商户号',
    '设备号',
    '微信订单号',
    '商户订单号',
    '用户标识',
    '交易类型',
    '交易状态',
    '付款银行',
    '货币种类',
    '应结订单金额',
    '代金券金额',
    '微信退款单号',
    '商户退款单号',
    '退款金额',
    '充值券退款金额',
    '退款类型',
    '退款状态',
    '商品名称',
    '商户数据包',
    '手续费',
    '费率',
    '订单金额',
    '申请退款金额',
    '费率备注',
  ];
  const lines = [head];
  const bt = (xs) => xs.map((x) => '`' + x);
  for (const e of ev) {
    const oid = `42000021${fmt.compact(e.t)}${r.int(10000000, 99999999)}`;
    const rate = `${(e.bp / 100).toFixed(2)}%`;
    if (e.kind === 'sale') {
      lines.push(
        bt([
          fmt.dt(e.t),
          'wx8a1c93f0d2b7e411',
          '1612345678',
          '0',
          'POS01',
          oid,
          `T${fmt.compact(e.t)}${r.int(1000, 9999)}`,
          `oUpF8u${r.int(100000, 999999)}`,
          'MICROPAY',
          'SUCCESS',
          r.pick(['CMB_DEBIT', 'ICBC_CREDIT', 'OTHERS', 'CCB_DEBIT']),
          'CNY',
          yuan(e.amount),
          '0.00',
          '0',
          '0',
          '0.00',
          '0.00',
          '',
          '',
          '堂食',
          '',
          yuan(e.fee),
          rate,
          yuan(e.amount),
          '0.00',
          '',
        ]),
      );
    } else {
      lines.push(
        bt([
          fmt.dt(e.t),
          'wx8a1c93f0d2b7e411',
          '1612345678',
          '0',
          'POS01',
          oid,
          `T${fmt.compact(e.of.t)}${r.int(1000, 9999)}`,
          `oUpF8u${r.int(100000, 999999)}`,
          'MICROPAY',
          'REFUND',
          'OTHERS',
          'CNY',
          '0.00',
          '0.00',
          `50300${r.int(10000000, 99999999)}`,
          `R${r.int(100000, 999999)}`,
          yuan(e.amount),
          '0.00',
          'ORIGINAL',
          'SUCCESS',
          '堂食',
          '',
          yuan(-e.fee),
          rate,
          '0.00',
          yuan(e.amount),
          '',
        ]),
      );
    }
    e.row = lines.length;
  }
  const sales = ev.filter((e) => e.kind === 'sale'),
    refunds = ev.filter((e) => e.kind === 'refund');
  lines.push([
    '总交易单数',
    '应结订单总金额',
    '退款总金额',
    '充值券退款总金额',
    '手续费总金额',
    '订单总金额',
    '申请退款总金额',
  ]);
  lines.push(
    bt([
      String(ev.length),
      yuan(sales.reduce((a, e) => a + e.amount, 0)),
      yuan(refunds.reduce((a, e) => a + e.amount, 0)),
      '0.00',
      yuan(sales.reduce((a, e) => a + e.fee, 0) - refunds.reduce((a, e) => a + e.fee, 0)),
      yuan(sales.reduce((a, e) => a + e.amount, 0)),
      yuan(refunds.reduce((a, e) => a + e.amount, 0)),
    ]),
  );
  return emit(stem, 'csv', '\ufeff' + csvText(lines, ',', '\r\n'), ev, c, {
    format: 'csv',
    encoding: 'utf-8-bom',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 08: WeChat Pay 资金账单 (fund flow): 收支类型 收入/支出, 收支金额, 账户结余; withdrawals with a
// separate 提现手续费; an annual fee
fam('08-wechat-fund', async (stem) => {
  const r = rng(808);
  const ev = simulate(r, {
    from: [2024, 4, 1],
    days: 30,
    perDay: [3, 7],
    actual: () => ({ bp: 60, cap: null }),
    card: () => null,
    payouts: false,
  });
  for (const day of [3, 8, 12, 17, 23, 29]) {
    const t = T(2024, 4, day, 21, r.int(0, 50), 0);
    add(ev, { kind: 'payout', t, amount: r.int(80000, 400000) });
    add(ev, ded(addMin(t, 0), 'instant_settlement_fee', 200, '提现手续费'));
  }
  add(ev, ded(T(2024, 4, 15, 10, 0, 0), 'service_fee', 36000, '服务商系统技术服务年费'));
  add(ev, cred(T(2024, 4, 20, 10, 0, 0), 1888, '活动奖励金'));
  const c = K({
    provider: '财付通支付科技有限公司',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'instant_settlement_fee', amountYuan: 2, every: 'month' }],
  });
  label(ev, c, {});
  const head = [
    '记账时间',
    '微信支付业务单号',
    '资金流水单号',
    '业务名称',
    '业务类型',
    '收支类型',
    '收支金额（元）',
    '账户结余（元）',
    '资金变更提交申请人',
    '备注',
    '业务凭证号',
  ];
  const lines = [
    ['微信支付资金账单'],
    [`商户号：\`1612345678`],
    ['起始时间：`2024-04-01 00:00:00', '终止时间：`2024-04-30 23:59:59'],
    [],
    head,
  ];
  let bal = 120000;
  const bt = (xs) => xs.map((x) => '`' + x);
  for (const e of ev) {
    const out = e.kind !== 'sale' && e.kind !== 'credit';
    const money = e.kind === 'sale' ? e.net : e.amount;
    bal += out ? -money : money;
    const [name, type, note] = {
      sale: ['交易', '交易', ''],
      payout: ['提现', '提现', '提现至招商银行(尾号4417)'],
      deduction: [
        e.name,
        e.category === 'instant_settlement_fee' ? '提现' : '扣费',
        e.category === 'instant_settlement_fee' ? '提现手续费' : '2024年度',
      ],
      credit: [e.name, '营销', '活动奖励'],
    }[e.kind];
    lines.push(
      bt([
        fmt.dt(e.t),
        `42000021${r.int(10000000, 99999999)}`,
        `1612345678${r.int(1000000, 9999999)}`,
        name,
        type,
        out ? '支出' : '收入',
        yuan(money),
        yuan(bal),
        out && e.kind !== 'deduction' ? '1612345678API' : 'system',
        note,
        '',
      ]),
    );
    e.row = lines.length;
  }
  const outs = ev.filter((e) => e.kind !== 'sale' && e.kind !== 'credit');
  lines.push(['资金流水总笔数', '收入笔数', '收入金额', '支出笔数', '支出金额']);
  lines.push(
    bt([
      String(ev.length),
      String(ev.length - outs.length),
      yuan(ev.filter((e) => e.kind === 'sale').reduce((a, e) => a + e.net, 0) + 1888),
      String(outs.length),
      yuan(outs.reduce((a, e) => a + e.amount, 0)),
    ]),
  );
  return emit(stem, 'csv', csvText(lines, ',', '\r\n'), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 5,
    records: ev.length,
  });
});

// =============================================================================================
// 09: Alipay 账务明细: # comment lines before and after, 收入/支出 columns, 业务类型; the per-sale
// 交易服务费 rows at the contracted rate are not findings; an annual 服务年费 is
fam('09-alipay-ledger', async (stem) => {
  const r = rng(909);
  const ev = simulate(r, {
    from: [2024, 5, 1],
    days: 31,
    perDay: [3, 6],
    actual: () => ({ bp: 60, cap: null }),
    card: () => null,
    payouts: false,
  });
  const c = K({
    provider: '支付宝（中国）网络技术有限公司',
    rates: [{ cardType: 'any', percent: 0.6 }],
  });
  const all = [];
  for (const e of ev) {
    all.push(e);
    all.push({ kind: 'feeRow', t: addMin(e.t, 0), amount: e.fee, of: e });
  }
  for (const day of [7, 14, 21, 28])
    all.push({ kind: 'payout', t: T(2024, 5, day, 22, 0, 0), amount: r.int(200000, 500000) });
  all.push(ded(T(2024, 5, 10, 9, 0, 0), 'service_fee', 36500, '商家经营服务年费'));
  all.push(ded(T(2024, 5, 18, 9, 0, 0), 'traffic_fee', 6000, '收款音箱物联网卡流量费'));
  all.push(cred(T(2024, 5, 25, 9, 0, 0), 1200, '服务费返还'));
  all.sort((a, b) => a.t.ms - b.t.ms);
  label(all, c, { showsFee: false });
  const lines = [
    '#支付宝账务明细查询',
    '#账号:[20881234567890120156]',
    '#起始日期:[2024年05月01日 00:00:00]   终止日期:[2024年06月01日 00:00:00]',
    '#-----------------------------------------账务明细列表----------------------------------------',
  ];
  lines.push([
    '账务流水号',
    '业务流水号',
    '商户订单号',
    '商品名称',
    '发生时间',
    '对方账号',
    '收入金额（+元）',
    '支出金额（-元）',
    '账户余额（元）',
    '交易渠道',
    '业务类型',
    '备注',
  ]);
  let bal = 500000;
  for (const e of all) {
    const inn = e.kind === 'sale' || e.kind === 'credit';
    bal += inn ? e.amount : -e.amount;
    const biz = e.biz ?? (e.biz = `2024${r.int(10000000, 99999999)}${r.int(10000000, 99999999)}`);
    if (e.kind === 'feeRow') e.biz = e.of.biz;
    const [goods, cp, type, note] = {
      sale: ['门店消费', 'xia***@163.com', '在线支付', ''],
      feeRow: [`交易服务费[${e.of?.biz}]`, '支付宝（中国）网络技术有限公司', '收费', ''],
      payout: ['提现', '招商银行(4417)', '提现', '提现到银行卡'],
      deduction: [e.name, '支付宝（中国）网络技术有限公司', '收费', ''],
      credit: [e.name, '支付宝（中国）网络技术有限公司', '其他', ''],
    }[e.kind];
    lines.push([
      `${r.int(100000000, 999999999)}${r.int(10000, 99999)}`,
      e.kind === 'feeRow' ? e.of.biz : biz,
      e.kind === 'sale' ? `M${r.int(100000, 999999)}` : '',
      goods,
      fmt.dt(e.t),
      cp,
      inn ? yuan(e.amount) : '',
      inn ? '' : yuan(e.amount),
      yuan(bal),
      '支付宝',
      type,
      note,
    ]);
    e.row = lines.length;
  }
  const inn = all.filter((e) => e.kind === 'sale' || e.kind === 'credit');
  lines.push(
    '#-----------------------------------------账务明细列表结束------------------------------------',
  );
  lines.push(
    `#支出合计：${all.length - inn.length}笔，共${yuan(all.filter((e) => !inn.includes(e)).reduce((a, e) => a + e.amount, 0))}元`,
  );
  lines.push(`#收入合计：${inn.length}笔，共${yuan(inn.reduce((a, e) => a + e.amount, 0))}元`);
  lines.push('#导出时间：[2024年06月01日 10:12:55]');
  return emit(stem, 'csv', iconv.encode(csvText(lines, ',', '\r\n'), 'gb18030'), all, c, {
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 5,
    records: all.length,
  });
});

// =============================================================================================
// 10: 美团收银-style settlement: 门店 column, two stores, 费率 column (one store charged 0.60 %
// against an agreed 0.38 %), silent payout shortfalls, a monthly software fee charged twice
fam('10-meituan-stores', async (stem) => {
  const r = rng(1010);
  const stores = [
    ['望京店', '10293847'],
    ['酒仙桥店', '10293848'],
  ];
  const ev = simulate(r, {
    from: [2024, 4, 1],
    days: 30,
    perDay: [4, 8],
    card: () => null,
    payouts: false,
    actual: () => ({ bp: 38, cap: null }),
  });
  for (const e of ev) {
    e.store = r.pick(stores);
    if (e.store[0] === '酒仙桥店' && fmt.date(e.t) >= '2024-04-10') {
      e.bp = 60;
      e.fee = rateFee(e.amount, 60);
      e.net = e.amount - e.fee;
    }
  }
  const sales = ev.filter((e) => e.kind === 'sale');
  for (const i of [17, 55, 93]) hide(sales[i], 1000);
  add(
    ev,
    ded(T(2024, 4, 1, 2, 0, 0), 'service_fee', 3000, '收银软件服务费（2024年4月）', {
      store: stores[0],
    }),
  );
  add(
    ev,
    ded(T(2024, 4, 18, 2, 0, 0), 'service_fee', 3000, '收银软件服务费（2024年4月）', {
      store: stores[0],
    }),
  );
  const c = K({
    provider: '北京三快在线科技有限公司',
    rates: [{ cardType: 'any', percent: 0.38 }],
    agreed: [{ category: 'service_fee', amountYuan: 30, every: 'month' }],
  });
  label(ev, c, { showsNet: true });
  const lines = [
    [
      '门店名称',
      '门店ID',
      '订单号',
      '支付时间',
      '支付方式',
      '订单金额',
      '费率',
      '手续费',
      '结算金额',
      '结算状态',
      '备注',
    ],
  ];
  for (const e of ev) {
    if (e.kind === 'sale')
      lines.push([
        e.store[0],
        e.store[1],
        `${r.int(10000000, 99999999)}${r.int(1000000, 9999999)}`,
        fmt.dt(e.t),
        r.pick(['微信', '支付宝', '银联云闪付']),
        yuan(e.amount),
        `${(e.bp / 100).toFixed(2)}%`,
        yuan(e.fee),
        yuan(e.net),
        '已结算',
        '',
      ]);
    else
      lines.push([
        e.store[0],
        e.store[1],
        '',
        fmt.dt(e.t),
        '',
        yuan(-e.amount),
        '',
        '0.00',
        yuan(-e.amount),
        '已扣除',
        e.name,
      ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 11: 抖音来客-style workbook, two sheets: 订单明细 (技术服务费 per order, rate rise) and
// 扣款明细 (a list of charges: 保证金 agreed once and topped up again, an annual tool fee)
fam('11-douyin-sheets', async (stem) => {
  const r = rng(1111);
  const ev = simulate(r, {
    from: [2024, 7, 1],
    days: 31,
    perDay: [3, 7],
    card: () => null,
    payouts: false,
    amount: (r) => r.int(5000, 300000),
    actual: (s) => ({ bp: fmt.date(s.t) >= '2024-07-20' ? 300 : 250, cap: null }),
  });
  const charges = [
    ded(T(2024, 7, 2, 10, 0, 0), 'deposit', 100000, '店铺保证金'),
    ded(T(2024, 7, 22, 10, 0, 0), 'deposit', 100000, '保证金补缴'),
    ded(T(2024, 7, 9, 10, 0, 0), 'service_fee', 29900, '经营工具年费'),
  ];
  const c = K({
    provider: '北京微播视界科技有限公司',
    rates: [{ cardType: 'any', percent: 2.5 }],
    agreed: [{ category: 'deposit', amountYuan: 1000, every: 'once' }],
  });
  const all = [...ev, ...charges];
  label(all, c, { showsNet: true });
  const s1 = [
    ['订单明细'],
    [
      '订单编号',
      '商品名称',
      '核销时间',
      '订单实收(元)',
      '技术服务费(元)',
      '费率',
      '应结算金额(元)',
      '结算状态',
    ],
  ];
  for (const e of ev) {
    s1.push([
      `${r.int(10000000, 99999999)}${r.int(10000000, 99999999)}`,
      r.pick(['双人套餐', '单人午市套餐', '100元代金券']),
      fmt.dt(e.t),
      Number(yuan(e.amount)),
      Number(yuan(e.fee)),
      `${(e.bp / 100).toFixed(1)}%`,
      Number(yuan(e.net)),
      '已结算',
    ]);
    e.row = s1.length;
    e.sheet = '订单明细';
  }
  const s2 = [['扣款明细'], ['扣款时间', '扣款项目', '扣款金额(元)', '关联门店', '备注']];
  for (const e of charges) {
    s2.push([fmt.dt(e.t), e.name, Number(yuan(e.amount)), '老街烤鱼（万达店）', '']);
    e.row = s2.length;
    e.sheet = '扣款明细';
  }
  const bytes = await xlsxBytes([
    { name: '订单明细', rows: s1 },
    { name: '扣款明细', rows: s2 },
  ]);
  return emit(stem, 'xlsx', bytes, all, c, {
    format: 'xlsx',
    sheets: ['订单明细', '扣款明细'],
    records: all.length,
  });
});

// a plain POS ledger row: sale/refund/payout/deduction/credit/other with a signed amount
const signed = (e) => (e.kind === 'sale' || e.kind === 'credit' ? 1 : -1) * e.amount;
const feeOf = (e) => (e.kind === 'sale' ? e.fee : e.kind === 'refund' ? -e.fee : 0);
const netOf = (e) => (e.kind === 'sale' ? e.net : e.kind === 'refund' ? -e.net : signed(e));

// =============================================================================================
// 12: English CSV export: Transaction Date 05-Mar-2024, English types and fee names
fam('12-en-csv', async (stem) => {
  const r = rng(1212);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 31,
    perDay: [2, 5],
    actual: pricing('2024-03-21'),
    refunds: 0.08,
  });
  add(ev, ded(T(2024, 3, 4, 5, 0, 0), 'traffic_fee', 7200, 'Data plan fee - terminal SIM'));
  add(ev, ded(T(2024, 3, 9, 5, 0, 0), 'service_fee', 9900, 'Membership fee (annual)'));
  add(ev, ded(T(2024, 3, 12, 5, 0, 0), 'deposit', 19900, 'Activation fee'));
  add(ev, ded(T(2024, 3, 17, 22, 30, 0), 'instant_settlement_fee', 300, 'T+0 withdrawal fee'));
  add(ev, cred(T(2024, 3, 20, 9, 0, 0), 500, 'Fee refund'));
  add(ev, cred(T(2024, 3, 26, 9, 0, 0), 1000, 'Cashback reward'));
  const c = K();
  label(ev, c, { showsNet: true });
  const lines = [
    ['Merchant Statement'],
    ['Merchant ID: 898310054112233'],
    ['Statement Period: 01-Mar-2024 to 31-Mar-2024'],
    [],
    [
      'Transaction Date',
      'Transaction Time',
      'Type',
      'Card Type',
      'Amount',
      'Merchant Fee',
      'Net Amount',
      'Description',
      'Terminal ID',
      'Reference No.',
    ],
  ];
  for (const e of ev) {
    const type = {
      sale: 'Sale',
      refund: 'Refund',
      payout: 'Settlement',
      deduction: 'Fee',
      credit: 'Credit',
    }[e.kind];
    lines.push([
      fmt.dmy(e.t),
      fmt.time(e.t),
      type,
      e.card ? (e.card === 'debit' ? 'Debit' : 'Credit') : '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      e.kind === 'payout' ? 'Settled to account ending 6621' : (e.name ?? ''),
      '20481133',
      ref(r),
    ]);
    e.row = lines.length;
  }
  lines.push(['Total', '', '', '', '', '', '', `${ev.length} transactions`]);
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 5,
    records: ev.length,
  });
});

// =============================================================================================
// 13: bilingual workbook, dates as text "Mar 5, 2024" and 12-hour times "3:05 PM" in their own
// column; two monthly fees on one day (morning agreed, afternoon not)
fam('13-bilingual-xlsx', async (stem) => {
  const r = rng(1313);
  const ev = simulate(r, { from: [2024, 8, 1], days: 31, perDay: [2, 4], actual: pricing() });
  add(ev, ded(T(2024, 8, 5, 13, 20, 0), 'service_fee', 4500, '系统使用费 System fee'));
  add(ev, ded(T(2024, 8, 5, 9, 15, 0), 'service_fee', 3000, '系统使用费 System fee'));
  add(ev, ded(T(2024, 8, 19, 15, 40, 0), 'traffic_fee', 3600, '流量卡费 SIM card fee'));
  add(ev, ded(T(2024, 8, 19, 8, 40, 0), 'traffic_fee', 3600, '流量卡费 SIM card fee'));
  const c = K({
    agreed: [
      { category: 'service_fee', amountYuan: 30, every: 'month' },
      { category: 'traffic_fee', amountYuan: 36, every: 'quarter' },
    ],
  });
  label(ev, c, { showsNet: true });
  const rows = [
    ['商户交易明细 Merchant Transactions'],
    ['商户 Merchant: 滨江小面馆 Binjiang Noodles'],
    [],
    [
      '交易日期(Date)',
      '时间(Time)',
      '交易类型(Type)',
      '卡类型(Card)',
      '金额(Amount)',
      '手续费(Fee)',
      '结算金额(Settled)',
      '备注(Remark)',
    ],
  ];
  for (const e of ev) {
    const type = {
      sale: '消费 Sale',
      refund: '退货 Refund',
      payout: '结算 Settlement',
      deduction: '扣费 Charge',
    }[e.kind];
    rows.push([
      fmt.mdy(e.t),
      fmt.en12(e.t),
      type,
      e.card ? CARD_CN[e.card] : '',
      Number(yuan(signed(e))),
      Number(yuan(feeOf(e))),
      Number(yuan(netOf(e))),
      e.kind === 'payout' ? '结算至尾号7781 To card 7781' : (e.name ?? ''),
    ]);
    e.row = rows.length;
  }
  return emit(stem, 'xlsx', await xlsxBytes([{ name: 'Transactions', rows }]), ev, c, {
    format: 'xlsx',
    records: ev.length,
  });
});

// =============================================================================================
// 14: API export, ISO timestamps in UTC with Z: a deduction at 16:40Z is the next Beijing day
fam('14-iso-z', async (stem) => {
  const r = rng(1414);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 61,
    perDay: [1, 3],
    actual: pricing(),
    card: () => 'credit',
  });
  add(ev, ded(T(2024, 3, 1, 10, 0, 0), 'service_fee', 3000, 'monthly service fee 月服务费'));
  add(ev, ded(T(2024, 3, 5, 0, 40, 0), 'traffic_fee', 9900, 'SIM流量费'));
  add(ev, ded(T(2024, 4, 1, 1, 0, 0), 'service_fee', 3000, 'monthly service fee 月服务费'));
  add(ev, ded(T(2024, 4, 30, 23, 0, 0), 'service_fee', 3000, 'monthly service fee 月服务费'));
  add(ev, ded(T(2024, 4, 12, 7, 30, 0), 'deposit', 9900, 'device deposit 机具押金'));
  const c = K({
    rates: [
      { cardType: 'credit', percent: 0.6 },
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
    ],
    agreed: [
      { category: 'service_fee', amountYuan: 30, every: 'month' },
      { category: 'traffic_fee', amountYuan: 99, every: 'year', startsAfter: '2024-03-05' },
    ],
  });
  label(ev, c, { showsNet: true });
  const lines = [
    ['id', 'created_at', 'type', 'card_type', 'amount', 'fee', 'net_amount', 'description'],
  ];
  for (const e of ev) {
    lines.push([
      `tx_${r.int(1e8, 9e8)}`,
      fmt.isoZ(e.t),
      { sale: 'payment', refund: 'refund', payout: 'payout', deduction: 'charge' }[e.kind],
      e.card ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      e.kind === 'payout' ? 'payout to bank card ****6621' : (e.name ?? ''),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 15: ISO timestamps with a +00:00 offset; the yearly SIM fee taken at 16:30 UTC on the eve of
// its startsAfter date is on that date in Beijing
fam('15-iso-offset', async (stem) => {
  const r = rng(1515);
  const ev = simulate(r, {
    from: [2024, 6, 20],
    days: 25,
    perDay: [2, 4],
    actual: pricing(),
    card: (r) => r.pick(['debit', 'credit']),
  });
  add(ev, ded(T(2024, 7, 1, 0, 30, 0), 'traffic_fee', 6000, '物联网卡年费'));
  add(ev, ded(T(2024, 6, 30, 23, 50, 0), 'deposit', 29900, '终端激活押金'));
  add(ev, ded(T(2024, 7, 1, 0, 5, 0), 'deposit', 29900, '终端激活押金'));
  const c = K({
    agreed: [
      { category: 'traffic_fee', amountYuan: 60, every: 'year', startsAfter: '2024-07-01' },
      { category: 'deposit', amountYuan: 299, every: 'once' },
    ],
  });
  label(ev, c, { showsNet: true });
  const lines = [['交易时间(UTC)', '交易类型', '卡类型', '交易金额', '手续费', '入账金额', '摘要']];
  for (const e of ev) {
    lines.push([
      fmt.isoUtcOffset(e.t),
      { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      e.kind === 'payout' ? '结算至尾号0932' : (e.name ?? ''),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 16: workbook whose dates are Excel serial numbers in General format and whose times are real
// time cells in a separate column
fam('16-serial-xlsx', async (stem) => {
  const r = rng(1616);
  const ev = simulate(r, {
    from: [2024, 2, 1],
    days: 60,
    perDay: [1, 3],
    actual: pricing('2024-03-01'),
  });
  add(ev, ded(T(2024, 2, 10, 6, 0, 0), 'traffic_fee', 4800, '通讯费'));
  add(ev, ded(T(2024, 3, 10, 6, 0, 0), 'traffic_fee', 4800, '通讯费'));
  add(ev, ded(T(2024, 3, 22, 6, 0, 0), 'instant_settlement_fee', 500, 'D0垫资费'));
  const c = K({ agreed: [{ category: 'traffic_fee', amountYuan: 48, every: 'quarter' }] });
  label(ev, c, { showsNet: true });
  const rows = [
    ['交易日期', '交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注'],
  ];
  for (const e of ev) {
    rows.push([
      fmt.serial(e.t),
      { v: (e.t.hh * 3600 + e.t.mm * 60 + e.t.ss) / 86400, numFmt: 'hh:mm:ss' },
      { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      Number(yuan(signed(e))),
      Number(yuan(feeOf(e))),
      Number(yuan(netOf(e))),
      e.kind === 'payout' ? '结算至尾号5510' : (e.name ?? ''),
    ]);
    e.row = rows.length;
  }
  return emit(stem, 'xlsx', await xlsxBytes([{ name: 'Sheet1', rows }]), ev, c, {
    format: 'xlsx',
    records: ev.length,
  });
});

// =============================================================================================
// 17: CSV whose dates are Excel serial numbers as text, time "14:22:05" in its own column
fam('17-serial-csv', async (stem) => {
  const r = rng(1717);
  const ev = simulate(r, {
    from: [2024, 9, 1],
    days: 30,
    perDay: [2, 4],
    actual: pricing('2024-09-12'),
    refunds: 0.1,
  });
  add(ev, ded(T(2024, 9, 3, 6, 0, 0), 'service_fee', 19900, '商户服务年费'));
  add(ev, ded(T(2024, 9, 21, 6, 0, 0), 'deposit', 9900, '设备激活费'));
  const c = K({ agreed: [{ category: 'deposit', amountYuan: 99, every: 'once' }] });
  label(ev, c, { showsNet: true });
  const lines = [
    ['清算日期', '交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要'],
  ];
  for (const e of ev) {
    lines.push([
      String(fmt.serial(e.t)),
      fmt.time(e.t),
      { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      e.kind === 'payout' ? '结算至尾号5510' : (e.name ?? ''),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 18: GBK CSV with 12-hour Chinese times (2024/3/5 下午 3:05:12): the order of two fees on one
// day decides which is covered
fam('18-cn12h-gbk', async (stem) => {
  const r = rng(1818);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 31,
    perDay: [2, 5],
    actual: pricing('2024-03-25'),
  });
  add(ev, ded(T(2024, 3, 8, 9, 5, 0), 'service_fee', 3900, '会员费'));
  add(ev, ded(T(2024, 3, 8, 13, 5, 0), 'service_fee', 5900, '会员费'));
  add(ev, ded(T(2024, 3, 15, 12, 30, 0), 'traffic_fee', 9900, 'SIM卡年费'));
  add(ev, ded(T(2024, 3, 15, 0, 30, 0), 'traffic_fee', 6000, 'SIM卡年费'));
  const c = K({
    agreed: [
      { category: 'service_fee', amountYuan: 39, every: 'month' },
      { category: 'traffic_fee', amountYuan: 60, every: 'year' },
    ],
  });
  label(ev, c, { showsNet: true });
  const lines = [
    ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要', '参考号'],
  ];
  for (const e of ev) {
    lines.push([
      `${fmt.slash(e.t)} ${fmt.cn12(e.t)}`,
      { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      e.kind === 'payout' ? '结算至尾号2210' : (e.name ?? ''),
      ref(r),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', iconv.encode(csvText(lines, ',', '\r\n'), 'gbk'), ev, c, {
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 19: workbook with one sheet per store, 终端号 column, a 流量费 for every terminal
fam('19-stores-sheets', async (stem) => {
  const r = rng(1919);
  const stores = [
    ['城东店', ['31020001', '31020002']],
    ['城西店', ['31020003', '31020004']],
  ];
  const sheets = [];
  const all = [];
  for (const [name, terms] of stores) {
    const ev = simulate(r, { from: [2024, 10, 1], days: 31, perDay: [2, 5], actual: pricing() });
    for (const e of ev) e.term = r.pick(terms);
    terms.forEach((tm, i) =>
      add(ev, ded(T(2024, 10, 12, 4, 0, i), 'traffic_fee', 9900, '终端流量服务费', { term: tm })),
    );
    add(ev, cred(T(2024, 10, 20, 9, 0, 0), 300, '流量费返现', { term: terms[0] }));
    const rows = [
      [`${name}交易流水`],
      [
        '交易时间',
        '门店',
        '终端号',
        '交易类型',
        '卡类型',
        '交易金额',
        '手续费',
        '结算金额',
        '摘要',
      ],
    ];
    for (const e of ev) {
      rows.push([
        xDate(e.t),
        name,
        e.term ?? '',
        { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费', credit: '返现' }[e.kind],
        CARD_CN[e.card ?? null] ?? '',
        Number(yuan(signed(e))),
        Number(yuan(feeOf(e))),
        Number(yuan(netOf(e))),
        e.kind === 'payout' ? '结算至尾号1188' : (e.name ?? ''),
      ]);
      e.row = rows.length;
      e.sheet = name;
    }
    sheets.push({ name, rows });
    all.push(...ev);
  }
  const c = K();
  label(all, c, { showsNet: true });
  return emit(stem, 'xlsx', await xlsxBytes(sheets), all, c, {
    format: 'xlsx',
    sheets: stores.map((s) => s[0]),
    records: all.length,
  });
});

// =============================================================================================
// 20: one CSV for two merchant numbers (two shops of one owner) and three terminals, a SIM fee
// per terminal on one day, an agreed annual service fee
fam('20-terminals-csv', async (stem) => {
  const r = rng(2020);
  const terms = [
    ['898310054110001', '88010001'],
    ['898310054110001', '88010002'],
    ['898310054110002', '88010003'],
  ];
  const ev = simulate(r, {
    from: [2024, 11, 1],
    days: 30,
    perDay: [3, 6],
    actual: pricing('2024-11-18'),
  });
  for (const e of ev) e.tm = r.pick(terms);
  terms.forEach((tm, i) =>
    add(ev, ded(T(2024, 11, 6, 3, 10, i * 3), 'traffic_fee', 4800, 'POS通讯服务费', { tm })),
  );
  add(ev, ded(T(2024, 11, 9, 3, 0, 0), 'service_fee', 36000, '软件服务年费', { tm: terms[0] }));
  const c = K({ agreed: [{ category: 'service_fee', amountYuan: 360, every: 'year' }] });
  label(ev, c, { showsNet: true });
  const lines = [
    [
      '商户编号',
      '终端号',
      '交易日期',
      '交易时间',
      '交易类型',
      '卡类型',
      '交易金额',
      '手续费',
      '清算金额',
      '备注',
    ],
  ];
  for (const e of ev) {
    const tm = e.tm ?? terms[0];
    lines.push([
      tm[0],
      tm[1],
      fmt.compact(e.t),
      fmt.time(e.t).replace(/:/g, ''),
      { sale: '消费', refund: '退货', payout: '清算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      e.kind === 'payout' ? '清算至尾号9012' : (e.name ?? ''),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 21: HTML table saved as .xls (GBK), 终端号, a service fee per terminal, a deposit per terminal
fam('21-terminals-html', async (stem) => {
  const r = rng(2121);
  const terms = ['50110021', '50110022', '50110023'];
  const ev = simulate(r, { from: [2024, 12, 1], days: 31, perDay: [2, 5], actual: pricing() });
  for (const e of ev) e.term = r.pick(terms);
  terms.forEach((tm, i) =>
    add(ev, ded(T(2024, 12, 3, 2, 0, i), 'service_fee', 2900, '终端维护费', { term: tm })),
  );
  terms.forEach((tm, i) =>
    add(ev, ded(T(2024, 12, 18, 2, 0, i), 'deposit', 19900, 'POS机押金', { term: tm })),
  );
  const c = K();
  label(ev, c, { showsNet: true });
  let tr = 0;
  const trs = [];
  const row = (cells, tag = 'td') => {
    tr++;
    trs.push(`<tr>${cells.map((x) => `<${tag}>${x ?? ''}</${tag}>`).join('')}</tr>`);
    return tr;
  };
  row(['<b>商户交易明细查询</b>', '', '', '', '', '', '', '']);
  row(['商户名称：', '鼓楼区阿婆牛杂店', '', '', '', '', '', '']);
  row(['交易日期', '终端号', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注'], 'th');
  for (const e of ev)
    e.row = row([
      fmt.dt(e.t),
      e.term ?? '',
      { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      comma(signed(e)),
      yuan(feeOf(e)),
      comma(netOf(e)),
      e.kind === 'payout' ? '结算至尾号3377' : (e.name ?? ''),
    ]);
  row(['合计', '', '', '', '', '', '', '']);
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><table border="1">\n${trs.join('\n')}\n</table></body></html>`;
  return emit(stem, 'xls', iconv.encode(html, 'gbk'), ev, c, {
    format: 'html',
    encoding: 'gb18030',
    records: ev.length,
  });
});

// =============================================================================================
// 22: bank 对公账户 statement, GBK CSV, preamble, 借方发生额/贷方发生额/余额, 对方户名 = the acquirer
fam('22-bank-corporate-csv', async (stem) => {
  const r = rng(2222);
  const ev = [];
  for (let day = 1; day <= 31; day++)
    if (r.chance(0.9))
      ev.push({
        kind: 'payin',
        t: T(2024, 5, day, 9, r.int(0, 59), r.int(0, 59)),
        amount: r.int(80000, 1200000),
        name: 'POS结算',
        cp: '拉卡拉支付股份有限公司',
      });
  ev.push(
    ded(T(2024, 5, 6, 8, 30, 0), 'traffic_fee', 9900, '代扣POS机流量卡费', {
      cp: '拉卡拉支付股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 5, 9, 8, 30, 0), 'service_fee', 16800, '商户会员服务费', {
      cp: '拉卡拉支付股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 5, 9, 8, 31, 0), 'deposit', 29900, '机具押金', { cp: '拉卡拉支付股份有限公司' }),
  );
  ev.push(
    ded(T(2024, 5, 20, 8, 30, 0), 'instant_settlement_fee', 1000, 'D0垫资手续费', {
      cp: '拉卡拉支付股份有限公司',
    }),
  );
  ev.push(cred(T(2024, 5, 24, 10, 0, 0), 3150, '手续费返还', { cp: '拉卡拉支付股份有限公司' }));
  ev.push(cred(T(2024, 5, 28, 10, 0, 0), 50000, '分润', { cp: '深圳市聚财信息服务有限公司' }));
  ev.push(oth(T(2024, 5, 15, 14, 0, 0), 450000, '货款', { cp: '义乌市小商品贸易有限公司' }));
  ev.sort((a, b) => a.t.ms - b.t.ms);
  const c = K({
    provider: '拉卡拉支付股份有限公司',
    agreed: [{ category: 'deposit', amountYuan: 299, every: 'once' }],
  });
  const lab = ev.filter((e) => e.kind !== 'payin');
  label(lab, c, {});
  const lines = [
    ['账号：', '6217 0000 1234 5678 901'],
    ['户名：', '成都锦江区蜀香餐饮管理有限公司'],
    ['币种：', '人民币'],
    ['起止日期：', '20240501-20240531'],
    [],
    [
      '交易日期',
      '交易时间',
      '摘要',
      '借方发生额',
      '贷方发生额',
      '余额',
      '对方户名',
      '对方账号',
      '交易流水号',
    ],
  ];
  let bal = 2345678;
  for (const e of ev) {
    const credit = e.kind === 'payin' || e.kind === 'credit';
    bal += credit ? e.amount : -e.amount;
    lines.push([
      fmt.compact(e.t),
      fmt.time(e.t),
      e.name,
      credit ? '' : comma(e.amount),
      credit ? comma(e.amount) : '',
      comma(bal),
      e.cp,
      credit && e.cp.includes('拉卡拉') ? '110060012018000012345' : '622202400001234567',
      `${r.int(100000000, 999999999)}`,
    ]);
    e.row = lines.length;
  }
  lines.push(['合计', '', '', '', '', '', '', '', '']);
  return emit(stem, 'csv', iconv.encode(csvText(lines, ',', '\r\n'), 'gbk'), lab, c, {
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 6,
    records: ev.length,
  });
});

// =============================================================================================
// 23: bank statement workbook, 借贷标志 column (借/贷) with an unsigned 发生额 and a 余额
fam('23-bank-direction-xlsx', async (stem) => {
  const r = rng(2323);
  const ev = [];
  for (let day = 1; day <= 30; day++)
    if (r.chance(0.9))
      ev.push({
        kind: 'payin',
        t: T(2024, 6, day, 9, r.int(0, 59), r.int(0, 59)),
        amount: r.int(80000, 900000),
        name: '银联POS清算款',
        cp: '银联商务股份有限公司',
      });
  ev.push(
    ded(T(2024, 6, 4, 8, 0, 0), 'traffic_fee', 3600, '代扣流量卡费', {
      cp: '银联商务股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 6, 11, 8, 0, 0), 'service_fee', 9900, '扣会员费', { cp: '银联商务股份有限公司' }),
  );
  ev.push(
    ded(T(2024, 6, 25, 8, 0, 0), 'service_fee', 9900, '扣会员费', { cp: '银联商务股份有限公司' }),
  );
  ev.push(cred(T(2024, 6, 26, 8, 0, 0), 9900, '会员费退还', { cp: '银联商务股份有限公司' }));
  ev.push(cred(T(2024, 6, 14, 8, 0, 0), 2000, '达标奖励', { cp: '银联商务股份有限公司' }));
  ev.sort((a, b) => a.t.ms - b.t.ms);
  const c = K({
    provider: '银联商务股份有限公司',
    agreed: [
      { category: 'service_fee', amountYuan: 99, every: 'year' },
      { category: 'traffic_fee', amountYuan: 36, every: 'year' },
    ],
  });
  const lab = ev.filter((e) => e.kind !== 'payin');
  label(lab, c, {});
  const rows = [
    ['账户明细'],
    ['账号', '3100 2233 4455 6677'],
    [],
    ['交易时间', '借贷标志', '发生额', '余额', '摘要', '对方户名'],
  ];
  let bal = 1000000;
  for (const e of ev) {
    const credit = e.kind === 'payin' || e.kind === 'credit';
    bal += credit ? e.amount : -e.amount;
    rows.push([
      xDate(e.t),
      credit ? '贷' : '借',
      Number(yuan(e.amount)),
      Number(yuan(bal)),
      e.name,
      e.cp,
    ]);
    e.row = rows.length;
  }
  return emit(stem, 'xlsx', await xlsxBytes([{ name: '账户明细', rows }]), lab, c, {
    format: 'xlsx',
    records: ev.length,
  });
});

// =============================================================================================
// 24: rate rise with the rate printed as a column, debit cap raised 20 → 25 (借记卡封顶)
fam('24-rate-column', async (stem) => {
  const r = rng(2424);
  const ev = simulate(r, {
    from: [2024, 4, 1],
    days: 30,
    perDay: [3, 6],
    actual: pricing('2024-04-10'),
    card: (r) => r.pick(['debit', 'debit', 'credit']),
    amount: (r) => (r.chance(0.2) ? r.int(400000, 1500000) : r.int(1000, 60000)),
  });
  const c = K();
  label(ev, c, { showsNet: true });
  const lines = [
    ['交易时间', '交易类型', '卡种', '交易金额', '费率', '封顶', '手续费', '结算金额', '流水号'],
  ];
  for (const e of ev) {
    const debitUp = e.card === 'debit' && fmt.date(e.t) >= '2024-04-10';
    lines.push([
      fmt.dt(e.t),
      { sale: '消费', refund: '退货', payout: '结算' }[e.kind],
      e.card ? CARD_CN[e.card] : '',
      yuan(signed(e)),
      e.bp ? `${(e.bp / 100).toFixed(2)}%` : '',
      e.card === 'debit' ? (debitUp ? '25.00' : '20.00') : '',
      yuan(feeOf(e)),
      yuan(netOf(e)),
      ref(r),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 25: rate rise with no rate column and no card type: the highest contracted rate applies
fam('25-rate-hidden-xlsx', async (stem) => {
  const r = rng(2525);
  const ev = simulate(r, {
    from: [2024, 5, 1],
    days: 31,
    perDay: [3, 6],
    card: () => null,
    actual: (s) => ({ bp: fmt.date(s.t) >= '2024-05-16' ? 68 : 60, cap: null }),
  });
  add(ev, ded(T(2024, 5, 2, 5, 0, 0), 'traffic_fee', 9900, '移动数据服务费'));
  const c = K({
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
      { cardType: 'any', percent: 0.6 },
    ],
    agreed: [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  });
  label(ev, c, { showsNet: true });
  const rows = [
    ['交易明细'],
    ['统计区间：2024-05-01 至 2024-05-31'],
    ['交易时间', '类型', '金额', '手续费', '实际到账', '说明'],
  ];
  for (const e of ev) {
    rows.push([
      fmt.dt(e.t),
      { sale: '收款', refund: '退款', payout: '提现', deduction: '扣费' }[e.kind],
      Number(yuan(signed(e))),
      Number(yuan(feeOf(e))),
      Number(yuan(netOf(e))),
      e.kind === 'payout' ? '提现至尾号6200' : (e.name ?? ''),
    ]);
    e.row = rows.length;
  }
  rows.push(['合计', '', null, null, null, `${ev.length}笔`]);
  return emit(stem, 'xlsx', await xlsxBytes([{ name: '明细', rows }]), ev, c, {
    format: 'xlsx',
    records: ev.length,
  });
});

const TRAFFIC = [
  '流量费',
  '流量卡费',
  'SIM卡费',
  '通讯费',
  '数据服务费',
  '物联网卡年费',
  '4G流量包费',
  '移动数据费',
  '终端通讯服务费',
  'GPRS通讯费',
  '无线通讯费',
  '机具流量年费',
  '网络通讯费',
  '流量套餐费',
  '物联卡资费',
  'SIM卡服务费',
  '通信费',
  '数据流量费',
  '智能POS流量费',
  '电签流量费',
  '流量包年费',
  '通讯年费',
  '机具通讯费',
  '物联网流量费',
  '流量使用费',
  '终端SIM卡年费',
];
const SERVICE = [
  '服务费',
  '年费',
  '会员费',
  '权益费',
  '系统使用费',
  '商户服务年费',
  '终端维护费',
  '系统维护费',
  '软件服务费',
  '平台使用费',
  '技术服务费',
  '年审费',
  '系统升级费',
  '会员服务费',
  'VIP会员费',
  '超级会员年费',
  '增值服务费',
  '收银系统年费',
  '信息服务费',
  '商户管理费',
  '终端管理费',
  '系统服务费',
  '年度服务费',
  '会员权益费',
  'SaaS服务费',
  '软件年费',
  '机具维护费',
  '智能收银服务费',
];
const DEPOSIT = [
  '押金',
  '激活费',
  '保证金',
  '机具款',
  '机具押金',
  '设备押金',
  '终端押金',
  'POS机押金',
  '激活押金',
  '终端激活费',
  '刷卡激活费',
  '购机款',
  '设备款',
  '机具采购款',
  '履约保证金',
  '风险保证金',
  '达标押金',
  '商户保证金',
  '设备激活费',
  '入网押金',
  '开通激活费',
];
const INSTANT = [
  '秒到费',
  'D0手续费',
  '提现费',
  '垫资费',
  '提现手续费',
  '秒到手续费',
  '快速到账费',
  '即时到账服务费',
  'D0垫资费',
  'T0提现费',
  '实时到账费',
  '加急到账费',
  '秒结手续费',
  '极速到账费',
  '闪电到账费',
  '当日到账费',
  '提前结算费',
  '快速结算服务费',
  '出款手续费',
  'D0秒到服务费',
  'T0手续费',
  '即时提现费',
];
const OTHER = ['调账', '差错扣款', '其他扣款', '风险调单扣款', '扣款'];
const CREDITS = [
  '手续费返还',
  '流量费退回',
  '活动补贴',
  '奖励金',
  '分润',
  '服务费退还',
  '押金退还',
  '流量费返现',
  '激活返现',
  '达标奖励',
  '交易补贴',
  '手续费补贴',
  '会员费退款',
  '秒到费返还',
];
const PAYOUTS = [
  '结算',
  '提现至尾号1234',
  'D0提现',
  '秒到提现',
  'T0出款',
  '结算款划付至尾号5678',
  '余额提现',
  'T1结算',
];
const AMT = {
  traffic_fee: [3600, 4800, 6000, 9900, 7200],
  service_fee: [2900, 3900, 9900, 19900, 29900],
  deposit: [9900, 19900, 29900],
  instant_settlement_fee: [100, 200, 300, 500],
};
const CATS = [
  ['traffic_fee', TRAFFIC],
  ['service_fee', SERVICE],
  ['deposit', DEPOSIT],
  ['instant_settlement_fee', INSTANT],
];
/** a slice of every list: names [from, to) of each category */
function vocab(r, from, to) {
  const out = [];
  for (const [cat, names] of CATS)
    for (const n of names.slice(from, to)) out.push([cat, n, r.pick(AMT[cat])]);
  return out;
}
function spread(r, ev, items, y, m, days, mk) {
  items.forEach((it, i) =>
    add(ev, mk(it, T(y, m, 1 + ((i * 7) % days), r.int(1, 6), r.int(0, 59), i % 60))),
  );
}

// =============================================================================================
// 26: bank SMS, "----" between messages, some messages over two lines
fam('26-sms-banks', async (stem) => {
  const r = rng(2626);
  const ev = [];
  const banks = [
    ['中国建设银行', '8821'],
    ['中国工商银行', '0932'],
    ['招商银行', '6621'],
    ['中国农业银行', '3307'],
  ];
  for (let day = 1; day <= 30; day++)
    if (r.chance(0.7))
      ev.push({
        kind: 'payin',
        t: T(2024, 3, day, 9, r.int(0, 59), 0),
        amount: r.int(50000, 600000),
        bank: r.pick(banks),
      });
  ev.push(
    ded(T(2024, 3, 5, 14, 22, 0), 'traffic_fee', 9900, 'POS终端流量费', {
      bank: banks[0],
      form: 0,
    }),
  );
  ev.push(
    ded(T(2024, 3, 7, 8, 1, 0), 'service_fee', 16800, '商户会员服务费', {
      bank: banks[2],
      form: 1,
    }),
  );
  ev.push(
    ded(T(2024, 3, 12, 8, 1, 0), 'traffic_fee', 4800, '流量卡年费', { bank: banks[3], form: 2 }),
  );
  ev.push(ded(T(2024, 3, 19, 8, 1, 0), 'deposit', 19900, '机具押金', { bank: banks[1], form: 3 }));
  ev.push(cred(T(2024, 3, 21, 10, 1, 0), 4800, '流量费退回', { bank: banks[3] }));
  ev.sort((a, b) => a.t.ms - b.t.ms);
  const c = K({
    provider: '乐收宝支付有限公司',
    agreed: [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  });
  const lab = ev.filter((e) => e.kind !== 'payin');
  label(lab, c, {});
  const msgs = [];
  let bal = 3456789;
  for (const e of ev) {
    const [bank, tail] = e.bank;
    bal += e.kind === 'payin' || e.kind === 'credit' ? e.amount : -e.amount;
    const md = `${e.t.m}月${e.t.d}日${fmt.hm(e.t)}`;
    let text;
    if (e.kind === 'payin')
      text = `【${bank}】您尾号${tail}的账户${e.t.y}年${md}收入(POS结算款)${comma(e.amount)}元，余额${comma(bal)}元。`;
    else if (e.kind === 'credit')
      text = `【${bank}】您尾号${tail}的账户${e.t.y}年${md}收入(${e.name})${yuan(e.amount)}元，余额${comma(bal)}元。`;
    else if (e.form === 0)
      text = `【${bank}】您尾号${tail}的账户${e.t.y}年${md}代扣${e.name}${yuan(e.amount)}元，\n活期余额${comma(bal)}元。对方户名：乐收宝支付有限公司。`;
    else if (e.form === 1)
      text = `【${bank}】您账户${tail}于${fmt.cn(e.t)}${fmt.hm(e.t)}扣款${yuan(e.amount)}元，摘要：${e.name}，对方：乐收宝支付有限公司，余额${comma(bal)}元。`;
    else if (e.form === 2)
      text = `【${bank}】${fmt.cn(e.t)}您尾号${tail}账户支出(代扣)${yuan(e.amount)}元，\n用途：${e.name}，余额${comma(bal)}元。`;
    else
      text = `【${bank}】您尾号${tail}卡${fmt.cn(e.t)}${fmt.hm(e.t)}支出人民币${yuan(e.amount)}元（${e.name}），余额${comma(bal)}元。`;
    msgs.push(text);
    e.row = msgs.length;
  }
  return emit(stem, 'txt', msgs.join('\n----\n') + '\n', lab, c, {
    format: 'sms',
    encoding: 'utf-8',
    records: msgs.length,
  });
});

// =============================================================================================
// 27: aggregator SMS, blank lines between messages: receipts with fee and amount received, a
// rate rise, fees under several names, money returned, payouts named after their speed
fam('27-sms-aggregators', async (stem) => {
  const r = rng(2727);
  const ev = simulate(r, {
    from: [2024, 4, 1],
    days: 30,
    perDay: [1, 2],
    card: () => null,
    actual: (s) => ({ bp: fmt.date(s.t) >= '2024-04-16' ? 70 : 60, cap: null }),
    payouts: false,
  });
  const P = ['【钱掌柜】', '【汇联收款】'];
  for (const day of [5, 12, 19, 26])
    add(ev, {
      kind: 'payout',
      t: T(2024, 4, day, 21, 0, 0),
      amount: r.int(30000, 200000),
      name: r.pick(['D0提现', '秒到提现', '余额提现']),
    });
  add(ev, ded(T(2024, 4, 5, 21, 0, 5), 'instant_settlement_fee', 300, '秒到手续费'));
  add(ev, ded(T(2024, 4, 12, 21, 0, 5), 'instant_settlement_fee', 300, '秒到手续费'));
  add(ev, ded(T(2024, 4, 8, 6, 0, 0), 'service_fee', 3900, '超级会员月费'));
  add(ev, ded(T(2024, 4, 9, 6, 0, 0), 'traffic_fee', 6000, '电签POS流量费'));
  add(ev, ded(T(2024, 4, 22, 6, 0, 0), 'deposit', 9900, '激活押金（未达标）'));
  add(ev, cred(T(2024, 4, 10, 9, 0, 0), 660, '手续费返还'));
  add(ev, cred(T(2024, 4, 24, 9, 0, 0), 2000, '活动补贴'));
  const c = K({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'service_fee', amountYuan: 39, every: 'month' }],
  });
  label(ev, c, { showsNet: true });
  const msgs = [];
  for (const e of ev) {
    const p = r.pick(P);
    let text;
    if (e.kind === 'sale')
      text = r.chance(0.5)
        ? `${p}收款成功：${fmt.dt(e.t).slice(0, 16)} 收款${yuan(e.amount)}元，手续费${yuan(e.fee)}元，实际到账${yuan(e.net)}元。`
        : `${p}您的商户于${fmt.cn(e.t)}${fmt.hm(e.t)}收款${yuan(e.amount)}元，\n扣除手续费${yuan(e.fee)}元，到账${yuan(e.net)}元。`;
    else if (e.kind === 'payout')
      text = `${p}您申请的${e.name}${comma(e.amount)}元已于${fmt.cn(e.t)}${fmt.hm(e.t)}到账，收款卡尾号5582。`;
    else if (e.kind === 'deduction')
      text = `${p}尊敬的商户，${fmt.cn(e.t)}已从您的结算款中扣除${e.name}${yuan(e.amount)}元。详询400-800-1234。`;
    else text = `${p}${fmt.cn(e.t)}，${e.name}${yuan(e.amount)}元已入账至您的账户。`;
    msgs.push(text);
    e.row = msgs.length;
  }
  return emit(stem, 'txt', msgs.join('\n\n') + '\n', ev, c, {
    format: 'sms',
    encoding: 'utf-8',
    records: msgs.length,
  });
});

// =============================================================================================
// 28: English SMS from a bank and an aggregator
fam('28-sms-english', async (stem) => {
  const r = rng(2828);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 28,
    perDay: [1, 2],
    card: () => null,
    actual: (s) => ({ bp: fmt.date(s.t) >= '2024-03-15' ? 78 : 60, cap: null }),
    payouts: false,
  });
  for (const day of [6, 13, 20, 27])
    add(ev, { kind: 'payout', t: T(2024, 3, day, 7, 0, 0), amount: r.int(30000, 200000) });
  add(ev, ded(T(2024, 3, 5, 6, 0, 0), 'traffic_fee', 9900, 'POS SIM data fee'));
  add(ev, ded(T(2024, 3, 12, 6, 0, 0), 'service_fee', 19900, 'annual service fee'));
  add(ev, ded(T(2024, 3, 18, 22, 0, 0), 'instant_settlement_fee', 300, 'instant settlement fee'));
  add(ev, ded(T(2024, 3, 22, 6, 0, 0), 'deposit', 29900, 'device deposit'));
  add(ev, cred(T(2024, 3, 20, 6, 0, 0), 1250, 'Fee rebate'));
  const c = K({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'service_fee', amountYuan: 199, every: 'year' }],
  });
  label(ev, c, { showsNet: true });
  const msgs = [];
  for (const e of ev) {
    let text;
    if (e.kind === 'sale')
      text = r.chance(0.5)
        ? `[Huilian Pay] Payment received: CNY ${yuan(e.amount)} on ${fmt.dt(e.t).slice(0, 16)}, fee CNY ${yuan(e.fee)}, settled CNY ${yuan(e.net)}.`
        : `[Huilian Pay] You received CNY ${yuan(e.amount)} on ${fmt.mdy(e.t)} ${fmt.en12(e.t)}. Merchant fee CNY ${yuan(e.fee)}. Net amount CNY ${yuan(e.net)}.`;
    else if (e.kind === 'payout')
      text = `[Huilian Pay] Settlement of CNY ${comma(e.amount)} paid to your card ending 6621 on ${fmt.dmy(e.t)}.`;
    else if (e.kind === 'deduction' && e.category === 'traffic_fee')
      text = `[ABC Bank] Your account ending 1234 was debited CNY ${yuan(e.amount)} on ${fmt.dmy(e.t)} for ${e.name}. Counterparty: Huilian Pay.`;
    else if (e.kind === 'deduction')
      text = `[Huilian Pay] A ${e.name} of CNY ${yuan(e.amount)} was deducted from your settlement on ${fmt.mdy(e.t)}.`;
    else
      text = `[Huilian Pay] ${e.name} of CNY ${yuan(e.amount)} credited to your account on ${fmt.date(e.t)}.`;
    msgs.push(text);
    e.row = msgs.length;
  }
  return emit(stem, 'txt', msgs.join('\n\n') + '\n', ev, c, {
    format: 'sms',
    encoding: 'utf-8',
    records: msgs.length,
  });
});

// =============================================================================================
// 29: a phone's SMS export in UTF-16 LE with a BOM, one message a line
fam('29-sms-utf16', async (stem) => {
  const r = rng(2929);
  const ev = [];
  const items = vocab(r, 0, 2);
  items.forEach(([cat, name, amt], i) =>
    ev.push(ded(T(2024, 6, 2 + i * 2, 7, r.int(0, 59), 0), cat, amt, name)),
  );
  for (const [i, n] of CREDITS.slice(0, 4).entries())
    ev.push(cred(T(2024, 6, 3 + i * 3, 10, 0, 0), r.int(100, 5000), n));
  for (let d = 1; d <= 28; d += 3)
    ev.push({ kind: 'payout', t: T(2024, 6, d, 6, 0, 0), amount: r.int(30000, 300000) });
  ev.sort((a, b) => a.t.ms - b.t.ms);
  const c = K({
    provider: '钱掌柜支付有限公司',
    agreed: [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  });
  label(ev, c, {});
  const msgs = ev.map((e, i) => {
    e.row = i + 1;
    if (e.kind === 'deduction')
      return `【钱掌柜】尊敬的商户，您的POS终端于${fmt.cn(e.t)}从结算款中扣除${e.name}${yuan(e.amount)}元，如有疑问请致电400-600-8888。`;
    if (e.kind === 'credit')
      return `【钱掌柜】${fmt.cn(e.t)}，${e.name}${yuan(e.amount)}元已退回您的结算账户。`;
    return `【钱掌柜】尊敬的商户，您${fmt.cn(e.t)}的结算款${comma(e.amount)}元已划入尾号2937的银行账户，请查收。`;
  });
  const buf = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(msgs.join('\r\n') + '\r\n', 'utf16le'),
  ]);
  return emit(stem, 'txt', buf, ev, c, {
    format: 'sms',
    encoding: 'utf-16le',
    records: msgs.length,
  });
});

// =============================================================================================
// 30–33: fee-name vocabulary: every name once, with look-alikes that are not fees
function vocabLedger(r, o) {
  const ev = simulate(r, {
    from: [o.y, o.m, 1],
    days: 28,
    perDay: [2, 4],
    actual: pricing(),
    amount: (r) => (r.chance(0.1) ? r.int(300000, 900000) : r.int(2000, 60000)),
  });
  spread(r, ev, o.items, o.y, o.m, 28, ([cat, name, amt], t) =>
    cat === 'other_deduction' ? oth(t, amt, name) : ded(t, cat, amt, name),
  );
  spread(r, ev, o.credits, o.y, o.m, 27, (name, t) => cred(addMin(t, 600), r.int(300, 6000), name));
  spread(r, ev, o.payouts, o.y, o.m, 26, (name, t) => ({
    kind: 'payout',
    t: addMin(t, 900),
    amount: r.int(5000, 80000),
    name,
  }));
  // a sale reversed (冲正) the same day
  const s = ev.find((e) => e.kind === 'sale' && e.t.d === 9);
  add(ev, {
    kind: 'refund',
    t: addMin(s.t, 5),
    amount: s.amount,
    fee: s.fee,
    net: s.net,
    name: '消费冲正',
  });
  return ev;
}
const vocabRow = (e) => {
  const type = {
    sale: '消费',
    refund: e.name === '消费冲正' ? '冲正' : '退货',
    payout: '结算',
    deduction: '扣费',
    other: '扣费',
    credit: '入账',
  }[e.kind];
  const desc =
    e.kind === 'payout'
      ? (e.name ?? '结算至尾号6621')
      : e.kind === 'refund'
        ? (e.name ?? '退货')
        : (e.name ?? '');
  return [type, desc];
};
fam('30-vocab-a-csv', async (stem) => {
  const r = rng(3030);
  const ev = vocabLedger(r, {
    y: 2024,
    m: 3,
    items: vocab(r, 0, 8),
    credits: CREDITS.slice(0, 7),
    payouts: PAYOUTS.slice(0, 4),
  });
  const c = K();
  label(ev, c, { showsNet: true });
  const lines = [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']];
  for (const e of ev) {
    const [type, desc] = vocabRow(e);
    lines.push([
      fmt.dt(e.t),
      type,
      CARD_CN[e.card ?? null] ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      desc,
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});
fam('31-vocab-b-xlsx', async (stem) => {
  const r = rng(3131);
  const ev = vocabLedger(r, {
    y: 2024,
    m: 4,
    items: vocab(r, 8, 16),
    credits: CREDITS.slice(7),
    payouts: PAYOUTS.slice(4),
  });
  const c = K({
    agreed: [
      { category: 'service_fee', amountYuan: 299, every: 'month' },
      { category: 'deposit', amountYuan: 299, every: 'once' },
    ],
  });
  label(ev, c, { showsNet: true });
  const rows = [
    ['商户对账单'],
    ['账单周期：2024年4月'],
    ['记账日期', '业务类型', '卡类型', '金额(元)', '手续费(元)', '到账金额(元)', '费用名称/备注'],
  ];
  for (const e of ev) {
    const [type, desc] = vocabRow(e);
    rows.push([
      xDate(e.t),
      type,
      CARD_CN[e.card ?? null] ?? '',
      Number(yuan(signed(e))),
      Number(yuan(feeOf(e))),
      Number(yuan(netOf(e))),
      desc,
    ]);
    e.row = rows.length;
  }
  return emit(stem, 'xlsx', await xlsxBytes([{ name: '对账单', rows }]), ev, c, {
    format: 'xlsx',
    records: ev.length,
  });
});
fam('32-vocab-nocontract', async (stem) => {
  const r = rng(3232);
  const ev = vocabLedger(r, {
    y: 2024,
    m: 5,
    items: [
      ...vocab(r, 16, 30),
      ...OTHER.map((n) => ['other_deduction', n, r.pick([1500, 4200, 8800])]),
    ],
    credits: CREDITS,
    payouts: PAYOUTS,
  });
  label(ev, null, { showsNet: true });
  const lines = [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']];
  for (const e of ev) {
    const [type, desc] = vocabRow(e);
    lines.push([
      fmt.dt(e.t),
      type,
      CARD_CN[e.card ?? null] ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      desc,
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, null, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});
fam('33-vocab-c-biff8', async (stem) => {
  const r = rng(3333);
  const ev = vocabLedger(r, {
    y: 2024,
    m: 7,
    items: [
      ...vocab(r, 16, 30),
      ...OTHER.map((n) => ['other_deduction', n, r.pick([1500, 4200, 8800])]),
    ],
    credits: CREDITS.slice(3, 10),
    payouts: PAYOUTS.slice(2, 6),
  });
  const c = K({
    agreed: [
      { category: 'traffic_fee', amountYuan: 60, every: 'month' },
      { category: 'instant_settlement_fee', amountYuan: 3, every: 'month' },
    ],
  });
  label(ev, c, { showsNet: true });
  const aoa = [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']];
  for (const e of ev) {
    const [type, desc] = vocabRow(e);
    aoa.push([
      fmt.dt(e.t),
      type,
      CARD_CN[e.card ?? null] ?? '',
      Number(yuan(signed(e))),
      Number(yuan(feeOf(e))),
      Number(yuan(netOf(e))),
      desc,
    ]);
    e.row = aoa.length;
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '明细');
  return emit(stem, 'xls', XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }), ev, c, {
    format: 'xls',
    records: ev.length,
  });
});

// =============================================================================================
// 34: 京东钱包-style fund flow: 收入/支出 in two columns, 业务类型, 余额; sales net of the fee
fam('34-jd-wallet', async (stem) => {
  const r = rng(3434);
  const ev = simulate(r, {
    from: [2024, 8, 1],
    days: 31,
    perDay: [2, 5],
    card: () => null,
    actual: () => ({ bp: 60, cap: null }),
    payouts: false,
  });
  for (const day of [8, 16, 24, 31])
    add(ev, {
      kind: 'payout',
      t: T(2024, 8, day, 23, 0, 0),
      amount: r.int(100000, 300000),
      name: '提现至银行卡(尾号7762)',
    });
  add(ev, ded(T(2024, 8, 3, 2, 0, 0), 'service_fee', 100000, '平台使用费（年费）'));
  add(ev, ded(T(2024, 8, 15, 2, 0, 0), 'instant_settlement_fee', 500, '快速提现服务费'));
  add(ev, cred(T(2024, 8, 20, 2, 0, 0), 3300, '营销活动补贴'));
  const c = K({
    provider: '网银在线（北京）科技有限公司',
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'service_fee', amountYuan: 1000, every: 'year' }],
  });
  label(ev, c, {});
  const lines = [['日期', '流水号', '业务类型', '收入(元)', '支出(元)', '账户余额(元)', '备注']];
  let bal = 800000;
  for (const e of ev) {
    const inn = e.kind === 'sale' || e.kind === 'credit';
    const money = e.kind === 'sale' ? e.net : e.amount;
    bal += inn ? money : -money;
    lines.push([
      fmt.dt(e.t),
      `JD${r.int(1e8, 9e8)}${r.int(1e5, 9e5)}`,
      { sale: '订单收入', payout: '提现', deduction: '费用扣除', credit: '补贴' }[e.kind],
      inn ? yuan(money) : '',
      inn ? '' : yuan(money),
      yuan(bal),
      e.kind === 'sale' ? `订单${r.int(1e9, 9e9)}货款(已扣手续费${yuan(e.fee)})` : e.name,
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 35: English CSV with quoted "Mar 5, 2024 3:05 PM" date-times, semicolon-free, two fees on one
// day whose order (AM/PM) decides which one an agreed monthly charge covers
fam('35-en-mdy-12h', async (stem) => {
  const r = rng(3535);
  const ev = simulate(r, {
    from: [2024, 10, 1],
    days: 31,
    perDay: [2, 4],
    actual: pricing('2024-10-20'),
  });
  add(ev, ded(T(2024, 10, 7, 11, 40, 0), 'service_fee', 5900, 'Membership fee'));
  add(ev, ded(T(2024, 10, 7, 12, 10, 0), 'service_fee', 3900, 'Membership fee'));
  add(ev, ded(T(2024, 10, 14, 0, 15, 0), 'traffic_fee', 3600, 'SIM card fee'));
  const c = K({ agreed: [{ category: 'service_fee', amountYuan: 59, every: 'month' }] });
  label(ev, c, { showsNet: true });
  const lines = [['Date', 'Type', 'Card', 'Amount', 'Fee', 'Net', 'Remarks']];
  for (const e of ev) {
    lines.push([
      `${fmt.mdy(e.t)} ${fmt.en12(e.t)}`,
      { sale: 'Sale', refund: 'Refund', payout: 'Payout', deduction: 'Fee' }[e.kind],
      e.card ? (e.card === 'debit' ? 'DEBIT' : 'CREDIT') : '',
      comma(signed(e)),
      yuan(feeOf(e)),
      comma(netOf(e)),
      e.kind === 'payout' ? 'Paid out to card ****6621' : (e.name ?? ''),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 36: PDF account ledger from an aggregator app: 收入/支出/余额 columns, no fee column
fam('36-pdf-ledger', async (stem) => {
  const r = rng(3636);
  const ev = simulate(r, {
    from: [2024, 9, 1],
    days: 30,
    perDay: [2, 4],
    card: () => null,
    actual: () => ({ bp: 60, cap: null }),
    payouts: false,
  });
  for (const day of [7, 14, 21, 28])
    add(ev, {
      kind: 'payout',
      t: T(2024, 9, day, 22, 0, 0),
      amount: r.int(50000, 200000),
      name: '提现至尾号4417',
    });
  add(ev, ded(T(2024, 9, 2, 3, 0, 0), 'traffic_fee', 4800, '收款音箱流量费'));
  add(ev, ded(T(2024, 9, 16, 3, 0, 0), 'service_fee', 9900, '店铺会员年费'));
  add(ev, ded(T(2024, 9, 22, 3, 0, 0), 'deposit', 19900, '设备押金'));
  add(ev, cred(T(2024, 9, 25, 3, 0, 0), 4800, '流量费退回'));
  const c = K({
    rates: [{ cardType: 'any', percent: 0.6 }],
    agreed: [{ category: 'service_fee', amountYuan: 99, every: 'year' }],
  });
  label(ev, c, {});
  let bal = 100000;
  const rows = ev.map((e) => {
    const inn = e.kind === 'sale' || e.kind === 'credit';
    const money = e.kind === 'sale' ? e.net : e.amount;
    bal += inn ? money : -money;
    return {
      ev: e,
      record: true,
      cells: [
        fmt.dt(e.t),
        { sale: '收款入账', payout: '提现', deduction: '扣费', credit: '退回' }[e.kind],
        inn ? comma(money) : '',
        inn ? '' : comma(money),
        comma(bal),
        e.name ?? '扫码收款',
      ],
    };
  });
  const cols = [
    { title: '时间', w: 96 },
    { title: '类型', w: 60 },
    { title: '收入', w: 70, align: 'right' },
    { title: '支出', w: 70, align: 'right' },
    { title: '余额', w: 80, align: 'right' },
    { title: '备注', w: 120 },
  ];
  const bytes = await pdfTable({
    cols,
    rows,
    perPage: 42,
    title: [['账户流水', 240, 12], ['起止时间：2024-09-01 至 2024-09-30']],
    footer: (p, n) => `第 ${p} 页 共 ${n} 页`,
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, ev, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// 37: bank-app CSV newest first (as apps list them), 12-hour times; two monthly fees on one day:
// the earlier (morning) one is covered, whatever order the rows come in
fam('37-newest-first', async (stem) => {
  const r = rng(3737);
  const ev = simulate(r, {
    from: [2024, 11, 1],
    days: 30,
    perDay: [2, 4],
    actual: pricing('2024-11-20'),
  });
  add(ev, ded(T(2024, 11, 6, 9, 10, 0), 'service_fee', 3900, '会员服务费'));
  add(ev, ded(T(2024, 11, 6, 15, 40, 0), 'service_fee', 5900, '会员服务费'));
  add(ev, ded(T(2024, 11, 13, 8, 0, 0), 'traffic_fee', 3600, 'SIM卡费'));
  add(ev, ded(T(2024, 11, 13, 20, 0, 0), 'traffic_fee', 9900, 'SIM卡费'));
  const c = K({
    agreed: [
      { category: 'service_fee', amountYuan: 39, every: 'month' },
      { category: 'traffic_fee', amountYuan: 36, every: 'year' },
    ],
  });
  label(ev, c, { showsNet: true });
  const lines = [
    ['交易日期', '交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要'],
  ];
  for (const e of [...ev].reverse()) {
    lines.push([
      fmt.slash(e.t),
      fmt.cn12(e.t),
      { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      yuan(signed(e)),
      yuan(feeOf(e)),
      yuan(netOf(e)),
      e.kind === 'payout' ? '结算至尾号1010' : (e.name ?? ''),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 38: PDF with a two-line header (Chinese above English), landscape, amounts with CNY
fam('38-pdf-two-line-header', async (stem) => {
  const r = rng(3838);
  const ev = simulate(r, {
    from: [2024, 12, 1],
    days: 31,
    perDay: [2, 4],
    actual: pricing('2024-12-16'),
  });
  add(ev, ded(T(2024, 12, 3, 4, 0, 0), 'traffic_fee', 6000, '流量费 Data fee'));
  add(ev, ded(T(2024, 12, 9, 4, 0, 0), 'service_fee', 2900, '月服务费 Monthly service fee'));
  add(ev, ded(T(2024, 12, 27, 4, 0, 0), 'instant_settlement_fee', 200, '秒到费 Instant fee'));
  const c = K({ agreed: [{ category: 'service_fee', amountYuan: 29, every: 'month' }] });
  label(ev, c, { showsNet: true });
  const rows = ev.map((e) => ({
    ev: e,
    record: true,
    cells: [
      fmt.date(e.t),
      fmt.time(e.t),
      { sale: '消费 Sale', refund: '退货 Refund', payout: '结算 Payout', deduction: '扣费 Charge' }[
        e.kind
      ],
      e.card ? CARD_CN[e.card] : '',
      comma(signed(e)),
      comma(feeOf(e)),
      comma(netOf(e)),
      e.kind === 'payout' ? '结算至尾号2020' : (e.name ?? ''),
    ],
  }));
  const cols = [
    { title: '交易日期', w: 64 },
    { title: '时间', w: 50 },
    { title: '类型', w: 70 },
    { title: '卡类型', w: 44 },
    { title: '交易金额', w: 74, align: 'right' },
    { title: '手续费', w: 56, align: 'right' },
    { title: '结算金额', w: 74, align: 'right' },
    { title: '摘要', w: 150 },
  ];
  const english = [
    'Date',
    'Time',
    'Type',
    'Card',
    'Amount (CNY)',
    'Fee (CNY)',
    'Net (CNY)',
    'Remark',
  ];
  const bytes = await pdfTable({
    landscape: true,
    cols,
    rows,
    perPage: 24,
    title: [
      ['商户交易明细 / Merchant Transaction Details', 230, 12],
      ['商户编号 MID: 898310054112233   账单期间 Period: 2024-12-01 ~ 2024-12-31'],
    ],
    tail: [],
    footer: (p, n) => `Page ${p} / ${n}`,
    subHeader: english,
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, ev, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// 39: acquirer workbook whose first sheet is a monthly summary (项目 | 笔数 | 金额, 流量费 among the
// items), the detail on the second sheet
fam('39-summary-sheet-first', async (stem) => {
  const r = rng(3939);
  const ev = simulate(r, {
    from: [2024, 2, 1],
    days: 29,
    perDay: [3, 6],
    actual: pricing('2024-02-15'),
  });
  add(ev, ded(T(2024, 2, 5, 3, 0, 0), 'traffic_fee', 9900, '流量费'));
  add(ev, ded(T(2024, 2, 20, 3, 0, 0), 'deposit', 29900, '激活押金'));
  const c = K({ agreed: [{ category: 'deposit', amountYuan: 299, every: 'once' }] });
  label(ev, c, { showsNet: true });
  const sales = ev.filter((e) => e.kind === 'sale');
  const s1 = [
    ['商户月度汇总'],
    ['账单月份', '2024年02月'],
    [],
    ['项目', '笔数', '金额(元)'],
    ['消费', sales.length, Number(yuan(sales.reduce((a, e) => a + e.amount, 0)))],
    ['手续费', sales.length, Number(yuan(sales.reduce((a, e) => a + e.fee, 0)))],
    ['流量费', 1, 99],
    ['激活押金', 1, 299],
    ['合计结算', '', Number(yuan(sales.reduce((a, e) => a + e.net, 0) - 39800))],
  ];
  const s2 = [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注']];
  for (const e of ev) {
    s2.push([
      xDate(e.t),
      { sale: '消费', refund: '退货', payout: '结算', deduction: '扣费' }[e.kind],
      CARD_CN[e.card ?? null] ?? '',
      Number(yuan(signed(e))),
      Number(yuan(feeOf(e))),
      Number(yuan(netOf(e))),
      e.kind === 'payout' ? '结算至尾号3030' : (e.name ?? ''),
    ]);
    e.row = s2.length;
    e.sheet = '交易明细';
  }
  return emit(
    stem,
    'xlsx',
    await xlsxBytes([
      { name: '月度汇总', rows: s1 },
      { name: '交易明细', rows: s2 },
    ]),
    ev,
    c,
    { format: 'xlsx', sheets: ['月度汇总', '交易明细'], records: ev.length },
  );
});

// =============================================================================================
// 40: semicolon-separated English export, amounts written "CNY 1,234.56", dates 2024-03-05
fam('40-en-semicolon-cny', async (stem) => {
  const r = rng(4040);
  const ev = simulate(r, {
    from: [2024, 3, 1],
    days: 31,
    perDay: [2, 4],
    actual: pricing('2024-03-11'),
  });
  add(ev, ded(T(2024, 3, 2, 3, 0, 0), 'traffic_fee', 4800, 'Terminal SIM card annual fee'));
  add(ev, ded(T(2024, 3, 18, 3, 0, 0), 'deposit', 9900, 'POS terminal deposit'));
  add(ev, cred(T(2024, 3, 25, 3, 0, 0), 4800, 'SIM card fee refund'));
  const c = K();
  label(ev, c, { showsNet: true });
  const cny = (fen) => `${fen < 0 ? '-' : ''}CNY ${comma(Math.abs(fen))}`;
  const lines = [
    [
      'Posting Date',
      'Description',
      'Card Type',
      'Gross Amount',
      'Fee',
      'Net Settlement',
      'Trace No',
    ],
  ];
  for (const e of ev) {
    lines.push([
      fmt.dt(e.t),
      e.kind === 'sale'
        ? 'Card purchase'
        : e.kind === 'refund'
          ? 'Refund'
          : e.kind === 'payout'
            ? 'Settlement to account ****6621'
            : e.name,
      e.card ? (e.card === 'debit' ? 'Debit' : 'Credit') : '',
      cny(signed(e)),
      cny(feeOf(e)),
      cny(netOf(e)),
      ref(r),
    ]);
    e.row = lines.length;
  }
  return emit(stem, 'csv', csvText(lines, ';'), ev, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 41: bank statement where 摘要 says only 代扣/转账 and the fee is named in 附言 (用途)
fam('41-bank-fuyan', async (stem) => {
  const r = rng(4141);
  const ev = [];
  for (let day = 1; day <= 30; day++)
    if (r.chance(0.85))
      ev.push({
        kind: 'payin',
        t: T(2024, 9, day, 9, r.int(0, 59), r.int(0, 59)),
        amount: r.int(60000, 700000),
        name: '转账',
        memo: 'POS结算款',
        cp: '随行付支付有限公司',
      });
  ev.push(
    ded(T(2024, 9, 4, 8, 0, 0), 'traffic_fee', 4800, '代扣', {
      memo: 'POS机流量费',
      cp: '随行付支付有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 9, 12, 8, 0, 0), 'service_fee', 9900, '代扣', {
      memo: '商户服务年费',
      cp: '随行付支付有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 9, 20, 8, 0, 0), 'deposit', 19900, '代扣', {
      memo: '机具押金',
      cp: '随行付支付有限公司',
    }),
  );
  ev.push(
    cred(T(2024, 9, 23, 8, 0, 0), 4800, '转账', { memo: '流量费退回', cp: '随行付支付有限公司' }),
  );
  ev.push(
    oth(T(2024, 9, 15, 14, 0, 0), 300000, '转账', { memo: '货款', cp: '东莞市长安五金批发部' }),
  );
  ev.sort((a, b) => a.t.ms - b.t.ms);
  const c = K({ provider: '随行付支付有限公司' });
  const lab = ev.filter((e) => e.kind !== 'payin');
  label(lab, c, {});
  const lines = [['交易日期', '摘要', '借方金额', '贷方金额', '余额', '对方户名', '附言']];
  let bal = 1500000;
  for (const e of ev) {
    const credit = e.kind === 'payin' || e.kind === 'credit';
    bal += credit ? e.amount : -e.amount;
    lines.push([
      fmt.date(e.t),
      e.name,
      credit ? '' : yuan(e.amount),
      credit ? yuan(e.amount) : '',
      yuan(bal),
      e.cp,
      e.memo,
    ]);
    e.row = lines.length;
    e.text = e.memo;
  }
  return emit(stem, 'csv', csvText(lines), lab, c, {
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    records: ev.length,
  });
});

// =============================================================================================
// 42: paginated bank PDF with 承前页 / 过次页 carry-forward lines at the top and bottom of pages
fam('42-pdf-carry-forward', async (stem) => {
  const r = rng(4242);
  const ev = [];
  for (let day = 1; day <= 31; day++)
    for (let k = 0; k < r.int(1, 3); k++)
      ev.push({
        kind: 'payin',
        t: T(2024, 10, day, 9 + k, r.int(0, 59), r.int(0, 59)),
        amount: r.int(30000, 500000),
        name: 'POS收单结算',
        cp: '通联支付网络服务股份有限公司',
      });
  ev.push(
    ded(T(2024, 10, 3, 7, 0, 0), 'traffic_fee', 9900, '代扣终端通讯费', {
      cp: '通联支付网络服务股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 10, 17, 7, 0, 0), 'service_fee', 36500, '代扣系统服务年费', {
      cp: '通联支付网络服务股份有限公司',
    }),
  );
  ev.push(
    ded(T(2024, 10, 29, 7, 0, 0), 'traffic_fee', 9900, '代扣终端通讯费', {
      cp: '通联支付网络服务股份有限公司',
    }),
  );
  ev.sort((a, b) => a.t.ms - b.t.ms);
  const c = K({
    provider: '通联支付网络服务股份有限公司',
    agreed: [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  });
  const lab = ev.filter((e) => e.kind !== 'payin');
  label(lab, c, {});
  let bal = 2000000;
  const rows = ev.map((e) => {
    const credit = e.kind === 'payin';
    bal += credit ? e.amount : -e.amount;
    return {
      ev: e,
      record: true,
      bal,
      cells: [
        fmt.compact(e.t),
        e.name,
        credit ? '' : comma(e.amount),
        credit ? comma(e.amount) : '',
        comma(bal),
        e.cp,
      ],
    };
  });
  // carry-forward lines: 过次页 closes a page, 承前页 opens the next, with the running balance
  const per = 20;
  const withCarry = [];
  rows.forEach((row, i) => {
    if (i > 0 && i % per === 0) {
      const b = comma(rows[i - 1].bal);
      withCarry.push({ record: false, cells: ['', '过次页', '', '', b, ''] });
      withCarry.push({ record: false, cells: ['', '承前页', '', '', b, ''] });
    }
    withCarry.push(row);
  });
  const cols = [
    { title: '记账日期', w: 60 },
    { title: '摘要', w: 110 },
    { title: '借方发生额', w: 70, align: 'right' },
    { title: '贷方发生额', w: 70, align: 'right' },
    { title: '余额', w: 80, align: 'right' },
    { title: '对方户名', w: 150 },
  ];
  const bytes = await pdfTable({
    cols,
    rows: withCarry,
    perPage: per + 2,
    title: [
      ['单位账户对账单', 220, 13],
      ['账号：4420 1234 5678 9012   户名：佛山市南海区粤味轩餐饮店'],
      ['起止日期：2024-10-01 至 2024-10-31'],
    ],
    footer: (p, n) => `第 ${p} 页 共 ${n} 页`,
  });
  rows.forEach((x) => {
    x.ev.row = x.n;
    x.ev.page = x.page;
  });
  return emit(stem, 'pdf', bytes, lab, c, { format: 'pdf', records: rows.length });
});

// =============================================================================================
// run
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const chosen = families.filter((f) => !only.length || only.some((p) => f.stem.startsWith(p)));
for (const f of chosen) {
  const exp = await f.fn(f.stem);
  console.log(
    `${f.stem.padEnd(32)} findings=${exp.findings.length} unauth=${exp.counts.unauthorized} claim=${exp.claim.total}`,
  );
}
console.log(`${chosen.length} statements in ${OUT}`);
