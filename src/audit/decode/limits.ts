import { FeeGuardError } from '../../errors.js';
import type { SourceRow } from '../model.js';
import type { RecordBatch } from './records.js';

/**
 * How much one statement may hold. Each is checked while the file is read (rows as they stream,
 * bytes as they inflate), so a hostile or broken upload stops early instead of filling memory or
 * disk. The defaults are far above any real POS statement (a busy shop's year is ~500,000 rows)
 * and can be changed per process with the environment variables named in `LIMIT_ENV`.
 */
export interface DecodeLimits {
  /** Rows (records, headers and notes) in one statement, all sheets together. */
  maxRows: number;
  /** Cells in one row. */
  maxColumns: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Worksheets (or HTML tables) in one workbook. */
  maxSheets: number;
  /** Bytes once decompressed: every entry of an XLSX archive together. */
  maxInflatedBytes: number;
  /** Bytes of a container that must be read whole before it can be parsed (.xls, PDF, XLSX). */
  maxFileBytes: number;
  /** Pages of a PDF statement. */
  maxPages: number;
}

export const DEFAULT_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxRows: 5_000_000,
  maxColumns: 512,
  maxCellChars: 32_767,
  maxSheets: 100,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxFileBytes: 100 * 1024 * 1024,
  maxPages: 5_000,
});

export const LIMIT_ENV: Readonly<Record<keyof DecodeLimits, string>> = Object.freeze({
  maxRows: 'FEEGUARD_MAX_ROWS',
  maxColumns: 'FEEGUARD_MAX_COLUMNS',
  maxCellChars: 'FEEGUARD_MAX_CELL_CHARS',
  maxSheets: 'FEEGUARD_MAX_SHEETS',
  maxInflatedBytes: 'FEEGUARD_MAX_INFLATED_MB',
  maxFileBytes: 'FEEGUARD_MAX_FILE_MB',
  maxPages: 'FEEGUARD_MAX_PAGES',
});

const MEGABYTE_LIMITS = new Set<keyof DecodeLimits>(['maxInflatedBytes', 'maxFileBytes']);

/** The defaults with any environment override applied (a positive whole number; MB for sizes). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): DecodeLimits {
  const limits: DecodeLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof DecodeLimits)[]) {
    const name = LIMIT_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new FeeGuardError('FG_ERR_USAGE', `环境变量 ${name} 的值无效：'${raw}'`, {
        hint: `set ${name} to a positive whole number${MEGABYTE_LIMITS.has(key) ? ' of megabytes' : ''}, or unset it`,
      });
    }
    limits[key] = MEGABYTE_LIMITS.has(key) ? value * 1024 * 1024 : value;
  }
  return limits;
}

/** What each limit is called in a message, in Chinese and English. */
const LIMIT_NAMES: Record<keyof DecodeLimits, { zh: string; en: string; unit: string }> = {
  maxRows: { zh: '行数', en: 'rows', unit: '行' },
  maxColumns: { zh: '一行的列数', en: 'columns in a row', unit: '列' },
  maxCellChars: { zh: '一个单元格的字数', en: 'characters in a cell', unit: '字' },
  maxSheets: { zh: '工作表数', en: 'sheets', unit: '个' },
  maxInflatedBytes: { zh: '解压后的大小', en: 'size once decompressed', unit: 'MB' },
  maxFileBytes: { zh: '文件大小', en: 'file size', unit: 'MB' },
  maxPages: { zh: '页数', en: 'pages', unit: '页' },
};

/** The error for a statement over one of the limits: which one, and what to do. */
export function overLimit(
  file: string,
  limit: keyof DecodeLimits,
  limits: DecodeLimits,
  where?: string,
): FeeGuardError {
  const name = LIMIT_NAMES[limit];
  const value = MEGABYTE_LIMITS.has(limit)
    ? Math.floor(limits[limit] / (1024 * 1024))
    : limits[limit];
  return new FeeGuardError(
    'FG_ERR_TOO_LARGE',
    `${file}${where ? `（${where}）` : ''}超过了${name.zh}上限 ${value} ${name.unit}，请把对账单按月份拆成几个文件再审计 (over the limit of ${value} ${name.en})`,
    {
      hint: `split the statement into smaller files (for example one per month), or raise ${LIMIT_ENV[limit]}`,
    },
  );
}

/**
 * Passes the batches on, stopping with a clear error at the first row, column, cell or sheet over
 * the limits. `checkCells` is off for CSV, whose splitter already bounds a record.
 */
export async function* bounded(
  batches: AsyncIterable<readonly SourceRow[]>,
  file: string,
  limits: DecodeLimits,
  checkCells: boolean,
): AsyncIterable<readonly SourceRow[]> {
  let rows = 0;
  let sheets = 0;
  let sheet: string | undefined;
  for await (const batch of batches) {
    rows += batch.length;
    if (rows > limits.maxRows) throw overLimit(file, 'maxRows', limits);
    for (const row of batch) {
      if (row.sheet !== sheet && row.sheet !== undefined) {
        sheet = row.sheet;
        sheets += 1;
        if (sheets > limits.maxSheets) throw overLimit(file, 'maxSheets', limits);
      }
      const cells = row.cells;
      if (cells.length > limits.maxColumns) {
        throw overLimit(file, 'maxColumns', limits, `第 ${row.row} 行`);
      }
      if (!checkCells) continue;
      for (const cell of cells) {
        if (typeof cell === 'string' && cell.length > limits.maxCellChars) {
          throw overLimit(file, 'maxCellChars', limits, `第 ${row.row} 行`);
        }
      }
    }
    yield batch;
  }
}

/** {@link bounded} for CSV records given as field positions: rows and columns. */
export async function* boundedRecords(
  batches: AsyncIterable<RecordBatch>,
  file: string,
  limits: DecodeLimits,
): AsyncIterable<RecordBatch> {
  let rows = 0;
  for await (const batch of batches) {
    rows += batch.count;
    if (rows > limits.maxRows) throw overLimit(file, 'maxRows', limits);
    for (let r = 0; r < batch.count; r++) {
      if (batch.width(r) > limits.maxColumns)
        throw overLimit(file, 'maxColumns', limits, `第 ${batch.rows[r] ?? 0} 行`);
    }
    yield batch;
  }
}

/** Reads a whole container into memory, refusing it past `maxFileBytes` as soon as it gets there. */
export async function readWhole(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: DecodeLimits,
): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.byteLength;
    if (length > limits.maxFileBytes) throw overLimit(file, 'maxFileBytes', limits);
    parts.push(chunk);
  }
  return Buffer.concat(parts, length);
}
