import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseContract, type Contract } from '../audit/contract.js';
import { planInputOf, withAnswerDues } from '../cases/case-input.js';
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
  return {
    ...loaded,
    caseFile: withAnswerDues(loaded.caseFile, plan),
    kb,
    grounds: defaultLegalGrounds(),
    plan,
    date: input.asOf,
  };
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
): Promise<{ statements: EvidenceFile[]; attachments: EvidenceFile[]; contract?: Contract }> {
  const read = async (file: string, what: string): Promise<EvidenceFile> => {
    const full = path.resolve(context.dir, file);
    await requireFile(full, what);
    return { name: path.basename(full), data: await readFile(full) };
  };
  const attached = await Promise.all(
    context.caseFile.attachments.map(async (a) => {
      const file = await read(a.path, '附件 attachment');
      return {
        file: a.title ? { name: titledName(a.title, file.name), data: file.data } : file,
        contract: contractIn(file),
      };
    }),
  );
  // A contract file (the audit's contract.json) goes in as a readable table, not as JSON.
  const contract = attached.find((a) => a.contract)?.contract;
  return {
    statements: await Promise.all(
      context.caseFile.statements.map((s) => read(s, '对账单 statement')),
    ),
    attachments: attached.filter((a) => !a.contract).map((a) => a.file),
    ...(contract ? { contract } : {}),
  };
}

/** The contract terms in an attached `.json` file, if it is one (spec §1). */
function contractIn(file: EvidenceFile): Contract | undefined {
  if (!file.name.toLowerCase().endsWith('.json')) return undefined;
  try {
    const json = JSON.parse(file.data.toString('utf8')) as unknown;
    const terms = ['rates', 'perTransactionFeeYuan', 'agreedCharges'];
    if (typeof json !== 'object' || json === null || !terms.some((k) => k in json))
      return undefined;
    return parseContract(json);
  } catch {
    return undefined;
  }
}

/** "收单协议" + "scan.pdf" → "收单协议.pdf": the title a merchant gave, with the file's type. */
function titledName(title: string, original: string): string {
  const ext = path.extname(original);
  const safe = title.replace(/[\\/:*?"<>|\r\n]+/gu, '_').slice(0, 80);
  return `${safe}${ext}`;
}
