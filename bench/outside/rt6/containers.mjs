// Writers for the containers a merchant actually gets: each returns the file bytes and where every row landed.
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as XLSXm from '@e965/xlsx';
import PDFDocument from 'pdfkit';
import { unzipSync, zipSync } from 'fflate';

const XLSX = XLSXm.default || XLSXm;

function csvCell(v, delim, quoteAll) {
  const s = v === null || v === undefined ? '' : String(v);
  if (quoteAll || s.includes(delim) || s.includes('"')) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** rows: array of arrays. Returns Buffer; row i (0-based) is line i+1. */
export function writeDelimited(
  rows,
  { delim = ',', enc = 'utf-8', bom = false, eol = '\r\n', quoteAll = false } = {},
) {
  const text =
    rows.map((r) => r.map((c) => csvCell(c, delim, quoteAll)).join(delim)).join(eol) + eol;
  if (enc === 'utf-16le')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (enc === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i < le.length; i += 2) {
      const t = le[i];
      le[i] = le[i + 1];
      le[i + 1] = t;
    }
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  }
  if (enc === 'gbk' || enc === 'gb18030') return iconv.encode(text, enc);
  return Buffer.concat([
    bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]);
}

/** sheets: [{name, rows, startRow (1-based), startCol (1-based), widths}] */
export async function writeXlsx(sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'WPS 表格';
  // fixed stamps keep the corpus byte-for-byte reproducible
  wb.created = new Date(Date.UTC(2025, 11, 1, 1, 2, 3));
  wb.modified = wb.created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      r.forEach((c, j) => {
        if (c === null || c === undefined || c === '') return;
        const cell = ws.getCell((s.startRow || 1) + i, (s.startCol || 1) + j);
        cell.value = c;
        if (c instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
      });
    });
  }
  // re-zip with a fixed entry time: the zip writer stamps entries with the clock
  const entries = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const fixed = {};
  for (const [name, data] of Object.entries(entries))
    fixed[name] = [data, { mtime: new Date(Date.UTC(2025, 11, 1, 1, 2, 4)) }];
  return Buffer.from(zipSync(fixed, { level: 6 }));
}

export function writeBiff8(sheets) {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows, {
      origin: { r: (s.startRow || 1) - 1, c: (s.startCol || 1) - 1 },
      cellDates: true,
    });
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
}

const esc = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
/** One table, every row a <tr>; preamble rows use one colspan cell. Row i is <tr> i+1. */
export function writeHtmlXls(rows, { enc = 'utf-8', title = '', headerIndex = 0, ncols = 8 }) {
  const charset = enc === 'gbk' ? 'gbk' : 'utf-8';
  let h = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${esc(title)}</title></head>\n<body>\n<table border="1" cellspacing="0">\n`;
  rows.forEach((r, i) => {
    if (r.length === 1) h += `<tr><td colspan="${ncols}">${esc(r[0])}</td></tr>\n`;
    else {
      const tag = i === headerIndex ? 'th' : 'td';
      h += `<tr>${r.map((c) => `<${tag} style="mso-number-format:'\\@'">${esc(c)}</${tag}>`).join('')}</tr>\n`;
    }
  });
  h += '</table>\n</body></html>\n';
  return enc === 'gbk' ? iconv.encode(h, 'gbk') : Buffer.from(h, 'utf8');
}

/** PDF with a text layer: a title block, then a table repeated with its header on every page. */
export function writePdf({ title, info, header, records, widths, perPage = 38, footer }) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 30,
      info: {
        Title: title,
        Producer: 'iText 5.5.13',
        CreationDate: new Date(Date.UTC(2025, 11, 1, 1, 2, 3)),
      },
    });
    const bufs = [];
    doc.on('data', (b) => bufs.push(b));
    doc.on('end', () => resolve(Buffer.concat(bufs)));
    doc.font('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular');
    let page = 1;
    const drawRow = (cells, y, size = 8) => {
      let x = 30;
      doc.fontSize(size);
      cells.forEach((c, j) => {
        const w = widths[j];
        const right = /^[-+]?[\d,]+\.\d\d$/.test(String(c));
        doc.text(String(c ?? ''), x + 2, y, {
          width: w - 4,
          align: right ? 'right' : 'left',
          lineBreak: false,
        });
        x += w;
      });
    };
    const startPage = () => {
      let y = 30;
      if (page === 1) {
        doc.fontSize(14).text(title, 30, y, { lineBreak: false });
        y += 24;
        for (const l of info) {
          doc.fontSize(9).text(l, 30, y, { lineBreak: false });
          y += 14;
        }
        y += 4;
      }
      drawRow(header, y, 8);
      return y + 16;
    };
    let y = startPage();
    let onPage = 0;
    records.forEach((r) => {
      if (onPage >= perPage) {
        doc.fontSize(8).text(`第 ${page} 页`, 380, 570, { lineBreak: false });
        doc.addPage();
        page++;
        y = startPage();
        onPage = 0;
      }
      drawRow(r, y);
      y += 13;
      onPage++;
    });
    if (footer) {
      y += 6;
      for (const l of footer) {
        doc.fontSize(9).text(l, 30, y, { lineBreak: false });
        y += 14;
      }
    }
    doc.fontSize(8).text(`第 ${page} 页`, 380, 570, { lineBreak: false });
    doc.end();
  });
}
