// Containers: CSV/TXT (any encoding), XLSX and text-layer PDF; each sets e.row (and e.page) as spec §3 counts rows.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

const q = (s, sep) => {
  s = String(s ?? '');
  return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeCsv(
  path,
  ev,
  {
    cols,
    preamble = [],
    summary = () => [],
    sep = ',',
    encoding = 'utf-8',
    bom = false,
    eol = '\r\n',
    quoteAll = false,
  },
) {
  const lines = [
    ...preamble.map((l) => (Array.isArray(l) ? l.map((x) => q(x, sep)).join(sep) : l)),
  ];
  lines.push(cols.map((c) => q(c.h, sep)).join(sep));
  for (const e of ev) {
    e.row = lines.length + 1;
    lines.push(
      cols
        .map((c) =>
          quoteAll ? `"${String(c.get(e) ?? '').replace(/"/g, '""')}"` : q(c.get(e), sep),
        )
        .join(sep),
    );
  }
  for (const l of summary(ev)) lines.push(Array.isArray(l) ? l.map((x) => q(x, sep)).join(sep) : l);
  const text = lines.join(eol) + eol;
  let buf;
  if (encoding === 'utf-8') buf = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
  else if (encoding === 'utf-16le')
    buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else buf = iconv.encode(text, encoding);
  fs.writeFileSync(path, buf);
}

export async function writeXlsx(
  path,
  ev,
  { sheet = 'Sheet1', cols, preamble = [], summary = () => [], extraSheets = [], startCol = 1 },
) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'export';
  wb.created = new Date('2025-01-01T00:00:00Z');
  wb.modified = wb.created;
  for (const s of extraSheets.filter((x) => x.before)) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r) => ws.addRow(r));
  }
  const ws = wb.addWorksheet(sheet);
  const pad = Array(startCol - 1).fill(null);
  for (const p of preamble) ws.addRow([...pad, ...p]);
  ws.addRow([...pad, ...cols.map((c) => c.h)]);
  for (const e of ev) {
    const row = ws.addRow([...pad, ...cols.map((c) => c.get(e))]);
    e.row = row.number;
    cols.forEach((c, i) => {
      if (c.numFmt) row.getCell(startCol + i).numFmt = c.numFmt;
    });
  }
  for (const s of summary(ev)) ws.addRow([...pad, ...s]);
  for (const s of extraSheets.filter((x) => !x.before)) {
    const w2 = wb.addWorksheet(s.name);
    s.rows.forEach((r) => w2.addRow(r));
  }
  await wb.xlsx.writeFile(path);
}

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * A table PDF. cols: [{h, w, align, get, wrap}] (wrap: max chars per line; longer text goes on a second line of the
 * same record). perPage records; summaryPage: lines drawn on a first page with no records; pageTotal(evsOnPage) -> text.
 */
export function writePdf(
  path,
  ev,
  {
    title,
    head = [],
    cols,
    perPage = 30,
    landscape = false,
    summaryPage = null,
    pageTotal = null,
    foot = null,
    fontSize = 7.5,
    gap = 4,
    end = null,
  },
) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: landscape ? 'landscape' : 'portrait',
      margin: 30,
      info: { CreationDate: new Date('2025-01-01T00:00:00Z') },
    });
    const out = fs.createWriteStream(path);
    doc.pipe(out);
    doc.font(FONT, 'NotoSansCJKsc-Regular');
    const W = doc.page.width;
    let first = true;
    if (summaryPage) {
      doc.fontSize(14).text(title, 30, 40, { width: W - 60, align: 'center' });
      let y = 80;
      doc.fontSize(10);
      for (const l of summaryPage(ev)) {
        doc.text(l, 50, y);
        y += 18;
      }
      first = false;
    }
    const pages = [];
    for (let i = 0; i < ev.length; i += perPage) pages.push(ev.slice(i, i + perPage));
    let idx = 0;
    pages.forEach((pg, pi) => {
      if (!first) doc.addPage();
      first = false;
      let y = 30;
      if (pi === 0 || summaryPage) {
        doc.fontSize(12).text(title, 30, y, { width: W - 60, align: 'center' });
        y += 20;
        doc.fontSize(8);
        for (const h of head) {
          doc.text(h, 30, y);
          y += 12;
        }
      }
      doc.fontSize(fontSize);
      const lh = fontSize + 4;
      let x = 30;
      for (const c of cols) {
        doc.text(c.h, x, y, { width: c.w - gap, align: c.align || 'left', lineBreak: false });
        x += c.w;
      }
      y += lh + 2;
      for (const e of pg) {
        e.row = ++idx;
        e.page = pi + 1 + (summaryPage ? 1 : 0);
        x = 30;
        let extra = 0;
        for (const c of cols) {
          let s = String(c.get(e) ?? '');
          if (c.split && s.includes(c.split)) {
            const [a, b] = s.split(c.split);
            doc.text(a, x, y, { width: c.w - gap, align: c.align || 'left', lineBreak: false });
            doc.text(b, x, y + lh, {
              width: c.w - gap,
              align: c.align || 'left',
              lineBreak: false,
            });
            extra = lh;
          } else if (c.wrap && s.length > c.wrap) {
            doc.text(s.slice(0, c.wrap), x, y, {
              width: c.w - gap,
              align: c.align || 'left',
              lineBreak: false,
            });
            doc.text(s.slice(c.wrap), x, y + lh, {
              width: c.w - gap,
              align: c.align || 'left',
              lineBreak: false,
            });
            extra = lh;
          } else
            doc.text(s, x, y, { width: c.w - gap, align: c.align || 'left', lineBreak: false });
          x += c.w;
        }
        y += lh + extra;
      }
      if (pageTotal) {
        y += 4;
        doc.text(pageTotal(pg), 30, y, { lineBreak: false });
      }
      if (foot)
        doc.text(
          foot(pi + 1 + (summaryPage ? 1 : 0), pages.length + (summaryPage ? 1 : 0)),
          30,
          doc.page.height - 45,
          { width: W - 60, align: 'center', lineBreak: false },
        );
    });
    if (end) doc.text(end(ev), 30, doc.y + 20, { lineBreak: false });
    doc.end();
    out.on('finish', resolve);
  });
}
