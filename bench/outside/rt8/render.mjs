// rt8 renderers: CSV/TXT lines, message texts, XLSX (exceljs), PDF (pdfkit). Each sets e.row (+ sheet/page).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const require = createRequire(path.join(root, 'package.json'));
const iconv = require('iconv-lite');
const ExcelJS = require('exceljs');
const PDFDocument = require('pdfkit');

const q = (s, d) => {
  s = String(s ?? '');
  return s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s;
};

/** lines: pre (array of strings), header (array), events -> cells, post; returns Buffer */
export function renderCsv(
  events,
  { pre = [], header, cells, post = [], delim = ',', encoding = 'utf-8', bom = false, eol = '\n' },
) {
  const lines = [...pre];
  lines.push(header.map((h) => q(h, delim)).join(delim));
  const headerRow = lines.length;
  for (const e of events) {
    lines.push(
      cells(e)
        .map((c) => q(c, delim))
        .join(delim),
    );
    e.row = lines.length;
  }
  lines.push(...post);
  const text = lines.join(eol) + eol;
  let buf = encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  if (bom) buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
  return { buf, headerRow, records: events.length };
}

/** messages: each event -> text (may hold newlines); sep between messages */
export function renderMsgs(events, { fmt, sep = '\n' }) {
  const parts = events.map((e, i) => {
    e.row = i + 1;
    return fmt(e, i);
  });
  return {
    buf: Buffer.from(parts.join(sep) + '\n', 'utf8'),
    headerRow: null,
    records: events.length,
  };
}

/** xlsx: sheets = [{ name, rows: [[...]] } | { name, data: true, pre, header, cells }] */
export async function renderXlsx(events, { sheets, startCol = 1 }) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rt8';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = new Date(Date.UTC(2026, 0, 1));
  let headerRow = null;
  const multi = sheets.length > 1;
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    const put = (r, vals) =>
      vals.forEach((v, i) => {
        if (v !== null && v !== undefined && v !== '') ws.getRow(r).getCell(startCol + i).value = v;
      });
    if (!sh.data) {
      sh.rows.forEach((vals, i) => put(i + 1, vals));
      continue;
    }
    let r = 1;
    for (const p of sh.pre || []) put(r++, p);
    put(r, sh.header);
    headerRow = r++;
    for (const e of events) {
      const vals = sh.cells(e);
      put(r, vals);
      if (sh.dateCol !== undefined)
        ws.getRow(r).getCell(startCol + sh.dateCol).numFmt = 'yyyy-mm-dd hh:mm:ss';
      e.row = r++;
      if (multi) e.sheet = sh.name;
    }
    for (const p of sh.post || []) put(r++, p);
    ws.columns.forEach((c) => (c.width = 18));
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { buf, headerRow, records: events.length, sheets: sheets.map((s) => s.name) };
}

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** pdf: title lines, header, cells per event at x positions; rowsPerPage */
export function renderPdf(
  events,
  { title = [], header, cells, xs, rowsPerPage = 40, landscape = false, footer },
) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: landscape ? 'landscape' : 'portrait',
      margin: 36,
      info: {
        CreationDate: new Date(Date.UTC(2026, 0, 1)),
        ModDate: new Date(Date.UTC(2026, 0, 1)),
        Producer: 'rt8',
        Creator: 'rt8',
      },
    });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () =>
      resolve({ buf: Buffer.concat(chunks), headerRow: null, records: events.length }),
    );
    doc.registerFont('cjk', FONT, 'NotoSansCJKsc-Regular');
    doc.font('cjk');
    let idx = 0;
    let page = 1;
    for (let start = 0; start < events.length; start += rowsPerPage, page++) {
      if (start > 0) doc.addPage();
      let y = 40;
      if (start === 0)
        for (const t of title) {
          doc.fontSize(11).text(t, 36, y, { lineBreak: false });
          y += 18;
        }
      doc.fontSize(8);
      header.forEach((h, i) => doc.text(h, xs[i], y, { lineBreak: false }));
      y += 16;
      for (const e of events.slice(start, start + rowsPerPage)) {
        cells(e).forEach((c, i) => doc.text(String(c ?? ''), xs[i], y, { lineBreak: false }));
        e.row = ++idx;
        e.page = page;
        y += 14;
      }
      if (footer) doc.text(footer(page), 36, y + 10, { lineBreak: false });
    }
    doc.end();
  });
}

export function write(dir, name, buf) {
  fs.writeFileSync(path.join(dir, name), buf);
}
