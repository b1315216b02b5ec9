import type { Kysely } from 'kysely';
import { auditStatements } from '../../audit/audit.js';
import { parseContract, type Contract } from '../../audit/contract.js';
import type { ColumnOverrides } from '../../audit/layout/columns.js';
import { defaultLexicon } from '../../audit/lexicon/lexicon.js';
import { parseYuanToFen } from '../../audit/money.js';
import type { AuditReport, Finding } from '../../audit/report/schema.js';
import type { FeeSchedule } from '../../audit/schedule.js';
import type { DB } from '../db/schema.js';
import { newId } from '../deps.js';

/** The contract version in effect on a date: the latest that took effect on or before it. */
export function contractOn(
  versions: readonly { effective_from: string; contract: string }[],
  date: string,
): Contract | null {
  const sorted = [...versions].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  const inEffect = sorted.filter((v) => v.effective_from <= date).at(-1) ?? sorted[0];
  return inEffect ? parseContract(JSON.parse(inEffect.contract)) : null;
}

/**
 * The identity of a deduction across exports: its date, category, amount and reference (or its
 * text), plus its position among identical ones in the same export — so two real 99-yuan charges
 * on one day stay two, while the same charge in two overlapping exports stays one.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.date}|${f.category}|${f.amount}|${f.reference ?? f.text}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}#${String(n)}`;
  });
}

export async function auditUpload(
  versions: readonly { effective_from: string; contract: string }[],
  fileName: string,
  /** Opens the statement's bytes; called again when a second pass is needed. */
  read: () => AsyncIterable<Uint8Array>,
  today: string,
  /** The provider's published fee schedule versions: departures from them are reported too. */
  schedules: readonly FeeSchedule[] = [],
  /** Column overrides (a mapping the merchant confirmed), as the CLI's --map. */
  map?: ColumnOverrides,
): Promise<AuditReport> {
  const run = (contract: Contract | null) =>
    auditStatements([{ file: fileName, chunks: read() }], {
      contract,
      lexicon: defaultLexicon(),
      today,
      ...(schedules.length === 0 ? {} : { schedules }),
      ...(map ? { map } : {}),
    });
  const latest = contractOn(versions, today);
  const report = await run(latest);
  // A statement from before the latest contract change is judged by the terms of its own time.
  const end = report.statements[0]?.period?.to;
  if (end && versions.length > 1) {
    const then = contractOn(versions, end);
    if (JSON.stringify(then) !== JSON.stringify(latest)) return run(then);
  }
  return report;
}

/** Deductions inserted per statement of SQL (well under SQLite's 32,766 bound parameters). */
const INSERT_BATCH = 200;

export interface StoredStatement {
  readonly id: string;
  readonly newDeductions: number;
}

/** Stores the statement and its deductions in one transaction; known deductions are not added again. */
export async function storeStatement(
  db: Kysely<DB>,
  input: {
    merchantId: string;
    userId: string;
    fileName: string;
    sha256: string;
    report: AuditReport;
    at: string;
  },
): Promise<StoredStatement> {
  const { report } = input;
  const id = newId();
  const prints = fingerprints(report.findings);
  return db.transaction().execute(async (trx) => {
    let added = 0;
    const rows = report.findings.map((finding, i) => ({
      id: newId(),
      merchant_id: input.merchantId,
      fingerprint: prints[i] ?? '',
      statement_id: id,
      date: finding.date,
      category: finding.category,
      amount_fen: parseYuanToFen(finding.amount) ?? 0,
      verdict: finding.verdict,
      overcharge_fen: parseYuanToFen(finding.overcharge) ?? 0,
      finding: JSON.stringify(finding),
      created_at: input.at,
    }));
    // Many rows per statement, a batch at a time, letting other requests in between batches:
    // an embedded database answers synchronously, and thousands of inserts in a row would hold
    // the thread that answers requests.
    for (let at = 0; at < rows.length; at += INSERT_BATCH) {
      if (at > 0) await new Promise((resolve) => setImmediate(resolve));
      const result = await trx
        .insertInto('deductions')
        .values(rows.slice(at, at + INSERT_BATCH))
        .onConflict((oc) => oc.columns(['merchant_id', 'fingerprint']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    const summary = report.statements[0];
    await trx
      .insertInto('statements')
      .values({
        id,
        merchant_id: input.merchantId,
        file_sha256: input.sha256,
        file_name: input.fileName,
        format: summary?.format ?? 'csv',
        uploaded_by: input.userId,
        uploaded_at: input.at,
        report: JSON.stringify(report),
        period_from: summary?.period?.from ?? null,
        period_to: summary?.period?.to ?? null,
        new_deductions: added,
        claim: report.claim.total,
        counts: report.counts ? JSON.stringify(report.counts) : null,
        warnings: report.warnings.length,
      })
      .execute();
    return { id, newDeductions: added };
  });
}
