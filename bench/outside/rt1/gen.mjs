// node bench/outside/rt1/gen.mjs [outdir] [stem-regexp]  — writes <stem>.<ext>, <stem>.expected.json, <stem>.contract.json
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  simulate,
  label,
  buildTable,
  csvBytes,
  xlsxBytes,
  biffBytes,
  htmlBytes,
  spreadsheetMlBytes,
  pdfBytes,
  yuan,
  thousands,
  fullwidth,
  addMonths,
  iconv,
} from './lib.mjs';

const OUT = path.resolve(
  process.argv[2] ?? fileURLToPath(new URL('../../../test/fixtures/outside/rt1', import.meta.url)),
);
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

// ---------- helpers ----------
const sgn = {
  amount: (e) =>
    ({
      sale: e.amount,
      refund: -e.amount,
      reversal: -e.amount,
      payout: -e.amount,
      fee: -e.amount,
      credit: e.amount,
    })[e.kind],
  fee: (e) =>
    ({ sale: e.fee, refund: -e.fee, reversal: -e.fee, payout: e.fee, fee: 0, credit: 0 })[e.kind],
  net: (e) =>
    ({
      sale: e.net,
      refund: -e.net,
      reversal: -e.net,
      payout: -e.net,
      fee: -e.amount,
      credit: e.amount,
    })[e.kind],
};
const Y = (f) => yuan(f);
const cardWord = (e, w = ['借记卡', '贷记卡', '']) =>
  e.card === 'debit' ? w[0] : e.card === 'credit' ? w[1] : w[2];
const monthly = (start, n, every = 1) =>
  Array.from({ length: n }, (_, i) => addMonths(start, i * every));
const rate2 = (debit, cap, credit) => (date, card) =>
  card === 'debit' ? { percent: debit, cap } : { percent: credit, cap: null };
const rise = (at, before, after) => (date, card) =>
  date < at ? before(date, card) : after(date, card);
const tail = (n) => `尾号${n}`;

const cases = [];
const C = (stem, fn) => cases.push({ stem, fn });

/** finish: labels + expected.json. rowOf(e) -> {row, sheet?, page?} | null */
function finish(
  stem,
  { file, buf, format, encoding, sheets, headerRow, ev, contract, opts, rowOf, notes },
) {
  fs.writeFileSync(path.join(OUT, file), buf);
  if (contract)
    fs.writeFileSync(path.join(OUT, `${stem}.contract.json`), JSON.stringify(contract, null, 2));
  const labels = label(ev, contract, opts);
  const findings = [];
  const byCat = {};
  let total = 0;
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  for (const e of ev) {
    const fs_ = labels.get(e);
    if (!fs_) continue;
    const at = rowOf(e);
    if (!at)
      throw new Error(
        `${stem}: a labelled event has no row: ${JSON.stringify({ kind: e.kind, date: e.date, name: e.name })}`,
      );
    for (const f of fs_) {
      counts[f.verdict]++;
      if (f.verdict === 'unauthorized') {
        total += f.overcharge;
        byCat[f.category] = (byCat[f.category] ?? 0) + f.overcharge;
      }
      findings.push({
        file,
        row: at.row,
        ...(at.sheet ? { sheet: at.sheet } : {}),
        ...(at.page ? { page: at.page } : {}),
        date: e.date,
        category: f.category,
        verdict: f.verdict,
        overcharge: yuan(f.overcharge),
        amount: yuan(f.amount),
        text: f.text,
      });
    }
  }
  findings.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  const exp = {
    file,
    contract: contract ? `${stem}.contract.json` : null,
    format,
    encoding: encoding ?? null,
    ...(sheets ? { sheets } : {}),
    headerRow: headerRow ?? null,
    records: ev.length,
    period: { from: ev[0].date, to: ev[ev.length - 1].date },
    claim: {
      total: yuan(total),
      currency: 'CNY',
      byCategory: Object.fromEntries(
        Object.entries(byCat)
          .sort()
          .map(([k, v]) => [k, yuan(v)]),
      ),
    },
    counts,
    findings,
    generator: { redteam: true, notes },
  };
  fs.writeFileSync(path.join(OUT, `${stem}.expected.json`), JSON.stringify(exp, null, 1));
  return exp;
}
const tableRows = (tbl, base = 1) => {
  const m = new Map();
  tbl.rows.forEach((r, i) => r.ev && m.set(r.ev, i + base));
  return m;
};
const contractOf = (o) => ({
  provider: o.provider,
  providerType: o.providerType ?? 'payment_institution',
  merchantId: o.mid ?? '898110012345678',
  signedAt: o.signedAt ?? '2023-01-01',
  rates: o.rates,
  perTransactionFeeYuan: o.perTx ?? 0,
  agreedCharges: o.charges ?? [],
});

// =====================================================================================
// 01 拉卡拉 GBK CSV: preamble, split 交易日期(yyyymmdd)/交易时间(hhmmss), masked card, 其他扣款 rows
C('rt01-lakala-gbk', (stem) => {
  const contract = contractOf({
    provider: '拉卡拉支付股份有限公司',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [
      { category: 'traffic_fee', amountYuan: 48, every: 'year', startsAfter: '2024-09-01' },
      { category: 'service_fee', amountYuan: 29, every: 'month' },
    ],
  });
  const ev = simulate({
    contract,
    seed: 101,
    start: '2024-03-01',
    days: 120,
    perDay: [1, 6],
    cards: { debit: 2, credit: 3 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    refundP: 0.05,
    reversalP: 0.02,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-03-18', cat: 'traffic_fee', name: 'SIM卡服务费', fen: 4800, via: 'row' },
      { date: '2024-05-18', cat: 'service_fee', name: '商户增值服务费', fen: 2900, via: 'row' },
      { date: '2024-06-18', cat: 'service_fee', name: '商户增值服务费', fen: 2900, via: 'row' },
      { date: '2024-04-02', cat: 'other_deduction', name: '差错调整', fen: 1250, via: 'row' },
    ],
    credits: [{ date: '2024-04-10', name: '手续费返还', fen: 1833 }],
  });
  const type = (e) =>
    ({
      sale: '消费',
      refund: '退货',
      reversal: '消费撤销',
      payout: '结算',
      fee: '其他扣款',
      credit: '其他入账',
    })[e.kind];
  const desc = (e) => (e.kind === 'payout' ? `结算至${tail(6217)}` : (e.name ?? ''));
  const tbl = buildTable(ev, {
    pre: [
      ['拉卡拉商户交易明细查询'],
      ['商户名称：长沙市芙蓉区好再来粉店'],
      ['商户编号：822584053990123'],
      ['对账周期：20240301-20240628'],
      [],
    ],
    head: [
      [
        '交易日期',
        '交易时间',
        '终端号',
        '卡号',
        '卡类型',
        '交易类型',
        '交易金额',
        '手续费',
        '结算金额',
        '备注',
      ],
    ],
    cols: [
      (e) => e.date.replace(/-/g, ''),
      (e) => e.time.replace(/:/g, ''),
      () => 'A8812345',
      (e) => (e.card ? `6228****${String(e.seq).padStart(4, '0').slice(-4)}` : ''),
      (e) => cardWord(e),
      type,
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      desc,
    ],
    foot: (t) => [
      [`合计`, '', '', '', '', '', Y(t.amount), Y(t.fee), Y(t.net), ''],
      [`交易笔数：${t.n}`],
      ['注：本明细仅供对账参考，实际入账以银行到账为准。'],
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gbk' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 6,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 02 收钱吧 XLSX: three sheets (汇总 / 收款明细 / 资金流水); wallets with unknown card; VIP会员费 monthly agreed + duplicate
C('rt02-sqb-sheets', (stem) => {
  const contract = contractOf({
    provider: '收钱吧（上海喔噻互联网科技有限公司）',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
      { cardType: 'any', percent: 0.6 },
    ],
    charges: [{ category: 'service_fee', amountYuan: 30, every: 'month' }],
  });
  const ev = simulate({
    contract,
    seed: 202,
    start: '2024-06-01',
    days: 92,
    perDay: [2, 7],
    cards: { debit: 1, credit: 1, none: 3 },
    rate: (d, c) =>
      c === 'debit'
        ? { percent: 0.5, cap: 20 }
        : c === 'credit'
          ? { percent: 0.6, cap: null }
          : { percent: 0.38, cap: null },
    rounding: 'ceil',
    refundP: 0.08,
    payout: { mode: 'T1' },
    fees: [
      {
        date: '2024-06-05',
        cat: 'service_fee',
        name: 'VIP会员费(6月)',
        fen: 3000,
        via: 'row',
        type: '服务扣费',
      },
      {
        date: '2024-07-05',
        cat: 'service_fee',
        name: 'VIP会员费(7月)',
        fen: 3000,
        via: 'row',
        type: '服务扣费',
      },
      {
        date: '2024-07-21',
        cat: 'service_fee',
        name: 'VIP会员费(7月补扣)',
        fen: 3000,
        via: 'row',
        type: '服务扣费',
      },
      {
        date: '2024-08-05',
        cat: 'service_fee',
        name: 'VIP会员费(8月)',
        fen: 3000,
        via: 'row',
        type: '服务扣费',
      },
      {
        date: '2024-07-09',
        cat: 'traffic_fee',
        name: '智能终端流量包',
        fen: 3600,
        via: 'row',
        type: '服务扣费',
      },
    ],
    credits: [
      { date: '2024-06-20', name: '活动补贴', fen: 500, type: '营销补贴' },
      { date: '2024-07-20', name: '支付宝红包码返现', fen: 1266, type: '营销补贴' },
    ],
  });
  const sales = ev.filter((e) => ['sale', 'refund', 'reversal'].includes(e.kind));
  const money = ev.filter((e) => !['sale', 'refund', 'reversal'].includes(e.kind));
  const dt = (e) => new Date(`${e.date}T${e.time}Z`);
  const pay = (e) =>
    e.card === 'debit'
      ? '刷卡-借记卡'
      : e.card === 'credit'
        ? '刷卡-贷记卡'
        : e.seq % 2
          ? '微信'
          : '支付宝';
  const t1 = buildTable(sales, {
    pre: [['收款明细（2024-06-01 ~ 2024-08-31）'], []],
    head: [
      [
        '订单号',
        '交易时间',
        '支付方式',
        '交易类型',
        '订单金额',
        '手续费',
        '实收金额',
        '门店',
        '收银员',
      ],
    ],
    cols: [
      (e) => `7895${e.ref}`,
      dt,
      pay,
      (e) => (e.kind === 'sale' ? '收款' : '退款'),
      (e) => ({ num: sgn.amount(e) / 100, fmt: '0.00' }),
      (e) => ({ num: sgn.fee(e) / 100, fmt: '0.00' }),
      (e) => ({ num: sgn.net(e) / 100, fmt: '0.00' }),
      () => '城南店',
      () => '店长',
    ],
  });
  const t2 = buildTable(money, {
    head: [['时间', '资金类型', '变动金额', '说明']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) => ({ payout: '自动结算', fee: e.type ?? '扣费', credit: e.type ?? '入账' })[e.kind],
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算到银行卡(${tail(3321)})` : e.name),
    ],
  });
  const t0 = buildTable([], {
    pre: [
      ['收钱吧商户对账单'],
      ['商户：城南小馆'],
      ['期间：2024-06-01 至 2024-08-31'],
      ['收款笔数', String(sales.filter((e) => e.kind === 'sale').length)],
    ],
    head: [],
  });
  const m1 = tableRows(t1);
  const m2 = tableRows(t2);
  const sheets = ['汇总', '收款明细', '资金流水'];
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets,
    headerRow: 3,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([
      { name: '汇总', tbl: t0 },
      { name: '收款明细', tbl: t1 },
      { name: '资金流水', tbl: t2 },
    ]),
    rowOf: (e) =>
      m1.has(e)
        ? { row: m1.get(e), sheet: '收款明细' }
        : m2.has(e)
          ? { row: m2.get(e), sheet: '资金流水' }
          : null,
  };
});

// 03 银联商务 HTML-as-.xls (GBK): title rows, two-row merged header, daily 小计 and monthly 合计 rows, rate rise
C('rt03-ums-html', (stem) => {
  const contract = contractOf({
    provider: '银联商务股份有限公司',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 303,
    start: '2024-01-01',
    days: 120,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rise('2024-03-01', rate2(0.5, 25, 0.6), rate2(0.5, 25, 0.68)),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-02-12', cat: 'traffic_fee', name: '扣收POS通讯服务费', fen: 9900, via: 'row' },
      { date: '2024-04-08', cat: 'other_deduction', name: '风险调单扣款', fen: 8800, via: 'row' },
    ],
  });
  const type = (e) =>
    ({
      sale: '消费',
      refund: '退货',
      reversal: '撤销',
      payout: '清算划款',
      fee: '差错调整',
      credit: '调账',
    })[e.kind];
  const tbl = buildTable(ev, {
    pre: [
      ['银联商务股份有限公司 商户交易明细'],
      ['商户名称：广州市天河区阿强烧腊店', '', '', '商户编号：898440153119876'],
      ['起止日期：2024-01-01 至 2024-04-29'],
    ],
    head: [
      ['交易日期', '交易时间', '交易类型', '交易信息', '', '', '清算信息', '', '参考号', '摘要'],
      [null, null, null, '卡号', '卡种', '交易金额', '手续费', '清算金额', null, null],
    ],
    merges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 3, 0, 5],
      [0, 6, 0, 7],
      [0, 8, 1, 8],
      [0, 9, 1, 9],
    ],
    cols: [
      (e) => e.date,
      (e) => e.time,
      type,
      (e) => (e.card ? `622588******${e.ref.slice(-4)}` : ''),
      (e) => cardWord(e, ['借记卡', '贷记卡', '']),
      (e) => thousands(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => thousands(sgn.net(e)),
      (e) => e.ref,
      (e) => (e.kind === 'payout' ? `划至${tail(8890)}` : (e.name ?? '')),
    ],
    dayTotal: (d, a) => [
      `${d} 小计`,
      '',
      '',
      '',
      `${a.n}笔`,
      thousands(a.amount),
      Y(a.fee),
      thousands(a.net),
      '',
      '',
    ],
    monthTotal: (m, a) => [
      `${m.replace('-', '年')}月 合计`,
      '',
      '',
      '',
      `${a.n}笔`,
      thousands(a.amount),
      Y(a.fee),
      thousands(a.net),
      '',
      '',
    ],
    foot: (t) => [
      ['总计', '', '', '', `${t.n}笔`, thousands(t.amount), Y(t.fee), thousands(t.net), '', ''],
      ['打印时间：2024-05-02 10:11:12'],
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xls`,
    buf: htmlBytes(tbl, { enc: 'gbk', title: '交易明细' }),
    format: 'html',
    encoding: 'gb18030',
    headerRow: 4,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 04 乐刷 UTF-8 BOM CSV in 分, ISO dates, D0 秒到提现 with its fee in the fee column, 物联网卡年费
C('rt04-leshua-fen', (stem) => {
  const contract = contractOf({
    provider: '乐刷科技有限公司',
    rates: [
      { cardType: 'debit', percent: 0.55, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [
      { category: 'traffic_fee', amountYuan: 69, every: 'year', startsAfter: '2025-08-01' },
    ],
  });
  const ev = simulate({
    contract,
    seed: 404,
    start: '2024-08-01',
    days: 75,
    perDay: [1, 4],
    cards: { debit: 1, credit: 2 },
    rate: rate2(0.55, 20, 0.6),
    rounding: 'ceil',
    refundP: 0.04,
    payout: { mode: 'D0', p: 0.6, feeCol: 300, feeColName: '秒到提现手续费' },
    fees: [{ date: '2024-08-20', cat: 'traffic_fee', name: '物联网卡年费', fen: 6900, via: 'row' }],
    credits: [{ date: '2024-09-01', name: '新商户激活返现', fen: 5000 }],
  });
  const type = (e) =>
    ({
      sale: '刷卡收款',
      refund: '退款',
      reversal: '冲正',
      payout: '秒到提现',
      fee: '费用扣除',
      credit: '活动返现',
    })[e.kind];
  const tbl = buildTable(ev, {
    head: [
      [
        '订单号',
        '交易时间',
        '交易类型',
        '交易状态',
        '交易金额(分)',
        '手续费(分)',
        '到账金额(分)',
        '卡类型',
        '备注',
      ],
    ],
    cols: [
      (e) => `LS${e.ref}`,
      (e) => `${e.date}T${e.time}+08:00`,
      type,
      () => '成功',
      (e) => String(sgn.amount(e)),
      (e) => String(sgn.fee(e)),
      (e) => String(sgn.net(e)),
      (e) => cardWord(e, ['借记卡', '信用卡', '']),
      (e) => (e.kind === 'payout' ? `提现到${tail(1188)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8bom', eol: '\n' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 05 随行付 UTF-16LE tab text: account ledger with 收入/支出/余额 and a 交易金额/手续费 pair
C('rt05-sxf-utf16', (stem) => {
  const contract = contractOf({
    provider: '随行付支付有限公司',
    rates: [
      { cardType: 'debit', percent: 0.6, capYuan: 20 },
      { cardType: 'credit', percent: 0.63 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 505,
    start: '2024-02-01',
    days: 90,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 20, 0.63),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-02-15', cat: 'deposit', name: '机具押金', fen: 19900, via: 'row' },
      { date: '2024-03-15', cat: 'traffic_fee', name: '移动数据服务费', fen: 3600, via: 'row' },
    ],
    credits: [{ date: '2024-04-20', name: '机具押金退还', fen: 19900 }],
  });
  let bal = 0;
  const type = (e) =>
    ({
      sale: '刷卡交易',
      refund: '退货',
      reversal: '撤销',
      payout: '结算出款',
      fee: '费用代扣',
      credit: '退款入账',
    })[e.kind];
  const tbl = buildTable(ev, {
    pre: [['随行付 商户账户流水'], ['查询期间：2024-02-01至2024-04-30'], []],
    head: [
      [
        '记账时间',
        '业务类型',
        '卡类型',
        '交易金额',
        '手续费',
        '收入金额',
        '支出金额',
        '账户余额',
        '备注',
      ],
    ],
    cols: [
      (e) => `${e.date} ${e.time}`,
      type,
      (e) => cardWord(e),
      (e) => (e.kind === 'sale' || e.kind === 'refund' || e.kind === 'reversal' ? Y(e.amount) : ''),
      (e) => (e.kind === 'sale' || e.kind === 'refund' || e.kind === 'reversal' ? Y(e.fee) : ''),
      (e) => {
        const v = sgn.net(e);
        return v > 0 ? Y(v) : '';
      },
      (e) => {
        const v = sgn.net(e);
        return v < 0 ? Y(-v) : '';
      },
      (e) => {
        bal += sgn.net(e);
        return Y(bal);
      },
      (e) => (e.kind === 'payout' ? `出款至${tail(5521)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.txt`,
    buf: csvBytes(tbl, { enc: 'utf16le', delim: '\t' }),
    format: 'csv',
    encoding: 'utf-16le',
    headerRow: 4,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 06 汇付 BIFF8 .xls: bilingual header, real date cells and numbers, 数据服务费 unagreed, uncapped debit fees
C('rt06-huifu-biff8', (stem) => {
  const contract = contractOf({
    provider: '汇付天下有限公司',
    rates: [
      { cardType: 'debit', percent: 0.55, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 606,
    start: '2024-04-01',
    days: 100,
    perDay: [1, 5],
    cards: { debit: 2, credit: 1 },
    rate: (d, c) =>
      c === 'debit'
        ? { percent: 0.55, cap: d < '2024-05-15' ? 20 : null }
        : { percent: 0.6, cap: null },
    rounding: 'floor',
    refundP: 0.02,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-05-03', cat: 'traffic_fee', name: '数据服务费', fen: 5800, via: 'row' },
      { date: '2024-06-03', cat: 'service_fee', name: '系统服务费', fen: 1990, via: 'row' },
    ],
  });
  const type = (e) =>
    ({
      sale: '消费',
      refund: '退货',
      reversal: '撤销',
      payout: '结算',
      fee: '扣费',
      credit: '返还',
    })[e.kind];
  const tbl = buildTable(ev, {
    pre: [['汇付天下 商户交易对账单 Merchant Statement'], []],
    head: [
      [
        'Trans Date/交易日期',
        'Trans Type/交易类型',
        'Card Type/卡类型',
        'Amount/交易金额',
        'Fee/手续费',
        'Settle Amt/结算金额',
        'Ref No/参考号',
        'Memo/备注',
      ],
    ],
    cols: [
      (e) => new Date(`${e.date}T${e.time}Z`),
      type,
      (e) => cardWord(e, ['借记卡', '贷记卡', '']),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      (e) => e.ref,
      (e) => (e.kind === 'payout' ? `T1结算${tail(7702)}` : (e.name ?? '')),
    ],
    foot: (t) => [
      [],
      ['合计 Total', '', '', { num: t.amount / 100 }, { num: t.fee / 100 }, { num: t.net / 100 }],
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xls`,
    buf: biffBytes([{ name: '交易明细', tbl }]),
    format: 'xls',
    headerRow: 3,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 07 通联 PDF with text layer: title, preamble, header on each page, 终端流量费 charged twice in a year
C('rt07-allinpay-pdf', (stem) => {
  const contract = contractOf({
    provider: '通联支付网络服务股份有限公司',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 707,
    start: '2024-01-01',
    days: 75,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-01-10', cat: 'traffic_fee', name: '终端流量费', fen: 3600, via: 'row' },
      { date: '2024-03-10', cat: 'traffic_fee', name: '终端流量费', fen: 3600, via: 'row' },
    ],
  });
  const type = (e) =>
    ({
      sale: '消费',
      refund: '退货',
      reversal: '撤销',
      payout: '结算',
      fee: '扣费',
      credit: '返还',
    })[e.kind];
  const tbl = buildTable(ev, {
    pre: [['商户名称：杭州市西湖区小李面馆'], ['统计区间：2024-01-01 至 2024-03-15']],
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      type,
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(4410)}` : (e.name ?? '')),
    ],
    foot: (t) => [['合计', '', '', Y(t.amount), Y(t.fee), Y(t.net)]],
  });
  return {
    file: `${stem}.pdf`,
    pdf: { tbl, xs: [30, 140, 200, 260, 350, 420, 520], title: '通联支付 商户交易对账单' },
    format: 'pdf',
    headerRow: null,
    ev,
    contract,
    opts: {},
  };
});

// 08 中付 GBK CSV: unsigned amounts + 收支 column, 费用名称 column, 通讯费 named 网络通讯费
C('rt08-zhongfu-direction', (stem) => {
  const contract = contractOf({
    provider: '中付支付科技有限公司',
    rates: [
      { cardType: 'any', percent: 0.6, capYuan: null },
      { cardType: 'debit', percent: 0.6, capYuan: 25 },
    ],
    charges: [{ category: 'service_fee', amountYuan: 49, every: 'quarter' }],
  });
  const ev = simulate({
    contract,
    seed: 808,
    start: '2024-05-01',
    days: 90,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 25, 0.6),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-05-25', cat: 'traffic_fee', name: '网络通讯费', fen: 9900, via: 'row' },
      { date: '2024-06-25', cat: 'service_fee', name: '会员权益费', fen: 4900, via: 'row' },
      { date: '2024-07-25', cat: 'service_fee', name: '会员权益费', fen: 4900, via: 'row' },
    ],
    credits: [{ date: '2024-06-01', name: '手续费返还', fen: 2211 }],
  });
  const inout = (e) => (sgn.net(e) >= 0 ? '收入' : '支出');
  const tbl = buildTable(ev, {
    pre: [['中付支付 商户资金明细'], ['商户号：M2024050112'], []],
    head: [['日期', '时间', '收支', '金额', '手续费', '入账金额', '类型', '费用名称', '卡类型']],
    cols: [
      (e) => e.date.replace(/-/g, '/'),
      (e) => e.time,
      inout,
      (e) => Y(e.amount),
      (e) => (['sale', 'refund', 'reversal', 'payout'].includes(e.kind) ? Y(e.fee) : ''),
      (e) => (['sale', 'refund', 'reversal'].includes(e.kind) ? Y(e.net) : ''),
      (e) =>
        ({
          sale: '交易',
          refund: '退货',
          reversal: '冲正',
          payout: '结算',
          fee: '费用',
          credit: '返还',
        })[e.kind],
      (e) => e.name ?? '',
      (e) => cardWord(e),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gbk' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 4,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 09 富友 XLSX: starts at B4, merged title, two-row header with groups, 费率 column, day 小计 / month 合计
C('rt09-fuiou-merged', (stem) => {
  const contract = contractOf({
    provider: '上海富友支付服务股份有限公司',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'traffic_fee', amountYuan: 60, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 909,
    start: '2024-07-01',
    days: 92,
    perDay: [1, 5],
    cards: { debit: 1, credit: 2 },
    rate: rise('2024-08-10', rate2(0.5, 20, 0.6), rate2(0.5, 20, 0.65)),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-07-15', cat: 'traffic_fee', name: '4G流量卡费', fen: 6000, via: 'row' },
      { date: '2024-09-03', cat: 'deposit', name: '激活押金(未达标扣除)', fen: 29900, via: 'row' },
    ],
  });
  const pct = (e) =>
    e.kind === 'sale' && e.amount ? `${((e.fee / e.amount) * 100).toFixed(2)}%` : '';
  const type = (e) =>
    ({
      sale: '消费',
      refund: '退货',
      reversal: '撤销',
      payout: '结算',
      fee: '扣款',
      credit: '返还',
    })[e.kind];
  const tbl = buildTable(ev, {
    pre: [
      ['富友支付商户对账单'],
      ['商户：成都市武侯区川味小厨', null, null, '结算账户：', tail(9021)],
      [],
    ],
    head: [
      ['交易信息', null, null, null, null, '手续费信息', null, '结算信息', null, '备注'],
      [
        '交易日期',
        '交易时间',
        '交易类型',
        '卡类型',
        '交易金额',
        '手续费',
        '费率',
        '结算金额',
        '结算状态',
        null,
      ],
    ],
    merges: [
      [0, 0, 0, 4],
      [0, 5, 0, 6],
      [0, 7, 0, 8],
      [0, 9, 1, 9],
    ],
    cols: [
      (e) => {
        const d = new Date(`${e.date}T00:00:00Z`);
        d.fmt = 'yyyy-mm-dd';
        return d;
      },
      (e) => e.time,
      type,
      (e) => cardWord(e),
      (e) => ({ num: sgn.amount(e) / 100, fmt: '#,##0.00' }),
      (e) => ({ num: sgn.fee(e) / 100, fmt: '0.00' }),
      pct,
      (e) => ({ num: sgn.net(e) / 100, fmt: '#,##0.00' }),
      () => '已结算',
      (e) => (e.kind === 'payout' ? `结算至${tail(9021)}` : (e.name ?? '')),
    ],
    dayTotal: (d, a) => [
      '小计',
      null,
      null,
      `${a.n}笔`,
      { num: a.amount / 100 },
      { num: a.fee / 100 },
      null,
      { num: a.net / 100 },
      null,
      null,
    ],
    monthTotal: (m, a) => [
      `${m}月合计`,
      null,
      null,
      `${a.n}笔`,
      { num: a.amount / 100 },
      { num: a.fee / 100 },
      null,
      { num: a.net / 100 },
      null,
      null,
    ],
  });
  const m = tableRows(tbl, 3);
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['对账单'],
    headerRow: 6,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([{ name: '对账单', tbl, startRow: 3, startCol: 2 }]),
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 10 银行收单 daily summaries (笔数 column) + 代扣 rows; bank contract with agreed yearly 年费
C('rt10-bank-daily', (stem) => {
  const contract = contractOf({
    provider: '中国建设银行股份有限公司某某分行',
    providerType: 'bank',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'service_fee', amountYuan: 360, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 1010,
    start: '2024-01-01',
    days: 150,
    perDay: [2, 9],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: null,
    fees: [
      { date: '2024-01-20', cat: 'service_fee', name: '代扣商户服务年费', fen: 36000, via: 'row' },
      { date: '2024-02-20', cat: 'traffic_fee', name: '代扣POS终端通讯费', fen: 9600, via: 'row' },
      { date: '2024-05-20', cat: 'traffic_fee', name: '代扣POS终端通讯费', fen: 9600, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    pre: [
      ['中国建设银行 POS商户对账单'],
      ['商户编号：105290058120001', '商户名称：某某超市'],
      ['账单期间：2024年01月01日-2024年05月29日'],
      [],
    ],
    head: [['清算日期', '交易笔数', '交易金额', '手续费', '清算金额', '摘要']],
    summaryDaily: (d, a) => [
      d.replace(/-/g, ''),
      String(a.n),
      thousands(a.amount),
      Y(a.fee),
      thousands(a.net),
      'POS清算',
    ],
    cols: [
      (e) => e.date.replace(/-/g, ''),
      () => '',
      (e) => Y(-e.amount),
      () => '0.00',
      (e) => Y(-e.amount),
      (e) => e.name,
    ],
    foot: (t) => [['合计', String(t.n), thousands(t.amount), Y(t.fee), thousands(t.net), '']],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 5,
    ev,
    contract,
    opts: { summaryDaily: true },
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// ---------- SMS ----------
function smsCase(
  stem,
  { seed, days, start, enc, sep, contract, fees, credits, rate, msg, cards = { none: 1 } },
) {
  const ev = simulate({
    contract,
    seed,
    start,
    days,
    perDay: [0, 3],
    cards,
    rate,
    rounding: 'ceil',
    payout: { mode: 'T1', every: 1 },
    fees,
    credits,
  });
  const msgs = ev.map((e) => msg(e));
  const m = new Map(ev.map((e, i) => [e, i + 1]));
  const text = msgs.join(sep) + '\n';
  const buf =
    enc === 'utf16be'
      ? Buffer.concat([
          Buffer.from([0xfe, 0xff]),
          iconv.encode(text.replace(/\n/g, '\r\n'), 'utf16be'),
        ])
      : Buffer.from(text, 'utf8');
  return {
    file: `${stem}.txt`,
    buf,
    format: 'sms',
    encoding: enc === 'utf16be' ? 'utf-16be' : 'utf-8',
    ev,
    contract,
    opts: { netVisible: false, cardVisible: cards.none !== 1 },
    rowOf: (e) => ({ row: m.get(e) }),
  };
}
const cn = (d) => {
  const [y, mo, dd] = d.split('-').map(Number);
  return `${y}年${mo}月${dd}日`;
};

// 11 bank SMS, blank-line separated, some messages wrapped over two lines
C('rt11-sms-bank', (stem) =>
  smsCase(stem, {
    seed: 1111,
    start: '2024-03-01',
    days: 80,
    sep: '\n\n',
    provider: '工商银行',
    rate: () => ({ percent: 0.6, cap: null }),
    fees: [
      { date: '2024-03-09', cat: 'traffic_fee', name: 'POS机具流量费', fen: 9900, via: 'row' },
      { date: '2024-04-09', cat: 'service_fee', name: '商户服务年费', fen: 29900, via: 'row' },
    ],
    credits: [{ date: '2024-04-15', name: '流量费退还', fen: 9900 }],
    contract: contractOf({
      provider: '中国工商银行',
      providerType: 'bank',
      rates: [{ cardType: 'any', percent: 0.6 }],
      charges: [],
    }),
    msg: (e) => {
      const h = '【工商银行】';
      if (e.kind === 'sale')
        return `${h}您的商户于${cn(e.date)}${e.time.slice(0, 5)}收到POS刷卡消费${Y(e.amount)}元，\n手续费${Y(e.fee)}元，商户号末四位3302。`;
      if (e.kind === 'payout')
        return `${h}您尾号3302的账户${cn(e.date)}收入(POS结算)${thousands(e.amount)}元。`;
      if (e.kind === 'fee')
        return `${h}您尾号3302的账户${cn(e.date)}${e.time.slice(0, 5)}支出(代扣${e.name})${Y(e.amount)}元，\n如有疑问请咨询95588。`;
      return `${h}您尾号3302的账户${cn(e.date)}收入(${e.name})${Y(e.amount)}元。`;
    },
  }),
);

// 12 app notification log with timestamps and ---- separators; D0 提现 + separate 到账服务费; 活动补贴
C('rt12-app-log', (stem) => {
  const x = smsCase(stem, {
    seed: 1212,
    start: '2024-09-01',
    days: 70,
    sep: '\n----\n',
    rate: rise(
      '2024-10-01',
      () => ({ percent: 0.6, cap: null }),
      () => ({ percent: 0.6, cap: null }),
    ),
    fees: [
      {
        date: '2024-09-03',
        cat: 'instant_settlement_fee',
        name: '秒到服务费',
        fen: 200,
        via: 'row',
      },
      {
        date: '2024-09-14',
        cat: 'instant_settlement_fee',
        name: '秒到服务费',
        fen: 200,
        via: 'row',
      },
      {
        date: '2024-10-03',
        cat: 'instant_settlement_fee',
        name: '秒到服务费',
        fen: 200,
        via: 'row',
      },
      { date: '2024-09-05', cat: 'service_fee', name: '超级会员月费', fen: 1990, via: 'row' },
      { date: '2024-10-05', cat: 'service_fee', name: '超级会员月费', fen: 1990, via: 'row' },
      { date: '2024-09-22', cat: 'traffic_fee', name: '流量卡年费', fen: 5900, via: 'row' },
    ],
    credits: [{ date: '2024-09-10', name: '活动补贴', fen: 888 }],
    contract: contractOf({
      provider: '某某付（乐刷）',
      rates: [
        { cardType: 'debit', percent: 0.55, capYuan: 20 },
        { cardType: 'credit', percent: 0.6 },
      ],
      charges: [{ category: 'traffic_fee', amountYuan: 59, every: 'year' }],
    }),
    cards: { debit: 1, credit: 1 },
    msg: (e) => {
      const ts = `${e.date} ${e.time}`;
      if (e.kind === 'sale')
        return `${ts}  乐刷商户助手\n收款成功：${Y(e.amount)}元（${e.card === 'debit' ? '借记卡' : '信用卡'}），手续费${Y(e.fee)}元，预计到账${Y(e.net)}元。`;
      if (e.kind === 'payout')
        return `${ts}  乐刷商户助手\n提现成功：D0提现${Y(e.amount)}元已到账${tail(6620)}银行卡。`;
      if (e.kind === 'fee')
        return `${ts}  乐刷商户助手\n扣费通知：${e.name}${Y(e.amount)}元已从余额中扣除。`;
      return `${ts}  乐刷商户助手\n到账通知：${e.name}${Y(e.amount)}元已存入余额。`;
    },
  });
  return x;
});

// 13 UTF-16BE phone SMS export, one message per line, 物联卡服务费 + 快速到账费 + 返现
C('rt13-sms-utf16be', (stem) =>
  smsCase(stem, {
    seed: 1313,
    start: '2024-11-01',
    days: 70,
    sep: '\n',
    enc: 'utf16be',
    rate: () => ({ percent: 0.63, cap: null }),
    fees: [
      { date: '2024-11-11', cat: 'traffic_fee', name: '物联卡服务费', fen: 4800, via: 'row' },
      {
        date: '2024-12-02',
        cat: 'instant_settlement_fee',
        name: '快速到账费',
        fen: 300,
        via: 'row',
      },
      {
        date: '2024-12-12',
        cat: 'instant_settlement_fee',
        name: '快速到账费',
        fen: 300,
        via: 'row',
      },
    ],
    credits: [{ date: '2024-12-20', name: '刷卡返现', fen: 1000 }],
    contract: contractOf({
      provider: '随行付支付有限公司',
      rates: [{ cardType: 'any', percent: 0.6 }],
      charges: [],
    }),
    msg: (e) => {
      const h = '【随行付】';
      if (e.kind === 'sale')
        return `${h}${cn(e.date)}${e.time.slice(0, 5)}，您的终端刷卡${Y(e.amount)}元成功，扣除手续费${Y(e.fee)}元。`;
      if (e.kind === 'payout')
        return `${h}您${cn(e.date)}的结算资金${Y(e.amount)}元已出款至${tail(5120)}，请注意查收。`;
      if (e.kind === 'fee')
        return `${h}尊敬的商户，${cn(e.date)}已从您的结算款中扣收${e.name}${Y(e.amount)}元。`;
      return `${h}恭喜！${cn(e.date)}${e.name}${Y(e.amount)}元已发放到您的结算账户。`;
    },
  }),
);

// 14 semicolon CSV, 元 suffix, parentheses negatives, Chinese dates with time; hidden SIM fee named in 备注
C('rt14-semicolon-paren', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 1414,
    start: '2024-02-01',
    days: 100,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-02-20', cat: 'traffic_fee', name: '含SIM卡年费', fen: 5900, via: 'hidden' },
      { date: '2024-04-02', cat: 'traffic_fee', name: '', fen: 3000, via: 'hidden' },
    ],
  });
  const money = (f) => (f < 0 ? `(${thousands(-f)})元` : `${thousands(f)}元`);
  const tbl = buildTable(ev, {
    head: [['交易日期', '交易摘要', '卡别', '交易金额', '手续费', '净额', '备注']],
    cols: [
      (e) => `${cn(e.date)} ${e.time.slice(0, 5)}`,
      (e) =>
        ({
          sale: 'POS消费',
          refund: '退货',
          reversal: '撤销',
          payout: '资金结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e, ['借记', '贷记', '']),
      (e) => money(sgn.amount(e)),
      (e) => money(sgn.fee(e)),
      (e) => money(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(3300)}` : (e.hidden?.text ?? e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { delim: ';', enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 15 GB18030 CSV with full-width digits and ￥, 借贷标志 direction column
C('rt15-fullwidth-jiedai', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.6, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'deposit', amountYuan: 99, every: 'once' }],
  });
  const ev = simulate({
    contract,
    seed: 1515,
    start: '2024-06-01',
    days: 60,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-06-11', cat: 'traffic_fee', name: '通信服务费', fen: 9900, via: 'row' },
      { date: '2024-07-11', cat: 'deposit', name: '服务押金', fen: 9900, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    pre: [['商户名称：某某水果店'], ['统计区间：２０２４年６月１日至２０２４年７月３０日']],
    head: [['交易时间', '借贷标志', '交易金额', '手续费', '结算金额', '交易说明', '卡类型']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) => (sgn.net(e) >= 0 ? '贷' : '借'),
      (e) => fullwidth(`￥${thousands(e.amount)}`).replace('￥', '￥'),
      (e) => fullwidth(Y(e.fee)),
      (e) => fullwidth(thousands(e.kind === 'fee' || e.kind === 'credit' ? e.amount : e.net)),
      (e) =>
        e.kind === 'sale' ? '消费' : e.kind === 'payout' ? `结算${tail(1010)}` : (e.name ?? e.kind),
      (e) => cardWord(e),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gb18030' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 3,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 16 XLSX with two terminals, newest first, text dates 2024/3/2 10:22, both terminals' SIM fees
C('rt16-multi-terminal-desc', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 1616,
    start: '2024-03-01',
    days: 70,
    perDay: [2, 6],
    cards: { debit: 1, credit: 1 },
    terminals: ['50012345', '50012346'],
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    refundP: 0.04,
    payout: { mode: 'T1' },
    fees: [
      {
        date: '2024-03-21',
        cat: 'traffic_fee',
        name: 'SIM卡流量费',
        fen: 4800,
        via: 'row',
        terminal: '50012345',
      },
      {
        date: '2024-03-21',
        time: '03:10:00',
        cat: 'traffic_fee',
        name: 'SIM卡流量费',
        fen: 4800,
        via: 'row',
        terminal: '50012346',
      },
    ],
  });
  const d = (e) => {
    const [y, mo, dd] = e.date.split('-').map(Number);
    return `${y}/${mo}/${dd} ${e.time.slice(0, 5)}`;
  };
  const tbl = buildTable(ev, {
    order: 'desc',
    head: [
      [
        '商户名称',
        '终端号',
        '交易时间',
        '交易类型',
        '卡类型',
        '交易金额',
        '手续费',
        '结算金额',
        '备注',
      ],
    ],
    cols: [
      () => '某某便利店',
      (e) => e.terminal,
      d,
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣款',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(2002)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['Sheet1'],
    headerRow: 1,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([{ name: 'Sheet1', tbl }]),
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 17 silent shortfalls + named hidden fees in 备注 (含流量费 / 扣除通讯服务费), agreed yearly traffic
C('rt17-hidden-fees', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'traffic_fee', amountYuan: 36, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 1717,
    start: '2024-01-01',
    days: 120,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-01-15', cat: 'traffic_fee', name: '含流量费', fen: 3600, via: 'hidden' },
      { date: '2024-02-15', cat: 'traffic_fee', name: '扣除通讯服务费', fen: 3600, via: 'hidden' },
      { date: '2024-03-05', cat: null, name: '', fen: 4500, via: 'hidden' },
      { date: '2024-04-05', cat: null, name: '', fen: 4500, via: 'hidden' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '实际到账', '备注', '流水号']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(8181)}` : (e.hidden?.text ?? e.name ?? '')),
      (e) => e.ref,
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 18 GBK CSV: T0出款 with a separate 垫资手续费 row each time, agreed perTransactionFee add-on in fee column
C('rt18-t0-dianzi', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.6, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    perTx: 3,
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 1818,
    start: '2024-04-01',
    days: 60,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 25, 0.6),
    addOnFen: 300,
    rounding: 'half',
    payout: { mode: 'D0', p: 0.5, feeRow: { name: 'T0垫资手续费', fen: 200 } },
  });
  const tbl = buildTable(ev, {
    pre: [['交易流水'], []],
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '清算金额', '备注']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) =>
        ({
          sale: '刷卡',
          refund: '退货',
          reversal: '撤销',
          payout: 'T0出款',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e, ['借记卡', '贷记卡', '']),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `出款至${tail(3131)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gbk' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 3,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 19 XLSX rebates and deposit charged then refunded, 活动补贴, 返现; agreed nothing but the rate
C('rt19-rebates-deposit', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 1919,
    start: '2024-05-01',
    days: 90,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    refundP: 0.05,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-05-02', cat: 'deposit', name: '机具服务费(押金)', fen: 29900, via: 'row' },
      { date: '2024-06-02', cat: 'traffic_fee', name: '流量套餐费', fen: 1800, via: 'row' },
    ],
    credits: [
      { date: '2024-07-15', name: '押金返还(达标)', fen: 29900 },
      { date: '2024-05-30', name: '活动补贴', fen: 2000 },
      { date: '2024-06-30', name: '交易返现', fen: 1580 },
      { date: '2024-07-01', name: '手续费返还', fen: 912 },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['日期', '类型', '卡类型', '金额', '手续费', '到账金额', '说明']],
    cols: [
      (e) => e.date,
      (e) =>
        ({
          sale: '刷卡收款',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣款',
          credit: '入账',
        })[e.kind],
      (e) => cardWord(e),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      (e) => (e.kind === 'payout' ? `结算至${tail(6006)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['明细'],
    headerRow: 1,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([{ name: '明细', tbl }]),
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 20 no contract, HTML UTF-8 .xls with a summary table before the detail table
C('rt20-nocontract-html2', (stem) => {
  const ev = simulate({
    seed: 2020,
    start: '2024-08-01',
    days: 60,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 25, 0.68),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-08-08', cat: 'traffic_fee', name: '流量费', fen: 9900, via: 'row' },
      { date: '2024-09-08', cat: 'service_fee', name: '年费', fen: 19900, via: 'row' },
      { date: '2024-09-10', cat: null, name: '', fen: 3000, via: 'hidden' },
    ],
  });
  const t1 = buildTable([], {
    pre: [['汇总信息'], ['交易笔数', '200'], ['交易金额', '12,345.00']],
    head: [],
  });
  const tbl = buildTable(ev, {
    head: [
      ['交易日期', '交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要'],
    ],
    cols: [
      (e) => e.date,
      (e) => e.time,
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(1234)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl, t1.rows.length + 1);
  const a = htmlBytes(t1).toString('utf8');
  const b = htmlBytes(tbl).toString('utf8');
  const body =
    a.replace('</table></body></html>\r\n', '</table>\r\n<br/>\r\n') + b.slice(b.indexOf('<table'));
  return {
    file: `${stem}.xls`,
    buf: Buffer.from(body, 'utf8'),
    format: 'html',
    encoding: 'utf-8',
    headerRow: 4,
    ev,
    contract: null,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 21 XML Spreadsheet 2003 as .xls: 系统使用费 monthly, 设备款 once, both agreed
C('rt21-spreadsheetml', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [
      { category: 'deposit', amountYuan: 99, every: 'once' },
      { category: 'service_fee', amountYuan: 15, every: 'month' },
    ],
  });
  const ev = simulate({
    contract,
    seed: 2121,
    start: '2024-01-01',
    days: 100,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'ceil',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-01-03', cat: 'deposit', name: '设备款', fen: 9900, via: 'row' },
      ...monthly('2024-01-12', 4).map((d) => ({
        date: d,
        cat: 'service_fee',
        name: '系统使用费',
        fen: 1500,
        via: 'row',
      })),
      { date: '2024-02-20', cat: 'service_fee', name: '系统使用费', fen: 1500, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注']],
    cols: [
      (e) => new Date(`${e.date}T${e.time}Z`),
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      (e) => (e.kind === 'payout' ? `结算至${tail(4040)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xls`,
    buf: spreadsheetMlBytes(tbl, '交易明细'),
    format: 'xml',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 22 fee column printed negative (amount + fee = settled), UTF-8 BOM, 会员费 quarterly, 秒到费 rows
C('rt22-negative-fee', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'service_fee', amountYuan: 29, every: 'quarter' }],
  });
  const ev = simulate({
    contract,
    seed: 2222,
    start: '2024-01-01',
    days: 120,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'D0', p: 0.3, feeRow: { name: '秒到费', fen: 300 } },
    fees: monthly('2024-01-06', 4).map((d) => ({
      date: d,
      cat: 'service_fee',
      name: '尊享会员服务费',
      fen: 2900,
      via: 'row',
    })),
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '业务类型', '卡类型', '交易金额', '手续费', '入账金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: '提现',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(-sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `提现至${tail(2323)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8bom' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 23 bank settlement account (借方发生额/贷方发生额/余额): credits are payouts received, debits are fees
C('rt23-bank-account', (stem) => {
  const contract = contractOf({
    provider: '某某银行',
    providerType: 'bank',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 2323,
    start: '2024-03-01',
    days: 90,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-03-25', cat: 'traffic_fee', name: 'POS终端流量费', fen: 6000, via: 'row' },
      { date: '2024-04-25', cat: 'service_fee', name: '收单服务年费', fen: 20000, via: 'row' },
    ],
  });
  let bal = 1000000;
  const seen = ev.filter((e) => e.kind !== 'sale');
  const tbl = buildTable(seen, {
    pre: [
      ['某某银行 对公账户交易明细'],
      ['账号：6217********0101', '户名：某某餐饮店'],
      ['起止日期：2024-03-01 至 2024-05-29'],
      [],
    ],
    head: [['交易日期', '摘要', '借方发生额', '贷方发生额', '余额', '对方户名']],
    cols: [
      (e) => e.date.replace(/-/g, ''),
      (e) => (e.kind === 'payout' ? 'POS商户结算' : e.kind === 'fee' ? `代扣${e.name}` : e.name),
      (e) => (e.kind === 'fee' ? thousands(e.amount) : ''),
      (e) => (e.kind !== 'fee' ? thousands(e.amount) : ''),
      (e) => {
        bal += e.kind === 'fee' ? -e.amount : e.amount;
        return thousands(bal);
      },
      (e) => (e.kind === 'payout' ? '某某支付有限公司备付金' : '某某银行'),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gbk' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 5,
    ev: seen,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 24 XLSX: notes block on top, data from column C, amounts as text, yearly 流量费 before its free year ends
C('rt24-notes-offset', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.55, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [
      { category: 'traffic_fee', amountYuan: 39, every: 'year', startsAfter: '2024-12-01' },
    ],
  });
  const ev = simulate({
    contract,
    seed: 2424,
    start: '2024-06-01',
    days: 120,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.55, 25, 0.6),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-06-18', cat: 'traffic_fee', name: '流量服务费', fen: 3900, via: 'row' },
      { date: '2024-07-18', cat: 'other_deduction', name: '其他扣款', fen: 2000, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    pre: [
      ['温馨提示：'],
      ['1. 本表数据来源于商户服务平台，仅供参考；'],
      ['2. 如对扣费有疑问，请联系客服 400-000-0000。'],
      [],
    ],
    head: [
      [
        '序号',
        '交易时间',
        '交易类型',
        '卡类型',
        '交易金额(元)',
        '手续费(元)',
        '结算金额(元)',
        '备注',
      ],
    ],
    cols: [
      (e) => String(e.seq + 1),
      (e) => `${e.date} ${e.time}`,
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(2424)}` : (e.name ?? '')),
    ],
    foot: (t) => [[], ['合计', '', '', '', Y(t.amount), Y(t.fee), Y(t.net), '']],
  });
  const m = tableRows(tbl, 2);
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['数据'],
    headerRow: 6,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([{ name: '数据', tbl, startRow: 2, startCol: 3 }]),
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 25 no contract, GBK CSV with 冲正/撤销, fee rows of many names
C('rt25-nocontract-gbk', (stem) => {
  const ev = simulate({
    seed: 2525,
    start: '2024-02-01',
    days: 80,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 25, 0.72),
    rounding: 'half',
    refundP: 0.03,
    reversalP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-02-10', cat: 'traffic_fee', name: '物联网卡费', fen: 4800, via: 'row' },
      { date: '2024-03-10', cat: 'deposit', name: '激活费', fen: 9900, via: 'row' },
      { date: '2024-04-10', cat: 'instant_settlement_fee', name: 'D0手续费', fen: 300, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '冲正',
          payout: '结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(2525)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gbk' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 1,
    ev,
    contract: null,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 26 PDF portrait, bank style with 借/贷 column and no 卡类型 (unknown card: highest rate)
C('rt26-bank-pdf', (stem) => {
  const contract = contractOf({
    provider: '某某银行',
    providerType: 'bank',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 2626,
    start: '2024-09-01',
    days: 60,
    perDay: [1, 3],
    cards: { debit: 1, credit: 1 },
    rate: (d, c) =>
      c === 'debit'
        ? { percent: 0.5, cap: 20 }
        : { percent: d < '2024-10-01' ? 0.6 : 0.66, cap: null },
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-09-16', cat: 'service_fee', name: '商户服务费', fen: 9800, via: 'row' },
      { date: '2024-10-16', cat: 'traffic_fee', name: '通讯服务费', fen: 2400, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    pre: [['账户名称：某某文具店'], ['查询期间：2024-09-01 至 2024-10-30']],
    head: [['日期', '摘要', '借贷', '金额', '手续费', '入账金额']],
    cols: [
      (e) => e.date,
      (e) =>
        ({
          sale: 'POS消费',
          refund: '退货',
          reversal: '撤销',
          payout: `结算${tail(2626)}`,
          fee: e.name,
          credit: e.name,
        })[e.kind],
      (e) => (sgn.net(e) >= 0 ? '贷' : '借'),
      (e) => Y(e.amount),
      (e) => Y(e.fee),
      (e) => Y(e.kind === 'fee' ? e.amount : e.net),
    ],
  });
  return {
    file: `${stem}.pdf`,
    pdf: {
      tbl,
      xs: [40, 120, 250, 300, 380, 450],
      title: '某某银行 POS收单明细',
      landscape: false,
      perPage: 45,
    },
    format: 'pdf',
    ev,
    contract,
    opts: { cardVisible: false },
  };
});

// 27 XLSX, 物联网卡年费 charged in two successive years, second early; 收款 wording, 借记/贷记 words
C('rt27-iot-yearly', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'traffic_fee', amountYuan: 59, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 2727,
    start: '2023-10-01',
    days: 300,
    perDay: [0, 3],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2023-10-15', cat: 'traffic_fee', name: '物联网卡年费', fen: 5900, via: 'row' },
      { date: '2024-07-15', cat: 'traffic_fee', name: '物联网卡年费', fen: 5900, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易日期', '交易类型', '借贷记标识', '交易金额', '手续费', '结算金额', '交易说明']],
    cols: [
      (e) => {
        const d = new Date(`${e.date}T${e.time}Z`);
        return d;
      },
      (e) =>
        ({
          sale: '收款',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e, ['借记', '贷记', '']),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      (e) => (e.kind === 'payout' ? `结算至${tail(2727)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['Sheet1'],
    headerRow: 1,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([{ name: 'Sheet1', tbl }]),
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 28 CSV: rate rise with perTransactionFee agreed; 秒到 add-on rises from 3 to 5 元 inside fee column
C('rt28-addon-rise', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.6, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    perTx: 3,
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 2828,
    start: '2024-03-01',
    days: 90,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 25, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
  });
  for (const e of ev)
    if (e.kind === 'sale') {
      e.fee += e.date < '2024-04-15' ? 300 : 500;
      e.net = e.amount - e.fee;
    }
  // payouts follow nets: recompute
  let pend = 0;
  for (const e of ev) {
    if (e.kind === 'sale') pend += e.net;
    if (e.kind === 'payout') {
      e.amount = pend;
      e.net = pend;
      pend = 0;
    }
  }
  for (let i = 0; i < ev.length; i++)
    if (ev[i].kind === 'payout' && ev[i].amount <= 0) ev.splice(i--, 1);
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费(含秒到)', '到账金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) =>
        ({
          sale: '秒到交易',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(2828)}` : ''),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 29 D0 payouts without any fee + 加急费 separate rows under a 费用明细 sheet? (CSV, tab-delimited UTF-8)
C('rt29-tab-d0-nofee', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.55, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 2929,
    start: '2024-05-01',
    days: 60,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.55, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'D0', p: 0.8 },
    fees: [
      {
        date: '2024-05-20',
        cat: 'instant_settlement_fee',
        name: '提现加急费',
        fen: 500,
        via: 'row',
      },
      { date: '2024-06-01', cat: 'service_fee', name: '月度管理服务费', fen: 990, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['时间', '类型', '卡类型', '金额', '手续费', '结算金额', '说明']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: 'D0提现',
          fee: '扣费',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `D0提现至${tail(2929)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.txt`,
    buf: csvBytes(tbl, { enc: 'utf8', delim: '\t' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 30 BIFF8 with two-row merged header and daily subtotal rows, 数据流量费 + 保证金 agreed after a date
C('rt30-biff8-merged', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [
      { category: 'deposit', amountYuan: 200, every: 'once', startsAfter: '2024-03-01' },
      { category: 'traffic_fee', amountYuan: 20, every: 'month' },
    ],
  });
  const ev = simulate({
    contract,
    seed: 3030,
    start: '2024-02-01',
    days: 90,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-02-05', cat: 'deposit', name: '风险保证金', fen: 20000, via: 'row' },
      { date: '2024-03-05', cat: 'traffic_fee', name: '数据流量费', fen: 2000, via: 'row' },
      { date: '2024-04-05', cat: 'traffic_fee', name: '数据流量费', fen: 2000, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    pre: [['商户结算明细表']],
    head: [
      ['日期', '类别', '交易', null, null, '清算', null, '附言'],
      [null, null, '卡类型', '交易金额', '手续费', '应结金额', '参考号', null],
    ],
    merges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 0, 4],
      [0, 5, 0, 6],
      [0, 7, 1, 7],
    ],
    cols: [
      (e) => new Date(`${e.date}T${e.time}Z`),
      (e) =>
        ({
          sale: '消费',
          refund: '退货',
          reversal: '撤销',
          payout: '结算',
          fee: '扣收',
          credit: '返还',
        })[e.kind],
      (e) => cardWord(e),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      (e) => e.ref,
      (e) => (e.kind === 'payout' ? `结算至${tail(3030)}` : (e.name ?? '')),
    ],
    dayTotal: (d, a) => [
      '当日小计',
      null,
      `${a.n}笔`,
      { num: a.amount / 100 },
      { num: a.fee / 100 },
      { num: a.net / 100 },
      null,
      null,
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xls`,
    buf: biffBytes([{ name: '结算明细', tbl }]),
    format: 'xls',
    sheets: ['结算明细'],
    headerRow: 2,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// ===================================== round 2 =====================================
const kindType = (m) => (e) => m[e.kind];
const T = {
  sale: '消费',
  refund: '退货',
  reversal: '撤销',
  payout: '结算',
  fee: '扣费',
  credit: '返还',
};
const payDesc = (n) => (e) => (e.kind === 'payout' ? `结算至${tail(n)}` : (e.name ?? ''));
/** insert a repeated header and a 本页合计 row every `every` records */
function paginate(tbl, every) {
  const head = tbl.rows.filter((r) => r.tag === 'header');
  const out = [];
  let n = 0;
  let page = { amount: 0, fee: 0 };
  for (const r of tbl.rows) {
    out.push(r);
    if (r.tag !== 'rec') continue;
    if (r.ev?.kind === 'sale') {
      page.amount += r.ev.amount;
      page.fee += r.ev.fee;
    }
    if (++n % every === 0) {
      const w = r.cells.length;
      const sum = Array(w).fill('');
      sum[0] = '本页合计';
      sum[3] = Y(page.amount);
      sum[4] = Y(page.fee);
      out.push({ cells: sum, tag: 'sum' });
      out.push({ cells: [`第${n / every}页`], tag: 'note' });
      for (const h of head) out.push({ cells: h.cells, tag: 'header' });
      page = { amount: 0, fee: 0 };
    }
  }
  tbl.rows = out;
  return tbl;
}

// 31 CSV (UTF-8) exported page by page: header repeated, 本页合计 and 第N页 lines between pages
C('rt31-paged-csv', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 3131,
    start: '2024-03-01',
    days: 60,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rise('2024-04-01', rate2(0.5, 20, 0.6), rate2(0.5, 20, 0.7)),
    rounding: 'half',
    refundP: 0.03,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-03-11', cat: 'traffic_fee', name: '终端通讯月费', fen: 1500, via: 'row' },
      { date: '2024-04-11', cat: 'traffic_fee', name: '终端通讯月费', fen: 1500, via: 'row' },
    ],
  });
  const tbl = paginate(
    buildTable(ev, {
      head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']],
      cols: [
        (e) => `${e.date} ${e.time}`,
        kindType(T),
        (e) => cardWord(e),
        (e) => Y(sgn.amount(e)),
        (e) => Y(sgn.fee(e)),
        (e) => Y(sgn.net(e)),
        payDesc(3131),
      ],
    }),
    50,
  );
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 32 unsigned amounts: every figure positive, only the type says which way the money went
C('rt32-unsigned-types', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.55, capYuan: 25 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 3232,
    start: '2024-05-01',
    days: 60,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.55, 25, 0.6),
    rounding: 'half',
    refundP: 0.04,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-05-15', cat: 'service_fee', name: '会员服务费', fen: 3800, via: 'row' },
      { date: '2024-06-15', cat: 'deposit', name: '机具押金', fen: 15000, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['日期', '时间', '业务类型', '卡类型', '金额', '手续费', '备注']],
    cols: [
      (e) => e.date,
      (e) => e.time,
      kindType({
        sale: '消费',
        refund: '退货',
        reversal: '撤销',
        payout: '结算出款',
        fee: '费用扣收',
        credit: '返还入账',
      }),
      (e) => cardWord(e),
      (e) => Y(e.amount),
      (e) => Y(e.fee),
      payDesc(3232),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: { netVisible: false },
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 33 XLSX: empty first sheet, transactions on sheet 2, a fee-only list on sheet 3 (positive 扣费金额)
C('rt33-fee-sheet', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'traffic_fee', amountYuan: 48, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 3333,
    start: '2024-01-01',
    days: 90,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-01-08', cat: 'traffic_fee', name: '流量卡服务费', fen: 4800, via: 'row' },
      { date: '2024-02-08', cat: 'service_fee', name: '商户会员月费', fen: 2500, via: 'row' },
      { date: '2024-03-08', cat: 'service_fee', name: '商户会员月费', fen: 2500, via: 'row' },
      { date: '2024-03-20', cat: 'traffic_fee', name: '流量卡服务费', fen: 4800, via: 'row' },
    ],
  });
  const trade = ev.filter((e) => e.kind !== 'fee');
  const fees = ev.filter((e) => e.kind === 'fee');
  const t1 = buildTable(trade, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      kindType(T),
      (e) => cardWord(e),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      payDesc(3333),
    ],
  });
  const t2 = buildTable(fees, {
    pre: [['费用扣收明细']],
    head: [['扣费日期', '费用类型', '扣费金额(元)', '扣费说明']],
    cols: [(e) => e.date, (e) => e.name, (e) => Y(e.amount), () => '从结算款中扣收'],
  });
  const m1 = tableRows(t1);
  const m2 = tableRows(t2);
  const empty = { rows: [], merges: [], width: 0 };
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['Sheet1', '交易明细', '费用明细'],
    headerRow: 1,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([
      { name: 'Sheet1', tbl: empty },
      { name: '交易明细', tbl: t1 },
      { name: '费用明细', tbl: t2 },
    ]),
    rowOf: (e) =>
      m1.has(e)
        ? { row: m1.get(e), sheet: '交易明细' }
        : m2.has(e)
          ? { row: m2.get(e), sheet: '费用明细' }
          : null,
  };
});

// 34 English-only header (an international acquirer), Chinese descriptions, D/C card codes as words
C('rt34-english-header', (stem) => {
  const contract = contractOf({
    provider: 'Some Acquirer (China)',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 3434,
    start: '2024-06-01',
    days: 60,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.62),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      {
        date: '2024-06-12',
        cat: 'traffic_fee',
        name: 'SIM card fee 流量卡费',
        fen: 6600,
        via: 'row',
      },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['Transaction Date', 'Type', 'Card Type', 'Amount', 'Fee', 'Net Amount', 'Description']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      kindType({
        sale: 'Sale',
        refund: 'Refund',
        reversal: 'Void',
        payout: 'Settlement',
        fee: 'Charge',
        credit: 'Rebate',
      }),
      (e) => cardWord(e, ['Debit', 'Credit', '']),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `To card ending 3434` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 35 fen integers without any 分 in the header: the varying whole-number fees say fen
C('rt35-fen-unmarked', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [{ cardType: 'any', percent: 0.6 }],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 3535,
    start: '2024-02-01',
    days: 60,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: () => ({ percent: 0.65, cap: null }),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [{ date: '2024-02-21', cat: 'traffic_fee', name: '流量费', fen: 9900, via: 'row' }],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '交易金额', '手续费', '结算金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      kindType(T),
      (e) => String(sgn.amount(e)),
      (e) => String(sgn.fee(e)),
      (e) => String(sgn.net(e)),
      payDesc(3535),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: { cardVisible: false },
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 36 HTML .xls where the date is merged down over the day's rows (rowspan) and a title spans all columns
C('rt36-html-rowspan', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 3636,
    start: '2024-04-01',
    days: 60,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-04-16', cat: 'service_fee', name: '系统维护费', fen: 8800, via: 'row' },
      { date: '2024-05-16', cat: 'traffic_fee', name: 'GPRS通讯费', fen: 4800, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    pre: [['某某支付 商户交易明细']],
    head: [
      ['交易日期', '交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注'],
    ],
    cols: [
      (e) => e.date,
      (e) => e.time,
      kindType(T),
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      payDesc(3636),
    ],
  });
  tbl.merges.push([0, 0, 0, 7]);
  for (let i = 0; i < tbl.rows.length;) {
    const r = tbl.rows[i];
    if (r.tag !== 'rec') {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < tbl.rows.length &&
      tbl.rows[j + 1].tag === 'rec' &&
      tbl.rows[j + 1].ev.date === r.ev.date
    )
      j++;
    if (j > i) tbl.merges.push([i, 0, j, 0]);
    i = j + 1;
  }
  const m = tableRows(tbl);
  return {
    file: `${stem}.xls`,
    buf: htmlBytes(tbl, { enc: 'gbk' }),
    format: 'html',
    encoding: 'gb18030',
    headerRow: 2,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 37 fee rows with 交易金额 0.00 and the charge in the 手续费 column; settlement repeats the day's fees
C('rt37-fee-in-fee-column', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'service_fee', amountYuan: 20, every: 'month' }],
  });
  const ev = simulate({
    contract,
    seed: 3737,
    start: '2024-07-01',
    days: 62,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-07-05', cat: 'service_fee', name: '月度服务费', fen: 2000, via: 'row' },
      { date: '2024-08-05', cat: 'service_fee', name: '月度服务费', fen: 2600, via: 'row' },
      { date: '2024-07-20', cat: 'traffic_fee', name: '流量费', fen: 3600, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      kindType({ ...T, fee: '费用' }),
      (e) => cardWord(e),
      (e) => (e.kind === 'fee' ? '0.00' : Y(sgn.amount(e))),
      (e) => (e.kind === 'fee' ? Y(e.amount) : Y(sgn.fee(e))),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `结算至${tail(3737)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gbk' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 38 month-end monthly fee (31st, clamped) agreed monthly, quarterly traffic taken on startsAfter exactly
C('rt38-month-end', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [
      { category: 'service_fee', amountYuan: 30, every: 'month' },
      { category: 'traffic_fee', amountYuan: 18, every: 'quarter', startsAfter: '2024-02-15' },
    ],
  });
  const ev = simulate({
    contract,
    seed: 3838,
    start: '2024-01-01',
    days: 150,
    perDay: [0, 3],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      ...['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'].map((d) => ({
        date: d,
        cat: 'service_fee',
        name: '月服务费',
        fen: 3000,
        via: 'row',
      })),
      { date: '2024-02-15', cat: 'traffic_fee', name: '流量季费', fen: 1800, via: 'row' },
      { date: '2024-04-10', cat: 'traffic_fee', name: '流量季费', fen: 1800, via: 'row' },
      { date: '2024-05-15', cat: 'traffic_fee', name: '流量季费', fen: 1800, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      kindType(T),
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      payDesc(3838),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 39 bank SMS with several amounts in one message (结算入账…，扣收手续费…，扣收通讯费…)
C('rt39-sms-several', (stem) => {
  const contract = contractOf({
    provider: '某某银行',
    providerType: 'bank',
    rates: [{ cardType: 'any', percent: 0.6 }],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 3939,
    start: '2024-03-01',
    days: 60,
    perDay: [2, 6],
    cards: { none: 1 },
    rate: () => ({ percent: 0.6, cap: null }),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-03-12', cat: 'traffic_fee', name: '通讯费', fen: 3000, via: 'row' },
      { date: '2024-04-12', cat: 'traffic_fee', name: '通讯费', fen: 3000, via: 'row' },
    ],
  });
  // one message per payout day: the settlement, its card fees and any fee of that day in the same message
  const msgs = [];
  const rows = new Map();
  const byDay = new Map();
  for (const e of ev) {
    if (!byDay.has(e.date)) byDay.set(e.date, []);
    byDay.get(e.date).push(e);
  }
  const salesBefore = [];
  for (const [date, list] of byDay) {
    const payout = list.find((e) => e.kind === 'payout');
    const fees = list.filter((e) => e.kind === 'fee');
    const cardFees = salesBefore.splice(0).reduce((a, s) => a + s.fee, 0);
    if (payout) {
      let t = `【某某银行】尊敬的商户，您${cn(date)}POS结算入账${thousands(payout.amount)}元，扣收手续费${Y(cardFees)}元`;
      for (const f of fees) {
        t += `，扣收${f.name}${Y(f.amount)}元`;
      }
      t += '。';
      msgs.push(t);
      for (const f of fees) rows.set(f, msgs.length);
    } else
      for (const f of fees) {
        msgs.push(`【某某银行】尊敬的商户，${cn(date)}已扣收${f.name}${Y(f.amount)}元。`);
        rows.set(f, msgs.length);
      }
    for (const s of list.filter((e) => e.kind === 'sale')) salesBefore.push(s);
  }
  const kept = ev.filter((e) => e.kind === 'fee');
  return {
    file: `${stem}.txt`,
    buf: Buffer.from(msgs.join('\n') + '\n', 'utf8'),
    format: 'sms',
    encoding: 'utf-8',
    ev: kept,
    contract,
    opts: {},
    rowOf: (e) => ({ row: rows.get(e) }),
  };
});

// 40 app notices as label：value cards separated by blank lines
C('rt40-sms-cards', (stem) => {
  const contract = contractOf({
    provider: '某某付',
    rates: [
      { cardType: 'debit', percent: 0.55, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'service_fee', amountYuan: 9.9, every: 'month' }],
  });
  const ev = simulate({
    contract,
    seed: 4040,
    start: '2024-05-01',
    days: 70,
    perDay: [0, 3],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.55, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      ...monthly('2024-05-03', 3).map((d) => ({
        date: d,
        cat: 'service_fee',
        name: '收款宝会员',
        fen: 990,
        via: 'row',
      })),
      { date: '2024-05-28', cat: 'traffic_fee', name: '流量卡年费', fen: 5900, via: 'row' },
    ],
    credits: [{ date: '2024-06-09', name: '手续费返还', fen: 321 }],
  });
  const msg = (e) => {
    const t = `${e.date} ${e.time}`;
    if (e.kind === 'sale')
      return `收款到账通知\n收款金额：￥${Y(e.amount)}\n手续费：￥${Y(e.fee)}\n支付方式：${e.card === 'debit' ? '借记卡' : '信用卡'}\n到账时间：${t}`;
    if (e.kind === 'payout')
      return `结算通知\n结算金额：￥${Y(e.amount)}\n结算账户：${tail(4040)}\n结算时间：${t}`;
    if (e.kind === 'fee')
      return `扣费通知\n扣费项目：${e.name}\n扣费金额：￥${Y(e.amount)}\n扣费时间：${t}`;
    return `到账通知\n到账类型：${e.name}\n到账金额：￥${Y(e.amount)}\n到账时间：${t}`;
  };
  const m = new Map(ev.map((e, i) => [e, i + 1]));
  return {
    file: `${stem}.txt`,
    buf: Buffer.from(ev.map(msg).join('\n\n') + '\n', 'utf8'),
    format: 'sms',
    encoding: 'utf-8',
    ev,
    contract,
    opts: { netVisible: false },
    rowOf: (e) => ({ row: m.get(e) }),
  };
});

// 41 busy shop, one year, 8,000+ rows XLSX, dates as text with slashes, installments of a deposit
C('rt41-big-year', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [{ category: 'traffic_fee', amountYuan: 99, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 4141,
    start: '2024-01-01',
    days: 366,
    perDay: [10, 30],
    cards: { debit: 2, credit: 3 },
    rate: rise('2024-09-01', rate2(0.5, 20, 0.6), rate2(0.5, 20, 0.63)),
    rounding: 'half',
    refundP: 0.2,
    reversalP: 0.005,
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-01-10', cat: 'traffic_fee', name: '流量费', fen: 9900, via: 'row' },
      { date: '2024-12-20', cat: 'traffic_fee', name: '流量费', fen: 9900, via: 'row' },
      ...[1, 2, 3].map((k) => ({
        date: addMonths('2024-02-10', k - 1),
        cat: 'deposit',
        name: `押金(第${k}期)`,
        fen: 10000,
        via: 'row',
      })),
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要', '参考号']],
    cols: [
      (e) => `${e.date.replace(/-/g, '/')} ${e.time}`,
      kindType(T),
      (e) => cardWord(e),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      payDesc(4141),
      (e) => e.ref,
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['交易'],
    headerRow: 1,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([{ name: '交易', tbl }]),
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 42 no contract: settlement_shortfall / fees all needs_review, UTF-16LE CSV with commas, BOM
C('rt42-nocontract-utf16', (stem) => {
  const ev = simulate({
    seed: 4242,
    start: '2024-09-01',
    days: 45,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.6, 20, 0.7),
    rounding: 'half',
    payout: { mode: 'D0', p: 0.7, feeCol: 200, feeColName: 'D0提现费' },
    fees: [
      { date: '2024-09-15', cat: null, name: '', fen: 2000, via: 'hidden' },
      { date: '2024-10-01', cat: 'service_fee', name: '权益包月费', fen: 1990, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    head: [['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要']],
    cols: [
      (e) => `${e.date} ${e.time}`,
      kindType({ ...T, payout: 'D0提现' }),
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `提现至${tail(4242)}` : (e.name ?? '')),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf16le' }),
    format: 'csv',
    encoding: 'utf-16le',
    headerRow: 1,
    ev,
    contract: null,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// ===================================== round 3 =====================================
// 43 bank T1 settlement rows whose fee column repeats the day's card fees; synonyms 交易本金/商户扣率手续费/清算净额
C('rt43-settle-repeats-fees', (stem) => {
  const contract = contractOf({
    provider: '某某银行',
    providerType: 'bank',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 4343,
    start: '2024-03-01',
    days: 60,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-03-20', cat: 'instant_settlement_fee', name: 'D0垫资费', fen: 537, via: 'row' },
      { date: '2024-04-09', cat: 'service_fee', name: '商户服务年费', fen: 36000, via: 'row' },
    ],
  });
  // the settlement row carries the card fees of the sales it pays and settles their gross amount
  let fees = 0,
    gross = 0;
  for (const e of ev) {
    if (e.kind === 'sale') {
      fees += e.fee;
      gross += e.amount;
    }
    if (e.kind === 'payout') {
      e.gross = gross;
      e.cardFees = fees;
      fees = 0;
      gross = 0;
    }
  }
  const tbl = buildTable(ev, {
    head: [['清算日期', '交易类型', '卡类型', '交易本金', '商户扣率手续费', '清算净额', '摘要']],
    cols: [
      (e) => e.date.replace(/-/g, '.'),
      (e) => ({ ...T, payout: 'T1清算' })[e.kind],
      (e) => cardWord(e),
      (e) => (e.kind === 'payout' ? Y(-e.gross) : Y(sgn.amount(e))),
      (e) => (e.kind === 'payout' ? Y(e.cardFees) : Y(sgn.fee(e))),
      (e) => (e.kind === 'payout' ? Y(-e.gross + e.cardFees) : Y(sgn.net(e))),
      payDesc(4343),
    ],
  });
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'gbk' }),
    format: 'csv',
    encoding: 'gb18030',
    headerRow: 1,
    ev,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 44 XLSX with the date merged down over each day (vertical merges) and dates like 20240302 102233
C('rt44-xlsx-vmerge', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 4444,
    start: '2024-06-01',
    days: 45,
    perDay: [1, 5],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.66),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-06-18', cat: 'traffic_fee', name: '4G物联网流量费', fen: 7200, via: 'row' },
    ],
  });
  const tbl = buildTable(ev, {
    pre: [['商户交易明细'], []],
    head: [
      ['交易日期', '交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '备注'],
    ],
    cols: [
      (e) => e.date.replace(/-/g, ''),
      (e) => e.time,
      kindType(T),
      (e) => cardWord(e),
      (e) => ({ num: sgn.amount(e) / 100 }),
      (e) => ({ num: sgn.fee(e) / 100 }),
      (e) => ({ num: sgn.net(e) / 100 }),
      payDesc(4444),
    ],
  });
  for (let i = 0; i < tbl.rows.length;) {
    const r = tbl.rows[i];
    if (r.tag !== 'rec') {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < tbl.rows.length &&
      tbl.rows[j + 1].tag === 'rec' &&
      tbl.rows[j + 1].ev.date === r.ev.date
    )
      j++;
    if (j > i) {
      tbl.merges.push([i, 0, j, 0]);
      for (let k = i + 1; k <= j; k++) tbl.rows[k].cells[0] = null;
    }
    i = j + 1;
  }
  const m = tableRows(tbl);
  return {
    file: `${stem}.xlsx`,
    format: 'xlsx',
    sheets: ['明细'],
    headerRow: 3,
    ev,
    contract,
    opts: {},
    bufP: xlsxBytes([{ name: '明细', tbl }]),
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 45 credit-view bank account (贷方 = POS settlement with its fee shown), unsigned with 收支 column
C('rt45-credit-view', (stem) => {
  const contract = contractOf({
    provider: '某某银行',
    providerType: 'bank',
    rates: [{ cardType: 'any', percent: 0.6 }],
    charges: [{ category: 'traffic_fee', amountYuan: 120, every: 'year' }],
  });
  const ev = simulate({
    contract,
    seed: 4545,
    start: '2024-01-01',
    days: 120,
    perDay: [2, 6],
    cards: { none: 1 },
    rate: () => ({ percent: 0.6, cap: null }),
    rounding: 'half',
    payout: { mode: 'T1' },
    fees: [
      { date: '2024-01-25', cat: 'traffic_fee', name: 'POS通讯费', fen: 12000, via: 'row' },
      { date: '2024-03-25', cat: 'traffic_fee', name: 'POS通讯费', fen: 1000, via: 'row' },
      { date: '2024-02-25', cat: 'other_deduction', name: '转账', fen: 50000, via: 'row' },
    ],
  });
  const seen = ev.filter((e) => e.kind !== 'sale');
  let fees = 0;
  for (const e of ev) {
    if (e.kind === 'sale') fees += e.fee;
    if (e.kind === 'payout') {
      e.cardFees = fees;
      fees = 0;
    }
  }
  const tbl = buildTable(seen, {
    head: [['交易日期', '收支', '发生额', '摘要', '对方户名']],
    cols: [
      (e) => e.date,
      (e) => (e.kind === 'payout' ? '收入' : '支出'),
      (e) => thousands(e.amount),
      (e) =>
        e.kind === 'payout'
          ? `POS结算款(手续费${Y(e.cardFees)})`
          : e.kind === 'fee' && e.cat !== 'other_deduction'
            ? `代扣${e.name}`
            : '网银转账',
      (e) =>
        e.kind === 'payout'
          ? '某某银行清算中心'
          : e.kind === 'fee' && e.cat !== 'other_deduction'
            ? '某某银行'
            : '张三',
    ],
  });
  // the merchant's own transfer is not a fee: no finding at all
  const own = seen.find((e) => e.cat === 'other_deduction');
  own.kind = 'own';
  const m = tableRows(tbl);
  return {
    file: `${stem}.csv`,
    buf: csvBytes(tbl, { enc: 'utf8' }),
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    ev: seen,
    contract,
    opts: {},
    rowOf: (e) => m.get(e) && { row: m.get(e) },
  };
});

// 46 PDF with a two-line header (group titles above sub-columns) and a stamp-like line at the end
C('rt46-pdf-two-row-header', (stem) => {
  const contract = contractOf({
    provider: '某某支付',
    rates: [
      { cardType: 'debit', percent: 0.5, capYuan: 20 },
      { cardType: 'credit', percent: 0.6 },
    ],
    charges: [],
  });
  const ev = simulate({
    contract,
    seed: 4646,
    start: '2024-05-01',
    days: 40,
    perDay: [1, 4],
    cards: { debit: 1, credit: 1 },
    rate: rate2(0.5, 20, 0.6),
    rounding: 'half',
    payout: { mode: 'D0', p: 0.8, feeRow: { name: '秒到手续费', fen: 100 } },
    fees: [{ date: '2024-05-10', cat: 'service_fee', name: '会员费', fen: 6800, via: 'row' }],
  });
  const tbl = buildTable(ev, {
    pre: [['商户编号：898100000000001'], ['统计区间：2024-05-01 至 2024-06-09']],
    head: [
      ['交易信息', '', '', '金额信息', '', '', ''],
      ['交易时间', '交易类型', '卡类型', '交易金额', '手续费', '结算金额', '摘要'],
    ],
    cols: [
      (e) => `${e.date} ${e.time}`,
      kindType({ ...T, payout: '提现' }),
      (e) => cardWord(e),
      (e) => Y(sgn.amount(e)),
      (e) => Y(sgn.fee(e)),
      (e) => Y(sgn.net(e)),
      (e) => (e.kind === 'payout' ? `提现至${tail(4646)}` : (e.name ?? '')),
    ],
  });
  return {
    file: `${stem}.pdf`,
    pdf: { tbl, xs: [30, 140, 200, 260, 350, 420, 520], title: '某某支付 交易明细' },
    format: 'pdf',
    ev,
    contract,
    opts: {},
  };
});

// ---------- run ----------
const only = process.argv[3] ? new RegExp(process.argv[3]) : null;
for (const { stem, fn } of cases) {
  if (only && !only.test(stem)) continue;
  const c = fn(stem);
  if (c.bufP) c.buf = await c.bufP;
  if (c.pdf) {
    const { buf, recRow } = await pdfBytes(c.pdf.tbl, c.pdf);
    c.buf = buf;
    const m = new Map();
    c.pdf.tbl.rows.forEach((r, i) => r.ev && recRow.has(i) && m.set(r.ev, recRow.get(i)));
    c.rowOf = (e) => m.get(e);
  }
  const exp = finish(stem, c);
  console.log(
    `${stem.padEnd(28)} ${String(exp.counts.unauthorized).padStart(4)} unauth ${String(exp.counts.authorized).padStart(3)} auth ${String(exp.counts.needs_review).padStart(3)} review  claim ${exp.claim.total}`,
  );
}
