import { z } from 'zod';
import { affirmationsOf } from '../cases/case-model.js';
import { FINDING_CATEGORIES, type FindingCategory } from '../../audit/model.js';
import { formatFen, parseYuanToFen } from '../../audit/money.js';
import { answerRule, findChannel } from '../../channels/knowledge-base.js';
import type { KnowledgeBase } from '../../channels/schema.js';
import { chinaCalendar } from '../../deadlines/calendar.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { DocumentModel } from '../../documents/model.js';
import {
  GROUP_POLICY,
  groupChannels,
  isOffered,
  memberLabels,
  type GroupChannel,
  type PartyType,
  type ProviderType,
} from '../../groups/groups.js';
import { composeGroupLetter, type GroupLetterMember } from '../../letters/group-letter.js';
import { defaultLegalGrounds } from '../../letters/legal-grounds.js';
import { answerDue } from '../../plan/plan.js';
import type { Caller } from '../auth/caller.js';
import { appendEvent } from '../cases/cases.repository.js';
import { caseFor } from '../cases/cases.service.js';
import { knowledgeBase } from '../channels/channels.service.js';
import { recordNotification } from '../notifications/notifications.service.js';
import type { ComplaintGroupsTable, DB, GroupFilingsTable } from '../db/schema.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { apiError, notFound } from '../http/errors.js';
import type { Transaction } from 'kysely';
import {
  activeMembers,
  appendGroupEvent,
  claimsOfCase,
  claimsOfCases,
  eventsOfGroup,
  filingsOfGroup,
  groupById,
  groupFilingById,
  insertGroup,
  insertGroupFiling,
  insertMember,
  isUniqueViolation,
  lockOpenGroup,
  markFiled,
  markLeft,
  memberRow,
  membershipsOfCase,
  openGroupsOf,
  otherMerchantCounts,
  rejoinMember,
  updateGroupFilingIfUnchanged,
} from './groups.repository.js';

/**
 * Group complaints: offers, joining and leaving, the combined letter and the group's filings.
 * Access is checked on the first line of every method: offers and joins through the case
 * (owner only), everything about a group through `groupFor` (active members only). Anyone else
 * gets the same 404 as for a group that does not exist.
 */

const categorySchema = z.enum(FINDING_CATEGORIES);
const CALENDAR = chinaCalendar();
/** Attempts at a join that lost a race (a group created or an event numbered meanwhile). */
const JOIN_ATTEMPTS = 5;

/** The one access check for a group: the caller must own an active member case. */
export async function groupFor(deps: ServerDeps, caller: Caller, groupId: string) {
  const group = await groupById(deps.db, groupId);
  if (!group) throw notFound('group');
  const members = await activeMembers(deps.db, group.id);
  const mine = members.filter((m) => m.user_id === caller.userId);
  if (mine.length === 0) throw notFound('group');
  return { group, members, mine };
}

export interface GroupOffer {
  provider: string;
  category: FindingCategory;
  claim: string;
  otherMerchants: number;
  openGroup: boolean;
  membership: { groupId: string; status: string } | null;
}

export async function groupOffers(
  deps: ServerDeps,
  caller: Caller,
  caseId: string,
): Promise<GroupOffer[]> {
  const { row } = await caseFor(deps, caller, caseId, 'owner');
  const claims = await claimsOfCase(deps.db, row.id);
  const categories = claims.map((c) => c.category);
  const [counts, open, memberships] = await Promise.all([
    otherMerchantCounts(deps.db, row.respondent_name, categories, row.owner_id),
    openGroupsOf(deps.db, row.respondent_name, categories),
    membershipsOfCase(deps.db, row.id),
  ]);
  return claims.flatMap((claim): GroupOffer[] => {
    const others = counts.find((c) => c.category === claim.category)?.merchants ?? 0;
    const membership = memberships.find(
      (m) => m.provider === row.respondent_name && m.category === claim.category,
    );
    if (!isOffered(others) && !membership) return [];
    return [
      {
        provider: row.respondent_name,
        category: categorySchema.parse(claim.category),
        claim: formatFen(Number(claim.claim_fen)),
        otherMerchants: others,
        openGroup: open.some((g) => g.category === claim.category),
        membership: membership ? { groupId: membership.id, status: membership.status } : null,
      },
    ];
  });
}

export async function joinGroup(
  deps: ServerDeps,
  caller: Caller,
  input: { caseId: string; category: FindingCategory; shareName: boolean },
): Promise<{ groupId: string; created: boolean }> {
  const { row } = await caseFor(deps, caller, input.caseId, 'owner');
  const offer = (await groupOffers(deps, caller, row.id)).find(
    (o) => o.category === input.category,
  );
  if (!offer) {
    throw apiError(
      'FG_ERR_VALIDATION',
      `no group is offered to this case for ${input.category}: it needs unauthorized deductions of that category, and at least ${String(GROUP_POLICY.minOtherMerchants)} other merchant with the same from ${row.respondent_name}`,
      'GET /api/cases/{id}/group-offers lists what this case is offered',
    );
  }
  if (offer.membership) {
    if (offer.membership.status === 'open')
      return { groupId: offer.membership.groupId, created: false };
    throw apiError(
      'FG_ERR_CONFLICT',
      'this case is already in a group for this provider and charge, and that group was filed',
      `follow it at GET /api/groups/${offer.membership.groupId}`,
    );
  }
  const claimFen = parseYuanToFen(offer.claim) ?? 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const at = deps.now().toISOString();
        const [existing] = await openGroupsOf(trx, row.respondent_name, [input.category]);
        let group: ComplaintGroupsTable;
        let created = false;
        if (existing) {
          group = existing;
          // Locks the row: a filing racing this join waits, then counts this member.
          if (!(await lockOpenGroup(trx, group.id))) throw new RaceLost();
        } else {
          group = {
            id: newId(),
            provider: row.respondent_name,
            category: input.category,
            status: 'open',
            created_by: caller.userId,
            created_at: at,
            filed_at: null,
            provider_type: row.respondent_type === 'bank' ? 'bank' : 'payment_institution',
          };
          // A second instance creating the same group hits the partial unique index.
          await insertGroup(trx, group);
          created = true;
        }
        const before = await memberRow(trx, group.id, row.id);
        // The same case joining twice at once: the second finds the first's membership.
        if (before && before.left_at === null) return { groupId: group.id, created: false };
        const member = {
          claim_fen: claimFen,
          share_name: input.shareName ? 1 : 0,
          joined_at: at,
        };
        if (before) await rejoinMember(trx, group.id, row.id, member);
        else
          await insertMember(trx, {
            group_id: group.id,
            case_id: row.id,
            user_id: caller.userId,
            left_at: null,
            ...member,
          });
        if (created) {
          await appendGroupEvent(trx, {
            id: newId(),
            group_id: group.id,
            actor_id: caller.userId,
            kind: 'group_created',
            data: JSON.stringify({ provider: group.provider, category: group.category }),
            at,
          });
        }
        await appendGroupEvent(trx, {
          id: newId(),
          group_id: group.id,
          actor_id: caller.userId,
          kind: 'member_joined',
          data: JSON.stringify({ claim: formatFen(claimFen) }),
          at,
        });
        await appendEvent(trx, {
          id: newId(),
          case_id: row.id,
          filing_id: null,
          actor_id: caller.userId,
          kind: 'group_joined',
          data: JSON.stringify({
            groupId: group.id,
            category: group.category,
            claim: formatFen(claimFen),
            shareName: input.shareName,
          }),
          at,
        });
        return { groupId: group.id, created };
      });
    } catch (error) {
      const retry = error instanceof RaceLost || isUniqueViolation(error);
      if (!retry || attempt >= JOIN_ATTEMPTS) {
        if (retry) throw apiError('FG_ERR_CONFLICT', 'the group changed meanwhile', 'try again');
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}

/** Thrown inside a join's transaction when a racing filing closed the group: roll back, retry. */
class RaceLost extends Error {}

export async function leaveGroup(
  deps: ServerDeps,
  caller: Caller,
  groupId: string,
  caseId: string,
): Promise<void> {
  const { group, mine } = await groupFor(deps, caller, groupId);
  if (!mine.some((m) => m.case_id === caseId)) throw notFound('group member');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await lockOpenGroup(trx, group.id))) {
      const now = await groupById(trx, group.id);
      throw apiError(
        'FG_ERR_BAD_TRANSITION',
        `the group was filed${now?.filed_at ? ` on ${now.filed_at.slice(0, 10)}` : ''}: members can no longer leave it`,
        'record the answer on the group filing instead (PATCH /api/groups/{id}/filings/{filingId})',
      );
    }
    const at = deps.now().toISOString();
    if (!(await markLeft(trx, group.id, caseId, at))) throw notFound('group member');
    await appendGroupEvent(trx, {
      id: newId(),
      group_id: group.id,
      actor_id: caller.userId,
      kind: 'member_left',
      data: '{}',
      at,
    });
    await appendEvent(trx, {
      id: newId(),
      case_id: caseId,
      filing_id: null,
      actor_id: caller.userId,
      kind: 'group_left',
      data: JSON.stringify({ groupId: group.id, category: group.category }),
      at,
    });
  });
}

type Members = Awaited<ReturnType<typeof activeMembers>>;

const merchantDetails = z
  .object({ city: z.string().optional(), providerProvince: z.string().optional() })
  .loose();

/** Where the provider is domiciled, as most members wrote it (decides the PBoC branch). */
function providerProvince(members: Members): string | undefined {
  const counts = new Map<string, number>();
  for (const m of members) {
    const province = merchantDetails.parse(JSON.parse(m.details)).providerProvince?.trim();
    if (province) counts.set(province, (counts.get(province) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function partyTypes(members: Members): Set<PartyType> {
  return new Set(
    members.map((m) =>
      z.enum(['individual_consumer', 'individual_merchant', 'company']).parse(m.complainant_type),
    ),
  );
}

function providerTypeOf(group: ComplaintGroupsTable): ProviderType {
  return group.provider_type === 'bank' ? 'bank' : 'payment_institution';
}

/** The channels this group's combined letter can go to. */
export function channelsOfGroup(
  kb: KnowledgeBase,
  group: ComplaintGroupsTable,
  members: Members,
): GroupChannel[] {
  return groupChannels(kb, providerTypeOf(group), partyTypes(members));
}

function pickChannel(
  kb: KnowledgeBase,
  group: ComplaintGroupsTable,
  members: Members,
  id?: string,
) {
  const open = channelsOfGroup(kb, group, members);
  const chosen = id === undefined ? open[0] : open.find((c) => c.channel.id === id);
  if (!chosen) {
    throw apiError(
      'FG_ERR_VALIDATION',
      id === undefined
        ? 'no regulator or association in the knowledge base takes this group’s letter'
        : `${id} does not take a combined letter about a ${providerTypeOf(group)} from these merchants`,
      `use one of: ${open.map((c) => c.channel.id).join(', ') || '(none)'}`,
    );
  }
  return chosen;
}

/** What the letter and the group page show of each member: the name only where they agreed. */
export function shownMembers(members: Members, lang: 'zh' | 'en') {
  const labels = memberLabels(
    members.map((m) => ({
      caseId: m.case_id,
      joinedAt: m.joined_at,
      shareName: m.share_name === 1,
      name: m.business_name ?? m.name,
    })),
    lang,
  );
  return members.map((m, i) => {
    const city = merchantDetails.parse(JSON.parse(m.details)).city;
    return {
      caseId: m.case_id,
      userId: m.user_id,
      number: i + 1,
      label: labels.get(m.case_id) ?? '',
      name: m.share_name === 1 ? (m.business_name ?? m.name) : null,
      city: city ?? null,
      claimFen: m.claim_fen,
    };
  });
}

/** What each member affirmed in their own case about this group's kind of charge. */
async function affirmedOfCases(
  db: ServerDeps['db'],
  caseIds: readonly string[],
  category: string,
): Promise<Map<string, { neverAgreed: boolean; neverTold: boolean }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'affirmations'])
    .where('id', 'in', caseIds)
    .execute();
  return new Map(
    rows.map((r) => {
      const a = affirmationsOf(r);
      const neverAgreed =
        a.signedAgreement === 'no' ||
        a.confirmedChange === 'no' ||
        a.agreementTerms.some((t) => t.category === category && t.provides === 'no');
      return [r.id, { neverAgreed, neverTold: a.toldOfChange === 'no' }];
    }),
  );
}

export async function groupLetter(
  deps: ServerDeps,
  caller: Caller,
  groupId: string,
  query: { channel?: string | undefined; lang: 'zh' | 'en' },
): Promise<{ doc: DocumentModel; channel: GroupChannel }> {
  const { group, members } = await groupFor(deps, caller, groupId);
  const kb = await knowledgeBase(deps.db);
  const chosen = pickChannel(kb, group, members, query.channel);
  const claims = await claimsOfCases(
    deps.db,
    members.map((m) => m.case_id),
    group.category,
  );
  const affirmed = await affirmedOfCases(
    deps.db,
    members.map((m) => m.case_id),
    group.category,
  );
  const letterMembers: GroupLetterMember[] = shownMembers(members, query.lang).map((m) => {
    const c = claims.find((x) => x.case_id === m.caseId);
    const own = affirmed.get(m.caseId);
    return {
      ...(own ? { affirmed: own } : {}),
      label: m.label,
      named: m.name !== null,
      ...(m.city ? { city: m.city } : {}),
      claimFen: m.claimFen,
      deductions: c?.deductions ?? 0,
      period: c?.first && c.last ? { from: c.first, to: c.last } : null,
    };
  });
  const province = providerProvince(members);
  const doc = composeGroupLetter({
    provider: {
      name: group.provider,
      type: providerTypeOf(group),
      ...(province ? { province } : {}),
    },
    category: categorySchema.parse(group.category),
    members: letterMembers,
    channel: chosen.channel,
    filingType: chosen.filingType,
    grounds: defaultLegalGrounds(),
    kb,
    date: shanghaiToday(deps.now()),
    language: query.lang,
  });
  return { doc, channel: chosen };
}

export const groupResponseSchema = z.object({
  kind: z.enum(['in_progress', 'refund', 'explanation', 'rejection']),
  message: z.string(),
  refundFen: z.number().int().nonnegative().optional(),
  at: z.string(),
});
export type GroupResponse = z.infer<typeof groupResponseSchema>;

/** A group filing's state, worked out from what is stored: no sweep needed to mark it overdue. */
export function groupFilingState(filing: GroupFilingsTable, today: string) {
  const response = filing.response ? groupResponseSchema.parse(JSON.parse(filing.response)) : null;
  if (response && response.kind !== 'in_progress') return 'answered' as const;
  if (filing.due_date && filing.due_date < today) return 'overdue' as const;
  return response ? ('acknowledged' as const) : ('submitted' as const);
}

async function eachMemberCase(
  trx: Transaction<DB>,
  members: Members,
  event: { actorId: string; kind: string; data: Record<string, unknown>; at: string },
): Promise<void> {
  for (const m of members) {
    await appendEvent(trx, {
      id: newId(),
      case_id: m.case_id,
      filing_id: null,
      actor_id: event.actorId,
      kind: event.kind,
      data: JSON.stringify(event.data),
      at: event.at,
    });
  }
}

export async function recordGroupFiling(
  deps: ServerDeps,
  caller: Caller,
  groupId: string,
  input: { channelId: string; submittedAt: string; reference?: string | undefined },
): Promise<GroupFilingsTable> {
  const { group } = await groupFor(deps, caller, groupId);
  const kb = await knowledgeBase(deps.db);
  const today = shanghaiToday(deps.now());
  if (input.submittedAt > today) {
    throw apiError(
      'FG_ERR_VALIDATION',
      `submittedAt ${input.submittedAt} is in the future`,
      `record the filing on or after the day it was made (today is ${today})`,
    );
  }
  const filingId = newId();
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.db.transaction().execute(async (trx) => {
        const at = deps.now().toISOString();
        // Locks the group first: joins and leaves racing this filing wait, then see it filed.
        await markFiled(trx, group.id, at);
        const members = await activeMembers(trx, group.id);
        if (members.length < GROUP_POLICY.minMembersToFile) {
          throw apiError(
            'FG_ERR_VALIDATION',
            `a combined letter needs at least ${String(GROUP_POLICY.minMembersToFile)} members; this group has ${String(members.length)}`,
            'wait for another merchant to join, or file your own case instead',
          );
        }
        const chosen = pickChannel(kb, group, members, input.channelId);
        const channel = findChannel(kb, chosen.channel.id);
        const due = answerDue(answerRule(channel, chosen.filingType), input.submittedAt, CALENDAR);
        const total = members.reduce((sum, m) => sum + m.claim_fen, 0);
        const filing: GroupFilingsTable = {
          id: filingId,
          group_id: group.id,
          channel_id: channel.id,
          submitted_at: input.submittedAt,
          reference: input.reference ?? null,
          due_date: due?.deadline.due ?? null,
          members: members.length,
          total_fen: total,
          created_by: caller.userId,
          created_at: at,
          response: null,
          responded_at: null,
          version: 1,
        };
        await insertGroupFiling(trx, filing);
        const data = {
          filingId,
          channel: channel.id,
          submittedAt: input.submittedAt,
          reference: input.reference ?? null,
          dueDate: filing.due_date,
          members: members.length,
          total: formatFen(total),
        };
        await appendGroupEvent(trx, {
          id: newId(),
          group_id: group.id,
          actor_id: caller.userId,
          kind: 'group_filed',
          data: JSON.stringify(data),
          at,
        });
        await eachMemberCase(trx, members, {
          actorId: caller.userId,
          kind: 'group_filed',
          data: { groupId: group.id, ...data },
          at,
        });
      });
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= JOIN_ATTEMPTS) throw error;
    }
  }
  const filing = await groupFilingById(deps.db, group.id, filingId);
  if (!filing) throw notFound('group filing');
  const channelName = kb.channels.find((c) => c.id === filing.channel_id)?.name;
  await notifyOthers(deps, caller, group.id, {
    key: `group_filed:${filing.id}`,
    kind: 'group_filed',
    message: {
      zh: `联名信（${group.provider}）已由另一成员提交至${channelName?.zh ?? filing.channel_id}，答复期限 ${filing.due_date ?? '—'}。`,
      en: `Another member filed the joint letter about ${group.provider} with ${channelName?.en ?? filing.channel_id}; answer due ${filing.due_date ?? '—'}.`,
    },
  });
  return filing;
}

export async function recordGroupAnswer(
  deps: ServerDeps,
  caller: Caller,
  groupId: string,
  filingId: string,
  input: { kind: GroupResponse['kind']; message: string; refundYuan?: number | string | undefined },
): Promise<GroupFilingsTable> {
  const { group } = await groupFor(deps, caller, groupId);
  const filing = await groupFilingById(deps.db, group.id, filingId);
  if (!filing) throw notFound('group filing');
  const refundFen =
    input.refundYuan === undefined ? undefined : parseYuanToFen(String(input.refundYuan));
  if (
    refundFen === null ||
    (input.kind === 'refund' && (refundFen === undefined || refundFen <= 0))
  ) {
    throw apiError(
      'FG_ERR_VALIDATION',
      'a refund answer needs refundYuan, the amount refunded to the group in all',
      'e.g. "refundYuan": "159.00"',
    );
  }
  const at = deps.now().toISOString();
  const response: GroupResponse = {
    kind: input.kind,
    message: input.message,
    ...(refundFen ? { refundFen } : {}),
    at,
  };
  await deps.db.transaction().execute(async (trx) => {
    const moved = await updateGroupFilingIfUnchanged(trx, filing.id, filing.version, {
      response: JSON.stringify(response),
      responded_at: at,
    });
    if (!moved)
      throw apiError(
        'FG_ERR_CONFLICT',
        'the group filing was changed meanwhile',
        'reload it and try again',
      );
    const data = {
      filingId: filing.id,
      channel: filing.channel_id,
      kind: input.kind,
      message: input.message.slice(0, 500),
      ...(refundFen ? { refund: formatFen(refundFen) } : {}),
    };
    await appendGroupEvent(trx, {
      id: newId(),
      group_id: group.id,
      actor_id: caller.userId,
      kind: 'group_answer_recorded',
      data: JSON.stringify(data),
      at,
    });
    await eachMemberCase(trx, await activeMembers(trx, group.id), {
      actorId: caller.userId,
      kind: 'group_answer_recorded',
      data: { groupId: group.id, ...data },
      at,
    });
  });
  const updated = await groupFilingById(deps.db, group.id, filing.id);
  if (!updated) throw notFound('group filing');
  await notifyOthers(deps, caller, group.id, {
    key: `group_answer:${filing.id}:${String(updated.version)}`,
    kind: 'answer_received',
    message: {
      zh: `联名投诉（${group.provider}）的答复已记录：${input.message.slice(0, 100)}`,
      en: `An answer to the joint complaint about ${group.provider} was recorded: ${input.message.slice(0, 100)}`,
    },
  });
  return updated;
}

/** Tells every other member, on their own case, what one member did for the group. */
async function notifyOthers(
  deps: ServerDeps,
  caller: Caller,
  groupId: string,
  note: {
    key: string;
    kind: 'group_filed' | 'answer_received';
    message: { zh: string; en: string };
  },
): Promise<void> {
  for (const m of await activeMembers(deps.db, groupId)) {
    if (m.user_id === caller.userId) continue;
    await recordNotification(deps, {
      userId: m.user_id,
      key: `${note.key}:${m.case_id}`,
      kind: note.kind,
      caseId: m.case_id,
      filingId: null,
      message: note.message,
    });
  }
}

/** Everything a member sees of a group. */
export async function groupDetail(deps: ServerDeps, caller: Caller, groupId: string) {
  const { group, members, mine } = await groupFor(deps, caller, groupId);
  const [kb, filings, events] = await Promise.all([
    knowledgeBase(deps.db),
    filingsOfGroup(deps.db, group.id),
    eventsOfGroup(deps.db, group.id),
  ]);
  const today = shanghaiToday(deps.now());
  const shown = shownMembers(members, 'zh');
  const name = (id: string) => kb.channels.find((c) => c.id === id)?.name ?? { zh: id, en: id };
  return {
    id: group.id,
    provider: group.provider,
    providerType: providerTypeOf(group),
    category: categorySchema.parse(group.category),
    status: z.enum(['open', 'filed']).parse(group.status),
    createdAt: group.created_at,
    filedAt: group.filed_at,
    memberCount: members.length,
    total: formatFen(shown.reduce((sum, m) => sum + m.claimFen, 0)),
    members: shown.map((m) => ({
      number: m.number,
      name: m.name,
      city: m.city,
      claim: formatFen(m.claimFen),
      you: m.userId === caller.userId,
    })),
    mine: mine.map((m) => ({
      caseId: m.case_id,
      claim: formatFen(m.claim_fen),
      shareName: m.share_name === 1,
      number: shown.find((s) => s.caseId === m.case_id)?.number ?? 0,
    })),
    channels: channelsOfGroup(kb, group, members).map((c) => ({
      id: c.channel.id,
      name: c.channel.name,
      filingType: c.filingType,
    })),
    canFile: members.length >= GROUP_POLICY.minMembersToFile,
    filings: filings.map((f) => groupFilingBody(f, today, name)),
    timeline: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      data: JSON.parse(e.data) as unknown,
      at: e.at,
      byYou: e.actor_id === caller.userId,
    })),
  };
}

export function groupFilingBody(
  f: GroupFilingsTable,
  today: string,
  name: (id: string) => { zh: string; en: string },
) {
  const response = f.response ? groupResponseSchema.parse(JSON.parse(f.response)) : null;
  return {
    id: f.id,
    channelId: f.channel_id,
    channelName: name(f.channel_id),
    submittedAt: f.submitted_at,
    reference: f.reference,
    dueDate: f.due_date,
    members: f.members,
    total: formatFen(f.total_fen),
    state: groupFilingState(f, today),
    response: response
      ? {
          kind: response.kind,
          message: response.message,
          refund: response.refundFen ? formatFen(response.refundFen) : null,
          at: response.at,
        }
      : null,
    version: f.version,
  };
}
