import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditReportSchema, type AuditReport } from '../audit/report/schema.js';
import { caseFileSchema, type CaseFile } from '../cases/case-file.js';
import type { DocumentModel } from '../documents/model.js';

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

/** Every word of a document, for "does it say …" checks. */
export function documentText(doc: DocumentModel): string {
  const parts: string[] = [doc.title, doc.subtitle ?? ''];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
      case 'note':
        parts.push(b.text);
        break;
      case 'list':
        parts.push(...b.items);
        break;
      case 'table':
        parts.push(
          ...b.columns.map((c) => c.title),
          ...b.rows.flat(),
          ...(b.footer ?? []),
          b.caption ?? '',
        );
        break;
      case 'fields':
        for (const f of b.fields) parts.push(`${f.label}：${f.value}`);
        break;
      case 'signature':
        parts.push(...b.lines, b.date);
        break;
    }
  }
  return parts.join('\n');
}
