import path from 'node:path';
import { auditReportSchema, type AuditReport } from '../audit/report/schema.js';
import { caseFileSchema, type CaseFile } from '../cases/case-file.js';
import { FeeGuardError } from '../errors.js';
import { readJsonFile } from './files.js';

export interface LoadedCase {
  readonly file: string;
  /** Paths inside the case file are relative to this folder. */
  readonly dir: string;
  readonly caseFile: CaseFile;
  readonly audit: AuditReport;
  /** The audit report's file when the case references it rather than embedding it. */
  readonly auditFile?: string;
}

/** Reads case.json and the audit report it embeds or references, with errors that say what to fix. */
export async function loadCase(file: string): Promise<LoadedCase> {
  const raw = await readJsonFile(file, '案件文件 case file', 'FG_ERR_BAD_CASE');
  const parsed = caseFileSchema.safeParse(raw);
  if (!parsed.success)
    throw invalid(file, parsed.error.issues, 'docs/case-file.md describes the format');
  const caseFile = parsed.data;
  const dir = path.dirname(file);
  if (typeof caseFile.audit !== 'string') return { file, dir, caseFile, audit: caseFile.audit };
  const auditFile = path.resolve(dir, caseFile.audit);
  const report = auditReportSchema.safeParse(
    await readJsonFile(auditFile, '审计报告 audit report', 'FG_ERR_BAD_CASE'),
  );
  if (!report.success) {
    throw invalid(
      auditFile,
      report.error.issues,
      'make it with: feeguard audit STATEMENT --contract CONTRACT --format json --out audit.json',
    );
  }
  return { file, dir, caseFile, audit: report.data, auditFile };
}

function invalid(
  file: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  hint: string,
): FeeGuardError {
  const issue = issues[0];
  const where = issue?.path.map(String).join('.') ?? '';
  return new FeeGuardError(
    'FG_ERR_BAD_CASE',
    `${file}: ${where ? `"${where}" ` : ''}${issue?.message ?? 'invalid'}${issues.length > 1 ? ` (and ${String(issues.length - 1)} more)` : ''}`,
    { hint },
  );
}
