import { z } from 'zod';
import { FeeGuardError } from '../../errors.js';
import { COLUMN_ROLES, FEE_CATEGORIES, type ColumnRole, type FeeCategory } from '../model.js';
import { foldWidth } from '../money.js';
import data from './lexicon.json' with { type: 'json' };
import { foldTraditional } from './traditional.js';

/**
 * The classification knowledge: which header names mean which column, which words make a row a
 * sale, a payout, a refund or a deduction, and which fee category a deduction belongs to.
 * It is data (lexicon.json) so it can be extended, reviewed and stored without touching code.
 */
const weighted = z.array(z.object({ pattern: z.string().min(1), weight: z.number() }));

/**
 * A fee-category entry: a regular expression (`pattern`), or literal names (`terms`) matched as
 * written; `requires` makes the entry count only when the text also matches it (a word that can
 * name a payout — 提现, 秒到, D0 — is a fee only together with a charge word such as 费).
 */
const categoryEntry = z
  .strictObject({
    pattern: z.string().min(1).optional(),
    terms: z.array(z.string().min(1)).min(1).optional(),
    weight: z.number(),
    requires: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .refine((e) => (e.pattern === undefined) !== (e.terms === undefined), {
    message: 'give either pattern or terms',
  });

export const lexiconSchema = z.object({
  version: z.string(),
  note: z.string().optional(),
  /** Where the names come from, and when they were last checked (project rule for knowledge). */
  source: z.string().min(1),
  verified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date written YYYY-MM-DD'),
  columns: z.partialRecord(z.enum(COLUMN_ROLES), weighted),
  directions: z.object({ in: z.string(), out: z.string() }),
  cardTypes: z.object({ debit: z.string(), credit: z.string() }),
  summaryRow: z.string(),
  /** Words anywhere in a dated row's type or description that make it a daily (period) total. */
  dailySummary: z.string().optional(),
  /**
   * A header that names a fee column only when its values are a card fee's (服务费: also the name
   * of fixed charges), see infer.ts `feeOfRate`.
   */
  rateFeeColumn: z.string().optional(),
  /** Words of a status column (结算状态, Status): a record that failed, or is still pending. */
  statuses: z
    .object({ note: z.string().optional(), failed: z.string(), pending: z.string() })
    .default({ failed: '^(失败|已关闭|已撤销|failed|cancel+ed)$', pending: '^(处理中|pending)$' }),
  noteRow: z.string(),
  kinds: z.object({
    refundWords: z.string(),
    transaction: z.string(),
    reversal: z.string(),
    settlement: z.string(),
    deduction: z.string(),
    /** Cash-back, subsidies, rewards: money in, never a fee. */
    subsidy: z.string().default('返现|补贴|奖励'),
    /** A reversal (冲正/撤销) of a fee: with a fee word and money in, a credit cancelling it. */
    feeReversal: z.string().default('冲正|撤销'),
    /** The shape of a payout to the merchant's card: 至尾号1234, 到卡, 结算至 … */
    payout: z.string().default('至尾号|尾号\\d{4}|到卡'),
    /**
     * Words naming the speed of a payout (秒到, D0, T0) or that the merchant asked for it (提现,
     * 代付): on a payout row, not a charge; the payout's own fee column is its withdrawal fee.
     */
    speed: z.string().default('秒到|d0|t0'),
    /** Charge words that make a speed word a fee (秒到 + 费). */
    charge: z.string().default('费|fee'),
    /** The card-scheme network service fee of the 2016 card-fee reform: part of the card fee. */
    cardNetwork: z.string().default('银联网络服务费|品牌服务费'),
    /** 网络服务费 on its own: a SIM fee when fixed and periodic, the card network fee per sale. */
    networkAmbiguous: z.string().default('网络服务费'),
    /**
     * The card fee of one sale on a row of its own (支付宝's 交易服务费[订单号] under the sale): the
     * ordinary transaction fee, checked against the contracted rate of that sale, not a 服务费.
     */
    saleFee: z.string().default('交易服务费|交易手续费'),
  }),
  categories: z.record(z.enum(FEE_CATEGORIES), z.array(categoryEntry)),
});
export type LexiconData = z.infer<typeof lexiconSchema>;

export interface WeightedPattern {
  source: string;
  regex: RegExp;
  weight: number;
  /** The entry counts only when the text also matches this. */
  requires?: RegExp;
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
  /** A header that is a fee column when its values are a rate's (服务费（元）). */
  rateFeeColumn: RegExp | null;
  /** A status that says no money moved (失败, 已关闭, FAILED …). */
  statusFailed: RegExp;
  /** A status that says the record is still being processed (处理中, PENDING …). */
  statusPending: RegExp;
  noteRow: RegExp;
  refundWords: RegExp;
  transaction: RegExp;
  reversal: RegExp;
  settlement: RegExp;
  deduction: RegExp;
  subsidy: RegExp;
  feeReversal: RegExp;
  payout: RegExp;
  speed: RegExp;
  charge: RegExp;
  cardNetwork: RegExp;
  networkAmbiguous: RegExp;
  saleFee: RegExp;
  categories: ReadonlyMap<FeeCategory, readonly WeightedPattern[]>;
}

function compile(source: string, where: string, flags = 'iu'): RegExp {
  try {
    return new RegExp(source, flags);
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

/**
 * How lexicon names and statement text are compared: half width, simplified characters (a name
 * written in traditional ones is the same name, traditional.ts), lower case, no spaces.
 */
export function normalizeTerm(text: string): string {
  return foldTraditional(foldWidth(text)).toLowerCase().replace(/\s+/gu, '');
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

interface CategoryEntryData {
  pattern?: string | undefined;
  terms?: string[] | undefined;
  weight: number;
  requires?: string | undefined;
}

/** Names become one alternation, longest first, so the most specific name is the one matched. */
function compileEntries(list: readonly CategoryEntryData[], where: string): WeightedPattern[] {
  return list.map((e, i) => {
    const source =
      e.pattern ??
      [...new Set((e.terms ?? []).map(normalizeTerm))]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|');
    const compiled: WeightedPattern = {
      source,
      regex: compile(source, `${where}[${i}]`, 'giu'),
      weight: e.weight,
    };
    if (e.requires !== undefined)
      compiled.requires = compile(e.requires, `${where}[${i}].requires`);
    return compiled;
  });
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
    categories.set(category, compileEntries(d.categories[category], `categories.${category}`));
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
    rateFeeColumn: d.rateFeeColumn === undefined ? null : compile(d.rateFeeColumn, 'rateFeeColumn'),
    statusFailed: compile(d.statuses.failed, 'statuses.failed'),
    statusPending: compile(d.statuses.pending, 'statuses.pending'),
    noteRow: compile(d.noteRow, 'noteRow'),
    refundWords: compile(d.kinds.refundWords, 'kinds.refundWords'),
    transaction: compile(d.kinds.transaction, 'kinds.transaction'),
    reversal: compile(d.kinds.reversal, 'kinds.reversal'),
    settlement: compile(d.kinds.settlement, 'kinds.settlement'),
    deduction: compile(d.kinds.deduction, 'kinds.deduction'),
    subsidy: compile(d.kinds.subsidy, 'kinds.subsidy'),
    feeReversal: compile(d.kinds.feeReversal, 'kinds.feeReversal'),
    payout: compile(d.kinds.payout, 'kinds.payout'),
    speed: compile(d.kinds.speed, 'kinds.speed'),
    charge: compile(d.kinds.charge, 'kinds.charge'),
    cardNetwork: compile(d.kinds.cardNetwork, 'kinds.cardNetwork'),
    networkAmbiguous: compile(d.kinds.networkAmbiguous, 'kinds.networkAmbiguous'),
    saleFee: compile(d.kinds.saleFee, 'kinds.saleFee'),
    categories,
  };
}

/** The lexicon shipped with FeeGuard. */
export function defaultLexicon(): Lexicon {
  return compileLexicon(data);
}
