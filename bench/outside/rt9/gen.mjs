#!/usr/bin/env node
// rt9 blind red team: text hygiene, structure, and statements that come in several files.
// node bench/outside/rt9/gen.mjs            -> test/fixtures/outside/rt9
// OUT_DIR=/tmp/rt9 node bench/outside/rt9/gen.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { buildLedger, label, expectedJson, addDays } from './ledger.mjs';
import { renderDelimited, renderSms, stdCols, money, fullWidth, dt } from './render.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const iconv = require('iconv-lite');
const ExcelJS = require('exceljs');
const OUT = process.env.OUT_DIR || path.join(ROOT, 'test/fixtures/outside/rt9');
fs.mkdirSync(OUT, { recursive: true });

const CA = (start) => ({
  provider: '汇银通支付有限公司',
  providerType: 'payment_institution',
  merchantId: '898440153207716',
  signedAt: '2024-06-01',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
    { cardType: 'any', percent: 0.6 },
  ],
  perTransactionFeeYuan: 0,
  agreedCharges: [
    { category: 'traffic_fee', amountYuan: 60, every: 'year', startsAfter: addDays(start, 20) },
    { category: 'service_fee', amountYuan: 30, every: 'month' },
  ],
});
const CB = {
  provider: '聚财通支付有限公司',
  providerType: 'payment_institution',
  merchantId: '898310057718830',
  signedAt: '2024-01-10',
  rates: [
    { cardType: 'debit', percent: 0.55, capYuan: 25 },
    { cardType: 'any', percent: 0.6 },
  ],
  perTransactionFeeYuan: 0,
  agreedCharges: [
    { category: 'service_fee', amountYuan: 99, every: 'quarter' },
    { category: 'deposit', amountYuan: 199, every: 'once' },
    { category: 'traffic_fee', amountYuan: 48, every: 'year' },
  ],
};

const SIMP = {
  traffic: '流量费',
  service: '服务费',
  deposit: '押金',
  instant: '提现手续费',
  other: '调账',
  refund: '手续费返还',
  sim: 'SIM卡费',
};
const TRAD = {
  traffic: '流量費',
  service: '服務費',
  deposit: '押金',
  instant: '秒到費',
  other: '調賬',
  refund: '手續費返還',
  sim: '通訊費',
};

/** A month of deductions: early traffic fee, monthly service (one duplicate), deposit, instant fees, adjustments. */
function plan(days, nm = SIMP, variant = 0) {
  const d = [
    { day: 3, cat: 'traffic_fee', name: nm.traffic, yuan: 60 },
    { day: 5, cat: 'service_fee', name: nm.service, yuan: 30 },
    { day: 6, cat: 'deposit', name: nm.deposit, yuan: 199 },
    { day: 9, cat: 'instant_settlement_fee', name: nm.instant, yuan: 3 },
    { day: 12, cat: 'other_deduction', name: nm.other, yuan: 12.5 },
    { day: 16, cat: 'service_fee', name: nm.service, yuan: 30 },
    { day: 22, cat: 'traffic_fee', name: nm.sim, yuan: 79 },
    { day: 24, cat: 'instant_settlement_fee', name: nm.instant, yuan: 3 },
  ].filter((x) => x.day < days);
  if (variant === 1)
    d.push({
      day: Math.min(days - 1, 26),
      cat: 'service_fee',
      name: `${nm.service}(会员)`,
      yuan: 45,
    });
  return d;
}
const creditsFor = (nm, days) =>
  [
    { day: 2, name: nm.refund, yuan: 8.88 },
    { day: Math.min(days - 1, 14), name: '流量费退还', yuan: 60 },
    { day: Math.min(days - 1, 18), kind: 'subsidy', type: '活动补贴', name: '营销补贴', yuan: 5 },
  ].filter((x) => x.day < days);
const lookalikes = (days) =>
  [
    { day: Math.min(days - 1, 7), type: 'D0提现', name: '秒到提现' },
    { day: Math.min(days - 1, 19), type: 'T0出款', name: '提现到银行卡' },
  ].map((x, i) => ({ ...x, yuan: 1000 + i * 234.5 }));

function write(stem, ext, bytes, exp, contract) {
  fs.writeFileSync(path.join(OUT, `${stem}.${ext}`), bytes);
  if (contract)
    fs.writeFileSync(
      path.join(OUT, `${stem}.contract.json`),
      JSON.stringify(contract, null, 2) + '\n',
    );
  fs.writeFileSync(path.join(OUT, `${stem}.expected.json`), JSON.stringify(exp, null, 1) + '\n');
}

function ledger(stem, o) {
  const contract = o.contract === undefined ? CA(o.start) : o.contract;
  const nm = o.names || SIMP;
  const events = buildLedger({
    seed: `rt9-${stem}`,
    start: o.start,
    days: o.days,
    contract,
    deductions: o.deductions || plan(o.days, nm, o.variant),
    credits: o.credits || creditsFor(nm, o.days),
    extraPayouts: o.extraPayouts || lookalikes(o.days),
    overchargeDays: o.overchargeDays ?? [4, 11, 17],
    shortfalls: o.shortfalls ?? [{ day: 8, fen: 1500 }],
    refundDays: [10],
    ...o.ledger,
  });
  return { events, contract, findings: label(events, contract) };
}

function emitText(stem, ext, L, r, bytes, meta) {
  const exp = expectedJson({
    file: `${stem}.${ext}`,
    contractFile: L.contract ? `${stem}.contract.json` : null,
    format: meta.format,
    encoding: meta.encoding,
    headerRow: r.headerRow,
    events: L.events,
    findings: L.findings,
    rowOf: r.rowOf,
    extra: { what: meta.what },
  });
  write(stem, ext, bytes, exp, L.contract);
}
const utf8 = (s, bom) =>
  Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(s, 'utf8')]);
const gbk = (s) => iconv.encode(s, 'gbk');

const S = [];
const def = (stem, fn) => S.push([stem, fn]);

// 01 Excel's sep=; line, semicolon, UTF-8 BOM, decimal point amounts
def('rt9-01', (stem) => {
  const L = ledger(stem, { start: '2025-03-01', days: 30 });
  const r = renderDelimited(L.events, {
    delimiter: ';',
    preamble: ['sep=;'],
    cols: stdCols(money.plain),
  });
  emitText(stem, 'csv', L, r, utf8(r.text, true), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'sep=; first line, semicolons, BOM',
  });
});
// 02 GBK bytes behind a (wrong) UTF-8 BOM
def('rt9-02', (stem) => {
  const L = ledger(stem, { start: '2025-04-01', days: 30 });
  const r = renderDelimited(L.events, {
    cols: stdCols(money.plain),
    preamble: ['商户名称：成都市锦江区好又多便利店', '导出时间：2025-05-02 10:11:12'],
  });
  emitText(stem, 'csv', L, r, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk(r.text)]), {
    format: 'csv',
    encoding: 'gbk',
    what: 'GBK bytes after a UTF-8 BOM',
  });
});
// 03 GBK no BOM, traditional fee names and header 手續費 in a simplified file
def('rt9-03', (stem) => {
  const L = ledger(stem, { start: '2025-05-01', days: 31, names: TRAD, variant: 1 });
  const r = renderDelimited(L.events, {
    cols: stdCols(money.plain, { fee: '手續費', net: '結算金額', desc: '備註' }),
  });
  emitText(stem, 'csv', L, r, gbk(r.text), {
    format: 'csv',
    encoding: 'gbk',
    what: 'GBK, traditional fee names and headers',
  });
});
// 04 NBSP thousands separators and zero-width spaces inside words
def('rt9-04', (stem) => {
  const L = ledger(stem, { start: '2025-06-01', days: 30 });
  for (const e of L.events) if (e.desc && e.kind === 'fee') e.desc = [...e.desc].join('\u200b');
  for (const f of L.findings) f.text = f.ev.desc;
  const cols = stdCols(money.nbsp);
  cols[1] = { h: '交易\u00a0类型', get: (e) => `${e.type}\u00a0` };
  cols[4] = { h: '手续\u200b费', get: (e) => money.zwsp(e.fee) };
  const r = renderDelimited(L.events, { cols });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'NBSP thousands, ZWSP in words and numbers',
  });
});
// 05 full-width digits and punctuation in every amount
def('rt9-05', (stem) => {
  const L = ledger(stem, { start: '2025-07-01', days: 31 });
  const r = renderDelimited(L.events, { cols: stdCols(money.fw) });
  emitText(stem, 'csv', L, r, utf8(r.text, true), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'full-width amounts １，２３４．５６ －１２．００',
  });
});
// 06 trailing spaces and tabs in every cell
def('rt9-06', (stem) => {
  const L = ledger(stem, { start: '2025-08-01', days: 31 });
  const r = renderDelimited(L.events, { cols: stdCols(money.plain), cellSuffix: ' \t ' });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'trailing spaces/tabs in every cell',
  });
});
// 07 empty columns between data columns, GBK
def('rt9-07', (stem) => {
  const L = ledger(stem, { start: '2025-09-01', days: 30 });
  const c = stdCols(money.plain);
  const blank = { h: '', get: () => '' };
  const cols = [
    blank,
    c[0],
    blank,
    c[1],
    c[2],
    blank,
    blank,
    c[3],
    blank,
    c[4],
    c[5],
    blank,
    c[6],
    c[7],
  ];
  const r = renderDelimited(L.events, {
    cols,
    preamble: [',,,,,,,,,,,,,', ',商户对账单,,,,,,,,,,,,'],
  });
  emitText(stem, 'csv', L, r, gbk(r.text), {
    format: 'csv',
    encoding: 'gbk',
    what: 'empty columns between data columns',
  });
});
// 08 totals block and signature/stamp block after the table
def('rt9-08', (stem) => {
  const L = ledger(stem, { start: '2025-10-01', days: 31, variant: 1 });
  const sum = (k) => L.events.reduce((a, e) => a + e[k], 0);
  const r = renderDelimited(L.events, {
    cols: stdCols(money.plain),
    preamble: [
      '商户名称：杭州西湖区阿明面馆,,,,,,,',
      '对账期间：2025-10-01 至 2025-10-31,,,,,,,',
      ',,,,,,,',
    ],
    after: [
      ',,,,,,,',
      `合计,,,${money.plain(sum('amount'))},${money.plain(sum('fee'))},${money.plain(sum('net'))},,`,
      `交易笔数,${L.events.filter((e) => e.kind === 'sale').length},,,,,,`,
      `扣费合计,,,-${money.plain(L.findings.filter((f) => f.ev.kind === 'fee').reduce((a, f) => a + f.amount, 0))},,,,`,
      ',,,,,,,',
      '制表人：李娜,,审核人：王强,,,,,',
      '（本对账单加盖业务专用章后有效）,,,,,,,',
      '盖章：汇银通支付有限公司浙江分公司,,,,日期：2025年11月3日,,,',
    ],
  });
  emitText(stem, 'csv', L, r, gbk(r.text), {
    format: 'csv',
    encoding: 'gbk',
    what: 'totals and signature block after the table',
  });
});
// 09 notes rows in the middle of the data
def('rt9-09', (stem) => {
  const L = ledger(stem, { start: '2025-11-01', days: 30 });
  const notes = new Map();
  const n = L.events.length;
  notes.set(Math.floor(n / 4), '注：以下交易于系统升级期间补录,,,,,,,');
  notes.set(Math.floor(n / 2), '——— 11月16日起费率调整公告见官网 ———,,,,,,,');
  notes.set(Math.floor((3 * n) / 4), '说明：流量费按年收取，扣款失败将于次日重试,,,,,,,');
  const r = renderDelimited(L.events, { cols: stdCols(money.plain), notes });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'notes rows in the middle of the data',
  });
});
// 10 very short statement: one day, a few rows
def('rt9-10', (stem) => {
  const L = ledger(stem, {
    start: '2025-12-05',
    days: 2,
    deductions: [
      { day: 0, cat: 'traffic_fee', name: '流量卡年费', yuan: 99 },
      { day: 1, cat: 'service_fee', name: '服务费', yuan: 30 },
    ],
    credits: [{ day: 1, name: '手续费返还', yuan: 1.2 }],
    extraPayouts: [{ day: 1, type: '秒到提现', name: '', yuan: 300 }],
    overchargeDays: [],
    shortfalls: [],
    ledger: { salesPerDay: [1, 1] },
  });
  const r = renderDelimited(L.events, { cols: stdCols(money.plain) });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'a statement of a handful of rows',
  });
});
// 11 only fee rows, no sales
def('rt9-11', (stem) => {
  const L = ledger(stem, {
    start: '2025-01-01',
    days: 365,
    deductions: [
      { day: 0, cat: 'deposit', name: '机具押金', yuan: 199 },
      { day: 10, cat: 'traffic_fee', name: '流量费', yuan: 48 },
      { day: 40, cat: 'service_fee', name: '季度服务费', yuan: 99 },
      { day: 70, cat: 'service_fee', name: '季度服务费', yuan: 99 },
      { day: 130, cat: 'service_fee', name: '季度服务费', yuan: 99 },
      { day: 200, cat: 'deposit', name: '激活费', yuan: 99 },
      { day: 280, cat: 'traffic_fee', name: '流量费', yuan: 48 },
      { day: 300, cat: 'other_deduction', name: '差错扣款', yuan: 20 },
      { day: 370, cat: 'traffic_fee', name: '流量费', yuan: 48 },
    ],
    credits: [
      { day: 15, name: '流量费退还', yuan: 48 },
      { day: 100, name: '服务费返还', yuan: 99 },
    ],
    extraPayouts: [],
    overchargeDays: [],
    shortfalls: [],
    contract: CB,
    ledger: { noSales: true },
  });
  const cols = [
    { h: '扣款日期', get: (e) => e.date },
    { h: '扣款类型', get: (e) => e.type },
    { h: '费用名称', get: (e) => e.desc },
    { h: '金额', get: (e) => money.plain(e.amount) },
  ];
  const r = renderDelimited(L.events, {
    cols,
    preamble: ['费用扣款明细', '商户编号：898310057718830'],
  });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'fee rows only, no sales',
  });
});
// 12 amounts with three decimals
def('rt9-12', (stem) => {
  const L = ledger(stem, { start: '2025-02-01', days: 28 });
  const r = renderDelimited(L.events, {
    cols: stdCols(money.dec3, { amount: '交易金额(元)', fee: '手续费(元)', net: '清算金额(元)' }),
  });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'three-decimal amounts',
  });
});
// 13 negative zero fees on payouts and fee rows
def('rt9-13', (stem) => {
  const L = ledger(stem, { start: '2025-03-01', days: 31, variant: 1 });
  const r = renderDelimited(L.events, { cols: stdCols(money.negzero) });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: '-0.00 in fee columns',
  });
});
// 14 万元 summary at the top, yuan in the detail
def('rt9-14', (stem) => {
  const L = ledger(stem, { start: '2025-04-01', days: 30 });
  const tot = L.events.filter((e) => e.kind === 'sale').reduce((a, e) => a + e.amount, 0);
  const w = (fen) => (fen / 1000000).toFixed(4);
  const r = renderDelimited(L.events, {
    cols: stdCols(money.plain),
    preamble: [
      '汇总信息（单位：万元）,,,,,,,',
      `交易总额,${w(tot)},,,,,,`,
      `手续费合计,${w(L.events.reduce((a, e) => a + e.fee, 0))},,,,,,`,
      `扣费合计,0.0500,,,,,,`,
      ',,,,,,,',
      '明细（单位：元）,,,,,,,',
    ],
  });
  emitText(stem, 'csv', L, r, gbk(r.text), {
    format: 'csv',
    encoding: 'gbk',
    what: '万元 summary block before yuan detail',
  });
});
// 15 spaced header words (Excel distributed alignment), full-width parentheses
def('rt9-15', (stem) => {
  const L = ledger(stem, { start: '2025-05-01', days: 31 });
  const r = renderDelimited(L.events, {
    cols: stdCols(money.plain, {
      date: '交 易 时 间',
      type: '交 易 类 型',
      card: '卡 类 型',
      amount: '交易金额（元）',
      fee: '手 续 费（元）',
      net: '结算金额（元）',
      desc: '摘　　要',
      ref: '流 水 号',
    }),
  });
  emitText(stem, 'csv', L, r, utf8(r.text, true), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'spaced and full-width header words',
  });
});
// 16 TSV with trailing tab on every line and LF endings
def('rt9-16', (stem) => {
  const L = ledger(stem, { start: '2025-06-01', days: 30, names: TRAD });
  const r = renderDelimited(L.events, {
    delimiter: '\t',
    cols: stdCols(money.plain),
    lineSuffix: '\t\t',
    eol: '\n',
  });
  emitText(stem, 'txt', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'TSV with trailing tabs, traditional names',
  });
});
// 17 SMS via WeChat: zero-width spaces, full-width digits, traditional names
def('rt9-17', (stem) => {
  const L = ledger(stem, {
    start: '2025-07-01',
    days: 31,
    names: TRAD,
    overchargeDays: [3, 9],
    shortfalls: [],
    ledger: { cards: [''] },
  });
  const r = renderSms(L.events, { num: fullWidth, zw: true, sep: '\n----\n' });
  emitText(stem, 'txt', L, r, utf8(r.text), {
    format: 'sms',
    encoding: 'utf-8',
    what: 'SMS with ZWSP, full-width digits, traditional names',
  });
});
// 18 no contract, NBSP and full-width mixed: all needs_review, claim 0
def('rt9-18', (stem) => {
  const L = ledger(stem, { start: '2025-08-01', days: 31, contract: null });
  const cols = stdCols((f) => (f % 2 ? money.nbsp(f) : money.fw(f)));
  const r = renderDelimited(L.events, { cols });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'no contract, mixed NBSP/full-width amounts',
  });
});
// 19 two terminals in one file, one yearly SIM fee agreed: the second terminal's fee is beyond it
def('rt9-19', (stem) => {
  const L = ledger(stem, {
    start: '2025-09-01',
    days: 30,
    deductions: [
      { day: 21, cat: 'traffic_fee', name: '终端流量费', yuan: 60 },
      { day: 21, cat: 'traffic_fee', name: '终端流量费', yuan: 60, time: '04:31:00' },
      { day: 5, cat: 'service_fee', name: '服务费', yuan: 30 },
      { day: 25, cat: 'instant_settlement_fee', name: '秒到手续费', yuan: 2 },
    ],
  });
  let t = 0;
  for (const e of L.events) {
    if (e.kind === 'sale') t = 1 - t;
    e.term =
      e.kind === 'fee' && e.time === '04:31:00'
        ? 'T0002'
        : e.kind === 'sale' && t === 0
          ? 'T0002'
          : 'T0001';
  }
  const cols = [{ h: '终端号', get: (e) => `${e.term} ` }, ...stdCols(money.plain)];
  const r = renderDelimited(L.events, { cols, cellSuffix: ' ' });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'two terminals, one yearly SIM fee agreed',
  });
});
// 20 CRLF and LF mixed, quoted amounts with 元 and NBSP before 元
def('rt9-20', (stem) => {
  const L = ledger(stem, { start: '2025-10-01', days: 31 });
  const r = renderDelimited(L.events, {
    cols: stdCols((f) => `${money.plain(f)}\u00a0元`),
    eol: '\n',
  });
  const text = r.text
    .split('\n')
    .map((l, i) => (i % 3 === 0 && l ? `${l}\r` : l))
    .join('\n');
  emitText(stem, 'csv', L, r, utf8(text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'mixed line ends, NBSP before 元',
  });
});

// 29 fees with three decimals as the provider computed them (0.615 for 102.50 at 0.6%): rounding, not findings
def('rt9-29', (stem) => {
  const L = ledger(stem, { start: '2025-01-01', days: 31, ledger: { cards: ['贷记卡', ''] } });
  const f3 = (fen) => `${money.plain(fen)}0`;
  // the provider's own fee to the 0.001 yuan (amount x 0.6%), shown unrounded; within a fen of the expected fee
  const fee3 = (e) => {
    if (
      e.kind !== 'sale' ||
      e.card === '借记卡' ||
      e.fee !== Math.floor((e.amount * 6) / 1000 + 0.5)
    )
      return f3(e.fee);
    const mil = Math.floor((e.amount * 6) / 100 + 0.5);
    return `${Math.floor(mil / 1000)}.${String(mil % 1000).padStart(3, '0')}`;
  };
  const cols = stdCols(f3);
  cols[4] = { h: '手续费', get: fee3 };
  const r = renderDelimited(L.events, { cols });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'three-decimal fees, exact half-fen values',
  });
});
// 30 zero-width spaces only inside numbers, NBSP inside fee names; headers clean
def('rt9-30', (stem) => {
  const L = ledger(stem, { start: '2025-02-01', days: 28 });
  for (const e of L.events)
    if (e.kind === 'fee' && e.desc.length > 1)
      e.desc = `${e.desc.slice(0, 1)}\u00a0${e.desc.slice(1)}`;
  for (const f of L.findings) f.text = f.ev.desc;
  const r = renderDelimited(L.events, { cols: stdCols(money.zwsp) });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'ZWSP inside numbers, NBSP inside fee names',
  });
});
// 31 trailing spaces only; 32 trailing tab only; 33 leading and trailing spaces inside quotes
def('rt9-31', (stem) => {
  const L = ledger(stem, { start: '2025-03-01', days: 31 });
  const r = renderDelimited(L.events, { cols: stdCols(money.plain), cellSuffix: '   ' });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'trailing spaces in every cell',
  });
});
def('rt9-32', (stem) => {
  const L = ledger(stem, { start: '2025-04-01', days: 30 });
  const r = renderDelimited(L.events, { cols: stdCols(money.plain), cellSuffix: '\t' });
  emitText(stem, 'csv', L, r, gbk(r.text), {
    format: 'csv',
    encoding: 'gbk',
    what: 'a trailing tab in every comma-separated cell',
  });
});
def('rt9-33', (stem) => {
  const L = ledger(stem, { start: '2025-05-01', days: 31 });
  const cols = stdCols(money.plain).map((c) => ({ h: c.h, get: (e) => `"  ${c.get(e)}  "` }));
  const r = renderDelimited(L.events, { cols, raw: true });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'every cell quoted with spaces inside the quotes',
  });
});
// 34 full-width parentheses for outflows （１２．００） and a full-width minus on payouts
def('rt9-34', (stem) => {
  const L = ledger(stem, { start: '2025-06-01', days: 30 });
  const m = (fen) =>
    fen < 0
      ? fen % 2
        ? `（${fullWidth(money.plain(-fen))}）`
        : fullWidth(money.plain(fen))
      : fullWidth(money.plain(fen));
  const r = renderDelimited(L.events, { cols: stdCols(m) });
  emitText(stem, 'csv', L, r, gbk(r.text), {
    format: 'csv',
    encoding: 'gbk',
    what: 'full-width parentheses and minus for outflows',
  });
});
// 35 traditional names only for the service and SIM fees (服務費, 通訊費, 年費), everything else simplified
def('rt9-35', (stem) => {
  const L = ledger(stem, {
    start: '2025-07-01',
    days: 31,
    deductions: [
      { day: 2, cat: 'service_fee', name: '服務費', yuan: 30 },
      { day: 8, cat: 'service_fee', name: '年費', yuan: 365 },
      { day: 12, cat: 'traffic_fee', name: '通訊費', yuan: 60 },
      { day: 21, cat: 'traffic_fee', name: '流量卡費', yuan: 60 },
      { day: 25, cat: 'deposit', name: '激活費', yuan: 99 },
      { day: 27, cat: 'deposit', name: '保證金', yuan: 500 },
    ],
  });
  const r = renderDelimited(L.events, { cols: stdCols(money.plain) });
  emitText(stem, 'csv', L, r, utf8(r.text), {
    format: 'csv',
    encoding: 'utf-8',
    what: 'traditional fee names one by one',
  });
});

// XLSX statements
async function xlsx(stem, L, o) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rt9';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = new Date('2026-01-01T00:00:00Z');
  const sheets = [];
  if (o.notesSheet) {
    const ns = wb.addWorksheet('说明');
    ns.addRow(['本表由系统导出，金额单位：元']);
    sheets.push('说明');
  }
  const ws = wb.addWorksheet(o.sheet || '明细');
  sheets.push(o.sheet || '明细');
  for (const p of o.preamble || []) ws.addRow(p);
  ws.addRow(o.cols.map((c) => c.h));
  const headerRow = ws.rowCount;
  const rows = new Map();
  for (const e of L.events) {
    ws.addRow(o.cols.map((c) => c.get(e)));
    rows.set(e, ws.rowCount);
  }
  for (const a of o.after || []) ws.addRow(a);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const exp = expectedJson({
    file: `${stem}.xlsx`,
    contractFile: L.contract ? `${stem}.contract.json` : null,
    format: 'xlsx',
    encoding: null,
    sheets,
    headerRow,
    events: L.events,
    findings: L.findings,
    rowOf: (e) => rows.get(e),
    extra: { what: o.what },
  });
  if (sheets.length > 1) exp.findings.forEach((f) => (f.sheet = o.sheet || '明细'));
  write(stem, 'xlsx', buf, exp, L.contract);
}
// 21 XLSX: text amounts with trailing spaces/NBSP, empty columns, totals and signature
def('rt9-21', async (stem) => {
  const L = ledger(stem, { start: '2025-11-01', days: 30 });
  const c = stdCols((f) => `${money.nbsp(f)} `);
  const blank = { h: null, get: () => null };
  await xlsx(stem, L, {
    cols: [c[0], blank, c[1], c[2], blank, c[3], c[4], c[5], blank, c[6], c[7]],
    after: [
      [],
      ['合计', null, null, null, null, '—'],
      ['经办人：', null, '复核：', null, null, '（盖章）'],
    ],
    what: 'xlsx text amounts with NBSP and spaces, empty columns, signature block',
  });
});
// 22 XLSX: full-width text amounts, traditional names, a notes sheet first
def('rt9-22', async (stem) => {
  const L = ledger(stem, { start: '2025-12-01', days: 31, names: TRAD, variant: 1 });
  await xlsx(stem, L, {
    notesSheet: true,
    cols: stdCols(money.fw, { fee: '手續費', desc: '備註' }),
    preamble: [['商戶對賬單'], ['商戶名稱：深圳市南山區老陳茶餐廳']],
    what: 'xlsx full-width amounts, traditional names',
  });
});
// 23 XLSX: numbers with 3 decimals as real numbers, -0 fee cells, only fee rows plus a few sales
def('rt9-23', async (stem) => {
  const L = ledger(stem, { start: '2025-02-01', days: 28, ledger: { salesPerDay: [0, 1] } });
  const num = (f) => (f === 0 ? -0 : f / 100);
  await xlsx(stem, L, {
    cols: [
      { h: '交易时间', get: dt },
      { h: '交易类型', get: (e) => e.type },
      { h: '卡类型', get: (e) => e.card || '' },
      { h: '交易金额', get: (e) => num(e.amount) },
      { h: '手续费', get: (e) => num(e.fee) },
      { h: '结算金额', get: (e) => num(e.net) },
      { h: '摘要', get: (e) => `${e.desc}\u200b` },
    ],
    what: 'xlsx numeric -0 and zero-width spaces in 摘要',
  });
});
// 24 SMS over two lines per message with NBSP and full-width minus notices
def('rt9-24', (stem) => {
  const L = ledger(stem, {
    start: '2025-03-01',
    days: 31,
    overchargeDays: [2, 6],
    shortfalls: [],
    ledger: { cards: [''] },
  });
  const r = renderSms(L.events, {
    sig: '【聚财通】',
    num: (s) => s.replace(/(\d)\.(\d\d)$/, '$1.$2\u00a0'),
    sep: '\n\n',
  });
  emitText(stem, 'txt', L, r, utf8(r.text, true), {
    format: 'sms',
    encoding: 'utf-8',
    what: 'SMS with NBSP and a BOM',
  });
});
// ---- several files audited together -------------------------------------------------------------
// Each file is also a statement of its own (an expected.json labelled on its own rows, scored by
// eval-audit.mjs); <set>.multi.json holds the answer for all of them in one run (bench/outside/rt9/multi.mjs).
const MULTI = [];
function multi(set, files, contract, events) {
  // events: the distinct ledger events across the files (a row shown in two files is one event)
  const f = label(events, contract);
  let total = 0;
  const by = {};
  for (const x of f)
    if (x.verdict === 'unauthorized') {
      total += x.over;
      by[x.category] = (by[x.category] || 0) + x.over;
    }
  const y = (v) => (v / 100).toFixed(2);
  const byCategory = {};
  for (const k of Object.keys(by).sort()) byCategory[k] = y(by[k]);
  MULTI.push([
    set,
    {
      files,
      contract: contract ? `${files[0].replace(/\.[a-z]+$/, '')}.contract.json` : null,
      claim: { total: y(total), currency: 'CNY', byCategory },
      counts: {
        unauthorized: f.filter((x) => x.verdict === 'unauthorized').length,
        authorized: f.filter((x) => x.verdict === 'authorized').length,
        needs_review: f.filter((x) => x.verdict === 'needs_review').length,
      },
      findings: f.map((x) => ({
        date: x.ev.date,
        category: x.category,
        verdict: x.verdict,
        overcharge: y(x.verdict === 'unauthorized' ? x.over : 0),
        amount: y(x.amount),
        text: x.text,
      })),
    },
  ]);
}
function view(stem, ext, events, contract, render, meta) {
  const L = { events, contract, findings: label(events, contract) };
  const r = render(events);
  emitText(stem, ext, L, r, meta.bytes(r.text), meta);
}

// 25 a quarter as three monthly files: the SIM fee taken every month is beyond the yearly agreement
def('rt9-25', (stem) => {
  const contract = CA('2024-12-01');
  const all = [];
  for (const [i, m] of ['2025-01-01', '2025-02-01', '2025-03-01'].entries()) {
    const s = `${stem}${'abc'[i]}`;
    const L = ledger(s, {
      start: m,
      days: 28,
      contract,
      deductions: [
        { day: 4, cat: 'service_fee', name: '月服务费', yuan: 30 },
        { day: 10, cat: 'traffic_fee', name: 'SIM卡流量费', yuan: 60 },
        { day: 15, cat: 'instant_settlement_fee', name: '垫资费', yuan: 2 },
      ],
    });
    all.push(...L.events);
    view(
      s,
      'csv',
      L.events,
      contract,
      (ev) =>
        renderDelimited(ev, { delimiter: ';', preamble: ['sep=;'], cols: stdCols(money.plain) }),
      {
        format: 'csv',
        encoding: 'gbk',
        bytes: gbk,
        what: `month ${i + 1} of a quarter`,
      },
    );
  }
  multi(
    stem,
    ['a', 'b', 'c'].map((x) => `${stem}${x}.csv`),
    contract,
    all,
  );
});
// 26 two overlapping exports of one month (1st-20th and 10th-end): a deduction in both is claimed once
def('rt9-26', (stem) => {
  const L = ledger(stem, { start: '2025-04-01', days: 30, variant: 1 });
  const a = L.events.filter((e) => e.date <= '2025-04-20');
  const b = L.events.filter((e) => e.date >= '2025-04-10');
  const meta = (w) => ({ format: 'csv', encoding: 'utf-8', bytes: (t) => utf8(t, true), what: w });
  view(
    `${stem}a`,
    'csv',
    a,
    L.contract,
    (ev) =>
      renderDelimited(ev, {
        cols: stdCols(money.plain),
        preamble: ['查询区间：2025-04-01至2025-04-20'],
      }),
    meta('first export'),
  );
  view(
    `${stem}b`,
    'csv',
    b,
    L.contract,
    (ev) =>
      renderDelimited(ev, {
        cols: stdCols(money.plain),
        preamble: ['查询区间：2025-04-10至2025-04-30'],
      }),
    meta('second, overlapping export'),
  );
  multi(stem, [`${stem}a.csv`, `${stem}b.csv`], L.contract, L.events);
});
// 27 a CSV plus pasted SMS notices of the same deductions
def('rt9-27', (stem) => {
  const L = ledger(stem, { start: '2025-05-01', days: 31 });
  view(
    `${stem}a`,
    'csv',
    L.events,
    L.contract,
    (ev) => renderDelimited(ev, { cols: stdCols(money.plain) }),
    {
      format: 'csv',
      encoding: 'utf-8',
      bytes: (t) => utf8(t),
      what: 'the statement',
    },
  );
  const sms = L.events.filter((e) => e.kind === 'fee' || e.kind === 'feeRefund');
  view(`${stem}b`, 'txt', sms, L.contract, (ev) => renderSms(ev, { sep: '\n' }), {
    format: 'sms',
    encoding: 'utf-8',
    bytes: (t) => utf8(t),
    what: 'SMS of the same deductions',
  });
  multi(stem, [`${stem}a.csv`, `${stem}b.txt`], L.contract, L.events);
});
// 28 files of two terminals of one merchant: one yearly SIM fee agreed for the merchant
def('rt9-28', (stem) => {
  const all = [];
  const contract = CA('2025-05-01');
  for (const [i, tn] of ['T0001', 'T0002'].entries()) {
    const s = `${stem}${'ab'[i]}`;
    const L = ledger(s, {
      start: '2025-06-01',
      days: 30,
      contract,
      deductions: [
        { day: 3 + i * 9, cat: 'traffic_fee', name: `终端${tn}流量费`, yuan: 60 },
        { day: 5 + i, cat: 'service_fee', name: '服务费', yuan: 30 },
        { day: 20, cat: 'instant_settlement_fee', name: '秒到费', yuan: 3 },
      ],
      credits: i ? [] : undefined,
      extraPayouts: i ? [] : undefined,
    });
    all.push(...L.events);
    view(
      s,
      'csv',
      L.events,
      contract,
      (ev) =>
        renderDelimited(ev, {
          cols: [{ h: '终端号', get: () => tn }, ...stdCols(money.plain)],
          preamble: [`终端号：${tn},,,,,,,,`],
        }),
      {
        format: 'csv',
        encoding: 'gbk',
        bytes: gbk,
        what: `terminal ${tn}`,
      },
    );
  }
  all.sort((x, y) => (x.date + x.time < y.date + y.time ? -1 : 1));
  multi(stem, [`${stem}a.csv`, `${stem}b.csv`], contract, all);
});

// 36 overlapping exports from two channels: the app's (with 流水号 and times) and the web portal's (dates only, no 流水号)
def('rt9-36', (stem) => {
  const L = ledger(stem, { start: '2025-08-01', days: 31, variant: 1 });
  const a = L.events.filter((e) => e.date <= '2025-08-20');
  const b = L.events.filter((e) => e.date >= '2025-08-11');
  view(
    `${stem}a`,
    'csv',
    a,
    L.contract,
    (ev) => renderDelimited(ev, { cols: stdCols(money.plain) }),
    {
      format: 'csv',
      encoding: 'utf-8',
      bytes: (t) => utf8(t, true),
      what: 'app export with references',
    },
  );
  const cols = [
    { h: '日期', get: (e) => e.date },
    { h: '业务类型', get: (e) => e.type },
    { h: '卡种', get: (e) => e.card },
    { h: '金额(元)', get: (e) => money.plain(e.amount) },
    { h: '手续费(元)', get: (e) => money.plain(e.fee) },
    { h: '到账金额(元)', get: (e) => money.plain(e.net) },
    { h: '说明', get: (e) => e.desc },
  ];
  view(
    `${stem}b`,
    'csv',
    b,
    L.contract,
    (ev) => renderDelimited(ev, { cols, preamble: ['商户服务平台 交易查询结果'] }),
    {
      format: 'csv',
      encoding: 'gbk',
      bytes: gbk,
      what: 'portal export without references, overlapping 11th-20th',
    },
  );
  multi(stem, [`${stem}a.csv`, `${stem}b.csv`], L.contract, L.events);
});

for (const [stem, fn] of S) await fn(stem);
for (const [set, m] of MULTI)
  fs.writeFileSync(path.join(OUT, `${set}.multi.json`), JSON.stringify(m, null, 1) + '\n');
console.log(`rt9: ${S.length} statements in ${OUT}`);
