import { z } from 'zod';
import { FEE_CATEGORIES, FINDING_CATEGORIES, STATEMENT_FORMATS } from '../model.js';

/**
 * The JSON audit report, schema version 1 (`../shared/spec/audit.md` §3). Fields beyond the spec
 * (`reasonEn`, `basis`, `counts`, `period`, …) are additions; nothing in the spec is left out.
 * Amounts are yuan strings with exactly two decimals.
 */
const yuan = z.string().regex(/^-?\d+\.\d{2}$/, 'an amount in yuan with two decimals');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const findingCategorySchema = z.enum(FINDING_CATEGORIES);
export const verdictSchema = z.enum(['authorized', 'unauthorized', 'needs_review']);
export const periodEverySchema = z.enum(['once', 'month', 'quarter', 'year']);

/**
 * How the layout reader read a table (added in v1): the column taken for each role (its letter
 * and header text), the money unit, the sign convention, and how sure it is, with the reasons.
 */
export const statementLayoutSchema = z.object({
  columns: z.record(z.string(), z.object({ column: z.string(), header: z.string() })),
  unit: z.enum(['yuan', 'fen', 'mixed']),
  sign: z.enum(['signed', 'parentheses', 'direction', 'debitCredit', 'balance', 'unsigned']),
  feeNegative: z.boolean().optional(),
  /** 收入 and 支出 both filled on sale rows: there 支出 is the sale's fee, not money out. */
  outflowFee: z.boolean().optional(),
  /** Fee columns of their own beside the fee column (服务费, 流量费, 垫资费) and their category. */
  feeColumns: z
    .array(z.object({ column: z.string(), header: z.string(), category: z.enum(FEE_CATEGORIES) }))
    .optional(),
  confidence: z.object({ level: z.enum(['high', 'medium', 'low']), reasons: z.array(z.string()) }),
  /**
   * A daily sheet on its side (one column a day), read turned: each role's `column` is then the
   * number of the row its figures are printed on.
   */
  byRow: z.literal(true).optional(),
});

export const statementSummarySchema = z.object({
  file: z.string(),
  format: z.enum(STATEMENT_FORMATS),
  encoding: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  records: z.number().int(),
  columns: z.record(z.string(), z.string()),
  sheets: z.array(z.string()).optional(),
  period: z.object({ from: isoDate, to: isoDate }).nullable().optional(),
  sha256: z.string().optional(),
  layout: statementLayoutSchema.optional(),
});

export const findingSchema = z.object({
  file: z.string(),
  row: z.number().int(),
  sheet: z.string().optional(),
  page: z.number().int().optional(),
  date: isoDate,
  category: findingCategorySchema,
  amount: yuan,
  verdict: verdictSchema,
  overcharge: yuan,
  text: z.string(),
  reason: z.string(),
  reasonEn: z.string().optional(),
  /** Why the row was put in its category: the evidence the classifier used. */
  basis: z.string().optional(),
  /** For a deposit: refundable when returned under the agreement. */
  refundable: z.boolean().optional(),
  reference: z.string().optional(),
});

export const recurringSchema = z.object({
  category: findingCategorySchema,
  amount: yuan,
  every: periodEverySchema,
  dates: z.array(isoDate),
  next: isoDate,
});

export const warningSchema = z.object({
  file: z.string(),
  row: z.number().int().optional(),
  sheet: z.string().optional(),
  page: z.number().int().optional(),
  message: z.string(),
});

/**
 * A departure from the provider's own published fee schedule (docs/fee-schedules.md): where, the
 * version in effect that day, what it says, what was taken and the difference. Present only when
 * schedules were compared (`--schedule`, or the server when the provider published one).
 */
export const scheduleDepartureSchema = z.object({
  kind: z.enum(['unlisted_charge', 'above_amount', 'too_often', 'rate_above']),
  file: z.string(),
  row: z.number().int(),
  sheet: z.string().optional(),
  page: z.number().int().optional(),
  date: isoDate,
  category: findingCategorySchema,
  provider: z.string(),
  scheduleVersion: z.string(),
  scheduleEffectiveFrom: isoDate,
  chargeName: z.string().optional(),
  scheduled: z.string(),
  scheduledEn: z.string(),
  taken: yuan,
  allowed: yuan,
  difference: yuan,
  differenceFen: z.number().int(),
});

export const scheduleVersionRefSchema = z.object({
  provider: z.string(),
  version: z.string(),
  effectiveFrom: isoDate,
});

export const auditReportSchema = z.object({
  schemaVersion: z.literal(1),
  statements: z.array(statementSummarySchema),
  findings: z.array(findingSchema),
  recurring: z.array(recurringSchema),
  claim: z.object({
    total: yuan,
    currency: z.literal('CNY'),
    byCategory: z.partialRecord(findingCategorySchema, yuan),
  }),
  counts: z
    .object({ authorized: z.number(), unauthorized: z.number(), needs_review: z.number() })
    .optional(),
  contract: z
    .object({ provider: z.string().optional(), providerType: z.string().optional() })
    .nullable()
    .optional(),
  warnings: z.array(warningSchema),
  /** The published schedule versions the deductions were held against (optional, added in v1). */
  schedules: z.array(scheduleVersionRefSchema).optional(),
  scheduleDepartures: z.array(scheduleDepartureSchema).optional(),
});

export type AuditReport = z.infer<typeof auditReportSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type ReportDeparture = z.infer<typeof scheduleDepartureSchema>;
export type Recurring = z.infer<typeof recurringSchema>;
export type ReportWarning = z.infer<typeof warningSchema>;
export type StatementSummary = z.infer<typeof statementSummarySchema>;
export type StatementLayout = z.infer<typeof statementLayoutSchema>;
