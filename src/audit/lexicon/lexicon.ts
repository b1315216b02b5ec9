import { z } from 'zod';
import { FeeGuardError } from '../../errors.js';
import { COLUMN_ROLES, FEE_CATEGORIES, type ColumnRole, type FeeCategory } from '../model.js';
import data from './lexicon.json' with { type: 'json' };

/**
 * The classification knowledge: which header names mean which column, which words make a row a
 * sale, a payout, a refund or a deduction, and which fee category a deduction belongs to.
 * It is data (lexicon.json) so it can be extended, reviewed and stored without touching code.
 */
const weighted = z.array(z.object({ pattern: z.string().min(1), weight: z.number() }));

export const lexiconSchema = z.object({
  version: z.string(),
  note: z.string().optional(),
  columns: z.partialRecord(z.enum(COLUMN_ROLES), weighted),
  directions: z.object({ in: z.string(), out: z.string() }),
  cardTypes: z.object({ debit: z.string(), credit: z.string() }),
  summaryRow: z.string(),
  /** Words anywhere in a dated row's type or description that make it a daily (period) total. */
  dailySummary: z.string().optional(),
  noteRow: z.string(),
  kinds: z.object({
    refundWords: z.string(),
    transaction: z.string(),
    reversal: z.string(),
    settlement: z.string(),
    deduction: z.string(),
  }),
  categories: z.record(z.enum(FEE_CATEGORIES), weighted),
});
export type LexiconData = z.infer<typeof lexiconSchema>;

export interface WeightedPattern {
  source: string;
  regex: RegExp;
  weight: number;
}

export interface Lexicon {
  version: string;
  columns: ReadonlyMap<ColumnRole, readonly WeightedPattern[]>;
  directionIn: RegExp;
  directionOut: RegExp;
  debit: RegExp;
  credit: RegExp;
  summaryRow: RegExp;
  dailySummary: RegExp | null;
  noteRow: RegExp;
  refundWords: RegExp;
  transaction: RegExp;
  reversal: RegExp;
  settlement: RegExp;
  deduction: RegExp;
  categories: ReadonlyMap<FeeCategory, readonly WeightedPattern[]>;
}

function compile(source: string, where: string): RegExp {
  try {
    return new RegExp(source, 'iu');
  } catch (error) {
    throw new FeeGuardError(
      'FG_ERR_INTERNAL',
      `lexicon pattern at ${where} is not a valid regular expression`,
      {
        cause: error,
      },
    );
  }
}

function compileWeighted(list: readonly { pattern: string; weight: number }[], where: string) {
  return list.map((p, i) => ({
    source: p.pattern,
    regex: compile(p.pattern, `${where}[${i}]`),
    weight: p.weight,
  }));
}

/** Validates and compiles lexicon data (the shipped file, or a user's extended copy). */
export function compileLexicon(input: unknown): Lexicon {
  const parsed = lexiconSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FeeGuardError(
      'FG_ERR_INTERNAL',
      `invalid lexicon at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  const d = parsed.data;
  const columns = new Map<ColumnRole, WeightedPattern[]>();
  for (const role of COLUMN_ROLES) {
    const list = d.columns[role];
    if (list) columns.set(role, compileWeighted(list, `columns.${role}`));
  }
  const categories = new Map<FeeCategory, WeightedPattern[]>();
  for (const category of FEE_CATEGORIES) {
    categories.set(category, compileWeighted(d.categories[category], `categories.${category}`));
  }
  return {
    version: d.version,
    columns,
    directionIn: compile(d.directions.in, 'directions.in'),
    directionOut: compile(d.directions.out, 'directions.out'),
    debit: compile(d.cardTypes.debit, 'cardTypes.debit'),
    credit: compile(d.cardTypes.credit, 'cardTypes.credit'),
    summaryRow: compile(d.summaryRow, 'summaryRow'),
    dailySummary: d.dailySummary === undefined ? null : compile(d.dailySummary, 'dailySummary'),
    noteRow: compile(d.noteRow, 'noteRow'),
    refundWords: compile(d.kinds.refundWords, 'kinds.refundWords'),
    transaction: compile(d.kinds.transaction, 'kinds.transaction'),
    reversal: compile(d.kinds.reversal, 'kinds.reversal'),
    settlement: compile(d.kinds.settlement, 'kinds.settlement'),
    deduction: compile(d.kinds.deduction, 'kinds.deduction'),
    categories,
  };
}

/** The lexicon shipped with FeeGuard. */
export function defaultLexicon(): Lexicon {
  return compileLexicon(data);
}
