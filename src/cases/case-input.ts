import type { IsoDate } from '../audit/model.js';
import { parseYuanToFen } from '../audit/money.js';
import type { AuditReport } from '../audit/report/schema.js';
import { FeeGuardError } from '../errors.js';
import type { PlanInput } from '../plan/plan.js';
import type { CaseFile } from './case-file.js';

/** The facts of a case as the route planner needs them. */
export function planInputOf(caseFile: CaseFile, audit: AuditReport, today: IsoDate): PlanInput {
  return {
    complainantType: caseFile.complainant.type,
    providerType: caseFile.respondent.type,
    providerName: caseFile.respondent.name,
    claimFen: yuanToFen(audit.claim.total, 'audit.claim.total'),
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
