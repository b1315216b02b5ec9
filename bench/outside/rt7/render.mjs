// rt7 renderers: events -> table rows -> containers (CSV/TXT, fixed width, XLSX, PDF).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const ExcelJS = require('exceljs');
const PDFDocument = require('pdfkit');

export const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** money formatting; style: { sep, sym, suffix, neg: 'minus'|'trail'|'paren', plus } */
export function money(fen, st = {}) {
  const a = Math.abs(fen);
  let int = String(Math.floor(a / 100));
  if (st.sep) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = `${st.sym ?? ''}${int}.${String(a % 100).padStart(2, '0')}${st.suffix ?? ''}`;
  if (fen >= 0) return body;
  if (st.neg === 'trail') return `${body}-`;
  if (st.neg === 'paren') return `(${body})`;
  return `-${body}`;
}

const CARD = { debit: '借记卡', credit: '贷记卡' };

/** the plain facts of an event in a signed ledger */
export function facts(e, o = {}) {
  const saleWord = o.saleWord ?? '消费';
  const F = { date: e.date, time: e.time, ref: e.ref, card: e.card ? CARD[e.card] : '' };
  switch (e.kind) {
    case 'sale':
      Object.assign(F, { type: saleWord, amount: e.fen, fee: e.fee, net: e.net, desc: e.text });
      break;
    case 'refund':
      Object.assign(F, { type: '退货', amount: -e.fen, fee: 0, net: -e.fen, desc: '' });
      break;
    case 'payout':
      Object.assign(F, {
        type: e.text,
        amount: -e.fen,
        fee: e.fee ?? 0,
        net: -e.fen - (e.fee ?? 0),
        desc: o.payoutDesc ?? '结算至尾号6217',
      });
      break;
    case 'fee':
      Object.assign(F, {
        type: e.typ ?? '其他扣款',
        amount: -e.fen,
        fee: 0,
        net: -e.fen,
        desc: e.text,
      });
      break;
    case 'credit':
      Object.assign(F, { type: e.typ ?? '入账', amount: e.fen, fee: 0, net: e.fen, desc: e.text });
      break;
    default:
      throw new Error(e.kind);
  }
  return F;
}

/**
 * Lay out rows. cols: [{ h, v(F, e) }]. opts: { preamble: [[cells]], headerRows: [[cells]] (default [h...]),
 * subtotal(date, evs) -> cells|null, repeatEvery, pageLine(n) -> cells, footer(evs) -> [[cells]] }
 * Returns [{ cells, ev? , kind }].
 */
export function layout(events, cols, o = {}) {
  const rows = [];
  for (const p of o.preamble ?? []) rows.push({ cells: p, kind: 'pre' });
  const header = o.headerRows ?? [cols.map((c) => c.h)];
  for (const h of header) rows.push({ cells: h, kind: 'hdr' });
  let n = 0;
  let page = 1;
  let dayEvs = [];
  const flushDay = () => {
    if (o.subtotal && dayEvs.length) {
      const s = o.subtotal(dayEvs[0].date, dayEvs);
      if (s) rows.push({ cells: s, kind: 'sub' });
    }
    dayEvs = [];
  };
  for (const e of events) {
    if (dayEvs.length && dayEvs[0].date !== e.date) flushDay();
    if (o.repeatEvery && n > 0 && n % o.repeatEvery === 0) {
      page++;
      if (o.pageLine) rows.push({ cells: o.pageLine(page), kind: 'page' });
      for (const h of header) rows.push({ cells: h, kind: 'hdr' });
    }
    const F = facts(e, o);
    rows.push({ cells: cols.map((c) => c.v(F, e)), ev: e, kind: 'rec' });
    dayEvs.push(e);
    n++;
  }
  flushDay();
  for (const f of o.footer ? o.footer(events) : []) rows.push({ cells: f, kind: 'foot' });
  return rows;
}

function csvCell(v, delim, quoteAll) {
  const s = v === null || v === undefined ? '' : String(v);
  if (quoteAll || s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r'))
    return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** write delimited text; eol: string or function(lineIndex) -> string. Returns pos map (event -> {row}). */
export function writeDelimited(file, rows, o = {}) {
  const delim = o.delim ?? ',';
  const pos = new Map();
  const lines = rows.map((r, i) => {
    if (r.ev) pos.set(r.ev, { row: i + 1 });
    if (r.raw) return r.cells[0];
    return r.cells.map((c) => csvCell(c, delim, o.quoteAll)).join(delim);
  });
  let text = '';
  lines.forEach((l, i) => {
    const eol = typeof o.eol === 'function' ? o.eol(i) : (o.eol ?? '\r\n');
    text += l + eol;
  });
  let buf;
  if (o.encoding === 'gb18030') buf = iconv.encode(text, 'gb18030');
  else if (o.encoding === 'utf-16le')
    buf = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  else buf = Buffer.from((o.bom ? '\ufeff' : '') + text, 'utf8');
  fs.writeFileSync(file, buf);
  return {
    pos,
    records: rows.filter((r) => r.ev).length,
    headerRow: rows.findIndex((r) => r.kind === 'hdr') + 1,
  };
}

export const width = (s) =>
  [...String(s)].reduce(
    (w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1),
    0,
  );
const padTo = (s, w, right) => {
  const str = String(s ?? '');
  const fill = ' '.repeat(Math.max(0, w - width(str)));
  return right ? fill + str : str + fill;
};

/** fixed-width report: every non-raw row aligned on column widths; right: set of column indexes right-aligned */
export function fixedRows(rows, widths, right = new Set(), gap = '  ') {
  return rows.map((r) =>
    r.raw
      ? r
      : {
          ...r,
          raw: true,
          cells: [
            r.cells
              .map((c, i) => padTo(c, widths[i], right.has(i)))
              .join(gap)
              .replace(/\s+$/, ''),
          ],
        },
  );
}

// ---- XLSX ----
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/**
 * sheets: [{ name, rows, startRow=1, startCol=1, merges: [[r1,c1,r2,c2]] (relative to the sheet), numFmt: {colIndex: fmt}, widths }]
 * cells may be { v, fmt, red } objects. Returns pos (event -> {row, sheet}).
 */
export async function writeXlsx(file, sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rt7';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const pos = new Map();
  const meta = [];
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    const r0 = sh.startRow ?? 1;
    const c0 = sh.startCol ?? 1;
    let headerRow = null;
    sh.rows.forEach((r, i) => {
      const rowNo = r0 + i;
      if (r.kind === 'hdr' && headerRow === null) headerRow = rowNo;
      const row = ws.getRow(rowNo);
      r.cells.forEach((c, j) => {
        if (c === null || c === undefined || c === '') return;
        const cell = row.getCell(c0 + j);
        if (typeof c === 'object' && !(c instanceof Date)) {
          cell.value = c.v;
          if (c.fmt) cell.numFmt = c.fmt;
          if (c.red) cell.font = { color: { argb: 'FFFF0000' } };
          if (c.bold) cell.font = { bold: true };
        } else cell.value = c;
      });
      row.commit();
      if (r.ev) pos.set(r.ev, { row: rowNo, sheet: sh.name });
    });
    for (const m of sh.merges ?? []) ws.mergeCells(m[0], m[1], m[2], m[3]);
    (sh.widths ?? []).forEach((w, j) => {
      ws.getColumn(c0 + j).width = w;
    });
    meta.push({ name: sh.name, headerRow, records: sh.rows.filter((r) => r.ev).length });
  }
  await wb.xlsx.writeFile(file);
  return { pos, meta };
}

export const excelSerial = (date) =>
  Math.round(
    (Date.UTC(...date.split('-').map((x, i) => Number(x) - (i === 1 ? 1 : 0))) -
      Date.UTC(1899, 11, 30)) /
      86400000,
  );
export const timeFraction = (t) => {
  const [h, m, s] = t.split(':').map(Number);
  return (h * 3600 + m * 60 + s) / 86400;
};

// ---- PDF ----
/**
 * pages: [{ blocks: [{ title?, header: [..], rows: [{cells, ev?}], }] , landscape, rotate }]
 * xs: column x positions (left), aligns: 'l'|'r' per column. Record index in reading order = row.
 */
export async function writePdf(file, pages, o) {
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Producer: 'rt7', Creator: 'rt7' },
  });
  doc.registerFont('cjk', FONT, 'NotoSansCJKsc-Regular');
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  const pos = new Map();
  let idx = 0;
  const fs9 = o.fontSize ?? 8;
  pages.forEach((pg, pi) => {
    const landscape = pg.landscape || pg.rotate;
    doc.addPage({
      size: 'A4',
      layout: pg.rotate ? 'portrait' : landscape ? 'landscape' : 'portrait',
      margin: 30,
    });
    doc.font('cjk').fontSize(fs9);
    if (pg.rotate) {
      // a landscape page stored portrait with /Rotate 90: draw the content turned a quarter counter-clockwise
      doc.page.dictionary.data.Rotate = 90;
      doc.save();
      doc.translate(0, 842);
      doc.rotate(-90);
    }
    const W = landscape ? 842 : 595;
    let y = 36;
    const line = (cells, xs, aligns) => {
      cells.forEach((c, j) => {
        const s = String(c ?? '');
        if (!s) return;
        if (aligns[j] === 'r') {
          const w = doc.widthOfString(s);
          doc.text(s, xs[j + 1] - (o.pad ?? 6) - w, y, { lineBreak: false });
        } else doc.text(s, xs[j], y, { lineBreak: false });
      });
      y += fs9 + 5;
    };
    for (const t of pg.top ?? []) {
      doc.text(t, 36, y, { lineBreak: false });
      y += fs9 + 6;
    }
    for (const b of pg.blocks) {
      const xs = [...b.xs, W - 30];
      if (b.title) {
        doc.text(b.title, 36, y, { lineBreak: false });
        y += fs9 + 6;
      }
      if (b.header) line(b.header, xs, o.headerLikeData ? b.aligns : b.header.map(() => 'l'));
      for (const r of b.rows) {
        if (r.ev) pos.set(r.ev, { row: ++idx, page: pi + 1 });
        line(r.cells, xs, b.aligns);
      }
      y += 8;
    }
    if (pg.footer)
      doc.text(pg.footer, 36, (pg.rotate || landscape ? 595 : 842) - 30, { lineBreak: false });
    if (pg.rotate) doc.restore();
  });
  doc.end();
  await new Promise((res) => out.on('finish', res));
  return { pos, records: idx };
}

export function writeJson(file, obj) {
  fs.writeFileSync(file, `${JSON.stringify(obj, null, 2)}\n`);
}
export const base = (f) => path.basename(f);
