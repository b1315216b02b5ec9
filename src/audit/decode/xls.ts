import { FeeGuardError } from '../../errors.js';
import type { Cell, DecodedMeta, InputProblem, SourceRow } from '../model.js';
import { readWhole, type DecodeLimits } from './limits.js';
import { numberText } from './numbers.js';
import type { DecodedTable } from './types.js';

/**
 * Legacy Excel 97-2003 (BIFF8) and Excel 5/95 (BIFF5) workbooks, read with SheetJS (the
 * `@e965/xlsx` build of its current release). A compound file has to be read whole, so the bytes
 * are bounded by `maxFileBytes`. Every sheet; rows keep the sheet's own numbers; a number in a
 * date format becomes a `Date` (wall clock in its UTC fields, like the XLSX reader); other numbers
 * become exact decimal text.
 */
export function decodeXls(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: DecodeLimits,
): DecodedTable {
  const meta: DecodedMeta = { format: 'xls', encoding: null, sheets: [] };
  const problems: InputProblem[] = [];
  return { meta, problems, batches: readSheets(chunks, file, limits, meta) };
}

const BATCH = 2000;
/** Excel's day 0 (1900 system, its leap-year bug accounted for) and the 1904 system's offset. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const DAYS_1904 = 1462;

interface SheetCell {
  t?: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

async function* readSheets(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: DecodeLimits,
  meta: DecodedMeta,
): AsyncIterable<SourceRow[]> {
  const bytes = await readWhole(chunks, file, limits);
  // a compound file's header alone is 512 bytes (SheetJS would read less as text)
  if (bytes.byteLength < 512 || bytes.readUInt32LE(4) !== 0xe11ab1a1) {
    throw unreadable(file, meta, new Error('not a compound file'));
  }
  yield* sheetJsRows(bytes, file, limits, meta);
}

const WORKBOOK_NAMES: Partial<Record<DecodedMeta['format'], string>> = {
  xls: 'Excel 97-2003 (.xls) 工作簿 (not a readable .xls workbook)',
  xlsb: 'Excel 二进制工作簿 (.xlsb) (not a readable .xlsb workbook)',
  ods: 'OpenDocument 表格 (.ods) (not a readable .ods spreadsheet)',
};

function unreadable(file: string, meta: DecodedMeta, cause: unknown): FeeGuardError {
  return new FeeGuardError(
    'FG_ERR_UNREADABLE_FILE',
    `${file} 不是可读的 ${WORKBOOK_NAMES[meta.format] ?? WORKBOOK_NAMES.xls}`,
    {
      hint: 'open it in Excel or WPS and save it again as .xlsx, or export the statement as CSV',
      cause,
    },
  );
}

/**
 * The rows of a workbook SheetJS reads whole — legacy BIFF, and the zipped .xlsb and .ods whose
 * entries the XLSX reader has already bounded — batch by batch, sheet by sheet.
 */
export async function* sheetJsRows(
  bytes: Buffer,
  file: string,
  limits: DecodeLimits,
  meta: DecodedMeta,
): AsyncIterable<SourceRow[]> {
  const XLSX = await import('@e965/xlsx');
  // BIFF5 (Excel 5/95) stores text in the workbook's code page (936 = GBK on a Chinese Windows)
  XLSX.set_cptable(await import('@e965/xlsx/dist/cpexcel.full.mjs'));
  let workbook: ReturnType<typeof XLSX.read>;
  try {
    workbook = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellFormula: false,
      sheetRows: limits.maxRows + 1,
    });
  } catch (error) {
    throw unreadable(file, meta, error);
  }
  const names = workbook.SheetNames;
  meta.sheets?.push(...names);
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const ssf = XLSX.SSF as { is_date: (format: string | number) => boolean };
  const isDate = (format: string | number | undefined): boolean =>
    format !== undefined && ssf.is_date(format);
  for (const name of names) {
    const sheet = workbook.Sheets[name];
    const data = (sheet?.['!data'] ?? []) as (SheetCell[] | undefined)[];
    let batch: SourceRow[] = [];
    for (let r = 0; r < data.length; r++) {
      const cells = data[r];
      if (!cells || cells.length === 0) continue;
      const row: Cell[] = Array.from(cells, (cell) => toCell(cell, isDate, date1904));
      if (row.every((c) => c === null)) continue;
      batch.push({ row: r + 1, sheet: name, cells: row });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

function toCell(
  cell: SheetCell | undefined,
  isDate: (format: string | number | undefined) => boolean,
  date1904: boolean,
): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const value = cell.v;
      if (typeof value !== 'number') return null;
      if (isDate(cell.z)) {
        const serial = value + (date1904 ? DAYS_1904 : 0);
        return new Date(EPOCH_MS + Math.round(serial * DAY_MS));
      }
      return numberText(value);
    }
    case 's':
      return typeof cell.v === 'string' ? cell.v : (cell.w ?? null);
    case 'b':
      return cell.v === true;
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    case 'e': // errors (#N/A …)
    case 'z': // blanks
    case undefined:
    default:
      return null;
  }
}
