import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import * as XLSX from '@e965/xlsx';
import { findCjkFont } from '../../../documents/fonts.js';

/**
 * The containers a statement arrives in: delimited text in any encoding, workbooks (xlsx and
 * legacy BIFF8 .xls, written by SheetJS), HTML and XML-spreadsheet tables saved as .xls, PDF with a
 * text layer. A grid is rows of cells; each container says where each grid row ends up.
 */
export type Cell = string | number | { serial: number; format: string } | null;

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030':
    case 'gbk':
      return iconv.encode(text, encoding);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const be = Buffer.from(text, 'utf16le').swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    }
  }
}

/** A cell as text, the way an export program prints it. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  return serialToText(cell.serial);
}

/** Excel serial (days since 1899-12-30) of a Beijing calendar date and clock time. */
export function excelSerial(date: string, time = '00:00:00'): number {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const [h, m, s] = time.split(':').map(Number) as [number, number, number];
  return days + (h * 3600 + m * 60 + s) / 86_400;
}

function serialToText(serial: number): string {
  const ms = Math.round(serial * 86_400_000) + Date.UTC(1899, 11, 30);
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export interface DelimitedOptions {
  delimiter: string;
  eol: '\n' | '\r\n';
  quoteAll?: boolean;
}

export function toDelimited(rows: readonly Cell[][], options: DelimitedOptions): string {
  const quote = (s: string) =>
    options.quoteAll ||
    s.includes(options.delimiter) ||
    s.includes('"') ||
    s.includes('\n') ||
    s.includes('\r')
      ? `"${s.replace(/"/g, '""')}"`
      : s;
  return (
    rows.map((r) => r.map((c) => quote(cellText(c))).join(options.delimiter)).join(options.eol) +
    options.eol
  );
}

export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Merged ranges, 1-based inclusive: [top, left, bottom, right]. Only `toXlsx` writes them. */
  merges?: [number, number, number, number][];
  /** A sheet the workbook hides (a lookup table the export keeps); only `toXlsx` writes it. */
  hidden?: boolean;
}

/**
 * An .xlsx as Excel writes it (exceljs: the workbook part before the sheets). SheetJS puts
 * xl/workbook.xml after the sheets, which the streaming reader does not always survive (see the
 * report of this change); real exports from Excel, WPS and LibreOffice come in Excel's order.
 */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, sheet.hidden ? { state: 'hidden' } : {});
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null || cell === '') return;
        const target = ws.getCell(r + 1, c + 1);
        if (typeof cell === 'object') {
          target.value = cell.serial;
          target.numFmt = cell.format;
        } else target.value = cell;
      });
    });
    for (const [top, left, bottom, right] of sheet.merges ?? [])
      ws.mergeCells(top, left, bottom, right);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook through SheetJS: `xlsx` or legacy `biff8` (.xls). Dates as real date cells. */
export function toWorkbook(sheets: readonly Sheet[], bookType: 'xlsx' | 'biff8'): Buffer {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet([]);
    let maxC = 0;
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null || cell === '') return;
        const address = XLSX.utils.encode_cell({ r, c });
        if (typeof cell === 'string') ws[address] = { t: 's', v: cell };
        else if (typeof cell === 'number') ws[address] = { t: 'n', v: cell };
        else ws[address] = { t: 'n', v: cell.serial, z: cell.format };
        maxC = Math.max(maxC, c);
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, sheet.rows.length - 1), c: maxC },
    });
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  return XLSX.write(book, { type: 'buffer', bookType }) as Buffer;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An HTML table as many portals save it with an .xls name. Every grid row is one <tr>; `before`
 * is markup outside the table (a title), which has no <tr> of its own.
 */
export function toHtmlTable(rows: readonly Cell[][], charset: string, before = ''): string {
  const trs = rows
    .map(
      (r, i) =>
        `<tr>${r.map((c) => (i === 0 ? `<td>${escapeXml(cellText(c))}</td>` : `<td style="mso-number-format:'\\@'">${escapeXml(cellText(c))}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head>
<body>${before}
<table border="1">
${trs}
</table>
</body></html>
`;
}

/**
 * An HTML report as a web back-office prints it: `<th>` cells on header rows, and the header row
 * repeated inside the same table wherever `headerAgain` says (a page break of the on-screen list).
 */
export function toHtmlReport(
  rows: readonly Cell[][],
  charset: string,
  isHeader: (index: number) => boolean,
): string {
  const trs = rows
    .map((r, i) => {
      const tag = isHeader(i) ? 'th' : 'td';
      return `  <tr>${r.map((c) => `<${tag}>${escapeXml(cellText(c))}</${tag}>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="${charset}"><title>商户对账单</title></head>
<body>
<table class="list" cellspacing="0">
${trs}
</table>
</body></html>
`;
}

/**
 * Text printed as a fixed-width table: columns padded to their display width (a Chinese
 * character is two), separated by `|`, with rule lines of dashes above and below the header.
 */
export function toPipeTable(
  rows: readonly Cell[][],
  headerRow: number,
): { text: string; lineOf: number[] } {
  const texts = rows.map((r) => r.map(cellText));
  // display width: a Chinese character takes two columns of a fixed-width print
  const width = (s: string) => {
    let n = 0;
    for (const ch of s) n += (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
    return n;
  };
  const columns = Math.max(...texts.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...texts.map((r) => (r.length > 1 ? width(r[c] ?? '') : 0))),
  );
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const lines: string[] = [];
  const lineOf: number[] = [];
  texts.forEach((r, i) => {
    if (i + 1 === headerRow) lines.push(rule);
    if (r.length <= 1) lines.push(r[0] ?? '');
    else
      lines.push(
        `|${widths.map((w, c) => ` ${(r[c] ?? '') + ' '.repeat(w - width(r[c] ?? ''))} `).join('|')}|`,
      );
    lineOf.push(lines.length);
    if (i + 1 === headerRow) lines.push(rule);
  });
  lines.push(rule);
  return { text: lines.join('\r\n') + '\r\n', lineOf };
}

/** Display width on a fixed-width print: a Chinese (double-byte) character takes two columns. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return n;
}

/**
 * Text printed as a fixed-width table, as an old back-office prints it or a terminal saves it:
 * no delimiter, each column padded with spaces to its display width (numbers to the right), `gap`
 * spaces between columns, a centred title and free preamble lines above, a rule of dashes under the
 * header and above the totals, no trailing spaces. Rows before `headerRow` with several cells are
 * one preamble line.
 */
export function toFixedWidth(
  rows: readonly Cell[][],
  headerRow: number,
  gap: number,
): { text: string; lineOf: number[] } {
  const texts = rows.map((r) => r.map(cellText));
  const table = texts.slice(headerRow - 1);
  const columns = Math.max(...table.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...table.map((r) => displayWidth(r[c] ?? ''))),
  );
  const numeric = Array.from({ length: columns }, (_, c) => {
    const values = table
      .slice(1)
      .map((r) => r[c] ?? '')
      .filter((v) => v !== '');
    return values.length > 0 && values.every((v) => /^-?[\d,]+(?:\.\d{2})?$/.test(v));
  });
  const total = widths.reduce((a, b) => a + b, 0) + gap * (columns - 1);
  const pad = (v: string, c: number) => {
    const fill = ' '.repeat((widths[c] ?? 0) - displayWidth(v));
    return numeric[c] ? fill + v : v + fill;
  };
  const lines: string[] = [];
  const lineOf: number[] = [];
  let ruled = false;
  texts.forEach((r, i) => {
    if (i + 1 < headerRow) {
      const free = r.filter((c) => c !== '').join('    ');
      const left = i === 0 ? Math.max(0, Math.floor((total - displayWidth(free)) / 2)) : 0;
      lines.push(' '.repeat(left) + free);
    } else {
      if (!ruled && i + 1 > headerRow && /^(合计|笔数|总计)/u.test(r[0] ?? '')) {
        lines.push('-'.repeat(total));
        ruled = true;
      }
      lines.push(
        r
          .map((v, c) => pad(v, c))
          .join(' '.repeat(gap))
          .trimEnd(),
      );
    }
    lineOf.push(lines.length);
    if (i + 1 === headerRow) lines.push('-'.repeat(total));
  });
  return { text: lines.join('\r\n') + '\r\n', lineOf };
}

/** Excel 2003 XML Spreadsheet, also saved with an .xls name. */
export function toXmlSpreadsheet(sheets: readonly Sheet[]): string {
  const cell = (c: Cell) => {
    if (c === null || c === '') return '<Cell/>';
    if (typeof c === 'number') return `<Cell><Data ss:Type="Number">${c}</Data></Cell>`;
    if (typeof c === 'string') return `<Cell><Data ss:Type="String">${escapeXml(c)}</Data></Cell>`;
    return `<Cell ss:StyleID="d"><Data ss:Type="DateTime">${serialToText(c.serial).replace(' ', 'T')}.000</Data></Cell>`;
  };
  const body = sheets
    .map(
      (s) =>
        `<Worksheet ss:Name="${escapeXml(s.name)}"><Table>\n${s.rows.map((r) => `<Row>${r.map(cell).join('')}</Row>`).join('\n')}\n</Table></Worksheet>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy-mm-dd hh:mm:ss"/></Style></Styles>
${body}
</Workbook>
`;
}

export interface PdfLine {
  cells: string[];
  kind: 'title' | 'header' | 'record' | 'total';
}

export interface PdfPlaced {
  /** Page of each line, in order (1-based). */
  pages: number[];
  bytes: Buffer;
}

/**
 * A PDF with a text layer: lines of column cells at fixed x positions, `perPage` body lines a
 * page, the header repeated on every page, and a page footer.
 */
export async function toPdf(
  lines: readonly PdfLine[],
  widths: readonly number[],
  perPage: number,
  /**
   * Lines a paper statement prints where a page breaks, given the records placed so far: 过次页
   * at the foot of the page, 承前页 below the next page's header.
   */
  carry?: { out: (records: number) => string[]; in: (records: number) => string[] },
): Promise<PdfPlaced> {
  const font = findCjkFont();
  if (!font) throw new Error('no CJK font (install fonts-noto-cjk) for the PDF layouts');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 30,
    autoFirstPage: false,
  });
  doc.registerFont('cjk', font.regular, font.regularFace ?? '');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // a heading may take two lines (交易 / 金额): every header line is repeated on each page
  const header = lines.filter((l) => l.kind === 'header');
  const pages: number[] = [];
  let page = 0;
  let y = 0;
  let onPage = 0;
  const draw = (cells: readonly string[]) => {
    let x = 30;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { lineBreak: false });
      x += widths[i] ?? 80;
    });
    y += 14;
  };
  const newPage = () => {
    if (page > 0) doc.text(`第 ${page} 页`, 380, 560, { lineBreak: false });
    doc.addPage();
    doc.font('cjk').fontSize(8);
    page += 1;
    y = 40;
    onPage = 0;
  };
  newPage();
  let placed = 0;
  for (const line of lines) {
    if (line.kind === 'record' && onPage >= perPage) {
      if (carry) draw(carry.out(placed));
      newPage();
      for (const h of header) draw(h.cells);
      if (carry) draw(carry.in(placed));
    }
    draw(line.cells);
    if (line.kind === 'record') {
      onPage += 1;
      placed += 1;
    }
    pages.push(page);
  }
  doc.text(`第 ${page} 页`, 380, 560, { lineBreak: false });
  doc.end();
  await done;
  return { pages, bytes: Buffer.concat(chunks) };
}
