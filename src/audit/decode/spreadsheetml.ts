import { Parser } from 'htmlparser2';
import type { Cell, DecodedMeta, InputProblem, SourceRow } from '../model.js';
import { decodeText, type TextEncoding } from './encoding.js';
import { overLimit, type DecodeLimits } from './limits.js';
import { numberText } from './numbers.js';
import type { DecodedTable } from './types.js';

/**
 * XML Spreadsheet 2003 (`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`), which
 * Excel, WPS and many back-offices write with an `.xls` name. Streamed through htmlparser2 in XML
 * mode. Every worksheet; rows keep their own numbers (`ss:Index` skips included); a cell's
 * `ss:Index` and `ss:MergeAcross` keep the columns aligned; numbers become exact decimal text and
 * `DateTime` cells their ISO text, which the date parser reads.
 */
export function decodeSpreadsheetMl(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  file: string,
  limits: DecodeLimits,
): DecodedTable {
  const meta: DecodedMeta = { format: 'spreadsheetml', encoding, sheets: [] };
  const problems: InputProblem[] = [];
  return {
    meta,
    problems,
    batches: readRows(decodeText(chunks, encoding), file, limits, meta),
  };
}

/** `ss:Row` → `row`: the namespace prefix, if any, dropped and the name lower-cased. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

function attribute(attributes: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (local(key) === name) return value;
  return undefined;
}

function positive(value: string | undefined): number | null {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? n : null;
}

function cellValue(type: string, text: string): Cell {
  if (text === '') return null;
  if (type === 'Number') {
    const n = Number(text);
    return Number.isFinite(n) ? numberText(n) : text;
  }
  if (type === 'DateTime') {
    // 2024-03-02T10:22:33.000 → 2024-03-02 10:22:33
    return text.replace('T', ' ').replace(/\.0+$/, '');
  }
  return text;
}

async function* readRows(
  texts: AsyncIterable<string>,
  file: string,
  limits: DecodeLimits,
  meta: DecodedMeta,
): AsyncIterable<SourceRow[]> {
  let out: SourceRow[] = [];
  let sheet: string | null = null;
  let rowNumber = 0;
  let row: SourceRow | null = null;
  let column = 0;
  let cell: { type: string; parts: string[]; merge: number } | null = null;
  let inData = 0;
  const state: { failure: Error | null } = { failure: null };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        try {
          const tag = local(name);
          if (tag === 'worksheet') {
            const sheets = meta.sheets ?? [];
            if (sheets.length >= limits.maxSheets) throw overLimit(file, 'maxSheets', limits);
            sheet = attribute(attributes, 'name') ?? `Sheet${sheets.length + 1}`;
            sheets.push(sheet);
            rowNumber = 0;
          } else if (tag === 'row' && sheet !== null) {
            rowNumber = positive(attribute(attributes, 'index')) ?? rowNumber + 1;
            row = { row: rowNumber, sheet, cells: [] };
            column = 0;
          } else if (tag === 'cell' && row) {
            const index = positive(attribute(attributes, 'index'));
            if (index !== null) column = index - 1;
            if (column >= limits.maxColumns) {
              throw overLimit(file, 'maxColumns', limits, `第 ${row.row} 行`);
            }
            const merge = Math.min(positive(attribute(attributes, 'mergeacross')) ?? 0, 1000);
            cell = { type: '', parts: [], merge };
          } else if (tag === 'data' && cell) {
            inData += 1;
            cell.type = attribute(attributes, 'type') ?? cell.type;
          }
        } catch (error) {
          state.failure ??= error as Error;
        }
      },
      ontext(text) {
        if (cell && inData > 0) cell.parts.push(text);
      },
      onclosetag(name) {
        try {
          const tag = local(name);
          if (tag === 'data') inData = Math.max(0, inData - 1);
          else if (tag === 'cell' && row && cell) {
            const text = cell.parts.join('');
            if (text.length > limits.maxCellChars) {
              throw overLimit(file, 'maxCellChars', limits, `第 ${row.row} 行`);
            }
            row.cells[column] = cellValue(cell.type, cell.type === 'String' ? text : text.trim());
            column += 1 + cell.merge;
            cell = null;
          } else if (tag === 'row' && row) {
            out.push({ ...row, cells: Array.from(row.cells, (c) => c ?? null) });
            row = null;
          } else if (tag === 'worksheet') {
            sheet = null;
          }
        } catch (error) {
          state.failure ??= error as Error;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
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
  if (out.length > 0) yield out;
}
