import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditReportSchema, type AuditReport } from '../audit/report/schema.js';
import { caseFileSchema, type CaseFile } from '../cases/case-file.js';

/** The worked example in examples/: a case and its audit, for tests of what is written from them. */
export function exampleCase(): { caseFile: CaseFile; audit: AuditReport; dir: string } {
  const dir = path.resolve(import.meta.dirname, '../../examples');
  const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown;
  return {
    caseFile: caseFileSchema.parse(read('case.json')),
    audit: auditReportSchema.parse(read('audit.json')),
    dir,
  };
}
