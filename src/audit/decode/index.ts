import { FeeGuardError } from '../../errors.js';
import type { StatementFormat } from '../model.js';
import { decodeCsv, type RecordSplitter } from './csv.js';
import { detectDelimiter } from './delimiter.js';
import { decodeSample, detectEncoding, detectUtf16, type TextEncoding } from './encoding.js';
import { decodeFixedWidth, fixedColumns, looksFixedWidth } from './fixed.js';
import { bounded, boundedRecords, limitsFromEnv, type DecodeLimits } from './limits.js';
import { unmarked } from './markers.js';
import { peek } from './peek.js';
import { decodeSms, messageTable, noticeShares } from './sms.js';
import type { DecodedStatement, DecodedTable } from './types.js';

export { decodeCsv, splitHere, type RecordSplitter } from './csv.js';
export { decodeSms } from './sms.js';
export { DEFAULT_LIMITS, limitsFromEnv, type DecodeLimits } from './limits.js';
export type { DecodedMessages, DecodedStatement, DecodedTable } from './types.js';

const SNIFF_BYTES = 64 * 1024;

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/** `%PDF-1.7` starting a line within the first KiB, where readers look for it. */
function isPdf(head: Uint8Array): boolean {
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024));
  return /(?:^|[\r\n])%PDF-\d/u.test(start.toString('latin1'));
}

/** XML Spreadsheet 2003: an XML document whose root is the Office spreadsheet `Workbook`. */
const SPREADSHEET_ML = /<(?:\w+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/u;
/** A web page or a bare table, as back-offices save them with an `.xls` name. */
const HTML_START =
  /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table|style|title)\b/iu;

/**
 * What a file is, decided by its bytes (a renamed file is still read right); the name only breaks
 * a tie between CSV and pasted SMS text.
 */
export function sniffFormat(head: Uint8Array, fileName: string): StatementFormat | null {
  if (head.length === 0) return null;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (isPdf(head)) return 'pdf';
  const encoding = detectEncoding(head);
  if (!encoding.startsWith('utf-16') && head.subarray(0, 4096).includes(0)) return null;
  const text = decodeSample(head, encoding);
  const start = text.replace(/^[\s\uFEFF]+/u, '');
  if (start.startsWith('<?xml') && SPREADSHEET_ML.test(start)) return 'spreadsheetml';
  if (HTML_START.test(start) || (start.startsWith('<') && /<table\b/iu.test(start))) return 'html';
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 100);
  if (lines.length === 0) return null;
  const delimiter = detectDelimiter(text);
  const tabular = lines.filter((l) => l.split(delimiter).length >= 3).length / lines.length;
  const { sent, money: notices } = noticeShares(lines);
  if (sent >= 0.8) return 'sms';
  // a phone's export of messages (time stamp, sender, text) is delimited like a table
  if (tabular >= 0.5 && messageTable(lines, delimiter)) return 'sms';
  // a table printed with its columns padded by spaces has no delimiter, yet is no notice
  if (tabular < 0.5 && fixedColumns(lines) !== null) return 'csv';
  if (tabular < 0.5 && notices >= 0.5) return 'sms';
  if (tabular < 0.5 && /\.(txt|sms)$/i.test(fileName) && notices > 0) return 'sms';
  return 'csv';
}

/**
 * The encoding of a page or an XML spreadsheet: a UTF-16 byte-order mark (or zero-byte pattern)
 * first, then what the file declares, then what its bytes look like.
 */
async function markupEncoding(head: Uint8Array): Promise<TextEncoding> {
  const { declaredCharset } = await import('./html.js');
  return detectUtf16(head) ?? declaredCharset(head) ?? detectEncoding(head);
}

/** Sniffs the format, then decodes: the one entry point the audit uses. */
export async function decodeStatement(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: DecodeLimits = limitsFromEnv(),
  /** Where a UTF-8 CSV is split into records (see {@link RecordSplitter}); here by default. */
  options: { splitter?: RecordSplitter } = {},
): Promise<DecodedStatement> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const format = sniffFormat(head, file);
  if (format === null) {
    throw new FeeGuardError(
      'FG_ERR_UNREADABLE_FILE',
      head.length === 0
        ? `${file} 是空文件 (the file is empty)`
        : `${file} 不是可读的对账单文件 (not a text, Excel, web page or PDF statement)`,
      {
        hint: 'export the statement as CSV, Excel or PDF, or paste the SMS notices into a .txt file',
      },
    );
  }
  const table = (
    decoded: DecodedTable,
    checkCells: boolean,
    cleaned = false,
  ): DecodedStatement => ({
    kind: 'table',
    ...decoded,
    batches: unmarked(bounded(decoded.batches, file, limits, checkCells), cleaned),
    // fields as the file has them, text marks included: a reader removes them (RecordBatch.row)
    ...(decoded.records ? { records: boundedRecords(decoded.records, file, limits) } : {}),
  });
  // the container formats' readers (and their libraries) are loaded when a file needs them:
  // loading them all took a tenth of a second of every start, CSV or not
  switch (format) {
    // every zip sniffs as `xlsx`; its reader tells .xlsb and .ods by their entries
    case 'xlsx':
    case 'xlsb':
    case 'ods': {
      const { decodeXlsx } = await import('./xlsx.js');
      return table(await decodeXlsx(stream, file, limits), true);
    }
    case 'xls': {
      const { decodeXls } = await import('./xls.js');
      return table(decodeXls(stream, file, limits), true);
    }
    case 'html': {
      const { decodeHtml } = await import('./html.js');
      return table(decodeHtml(stream, await markupEncoding(head), file, limits), false);
    }
    case 'spreadsheetml': {
      const { decodeSpreadsheetMl } = await import('./spreadsheetml.js');
      return table(decodeSpreadsheetMl(stream, await markupEncoding(head), file, limits), false);
    }
    case 'pdf': {
      const { decodePdf } = await import('./pdf.js');
      return table(decodePdf(stream, file, limits), true);
    }
    case 'csv': {
      const sample = decodeSample(head, detectEncoding(head));
      if (looksFixedWidth(sample)) return table(await decodeFixedWidth(stream, file), false);
      // the CSV reader removes invisible characters as it decodes (records.ts, csv.ts)
      return table(await decodeCsv(stream, file, options.splitter), false, true);
    }
    case 'sms':
      return { kind: 'sms', ...(await decodeSms(stream, file)) };
  }
}
