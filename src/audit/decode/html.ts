import { Parser } from 'htmlparser2';
import type { Cell, DecodedMeta, InputProblem, SourceRow } from '../model.js';
import { decodeText, type TextEncoding } from './encoding.js';
import { overLimit, type DecodeLimits } from './limits.js';
import type { DecodedTable } from './types.js';

/**
 * A web page table saved with an `.xls` name: what most Chinese provider back-offices export.
 * Every `<table>` is read, streamed through htmlparser2 (a forgiving HTML parser: missing `</td>`
 * and `</tr>` are closed for it, entities and `&nbsp;` decoded). A row's number is its `<tr>`'s
 * place among all the file's `<tr>` (spec §3). A `colspan` cell fills its first column and leaves
 * the others empty, so the columns stay aligned; a `rowspan` cell is repeated on the rows it spans
 * (a merged date or terminal applies to each). Numbers stay text for the money parser.
 */
export function decodeHtml(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  file: string,
  limits: DecodeLimits,
): DecodedTable {
  const meta: DecodedMeta = { format: 'html', encoding };
  const problems: InputProblem[] = [];
  return { meta, problems, batches: readRows(decodeText(chunks, encoding), file, limits) };
}

interface Table {
  /** Cells carried down by `rowspan`: column → text and rows still to fill. */
  carry: Map<number, { value: Cell; rows: number }>;
}

interface OpenRow {
  row: number;
  table: Table | null;
  cells: Cell[];
  column: number;
  cell: { parts: string[]; colspan: number; rowspan: number } | null;
}

/** A span beyond this is a mistake in the page, not a layout. */
const MAX_SPAN = 1000;

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Cell text as a browser shows it: runs of white space (`&nbsp;` included) as one space. */
function cellText(parts: readonly string[]): string {
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

async function* readRows(
  texts: AsyncIterable<string>,
  file: string,
  limits: DecodeLimits,
): AsyncIterable<SourceRow[]> {
  let out: SourceRow[] = [];
  let trCount = 0;
  let tableCount = 0;
  const tables: Table[] = [];
  const rows: OpenRow[] = [];
  const state: { failure: Error | null } = { failure: null };

  const fillCarried = (row: OpenRow) => {
    const carry = row.table?.carry;
    if (!carry) return;
    for (;;) {
      const carried = carry.get(row.column);
      if (!carried) return;
      row.cells[row.column] = carried.value;
      carried.rows -= 1;
      if (carried.rows === 0) carry.delete(row.column);
      row.column += 1;
    }
  };

  const closeCell = (row: OpenRow) => {
    const cell = row.cell;
    if (!cell) return;
    row.cell = null;
    fillCarried(row);
    const text = cellText(cell.parts);
    if (text.length > limits.maxCellChars) {
      throw overLimit(file, 'maxCellChars', limits, `第 ${row.row} 行`);
    }
    const value: Cell = text === '' ? null : text;
    for (let k = 0; k < cell.colspan; k++) {
      const column = row.column + k;
      if (column >= limits.maxColumns)
        throw overLimit(file, 'maxColumns', limits, `第 ${row.row} 行`);
      row.cells[column] = k === 0 ? value : null;
      if (cell.rowspan > 1 && row.table) {
        row.table.carry.set(column, { value: k === 0 ? value : null, rows: cell.rowspan - 1 });
      }
    }
    row.column += cell.colspan;
  };

  const closeRow = () => {
    const row = rows.pop();
    if (!row) return;
    closeCell(row);
    // columns carried past the row's last cell
    const carry = row.table?.carry;
    if (carry) {
      for (const column of [...carry.keys()].filter((c) => c >= row.column).sort((a, b) => a - b)) {
        row.column = column;
        fillCarried(row);
      }
    }
    out.push({ row: row.row, cells: Array.from(row.cells, (c) => c ?? null) });
    if (trCount > limits.maxRows) throw overLimit(file, 'maxRows', limits);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        try {
          if (name === 'table') {
            tableCount += 1;
            if (tableCount > limits.maxSheets) throw overLimit(file, 'maxSheets', limits);
            tables.push({ carry: new Map() });
          } else if (name === 'tr') {
            trCount += 1;
            rows.push({
              row: trCount,
              table: tables.at(-1) ?? null,
              cells: [],
              column: 0,
              cell: null,
            });
          } else if (name === 'td' || name === 'th') {
            const row = rows.at(-1);
            if (!row) return;
            closeCell(row);
            row.cell = {
              parts: [],
              colspan: span(attributes.colspan),
              rowspan: span(attributes.rowspan),
            };
          } else if (name === 'br') {
            rows.at(-1)?.cell?.parts.push(' ');
          }
        } catch (error) {
          state.failure ??= error as Error;
        }
      },
      ontext(text) {
        const cell = rows.at(-1)?.cell;
        if (cell) cell.parts.push(text);
      },
      onclosetag(name) {
        try {
          if (name === 'td' || name === 'th') {
            const row = rows.at(-1);
            if (row) closeCell(row);
          } else if (name === 'tr') {
            closeRow();
          } else if (name === 'table') {
            while ((rows.at(-1)?.table ?? null) === (tables.at(-1) ?? null) && rows.length > 0) {
              closeRow();
            }
            tables.pop();
          }
        } catch (error) {
          state.failure ??= error as Error;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  for await (const text of texts) {
    parser.write(text);
    if (state.failure) throw state.failure;
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  parser.end();
  if (state.failure) throw state.failure;
  while (rows.length > 0) closeRow();
  if (out.length > 0) yield out;
}

/**
 * The character set a page or an XML file declares in its first bytes (`<meta charset="gbk">`,
 * `content="text/html; charset=gb2312"`, `<?xml … encoding="GBK"?>`), as the decoder names it;
 * null when it declares none or one this reader does not know.
 */
export function declaredCharset(head: Uint8Array): TextEncoding | null {
  // the declaration itself is ASCII in every encoding a page can be saved in but UTF-16
  const ascii = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4096)).toString(
    'latin1',
  );
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(ascii) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(ascii);
  const name = match?.[1]?.toLowerCase();
  if (name === undefined) return null;
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|windows-936)$/.test(name)) return 'gb18030';
  if (name === 'utf-16le') return 'utf-16le';
  if (name === 'utf-16be') return 'utf-16be';
  return null;
}
