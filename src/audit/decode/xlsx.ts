import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { zipSync, strToU8 } from 'fflate';
import yauzl from 'yauzl';
import { FeeGuardError } from '../../errors.js';
import type { Cell, DecodedMeta, InputProblem, SourceRow } from '../model.js';
import { overLimit, readWhole, type DecodeLimits } from './limits.js';
import type { DecodedTable } from './types.js';

/**
 * XLSX from Excel, WPS or LibreOffice. The archive is read whole (bounded by `maxFileBytes`) and
 * checked before any row is parsed (see `orderedArchive`): its entries may not inflate beyond
 * `maxInflatedBytes`. Then exceljs's streaming reader parses it sheet by sheet, so the rows never
 * sit in memory together. Every sheet is read; rows keep the sheet's own numbers. Date cells
 * arrive as `Date` with the wall-clock value in their UTC fields.
 */
export function decodeXlsx(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: DecodeLimits,
): Promise<DecodedTable> {
  const meta: DecodedMeta = { format: 'xlsx', encoding: null, sheets: [] };
  const problems: InputProblem[] = [];
  return Promise.resolve({ meta, problems, batches: readSheets(chunks, file, meta, limits) });
}

function unreadable(file: string, cause: unknown): FeeGuardError {
  return new FeeGuardError(
    'FG_ERR_UNREADABLE_FILE',
    `${file} 不是可读的 XLSX 工作簿 (not a readable XLSX workbook)`,
    {
      hint: 'open it in Excel or WPS and save it again as .xlsx, or export the statement as CSV',
      cause,
    },
  );
}

interface ZipEntryInfo {
  name: string;
  offset: number;
  entry: yauzl.Entry;
}

/** The parts exceljs needs before a worksheet, in the order it needs them. */
const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];

/** An empty shared-string table, for workbooks written with inline strings only. */
function emptySharedStrings(): Uint8Array {
  const zip = zipSync(
    {
      'xl/sharedStrings.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
      ),
    },
    { level: 0 },
  );
  // the one local entry: header (30 bytes + name + extra field) and its stored data
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = 30 + view.getUint16(26, true) + view.getUint16(28, true) + view.getUint32(18, true);
  return zip.subarray(0, end);
}

/**
 * Bounds and orders an XLSX archive before exceljs reads it, all in memory:
 * - the sizes the central directory declares must add up to at most `maxInflatedBytes` (a zip
 *   bomb is refused before anything is inflated), and every entry is then inflated once and
 *   dropped, yauzl stopping any entry that inflates beyond its declared size — so no entry can
 *   inflate beyond the cap later either;
 * - the workbook, its relationships, styles and shared strings are put before the worksheets
 *   (raw compressed bytes moved, nothing re-compressed). Given a worksheet first, exceljs writes
 *   it to a temporary file until they come, and leaves that file behind when reading stops early;
 *   in this order it never writes one.
 */
export async function orderedArchive(
  zip: Buffer,
  file: string,
  limits: DecodeLimits,
): Promise<{ parts: Uint8Array[]; names: string[] }> {
  let archive: yauzl.ZipFile;
  try {
    archive = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(
        zip,
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
        (error, opened) => {
          if (error) reject(error);
          else resolve(opened);
        },
      );
    });
  } catch (error) {
    throw unreadable(file, error);
  }
  const directoryAt = archive.readEntryCursor as unknown as number;
  const entries: ZipEntryInfo[] = [];
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      archive.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.maxInflatedBytes) {
          reject(overLimit(file, 'maxInflatedBytes', limits));
          return;
        }
        entries.push({ name: entry.fileName, offset: entry.relativeOffsetOfLocalHeader, entry });
        archive.readEntry();
      });
      archive.on('end', () => {
        resolve();
      });
      archive.on('error', reject);
      archive.readEntry();
    });
    for (const { entry } of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await archive.openReadStreamPromise(entry);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      for await (const _chunk of stream as AsyncIterable<Buffer>) {
        // inflated and dropped: yauzl fails the stream past the declared size
      }
    }
  } catch (error) {
    if (error instanceof FeeGuardError) throw error;
    throw unreadable(file, error);
  } finally {
    archive.close();
  }
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  const extent = new Map<ZipEntryInfo, Uint8Array>();
  byOffset.forEach((info, index) => {
    const end = byOffset[index + 1]?.offset ?? directoryAt;
    extent.set(info, zip.subarray(info.offset, end));
  });
  const rank = (name: string) => {
    const at = FIRST.indexOf(name);
    return at === -1 ? FIRST.length : at;
  };
  const ordered = [...byOffset].sort((a, b) => rank(a.name) - rank(b.name) || a.offset - b.offset);
  const parts: Uint8Array[] = ordered.map((info) => extent.get(info) ?? new Uint8Array());
  if (!entries.some((e) => e.name === 'xl/sharedStrings.xml')) {
    const at = ordered.findIndex((e) => rank(e.name) === FIRST.length);
    parts.splice(at === -1 ? parts.length : at, 0, emptySharedStrings());
  }
  // the central directory closes the stream for exceljs's sequential reader
  parts.push(zip.subarray(directoryAt));
  return { parts, names: entries.map((e) => e.name) };
}

/**
 * What a zip holds, by its entries: an Office Open XML workbook (exceljs reads it as it streams),
 * an Excel binary workbook (.xlsb) or an OpenDocument spreadsheet (.ods, what WPS and LibreOffice
 * save by default), or neither — a back-office's download of several files is a plain zip.
 */
function archiveKind(names: readonly string[]): 'xlsx' | 'xlsb' | 'ods' | null {
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('xl/workbook.bin')) return 'xlsb';
  if (names.includes('content.xml') && names.includes('META-INF/manifest.xml')) return 'ods';
  return null;
}

/** A zip that is no workbook: say what is inside and what to do, not "no sheet". */
function notAWorkbook(file: string, names: readonly string[]): FeeGuardError {
  const files = names.filter((n) => !n.endsWith('/'));
  const shown = files.slice(0, 5).join('、') + (files.length > 5 ? ' …' : '');
  return new FeeGuardError(
    'FG_ERR_UNREADABLE_FILE',
    `${file} 是压缩包，不是对账单本身${files.length > 0 ? `（里面有 ${shown}）` : ''} (a zip archive, not a statement)`,
    { hint: 'unzip it and audit the statement files inside (CSV, Excel, PDF)' },
  );
}

/** Rows are handed on in batches of this many. */
const BATCH = 2000;

async function* readSheets(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  meta: DecodedMeta,
  limits: DecodeLimits,
): AsyncIterable<SourceRow[]> {
  const zip = await readWhole(chunks, file, limits);
  const { parts, names } = await orderedArchive(zip, file, limits);
  const kind = archiveKind(names);
  if (kind === null) throw notAWorkbook(file, names);
  if (kind !== 'xlsx') {
    // entries already bounded by orderedArchive; SheetJS reads these workbooks whole
    meta.format = kind;
    const { sheetJsRows } = await import('./xls.js');
    yield* sheetJsRows(zip, file, limits, meta);
    return;
  }
  // exceljs is large: load it only when a workbook comes
  const { default: ExcelJS } = await import('exceljs');
  mendMultibyteChunks(ExcelJS.stream.xlsx.WorkbookReader);
  const progress = { at: Date.now() };
  const input = Readable.from(tracked(fromParts(parts), progress), { objectMode: false });
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
    throw unreadable(file, error);
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

/** Text of UTF-8 chunks: a character cut by a chunk boundary is carried over to the next chunk. */
export async function* utf8Text(chunks: AsyncIterable<Uint8Array | string>): AsyncIterable<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks)
    yield typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk));
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

type PartParser = (this: unknown, part: unknown, ...rest: unknown[]) => unknown;
/** Marks a reader class already mended (exceljs is one module for the whole process). */
const MENDED = Symbol('feeguard.mendMultibyteChunks');

/**
 * exceljs's streaming reader decodes each inflated piece of a part (16 KiB) on its own
 * (exceljs#2084, open since 2022): a Chinese character cut by a piece boundary became two U+FFFD
 * — one row in a few hundred of a long statement, `2024-07-29 小计` read as `2024-07-29 小��`
 * and taken for a sale, a fee name lost. Its parsers take text as well as bytes, so each part is
 * handed to them as text decoded across the pieces: the parts it reads whole (workbook, shared
 * strings, styles, relationships) decode on their stream, the worksheets through `utf8Text`.
 */
export function mendMultibyteChunks(workbookReader: { prototype: object }): void {
  if (MENDED in workbookReader.prototype) return;
  Object.defineProperty(workbookReader.prototype, MENDED, { value: true });
  const methods = workbookReader.prototype as Record<string, PartParser | undefined>;
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, entry: unknown, ...rest: unknown[]) {
      if (entry instanceof Readable) entry.setEncoding('utf8');
      return original.call(this, entry, ...rest);
    };
  }
  for (const name of ['_parseWorksheet', '_parseHyperlinks']) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, iterator: unknown, ...rest: unknown[]) {
      return original.call(this, utf8Text(iterator as AsyncIterable<Uint8Array>), ...rest);
    };
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

/** The archive in pieces of at most 64 KiB, as a file would stream in. */
async function* fromParts(parts: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  const PIECE = 64 * 1024;
  for (const part of parts) {
    for (let at = 0; at < part.byteLength; at += PIECE) {
      await Promise.resolve();
      yield part.subarray(at, at + PIECE);
    }
  }
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
