#!/usr/bin/env node
// rt7 blind red team: statements in containers and layouts the earlier teams did not cover.
//   node bench/outside/rt7/gen.mjs [stem-prefix ...]     (OUT_DIR=/tmp/x to write elsewhere)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLedger, label, expectedJson } from './model.mjs';
import { plan, RATES } from './plans.mjs';
import {
  money,
  layout,
  writeDelimited,
  fixedRows,
  writeXlsx,
  writePdf,
  writeJson,
  excelSerial,
  timeFraction,
  facts,
} from './render.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(
  process.env.OUT_DIR ?? path.join(HERE, '../../../test/fixtures/outside/rt7'),
);
const only = process.argv.slice(2);

const slash = (d) => `${Number(d.slice(0, 4))}/${Number(d.slice(5, 7))}/${Number(d.slice(8))}`;
const compact = (d) => d.replace(/-/g, '');
const cn = (d) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;
const M = (st) => (F) => money(F.amount, st);
const FEE = (st) => (F) => money(F.fee, st);
const NET = (st) => (F) => money(F.net, st);

function contractOf(i, provider, providerType, p) {
  return {
    provider,
    providerType,
    merchantId: `8983${String(100000000 + i * 7919).slice(0, 11)}`,
    signedAt: '2023-06-01',
    rates: RATES[i % RATES.length],
    perTransactionFeeYuan: 0,
    agreedCharges: p.agreed,
  };
}

/** S: { stem, provider, type, variant, start, days, perDay, cardCol, noContract, payoutNames, render(events, file, ctx) } */
const S = [];
const def = (s) => S.push(s);

// ---------- delimited text ----------
const stdCols = (st, o = {}) => [
  { h: '交易时间', v: (F) => `${F.date} ${F.time}` },
  { h: '交易类型', v: (F) => F.type },
  ...(o.card ? [{ h: '卡类型', v: (F) => F.card }] : []),
  { h: o.amountH ?? '交易金额(元)', v: M(st) },
  { h: o.feeH ?? '手续费(元)', v: FEE(st) },
  { h: o.netH ?? '结算金额(元)', v: NET(st) },
  { h: '备注', v: (F) => F.desc },
  { h: '交易参考号', v: (F) => F.ref },
];

def({
  stem: 'rt7-01-jlzf-gbk-quoted',
  provider: '嘉联支付有限公司',
  variant: 0,
  start: '2024-03-01',
  days: 120,
  perDay: [18, 32],
  cardCol: true,
  ext: 'csv',
  render: (ev, file, c) => {
    const st = { sep: true };
    const rows = layout(ev, stdCols(st, { card: true }), {
      preamble: [
        ['嘉联支付商户交易明细'],
        [`商户名称：${c.merchant}`],
        [`商户编号：${c.mid}`],
        ['查询区间：2024-03-01 至 2024-06-28'],
        [],
      ],
      footer: (evs) => [
        [
          '合计',
          `${evs.length}笔`,
          '',
          money(
            evs.reduce((a, e) => a + facts(e).amount, 0),
            st,
          ),
        ],
      ],
    });
    return {
      format: 'csv',
      encoding: 'gb18030',
      ...writeDelimited(file, rows, { encoding: 'gb18030' }),
    };
  },
});

def({
  stem: 'rt7-02-zhongfu-trailing-minus',
  provider: '中付支付科技有限公司',
  variant: 1,
  start: '2024-05-01',
  days: 62,
  perDay: [6, 14],
  cardCol: true,
  payoutNames: ['T1结算'],
  ext: 'csv',
  render: (ev, file) => {
    const st = { neg: 'trail' };
    const rows = layout(
      ev,
      stdCols(st, { card: true, amountH: '交易金额', feeH: '手续费', netH: '清算金额' }),
      {},
    );
    return { format: 'csv', encoding: 'utf-8', ...writeDelimited(file, rows, { eol: '\n' }) };
  },
});

def({
  stem: 'rt7-03-xingyi-pipe-cr',
  provider: '星驿付科技有限公司',
  variant: 2,
  start: '2024-01-02',
  days: 150,
  perDay: [4, 10],
  cardCol: true,
  ext: 'txt',
  render: (ev, file, c) => {
    const st = { sym: 'RMB ' };
    const cols = [
      { h: '交易日期', v: (F) => slash(F.date) },
      { h: '交易时间', v: (F) => F.time },
      { h: '交易类型', v: (F) => F.type },
      { h: '借贷标识', v: (F) => F.card },
      { h: '交易金额', v: M(st) },
      { h: '手续费', v: FEE(st) },
      { h: '到账金额', v: NET(st) },
      { h: '摘要', v: (F) => F.desc },
      { h: '系统流水号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, { preamble: [[`商户：${c.merchant}`], ['币种：人民币']] });
    return {
      format: 'csv',
      encoding: 'utf-8',
      ...writeDelimited(file, rows, { delim: '|', eol: '\r' }),
    };
  },
});

def({
  stem: 'rt7-04-haike-fixed-width',
  provider: '海科融通支付服务有限公司',
  variant: 3,
  start: '2024-02-01',
  days: 75,
  perDay: [5, 12],
  cardCol: false,
  ext: 'txt',
  render: (ev, file, c) => {
    const st = { sep: true };
    const cols = [
      { h: '交易日期', v: (F) => F.date },
      { h: '时间', v: (F) => F.time },
      { h: '交易类型', v: (F) => F.type },
      { h: '交易金额', v: M(st) },
      { h: '手续费', v: FEE(st) },
      { h: '结算金额', v: NET(st) },
      { h: '参考号', v: (F) => F.ref },
      { h: '摘要', v: (F) => F.desc },
    ];
    const rows = layout(ev, cols, {
      preamble: [
        ['                    海科融通  商户交易明细报表'],
        [`  商户名称: ${c.merchant}    商户编号: ${c.mid}`],
        [''],
      ],
      repeatEvery: 55,
      pageLine: (n) => [
        `${'-'.repeat(100)}\f\n                    海科融通  商户交易明细报表            第 ${n} 页`,
      ],
      subtotal: (d, evs) => [
        '',
        '',
        '当日小计',
        money(
          evs.reduce((a, e) => a + facts(e).amount, 0),
          st,
        ),
        money(
          evs.reduce((a, e) => a + facts(e).fee, 0),
          st,
        ),
        money(
          evs.reduce((a, e) => a + facts(e).net, 0),
          st,
        ),
        `${evs.length}笔`,
        '',
      ],
    });
    // the page lines hold a line break: keep them as two raw lines so row numbers stay line numbers
    const flat = [];
    for (const r of rows) {
      if (r.kind === 'page')
        for (const part of r.cells[0].split('\n'))
          flat.push({ raw: true, cells: [part], kind: 'page' });
      else if (r.kind === 'pre') flat.push({ raw: true, cells: [r.cells[0]], kind: 'pre' });
      else flat.push(r);
    }
    const fixed = fixedRows(flat, [10, 8, 10, 14, 10, 14, 16, 24], new Set([3, 4, 5]));
    return { format: 'txt', encoding: 'utf-8', ...writeDelimited(file, fixed, { eol: '\r\n' }) };
  },
});

def({
  stem: 'rt7-05-liandong-net-first',
  provider: '联动优势电子商务有限公司',
  variant: 4,
  start: '2024-06-01',
  days: 90,
  perDay: [5, 11],
  cardCol: true,
  payoutNames: ['结算', '提现'],
  ext: 'csv',
  render: (ev, file) => {
    const st = { suffix: '元' };
    const cols = [
      { h: '入账金额', v: NET(st) },
      { h: '手续费', v: FEE(st) },
      { h: '交易金额', v: M(st) },
      { h: '交易时间', v: (F) => `${F.date.replace(/-/g, '/')} ${F.time}` },
      { h: '卡种', v: (F) => F.card },
      { h: '业务类型', v: (F) => F.type },
      { h: '订单号', v: (F) => F.ref },
      { h: '说明', v: (F) => F.desc },
    ];
    const rows = layout(ev, cols, {});
    return {
      format: 'csv',
      encoding: 'utf-8',
      ...writeDelimited(file, rows, { eol: (i) => (i % 3 === 0 ? '\n' : '\r\n') }),
    };
  },
});

def({
  stem: 'rt7-06-yeepay-in-out',
  provider: '易宝支付有限公司',
  variant: 0,
  start: '2024-04-01',
  days: 100,
  perDay: [4, 9],
  cardCol: false,
  refundRate: 0.03,
  ext: 'csv',
  render: (ev, file) => {
    const cols = [
      { h: '交易时间', v: (F) => `${F.date} ${F.time}` },
      { h: '业务类型', v: (F) => F.type },
      { h: '收入(元)', v: (F) => (F.amount > 0 ? money(F.amount) : '') },
      { h: '支出(元)', v: (F) => (F.amount < 0 ? money(-F.amount) : '') },
      { h: '手续费(元)', v: (F) => money(F.fee) },
      { h: '备注', v: (F) => F.desc },
      { h: '订单号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, { footer: () => [['说明：收入、支出均为正数，手续费单列。']] });
    return { format: 'csv', encoding: 'utf-8', ...writeDelimited(file, rows, { bom: true }) };
  },
});

def({
  stem: 'rt7-07-kuaiqian-repeat-header',
  provider: '快钱支付清算信息有限公司',
  variant: 1,
  start: '2024-01-05',
  days: 150,
  perDay: [30, 50],
  cardCol: true,
  ext: 'csv',
  render: (ev, file, c) => {
    const st = {};
    const total = Math.ceil(ev.length / 100);
    const rows = layout(ev, stdCols(st, { card: true }), {
      preamble: [[`商户名称：${c.merchant}`, '', '', '', `打印页：第1页/共${total}页`]],
      repeatEvery: 100,
      pageLine: (n) => [`商户名称：${c.merchant}`, '', '', '', `打印页：第${n}页/共${total}页`],
    });
    return {
      format: 'csv',
      encoding: 'gb18030',
      ...writeDelimited(file, rows, { encoding: 'gb18030' }),
    };
  },
});

def({
  stem: 'rt7-08-sand-kv-paren',
  provider: '杉德支付网络服务发展有限公司',
  variant: 2,
  start: '2024-07-01',
  days: 95,
  perDay: [5, 12],
  cardCol: true,
  ext: 'csv',
  render: (ev, file, c) => {
    const st = { neg: 'paren', sep: true };
    const sales = ev.filter((e) => e.kind === 'sale');
    const rows = layout(
      ev,
      stdCols(st, { card: true, amountH: '金额', feeH: '手续费金额', netH: '净额' }),
      {
        preamble: [
          ['商户名称', c.merchant],
          ['商户编号', c.mid],
          ['交易笔数', String(sales.length)],
          [
            '交易总额',
            money(
              sales.reduce((a, e) => a + e.fen, 0),
              st,
            ),
          ],
          [
            '手续费合计',
            money(
              sales.reduce((a, e) => a + e.fee, 0),
              st,
            ),
          ],
          ['账单日期', '2024-07-01～2024-10-03'],
          [],
        ],
      },
    );
    return { format: 'csv', encoding: 'utf-8', ...writeDelimited(file, rows, {}) };
  },
});

def({
  stem: 'rt7-09-fulinmen-tsv-subtotal',
  provider: '付临门支付有限公司',
  variant: 3,
  start: '2024-03-10',
  days: 70,
  perDay: [6, 12],
  cardCol: true,
  ext: 'txt',
  render: (ev, file) => {
    const cols = [
      { h: '清算日期', v: (F) => F.date },
      { h: '交易时间', v: (F) => F.time },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类别', v: (F) => F.card },
      { h: '交易金额', v: M({}) },
      { h: '手续费', v: FEE({}) },
      { h: '结算金额', v: NET({}) },
      { h: '备注', v: (F) => F.desc },
      { h: '检索参考号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, {
      subtotal: (d, evs) => [
        d,
        '',
        '日小计',
        `${evs.length}笔`,
        money(evs.reduce((a, e) => a + facts(e).amount, 0)),
        money(evs.reduce((a, e) => a + facts(e).fee, 0)),
        money(evs.reduce((a, e) => a + facts(e).net, 0)),
        '',
        '',
      ],
    });
    return {
      format: 'csv',
      encoding: 'utf-8',
      ...writeDelimited(file, rows, { delim: '\t', bom: true }),
    };
  },
});

def({
  stem: 'rt7-10-ruiyin-split-datetime',
  provider: '瑞银信支付技术有限公司',
  variant: 4,
  start: '2024-08-01',
  days: 90,
  perDay: [5, 10],
  cardCol: true,
  ext: 'csv',
  render: (ev, file) => {
    const cols = [
      { h: '交易日期', v: (F) => compact(F.date) },
      { h: '交易时间', v: (F) => F.time.replace(/:/g, '') },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类型', v: (F) => F.card },
      { h: '交易金额', v: M({}) },
      { h: '手续费', v: FEE({}) },
      { h: '结算金额', v: NET({}) },
      { h: '附言', v: (F) => F.desc },
      { h: '凭证号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, { preamble: [['瑞银信商户对账单'], []] });
    return {
      format: 'csv',
      encoding: 'gb18030',
      ...writeDelimited(file, rows, { encoding: 'gb18030' }),
    };
  },
});

def({
  stem: 'rt7-11-shengfutong-semicolon-nocontract',
  provider: '盛付通电子支付服务有限公司',
  variant: 1,
  start: '2024-02-01',
  days: 60,
  perDay: [5, 10],
  cardCol: true,
  noContract: true,
  ext: 'csv',
  render: (ev, file) => {
    const st = { sym: '￥', sep: true };
    const rows = layout(ev, stdCols(st, { card: true }), {});
    return {
      format: 'csv',
      encoding: 'utf-8',
      ...writeDelimited(file, rows, { delim: ';', bom: true }),
    };
  },
});

def({
  stem: 'rt7-12-qiandaibao-large',
  provider: '钱袋宝支付有限公司',
  variant: 2,
  start: '2023-11-01',
  days: 240,
  perDay: [55, 70],
  cardCol: true,
  big: 0.02,
  ext: 'csv',
  render: (ev, file) => {
    const cols = [
      { h: '流水号', v: (F) => F.ref },
      { h: '入账金额', v: NET({}) },
      { h: '清算日期', v: (F) => compact(F.date) },
      { h: '交易日期时间', v: (F) => `${F.date} ${F.time}` },
      { h: '手续费', v: FEE({}) },
      { h: '交易金额', v: M({}) },
      { h: '卡类型', v: (F) => F.card },
      { h: '交易类型', v: (F) => F.type },
      { h: '摘要', v: (F) => F.desc },
    ];
    const rows = layout(ev, cols, {});
    return { format: 'csv', encoding: 'utf-8', ...writeDelimited(file, rows, { eol: '\n' }) };
  },
});

def({
  stem: 'rt7-13-xiandai-lookalikes',
  provider: '现代金控（成都）支付有限公司',
  variant: 4,
  start: '2024-09-01',
  days: 92,
  perDay: [4, 9],
  cardCol: true,
  payoutNames: ['D0秒到提现', 'T1结算划款', '出款'],
  extraCredits: [
    { off: 3, fen: 300, text: '秒到费返还', typ: '返还' },
    { off: 9, fen: 5900, text: '流量费退回', typ: '退回' },
    { off: 44, fen: 1900, text: '服务费减免返还', typ: '返还' },
    { off: 61, fen: 2000, text: '刷卡达标奖励', typ: '补贴' },
  ],
  ext: 'csv',
  render: (ev, file) => {
    const rows = layout(ev, stdCols({}, { card: true }), {});
    return { format: 'csv', encoding: 'utf-8', ...writeDelimited(file, rows, {}) };
  },
});

// ---------- XLSX ----------
def({
  stem: 'rt7-14-abc-serial-split',
  provider: '中国农业银行股份有限公司',
  type: 'bank',
  variant: 0,
  start: '2024-05-06',
  days: 110,
  perDay: [5, 11],
  cardCol: true,
  ext: 'xlsx',
  render: async (ev, file, c) => {
    const cols = [
      { h: '交易日期', v: (F) => excelSerial(F.date) },
      { h: '交易时间', v: (F) => timeFraction(F.time) },
      { h: '交易类型', v: (F) => F.type },
      { h: '借贷标志', v: (F) => F.card },
      { h: '交易金额', v: (F) => F.amount / 100 },
      { h: '手续费', v: (F) => F.fee / 100 },
      { h: '清算金额', v: (F) => F.net / 100 },
      { h: '摘要', v: (F) => F.desc },
      { h: '参考号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, {
      preamble: [['中国农业银行商户交易明细'], [`商户名称：${c.merchant}`], []],
    });
    const w = await writeXlsx(file, [{ name: '交易明细', rows }]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['交易明细'],
      headerRow: w.meta[0].headerRow,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-15-boc-sheet-per-month',
  provider: '中国银行股份有限公司',
  type: 'bank',
  variant: 1,
  start: '2024-04-01',
  days: 91,
  perDay: [5, 10],
  cardCol: true,
  ext: 'xlsx',
  render: async (ev, file) => {
    const cols = [
      { h: '交易日期', v: (F) => F.date },
      { h: '交易时间', v: (F) => F.time },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡性质', v: (F) => F.card },
      { h: '交易金额', v: (F) => F.amount / 100 },
      { h: '手续费', v: (F) => F.fee / 100 },
      { h: '入账金额', v: (F) => F.net / 100 },
      { h: '摘要', v: (F) => F.desc },
      { h: '流水号', v: (F) => F.ref },
    ];
    const byMonth = new Map();
    for (const e of ev) {
      const k = `${e.date.slice(0, 4)}年${e.date.slice(5, 7)}月`;
      if (!byMonth.has(k)) byMonth.set(k, []);
      byMonth.get(k).push(e);
    }
    const sheets = [...byMonth].map(([name, evs]) => ({
      name,
      rows: layout(evs, cols, {
        preamble: [[`${name}商户对账单`]],
        footer: (x) => [['合计', '', '', '', x.reduce((a, e) => a + facts(e).amount, 0) / 100]],
      }),
    }));
    const w = await writeXlsx(file, sheets);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: sheets.map((s) => s.name),
      headerRow: w.meta[0].headerRow,
      records: w.meta.reduce((a, m) => a + m.records, 0),
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-16-bocom-merged-header',
  provider: '交通银行股份有限公司',
  type: 'bank',
  variant: 2,
  start: '2024-01-08',
  days: 120,
  perDay: [4, 9],
  cardCol: true,
  ext: 'xlsx',
  render: async (ev, file, c) => {
    const cols = [
      { h: '', v: (F) => F.date },
      { h: '', v: (F) => F.time },
      { h: '', v: (F) => F.type },
      { h: '', v: (F) => F.card },
      { h: '', v: (F) => F.amount / 100 },
      { h: '', v: (F) => F.fee / 100 },
      { h: '', v: (F) => F.net / 100 },
      { h: '', v: (F) => F.desc },
      { h: '', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, {
      preamble: [[`交通银行商户结算明细 ${c.merchant}`]],
      headerRows: [
        ['交易信息', '', '', '', '金额（元）', '', '', '其他', ''],
        ['日期', '时间', '类型', '卡别', '交易金额', '手续费', '结算金额', '备注', '参考号'],
      ],
    });
    const w = await writeXlsx(file, [
      {
        name: 'Sheet1',
        rows,
        merges: [
          [2, 1, 2, 4],
          [2, 5, 2, 7],
          [2, 8, 2, 9],
          [1, 1, 1, 9],
        ],
      },
    ]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['Sheet1'],
      headerRow: 2,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-17-psbc-red-paren-pages',
  provider: '中国邮政储蓄银行股份有限公司',
  type: 'bank',
  variant: 3,
  start: '2024-06-03',
  days: 80,
  perDay: [5, 10],
  cardCol: false,
  ext: 'xlsx',
  render: async (ev, file) => {
    const FMT = '#,##0.00;[Red](#,##0.00)';
    const num = (fen) => ({ v: fen / 100, fmt: FMT });
    const cols = [
      { h: '记账日期', v: (F) => F.date },
      { h: '交易时间', v: (F) => F.time },
      { h: '业务摘要', v: (F) => F.type },
      { h: '交易金额', v: (F) => num(F.amount) },
      { h: '手续费', v: (F) => num(F.fee) },
      { h: '净额', v: (F) => num(F.net) },
      { h: '附言', v: (F) => F.desc },
      { h: '交易流水号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, {
      repeatEvery: 45,
      pageLine: (n) => [`第${n}页`],
      subtotal: (d, evs) => [
        `${d} 小计`,
        '',
        '',
        num(evs.reduce((a, e) => a + facts(e).amount, 0)),
        num(evs.reduce((a, e) => a + facts(e).fee, 0)),
        num(evs.reduce((a, e) => a + facts(e).net, 0)),
        `${evs.length}笔`,
        '',
      ],
    });
    const w = await writeXlsx(file, [{ name: '明细', rows }]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['明细'],
      headerRow: w.meta[0].headerRow,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-18-spdb-kv-offset',
  provider: '上海浦东发展银行股份有限公司',
  type: 'bank',
  variant: 4,
  start: '2024-03-01',
  days: 92,
  perDay: [4, 9],
  cardCol: true,
  ext: 'xlsx',
  render: async (ev, file, c) => {
    const cols = [
      { h: '交易日期', v: (F) => new Date(`${F.date}T00:00:00Z`) },
      { h: '交易时间', v: (F) => F.time },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类型', v: (F) => F.card },
      { h: '交易金额', v: (F) => F.amount / 100 },
      { h: '手续费', v: (F) => F.fee / 100 },
      { h: '实际入账', v: (F) => F.net / 100 },
      { h: '摘要', v: (F) => F.desc },
      { h: '交易序号', v: (F) => F.ref },
    ];
    const sales = ev.filter((e) => e.kind === 'sale');
    const kv = [
      ['商户名称', c.merchant],
      ['商户号', c.mid],
      ['开户行', '上海浦东发展银行'],
      ['交易笔数', sales.length],
      ['手续费合计', sales.reduce((a, e) => a + e.fee, 0) / 100],
      ['起止日期', '2024-03-01 至 2024-05-31'],
      [],
    ];
    const rows = layout(ev, cols, { preamble: kv });
    const w = await writeXlsx(file, [{ name: '对账单', rows, startRow: 3, startCol: 3 }]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['对账单'],
      headerRow: w.meta[0].headerRow,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-19-pingan-large-fee-first',
  provider: '平安银行股份有限公司',
  type: 'bank',
  variant: 0,
  start: '2024-01-01',
  days: 180,
  perDay: [35, 55],
  cardCol: true,
  big: 0.03,
  ext: 'xlsx',
  render: async (ev, file) => {
    const cols = [
      { h: '手续费', v: (F) => F.fee / 100 },
      { h: '交易金额', v: (F) => F.amount / 100 },
      { h: '结算金额', v: (F) => F.net / 100 },
      { h: '交易时间', v: (F) => new Date(`${F.date}T${F.time}Z`) },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类型', v: (F) => F.card },
      { h: '备注', v: (F) => F.desc },
      { h: '参考号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, {}).map((r) =>
      r.ev
        ? {
            ...r,
            cells: r.cells.map((x, j) => (j === 3 ? { v: x, fmt: 'yyyy-mm-dd hh:mm:ss' } : x)),
          }
        : r,
    );
    const w = await writeXlsx(file, [{ name: '商户交易流水', rows }]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['商户交易流水'],
      headerRow: 1,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-20-cib-in-out',
  provider: '兴业银行股份有限公司',
  type: 'bank',
  variant: 1,
  start: '2024-10-01',
  days: 70,
  perDay: [5, 10],
  cardCol: false,
  ext: 'xlsx',
  render: async (ev, file) => {
    const st = { sym: '¥', sep: true };
    const cols = [
      { h: '交易日期', v: (F) => cn(F.date) },
      { h: '交易时间', v: (F) => F.time },
      { h: '摘要', v: (F) => F.type },
      { h: '收入', v: (F) => (F.amount > 0 ? money(F.amount, st) : '') },
      { h: '支出', v: (F) => (F.amount < 0 ? money(-F.amount, st) : '') },
      { h: '手续费', v: (F) => money(F.fee, st) },
      { h: '附言', v: (F) => F.desc },
      { h: '流水号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, { preamble: [['兴业银行收单商户对账单'], []] });
    const w = await writeXlsx(file, [{ name: '对账单', rows }]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['对账单'],
      headerRow: w.meta[0].headerRow,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-21-cmbc-text-trailing',
  provider: '中国民生银行股份有限公司',
  type: 'bank',
  variant: 3,
  start: '2024-04-15',
  days: 75,
  perDay: [5, 10],
  cardCol: true,
  ext: 'xlsx',
  render: async (ev, file) => {
    const st = { sym: '￥', sep: true, neg: 'trail' };
    const rows = layout(ev, stdCols(st, { card: true }), {});
    const w = await writeXlsx(file, [
      {
        name: '说明',
        rows: [
          { cells: ['本文件由民生银行商户服务平台导出'], kind: 'pre' },
          { cells: ['金额后带“-”表示支出'], kind: 'pre' },
        ],
      },
      { name: '交易明细', rows },
    ]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['说明', '交易明细'],
      headerRow: w.meta[1].headerRow,
      records: w.meta[1].records,
      pos: w.pos,
    };
  },
});

// ---------- PDF ----------
const pdfCols = (st) => [
  { h: '交易时间', v: (F) => `${F.date} ${F.time}` },
  { h: '类型', v: (F) => F.type },
  { h: '卡类型', v: (F) => F.card },
  { h: '交易金额', v: M(st) },
  { h: '手续费', v: FEE(st) },
  { h: '结算金额', v: NET(st) },
  { h: '备注', v: (F) => F.desc },
];
const recRows = (evs, cols) =>
  evs.map((e) => {
    const F = facts(e);
    return { cells: cols.map((c) => c.v(F, e)), ev: e };
  });

def({
  stem: 'rt7-22-jl-pdf-two-tables',
  provider: '嘉联支付有限公司',
  variant: 2,
  start: '2024-02-01',
  days: 60,
  perDay: [3, 6],
  cardCol: true,
  ext: 'pdf',
  render: async (ev, file, c) => {
    const st = { sep: true };
    const tx = pdfCols(st);
    const feeCols = [
      { h: '扣收日期', v: (F) => F.date },
      { h: '费用项目', v: (F) => F.desc },
      { h: '类型', v: (F) => F.type },
      { h: '金额', v: (F) => money(F.amount, st) },
    ];
    // one page per week: sales and payouts first, then that week's fees and credits
    const pages = [];
    for (let i = 0; i < 60; i += 7) {
      const lo = i;
      const wk = ev.filter((e) => {
        const k = Math.floor((Date.parse(e.date) - Date.parse('2024-02-01')) / 86400000);
        return k >= lo && k < lo + 7;
      });
      const main = wk.filter(
        (e) => e.kind === 'sale' || e.kind === 'refund' || e.kind === 'payout',
      );
      const other = wk.filter((e) => e.kind === 'fee' || e.kind === 'credit');
      const blocks = [
        {
          title: '一、交易明细',
          header: tx.map((x) => x.h),
          rows: recRows(main, tx),
          xs: [36, 140, 195, 240, 310, 370, 440],
          aligns: ['l', 'l', 'l', 'r', 'r', 'r', 'l'],
        },
      ];
      blocks.push({
        title: '二、费用明细',
        header: feeCols.map((x) => x.h),
        rows: recRows(other, feeCols),
        xs: [36, 140, 260, 330],
        aligns: ['l', 'l', 'l', 'r'],
      });
      if (!other.length) blocks[1].rows = [{ cells: ['本周无费用'] }];
      pages.push({
        top: [`嘉联支付 商户对账单  ${c.merchant}`],
        blocks,
        footer: `第${pages.length + 1}页`,
      });
    }
    const w = await writePdf(file, pages, { fontSize: 7 });
    return { format: 'pdf', encoding: null, headerRow: null, ...w };
  },
});

def({
  stem: 'rt7-23-zf-pdf-continued',
  provider: '中付支付科技有限公司',
  variant: 0,
  start: '2024-04-01',
  days: 90,
  perDay: [3, 6],
  cardCol: true,
  ext: 'pdf',
  render: async (ev, file, c) => {
    const tx = pdfCols({});
    const rows = recRows(ev, tx);
    const per = 52;
    const pages = [];
    for (let i = 0; i < rows.length; i += per) {
      const first = i === 0;
      pages.push({
        top: first ? [`中付支付 商户交易明细`, `商户：${c.merchant}  商户号：${c.mid}`] : [],
        blocks: [
          {
            header: first ? tx.map((x) => x.h) : null,
            rows: rows.slice(i, i + per),
            xs: [36, 140, 200, 245, 315, 375, 445],
            aligns: ['l', 'l', 'l', 'r', 'r', 'r', 'l'],
          },
        ],
        footer: `${pages.length + 1}`,
      });
    }
    const w = await writePdf(file, pages, { fontSize: 8 });
    return { format: 'pdf', encoding: null, headerRow: null, ...w };
  },
});

def({
  stem: 'rt7-24-hk-pdf-rotated',
  provider: '海科融通支付服务有限公司',
  variant: 4,
  start: '2024-05-01',
  days: 62,
  perDay: [3, 6],
  cardCol: true,
  ext: 'pdf',
  render: async (ev, file, c) => {
    const cols = [
      { h: '交易日期', v: (F) => F.date },
      { h: '时间', v: (F) => F.time },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类型', v: (F) => F.card },
      { h: '交易金额', v: M({ sep: true }) },
      { h: '手续费', v: FEE({ sep: true }) },
      { h: '结算金额', v: NET({ sep: true }) },
      { h: '参考号', v: (F) => F.ref },
      { h: '摘要', v: (F) => F.desc },
    ];
    const rows = recRows(ev, cols);
    const per = 34;
    const pages = [];
    for (let i = 0; i < rows.length; i += per) {
      pages.push({
        rotate: true,
        top: [`海科融通 商户结算明细（横向） ${c.merchant}`],
        blocks: [
          {
            header: cols.map((x) => x.h),
            rows: rows.slice(i, i + per),
            xs: [36, 110, 160, 240, 290, 370, 430, 510, 620],
            aligns: ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'l', 'l'],
          },
        ],
        footer: `第${pages.length + 1}页`,
      });
    }
    const w = await writePdf(file, pages, { fontSize: 8 });
    return { format: 'pdf', encoding: null, headerRow: null, ...w };
  },
});

def({
  stem: 'rt7-25-abc-pdf-outflow',
  noNet: true,
  provider: '中国农业银行股份有限公司',
  type: 'bank',
  variant: 3,
  start: '2024-08-01',
  days: 70,
  perDay: [3, 6],
  cardCol: false,
  ext: 'pdf',
  render: async (ev, file, c) => {
    const st = { sep: true };
    const cols = [
      { h: '支出', v: (F) => (F.amount < 0 ? money(-F.amount, st) : '') },
      { h: '收入', v: (F) => (F.amount > 0 ? money(F.amount, st) : '') },
      { h: '手续费', v: FEE(st) },
      { h: '交易日期', v: (F) => slash(F.date) },
      { h: '时间', v: (F) => F.time },
      { h: '交易摘要', v: (F) => F.type },
      { h: '附言', v: (F) => F.desc },
      { h: '流水号', v: (F) => F.ref },
    ];
    const rows = recRows(ev, cols);
    const per = 50;
    const pages = [];
    for (let i = 0; i < rows.length; i += per) {
      pages.push({
        top: [`中国农业银行 收单商户交易明细  户名：${c.merchant}`],
        blocks: [
          {
            header: cols.map((x) => x.h),
            rows: rows.slice(i, i + per),
            xs: [36, 100, 170, 225, 285, 330, 390, 470],
            aligns: ['r', 'r', 'r', 'l', 'l', 'l', 'l', 'l'],
          },
        ],
        footer: `第${pages.length + 1}页`,
      });
    }
    const w = await writePdf(file, pages, { fontSize: 8 });
    return { format: 'pdf', encoding: null, headerRow: null, ...w };
  },
});

// ---------- a second batch, written after the first blind run ----------
def({
  stem: 'rt7-26-sft-xlsx-text-paren',
  provider: '盛付通电子支付服务有限公司',
  variant: 2,
  start: '2024-03-04',
  days: 100,
  perDay: [4, 9],
  cardCol: true,
  ext: 'xlsx',
  render: async (ev, file) => {
    const st = { sep: true, neg: 'paren' };
    const txt = (fen) => ({ v: money(fen, st), red: fen < 0 });
    const cols = [
      { h: '交易日期', v: (F) => cn(F.date) },
      { h: '交易时间', v: (F) => F.time },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类型', v: (F) => F.card },
      { h: '交易金额', v: (F) => txt(F.amount) },
      { h: '手续费', v: (F) => txt(F.fee) },
      { h: '结算金额', v: (F) => txt(F.net) },
      { h: '备注', v: (F) => F.desc },
      { h: '订单号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, { preamble: [['盛付通商户交易明细（红色括号为支出）'], []] });
    const w = await writeXlsx(file, [{ name: '交易明细', rows }]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['交易明细'],
      headerRow: w.meta[0].headerRow,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-27-jl-fixed-gbk-direction',
  provider: '嘉联支付有限公司',
  variant: 4,
  start: '2024-07-01',
  days: 92,
  perDay: [4, 9],
  cardCol: true,
  ext: 'txt',
  render: (ev, file, c) => {
    const dir = (F) => (F.amount < 0 ? '支' : '收');
    const cols = [
      { h: '交易日期', v: (F) => compact(F.date) },
      { h: '交易时间', v: (F) => F.time },
      { h: '收支', v: dir },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类型', v: (F) => F.card },
      { h: '交易金额', v: (F) => money(Math.abs(F.amount)) },
      { h: '手续费', v: (F) => money(F.fee) },
      { h: '清算金额', v: (F) => money(Math.abs(F.net)) },
      { h: '备注', v: (F) => F.desc },
    ];
    const rows = layout(ev, cols, {
      preamble: [[`嘉联支付 商户清算明细    商户：${c.merchant}`], ['']],
      repeatEvery: 60,
    });
    const flat = rows.map((r) =>
      r.kind === 'pre' ? { raw: true, cells: [r.cells[0]], kind: 'pre' } : r,
    );
    const fixed = fixedRows(flat, [10, 10, 4, 14, 8, 12, 8, 12, 20], new Set([5, 6, 7]));
    return {
      format: 'txt',
      encoding: 'gb18030',
      ...writeDelimited(file, fixed, { encoding: 'gb18030' }),
    };
  },
});

def({
  stem: 'rt7-28-kq-xlsx-fee-in-outflow',
  provider: '快钱支付清算信息有限公司',
  variant: 3,
  start: '2024-09-02',
  days: 80,
  perDay: [4, 9],
  cardCol: true,
  ext: 'xlsx',
  render: async (ev, file) => {
    // a sale's fee stands in the 支出 column of its own row; deductions and payouts are 支出 too
    const cols = [
      { h: '净额', v: (F) => F.net / 100 },
      { h: '收入', v: (F) => (F.amount > 0 ? F.amount / 100 : null) },
      { h: '支出', v: (F) => (F.amount < 0 ? -F.amount / 100 : F.fee ? F.fee / 100 : null) },
      { h: '交易时间', v: (F) => `${F.date} ${F.time}` },
      { h: '交易类型', v: (F) => F.type },
      { h: '卡类型', v: (F) => F.card },
      { h: '备注', v: (F) => F.desc },
      { h: '交易号', v: (F) => F.ref },
    ];
    const rows = layout(ev, cols, {});
    const w = await writeXlsx(file, [{ name: 'Sheet1', rows }]);
    return {
      format: 'xlsx',
      encoding: null,
      sheets: ['Sheet1'],
      headerRow: 1,
      records: w.meta[0].records,
      pos: w.pos,
    };
  },
});

def({
  stem: 'rt7-29-zf-pdf-subtotals-continued',
  provider: '中付支付科技有限公司',
  variant: 1,
  start: '2024-06-03',
  days: 70,
  perDay: [3, 6],
  cardCol: true,
  ext: 'pdf',
  render: async (ev, file, c) => {
    const st = { sym: '¥', sep: true };
    const tx = pdfCols(st);
    const all = layout(ev, tx, {
      headerRows: [],
      subtotal: (d, evs) => [
        `${d} 小计`,
        `${evs.length}笔`,
        '',
        money(
          evs.reduce((a, e) => a + facts(e).amount, 0),
          st,
        ),
        money(
          evs.reduce((a, e) => a + facts(e).fee, 0),
          st,
        ),
        money(
          evs.reduce((a, e) => a + facts(e).net, 0),
          st,
        ),
        '',
      ],
    });
    const per = 50;
    const pages = [];
    for (let i = 0; i < all.length; i += per) {
      const first = i === 0;
      pages.push({
        top: first ? [`中付支付 商户对账单  ${c.merchant}`] : [],
        blocks: [
          {
            header: first ? tx.map((x) => x.h) : null,
            rows: all.slice(i, i + per),
            xs: [36, 140, 190, 235, 320, 380, 465],
            aligns: ['l', 'l', 'l', 'r', 'r', 'r', 'l'],
          },
        ],
        footer: `第${pages.length + 1}页`,
      });
    }
    const w = await writePdf(file, pages, { fontSize: 8, pad: 14, headerLikeData: true });
    return { format: 'pdf', encoding: null, headerRow: null, ...w };
  },
});

// ---------- run ----------
const MERCHANTS = [
  '成都市老李面馆',
  '杭州西湖区小美便利店',
  '广州天河区阿强烧腊',
  '武汉市周记热干面',
  '西安市回民街肉夹馍',
  '长沙市茶颜小铺',
];
fs.mkdirSync(OUT, { recursive: true });
const written = [];
for (const [i, s] of S.entries()) {
  if (only.length && !only.some((p) => s.stem.startsWith(p))) continue;
  const p = plan(s.stem, s.variant, s.start, s.days);
  // without a settled-amount column a payout held back inside a sale cannot be seen: no hidden deductions
  if (s.noNet) p.hidden = [];
  const contract = contractOf(i, s.provider, s.type ?? 'payment_institution', p);
  const credits = [
    ...p.credits,
    ...(s.extraCredits ?? []).map((x) => ({
      date: addDaysLocal(s.start, x.off),
      fen: x.fen,
      text: x.text,
      typ: x.typ,
    })),
  ];
  const events = buildLedger({
    seed: s.stem,
    start: s.start,
    days: s.days,
    perDay: s.perDay,
    contract,
    cardCol: s.cardCol,
    rise: p.rise,
    addon: p.addon,
    fees: p.fees,
    credits,
    hidden: p.hidden,
    payoutFees: p.payoutFees,
    payout: { names: s.payoutNames ?? ['结算'] },
    refundRate: s.refundRate ?? 0.01,
    big: s.big,
  });
  const labels = label(events, s.noContract ? null : contract);
  const fileName = `${s.stem}.${s.ext}`;
  const ctx = { merchant: MERCHANTS[i % MERCHANTS.length], mid: contract.merchantId };
  const out = await s.render(events, path.join(OUT, fileName), ctx);
  let contractFile = null;
  if (!s.noContract) {
    contractFile = `${s.stem}.contract.json`;
    writeJson(path.join(OUT, contractFile), contract);
  }
  const exp = expectedJson({
    file: fileName,
    contractFile,
    format: out.format,
    encoding: out.encoding,
    sheets: out.sheets,
    headerRow: out.headerRow,
    records: out.records,
    events,
    labels,
    pos: out.pos,
    profile: s.stem.slice(7),
    seed: s.stem,
  });
  writeJson(path.join(OUT, `${s.stem}.expected.json`), exp);
  written.push(s.stem);
  console.log(
    `${s.stem}: ${out.records} records, ${exp.findings.length} findings (${exp.counts.unauthorized} unauthorized), claim ${exp.claim.total}`,
  );
}
console.log(`${written.length} statements in ${OUT}`);

function addDaysLocal(d, k) {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + k);
  return t.toISOString().slice(0, 10);
}
