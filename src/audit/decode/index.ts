import { FeeGuardError } from '../../errors.js';
import type { StatementFormat } from '../model.js';
import { decodeCsv } from './csv.js';
import { detectDelimiter } from './delimiter.js';
import { detectEncoding } from './encoding.js';
import { peek } from './peek.js';
import { decodeSms, noticeShares } from './sms.js';
import type { DecodedStatement } from './types.js';
import { decodeXlsx } from './xlsx.js';

export { decodeCsv } from './csv.js';
export { decodeSms } from './sms.js';
export { decodeXlsx } from './xlsx.js';
export type { DecodedMessages, DecodedStatement, DecodedTable } from './types.js';

const SNIFF_BYTES = 64 * 1024;

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/**
 * What a file is, decided by its content (a renamed file is still read right); the name only
 * breaks a tie between CSV and pasted SMS text.
 */
export function sniffFormat(head: Uint8Array, fileName: string): StatementFormat | null {
  if (head.length === 0) return null;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (head.subarray(0, 4096).includes(0)) return null;
  const encoding = detectEncoding(head);
  const text = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(head);
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 100);
  if (lines.length === 0) return null;
  const delimiter = detectDelimiter(text);
  const tabular = lines.filter((l) => l.split(delimiter).length >= 3).length / lines.length;
  const { sent, money: notices } = noticeShares(lines);
  if (sent >= 0.8) return 'sms';
  if (tabular < 0.5 && notices >= 0.5) return 'sms';
  if (tabular < 0.5 && /\.(txt|sms)$/i.test(fileName) && notices > 0) return 'sms';
  return 'csv';
}

/** Sniffs the format, then decodes: the one entry point the audit uses. */
export async function decodeStatement(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): Promise<DecodedStatement> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new FeeGuardError(
      'FG_ERR_UNSUPPORTED_FILE',
      `${file} 是旧版 Excel (.xls) 文件，暂不支持 (old .xls workbooks are not supported)`,
      {
        hint: 'open it in Excel or WPS and save it as .xlsx or .csv',
      },
    );
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) {
    throw new FeeGuardError(
      'FG_ERR_UNSUPPORTED_FILE',
      `${file} 是 PDF 文件，无法读取其中的表格 (PDF statements cannot be read)`,
      {
        hint: 'export the statement as Excel (.xlsx) or CSV from the provider’s app or portal',
      },
    );
  }
  const format = sniffFormat(head, file);
  if (format === null) {
    throw new FeeGuardError(
      'FG_ERR_UNREADABLE_FILE',
      head.length === 0
        ? `${file} 是空文件 (the file is empty)`
        : `${file} 不是文本或 XLSX 对账单 (not a text or XLSX statement)`,
      { hint: 'export the statement as CSV or XLSX, or paste the SMS notices into a .txt file' },
    );
  }
  switch (format) {
    case 'xlsx':
      return { kind: 'table', ...(await decodeXlsx(stream, file)) };
    case 'csv':
      return { kind: 'table', ...(await decodeCsv(stream, file)) };
    case 'sms':
      return { kind: 'sms', ...(await decodeSms(stream)) };
  }
}
