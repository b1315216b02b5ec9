// rt11 red-team generator: statements in the shapes small merchants download from big acquirers.
// Usage: node bench/outside/rt11/gen.mjs   (OUT_DIR=/tmp/x to redirect)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { buildLedger, label, yuan, prng, addDays } from './ledger.mjs';
import { STATEMENTS } from './statements.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const require = createRequire(path.join(root, 'package.json'));
const iconv = require('iconv-lite');
const XLSX = require('@e965/xlsx');
const PDFDocument = require('pdfkit');
const OUT = process.env.OUT_DIR ?? path.join(root, 'test/fixtures/outside/rt11');
fs.mkdirSync(OUT, { recursive: true });

const hms = (s) =>
  [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((x) => String(x).padStart(2, '0'));
const CARD = { debit: '借记卡', credit: '贷记卡', unknown: '', foreign: '境外卡', qr: '扫码' };

// ---- row builders: each returns cells for one event, for a given style ----
function cellsFor(style, e, st) {
  const [H, M, S] = hms(e.time);
  const d8 = e.date.replaceAll('-', '');
  const dSlash = e.date.replaceAll('-', '/');
  const t = `${H}:${M}:${S}`;
  const kindText = {
    sale: st.saleWord ?? '消费',
    refund: '退货',
    payout: e.name,
    fee: st.feeType ?? '其他扣款',
    feerefund: st.refundType ?? '调账退还',
  }[e.kind];
  const desc =
    e.kind === 'fee' || e.kind === 'feerefund'
      ? e.name
      : e.kind === 'payout'
        ? `出款至尾号${st.card4}`
        : '';
  const card =
    e.kind === 'sale' || e.kind === 'refund' ? (st.cardWords?.[e.card] ?? CARD[e.card]) : '';
  let amt, fee, net;
  if (e.kind === 'sale' || e.kind === 'refund') [amt, fee, net] = [e.amount, e.fee, e.net];
  else if (e.kind === 'payout') [amt, fee, net] = [-e.amount, 0, -e.amount];
  else if (e.kind === 'fee') [amt, fee, net] = [-e.amount, 0, -e.amount];
  else [amt, fee, net] = [e.amount, 0, e.amount];
  const m = (f) => yuan(f);
  switch (style) {
    case 'lakala': // 拉卡拉 考拉商户通 交易明细
      return [
        d8,
        `${H}${M}${S}`,
        st.term,
        e.kind === 'sale' || e.kind === 'refund' ? '6222****' + e.ref.slice(-4) : '',
        card,
        kindText,
        m(amt),
        m(fee),
        m(net),
        '成功',
        e.ref,
        desc,
      ];
    case 'ums': // 银联商务 天天富 清算明细
      return [dSlash, t, st.mid, st.term, kindText, card, m(amt), m(fee), m(net), e.ref, desc];
    case 'sqb': // 收钱吧 交易流水
      return [
        e.date,
        t,
        st.store,
        e.kind === 'sale' || e.kind === 'refund' ? (e.card === 'unknown' ? '微信' : '银行卡') : '',
        kindText,
        Number(m(amt)),
        Number(m(fee)),
        Number(m(net)),
        e.ref,
        desc,
      ];
    case 'sxf': {
      // 随行付 收支明细: direction column, positive amounts
      const out = amt < 0;
      return [
        `${e.date} ${t}`,
        kindText,
        out ? '支出' : '收入',
        m(Math.abs(amt)),
        m(fee),
        m(Math.abs(net)),
        card,
        desc,
        e.ref,
      ];
    }
    case 'fuiou': // 富友 amounts in fen
      return [
        `${d8}${H}${M}${S}`,
        kindText,
        card,
        String(amt),
        String(fee),
        String(net),
        e.ref,
        desc,
      ];
    case 'wxpay': {
      // 微信支付商户平台 交易账单: every cell prefixed with a backtick
      if (e.kind !== 'sale') return null;
      const rate = st.wxRate(e.date);
      const v = [
        `${e.date} ${t}`,
        'wx8888888888888888',
        st.mid,
        '',
        st.term,
        '4200' + e.ref + '88',
        'SH' + e.ref,
        'oUpF8u' + e.ref.slice(0, 8),
        'MICROPAY',
        'SUCCESS',
        'OTHERS',
        'CNY',
        m(amt),
        '0.00',
        '0',
        '0',
        '0.00',
        '0.00',
        '',
        '',
        '商品',
        '',
        m(fee),
        rate,
        m(amt),
        '0.00',
        '',
      ];
      return v.map((x) => '`' + x);
    }
    case 'leshua': // 乐刷 交易明细
      return [
        `${e.date} ${t}`,
        st.merchant,
        'LS' + st.term,
        kindText,
        card,
        m(amt),
        m(fee),
        m(net),
        '交易成功',
        e.ref,
        desc,
      ];
    case 'icbc': // 工行 商户对账单 PDF
      return [e.date, kindText, card, m(amt), m(fee), m(net), desc];
    case 'allinpay': // 通联 清算明细 BIFF8
      return [
        `${e.date.slice(0, 4)}年${+e.date.slice(5, 7)}月${+e.date.slice(8)}日`,
        t,
        st.term,
        kindText,
        card,
        Number(m(amt)),
        Number(m(fee)),
        Number(m(net)),
        e.ref,
        desc,
      ];
  }
  throw new Error(style);
}
const HEAD = {
  lakala: [
    '交易日期',
    '交易时间',
    '终端号',
    '卡号',
    '卡类型',
    '交易类型',
    '交易金额(元)',
    '手续费(元)',
    '结算金额(元)',
    '交易状态',
    '参考号',
    '备注',
  ],
  ums: [
    '清算日期',
    '交易时间',
    '商户编号',
    '终端编号',
    '交易类型',
    '卡种',
    '交易金额',
    '手续费',
    '清算金额',
    '检索参考号',
    '摘要',
  ],
  sqb: [
    '交易日期',
    '交易时间',
    '门店名称',
    '收款通道',
    '交易类型',
    '交易金额',
    '手续费',
    '实收金额',
    '订单号',
    '备注',
  ],
  sxf: [
    '记账时间',
    '业务类型',
    '收支方向',
    '金额',
    '手续费',
    '入账金额',
    '卡类型',
    '摘要',
    '流水号',
  ],
  fuiou: [
    '交易时间',
    '交易类型',
    '借贷标识',
    '交易金额(分)',
    '手续费(分)',
    '结算金额(分)',
    '系统参考号',
    '备注',
  ],
  wxpay: [
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
  ],
  leshua: [
    '交易时间',
    '商户名称',
    '终端SN',
    '交易类型',
    '卡类型',
    '交易金额',
    '手续费',
    '到账金额',
    '交易状态',
    '订单号',
    '备注',
  ],
  icbc: ['交易日期', '交易类型', '卡类型', '交易金额', '手续费', '入账金额', '备注'],
  allinpay: [
    '交易日期',
    '交易时间',
    '终端号',
    '交易类型',
    '卡类别',
    '交易金额',
    '手续费',
    '清算金额',
    '交易参考号',
    '备注',
  ],
};

function preamble(st, ev) {
  const from = ev[0].date;
  const to = ev[ev.length - 1].date;
  return [
    [`商户名称：${st.merchant}`],
    [`商户编号：${st.mid}`],
    [`终端号：${st.term}`],
    [`查询时间：${from} 至 ${to}`],
  ];
}
function footer(st, ev) {
  if (st.style === 'wxpay') {
    const ss = ev.filter((e) => e.kind === 'sale');
    const tot = (k) => yuan(ss.reduce((a, e) => a + e[k], 0));
    return [
      [
        '总交易单数',
        '应结订单总金额',
        '退款总金额',
        '充值券退款总金额',
        '手续费总金额',
        '订单总金额',
        '申请退款总金额',
      ],
      [
        '`' + ss.length,
        '`' + tot('amount'),
        '`0.00',
        '`0.00',
        '`' + tot('fee'),
        '`' + tot('amount'),
        '`0.00',
      ],
    ];
  }
  const sales = ev.filter((e) => e.kind === 'sale');
  const sum = sales.reduce((a, e) => a + e.amount, 0);
  const fee = sales.reduce((a, e) => a + e.fee, 0);
  return [[`合计`, `笔数：${sales.length}`, `交易金额：${yuan(sum)}`, `手续费：${yuan(fee)}`]];
}

function render(st, ev) {
  const file = path.join(OUT, st.stem + '.' + st.ext);
  if (st.container === 'sms') {
    const msgs = [];
    const rowOf = [];
    ev.forEach((e, i) => {
      const s = sms(st, e);
      if (s) {
        msgs.push(s);
        rowOf[i] = msgs.length;
      } else rowOf[i] = null;
    });
    fs.writeFileSync(file, msgs.join('\n\n') + '\n');
    return { rowOf, format: 'sms' };
  }
  if (st.container === 'pdf') return renderPdf(st, ev, file);
  const pre = st.noPreamble ? [] : preamble(st, ev);
  const rows = [...pre, HEAD[st.style]];
  const rowOf = [];
  ev.forEach((e, i) => {
    const c = cellsFor(st.style, e, st);
    if (c === null) {
      rowOf[i] = null;
      return;
    }
    rows.push(c);
    rowOf[i] = rows.length;
  });
  if (!st.noFooter) rows.push(...footer(st, ev));
  let format = st.ext;
  if (st.container === 'csv') {
    const delim = st.delim ?? ',';
    const q = (c) => {
      c = String(c);
      return /[",\n]/.test(c) || (delim === ',' && c.includes(','))
        ? `"${c.replaceAll('"', '""')}"`
        : c;
    };
    const text = rows.map((r) => r.map(q).join(delim)).join(st.eol ?? '\r\n') + (st.eol ?? '\r\n');
    const buf =
      st.enc === 'gbk'
        ? iconv.encode(text, 'gbk')
        : Buffer.from((st.bom ? '\ufeff' : '') + text, 'utf8');
    fs.writeFileSync(file, buf);
  } else if (st.container === 'html') {
    const esc = (s) => String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    let h = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table border="1">\n`;
    for (const r of rows) h += '<tr>' + r.map((c) => `<td>${esc(c)}</td>`).join('') + '</tr>\n';
    h += '</table></body></html>\n';
    fs.writeFileSync(file, h);
    format = 'html';
  } else if (st.container === 'xlsx' || st.container === 'biff8') {
    const off = st.colOffset ?? 0;
    const aoa = rows.map((r) => [...Array(off).fill(null), ...r]);
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, st.sheet ?? '交易明细');
    const buf = XLSX.write(wb, {
      type: 'buffer',
      bookType: st.container === 'biff8' ? 'biff8' : 'xlsx',
      compression: true,
    });
    fs.writeFileSync(file, buf);
  }
  return { rowOf, format };
}

function sms(st, e) {
  const [y, mo, d] = e.date.split('-').map(Number);
  const [H, M] = hms(e.time);
  const dt = `${y}年${mo}月${d}日${H}:${M}`;
  const b = st.bank;
  if (e.kind === 'sale')
    return `【${b}】您的商户${st.mid.slice(-4)}于${dt}收单交易入账，交易金额${yuan(e.amount)}元，手续费${yuan(e.fee)}元，净额${yuan(e.net)}元。`;
  if (e.kind === 'payout')
    return `【${b}】您尾号${st.card4}的账户${dt}${e.name}收入人民币${yuan(e.amount)}元，摘要：商户清算款。`;
  if (e.kind === 'fee')
    return `【${b}】尊敬的商户，${dt}已从您的待结算资金中扣收${e.name}${yuan(e.amount)}元。如有疑问请致电客服。`;
  if (e.kind === 'feerefund')
    return `【${b}】尊敬的商户，${dt}${e.name}${yuan(e.amount)}元已退回您的结算账户。`;
  return null; // refunds not notified
}

function renderPdf(st, ev, file) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 30,
    info: { CreationDate: new Date(Date.UTC(2025, 0, 1)), Producer: 'rt11', Creator: 'rt11' },
  });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((res) => doc.on('end', res));
  doc.registerFont(
    'cjk',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    'NotoSansCJKsc-Regular',
  );
  doc.font('cjk');
  const xs = [30, 100, 160, 215, 300, 360, 440];
  const line = (cells, y, size = 8) =>
    cells.forEach((c, j) => doc.fontSize(size).text(String(c), xs[j], y, { lineBreak: false }));
  const rowOf = [];
  let idx = 0;
  let y;
  const head = () => {
    doc.fontSize(12).text(`${st.bankName}商户对账单`, 30, 30, { lineBreak: false });
    doc
      .fontSize(8)
      .text(`商户名称：${st.merchant}    商户编号：${st.mid}`, 30, 50, { lineBreak: false });
    line(HEAD.icbc, 70);
    y = 86;
  };
  head();
  ev.forEach((e, i) => {
    if (y > 800) {
      doc.addPage();
      head();
    }
    line(cellsFor('icbc', e, st), y);
    rowOf[i] = ++idx;
    y += 13;
  });
  doc.end();
  return done.then(() => {
    fs.writeFileSync(file, Buffer.concat(chunks));
    return { rowOf, format: 'pdf' };
  });
}

function contractJson(c) {
  return c && JSON.stringify(c, null, 2) + '\n';
}

const only = process.argv.slice(2);
for (const st of STATEMENTS) {
  if (only.length && !only.some((p) => st.stem.startsWith(p))) continue;
  const ev = buildLedger(structuredClone(st.ledger));
  const labels = label(ev, st.contract);
  const { rowOf, format } = await render(st, ev);
  const fname = st.stem + '.' + st.ext;
  const findings = [];
  labels.forEach((ls, i) => {
    for (const f of ls) {
      if (rowOf[i] == null) throw new Error(`${st.stem}: finding on unrendered event`);
      findings.push({
        file: fname,
        row: rowOf[i],
        date: f.date,
        category: f.category,
        verdict: f.verdict,
        overcharge: yuan(f.overcharge),
        amount: yuan(f.amount),
        text: f.text,
      });
    }
  });
  const byCategory = {};
  let total = 0;
  for (const f of labels.flat())
    if (f.verdict === 'unauthorized') {
      total += f.overcharge;
      byCategory[f.category] = (byCategory[f.category] ?? 0) + f.overcharge;
    }
  const counts = { unauthorized: 0, authorized: 0, needs_review: 0 };
  for (const f of findings) counts[f.verdict]++;
  if (st.contract)
    fs.writeFileSync(path.join(OUT, st.stem + '.contract.json'), contractJson(st.contract));
  const exp = {
    file: fname,
    contract: st.contract ? st.stem + '.contract.json' : null,
    format,
    records: ev.length,
    period: { from: ev[0].date, to: ev[ev.length - 1].date },
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
    generator: { team: 'rt11', style: st.style, container: st.container, note: st.note },
  };
  fs.writeFileSync(path.join(OUT, st.stem + '.expected.json'), JSON.stringify(exp, null, 1) + '\n');
}
void prng;
void addDays;
