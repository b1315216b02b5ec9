// Independent red-team corpus generator: shared pieces (money, dates, rng, simulation, labels, containers).
// Written from spec/audit.md and the samples only.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
export const ExcelJS = require('exceljs');
export const XLSX = require('@e965/xlsx');
export const iconv = require('iconv-lite');
export const PDFDocument = require('pdfkit');

// ---------- rng ----------
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  return { next, int, pick };
}

// ---------- money ----------
export const yuan = (fen) => {
  const s = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${s}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};
export const thousands = (fen) => {
  const s = yuan(fen);
  const neg = s.startsWith('-');
  const [i, d] = s.replace('-', '').split('.');
  return `${neg ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${d}`;
};
export const fullwidth = (s) =>
  s.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
export const pctE4 = (percent) => Math.round(Number(percent) * 10000);
function roundFee(q, mode) {
  // q = amount(fen) * pctE4 ; fee = q / 1e6 fen
  if (mode === 'ceil') return Math.ceil(q / 1e6);
  if (mode === 'floor') return Math.floor(q / 1e6);
  return Math.floor((q + 500000) / 1e6);
}

// ---------- dates ----------
const pad = (n, w = 2) => String(n).padStart(w, '0');
export function addDays(d, n) {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
export function addMonths(d, n) {
  const [y, m, dd] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(dd, last))}`;
}
export const ymd = (d) => d.split('-').map(Number);

// ---------- simulation ----------
/*
 cfg: {
  seed, start, days, perDay:[lo,hi], cards:{debit,credit,none} weights,
  rate(date, card) -> { percent, cap (yuan|null) }, rounding, addOnFen,
  payout: { mode:'T1'|'D0', type, desc, feeRow:{name, fen, type}|null, feeCol:fen|0, every?:n days },
  fees: [{ date, time?, cat, name, fen, via:'row'|'hidden', type? }],
  credits: [{ date, name, fen, type? }],
  refundP, reversalP, terminals:[...]
 }
*/
export function simulate(cfg) {
  const r = rng(cfg.seed);
  const ev = [];
  let seq = 0;
  const push = (e) => {
    e.seq = seq++;
    ev.push(e);
    return e;
  };
  const card = () => {
    const w = cfg.cards ?? { debit: 1, credit: 1 };
    const tot = (w.debit ?? 0) + (w.credit ?? 0) + (w.none ?? 0);
    let x = r.next() * tot;
    if ((x -= w.debit ?? 0) < 0) return 'debit';
    if (x - (w.credit ?? 0) < 0) return 'credit';
    return null;
  };
  const amount = () => {
    const x = r.next();
    if (x < 0.3) return r.int(1, 30) * 1000;
    if (x < 0.85) return r.int(500, 80000);
    if (x < 0.97) return r.int(80000, 800000);
    return r.int(800000, 3000000);
  };
  const time = (lo, hi) => `${pad(r.int(lo, hi))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`;
  const ref = () => String(r.int(100000, 999999)) + String(r.int(100000, 999999));
  const terminals = cfg.terminals ?? ['T0000001'];
  // refunded or reversed sales are only those charged no more than the contract allows, so their labels are not in doubt
  const fair = (s) =>
    !cfg.contract ||
    [s.card, null].every((c) => s.fee - expectedFee(cfg.contract, s.amount, c) < 2);
  let pending = 0;
  let lastPayoutDay = -1;
  const sales = [];
  const hiddenQueue = (cfg.fees ?? [])
    .filter((f) => f.via === 'hidden')
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  for (let d = 0; d < cfg.days; d++) {
    const date = addDays(cfg.start, d);
    const day = [];
    const every = cfg.payout?.every ?? 1;
    if (cfg.payout?.mode === 'T1' && pending > 0 && d - lastPayoutDay >= every) {
      day.push({
        kind: 'payout',
        date,
        time: time(1, 5),
        amount: pending,
        fee: 0,
        net: pending,
        ref: ref(),
        terminal: terminals[0],
      });
      pending = 0;
      lastPayoutDay = d;
    }
    for (const f of cfg.fees ?? []) {
      if (f.date !== date || f.via === 'hidden') continue;
      day.push({
        kind: 'fee',
        date,
        time: f.time ?? time(0, 6),
        amount: f.fen,
        fee: 0,
        net: f.fen,
        cat: f.cat,
        name: f.name,
        type: f.type,
        ref: ref(),
        terminal: f.terminal ?? terminals[0],
      });
    }
    for (const c of cfg.credits ?? []) {
      if (c.date !== date) continue;
      day.push({
        kind: 'credit',
        date,
        time: c.time ?? time(0, 6),
        amount: c.fen,
        fee: 0,
        net: c.fen,
        name: c.name,
        type: c.type,
        ref: ref(),
        terminal: terminals[0],
      });
    }
    const [lo, hi] = cfg.perDay ?? [1, 6];
    const n = r.int(lo, hi);
    const times = Array.from({ length: n }, () => time(8, 21)).sort();
    for (const t of times) {
      const a = amount();
      const c = card();
      const { percent, cap } = cfg.rate(date, c);
      let fee = roundFee(a * pctE4(percent), cfg.rounding ?? 'half');
      if (cap != null) fee = Math.min(fee, Math.round(cap * 100));
      fee += cfg.addOnFen ?? 0;
      const s = {
        kind: 'sale',
        date,
        time: t,
        amount: a,
        fee,
        net: a - fee,
        card: c,
        ref: ref(),
        terminal: r.pick(terminals),
      };
      while (
        hiddenQueue.length &&
        hiddenQueue[0].date <= date &&
        s.amount - s.fee > hiddenQueue[0].fen + 2000
      ) {
        const h = hiddenQueue.shift();
        s.net -= h.fen;
        s.hidden = { fen: h.fen, cat: h.cat, text: h.name };
      }
      day.push(s);
      sales.push(s);
      if (r.next() < (cfg.reversalP ?? 0) && fair(s)) {
        s.reversed = true;
        day.push({
          kind: 'reversal',
          date,
          time: t.replace(/:\d\d$/, ':59'),
          amount: a,
          fee: s.fee,
          net: a - s.fee,
          card: c,
          ref: ref(),
          terminal: s.terminal,
          of: s,
        });
      }
    }
    if (r.next() < (cfg.refundP ?? 0)) {
      const cands = sales.filter(
        (s) =>
          fair(s) &&
          !s.reversed &&
          !s.refunded &&
          !s.hidden &&
          s.date < date &&
          s.date >= addDays(date, -20),
      );
      if (cands.length) {
        const s = r.pick(cands);
        s.refunded = true;
        const feeBack = cfg.refundFeeBack === false ? 0 : s.fee;
        day.push({
          kind: 'refund',
          date,
          time: time(9, 20),
          amount: s.amount,
          fee: feeBack,
          net: s.amount - feeBack,
          card: s.card,
          ref: ref(),
          terminal: s.terminal,
          of: s,
        });
      }
    }
    day.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    for (const e of day) {
      push(e);
      if (e.kind === 'sale') pending += e.net;
      if (e.kind === 'refund' || e.kind === 'reversal') pending -= e.net;
    }
    if (cfg.payout?.mode === 'D0' && pending > 0 && r.next() < (cfg.payout.p ?? 1)) {
      const p = {
        kind: 'payout',
        date,
        time: time(22, 23),
        amount: pending,
        fee: 0,
        net: pending,
        ref: ref(),
        terminal: terminals[0],
        speed: true,
      };
      if (cfg.payout.feeCol) {
        p.fee = cfg.payout.feeCol;
        p.net = pending + p.fee; // signed: −payout − fee; the account loses both
        p.feeColCat = 'instant_settlement_fee';
        p.feeColName = cfg.payout.feeColName ?? '秒到手续费';
      }
      push(p);
      pending = 0;
      if (cfg.payout.feeRow) {
        const fr = cfg.payout.feeRow;
        push({
          kind: 'fee',
          date,
          time: p.time.replace(/:\d\d$/, ':59'),
          amount: fr.fen,
          fee: 0,
          net: fr.fen,
          cat: 'instant_settlement_fee',
          name: typeof fr.name === 'function' ? fr.name(r) : fr.name,
          type: fr.type,
          ref: ref(),
          terminal: terminals[0],
        });
      }
    }
  }
  return ev;
}

// ---------- labels (spec/audit.md §2) ----------
export function expectedFee(contract, amount, card) {
  const rates = contract.rates ?? [];
  const of = (rt) => {
    let f = Math.floor((amount * pctE4(rt.percent) + 500000) / 1e6);
    if (rt.capYuan != null) f = Math.min(f, Math.round(Number(rt.capYuan) * 100));
    return f;
  };
  let cands;
  if (card) {
    const spec = rates.filter((x) => x.cardType === card);
    cands = spec.length ? spec : rates.filter((x) => x.cardType === 'any');
  } else cands = rates;
  if (!cands.length) return null;
  return Math.max(...cands.map(of)) + Math.round(Number(contract.perTransactionFeeYuan ?? 0) * 100);
}
const MONTHS = { month: 1, quarter: 3, year: 12 };
function periodIndex(anchor, date, every) {
  if (every === 'once') return 0;
  const m = MONTHS[every];
  let k = 0;
  while (addMonths(anchor, (k + 1) * m) <= date) k++;
  return k;
}
/**
 * opts: { cardVisible, netVisible, feeVisible, summaryDaily }
 * returns Map(event -> [{category, verdict, overcharge(fen), amount(fen), text}])
 */
export function label(ev, contract, opts = {}) {
  const out = new Map();
  const add = (e, f) => {
    if (!out.has(e)) out.set(e, []);
    out.get(e).push(f);
  };
  const deductions = []; // {e, cat, fen, text}
  for (const e of ev) {
    if (e.kind === 'sale' && !opts.summaryDaily) {
      if (contract && opts.feeVisible !== false && contract.rates?.length) {
        const exp = expectedFee(contract, e.amount, opts.cardVisible === false ? null : e.card);
        if (exp != null && e.fee - exp >= 2)
          add(e, {
            category: 'rate_overcharge',
            verdict: 'unauthorized',
            overcharge: e.fee - exp,
            amount: e.fee,
            text: '',
          });
      }
      if (e.hidden && opts.netVisible !== false) {
        if (e.hidden.cat && e.hidden.text)
          deductions.push({ e, cat: e.hidden.cat, fen: e.hidden.fen, text: e.hidden.text });
        else
          add(e, {
            category: 'settlement_shortfall',
            verdict: contract ? 'unauthorized' : 'needs_review',
            overcharge: contract ? e.hidden.fen : 0,
            amount: e.hidden.fen,
            text: '',
          });
      }
    }
    if (e.kind === 'fee') deductions.push({ e, cat: e.cat, fen: e.amount, text: e.name });
    if (e.kind === 'payout' && e.feeColCat && opts.feeVisible !== false)
      deductions.push({ e, cat: e.feeColCat, fen: e.fee, text: e.feeColName });
  }
  const state = new Map();
  for (const d of deductions) {
    const { e, cat, fen, text } = d;
    if (cat === 'other_deduction' || !contract) {
      add(e, { category: cat, verdict: 'needs_review', overcharge: 0, amount: fen, text });
      continue;
    }
    const agreed = (contract.agreedCharges ?? []).find((c) => c.category === cat);
    if (!agreed || (agreed.startsAfter && e.date < agreed.startsAfter)) {
      add(e, { category: cat, verdict: 'unauthorized', overcharge: fen, amount: fen, text });
      continue;
    }
    if (!state.has(cat)) state.set(cat, { anchor: e.date, used: new Set() });
    const st = state.get(cat);
    const k = periodIndex(st.anchor, e.date, agreed.every);
    const agreedFen = Math.round(Number(agreed.amountYuan) * 100);
    if (st.used.has(k))
      add(e, { category: cat, verdict: 'unauthorized', overcharge: fen, amount: fen, text });
    else {
      st.used.add(k);
      if (fen > agreedFen)
        add(e, {
          category: cat,
          verdict: 'unauthorized',
          overcharge: fen - agreedFen,
          amount: fen,
          text,
        });
      else add(e, { category: cat, verdict: 'authorized', overcharge: 0, amount: fen, text });
    }
  }
  return out;
}

// ---------- tables ----------
/*
 spec: { pre: [[...]], head: [[...]] (one or two rows), merges: [[r0,c0,r1,c1]] (relative to head),
   cols: [(e) => cell], order: 'asc'|'desc', dayTotal: (date, agg) => cells | null,
   monthTotal: (ym, agg) => cells, foot: (agg) => [[...]], lead: n empty leading columns,
   blankAfterPre: bool, summaryDaily: (date, agg) => cells (replaces sales) }
*/
export function buildTable(ev, spec) {
  const rows = [];
  const lead = (cells) => [...Array(spec.lead ?? 0).fill(null), ...cells];
  for (const p of spec.pre ?? []) rows.push({ cells: lead(p), tag: p.length ? 'pre' : 'blank' });
  const headAt = rows.length;
  for (const h of spec.head) rows.push({ cells: lead(h), tag: 'header' });
  const merges = (spec.merges ?? []).map(([r0, c0, r1, c1]) => [
    r0 + headAt,
    c0 + (spec.lead ?? 0),
    r1 + headAt,
    c1 + (spec.lead ?? 0),
  ]);
  const agg0 = () => ({ n: 0, amount: 0, fee: 0, net: 0, all: 0 });
  let dayAgg = agg0();
  let monAgg = agg0();
  const tot = agg0();
  const seq = spec.order === 'desc' ? [...ev].reverse() : ev;
  let curDay = null;
  let curMon = null;
  const addAgg = (a, e) => {
    if (e.kind === 'sale') {
      a.n++;
      a.amount += e.amount;
      a.fee += e.fee;
      a.net += e.net;
    }
    a.all++;
  };
  const closeDay = () => {
    if (curDay && spec.summaryDaily && dayAgg.n)
      rows.push({ cells: lead(spec.summaryDaily(curDay, dayAgg)), tag: 'rec', daily: true });
    if (curDay && spec.dayTotal && dayAgg.all)
      rows.push({ cells: lead(spec.dayTotal(curDay, dayAgg)), tag: 'sum' });
    dayAgg = agg0();
  };
  const closeMon = () => {
    if (curMon && spec.monthTotal && monAgg.all)
      rows.push({ cells: lead(spec.monthTotal(curMon, monAgg)), tag: 'sum' });
    monAgg = agg0();
  };
  for (const e of seq) {
    if (e.date !== curDay) {
      closeDay();
      if (e.date.slice(0, 7) !== curMon) {
        closeMon();
        curMon = e.date.slice(0, 7);
      }
      curDay = e.date;
    }
    addAgg(dayAgg, e);
    addAgg(monAgg, e);
    addAgg(tot, e);
    if (spec.summaryDaily && e.kind === 'sale') continue;
    if (spec.skip && spec.skip(e)) continue;
    rows.push({ cells: lead(spec.cols.map((c) => c(e))), tag: 'rec', ev: e });
  }
  closeDay();
  closeMon();
  for (const f of spec.foot ? spec.foot(tot) : [])
    rows.push({ cells: lead(f), tag: f.length ? 'sum' : 'blank' });
  return { rows, merges, width: Math.max(...rows.map((r) => r.cells.length)) };
}

// ---------- containers ----------
const cellText = (v) => {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return v.text;
  return String(v);
};
export function csvBytes(
  tbl,
  { delim = ',', enc = 'utf8', eol = '\r\n', quoteAll = false, pad = true } = {},
) {
  const q = (s) =>
    quoteAll || s.includes(delim) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s;
  const lines = tbl.rows.map((r) => {
    const cells = r.cells.map(cellText);
    if (pad) while (cells.length < tbl.width) cells.push('');
    return cells.map(q).join(delim);
  });
  const text = lines.join(eol) + eol;
  if (enc === 'utf8') return Buffer.from(text, 'utf8');
  if (enc === 'utf8bom')
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (enc === 'gbk') return iconv.encode(text, 'gbk');
  if (enc === 'gb18030') return iconv.encode(text, 'gb18030');
  if (enc === 'utf16le')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
  throw new Error(enc);
}
/** rowOf for line-based containers: table index -> line number */
export const lineRows = (tbl) => tbl.rows.map((r, i) => ({ r, row: i + 1 }));

export async function xlsxBytes(sheets) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const r0 = s.startRow ?? 1;
    const c0 = s.startCol ?? 1;
    s.tbl.rows.forEach((r, i) => {
      r.cells.forEach((v, j) => {
        if (v == null || v === '') return;
        const cell = ws.getCell(r0 + i, c0 + j);
        if (v && typeof v === 'object' && 'num' in v) {
          cell.value = v.num;
          if (v.fmt) cell.numFmt = v.fmt;
        } else if (v instanceof Date) {
          cell.value = v;
          cell.numFmt = v.fmt ?? 'yyyy-mm-dd hh:mm:ss';
        } else cell.value = v;
      });
    });
    for (const [a, b, c, d] of s.tbl.merges) ws.mergeCells(r0 + a, c0 + b, r0 + c, c0 + d);
    for (const [a, b, c, d] of s.extraMerges ?? []) ws.mergeCells(a, b, c, d);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
export function biffBytes(sheets) {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const aoa = s.tbl.rows.map((r) =>
      r.cells.map((v) => {
        if (v && typeof v === 'object' && 'num' in v) return v.num;
        return v ?? null;
      }),
    );
    const ws = XLSX.utils.aoa_to_sheet(aoa, {
      cellDates: true,
      dateNF: 'yyyy-mm-dd hh:mm:ss',
      origin: { r: (s.startRow ?? 1) - 1, c: (s.startCol ?? 1) - 1 },
    });
    ws['!merges'] = s.tbl.merges.map(([a, b, c, d]) => ({
      s: { r: a + (s.startRow ?? 1) - 1, c: b + (s.startCol ?? 1) - 1 },
      e: { r: c + (s.startRow ?? 1) - 1, c: d + (s.startCol ?? 1) - 1 },
    }));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** HTML table: every table row is one <tr>; merges become colspan/rowspan. */
export function htmlBytes(tbl, { enc = 'utf8', title = '对账单', style = true } = {}) {
  const covered = new Set();
  const span = new Map();
  for (const [a, b, c, d] of tbl.merges) {
    span.set(`${a},${b}`, { rs: c - a + 1, cs: d - b + 1 });
    for (let i = a; i <= c; i++)
      for (let j = b; j <= d; j++) if (i !== a || j !== b) covered.add(`${i},${j}`);
  }
  const trs = tbl.rows.map((r, i) => {
    const tds = [];
    for (let j = 0; j < tbl.width; j++) {
      if (covered.has(`${i},${j}`)) continue;
      const sp = span.get(`${i},${j}`);
      const attrs = sp
        ? `${sp.rs > 1 ? ` rowspan="${sp.rs}"` : ''}${sp.cs > 1 ? ` colspan="${sp.cs}"` : ''}`
        : '';
      const tag = r.tag === 'header' ? 'th' : 'td';
      tds.push(`<${tag}${attrs}>${esc(cellText(r.cells[j])) || '&nbsp;'}</${tag}>`);
    }
    return `<tr>${tds.join('')}</tr>`;
  });
  const charset = enc === 'gbk' ? 'gbk' : 'utf-8';
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">${style ? '<style>td{mso-number-format:"\\@";}</style>' : ''}<title>${title}</title></head>\r\n<body><table border="1">\r\n${trs.join('\r\n')}\r\n</table></body></html>\r\n`;
  return enc === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8');
}
export function spreadsheetMlBytes(tbl, sheetName = 'Sheet1') {
  const rows = tbl.rows.map((r) => {
    const cells = [];
    for (let j = 0; j < tbl.width; j++) {
      const v = r.cells[j];
      if (v == null || v === '') {
        cells.push('<Cell/>');
        continue;
      }
      if (v && typeof v === 'object' && 'num' in v)
        cells.push(`<Cell><Data ss:Type="Number">${v.num}</Data></Cell>`);
      else if (v instanceof Date)
        cells.push(
          `<Cell ss:StyleID="d"><Data ss:Type="DateTime">${v.toISOString().slice(0, 19)}</Data></Cell>`,
        );
      else cells.push(`<Cell><Data ss:Type="String">${esc(String(v))}</Data></Cell>`);
    }
    return `<Row>${cells.join('')}</Row>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy-mm-dd hh:mm:ss"/></Style></Styles>\n<Worksheet ss:Name="${sheetName}"><Table>\n${rows.join('\n')}\n</Table></Worksheet></Workbook>\n`;
  return Buffer.from(xml, 'utf8');
}
const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** PDF with a text layer; returns { buf, recRow: Map(tableIndex -> {row, page}) } */
export async function pdfBytes(
  tbl,
  { xs, title, perPage = 32, fontSize = 7.5, landscape = true, repeatHeader = true },
) {
  const doc = new PDFDocument({
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margin: 24,
    autoFirstPage: false,
  });
  const parts = [];
  doc.on('data', (b) => parts.push(b));
  const done = new Promise((res) => doc.on('end', () => res(Buffer.concat(parts))));
  doc.registerFont('cjk', FONT, 'NotoSansCJKsc-Regular');
  const header = tbl.rows.filter((r) => r.tag === 'header');
  const pre = tbl.rows.filter((r) => r.tag === 'pre');
  const body = tbl.rows
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r.tag === 'rec' || x.r.tag === 'sum');
  const pages = Math.ceil(body.length / perPage);
  const recRow = new Map();
  let rec = 0;
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    doc.font('cjk').fontSize(12).text(title, 30, 18, { lineBreak: false });
    doc.fontSize(fontSize);
    let y = 40;
    if (p === 0) {
      for (const r of pre) {
        doc.text(
          r.cells
            .filter((c) => c != null && c !== '')
            .map(cellText)
            .join('    '),
          30,
          y,
          { lineBreak: false },
        );
        y += 12;
      }
    }
    const line = (cells) => {
      cells.forEach((c, j) => {
        const t = cellText(c);
        if (t !== '' && xs[j] != null) doc.text(t, xs[j], y, { lineBreak: false });
      });
      y += 14;
    };
    if (p === 0 || repeatHeader) for (const h of header) line(h.cells);
    for (const { r, i } of body.slice(p * perPage, (p + 1) * perPage)) {
      line(r.cells);
      if (r.tag === 'rec') recRow.set(i, { row: ++rec, page: p + 1 });
    }
    doc.text(`第 ${p + 1} 页 共 ${pages} 页`, landscape ? 380 : 260, landscape ? 556 : 800, {
      lineBreak: false,
    });
  }
  doc.end();
  return { buf: await done, recRow };
}
