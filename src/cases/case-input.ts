import type { IsoDate } from '../audit/model.js';
import { parseYuanToFen } from '../audit/money.js';
import type { AuditReport } from '../audit/report/schema.js';
import { FeeGuardError } from '../errors.js';
import type { Plan, PlanInput } from '../plan/plan.js';
import { resolveProviderKind, type ProviderKindResolution } from '../channels/provider-kind.js';
import type { CaseFile } from './case-file.js';

/** The facts of a case as the route planner needs them. */
/** The provider's kind as the case states it, checked against its name (see provider-kind.ts). */
export function providerKindOf(caseFile: CaseFile): ProviderKindResolution {
  return resolveProviderKind(caseFile.respondent.name, caseFile.respondent.type);
}

export function planInputOf(caseFile: CaseFile, audit: AuditReport, today: IsoDate): PlanInput {
  const kind = providerKindOf(caseFile);
  return {
    complainantType: caseFile.complainant.type,
    providerType: kind.kind,
    ...(kind.question ? { providerTypeQuestion: kind.question } : {}),
    providerName: caseFile.respondent.name,
    ...(caseFile.respondent.province === undefined
      ? {}
      : { providerProvince: caseFile.respondent.province }),
    ...(caseFile.respondent.court === undefined
      ? caseFile.respondent.city && caseFile.respondent.district
        ? { providerCourt: `${caseFile.respondent.city}${caseFile.respondent.district}人民法院` }
        : {}
      : { providerCourt: caseFile.respondent.court }),
    claimFen: yuanToFen(audit.claim.total, 'audit.claim.total'),
    questionedFen: audit.findings
      .filter((f) => f.verdict === 'needs_review')
      .reduce((sum, f) => sum + Math.abs(parseYuanToFen(f.amount) ?? 0), 0),
    history: caseFile.history.map((attempt, i) => ({
      channel: attempt.channel,
      date: attempt.date,
      outcome: attempt.outcome,
      ...(attempt.reference === undefined ? {} : { reference: attempt.reference }),
      ...(attempt.answeredAt === undefined ? {} : { answeredAt: attempt.answeredAt }),
      ...(attempt.refundYuan === undefined
        ? {}
        : { refundFen: yuanToFen(attempt.refundYuan, `history.${String(i)}.refundYuan`) }),
    })),
    othersAffected: caseFile.othersAffected,
    ...(caseFile.noticedAt === undefined ? {} : { noticedAt: caseFile.noticedAt }),
    arbitrationAgreement: caseFile.arbitrationAgreement,
    asOf: caseFile.asOf ?? today,
  };
}

function yuanToFen(value: number | string, field: string): number {
  const fen = parseYuanToFen(String(value));
  if (fen === null || fen < 0) {
    throw new FeeGuardError(
      'FG_ERR_BAD_CASE',
      `${field}: "${String(value)}" is not an amount in yuan`,
      {
        hint: 'write the amount in yuan, e.g. 99 or "99.00"',
      },
    );
  }
  return fen;
}

/**
 * The case's earlier attempts with the answer deadline the plan worked out for each (where the
 * case file does not give one), so a letter can tell "awaiting the answer" from "no answer by the
 * deadline".
 */
export function withAnswerDues(caseFile: CaseFile, plan: Plan): CaseFile {
  const steps = [...plan.ladder, ...plan.parallel];
  return {
    ...caseFile,
    history: caseFile.history.map((attempt) => {
      if (attempt.answerDue) return attempt;
      const step = steps.find(
        (s) => s.channel === attempt.channel && s.filed?.date === attempt.date,
      );
      const due = step?.answerDue?.deadline.due;
      return due ? { ...attempt, answerDue: due } : attempt;
    }),
  };
}
