import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { zipBomb } from './zip-bomb.js';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../../test/fixtures/index.js';
import { findCjkFont } from '../../documents/fonts.js';
import { isFeeGuardError } from '../../errors.js';
import { auditStatements } from '../audit.js';
import type { SourceMessage, SourceRow } from '../model.js';
import { decodeStatement, sniffFormat } from './index.js';
import { DEFAULT_LIMITS, limitsFromEnv, type DecodeLimits } from './limits.js';

/** One small ledger, written in every container a merchant can get. */
const HEADER = ['交易时间', '交易金额', '手续费', '结算金额', '摘要'];
const LEDGER: [string, number, number, number, string][] = [
  ['2024-03-01 09:10:12', 1022, 5.11, 1016.89, '消费'],
  ['2024-03-02 10:00:00', 91.26, 0.55, 90.71, '消费'],
  ['2024-03-05 03:09:32', -99, 0, -99, '流量卡年费'],
  ['2024-03-25 03:09:32', -39, 0, -39, '2024年3月服务费'],
  ['2024-04-02 12:00:00', 1500, 9, 1491, '消费'],
  ['2024-04-25 04:00:00', -39, 0, -39, '服务费'],
  ['2024-04-28 08:00:00', -45.27, 0, -45.27, '调账'],
];
const money = (n: number) => n.toFixed(2);
const textRows = () => LEDGER.map(([d, a, f, n, s]) => [d, money(a), money(f), money(n), s]);

async function* chunksOf(bytes: Uint8Array, size = 4096): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    await Promise.resolve();
    yield bytes.subarray(i, i + size);
  }
}

async function decode(bytes: Uint8Array, name: string, limits: DecodeLimits = DEFAULT_LIMITS) {
  const decoded = await decodeStatement(chunksOf(bytes), name, limits);
  const items: (SourceRow | SourceMessage)[] = [];
  for await (const batch of decoded.batches) items.push(...batch);
  return { decoded, items };
}

const rowsOf = (items: (SourceRow | SourceMessage)[]) => items as SourceRow[];

// --- the containers -----------------------------------------------------------------------

function csv(): Uint8Array {
  return strToU8([HEADER, ...textRows()].map((r) => r.join(',')).join('\r\n') + '\r\n');
}

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (order === 'le') return le;
  return Uint8Array.from(le, (_byte, i) => le[i % 2 === 0 ? i + 1 : i - 1] ?? 0);
}

const tabText = () => [HEADER, ...textRows()].map((r) => r.join('\t')).join('\r\n') + '\r\n';

function html(charset: 'utf-8' | 'gbk'): Uint8Array {
  const cells = (tag: string, row: string[]) => row.map((c) => `<${tag}>${c}</${tag}>`).join('');
  const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset === 'gbk' ? 'gb2312' : 'utf-8'}">
<style>td { mso-number-format: "\\@"; }</style></head><body>
<table border="1">
<tr><td colspan="5" align="center"><b>商户交易明细</b></td></tr>
<tr><td>商户名称：</td><td colspan="4">张三&amp;李四小店&nbsp;</td></tr>
<tr>${cells('th', HEADER)}</tr>
${textRows()
  .map(
    (r) =>
      `<tr>${cells(
        'td',
        r.map((c) => c.replace(/^1(\d{3})\./, '1,$1.')),
      )}</tr>`,
  )
  .join('\n')}
<tr><td>合计</td><td colspan="4">7 笔</td></tr>
</table></body></html>`;
  return charset === 'gbk' ? iconv.encode(page, 'gbk') : strToU8(page);
}

function spreadsheetMl(): Uint8Array {
  const data = (type: string, value: string) =>
    `<Cell><Data ss:Type="${type}">${value}</Data></Cell>`;
  const rows = LEDGER.map(
    ([d, a, f, n, s]) =>
      `<Row>${data('DateTime', `${d.replace(' ', 'T')}.000`)}${data('Number', String(a))}${data('Number', String(f))}${data('Number', String(n))}${data('String', s)}</Row>`,
  ).join('');
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="说明"><Table><Row><Cell><Data ss:Type="String">本表由系统导出</Data></Cell></Row></Table></Worksheet>
<Worksheet ss:Name="交易明细"><Table>
<Row><Cell ss:MergeAcross="4"><Data ss:Type="String">交易明细</Data></Cell></Row>
<Row ss:Index="3">${HEADER.map((h) => data('String', h)).join('')}</Row>
${rows}
</Table></Worksheet></Workbook>`);
}

const EPOCH_MS = Date.UTC(1899, 11, 30);
function serial(text: string): number {
  const [date = '', time = '00:00:00'] = text.split(' ');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss] = time.split(':').map(Number);
  return (Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh, mm, ss) - EPOCH_MS) / 86_400_000;
}

/** Excel's formats SheetJS writes: legacy BIFF8 (.xls) and the binary workbook (.xlsb). */
function xls(bookType: 'biff8' | 'xlsb' = 'biff8'): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([['商户对账单'], ['商户名称', '某某便利店']]),
    '封面',
  );
  const sheet = XLSX.utils.aoa_to_sheet([['交易明细'], [], HEADER]);
  LEDGER.forEach(([d, a, f, n, s], i) => {
    const r = i + 3;
    sheet[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 'n', v: serial(d), z: 'yyyy-mm-dd hh:mm:ss' };
    // amounts as a formula leaves them: binary fractions (0.55 + 0.1 − 0.1)
    sheet[XLSX.utils.encode_cell({ r, c: 1 })] = { t: 'n', v: a + 0.1 - 0.1 };
    sheet[XLSX.utils.encode_cell({ r, c: 2 })] = { t: 'n', v: f };
    sheet[XLSX.utils.encode_cell({ r, c: 3 })] = { t: 'n', v: n };
    sheet[XLSX.utils.encode_cell({ r, c: 4 })] = { t: 's', v: s };
  });
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: LEDGER.length + 2, c: 4 } });
  XLSX.utils.book_append_sheet(workbook, sheet, '明细');
  return XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer;
}

/** An OpenDocument spreadsheet as LibreOffice and WPS save it: typed cells, dates as ISO text. */
function ods(): Uint8Array {
  const ns = (prefix: string, name: string) =>
    `xmlns:${prefix}="urn:oasis:names:tc:opendocument:xmlns:${name}:1.0"`;
  const text = (value: string) =>
    `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`;
  const date = (value: string) =>
    `<table:table-cell office:value-type="date" office:date-value="${value.replace(' ', 'T')}"><text:p>${value}</text:p></table:table-cell>`;
  const number = (value: number) =>
    `<table:table-cell office:value-type="float" office:value="${value}"><text:p>${money(value)}</text:p></table:table-cell>`;
  const row = (cells: string) => `<table:table-row>${cells}</table:table-row>`;
  const rows = LEDGER.map(([d, a, f, n, s]) =>
    row(date(d) + number(a) + number(f) + number(n) + text(s)),
  );
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${ns('office', 'office')} ${ns('table', 'table')} ${ns('text', 'text')} office:version="1.3"><office:body><office:spreadsheet>
<table:table table:name="明细">${row(text('交易明细'))}${row(HEADER.map(text).join(''))}${rows.join('')}</table:table>
</office:spreadsheet></office:body></office:document-content>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns('office', 'office')} office:version="1.3"/>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'styles.xml': strToU8(styles),
    'META-INF/manifest.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>`,
    ),
  });
}

async function xlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('明细');
  sheet.addRow(HEADER);
  for (const [d, a, f, n, s] of LEDGER) sheet.addRow([d, a, f, n, s]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const font = findCjkFont();

/**
 * A statement PDF as bank apps print it: a title, the header on every page, rows, a footer with
 * the page number; `order` puts the columns in another order.
 */
function pdf(
  options: { order?: number[]; perPage?: number; text?: boolean } = {},
): Promise<Buffer> {
  const order = options.order ?? [0, 1, 2, 3, 4];
  const perPage = options.perPage ?? 3;
  const doc = new PDFDocument({ size: 'A4', margin: 40, autoFirstPage: false });
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => {
    parts.push(part);
  });
  const done = new Promise<Buffer>((resolve) => {
    doc.on('end', () => {
      resolve(Buffer.concat(parts));
    });
  });
  if (font) doc.registerFont('cjk', font.regular, font.regularFace ?? '');
  const widths = [150, 80, 60, 80, 120];
  const xs = order.reduce<number[]>((acc, column, i) => {
    acc.push(i === 0 ? 40 : (acc[i - 1] ?? 0) + (widths[order[i - 1] ?? 0] ?? 0));
    return acc;
  }, []);
  const line = (cells: string[], y: number) => {
    order.forEach((column, i) => {
      doc.text(cells[column] ?? '', xs[i] ?? 0, y, { lineBreak: false });
    });
  };
  const rows = textRows();
  const pages = Math.ceil(rows.length / perPage);
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    if (options.text === false) {
      doc.rect(40, 40, 500, 700).fill('#dddddd');
      continue;
    }
    doc.font('cjk').fontSize(10);
    doc.fontSize(14).text('某某支付 商户对账单', 40, 40, { lineBreak: false }).fontSize(10);
    if (page === 0) doc.text('商户名称：某某便利店   查询区间：2024-03-01 至 2024-04-30', 40, 64);
    line(HEADER, 90);
    rows.slice(page * perPage, (page + 1) * perPage).forEach((r, i) => {
      line(r, 110 + i * 18);
    });
    doc.text(`第 ${page + 1} 页 共 ${pages} 页`, 260, 780, { lineBreak: false });
    // a slanted watermark across the first row
    doc
      .save()
      .rotate(-20, { origin: [200, 110] })
      .fillColor('#cccccc');
    doc.text('仅供参考', 200, 110, { lineBreak: false }).restore();
    doc.fillColor('black').fontSize(10);
  }
  doc.end();
  return done;
}

// --- decoding ------------------------------------------------------------------------------

describe('sniffing the container from its bytes', () => {
  it.each([
    ['utf-16 LE with BOM', () => utf16(tabText(), 'le'), 'csv'],
    ['utf-16 BE with BOM', () => utf16(tabText(), 'be'), 'csv'],
    ['utf-16 LE without BOM', () => utf16(tabText(), 'le', false), 'csv'],
    ['utf-16 SMS', () => utf16('【某付】扣除流量费99.00元\n【某付】收款12.00元\n', 'le'), 'sms'],
    ['HTML saved as .xls', () => html('utf-8'), 'html'],
    ['GBK HTML saved as .xls', () => html('gbk'), 'html'],
    ['XML Spreadsheet 2003', spreadsheetMl, 'spreadsheetml'],
    ['BIFF8', xls, 'xls'],
    ['PDF', () => strToU8('%PDF-1.7\n'), 'pdf'],
    ['PDF after some junk', () => strToU8('\r\n%PDF-1.4\n'), 'pdf'],
    [
      'CSV that mentions %PDF-',
      () => strToU8('交易时间,金额,摘要\n2024-01-01,1.00,见附件%PDF-1.4\n'),
      'csv',
    ],
    [
      'HTML with a BOM and a comment first',
      () => strToU8('\uFEFF<!-- x -->\n<table><tr><td>a</td></tr></table>'),
      'html',
    ],
  ])('%s, whatever its name', (_label, bytes, format) => {
    expect(sniffFormat(bytes(), 'statement.xls')).toBe(format);
    expect(sniffFormat(bytes(), 'statement.csv')).toBe(format);
  });
});

describe('UTF-16 text', () => {
  it.each([
    ['LE', 'le' as const, true, 'utf-16le'],
    ['BE', 'be' as const, true, 'utf-16be'],
    ['LE without BOM', 'le' as const, false, 'utf-16le'],
    ['BE without BOM', 'be' as const, false, 'utf-16be'],
  ])('%s, tab-separated (Excel’s Unicode text)', async (_label, order, bom, encoding) => {
    const { decoded, items } = await decode(utf16(tabText(), order, bom), 'u.txt');
    expect(decoded.meta).toMatchObject({ format: 'csv', encoding, delimiter: '\t' });
    expect(rowsOf(items)[0]?.cells).toEqual(HEADER);
    expect(rowsOf(items)[3]).toEqual({ row: 4, cells: textRows()[2] });
  });

  it('SMS notices exported from a phone', async () => {
    const { decoded, items } = await decode(
      utf16('【某付】扣除流量费99.00元\n【某付】收款12.00元\n', 'le'),
      'sms.txt',
    );
    expect(decoded.kind).toBe('sms');
    expect(items).toEqual([
      { row: 1, text: '【某付】扣除流量费99.00元' },
      { row: 2, text: '【某付】收款12.00元' },
    ]);
  });
});

describe('HTML table saved as .xls', () => {
  it.each(['utf-8', 'gbk'] as const)(
    '%s: rows are <tr> numbers, spans and entities handled',
    async (charset) => {
      const { decoded, items } = await decode(html(charset), 'export.xls');
      expect(decoded.meta).toMatchObject({
        format: 'html',
        encoding: charset === 'gbk' ? 'gb18030' : 'utf-8',
      });
      const rows = rowsOf(items);
      expect(rows[0]).toEqual({ row: 1, cells: ['商户交易明细', null, null, null, null] });
      expect(rows[1]).toEqual({ row: 2, cells: ['商户名称：', '张三&李四小店', null, null, null] });
      expect(rows[2]).toEqual({ row: 3, cells: HEADER });
      // thousands separators are left for the money parser
      expect(rows[3]).toEqual({
        row: 4,
        cells: ['2024-03-01 09:10:12', '1,022.00', '5.11', '1,016.89', '消费'],
      });
      expect(rows).toHaveLength(LEDGER.length + 4);
    },
  );

  it('carries a rowspan cell down and keeps columns after a colspan', async () => {
    const page = strToU8(
      '<table><tr><td rowspan="2">2024-03-01</td><td>a</td><td>b</td></tr>' +
        '<tr><td>c</td><td>d</td></tr><tr><td colspan="2">e</td><td>f</td></tr></table>',
    );
    const { items } = await decode(page, 'x.xls');
    expect(rowsOf(items).map((r) => r.cells)).toEqual([
      ['2024-03-01', 'a', 'b'],
      ['2024-03-01', 'c', 'd'],
      ['e', null, 'f'],
    ]);
  });

  it('reads every table, numbering <tr> across the file', async () => {
    const page = strToU8(
      '<html><body><table><tr><td>查询时间</td></tr></table><p>x</p><table><tr><td>a</td><td>b</td></tr></table></body></html>',
    );
    const { items } = await decode(page, 'x.xls');
    expect(rowsOf(items)).toEqual([
      { row: 1, cells: ['查询时间'] },
      { row: 2, cells: ['a', 'b'] },
    ]);
  });
});

describe('XML Spreadsheet 2003', () => {
  it('every sheet, own row numbers, numbers and dates as text', async () => {
    const { decoded, items } = await decode(spreadsheetMl(), 'export.xls');
    expect(decoded.meta).toMatchObject({ format: 'spreadsheetml', sheets: ['说明', '交易明细'] });
    const rows = rowsOf(items);
    expect(rows[0]).toEqual({ row: 1, sheet: '说明', cells: ['本表由系统导出'] });
    expect(rows[1]).toEqual({ row: 1, sheet: '交易明细', cells: ['交易明细'] });
    expect(rows[2]).toEqual({ row: 3, sheet: '交易明细', cells: HEADER });
    expect(rows[3]).toEqual({
      row: 4,
      sheet: '交易明细',
      cells: ['2024-03-01 09:10:12', '1022', '5.11', '1016.89', '消费'],
    });
  });
});

describe('legacy .xls (BIFF8)', () => {
  it('two sheets, date cells as dates, numbers without float artifacts', async () => {
    const { decoded, items } = await decode(xls(), 'old.xls');
    expect(decoded.meta).toMatchObject({ format: 'xls', sheets: ['封面', '明细'] });
    const rows = rowsOf(items);
    expect(rows[0]).toEqual({ row: 1, sheet: '封面', cells: ['商户对账单'] });
    const detail = rows.filter((r) => r.sheet === '明细');
    expect(detail[0]).toEqual({ row: 1, sheet: '明细', cells: ['交易明细'] });
    expect(detail[1]).toEqual({ row: 3, sheet: '明细', cells: HEADER });
    expect(detail[2]?.row).toBe(4);
    expect(detail[2]?.cells[0]).toEqual(new Date(Date.UTC(2024, 2, 1, 9, 10, 12)));
    expect(detail[2]?.cells.slice(1)).toEqual(['1022', '5.11', '1016.89', '消费']);
    expect(detail[3]?.cells[1]).toBe('91.26');
  });

  it('BIFF5 (Excel 5/95) too', async () => {
    const workbook = XLSX.utils.book_new();
    const rows = [
      ['date', 'amount'],
      ['2024-03-01', 12.5],
    ];
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'S');
    const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'biff5' }) as Buffer;
    const { decoded, items } = await decode(bytes, 'old.xls');
    expect(decoded.meta.format).toBe('xls');
    expect(rowsOf(items).map((r) => r.cells)).toEqual([
      ['date', 'amount'],
      ['2024-03-01', '12.5'],
    ]);
  });

  it('a damaged compound file is a clear error', async () => {
    const bytes = xls().subarray(0, 700);
    await expect(decode(bytes, 'old.xls')).rejects.toThrow(/\.xls/);
  });
});

describe('zips that are not XLSX', () => {
  it('an Excel binary workbook (.xlsb) and an OpenDocument spreadsheet (.ods) are read', async () => {
    for (const [bytes, format] of [
      [xls('xlsb'), 'xlsb'],
      [ods(), 'ods'],
    ] as const) {
      const { decoded, items } = await decode(bytes, `book.${format}`);
      expect(decoded.meta.format).toBe(format);
      const detail = rowsOf(items).filter((r) => r.cells.length === HEADER.length);
      expect(detail[0]?.cells).toEqual(HEADER);
      expect(detail[1]?.cells[0]).toEqual(new Date(Date.UTC(2024, 2, 1, 9, 10, 12)));
      expect(detail[1]?.cells.slice(1, 4)).toEqual(['1022', '5.11', '1016.89']);
    }
  });

  it('a plain zip of files says it is an archive and what it holds', async () => {
    const archive = zipSync({ '2024年3月.csv': csv(), '2024年4月.csv': csv() });
    await expect(decode(archive, 'download.zip')).rejects.toThrow(
      /download\.zip 是压缩包，不是对账单本身（里面有 2024年3月\.csv、2024年4月\.csv）/u,
    );
  });
});

describe.skipIf(font === null)('PDF with a text layer', () => {
  it('three pages: header, title and footer are not rows; rows carry their page', async () => {
    const { decoded, items } = await decode(await pdf(), 'statement.pdf');
    expect(decoded.meta.format).toBe('pdf');
    const rows = rowsOf(items);
    const texts = rows.map((r) => r.cells.filter((c) => c !== null).join('|'));
    expect(texts.filter((t) => t.includes('交易时间'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('页'))).toHaveLength(0);
    expect(texts.filter((t) => t.includes('商户对账单'))).toHaveLength(1);
    const records = rows.filter((r) => /^\d{4}-/.test(String(r.cells[0])));
    expect(records.map((r) => r.cells)).toEqual(textRows());
    expect(records.map((r) => r.page)).toEqual([1, 1, 1, 2, 2, 2, 3]);
  });

  it('columns in another order follow their header', async () => {
    const order = [4, 0, 3, 2, 1];
    const { items } = await decode(await pdf({ order }), 'statement.pdf');
    const header = rowsOf(items).find((r) => r.cells.includes('交易时间'));
    expect(header?.cells).toEqual(order.map((i) => HEADER[i]));
    const first = rowsOf(items).find((r) => r.cells.includes('2024-03-01 09:10:12'));
    expect(first?.cells).toEqual(order.map((i) => textRows()[0]?.[i]));
  });

  it('a scanned PDF (no text) is refused with what to do instead', async () => {
    const error: unknown = await decode(await pdf({ text: false }), 'scan.pdf').catch(
      (e: unknown) => e,
    );
    expect(isFeeGuardError(error) && error.code).toBe('FG_ERR_SCANNED_PDF');
    expect((error as Error).message).toMatch(/扫描件.*CSV 或 Excel/);
  });
});

describe('fuzz: damaged containers are read or refused clearly, never crash', () => {
  const survives = async (bytes: Uint8Array, name: string) => {
    try {
      await decode(bytes, name);
    } catch (error) {
      if (!isFeeGuardError(error)) throw error;
    }
  };

  it('truncated and corrupted .xls, HTML, XML spreadsheets and PDF', async () => {
    const files = [xls(), html('gbk'), spreadsheetMl(), ...(font ? [await pdf()] : [])];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: files.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        async (which, cut, flips) => {
          const whole = files[which] ?? new Uint8Array();
          const bytes = Uint8Array.from(
            whole.subarray(0, Math.max(8, Math.floor(whole.length * cut))),
          );
          for (const f of flips) {
            const at = Math.floor(f * (bytes.length - 1));
            bytes[at] = (bytes[at] ?? 0) ^ 0xff;
          }
          await survives(bytes, 'damaged.xls');
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

// --- limits ----------------------------------------------------------------------------------

describe('bounded decoding', () => {
  const limits = (over: Partial<DecodeLimits>): DecodeLimits => ({ ...DEFAULT_LIMITS, ...over });
  const tooLarge = async (promise: Promise<unknown>, what: RegExp) => {
    const error: unknown = await promise.catch((e: unknown) => e);
    expect(isFeeGuardError(error) && error.code).toBe('FG_ERR_TOO_LARGE');
    expect((error as Error).message).toMatch(what);
    expect((error as Error).message).toMatch(/拆/);
  };

  it.each([
    ['rows', () => csv(), { maxRows: 3 }, /行数上限 3/],
    ['columns', () => csv(), { maxColumns: 4 }, /列数上限 4/],
    ['cell length', () => html('utf-8'), { maxCellChars: 5 }, /单元格的字数上限 5/],
    ['sheets', () => spreadsheetMl(), { maxSheets: 1 }, /工作表数上限 1/],
    ['file size', () => xls(), { maxFileBytes: 1024 }, /文件大小上限/],
  ])('%s', async (_label, bytes, over, what) => {
    await tooLarge(decode(bytes(), 'f.xls', limits(over)), what);
  });

  it.skipIf(font === null)('pages', async () => {
    await tooLarge(decode(await pdf(), 'f.pdf', limits({ maxPages: 2 })), /页数上限 2/);
  });

  it('reads overrides from the environment, and refuses bad ones', () => {
    expect(limitsFromEnv({ FEEGUARD_MAX_ROWS: '10', FEEGUARD_MAX_INFLATED_MB: '2' })).toMatchObject(
      {
        maxRows: 10,
        maxInflatedBytes: 2 * 1024 * 1024,
        maxColumns: DEFAULT_LIMITS.maxColumns,
      },
    );
    expect(() => limitsFromEnv({ FEEGUARD_MAX_ROWS: '-1' })).toThrow(/FEEGUARD_MAX_ROWS/);
  });

  const tmpFiles = () =>
    readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));

  it.each([
    ['as Excel writes it (worksheet before shared strings)', 'excel'],
    ['with inline strings only (no shared-string table)', 'inline'],
  ])('an XLSX %s is read without a temporary file', async (_label, kind) => {
    let bytes: Uint8Array;
    if (kind === 'excel') {
      bytes = readFileSync(path.join(SAMPLES_DIR, '07-workbook.xlsx'));
    } else {
      const workbook = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        workbook,
        XLSX.utils.aoa_to_sheet([HEADER, ...textRows()]),
        '明细',
      );
      bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', bookSST: false }) as Buffer;
    }
    const before = tmpFiles();
    const decoded = await decodeStatement(chunksOf(bytes), 'x.xlsx', DEFAULT_LIMITS);
    const items: (SourceRow | SourceMessage)[] = [];
    for await (const batch of decoded.batches) {
      // exceljs would park a worksheet met before the shared strings in a temporary file
      expect(tmpFiles()).toEqual(before);
      items.push(...batch);
    }
    expect(items.length).toBeGreaterThan(7);
    if (kind === 'inline') expect(rowsOf(items)[1]?.cells).toEqual(textRows()[0]);
    expect(tmpFiles()).toEqual(before);
  });

  it.each([
    ['declaring its size', null],
    ['lying about its size', 4096],
  ])('a zip bomb %s stops at the cap, fast, leaving no temporary file', async (_l, declared) => {
    const bomb = zipBomb(declared);
    expect(bomb.byteLength).toBeLessThan(8 * 1024 * 1024);
    const before = tmpFiles();
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const error: unknown = await decode(
      bomb,
      'bomb.xlsx',
      limits({ maxInflatedBytes: 64 << 20 }),
    ).catch((e: unknown) => e);
    expect(isFeeGuardError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 * 1024);
    expect(tmpFiles()).toEqual(before);
  });
});

// --- the audit end to end ------------------------------------------------------------------

describe('the same ledger in every container gives the same audit', () => {
  const run = async (file: string, bytes: Uint8Array) => {
    const report = await auditStatements([{ file, chunks: chunksOf(bytes) }], {
      contract: null,
      assumeNoAgreement: true,
    });
    return {
      findings: report.findings.map((f) => ({
        date: f.date,
        category: f.category,
        amount: f.amount,
        verdict: f.verdict,
        overcharge: f.overcharge,
        text: f.text,
      })),
      claim: report.claim,
      records: report.statements[0]?.records,
      where: report.findings.map((f) => ({ row: f.row, sheet: f.sheet, page: f.page })),
    };
  };

  const containers: [string, string, () => Uint8Array | Promise<Uint8Array>][] = [
    ['UTF-16 LE text', 'u.txt', () => utf16(tabText(), 'le')],
    ['UTF-16 BE text', 'u.txt', () => utf16(tabText(), 'be')],
    ['HTML (UTF-8)', 'h.xls', () => html('utf-8')],
    ['HTML (GBK)', 'h.xls', () => html('gbk')],
    ['XML Spreadsheet 2003', 's.xls', spreadsheetMl],
    ['BIFF8 .xls', 'b.xls', () => xls()],
    ['Excel binary .xlsb', 'b.xlsb', () => xls('xlsb')],
    ['OpenDocument .ods', 'o.ods', ods],
    ['XLSX', 'x.xlsx', xlsx],
  ];
  if (font !== null) containers.push(['PDF', 'p.pdf', () => pdf()]);
  it.each(containers)('%s', async (_label, file, bytes) => {
    const expected = await run('a.csv', csv());
    expect(expected.findings.length).toBeGreaterThanOrEqual(4);
    expect(expected.claim.total).toBe('177.00');
    const got = await run(file, await bytes());
    expect(got.findings).toEqual(expected.findings);
    expect(got.claim).toEqual(expected.claim);
  });

  it.skipIf(font === null)('a PDF finding names its page and its record number', async () => {
    const got = await run('p.pdf', await pdf());
    // records 3, 4, 6 and 7 in reading order are the fee deductions
    expect(got.where).toEqual([
      { row: 3, sheet: undefined, page: 1 },
      { row: 4, sheet: undefined, page: 2 },
      { row: 6, sheet: undefined, page: 2 },
      { row: 7, sheet: undefined, page: 3 },
    ]);
  });

  it('an HTML finding names its <tr>, a workbook finding its sheet', async () => {
    const page = await run('h.xls', html('utf-8'));
    expect(page.where[0]).toEqual({ row: 6, sheet: undefined, page: undefined });
    const book = await run('b.xls', xls());
    expect(book.where[0]).toEqual({ row: 6, sheet: '明细', page: undefined });
  });
});
