import type { Kysely, Transaction } from 'kysely';
import type {
  ComplaintGroupsTable,
  DB,
  GroupEventsTable,
  GroupFilingsTable,
  GroupMembersTable,
} from '../db/schema.js';

/**
 * Group complaints in the database. A group is open (members join and leave) until its first
 * filing, then filed. One open group per provider and category is the database's own rule (a
 * partial unique index), so merchants joining at once on several instances land in one group.
 */

/** A case's unauthorized deductions per category: what it can bring to a group. */
export async function claimsOfCase(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('case_deductions')
    .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
    .select((eb) => [
      'deductions.category',
      eb.fn.sum<string | number>('deductions.overcharge_fen').as('claim_fen'),
      eb.fn.countAll<number>().as('deductions'),
      eb.fn.min('deductions.date').as('first'),
      eb.fn.max('deductions.date').as('last'),
    ])
    .where('case_deductions.case_id', '=', caseId)
    .where('deductions.verdict', '=', 'unauthorized')
    .where('deductions.overcharge_fen', '>', 0)
    .groupBy('deductions.category')
    .orderBy('deductions.category')
    .execute();
}

/** The same per member case, for one category (the letter's table). */
export async function claimsOfCases(db: Kysely<DB>, caseIds: readonly string[], category: string) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_deductions')
    .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
    .select((eb) => [
      'case_deductions.case_id',
      eb.fn.sum<string | number>('deductions.overcharge_fen').as('claim_fen'),
      eb.fn.countAll<number>().as('deductions'),
      eb.fn.min('deductions.date').as('first'),
      eb.fn.max('deductions.date').as('last'),
    ])
    .where('case_deductions.case_id', 'in', caseIds)
    .where('deductions.category', '=', category)
    .where('deductions.verdict', '=', 'unauthorized')
    .where('deductions.overcharge_fen', '>', 0)
    .groupBy('case_deductions.case_id')
    .execute();
}

/**
 * How many other merchants (of other owners) have a case against this provider with
 * unauthorized deductions of each category. A count only: who they are is never read here.
 */
export async function otherMerchantCounts(
  db: Kysely<DB>,
  provider: string,
  categories: readonly string[],
  ownerId: string,
) {
  if (categories.length === 0) return [];
  return db
    .selectFrom('cases')
    .innerJoin('case_deductions', 'case_deductions.case_id', 'cases.id')
    .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
    .select((eb) => [
      'deductions.category',
      eb.fn.count<number>('cases.merchant_id').distinct().as('merchants'),
    ])
    .where('cases.respondent_name', '=', provider)
    .where('cases.owner_id', '!=', ownerId)
    .where('deductions.category', 'in', categories)
    .where('deductions.verdict', '=', 'unauthorized')
    .where('deductions.overcharge_fen', '>', 0)
    .groupBy('deductions.category')
    .execute();
}

export async function openGroupsOf(
  db: Kysely<DB>,
  provider: string,
  categories: readonly string[],
) {
  if (categories.length === 0) return [];
  return db
    .selectFrom('complaint_groups')
    .selectAll()
    .where('provider', '=', provider)
    .where('category', 'in', categories)
    .where('status', '=', 'open')
    .execute();
}

/** The groups a case is an active member of. */
export async function membershipsOfCase(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('group_members')
    .innerJoin('complaint_groups', 'complaint_groups.id', 'group_members.group_id')
    .select([
      'complaint_groups.id',
      'complaint_groups.provider',
      'complaint_groups.category',
      'complaint_groups.status',
      'group_members.claim_fen',
      'group_members.share_name',
    ])
    .where('group_members.case_id', '=', caseId)
    .where('group_members.left_at', 'is', null)
    .execute();
}

export async function groupById(db: Kysely<DB>, id: string) {
  return db.selectFrom('complaint_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroup(trx: Transaction<DB>, row: ComplaintGroupsTable): Promise<void> {
  await trx.insertInto('complaint_groups').values(row).execute();
}

/**
 * Locks an open group's row for the rest of the transaction and says whether it is still open:
 * a join or leave racing a filing either happens wholly before it or sees the group filed.
 */
export async function lockOpenGroup(trx: Transaction<DB>, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('complaint_groups')
    .set({ status: 'open' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a group filed (its first filing sets the date); locks the row like lockOpenGroup. */
export async function markFiled(trx: Transaction<DB>, id: string, at: string): Promise<void> {
  await trx.updateTable('complaint_groups').set({ status: 'filed' }).where('id', '=', id).execute();
  await trx
    .updateTable('complaint_groups')
    .set({ filed_at: at })
    .where('id', '=', id)
    .where('filed_at', 'is', null)
    .execute();
}

export async function memberRow(db: Kysely<DB>, groupId: string, caseId: string) {
  return db
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function insertMember(trx: Transaction<DB>, row: GroupMembersTable): Promise<void> {
  await trx.insertInto('group_members').values(row).execute();
}

/** A member who left and comes back: joins again with today's claim and consent. */
export async function rejoinMember(
  trx: Transaction<DB>,
  groupId: string,
  caseId: string,
  changes: Pick<GroupMembersTable, 'claim_fen' | 'share_name' | 'joined_at'>,
): Promise<void> {
  await trx
    .updateTable('group_members')
    .set({ ...changes, left_at: null })
    .where('group_id', '=', groupId)
    .where('case_id', '=', caseId)
    .execute();
}

export async function markLeft(
  trx: Transaction<DB>,
  groupId: string,
  caseId: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('group_members')
    .set({ left_at: at })
    .where('group_id', '=', groupId)
    .where('case_id', '=', caseId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A group's active members with what the letter may show of them. */
export async function activeMembers(db: Kysely<DB>, groupId: string) {
  return db
    .selectFrom('group_members')
    .innerJoin('cases', 'cases.id', 'group_members.case_id')
    .innerJoin('merchants', 'merchants.id', 'cases.merchant_id')
    .select([
      'group_members.case_id',
      'group_members.user_id',
      'group_members.claim_fen',
      'group_members.joined_at',
      'group_members.share_name',
      'merchants.name',
      'merchants.business_name',
      'merchants.details',
      'merchants.complainant_type',
    ])
    .where('group_members.group_id', '=', groupId)
    .where('group_members.left_at', 'is', null)
    .orderBy('group_members.joined_at')
    .orderBy('group_members.case_id')
    .execute();
}

export async function filingsOfGroup(db: Kysely<DB>, groupId: string) {
  return db
    .selectFrom('group_filings')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function groupFilingById(db: Kysely<DB>, groupId: string, id: string) {
  return db
    .selectFrom('group_filings')
    .selectAll()
    .where('id', '=', id)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
}

export async function insertGroupFiling(
  trx: Transaction<DB>,
  row: GroupFilingsTable,
): Promise<void> {
  await trx.insertInto('group_filings').values(row).execute();
}

/** Records an answer only if nobody recorded one meanwhile (same version). */
export async function updateGroupFilingIfUnchanged(
  trx: Transaction<DB>,
  id: string,
  version: number,
  changes: Pick<GroupFilingsTable, 'response' | 'responded_at'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('group_filings')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Group events are only ever added, numbered 1, 2, 3 … within the group; two writers racing for
 * a number hit the unique key and one of them retries instead of the history forking.
 */
export async function appendGroupEvent(
  trx: Transaction<DB>,
  event: Omit<GroupEventsTable, 'seq'>,
): Promise<void> {
  const last = await trx
    .selectFrom('group_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('group_id', '=', event.group_id)
    .executeTakeFirst();
  await trx
    .insertInto('group_events')
    .values({ ...event, seq: (last?.seq ?? 0) + 1 })
    .execute();
}

export async function eventsOfGroup(db: Kysely<DB>, groupId: string) {
  return db
    .selectFrom('group_events')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('seq')
    .execute();
}

/** A unique or primary key was hit: on both databases, the sign that a racing writer won. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = String(error.code);
  return (
    code === '23505' ||
    code.startsWith('SQLITE_CONSTRAINT_UNIQUE') ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
