// Containers: delimited text (any encoding), HTML-as-.xls, SpreadsheetML 2003, xlsx, BIFF8.
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';

// a "sheet" is a list of rows; a row is {cells: [...], rec?: record}; row numbers are positions + 1
// (or an explicit row index for SpreadsheetML gaps)

function quote(v, delim, quoteAll) {
  if (v && typeof v === 'object' && 'raw' in v) return v.raw;
  const s = v == null ? '' : String(v);
  if (quoteAll || s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r'))
    return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function encodeText(text, encoding) {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom')
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
  if (encoding === 'utf-16be')
    return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
  return iconv.encode(text, encoding);
}

export function delimited(
  rows,
  { delim = ',', eol = '\r\n', quoteAll = false, encoding = 'utf-8', trailingDelims = 0 } = {},
) {
  const width = Math.max(...rows.map((r) => r.cells.length));
  const lines = rows.map((r) => {
    const cells = [...r.cells];
    if (trailingDelims && cells.length < width) while (cells.length < width) cells.push('');
    return cells.map((c) => quote(c, delim, quoteAll)).join(delim);
  });
  return encodeText(lines.join(eol) + eol, encoding);
}

const esc = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

export function htmlXls(rows, { encoding = 'gbk', title = '', charsetWord = 'gb2312' } = {}) {
  const width = Math.max(...rows.map((r) => r.cells.length));
  let h = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=${charsetWord}">\r\n<title>${esc(title)}</title>\r\n<style>td{mso-number-format:"\\@";}</style>\r\n</head>\r\n<body>\r\n<table border="1" cellspacing="0">\r\n`;
  for (const r of rows) {
    if (r.cells.length === 1 && r.span)
      h += `<tr><td colspan="${width}"><b>${esc(r.cells[0])}</b></td></tr>\r\n`;
    else
      h +=
        '<tr>' +
        r.cells.map((c) => (r.head ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('') +
        '</tr>\r\n';
  }
  h += '</table>\r\n</body>\r\n</html>\r\n';
  return encodeText(h, encoding);
}

export function spreadsheetML(
  sheets,
  { encoding = 'utf-8', declared = 'UTF-8', sparse = false } = {},
) {
  let x = `<?xml version="1.0" encoding="${declared}"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">\r\n <Styles><Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="宋体" ss:Size="11"/></Style><Style ss:ID="h"><Font ss:Bold="1"/></Style><Style ss:ID="d"><NumberFormat ss:Format="yyyy-mm-dd hh:mm:ss"/></Style></Styles>\r\n`;
  for (const sh of sheets) {
    x += ` <Worksheet ss:Name="${esc(sh.name)}">\r\n  <Table>\r\n`;
    let cur = 0;
    for (const r of sh.rows) {
      const idx = r.index ?? cur + 1;
      x += idx !== cur + 1 ? `   <Row ss:Index="${idx}">` : '   <Row>';
      cur = idx;
      let skipped = false;
      for (let ci = 0; ci < r.cells.length; ci++) {
        const c = r.cells[ci];
        // Excel omits empty cells and numbers the next one with ss:Index
        if (sparse && (c === '' || c == null)) {
          skipped = true;
          continue;
        }
        const at = sparse && skipped ? ` ss:Index="${ci + 1}"` : '';
        skipped = false;
        if (at) {
          if (typeof c === 'number') x += `<Cell${at}><Data ss:Type="Number">${c}</Data></Cell>`;
          else x += `<Cell${at}><Data ss:Type="String">${esc(c)}</Data></Cell>`;
          continue;
        }
        if (c && typeof c === 'object' && c.dateTime)
          x += `<Cell ss:StyleID="d"><Data ss:Type="DateTime">${c.dateTime}</Data></Cell>`;
        else if (typeof c === 'number') x += `<Cell><Data ss:Type="Number">${c}</Data></Cell>`;
        else if (c === '' || c == null) x += '<Cell/>';
        else
          x += `<Cell${r.head ? ' ss:StyleID="h"' : ''}><Data ss:Type="String">${esc(c)}</Data></Cell>`;
      }
      x += '</Row>\r\n';
    }
    x += '  </Table>\r\n </Worksheet>\r\n';
  }
  x += '</Workbook>\r\n';
  return encodeText(x, encoding);
}

export async function xlsx(sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'WPS 表格';
  // fixed document dates keep the output byte-for-byte reproducible
  wb.created = new Date('2025-06-30T08:00:00Z');
  wb.modified = new Date('2025-06-30T08:00:00Z');
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    let rowNo = 0;
    for (const r of sh.rows) {
      rowNo = r.index ?? rowNo + 1;
      const row = ws.getRow(rowNo);
      r.cells.forEach((c, i) => {
        const cell = row.getCell(i + 1 + (sh.colOffset || 0));
        if (c && typeof c === 'object' && c.date) {
          cell.value = c.date;
          cell.numFmt = c.fmt || 'yyyy-mm-dd hh:mm:ss';
        } else cell.value = c === '' ? null : c;
      });
      row.commit();
    }
  }
  // exceljs stamps zip entries with the current time; re-zip with a fixed one so reruns match byte for byte
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const fixed = Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, [v, { mtime: new Date('2025-06-30T08:00:00Z') }]]),
  );
  return Buffer.from(zipSync(fixed, { level: 6 }));
}

export function biff8(sheets) {
  const wb = XLSX.utils.book_new();
  for (const sh of sheets) {
    const aoa = [];
    let rowNo = 0;
    for (const r of sh.rows) {
      rowNo = r.index ?? rowNo + 1;
      aoa[rowNo - 1] = [
        ...Array(sh.colOffset || 0).fill(null),
        ...r.cells.map((c) => (c === '' ? null : c)),
      ];
    }
    for (let i = 0; i < aoa.length; i++) if (!aoa[i]) aoa[i] = [];
    const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true });
    XLSX.utils.book_append_sheet(wb, ws, sh.name);
  }
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
}
