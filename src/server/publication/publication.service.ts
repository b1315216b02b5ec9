import type { Kysely } from 'kysely';
import { shanghaiToday } from '../../deadlines/today.js';
import {
  scrubText,
  type KnownPersonalData,
  type PersonalDataKind,
} from '../../publication/scrub.js';
import { contributionOf, type Contribution } from '../../stats/contribution.js';
import type { Caller } from '../auth/caller.js';
import { caseDetailsSchema } from '../cases/case-model.js';
import { appendEvent } from '../cases/cases.repository.js';
import { caseFor } from '../cases/cases.service.js';
import type { DB, MerchantsTable, PublicComplaintsTable } from '../db/schema.js';
import { newId, type ServerDeps } from '../deps.js';
import { apiError } from '../http/errors.js';
import { providerChannels, refreshCaseStats } from '../stats/stats.service.js';
import { caseFacts, storedContribution } from '../stats/stats.repository.js';
import {
  complainantOf,
  deleteEntry,
  filingResponses,
  publishedEntry,
  updateEntry,
  upsertEntry,
  type EntryFields,
} from './publication.repository.js';

/** What FeeGuard already knows about the complainant: scrubbed exactly wherever it appears. */
export function knownPersonalData(
  merchant: MerchantsTable,
  owner: { name: string; email: string },
): KnownPersonalData {
  const details = JSON.parse(merchant.details) as Record<string, unknown>;
  const text = (key: string): string[] => {
    const value = details[key];
    return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  };
  const terminals = JSON.parse(merchant.terminal_ids) as unknown;
  return {
    names: [owner.name, merchant.name, ...text('legalRepresentative'), ...text('agent')],
    businessNames: merchant.business_name ? [merchant.business_name] : [],
    phones: text('phone'),
    idNumbers: text('idNumber'),
    merchantNumbers: [
      ...(merchant.merchant_no ? [merchant.merchant_no] : []),
      ...text('creditCode'),
    ],
    terminalIds: Array.isArray(terminals)
      ? terminals.filter((t): t is string => typeof t === 'string')
      : [],
    addresses: text('address'),
    // The part of an e-mail address before @, when it looks like an id (lili_88), is often the
    // WeChat or QQ id too.
    emails: [owner.email, ...text('email')].flatMap((e) => {
      const user = e.split('@')[0] ?? '';
      return user.length >= 5 && /[\d_]/u.test(user) ? [e, user] : [e];
    }),
    cardNumbers: [],
  };
}

/** The provider's latest final answer to the case, and when it came. */
function latestAnswer(responses: readonly string[]) {
  const answers = responses
    .map((r) => JSON.parse(r) as { kind?: string; message?: string; at?: string })
    .filter((r) => r.kind !== 'in_progress' && r.message && r.at)
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return answers[answers.length - 1] ?? null;
}

export interface ScrubbedEntry {
  readonly entry: EntryFields;
  /** How many pieces of personal data were taken out, by kind, narrative and answer together. */
  readonly removed: Partial<Record<PersonalDataKind, number>>;
}

/** The public entry of a case, in the form the table stores it, and what scrubbing took out. */
export async function publicEntryOf(
  db: Kysely<DB>,
  caseId: string,
  contribution: Contribution,
  narrative: string,
): Promise<ScrubbedEntry | null> {
  const complainant = await complainantOf(db, caseId);
  if (!complainant) return null;
  const known = knownPersonalData(complainant, {
    name: complainant.owner_name,
    email: complainant.owner_email,
  });
  const answer = latestAnswer(await filingResponses(db, caseId));
  const story = scrubText(narrative, known);
  const reply = answer?.message ? scrubText(answer.message, known) : null;
  const removed: Partial<Record<PersonalDataKind, number>> = { ...story.found };
  for (const [kind, n] of Object.entries(reply?.found ?? {}) as [PersonalDataKind, number][]) {
    removed[kind] = (removed[kind] ?? 0) + n;
  }
  const d = contribution.dimensions;
  return {
    entry: {
      provider: d.provider,
      category: d.category,
      province: d.province,
      city: d.city,
      month: d.month,
      claim_fen: contribution.counters.claimed_fen,
      recovered_fen: contribution.counters.recovered_fen,
      outcome: contribution.outcome,
      narrative: story.text,
      answer: reply?.text ?? null,
      answered_at: answer?.at ? shanghaiToday(new Date(answer.at)) : null,
    },
    removed,
  };
}

/** The narrative to publish: the one sent, or the case's own. */
function narrativeOf(caseDetails: string, sent: string | undefined): string {
  const details = caseDetailsSchema.parse(JSON.parse(caseDetails));
  const narrative = (sent ?? details.narrative ?? '').trim();
  if (narrative === '') {
    throw apiError(
      'FG_ERR_VALIDATION',
      'there is nothing to publish: the case has no narrative',
      'send "narrative": what happened, in your own words',
    );
  }
  return narrative;
}

export async function publicationOf(
  deps: ServerDeps,
  caller: Caller,
  caseId: string,
): Promise<PublicComplaintsTable | null> {
  const { row } = await caseFor(deps, caller, caseId, 'owner');
  return (await publishedEntry(deps.db, row.id)) ?? null;
}

/** Exactly what publishing would show, computed from the case as it is now; nothing is stored. */
export async function previewPublication(
  deps: ServerDeps,
  caller: Caller,
  caseId: string,
  narrative: string | undefined,
): Promise<ScrubbedEntry> {
  const { row } = await caseFor(deps, caller, caseId, 'owner');
  const text = narrativeOf(row.details, narrative);
  const facts = (await caseFacts(deps.db, [row.id], await providerChannels(deps.db))).get(row.id);
  if (!facts) throw apiError('FG_ERR_NOT_FOUND', 'case not found');
  const scrubbed = await publicEntryOf(deps.db, row.id, contributionOf(facts), text);
  if (!scrubbed) throw apiError('FG_ERR_NOT_FOUND', 'case not found');
  return scrubbed;
}

/** Publishes the case with the owner's consent (the route requires it), scrubbed. */
export async function publishCase(
  deps: ServerDeps,
  caller: Caller,
  caseId: string,
  narrative: string | undefined,
): Promise<PublicComplaintsTable> {
  const { row } = await caseFor(deps, caller, caseId, 'owner');
  const text = narrativeOf(row.details, narrative);
  await refreshCaseStats(deps, [row.id]);
  const contribution = await storedContribution(deps.db, row.id);
  if (!contribution) throw apiError('FG_ERR_NOT_FOUND', 'case not found');
  const scrubbed = await publicEntryOf(deps.db, row.id, contribution, text);
  if (!scrubbed) throw apiError('FG_ERR_NOT_FOUND', 'case not found');
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await upsertEntry(trx, row.id, newId(), scrubbed.entry, at);
    await appendEvent(trx, {
      id: newId(),
      case_id: row.id,
      filing_id: null,
      actor_id: caller.userId,
      kind: 'published',
      data: JSON.stringify({ consent: true, removed: scrubbed.removed }),
      at,
    });
  });
  const stored = await publishedEntry(deps.db, row.id);
  if (!stored) throw apiError('FG_ERR_NOT_FOUND', 'case not found');
  return stored;
}

/** Withdraws consent: the entry is gone from the list and the export at once. */
export async function withdrawPublication(
  deps: ServerDeps,
  caller: Caller,
  caseId: string,
): Promise<void> {
  const { row } = await caseFor(deps, caller, caseId, 'owner');
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteEntry(trx, row.id))) return;
    await appendEvent(trx, {
      id: newId(),
      case_id: row.id,
      filing_id: null,
      actor_id: caller.userId,
      kind: 'publication_withdrawn',
      data: '{}',
      at,
    });
  });
}

/**
 * Keeps a published complaint current (outcome, money, the provider's answer) in the same
 * transaction that updates the statistics. A case that is not published is left alone. The
 * narrative stored is already scrubbed; scrubbing it again changes nothing.
 */
export async function refreshPublication(
  db: Kysely<DB>,
  caseId: string,
  contribution: Contribution,
  at: string,
): Promise<void> {
  const published = await publishedEntry(db, caseId);
  if (!published) return;
  const scrubbed = await publicEntryOf(db, caseId, contribution, published.narrative);
  if (!scrubbed) return;
  await updateEntry(db, caseId, scrubbed.entry, at);
}
