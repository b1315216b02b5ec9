import type { Kysely } from 'kysely';
import { toReportDeparture } from '../../audit/audit.js';
import { compareChargesToSchedule, type ChargeTaken } from '../../audit/compare/schedule.js';
import { FINDING_CATEGORIES, type FindingCategory } from '../../audit/model.js';
import { formatFen } from '../../audit/money.js';
import {
  auditReportSchema,
  findingSchema,
  type ReportDeparture,
} from '../../audit/report/schema.js';
import {
  contractToJson,
  parseSchedule,
  scheduleOn,
  scheduleToContract,
  scheduleToJson,
  type FeeSchedule,
} from '../../audit/schedule.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { Caller } from '../auth/caller.js';
import type { DB, FeeSchedulesTable } from '../db/schema.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { apiError, notFound } from '../http/errors.js';
import { fingerprints } from '../statements/statements.service.js';
import {
  deductionsOf,
  insertContractFromSchedule,
  insertSchedule,
  latestOfOrganization,
  organizationOf,
  ownedMerchant,
  scheduleById,
  schedulesOf,
  statementReportsOf,
  versionExists,
} from './feeschedules.repository.js';

/**
 * Providers' published fee schedules (docs/fee-schedules.md): members of a provider organization
 * publish versions, which never change once published; anyone reads them; a merchant takes one
 * as the contract baseline; uploads are held against them.
 */
export type ScheduleStatus = 'upcoming' | 'in_effect' | 'superseded';

export interface PublishedSchedule {
  id: string;
  provider: string;
  version: string;
  effectiveFrom: string;
  publishedAt: string;
  status: ScheduleStatus;
  /** For a superseded version: when the next one took effect. */
  supersededOn?: string;
  schedule: FeeSchedule;
}

/** The one access rule for publishing: a member of that organization. Others get 404. */
function requireMember(caller: Caller, organizationId: string): void {
  if (!caller.organizationIds.includes(organizationId)) throw notFound('organization');
}

function stored(row: FeeSchedulesTable): FeeSchedule {
  return parseSchedule(JSON.parse(row.schedule));
}

/** Versions of one provider with their status on `today`. */
function withStatus(rows: readonly FeeSchedulesTable[], today: string): PublishedSchedule[] {
  const byProvider = new Map<string, FeeSchedulesTable[]>();
  for (const row of rows) {
    const list = byProvider.get(row.provider_name) ?? [];
    list.push(row);
    byProvider.set(row.provider_name, list);
  }
  const out: PublishedSchedule[] = [];
  for (const list of byProvider.values()) {
    const versions = list
      .map((row) => ({ row, effectiveFrom: row.effective_from }))
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const current = scheduleOn(versions, today);
    versions.forEach(({ row }, i) => {
      const next = versions[i + 1];
      const status: ScheduleStatus =
        row.effective_from > today
          ? 'upcoming'
          : current?.row.id === row.id
            ? 'in_effect'
            : 'superseded';
      out.push({
        id: row.id,
        provider: row.provider_name,
        version: row.version,
        effectiveFrom: row.effective_from,
        publishedAt: row.published_at,
        status,
        ...(status === 'superseded' && next ? { supersededOn: next.effectiveFrom } : {}),
        schedule: stored(row),
      });
    });
  }
  return out;
}

export async function publishSchedule(
  deps: ServerDeps,
  caller: Caller,
  organizationId: string,
  input: Record<string, unknown>,
): Promise<PublishedSchedule> {
  requireMember(caller, organizationId);
  const org = await organizationOf(deps.db, organizationId);
  if (!org) throw notFound('organization');
  if (org.kind !== 'provider' || !org.provider_name) {
    throw apiError(
      'FG_ERR_FORBIDDEN',
      'only a provider organization publishes a fee schedule',
      'fee schedules are published by the members of the provider’s own organization',
    );
  }
  const provider = org.provider_name;
  if (input['provider'] !== undefined && input['provider'] !== provider) {
    throw apiError(
      'FG_ERR_VALIDATION',
      `provider: this organization publishes for “${provider}”, not ${JSON.stringify(input['provider'])}`,
      'leave provider out: it is taken from the organization',
    );
  }
  const schedule = parseSchedule({ ...input, provider });
  const at = deps.now().toISOString();
  const row: FeeSchedulesTable = {
    id: newId(),
    organization_id: organizationId,
    provider_name: provider,
    version: schedule.version,
    effective_from: schedule.effectiveFrom,
    schedule: JSON.stringify(scheduleToJson(schedule)),
    published_by: caller.userId,
    published_at: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    if (await versionExists(trx, organizationId, schedule.version)) {
      throw apiError(
        'FG_ERR_CONFLICT',
        `version “${schedule.version}” is already published, and published versions never change`,
        'publish the new terms as a new version with its own label and a later effectiveFrom',
      );
    }
    const latest = await latestOfOrganization(trx, organizationId);
    if (latest && schedule.effectiveFrom <= latest.effective_from) {
      throw apiError(
        'FG_ERR_CONFLICT',
        `effectiveFrom ${schedule.effectiveFrom} is not after ${latest.effective_from}, when the latest version “${latest.version}” took effect`,
        'a new version supersedes the published ones: give it a later effectiveFrom',
      );
    }
    if (!(await insertSchedule(trx, row))) {
      throw apiError(
        'FG_ERR_CONFLICT',
        'another version with this label or effective date was published at the same moment',
        'reload the list of published versions and try again',
      );
    }
  });
  const all = await schedulesOf(deps.db, provider);
  const published = withStatus(all, shanghaiToday(deps.now())).find((s) => s.id === row.id);
  if (!published) throw notFound('fee schedule');
  return published;
}

/** Public: every published version, or one provider's. */
export async function listSchedules(
  deps: ServerDeps,
  provider: string | undefined,
): Promise<PublishedSchedule[]> {
  const rows = await schedulesOf(deps.db, provider);
  return withStatus(rows, shanghaiToday(deps.now())).sort(
    (a, b) =>
      a.provider.localeCompare(b.provider) || b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
}

/** Public: one version, with its status among its provider's versions. */
export async function getSchedule(deps: ServerDeps, id: string): Promise<PublishedSchedule> {
  const row = await scheduleById(deps.db, id);
  if (!row) throw notFound('fee schedule');
  const all = await schedulesOf(deps.db, row.provider_name);
  const found = withStatus(all, shanghaiToday(deps.now())).find((s) => s.id === id);
  if (!found) throw notFound('fee schedule');
  return found;
}

/** What an upload is held against: the provider's published versions (none: an empty list). */
export async function schedulesForProvider(
  db: Kysely<DB>,
  providerName: string,
): Promise<FeeSchedule[]> {
  return (await schedulesOf(db, providerName)).map(stored);
}

/**
 * The merchant takes a published version as the contract baseline: a new contract version,
 * marked with the schedule it came from. A charge free for the first N days starts N days after
 * `activatedOn` (or after the contract's effective date).
 */
export async function contractFromSchedule(
  deps: ServerDeps,
  caller: Caller,
  merchantId: string,
  input: ScheduleChoice,
): Promise<void> {
  const merchant = await ownedMerchant(deps.db, caller.userId, merchantId);
  if (!merchant) throw notFound('merchant');
  const version = await scheduleContract(deps.db, merchant, input);
  await insertContractFromSchedule(deps.db, {
    id: newId(),
    merchant_id: merchant.id,
    effective_from: version.effectiveFrom,
    contract: version.contract,
    created_at: deps.now().toISOString(),
    fee_schedule_id: version.feeScheduleId,
  });
}

export interface ScheduleChoice {
  readonly scheduleId: string;
  /** When this contract version takes effect; the schedule's own date by default. */
  readonly effectiveFrom?: string | undefined;
  /** When the terminal was activated: a charge free for N days starts N days later. */
  readonly activatedOn?: string | undefined;
}

/**
 * The contract a published schedule version gives this merchant (its provider's versions only),
 * as a contract version's JSON, without storing it.
 */
export async function scheduleContract(
  db: Kysely<DB>,
  merchant: { provider_name: string; merchant_no: string | null },
  input: ScheduleChoice,
): Promise<{ effectiveFrom: string; contract: string; feeScheduleId: string }> {
  const row = await scheduleById(db, input.scheduleId);
  if (!row) throw notFound('fee schedule');
  if (row.provider_name !== merchant.provider_name) {
    throw apiError(
      'FG_ERR_VALIDATION',
      `scheduleId: this is the schedule of “${row.provider_name}”, but the merchant’s provider is “${merchant.provider_name}”`,
      'pick one of your own provider’s versions (GET /api/public/fee-schedules?provider=…)',
    );
  }
  const schedule = stored(row);
  const effectiveFrom = input.effectiveFrom ?? schedule.effectiveFrom;
  const contract = scheduleToContract(schedule, {
    activatedOn: input.activatedOn ?? effectiveFrom,
  });
  const json = contractToJson({
    ...contract,
    ...(merchant.merchant_no ? { merchantId: merchant.merchant_no } : {}),
  });
  return { effectiveFrom, contract: JSON.stringify(json), feeScheduleId: row.id };
}

export interface MerchantDepartures {
  schedules: { id: string; version: string; effectiveFrom: string }[];
  items: (ReportDeparture & { deductionId: string | null })[];
  total: string;
}

const isCategory = (c: string): c is FindingCategory =>
  (FINDING_CATEGORIES as readonly string[]).includes(c);

/**
 * Where the merchant's deductions depart from the provider's published schedule, as of now:
 * each stored deduction (once across uploads) against the versions published today, and the
 * transaction fees above the schedule found when each statement was audited (transactions are
 * not stored), counted once across overlapping exports.
 */
export async function merchantDepartures(
  deps: ServerDeps,
  caller: Caller,
  merchantId: string,
): Promise<MerchantDepartures> {
  const merchant = await ownedMerchant(deps.db, caller.userId, merchantId);
  if (!merchant) throw notFound('merchant');
  const rows = await schedulesOf(deps.db, merchant.provider_name);
  if (rows.length === 0) return { schedules: [], items: [], total: '0.00' };
  const versions = rows.map(stored);
  const deductions = await deductionsOf(deps.db, merchant.id);
  const taken: ChargeTaken[] = [];
  const idBySeq = new Map<number, string>();
  const idByPrint = new Map<string, string>();
  deductions.forEach((d, seq) => {
    idByPrint.set(d.fingerprint, d.id);
    if (!isCategory(d.category)) return;
    const finding = findingSchema.parse(JSON.parse(d.finding));
    idBySeq.set(seq, d.id);
    taken.push({
      seq,
      file: finding.file,
      row: finding.row,
      ...(finding.sheet === undefined ? {} : { sheet: finding.sheet }),
      date: d.date,
      category: d.category,
      amount: d.amount_fen,
    });
  });
  const items: MerchantDepartures['items'] = compareChargesToSchedule(taken, versions).map((d) => ({
    ...toReportDeparture(d),
    deductionId: idBySeq.get(d.seq) ?? null,
  }));
  // rate departures from each statement's report; the same transaction in two exports once
  const kept = new Map<string, number>();
  for (const statement of await statementReportsOf(deps.db, merchant.id)) {
    const report = auditReportSchema.parse(JSON.parse(statement.report));
    const prints = fingerprints(report.findings);
    const mine = new Map<string, number>();
    for (const d of report.scheduleDepartures ?? []) {
      if (d.kind !== 'rate_above') continue;
      const key = `${d.date}|${d.taken}|${d.allowed}|${d.scheduleVersion}`;
      const n = (mine.get(key) ?? 0) + 1;
      mine.set(key, n);
      if ((kept.get(key) ?? 0) >= n) continue;
      kept.set(key, n);
      const at = report.findings.findIndex(
        (f) =>
          f.file === d.file &&
          f.row === d.row &&
          f.sheet === d.sheet &&
          f.category === 'rate_overcharge',
      );
      items.push({ ...d, deductionId: idByPrint.get(prints[at] ?? '') ?? null });
    }
  }
  items.sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row);
  return {
    schedules: rows
      .map((r) => ({ id: r.id, version: r.version, effectiveFrom: r.effective_from }))
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
    items,
    total: formatFen(items.reduce((sum, d) => sum + d.differenceFen, 0)),
  };
}
