import { isDeepStrictEqual } from 'node:util';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { formatFen } from '../../audit/money.js';
import { planInputOf } from '../../cases/case-input.js';
import type { CaseFile } from '../../cases/case-file.js';
import type { KnowledgeBase } from '../../channels/schema.js';
import { chinaCalendar } from '../../deadlines/calendar.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { AuditReport } from '../../audit/report/schema.js';
import { planCase, type Plan, type PlanInput, type PlanStep } from '../../plan/plan.js';
import { defaultPlanPolicy } from '../../plan/policy.js';
import type { Caller } from '../auth/caller.js';
import { knowledgeBase } from '../channels/channels.service.js';
import type {
  CasesTable,
  DB,
  DeductionsTable,
  FilingsTable,
  MerchantsTable,
} from '../db/schema.js';
import type { ServerDeps } from '../deps.js';
import { notFound } from '../http/errors.js';
import { refreshCaseStats, refreshCaseStatsIn } from '../stats/stats.service.js';
import {
  caseById,
  deductionsOfCases,
  filingsOfCases,
  merchantsByIds,
  organizationsAddressed,
  statementsOfDeductions,
} from './cases.repository.js';
import { caseAudit, caseFileOf } from './case-model.js';

export type CaseRole = 'owner' | 'respondent';

/** One calendar for the process: it remembers which years' holiday schedules are published. */
const CALENDAR = chinaCalendar();

/**
 * The one access check for a case: its owner may do everything; a member of an organization a
 * filing of the case is addressed to may read it (findings, letter, evidence, events). Anyone
 * else gets the same 404 as for a case that does not exist.
 */
export async function caseFor(
  deps: ServerDeps,
  caller: Caller,
  caseId: string,
  allow: 'owner' | 'read',
): Promise<{ row: CasesTable; role: CaseRole }> {
  const row = await caseById(deps.db, caseId);
  if (!row) throw notFound('case');
  if (row.owner_id === caller.userId) return { row, role: 'owner' };
  if (allow === 'read' && caller.organizationIds.length > 0) {
    const addressed = await organizationsAddressed(deps.db, caseId);
    if (addressed.some((id) => caller.organizationIds.includes(id)))
      return { row, role: 'respondent' };
  }
  throw notFound('case');
}

export interface CaseContext {
  readonly row: CasesTable;
  readonly merchant: MerchantsTable;
  readonly filings: readonly FilingsTable[];
  readonly deductions: readonly DeductionsTable[];
  readonly audit: AuditReport;
  readonly caseFile: CaseFile;
  readonly kb: KnowledgeBase;
  /** What the plan was worked out from: the same input gives the same plan. */
  readonly planInput: PlanInput;
  readonly plan: Plan;
  readonly statements: readonly {
    id: string;
    file_name: string;
    file_sha256: string;
    report: string;
  }[];
  readonly today: string;
}

/** Everything known about a case, as the CLI would have it from case.json and its audit. */
export async function loadCaseContext(deps: ServerDeps, row: CasesTable): Promise<CaseContext> {
  const [context] = await loadCaseContexts(deps, [row]);
  if (!context) throw notFound('case');
  return context;
}

/** The same for a page of cases, with one query per table rather than one per case. */
export async function loadCaseContexts(
  deps: ServerDeps,
  rows: readonly CasesTable[],
): Promise<CaseContext[]> {
  if (rows.length === 0) return [];
  const caseIds = rows.map((r) => r.id);
  const [merchants, filings, deductions, kb] = await Promise.all([
    merchantsByIds(deps.db, [...new Set(rows.map((r) => r.merchant_id))]),
    filingsOfCases(deps.db, caseIds),
    deductionsOfCases(deps.db, caseIds),
    knowledgeBase(deps.db),
  ]);
  const statements = await statementsOfDeductions(deps.db, [
    ...new Set(deductions.map((d) => d.statement_id)),
  ]);
  const today = shanghaiToday(deps.now());
  return rows.map((row) => {
    const merchant = merchants.find((m) => m.id === row.merchant_id);
    if (!merchant) throw notFound('merchant');
    const own = deductions.filter((d) => d.case_id === row.id);
    const statementIds = new Set(own.map((d) => d.statement_id));
    return contextOf({
      row,
      merchant,
      filings: filings.filter((f) => f.case_id === row.id),
      deductions: own,
      statements: statements.filter((s) => statementIds.has(s.id)),
      kb,
      today,
    });
  });
}

type CaseParts = Omit<CaseContext, 'audit' | 'caseFile' | 'planInput' | 'plan'>;

/**
 * A case's context from its rows. With `earlier`, a context of the same case over the same
 * deductions and statements, its audit is reused, and its plan too when the plan's input came
 * out the same (a draft filing, for one, is not yet part of the plan).
 */
function contextOf(parts: CaseParts, earlier?: CaseContext): CaseContext {
  const audit =
    earlier?.audit ??
    caseAudit(
      parts.deductions,
      parts.statements.map((s) => s.report),
    );
  const caseFile = caseFileOf({
    merchant: parts.merchant,
    caseRow: parts.row,
    audit,
    filings: parts.filings,
    statementNames: parts.statements.map((s) => s.file_name),
    asOf: parts.today,
  });
  const planInput = planInputOf(caseFile, audit, parts.today);
  const plan =
    earlier && earlier.kb === parts.kb && isDeepStrictEqual(earlier.planInput, planInput)
      ? earlier.plan
      : planCase(planInput, parts.kb, CALENDAR, defaultPlanPolicy());
  return { ...parts, audit, caseFile, planInput, plan };
}

/** What the deductions a case asks the provider to explain (需核实) amount to, in fen. */
export function questionedFen(
  deductions: readonly Pick<DeductionsTable, 'verdict' | 'amount_fen'>[],
): number {
  return deductions
    .filter((d) => d.verdict === 'needs_review')
    .reduce((sum, d) => sum + Math.abs(d.amount_fen), 0);
}

export type CaseStatus = 'new' | 'waiting' | 'action_needed' | 'resolved' | 'closed';

export function statusOf(plan: Plan, row: Pick<CasesTable, 'status'>): CaseStatus {
  if (row.status === 'closed') return 'closed';
  switch (plan.stage) {
    case 'start':
      return 'new';
    case 'waiting':
      return 'waiting';
    case 'resolved':
      return 'resolved';
    case 'escalate':
    case 'exhausted':
      return 'action_needed';
  }
}

/** The step the merchant should take now, or the one after the answer that is awaited. */
export function nextStepOf(plan: Plan): PlanStep | null {
  return (
    plan.ladder.find((s) => s.state === 'next') ??
    plan.ladder.find((s) => s.state === 'later' && s.startOn !== undefined) ??
    null
  );
}

/** What a case list shows of a case. */
export function summaryOf(ctx: CaseContext) {
  const next = nextStepOf(ctx.plan);
  const awaiting = ctx.filings
    .filter((f) => ['submitted', 'acknowledged'].includes(f.state) && f.due_date)
    .map((f) => f.due_date ?? '')
    .sort();
  return {
    id: ctx.row.id,
    merchantId: ctx.row.merchant_id,
    respondentName: ctx.row.respondent_name,
    respondentType: ctx.row.respondent_type,
    status: statusOf(ctx.plan, ctx.row),
    claim: formatFen(ctx.row.claim_fen),
    questioned: formatFen(questionedFen(ctx.deductions)),
    recovered: formatFen(ctx.row.refunded_fen),
    nextDeadline: awaiting[0] ?? null,
    nextStep: next
      ? {
          channel: next.channel,
          name: next.name,
          state: next.state,
          filingType: next.filingType,
          why: next.why,
          when: next.when,
          ...(next.startOn ? { startOn: next.startOn } : {}),
        }
      : null,
    createdAt: ctx.row.created_at,
  };
}
export type CaseSummary = ReturnType<typeof summaryOf>;

/**
 * Recomputes and stores what lists show (status, next deadline, next step) for these cases.
 * Called in every write that changes a case and by the sweep when deadlines pass, so a list is
 * a plain query however many cases there are.
 */
export async function refreshCaseSummaries(
  deps: ServerDeps,
  caseIds: readonly string[],
): Promise<CaseContext[]> {
  if (caseIds.length === 0) return [];
  const contexts = await storeSummaries(deps, caseIds);
  await refreshCaseStats(deps, caseIds, contexts[0]?.kb);
  return contexts;
}

/**
 * The same inside the caller's transaction: the summaries and the statistics change together
 * with what changed the cases, or not at all.
 */
export async function refreshCaseSummariesIn(
  trx: Transaction<DB>,
  deps: ServerDeps,
  caseIds: readonly string[],
): Promise<CaseContext[]> {
  if (caseIds.length === 0) return [];
  const contexts = await storeSummaries({ ...deps, db: trx }, caseIds);
  await refreshCaseStatsIn(trx, deps, caseIds);
  return contexts;
}

/** The contexts of these cases as they are now, each with its summary stored. */
async function storeSummaries(
  deps: ServerDeps,
  caseIds: readonly string[],
): Promise<CaseContext[]> {
  const rows = await deps.db.selectFrom('cases').selectAll().where('id', 'in', caseIds).execute();
  const stored: CaseContext[] = [];
  for (const ctx of await loadCaseContexts(deps, rows)) {
    stored.push(await storeSummary(deps.db, ctx));
  }
  return stored;
}

async function storeSummary(db: Kysely<DB>, ctx: CaseContext): Promise<CaseContext> {
  const summary = summaryOf(ctx);
  const changes = {
    status: summary.status,
    next_deadline: summary.nextDeadline,
    summary: JSON.stringify({ nextStep: summary.nextStep, questioned: summary.questioned }),
  };
  await db.updateTable('cases').set(changes).where('id', '=', ctx.row.id).execute();
  return { ...ctx, row: { ...ctx.row, ...changes } };
}

/**
 * After a write that changed only a case's filings, inside the writer's transaction (which holds
 * the case, see appendEvent): stores what lists show from the case's row, filings and deductions
 * read again there, with the merchant, statements and knowledge base of `before`. The plan is
 * worked out again only when what it reads changed; should the deductions have changed meanwhile
 * (a mark, a correction), everything is read again. The caller refreshes the statistics after its
 * transaction, as refreshCaseSummaries does.
 */
export async function storeSummaryAfterFilings(
  trx: Kysely<DB>,
  deps: ServerDeps,
  before: CaseContext,
): Promise<CaseContext> {
  const [row, filings, deductions] = await Promise.all([
    caseById(trx, before.row.id),
    filingsOfCases(trx, [before.row.id]),
    deductionsOfCases(trx, [before.row.id]),
  ]);
  if (!row) throw notFound('case');
  if (!isDeepStrictEqual(deductions, before.deductions)) {
    const [again] = await storeSummaries({ ...deps, db: trx }, [row.id]);
    if (!again) throw notFound('case');
    return again;
  }
  return storeSummary(trx, contextOf({ ...before, row, filings }, before));
}

/** Case list entries from the stored summaries; a case without one is computed. */
export async function listSummaries(
  deps: ServerDeps,
  rows: readonly CasesTable[],
): Promise<CaseSummary[]> {
  const missing = rows.filter((r) => r.summary === '{}');
  const computed = new Map(
    (await loadCaseContexts(deps, missing)).map((ctx) => [ctx.row.id, summaryOf(ctx)]),
  );
  return rows.map((row) => {
    const known = computed.get(row.id);
    if (known) return known;
    const stored = JSON.parse(row.summary) as {
      nextStep: CaseSummary['nextStep'];
      questioned?: string;
    };
    return {
      id: row.id,
      merchantId: row.merchant_id,
      respondentName: row.respondent_name,
      respondentType: row.respondent_type,
      status: caseStatusSchema.parse(row.status),
      claim: formatFen(row.claim_fen),
      questioned: stored.questioned ?? '0.00',
      recovered: formatFen(row.refunded_fen),
      nextDeadline: row.next_deadline,
      nextStep: stored.nextStep,
      createdAt: row.created_at,
    };
  });
}

const caseStatusSchema = z.enum(['new', 'waiting', 'action_needed', 'resolved', 'closed']);
