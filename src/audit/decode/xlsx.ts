import { Readable } from 'node:stream';
import { FeeGuardError } from '../../errors.js';
import type { Cell, DecodedMeta, InputProblem, SourceRow } from '../model.js';
import type { DecodedTable } from './types.js';

/**
 * XLSX from Excel, WPS or LibreOffice, streamed sheet by sheet (exceljs's streaming reader), so a
 * year-long workbook never sits in memory. Every sheet is read; rows keep the sheet's own numbers.
 * Date cells arrive as `Date` with the wall-clock value in their UTC fields.
 */
export function decodeXlsx(chunks: AsyncIterable<Uint8Array>, file: string): Promise<DecodedTable> {
  const meta: DecodedMeta = { format: 'xlsx', encoding: null, sheets: [] };
  const problems: InputProblem[] = [];
  return Promise.resolve({ meta, problems, batches: readSheets(chunks, file, meta) });
}

/** Rows are handed on in batches of this many. */
const BATCH = 2000;

async function* readSheets(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  meta: DecodedMeta,
): AsyncIterable<SourceRow[]> {
  // exceljs is large: load it only when a workbook comes
  const { default: ExcelJS } = await import('exceljs');
  const progress = { at: Date.now() };
  const input = Readable.from(tracked(chunks, progress), { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sheets = 0;
  try {
    for await (const worksheet of guarded(reader, progress)) {
      sheets += 1;
      const name = worksheetName(worksheet, sheets);
      meta.sheets?.push(name);
      let batch: SourceRow[] = [];
      for await (const row of guarded(worksheet, progress)) {
        batch.push({ row: row.number, sheet: name, cells: rowCells(row.values) });
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    throw new FeeGuardError(
      'FG_ERR_UNREADABLE_FILE',
      `${file} 不是可读的 XLSX 工作簿 (not a readable XLSX workbook)`,
      {
        hint: 'open it in Excel or WPS and save it again as .xlsx, or export the statement as CSV',
        cause: error,
      },
    );
  } finally {
    input.destroy();
  }
  if (sheets === 0) {
    throw new FeeGuardError(
      'FG_ERR_UNREADABLE_FILE',
      `${file} 中没有工作表 (the workbook has no sheet)`,
      {
        hint: 'export the statement again from the provider’s app or portal',
      },
    );
  }
}

/**
 * exceljs never settles on some damaged archives (a corrupt deflate stream inside the zip): it
 * stops reading input and stops producing rows. The bytes come from a file or a finished upload,
 * so nothing happening for this long means the parser is stuck.
 */
const STALL_MS = 2000;

export interface Progress {
  at: number;
}

async function* tracked(
  chunks: AsyncIterable<Uint8Array>,
  progress: Progress,
): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    progress.at = Date.now();
    yield chunk;
  }
  progress.at = Date.now();
}

/** Items from `items`, failing when the parser makes no progress for STALL_MS (exported for its test). */
export async function* guarded<T>(items: AsyncIterable<T>, progress: Progress): AsyncIterable<T> {
  const iterator = items[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    let next: IteratorResult<T>;
    try {
      const stalled = new Promise<never>((_resolve, reject) => {
        timer = setInterval(() => {
          if (Date.now() - progress.at > STALL_MS) reject(new Error('the workbook parser stalled'));
        }, STALL_MS / 4);
      });
      next = await Promise.race([iterator.next(), stalled]);
    } finally {
      clearInterval(timer);
    }
    if (next.done) return;
    yield next.value;
    // the time the rows spent with the audit (or a busy machine) is not the parser's: only the
    // wait for the parser counts, else a slow batch made a sound workbook "unreadable"
    progress.at = Date.now();
  }
}

function worksheetName(worksheet: unknown, index: number): string {
  if (
    typeof worksheet === 'object' &&
    worksheet !== null &&
    'name' in worksheet &&
    typeof worksheet.name === 'string'
  ) {
    return worksheet.name;
  }
  return `Sheet${index}`;
}

function rowCells(values: unknown): Cell[] {
  if (!Array.isArray(values)) return [];
  // exceljs rows are 1-based: index 0 is always empty
  return Array.from(values.slice(1), toCell);
}

/** A cell's plain value: rich text joined, hyperlinks by their text, formulas by their result. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText
        .map((part: unknown) =>
          typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '',
        )
        .join('');
    }
    if ('result' in value) return toCell(value.result);
    if ('text' in value) return toCell(value.text);
    if ('error' in value) return null;
  }
  return null;
}
