import type { Kysely } from 'kysely';
import { shanghaiToday } from '../../deadlines/today.js';
import { scrubText, type KnownPersonalData } from '../../publication/scrub.js';
import type { Contribution } from '../../stats/contribution.js';
import type { DB, MerchantsTable, PublicComplaintsTable } from '../db/schema.js';

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
  return {
    names: [owner.name, merchant.name, ...text('legalRepresentative'), ...text('agent')],
    businessNames: merchant.business_name ? [merchant.business_name] : [],
    phones: text('phone'),
    idNumbers: text('idNumber'),
    merchantNumbers: [
      ...(merchant.merchant_no ? [merchant.merchant_no] : []),
      ...text('creditCode'),
    ],
    terminalIds: JSON.parse(merchant.terminal_ids) as string[],
    addresses: text('address'),
    emails: [owner.email, ...text('email')],
    cardNumbers: [],
  };
}

/** The provider's latest final answer to the case, and when it came. */
async function latestAnswer(db: Kysely<DB>, caseId: string) {
  const rows = await db
    .selectFrom('filings')
    .select(['response'])
    .where('case_id', '=', caseId)
    .where('response', 'is not', null)
    .execute();
  const answers = rows
    .map((r) => JSON.parse(r.response ?? '{}') as { kind?: string; message?: string; at?: string })
    .filter((r) => r.kind !== 'in_progress' && r.message && r.at)
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return answers[answers.length - 1] ?? null;
}

async function scrubbingContext(db: Kysely<DB>, caseId: string) {
  const row = await db
    .selectFrom('cases')
    .innerJoin('merchants', 'merchants.id', 'cases.merchant_id')
    .innerJoin('users', 'users.id', 'cases.owner_id')
    .selectAll('merchants')
    .select(['users.name as owner_name', 'users.email as owner_email'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return knownPersonalData(row, { name: row.owner_name, email: row.owner_email });
}

/** The public entry of a case, in the form the table stores it. */
export async function publicEntryOf(
  db: Kysely<DB>,
  caseId: string,
  contribution: Contribution,
  narrative: string,
): Promise<Omit<
  PublicComplaintsTable,
  'case_id' | 'public_id' | 'published_at' | 'updated_at'
> | null> {
  const known = await scrubbingContext(db, caseId);
  if (!known) return null;
  const answer = await latestAnswer(db, caseId);
  const d = contribution.dimensions;
  return {
    provider: d.provider,
    category: d.category,
    province: d.province,
    city: d.city,
    month: d.month,
    claim_fen: contribution.counters.claimed_fen,
    recovered_fen: contribution.counters.recovered_fen,
    outcome: contribution.outcome,
    narrative: scrubText(narrative, known).text,
    answer: answer?.message ? scrubText(answer.message, known).text : null,
    answered_at: answer?.at ? shanghaiToday(new Date(answer.at)) : null,
  };
}

/**
 * Keeps a published complaint current (outcome, money, the provider's answer) in the same
 * transaction that updates the statistics. A case that is not published is left alone.
 */
export async function refreshPublication(
  db: Kysely<DB>,
  caseId: string,
  contribution: Contribution,
  at: string,
): Promise<void> {
  const published = await db
    .selectFrom('public_complaints')
    .select(['narrative'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!published) return;
  const entry = await publicEntryOf(db, caseId, contribution, published.narrative);
  if (!entry) return;
  await db
    .updateTable('public_complaints')
    .set({ ...entry, updated_at: at })
    .where('case_id', '=', caseId)
    .execute();
}
