import { z } from 'zod';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import {
  auditReportSchema,
  findingSchema,
  type AuditReport,
  type Finding,
  type StatementSummary,
} from '../../audit/report/schema.js';
import { affirmationsSchema, type Affirmations, type CaseFile } from '../../cases/case-file.js';
import type { AttemptOutcome, PlanAttempt } from '../../plan/plan.js';
import { providerTypeSchema } from '../../cases/case-file.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { CasesTable, DeductionsTable, FilingsTable, MerchantsTable } from '../db/schema.js';

/**
 * Pure translations between stored rows and the domain's plain data: a case in the database
 * becomes the same `case.json` and audit report the CLI works from, so letters, plans and
 * evidence packages come out of one code path.
 */

export const caseDetailsSchema = z.object({
  noticedAt: z.string().optional(),
  narrative: z.string().optional(),
  othersAffected: z.union([z.boolean(), z.number().int().nonnegative()]).default(false),
  arbitrationAgreement: z.boolean().default(false),
});
export type CaseDetails = z.infer<typeof caseDetailsSchema>;

export const filingResponseSchema = z.object({
  kind: z.enum(['in_progress', 'refund', 'explanation', 'rejection']),
  message: z.string(),
  refundFen: z.number().int().nonnegative().optional(),
  by: z.string(),
  at: z.string(),
  review: z
    .object({
      decision: z.enum(['accept', 'dispute']),
      reason: z.string().optional(),
      at: z.string(),
    })
    .optional(),
});
export type FilingResponse = z.infer<typeof filingResponseSchema>;

const merchantDetails = z.object({
  phone: z.string().optional(),
  email: z.string().optional(),
  idNumber: z.string().optional(),
  address: z.string().optional(),
  province: z.string().optional(),
  city: z.string().optional(),
  creditCode: z.string().optional(),
  legalRepresentative: z.string().optional(),
  providerProvince: z.string().optional(),
  providerPhone: z.string().optional(),
  agent: z.string().optional(),
});

// Made once: building a schema costs more than checking a value with it.
const complainantTypeSchema = z.enum(['individual_consumer', 'individual_merchant', 'company']);
const terminalIdsSchema = z.array(z.string());

/** What the merchant affirmed about a case (an empty object before anything was answered). */
export function affirmationsOf(row: Pick<CasesTable, 'affirmations'>): Affirmations {
  return affirmationsSchema.parse(JSON.parse(row.affirmations));
}

export function responseOf(filing: Pick<FilingsTable, 'response'>): FilingResponse | null {
  return filing.response ? filingResponseSchema.parse(JSON.parse(filing.response)) : null;
}

/** What a filing means for the plan: an attempt with its outcome so far. */
export function attemptOf(filing: FilingsTable, claimFen: number): PlanAttempt | null {
  if (filing.state === 'draft' || !filing.submitted_at) return null;
  const response = responseOf(filing);
  const refund = response?.refundFen ?? filing.refund_fen ?? 0;
  const answered = (): AttemptOutcome => {
    if (!response || response.kind === 'in_progress') return 'pending';
    if (response.kind === 'refund') return refund >= claimFen ? 'refunded' : 'partial_refund';
    return 'rejected';
  };
  const outcome = ((): AttemptOutcome => {
    switch (filing.state) {
      case 'submitted':
      case 'acknowledged':
        return 'pending';
      case 'overdue':
        return 'no_answer';
      case 'responded':
        // Answered, but the merchant has not said whether the answer settles it: the plan
        // waits for that decision rather than running ahead to the next step.
        return 'pending';
      case 'accepted':
        // The merchant accepted the answer: for the plan the matter is settled.
        return 'refunded';
      case 'disputed':
        return refund > 0 && refund < claimFen ? 'partial_refund' : 'rejected';
      default:
        return response ? answered() : 'no_answer';
    }
  })();
  return {
    channel: filing.channel_id,
    date: filing.submitted_at,
    outcome,
    ...(filing.reference ? { reference: filing.reference } : {}),
    ...(response ? { answeredAt: shanghaiToday(new Date(response.at)) } : {}),
    ...(refund > 0 ? { refundFen: refund } : {}),
  };
}

export function findingOf(row: Pick<DeductionsTable, 'finding'>): Finding {
  return findingSchema.parse(JSON.parse(row.finding));
}

/** The audit report of a case: its chosen deductions, with the statements they came from. */
export function caseAudit(
  deductions: readonly Pick<DeductionsTable, 'finding'>[],
  statementReports: readonly string[],
): AuditReport {
  const findings = deductions.map(findingOf).sort((a, b) => a.date.localeCompare(b.date));
  const byCategory = new Map<Finding['category'], number>();
  let total = 0;
  for (const f of findings) {
    const fen = parseYuanToFen(f.overcharge) ?? 0;
    if (fen <= 0) continue;
    total += fen;
    byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + fen);
  }
  const reports = statementReports.map((report) => auditReportSchema.parse(JSON.parse(report)));
  const statements: StatementSummary[] = reports.flatMap((report) => report.statements);
  return {
    schemaVersion: 1,
    statements,
    findings,
    recurring: reports
      .flatMap((report) => report.recurring)
      .filter((r) =>
        findings.some((f) => f.category === r.category && f.verdict === 'unauthorized'),
      ),
    claim: {
      total: formatFen(total),
      currency: 'CNY',
      byCategory: Object.fromEntries([...byCategory].map(([k, v]) => [k, formatFen(v)])),
    },
    counts: {
      authorized: findings.filter((f) => f.verdict === 'authorized').length,
      unauthorized: findings.filter((f) => f.verdict === 'unauthorized').length,
      needs_review: findings.filter((f) => f.verdict === 'needs_review').length,
    },
    warnings: [],
  };
}

export function caseFileOf(input: {
  merchant: MerchantsTable;
  caseRow: CasesTable;
  audit: AuditReport;
  filings: readonly FilingsTable[];
  statementNames: readonly string[];
  asOf: string;
}): CaseFile {
  const { merchant, caseRow } = input;
  const d = merchantDetails.parse(JSON.parse(merchant.details));
  const details = caseDetailsSchema.parse(JSON.parse(caseRow.details));
  const type = complainantTypeSchema.parse(merchant.complainant_type);
  const history = input.filings.flatMap((f) => {
    const a = attemptOf(f, caseRow.claim_fen);
    if (!a) return [];
    return [
      {
        channel: a.channel,
        date: a.date,
        outcome: a.outcome,
        ...(a.reference ? { reference: a.reference } : {}),
        ...(a.answeredAt ? { answeredAt: a.answeredAt } : {}),
        // The deadline recorded with the filing: letters say "no answer" only once it passed.
        ...(f.due_date ? { answerDue: f.due_date } : {}),
        ...(a.refundFen ? { refundYuan: formatFen(a.refundFen) } : {}),
      },
    ];
  });
  return {
    schemaVersion: 1,
    complainant: {
      type,
      name: merchant.name,
      ...(merchant.business_name ? { businessName: merchant.business_name } : {}),
      ...(merchant.merchant_no ? { merchantId: merchant.merchant_no } : {}),
      terminalIds: terminalIdsSchema.parse(JSON.parse(merchant.terminal_ids)),
      ...(d.phone ? { phone: d.phone } : {}),
      ...(d.email ? { email: d.email } : {}),
      ...(d.idNumber ? { idNumber: d.idNumber } : {}),
      ...(d.creditCode ? { creditCode: d.creditCode } : {}),
      ...(d.legalRepresentative ? { legalRepresentative: d.legalRepresentative } : {}),
      ...(d.address ? { address: d.address } : {}),
      ...(d.province ? { province: d.province } : {}),
      ...(d.city ? { city: d.city } : {}),
    },
    respondent: {
      name: caseRow.respondent_name,
      type: providerTypeSchema.catch('unknown').parse(caseRow.respondent_type),
      ...(d.agent ? { agent: d.agent } : {}),
      ...(d.providerProvince ? { province: d.providerProvince } : {}),
      ...(d.providerPhone ? { customerServicePhone: d.providerPhone } : {}),
    },
    audit: input.audit,
    statements: [...input.statementNames],
    attachments: [],
    ...(details.noticedAt ? { noticedAt: details.noticedAt } : {}),
    history,
    othersAffected: details.othersAffected,
    arbitrationAgreement: details.arbitrationAgreement,
    affirmations: affirmationsOf(caseRow),
    ...(details.narrative ? { narrative: details.narrative } : {}),
    asOf: input.asOf,
  };
}
