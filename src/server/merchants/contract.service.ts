import { writeFile } from 'node:fs/promises';
import type { Transaction } from 'kysely';
import {
  contractFieldWords,
  contractSchema,
  formatPath,
  parseContract,
} from '../../audit/contract.js';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import type { AuditReport, Finding } from '../../audit/report/schema.js';
import { shanghaiToday } from '../../deadlines/today.js';
import { FeeGuardError } from '../../errors.js';
import type { Caller } from '../auth/caller.js';
import {
  addCaseDeductions,
  appendEvent,
  caseById,
  casesHolding,
  claimableIds,
  insertCaseOffers,
  openCasesOfMerchant,
  recomputeCaseClaim,
  statementsOfCase,
} from '../cases/cases.repository.js';
import { findingOf } from '../cases/case-model.js';
import { refreshCaseSummariesIn } from '../cases/cases.service.js';
import type { DB, MerchantsTable } from '../db/schema.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { scheduleContract, schedulesForProvider } from '../feeschedules/feeschedules.service.js';
import { apiError, notFound } from '../http/errors.js';
import { isRetryable } from '../stats/stats.service.js';
import { busyError, type AuditPool } from '../statements/audit-pool.js';
import { removeUploadFile, uploadFilePath } from '../statements/upload-file.js';
import { markedFinding, markOf } from '../statements/marks.js';
import {
  deductionsInCases,
  statementOfDeductions,
  deleteDeductions,
  insertDeductions,
  deductionsOfStatement,
  storedStatementsOf,
  tallyDeductions,
  updateDeduction,
  updateStatementReport,
} from '../statements/deductions.repository.js';
import { mappingFor, overridesOf, unsureLayoutOf } from '../statements/layout-mappings.js';
import { fingerprints } from '../statements/statements.service.js';
import {
  contractsOf,
  insertContract,
  insertContractChange,
  lockMerchant,
  merchantOf,
  replaceContract,
} from './merchants.repository.js';

type ContractVersion = Awaited<ReturnType<typeof contractsOf>>[number];

/**
 * Correcting the contract a merchant gave: the corrected terms replace the version in effect,
 * every stored statement of the merchant is audited again from its original, and the stored
 * deductions, the open cases holding them (claim, letter, plan, public statistics) follow — in
 * one transaction, so a failure anywhere leaves everything as it was. What the merchant marked
 * agreed or not agreed stays so: their word overrides the contract. A deduction only the
 * corrected terms make claimable joins an open case drawn from the same statements while nothing
 * was filed yet; a case already filed with a channel is offered it instead, so what was sent is
 * never changed behind the merchant's back. The replaced terms are kept, with who and when.
 */

/** What the merchant sends: the corrected terms, or a published schedule to take instead. */
export type ContractCorrection =
  | { readonly contract: unknown }
  | { readonly scheduleId: string; readonly activatedOn?: string | undefined };

export interface CorrectionResult {
  /** The merchant's claim over all deductions, before and after (yuan). */
  readonly claim: { readonly before: string; readonly after: string };
  readonly statements: number;
  /** Deductions whose finding changed (verdict, amount to claim or reason). */
  readonly changed: number;
  /**
   * Each open case the correction touched: its claim before and after (yuan), the deductions it
   * took in (`added`, not filed anywhere yet) or was offered (`offered`, already filed).
   */
  readonly cases: CaseFollow[];
}

export interface CaseFollow {
  id: string;
  before: string;
  after: string;
  added: number;
  offered: number;
}

/** Saves that found someone else's save or upload in between audit again, at most this often. */
const ATTEMPTS = 4;

export async function correctContract(
  deps: ServerDeps,
  audits: AuditPool,
  caller: Caller,
  merchantId: string,
  input: ContractCorrection,
): Promise<CorrectionResult> {
  const merchant = await merchantOf(deps.db, caller.userId, merchantId);
  if (!merchant) throw notFound('merchant');
  if ('contract' in input) checkContract(input.contract);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const versions = await contractsOf(deps.db, [merchant.id]);
    const statements = await storedStatementsOf(deps.db, merchant.id);
    const today = shanghaiToday(deps.now());
    const version = await correctedVersion(deps, merchant, versions, input, today);
    const all = version.replaces
      ? versions.map((v) => (v.id === version.id ? version : v))
      : [...versions, version];
    const schedules = await schedulesForProvider(deps.db, merchant.provider_name);
    // Audited one after another: a correction takes one of the pool's slots, never all of them.
    const reports: AuditReport[] = [];
    for (const s of statements) {
      const report = await reauditStored(deps, audits, merchant, s.file_sha256, {
        versions: all,
        fileName: s.file_name,
        today,
        schedules,
      });
      report.statements.forEach((st) => (st.sha256 = s.file_sha256));
      reports.push(report);
    }
    const same = (a: readonly object[], b: readonly object[]) =>
      JSON.stringify(a) === JSON.stringify(b);
    try {
      const result = await deps.db.transaction().execute(async (trx) => {
        const postgres = deps.dialect === 'postgres';
        await lockMerchant(trx, merchant.id, postgres);
        // What was audited must still be what is stored: another save or an upload in between
        // means auditing again, never mixing two contracts' verdicts.
        if (
          !same(await contractsOf(trx, [merchant.id]), versions) ||
          !same(await storedStatementsOf(trx, merchant.id), statements)
        ) {
          return null;
        }
        const before = claimOf(await tallyDeductions(trx, merchant.id));
        const claimableBefore = new Set(await claimableIds(trx, merchant.id));
        const openCases = await openCasesOfMerchant(trx, merchant.id);
        const at = deps.now().toISOString();
        const { replaces, ...row } = version;
        const previous = replaces ? versions.find((v) => v.id === row.id) : undefined;
        if (replaces) await replaceContract(trx, row);
        else await insertContract(trx, row);
        await insertContractChange(trx, {
          id: newId(),
          merchant_id: merchant.id,
          version_id: row.id,
          effective_from: row.effective_from,
          previous_contract: previous?.contract ?? null,
          previous_fee_schedule_id: previous?.fee_schedule_id ?? null,
          changed_by: caller.userId,
          changed_at: at,
        });
        const changedIds: string[] = [];
        for (const [i, s] of statements.entries()) {
          const report = reports[i];
          if (!report) continue;
          await updateStatementReport(trx, s.id, {
            report: JSON.stringify(report),
            claim: report.claim.total,
            counts: report.counts ? JSON.stringify(report.counts) : null,
            warnings: report.warnings.length,
          });
          changedIds.push(...(await applyReport(trx, merchant.id, s.id, report, postgres, at)));
        }
        const joined = await joinNewlyClaimable(trx, {
          providerName: merchant.provider_name,
          merchantId: merchant.id,
          openCases,
          claimableBefore,
          at,
        });
        const caseIds = [
          ...new Set([...(await casesHolding(trx, changedIds, { open: true })), ...joined.keys()]),
        ].sort();
        const caseClaims: CaseFollow[] = [];
        for (const caseId of caseIds) {
          const was = openCases.find((c) => c.id === caseId)?.claim_fen ?? 0;
          await recomputeCaseClaim(trx, caseId);
          const now = (await caseById(trx, caseId))?.claim_fen ?? 0;
          const follow = {
            id: caseId,
            before: formatFen(was),
            after: formatFen(now),
            added: joined.get(caseId)?.added ?? 0,
            offered: joined.get(caseId)?.offered ?? 0,
          };
          caseClaims.push(follow);
          if (was === now && follow.added === 0 && follow.offered === 0) continue;
          // the case's own history says why its claim moved, and by whose correction
          await appendEvent(trx, {
            id: newId(),
            case_id: caseId,
            filing_id: null,
            actor_id: caller.userId,
            kind: 'contract_corrected',
            data: JSON.stringify({
              claim: { before: follow.before, after: follow.after },
              added: follow.added,
              offered: follow.offered,
            }),
            at,
          });
        }
        await refreshCaseSummariesIn(trx, deps, caseIds);
        const after = claimOf(await tallyDeductions(trx, merchant.id));
        return {
          claim: { before: formatFen(before), after: formatFen(after) },
          statements: statements.length,
          changed: changedIds.length,
          cases: caseClaims,
        };
      });
      if (result) return result;
    } catch (error) {
      if (!isRetryable(error) || attempt === ATTEMPTS) throw error;
    }
  }
  throw busyError();
}

/**
 * Deductions claimable only under the corrected terms, handed to the open cases drawn from the
 * statements they came from (the oldest case first; none is held twice): a case not filed
 * anywhere takes them in, a case already filed with a channel is offered them. A case against
 * another provider than the merchant's present one takes nothing. Returns, per case, how many.
 */
async function joinNewlyClaimable(
  trx: Transaction<DB>,
  input: {
    providerName: string;
    merchantId: string;
    openCases: readonly { id: string; respondent_name: string; filed: unknown }[];
    claimableBefore: ReadonlySet<string>;
    at: string;
  },
): Promise<Map<string, { added: number; offered: number }>> {
  const joined = new Map<string, { added: number; offered: number }>();
  const fresh = (await claimableIds(trx, input.merchantId)).filter(
    (id) => !input.claimableBefore.has(id),
  );
  if (fresh.length === 0 || input.openCases.length === 0) return joined;
  const held = new Set(await deductionsInCases(trx, fresh));
  const free = await statementOfDeductions(
    trx,
    fresh.filter((id) => !held.has(id)),
  );
  for (const c of input.openCases) {
    if (c.respondent_name !== input.providerName) continue;
    const statements = new Set(await statementsOfCase(trx, c.id));
    const mine = [...free].filter(([, st]) => statements.has(st)).map(([id]) => id);
    if (mine.length === 0) continue;
    mine.forEach((id) => free.delete(id));
    // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean
    if (c.filed === true || c.filed === 1) {
      await insertCaseOffers(trx, c.id, mine, input.at);
      joined.set(c.id, { added: 0, offered: mine.length });
    } else {
      await addCaseDeductions(trx, c.id, mine);
      joined.set(c.id, { added: mine.length, offered: 0 });
    }
  }
  return joined;
}

/**
 * The contract as sent, checked as the audit will read it; a problem is a 400 that names the
 * field as the form does (「约定的收费第 2 项的金额」), with the path for developers.
 */
export function checkContract(contract: unknown): void {
  const fail = (path: string, problem: string) => {
    const words = contractFieldWords(path, contract);
    return new FeeGuardError(
      'FG_ERR_VALIDATION',
      `contract.${path}（${words.zh} / ${words.en}）: ${problem}`,
      {
        hint: 'see the contract format in docs/contract.md',
        details: { field: `contract.${path}`, words },
      },
    );
  };
  const parsed = contractSchema.safeParse(contract);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(formatPath(issue?.path ?? []), issue?.message ?? 'invalid');
  }
  try {
    parseContract(contract);
  } catch (error) {
    if (error instanceof FeeGuardError && error.code === 'FG_ERR_BAD_CONTRACT') {
      const path = error.details?.['path'];
      throw fail(typeof path === 'string' ? path : '', error.message);
    }
    throw error;
  }
}

/**
 * The corrected version. It replaces the version in effect today (the latest that took effect
 * on or before today, else the earliest), keeping its date, so every statement that version
 * judged is judged by the corrected terms; later or earlier versions stay as they are. Without
 * any version yet, it takes effect from the signing date or today.
 */
async function correctedVersion(
  deps: ServerDeps,
  merchant: MerchantsTable,
  versions: readonly ContractVersion[],
  input: ContractCorrection,
  today: string,
): Promise<ContractVersion & { replaces: boolean }> {
  const inEffect = versions.filter((v) => v.effective_from <= today).at(-1) ?? versions[0];
  const base = {
    id: inEffect?.id ?? newId(),
    merchant_id: merchant.id,
    created_at: inEffect?.created_at ?? deps.now().toISOString(),
    replaces: inEffect !== undefined,
  };
  if ('contract' in input) {
    const signedAt = (input.contract as { signedAt?: unknown }).signedAt;
    return {
      ...base,
      effective_from: inEffect?.effective_from ?? (typeof signedAt === 'string' ? signedAt : today),
      contract: JSON.stringify(input.contract),
      fee_schedule_id: null,
    };
  }
  const taken = await scheduleContract(deps.db, merchant, {
    scheduleId: input.scheduleId,
    ...(inEffect ? { effectiveFrom: inEffect.effective_from } : {}),
    ...(input.activatedOn ? { activatedOn: input.activatedOn } : {}),
  });
  return {
    ...base,
    effective_from: taken.effectiveFrom,
    contract: taken.contract,
    fee_schedule_id: taken.feeScheduleId,
  };
}

/**
 * The audit workers read files, not bytes: the stored original is copied to a temporary file for
 * the audit and removed on every path.
 */
async function reauditStored(
  deps: ServerDeps,
  audits: AuditPool,
  merchant: MerchantsTable,
  sha256: string,
  job: Omit<Parameters<AuditPool['run']>[0], 'path'>,
): Promise<AuditReport> {
  const temp = uploadFilePath(deps.config.uploadTempDir);
  try {
    await writeFile(temp, await deps.storage.get(sha256), { flag: 'wx', mode: 0o600 });
    return await reaudit(deps, audits, merchant, { ...job, path: temp });
  } finally {
    await removeUploadFile(temp);
  }
}

/** A stored statement audited again as its upload was: with the column mapping it needed then. */
async function reaudit(
  deps: ServerDeps,
  audits: AuditPool,
  merchant: MerchantsTable,
  job: Parameters<AuditPool['run']>[0],
): Promise<AuditReport> {
  try {
    return await audits.run(job);
  } catch (error) {
    const unsure = unsureLayoutOf(error, merchant.provider_name);
    if (!unsure) throw error;
    const found = await mappingFor(deps.db, unsure.fingerprint, merchant.id);
    if (!found) {
      throw apiError(
        'FG_ERR_UNSURE_LAYOUT',
        `the columns of “${job.fileName}” can no longer be read without a mapping`,
        'upload that statement again and say which column is which',
      );
    }
    return audits.run({ ...job, map: overridesOf(found.mapping) });
  }
}

/**
 * Writes a statement's new findings onto the deductions it brought in, matched by fingerprint
 * as at upload: a deduction the merchant marked keeps the mark, with the new audit kept beside
 * it; a finding the corrected contract adds (a fee above a lower agreed rate) is stored as at
 * upload; one it no longer makes is removed, or — when a case holds it or the merchant marked
 * it — kept as within the contract, so a case never loses a row it was filed with. Returns the
 * ids of the deductions whose finding changed.
 */
async function applyReport(
  trx: Transaction<DB>,
  merchantId: string,
  statementId: string,
  report: AuditReport,
  postgres: boolean,
  at: string,
): Promise<string[]> {
  const prints = fingerprints(report.findings);
  const byPrint = new Map<string, Finding>();
  report.findings.forEach((f, i) => byPrint.set(prints[i] ?? '', f));
  const stored = await deductionsOfStatement(trx, statementId, postgres);
  const inCase = new Set(
    await deductionsInCases(
      trx,
      stored.map((r) => r.id),
    ),
  );
  const changed: string[] = [];
  const gone: string[] = [];
  for (const row of stored) {
    const before = findingOf(row);
    const mark = markOf(before);
    let audited = byPrint.get(row.fingerprint);
    byPrint.delete(row.fingerprint);
    if (!audited) {
      if (!mark && !inCase.has(row.id)) {
        gone.push(row.id);
        continue;
      }
      const previous = row.audit_finding ? findingOf({ finding: row.audit_finding }) : before;
      audited = {
        ...previous,
        verdict: 'authorized',
        overcharge: formatFen(0),
        reason: '按更正后的合同，这笔费用在约定范围内',
        reasonEn: 'Within the terms of the corrected contract',
        basis: 'contract',
      };
    }
    const next = mark ? markedFinding(audited, row.amount_fen, mark) : audited;
    const finding = JSON.stringify(next);
    if (finding === row.finding) continue;
    await updateDeduction(trx, row.id, {
      verdict: next.verdict,
      overcharge_fen: parseYuanToFen(next.overcharge) ?? 0,
      finding,
      audit_finding: mark ? JSON.stringify(audited) : null,
    });
    // also a new reason alone: the letters of the cases holding it quote it
    changed.push(row.id);
  }
  await deleteDeductions(trx, gone);
  const added = [...byPrint].map(([fingerprint, f]) => ({
    id: newId(),
    merchant_id: merchantId,
    fingerprint,
    statement_id: statementId,
    date: f.date,
    category: f.category,
    amount_fen: parseYuanToFen(f.amount) ?? 0,
    verdict: f.verdict,
    overcharge_fen: parseYuanToFen(f.overcharge) ?? 0,
    finding: JSON.stringify(f),
    created_at: at,
  }));
  await insertDeductions(trx, added);
  return changed;
}

function claimOf(tally: readonly { verdict: string; overchargeFen: number }[]): number {
  return tally
    .filter((t) => t.verdict === 'unauthorized' && t.overchargeFen > 0)
    .reduce((sum, t) => sum + t.overchargeFen, 0);
}
