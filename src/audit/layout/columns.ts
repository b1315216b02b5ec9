import { FeeGuardError } from '../../errors.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { COLUMN_ROLES, type Cell, type ColumnRole, type SourceRow } from '../model.js';
import { foldWidth } from '../money.js';

/**
 * Finding the header row and what each column means, from the header names alone. A provider's
 * export we have never seen still names its columns in words a merchant understands (交易金额,
 * 手续费, 入账金额 …); the lexicon scores every header cell for every meaning, and the best
 * one-to-one assignment wins.
 */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface TableLayout {
  /** 1-based row number of the header (0 when the columns were given by number). */
  headerRow: number;
  /** Header text by column index. */
  headers: string[];
  columns: ColumnMap;
}

/** A `--map` entry: a role given a header name or a 1-based column number. */
export type ColumnOverrides = Partial<Record<ColumnRole, string>>;

/** How many leading rows may be preamble before we give up looking for a header. */
export const HEADER_SEARCH_ROWS = 60;

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

function headerKey(text: string): string {
  return foldWidth(text).toLowerCase().replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

function scoreCell(text: string, role: ColumnRole, lexicon: Lexicon): number {
  const patterns = lexicon.columns.get(role);
  if (!patterns || text === '') return 0;
  let score = 0;
  for (const p of patterns) if (p.regex.test(text)) score += p.weight;
  return score;
}

/** Assigns roles to columns greedily by score, each role and each column at most once. */
export function assignColumns(headers: readonly string[], lexicon: Lexicon): ColumnMap {
  const scored: { role: ColumnRole; index: number; score: number }[] = [];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    // a header is a short label; long text in a row is data or a note, not a header
    if (key.length === 0 || key.length > 40) return;
    for (const role of COLUMN_ROLES) {
      const score = scoreCell(key, role, lexicon);
      if (score > 0) scored.push({ role, index, score });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const map: ColumnMap = {};
  const usedColumns = new Set<number>();
  for (const { role, index } of scored) {
    if (map[role] !== undefined || usedColumns.has(index)) continue;
    map[role] = index;
    usedColumns.add(index);
  }
  return map;
}

function isUsable(map: ColumnMap): boolean {
  const hasAmount =
    map.amount !== undefined || map.inflow !== undefined || map.outflow !== undefined;
  return map.date !== undefined && hasAmount;
}

/** Scores a candidate header row: the number of columns with a meaning, if the row is usable. */
function headerScore(map: ColumnMap): number {
  return isUsable(map) ? Object.keys(map).length : 0;
}

/**
 * Looks for the header among the first rows (buffered by the caller) and applies `--map`.
 * Returns null when nothing looks like a header; the caller then says how to use `--map`.
 */
export function detectLayout(
  rows: readonly SourceRow[],
  lexicon: Lexicon,
  overrides: ColumnOverrides = {},
): TableLayout | null {
  const named = Object.entries(overrides).filter(([, v]) => !/^\d+$/.test(v));
  let best: { row: SourceRow; map: ColumnMap; score: number } | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const headers = row.cells.map(cellText);
    const keys = headers.map(headerKey);
    if (named.length > 0) {
      // with names given, the header is the row that contains them all
      if (!named.every(([, name]) => keys.includes(headerKey(name)))) continue;
      return applyOverrides(
        { headerRow: row.row, headers, columns: assignColumns(headers, lexicon) },
        overrides,
      );
    }
    const map = assignColumns(headers, lexicon);
    const score = headerScore(map);
    if (score > (best?.score ?? 1)) best = { row, map, score };
  }
  if (named.length > 0) {
    const [role, name] = named[0] ?? ['', ''];
    throw new FeeGuardError(
      'FG_ERR_BAD_MAPPING',
      `--map ${role}=${name}: 找不到名为“${name}”的列 (no column named "${name}")`,
      {
        hint: 'use the header text exactly as the file shows it, or a column number (e.g. amount=4)',
      },
    );
  }
  if (best)
    return applyOverrides(
      { headerRow: best.row.row, headers: best.row.cells.map(cellText), columns: best.map },
      overrides,
    );
  const numbered =
    Object.keys(overrides).length > 0 && Object.values(overrides).every((v) => /^\d+$/.test(v));
  if (numbered) return applyOverrides({ headerRow: 0, headers: [], columns: {} }, overrides);
  return null;
}

function applyOverrides(layout: TableLayout, overrides: ColumnOverrides): TableLayout {
  const columns: ColumnMap = { ...layout.columns };
  for (const role of COLUMN_ROLES) {
    const value = overrides[role];
    if (value === undefined) continue;
    let index: number;
    if (/^\d+$/.test(value)) {
      index = Number(value) - 1;
      if (index < 0) {
        throw new FeeGuardError(
          'FG_ERR_BAD_MAPPING',
          `--map ${role}=${value}: 列号从 1 开始 (column numbers start at 1)`,
        );
      }
    } else {
      index = layout.headers.findIndex((h) => headerKey(h) === headerKey(value));
    }
    // the column now has this role only
    for (const other of COLUMN_ROLES) if (columns[other] === index) columns[other] = undefined;
    columns[role] = index;
  }
  const assigned: ColumnMap = {};
  for (const role of COLUMN_ROLES) {
    const index = columns[role];
    if (index !== undefined) assigned[role] = index;
  }
  return { ...layout, columns: assigned };
}

function isColumnRole(text: string): text is ColumnRole {
  return COLUMN_ROLES.some((role) => role === text);
}

/** Parses `date=交易时间,amount=4` into overrides, rejecting unknown roles with the list of known ones. */
export function parseMapOption(text: string): ColumnOverrides {
  const overrides: ColumnOverrides = {};
  for (const part of text
    .split(/[,，]/u)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const role = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq <= 0 || value === '') {
      throw new FeeGuardError('FG_ERR_BAD_MAPPING', `--map: “${part}” is not ROLE=COLUMN`, {
        hint: `write e.g. --map date=交易时间,amount=交易金额 (roles: ${COLUMN_ROLES.join(', ')})`,
      });
    }
    if (!isColumnRole(role)) {
      throw new FeeGuardError('FG_ERR_BAD_MAPPING', `--map: unknown column role “${role}”`, {
        hint: `roles are: ${COLUMN_ROLES.join(', ')}`,
      });
    }
    overrides[role] = value;
  }
  return overrides;
}

/** The columns as the report shows them: role → header text (or `#N`). */
export function describeColumns(layout: TableLayout): Record<string, string> {
  const out: Record<string, string> = {};
  for (const role of COLUMN_ROLES) {
    const index = layout.columns[role];
    if (index === undefined) continue;
    out[role] = layout.headers[index] || `#${index + 1}`;
  }
  return out;
}
