import { createHash } from 'node:crypto';
import { FeeGuardError } from '../../errors.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { COLUMN_ROLES, type ColumnRole, type SourceRow } from '../model.js';

import { cellKind, columnLetter, type CellKind } from './profile.js';
import {
  cellText,
  chooseHeader,
  type MoneyUnit,
  columnName,
  headerKey,
  inferLayout,
  roleName,
  statedPeriod,
  type ColumnMap,
  type TableLayout,
} from './infer.js';

/**
 * Finding the header row and what each column means. Header words are one signal; the values
 * (dates, money, identifiers) and the statement's arithmetic are the others (infer.ts). This file
 * is the public face: detection with `--map` overrides, the error when the reader is not sure,
 * and the description the report shows.
 */
export {
  assignColumns,
  cellText,
  HEADER_SEARCH_ROWS,
  LAYOUT_BUFFER_ROWS,
  type ColumnMap,
  type ConfidenceLevel,
  type LayoutIssue,
  type MoneyUnit,
  type SignConvention,
  type TableLayout,
} from './infer.js';

/**
 * `--map`: a role given a header name or a 1-based column number, and optionally the money unit
 * (`unit=fen` or `unit=yuan`) when the file does not say.
 */
export type ColumnOverrides = Partial<Record<ColumnRole, string>> & { unit?: MoneyUnit };

const isNumber = (v: string) => /^\d+$/.test(v);
const roleEntries = (overrides: ColumnOverrides) =>
  COLUMN_ROLES.flatMap((role) => {
    const value = overrides[role];
    return value === undefined ? [] : [[role, value] as const];
  });

/**
 * Finds the header (or the first data row of a table without one) among the first rows buffered
 * by the caller, reads the columns from words, content and arithmetic, and applies `--map`.
 * Returns null when nothing looks like a table.
 */
export function detectLayout(
  rows: readonly SourceRow[],
  lexicon: Lexicon,
  overrides: ColumnOverrides = {},
): TableLayout | null {
  const named = roleEntries(overrides).filter(([, v]) => !isNumber(v));
  const period = statedPeriod(rows);
  if (named.length > 0) {
    // with names given, the header is the row that contains them all
    const index = rows.findIndex((row) => {
      const keys = row.cells.map((c) => headerKey(cellText(c)));
      return named.every(([, name]) => keys.includes(headerKey(name)));
    });
    if (index < 0) {
      const [role, name] = named[0] ?? ['', ''];
      throw new FeeGuardError(
        'FG_ERR_BAD_MAPPING',
        `--map ${role}=${name}: 找不到名为“${name}”的列 (no column named "${name}")`,
        {
          hint: 'use the header text exactly as the file shows it, or a column number (e.g. amount=4)',
        },
      );
    }
    return applyOverrides(
      inferLayout({
        rows,
        lexicon,
        period,
        choice: { header: index, upper: null, dataFrom: index + 1 },
      }),
      overrides,
    );
  }
  const choice = chooseHeader(rows, lexicon, period);
  if (choice) return applyOverrides(inferLayout({ rows, lexicon, choice, period }), overrides);
  const numbered = roleEntries(overrides).length > 0;
  if (numbered)
    return applyOverrides(
      {
        headerRow: 0,
        headers: [],
        columns: {},
        confidence: { level: 'high', reasons: [] },
        ...(period ? { period } : {}),
      },
      overrides,
    );
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
  const given: (ColumnRole | 'unit')[] = roleEntries(overrides).map(([role]) => role);
  if (overrides.unit) given.push('unit');
  if (given.length === 0) return { ...layout, columns: assigned };
  let fenColumns = layout.fenColumns;
  if (overrides.unit) {
    const money = (['amount', 'inflow', 'outflow', 'fee', 'net', 'balance'] as const).flatMap(
      (r) => (assigned[r] === undefined ? [] : [assigned[r]]),
    );
    fenColumns = overrides.unit === 'fen' ? money : [];
  }
  // what the user named is settled: its open questions go, and so does a low confidence they caused
  const settles = (role: ColumnRole | 'unit') =>
    given.includes(role) ||
    (role === 'amount' && (given.includes('inflow') || given.includes('outflow'))) ||
    (role === 'inflow' && (given.includes('outflow') || given.includes('amount')));
  const issues = (layout.issues ?? []).filter((i) => !settles(i.role));
  const reasons = [...(layout.confidence?.reasons ?? []), '部分列由用户指定'];
  const level =
    issues.length > 0
      ? 'low'
      : layout.confidence?.level === 'low'
        ? 'medium'
        : (layout.confidence?.level ?? 'high');
  let sign = layout.sign;
  if (assigned.direction !== undefined) sign = 'direction';
  else if (
    assigned.amount === undefined &&
    (assigned.inflow !== undefined || assigned.outflow !== undefined)
  )
    sign = 'debitCredit';
  else if (sign === 'debitCredit') sign = 'signed';
  // a fee column the user moved is not known to be written negative
  const feeMoved = overrides.fee !== undefined && assigned.fee !== layout.columns.fee;
  // nor is an amount column the user chose a list of charges
  const amountMoved = assigned.amount !== layout.columns.amount;
  // nor are in and out the user chose a sale's amount and fee
  const pairMoved =
    amountMoved ||
    assigned.fee !== layout.columns.fee ||
    assigned.inflow !== layout.columns.inflow ||
    assigned.outflow !== layout.columns.outflow ||
    assigned.net !== layout.columns.net;
  // a fee column of its own that the user gave a role is that role's column only
  const taken = new Set(Object.values(assigned));
  const feeColumns = layout.feeColumns?.filter((f) => !taken.has(f.index));
  return {
    ...layout,
    ...(feeColumns === undefined
      ? {}
      : feeColumns.length > 0
        ? { feeColumns }
        : { feeColumns: undefined }),
    ...(feeMoved ? { feeNegative: false } : {}),
    ...(amountMoved ? { charges: false } : {}),
    ...(pairMoved && layout.outflowFee ? { outflowFee: false } : {}),
    columns: assigned,
    ...(fenColumns === undefined ? {} : { fenColumns }),
    ...(sign === undefined ? {} : { sign }),
    issues,
    confidence: { level, reasons },
  };
}

/** Whether the layout can be read: a date column and an amount (one column, or in and out). */
export function isReadable(layout: TableLayout): boolean {
  const c = layout.columns;
  return (
    c.date !== undefined &&
    (c.amount !== undefined || c.inflow !== undefined || c.outflow !== undefined)
  );
}

/** The best guess as data, for the error's details and a program that asks the user to confirm. */
export function layoutGuess(layout: TableLayout) {
  return {
    headerRow: layout.headerRow === 0 ? null : layout.headerRow,
    columns: Object.fromEntries(
      Object.entries(layout.columns).map(([role, index]) => [
        role,
        { column: index + 1, letter: columnLetter(index), header: layout.headers[index] ?? '' },
      ]),
    ),
    unit: unitOf(layout),
    sign: layout.sign ?? 'signed',
    confidence: layout.confidence?.level ?? 'high',
    reasons: layout.confidence?.reasons ?? [],
    questions: (layout.issues ?? []).map((i) => ({
      role: i.role,
      message: i.message,
      // a question no column choice answers: the file must say the year
      ...(i.yearless ? { yearless: true } : {}),
      candidates: i.candidates.map((index) => ({
        column: index + 1,
        letter: columnLetter(index),
        header: layout.headers[index] ?? '',
      })),
    })),
  };
}

/**
 * The error for a layout the reader is not sure of: what it could not decide, its best guess,
 * and the `--map` that settles it. The guess is on `details.layout` as data too.
 */
export function unsureLayoutError(
  layout: TableLayout,
  file: string,
  sample?: LayoutSample,
): FeeGuardError {
  const issue = layout.issues?.[0];
  const guess = Object.entries(layout.columns)
    .filter(([role]) => ['date', 'amount', 'inflow', 'outflow', 'fee', 'net'].includes(role))
    .map(([role, index]) => `${roleName(role as ColumnRole)}=${columnName(layout, index)}`)
    .join('，');
  const example = Object.entries(layout.columns)
    .filter(([role]) => ['date', 'amount', 'inflow', 'outflow'].includes(role))
    .map(([role, index]) => `${role}=${index + 1}`)
    .join(',');
  return new FeeGuardError(
    'FG_ERR_UNSURE_LAYOUT',
    `${file}: ${issue?.yearless ? '无法确定日期的年份' : '无法确定各列的含义'}：${issue?.message ?? '缺少日期或金额列'}${guess ? `；最可能是 ${guess}` : ''} (${issue?.yearless ? 'dates without a year' : 'column roles uncertain'})`,
    {
      hint: issue?.yearless
        ? 'the dates have no year and the file states no statement period: export the statement again with full dates (with the year), or add a line such as 账单周期：2023年1月1日至2023年5月17日 above the table; --map cannot give a date its year'
        : issue?.role === 'unit'
          ? `say the unit with --map, e.g. --map ${example ? `${example},` : ''}unit=fen (or unit=yuan)`
          : `confirm or correct the columns with --map, e.g. --map ${example || 'date=1,amount=4'} (role=header text or 1-based column number)`,
      details: { file, layout: layoutGuess(layout), ...(sample ? { sample } : {}) },
    },
  );
}

/** yuan, fen, or mixed when the money columns differ. */
export function unitOf(layout: TableLayout): 'yuan' | 'fen' | 'mixed' {
  const money = (['amount', 'inflow', 'outflow', 'fee', 'net', 'balance'] as const).filter(
    (r) => layout.columns[r] !== undefined,
  );
  const fen = money.filter((r) => layout.fenColumns?.includes(layout.columns[r] ?? -1)).length;
  return fen === 0 ? 'yuan' : fen === money.length ? 'fen' : 'mixed';
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
    if (role === 'unit') {
      const unit = { fen: 'fen', 分: 'fen', yuan: 'yuan', 元: 'yuan' }[value.toLowerCase()];
      if (unit !== 'fen' && unit !== 'yuan') {
        throw new FeeGuardError('FG_ERR_BAD_MAPPING', `--map: unit=${value} is not yuan or fen`, {
          hint: 'write --map unit=fen when the amounts are whole fen (分), unit=yuan when they are yuan',
        });
      }
      overrides.unit = unit;
      continue;
    }
    if (!isColumnRole(role)) {
      throw new FeeGuardError('FG_ERR_BAD_MAPPING', `--map: unknown column role “${role}”`, {
        hint: `roles are: ${COLUMN_ROLES.join(', ')}; and unit=yuan|fen`,
      });
    }
    overrides[role] = value;
  }
  return overrides;
}

/** What the report says about how the columns were read (`statements[].layout`). */
export function describeLayout(layout: TableLayout) {
  const guess = layoutGuess(layout);
  const rows = layout.turned?.labelRows;
  return {
    columns: Object.fromEntries(
      Object.entries(guess.columns).map(([role, c]) => [
        role,
        // a sheet read turned: where the figures are is a row of the sheet
        { column: rows ? String(rows[c.column - 1] ?? '') : c.letter, header: c.header },
      ]),
    ),
    unit: guess.unit,
    sign: guess.sign,
    ...(layout.feeNegative ? { feeNegative: true } : {}),
    ...(layout.outflowFee ? { outflowFee: true } : {}),
    ...(layout.feeColumns
      ? {
          feeColumns: layout.feeColumns.map(({ index, category }) => ({
            column: rows ? String(rows[index] ?? '') : columnLetter(index),
            header: layout.headers[index] ?? '',
            category,
          })),
        }
      : {}),
    confidence: { level: guess.confidence, reasons: guess.reasons },
    ...(rows ? { byRow: true as const } : {}),
  };
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

/** How many rows of the table a program asking the user to map the columns is shown. */
export const SAMPLE_ROWS = 10;
/** Longest cell text in the sample; longer text is cut with an ellipsis. */
export const SAMPLE_CELL_CHARS = 40;
/** How many data rows decide each column's kind for the fingerprint. */
const FINGERPRINT_ROWS = 50;

/**
 * The first rows of a table as the reader saw them (header row first, when there is one) and
 * the layout's fingerprint: a hash of the normalized header cells and each column's dominant kind
 * of value, so two exports of the same layout share it whatever their values.
 */
export interface LayoutSample {
  readonly rows: string[][];
  readonly columns: number;
  readonly hasHeader: boolean;
  readonly fingerprint: string;
}

export function layoutSample(
  rows: readonly SourceRow[],
  layout: TableLayout,
  lexicon: Lexicon,
): LayoutSample {
  const hasHeader = layout.headerRow > 0;
  const start = hasHeader ? layout.headerRow : (layout.firstDataRow ?? rows[0]?.row ?? 1);
  const table = rows.filter((r) => r.row >= start);
  const data = hasHeader ? table.slice(1) : table;
  const columns = Math.max(
    layout.headers.length,
    ...table.slice(0, SAMPLE_ROWS).map((r) => r.cells.length),
    0,
  );
  const cut = (text: string) =>
    text.length > SAMPLE_CELL_CHARS ? `${text.slice(0, SAMPLE_CELL_CHARS - 1)}…` : text;
  const sample = table
    .slice(0, SAMPLE_ROWS)
    .map((r) => Array.from({ length: columns }, (_, i) => cut(cellText(r.cells[i]))));
  const kinds = Array.from({ length: columns }, (_, i) => {
    const counts = new Map<CellKind, number>();
    for (const r of data.slice(0, FINGERPRINT_ROWS)) {
      const kind = cellKind(r.cells[i], lexicon);
      if (kind !== 'empty') counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'empty';
  });
  const headers = hasHeader
    ? Array.from({ length: columns }, (_, i) => headerKey(layout.headers[i] ?? ''))
    : [];
  const fingerprint = createHash('sha256').update(JSON.stringify({ headers, kinds })).digest('hex');
  return { rows: sample, columns, hasHeader, fingerprint };
}
