import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { planInputOf } from '../cases/case-input.js';
import { defaultKnowledgeBase } from '../channels/knowledge-base.js';
import type { Channel, FilingType, KnowledgeBase } from '../channels/schema.js';
import { chinaCalendar } from '../deadlines/calendar.js';
import { FeeGuardError } from '../errors.js';
import type { EvidenceFile } from '../evidence/package.js';
import { defaultLegalGrounds, type LegalGround } from '../letters/legal-grounds.js';
import { documentChannel } from '../plan/document-channel.js';
import { planCase, type Plan, type PlanStep } from '../plan/plan.js';
import { defaultPlanPolicy } from '../plan/policy.js';
import { requireFile, resolveFrom } from './files.js';
import type { CliIo } from './io.js';
import { loadCase, type LoadedCase } from './load-case.js';

/** A loaded case with everything the letter, script and evidence commands write from. */
export interface CaseContext extends LoadedCase {
  readonly kb: KnowledgeBase;
  readonly grounds: readonly LegalGround[];
  readonly plan: Plan;
  readonly date: string;
}

export async function caseContext(io: CliIo, caseFile: string): Promise<CaseContext> {
  const loaded = await loadCase(resolveFrom(io.cwd, caseFile));
  const kb = defaultKnowledgeBase();
  const input = planInputOf(loaded.caseFile, loaded.audit, io.today());
  const plan = planCase(input, kb, chinaCalendar(), defaultPlanPolicy());
  return { ...loaded, kb, grounds: defaultLegalGrounds(), plan, date: input.asOf };
}

/**
 * The channel a document is for: the one asked for, else the plan's next step. The filing type
 * is how this complainant may use that channel; a channel that does not take them is an error.
 */
export function chosenChannel(
  context: CaseContext,
  id: string | undefined,
): { channel: Channel; filingType: FilingType; step: PlanStep | undefined } {
  const chosen = documentChannel(context.plan, context.kb, context.caseFile.complainant.type, id);
  if (!chosen.ok) {
    throw new FeeGuardError(
      'FG_ERR_USAGE',
      `${chosen.channel.name.zh} (${chosen.channel.id}) does not take filings from a ${context.caseFile.complainant.type}`,
      { hint: 'feeguard plan --case … shows the channels open to this case' },
    );
  }
  return chosen;
}

/** The case's statements and attachments as they are on disk, for the evidence package. */
export async function caseFiles(
  context: CaseContext,
): Promise<{ statements: EvidenceFile[]; attachments: EvidenceFile[] }> {
  const read = async (file: string, what: string): Promise<EvidenceFile> => {
    const full = path.resolve(context.dir, file);
    await requireFile(full, what);
    return { name: path.basename(full), data: await readFile(full) };
  };
  return {
    statements: await Promise.all(
      context.caseFile.statements.map((s) => read(s, '对账单 statement')),
    ),
    attachments: await Promise.all(
      context.caseFile.attachments.map(async (a) => {
        const file = await read(a.path, '附件 attachment');
        return a.title ? { name: titledName(a.title, file.name), data: file.data } : file;
      }),
    ),
  };
}

/** "收单协议" + "scan.pdf" → "收单协议.pdf": the title a merchant gave, with the file's type. */
function titledName(title: string, original: string): string {
  const ext = path.extname(original);
  const safe = title.replace(/[\\/:*?"<>|\r\n]+/gu, '_').slice(0, 80);
  return `${safe}${ext}`;
}
