import { SAMPLES_DIR } from './fixtures/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { auditStatements } from '../src/audit/audit.js';
import { parseContract } from '../src/audit/contract.js';
import { decodeCsv } from '../src/audit/decode/index.js';
import type { AuditReport } from '../src/audit/report/schema.js';
import { findCjkFont } from '../src/documents/fonts.js';

/**
 * The shared CSV samples rewritten in the other containers a merchant gets (UTF-16 text, a web
 * page table and an XML spreadsheet saved as .xls, a BIFF8 workbook, a PDF) must give exactly the
 * sample's expected findings and claim. Their rows are the CSV's lines (spec §3: a `<tr>`, a sheet
 * row), except the PDF's, which count records only.
 */
interface Expected {
  file: string;
  contract: string | null;
  claim: AuditReport['claim'];
  findings: AuditReport['findings'];
}

const expectedOf = (stem: string) =>
  JSON.parse(readFileSync(path.join(SAMPLES_DIR, `${stem}.expected.json`), 'utf8')) as Expected;

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  await Promise.resolve();
  yield bytes;
}

async function csvRows(file: string): Promise<string[][]> {
  const decoded = await decodeCsv(once(readFileSync(path.join(SAMPLES_DIR, file))), file);
  const rows: string[][] = [];
  for await (const batch of decoded.batches) {
    for (const row of batch) rows.push(row.cells.map((c) => (c === null ? '' : String(c))));
  }
  return rows;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const WRITERS: Record<string, (rows: string[][]) => Uint8Array | Promise<Uint8Array>> = {
  'utf16.txt': (rows) =>
    Buffer.from(`\uFEFF${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`, 'utf16le'),
  'html.xls': (rows) =>
    iconv.encode(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table>\n${rows
        .map(
          (r) => `<tr>${r.map((c) => `<td>${c === '' ? '&nbsp;' : escape(c)}</td>`).join('')}</tr>`,
        )
        .join('\n')}\n</table></body></html>`,
      // GB18030, the superset back-offices write when they say gb2312 (the samples have ¥)
      'gb18030',
    ),
  'xml.xls': (rows) =>
    Buffer.from(
      `<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>\n${rows
        .map(
          (r) =>
            `<Row>${r
              .map((c) =>
                c === ''
                  ? '<Cell/>'
                  : `<Cell><Data ss:Type="${/^-?\d+\.\d\d$/.test(c) ? 'Number' : 'String'}">${escape(c)}</Data></Cell>`,
              )
              .join('')}</Row>`,
        )
        .join('\n')}\n</Table></Worksheet></Workbook>`,
    ),
  'biff8.xls': (rows) => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), '对账单');
    return XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer;
  },
};

async function audit(file: string, bytes: Uint8Array, contract: string | null) {
  return auditStatements([{ file, chunks: once(bytes) }], {
    contract:
      contract === null
        ? null
        : parseContract(JSON.parse(readFileSync(path.join(SAMPLES_DIR, contract), 'utf8'))),
  });
}

const pick = (f: AuditReport['findings'][number]) => ({
  row: f.row,
  date: f.date,
  category: f.category,
  verdict: f.verdict,
  overcharge: f.overcharge,
  amount: f.amount,
  text: f.text,
});

describe('the CSV samples in every other container', () => {
  const stems = ['01-plain', '02-plain', '03-plain', '04-plain', '05-plain', '06-gb18030'];
  it.each(
    stems.flatMap((stem) =>
      Object.entries(WRITERS).map(([kind, write]) => [stem, kind, write] as const),
    ),
  )(
    '%s as %s gives its expected result',
    async (stem, kind, write) => {
      const expected = expectedOf(stem);
      const rows = await csvRows(`${stem}.csv`);
      const file = `${stem}.${kind}`;
      const report = await audit(file, await write(rows), expected.contract);
      expect(report.findings.map(pick)).toEqual(expected.findings.map(pick));
      expect(report.claim).toEqual(expected.claim);
    },
    60_000,
  );

  const font = findCjkFont();
  it.skipIf(font === null)(
    '05-plain as a PDF: the same findings, numbered by record and page',
    async () => {
      const expected = expectedOf('05-plain');
      const rows = await csvRows('05-plain.csv');
      const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 30 });
      const parts: Buffer[] = [];
      doc.on('data', (part: Buffer) => {
        parts.push(part);
      });
      const done = new Promise<Buffer>((resolve) => {
        doc.on('end', () => {
          resolve(Buffer.concat(parts));
        });
      });
      doc.registerFont('cjk', font?.regular ?? '', font?.regularFace ?? '');
      doc.font('cjk').fontSize(8);
      const xs = [30, 140, 200, 250, 320, 380, 450, 600];
      const [header = [], ...records] = rows;
      const perPage = 30;
      for (let at = 0; at < records.length; at += perPage) {
        if (at > 0) doc.addPage();
        doc.text('商户交易对账单', 30, 20, { lineBreak: false });
        const line = (cells: string[], y: number) => {
          cells.forEach((c, i) => {
            if (c !== '') doc.text(c, xs[i] ?? 0, y, { lineBreak: false });
          });
        };
        line(header, 45);
        records.slice(at, at + perPage).forEach((r, k) => {
          line(r, 60 + k * 15);
        });
        const page = at / perPage + 1;
        doc.text(`第 ${page} 页 共 ${Math.ceil(records.length / perPage)} 页`, 380, 560, {
          lineBreak: false,
        });
      }
      doc.end();
      const report = await audit('05-plain.pdf', await done, expected.contract);
      // every line after the header is a record: record n is CSV line n + 1, on page ⌈n / 30⌉
      expect(report.findings.map(pick)).toEqual(
        expected.findings.map((f) => ({ ...pick(f), row: f.row - 1 })),
      );
      expect(report.findings.map((f) => f.page)).toEqual(
        expected.findings.map((f) => Math.ceil((f.row - 1) / perPage)),
      );
      expect(report.claim).toEqual(expected.claim);
    },
    120_000,
  );
});
