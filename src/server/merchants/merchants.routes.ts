import { z } from 'zod';
import { contractSchema, parseContract } from '../../audit/contract.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { Kysely } from 'kysely';
import type { DB, MerchantsTable } from '../db/schema.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { notFound } from '../http/errors.js';
import { errorResponses, idParam, isoDate } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { refreshMerchantStats } from '../stats/stats.service.js';
import { providerTypeSchema } from '../../cases/case-file.js';
import type { AuditPool } from '../statements/audit-pool.js';
import { checkContract, correctContract } from './contract.service.js';
import {
  contractChangesOf,
  contractsOf,
  insertContract,
  insertMerchant,
  merchantOf,
  merchantsOf,
  updateMerchantRow,
} from './merchants.repository.js';

const details = z.object({
  phone: z.string().max(30).optional(),
  email: z.email().optional(),
  idNumber: z.string().max(30).optional(),
  address: z.string().max(300).optional(),
  /** Where the shop is: the public statistics count complaints by province and city. */
  province: z.string().trim().max(30).optional().describe('省份, e.g. 广东省'),
  city: z.string().trim().max(30).optional().describe('城市, e.g. 深圳市'),
  creditCode: z.string().max(30).optional(),
  legalRepresentative: z.string().max(50).optional(),
  /** The acquirer's domicile (decides the PBoC branch) and service line. */
  providerProvince: z.string().max(30).optional(),
  providerPhone: z.string().max(30).optional(),
  agent: z.string().max(200).optional(),
});

const merchantInput = z.object({
  /** The person who signs complaints. */
  name: z.string().trim().min(1).max(100),
  businessName: z.string().trim().max(200).optional(),
  merchantNo: z.string().trim().max(50).optional(),
  providerName: z.string().trim().min(1).max(200),
  providerType: providerTypeSchema,
  complainantType: z.enum(['individual_consumer', 'individual_merchant', 'company']),
  terminalIds: z.array(z.string().max(50)).max(100).default([]),
  details: details.default({}),
  /** The contract terms (the audit spec's contract); omitted when the merchant does not know them. */
  contract: contractSchema.optional(),
  contractEffectiveFrom: isoDate.optional(),
});

const contractVersion = z.object({
  effectiveFrom: z.string(),
  contract: z.unknown(),
  /** The provider's published fee schedule this version was taken from (docs/fee-schedules.md). */
  feeScheduleId: z.string().nullable().optional(),
});
const contractChange = z.object({
  at: z.string().describe('when the terms were corrected (ISO instant)'),
  by: z.string().nullable().describe('the user who corrected them'),
  byName: z.string().nullable(),
  effectiveFrom: z.string().describe('the contract version corrected, by the date it took effect'),
  previous: z
    .object({ contract: z.unknown(), feeScheduleId: z.string().nullable() })
    .nullable()
    .describe('the terms before the correction; null when none had been given'),
});
export const merchantBody = z.object({
  id: z.string(),
  name: z.string(),
  businessName: z.string().nullable(),
  merchantNo: z.string().nullable(),
  providerName: z.string(),
  providerType: providerTypeSchema,
  complainantType: z.enum(['individual_consumer', 'individual_merchant', 'company']),
  terminalIds: z.array(z.string()),
  details,
  contracts: z.array(contractVersion),
  /** Every correction of the contract (PUT /api/merchants/{id}/contract), newest first. */
  contractChanges: z.array(contractChange),
  createdAt: z.string(),
});
type MerchantBody = z.infer<typeof merchantBody>;

type ChangeRow = Awaited<ReturnType<typeof contractChangesOf>>[number];

/** A merchant as the API shows it, with its contract versions and their corrections. */
export async function merchantBodyOf(db: Kysely<DB>, row: MerchantsTable): Promise<MerchantBody> {
  const [contracts, changes] = await Promise.all([
    contractsOf(db, [row.id]),
    contractChangesOf(db, [row.id]),
  ]);
  return toBody(row, contracts, changes);
}

export function toBody(
  row: MerchantsTable,
  contracts: { effective_from: string; contract: string; fee_schedule_id?: string | null }[],
  changes: readonly ChangeRow[] = [],
): MerchantBody {
  return {
    id: row.id,
    name: row.name,
    businessName: row.business_name,
    merchantNo: row.merchant_no,
    providerName: row.provider_name,
    providerType: providerTypeSchema.catch('unknown').parse(row.provider_type),
    complainantType: z
      .enum(['individual_consumer', 'individual_merchant', 'company'])
      .parse(row.complainant_type),
    terminalIds: z.array(z.string()).parse(JSON.parse(row.terminal_ids)),
    details: details.parse(JSON.parse(row.details)),
    contracts: contracts.map((c) => ({
      effectiveFrom: c.effective_from,
      contract: JSON.parse(c.contract) as unknown,
      feeScheduleId: c.fee_schedule_id ?? null,
    })),
    contractChanges: changes.map((c) => ({
      at: c.changed_at,
      by: c.changed_by,
      byName: c.changed_by_name,
      effectiveFrom: c.effective_from,
      previous:
        c.previous_contract === null
          ? null
          : {
              contract: JSON.parse(c.previous_contract) as unknown,
              feeScheduleId: c.previous_fee_schedule_id,
            },
    })),
    createdAt: row.created_at,
  };
}

export function merchantRoutes(app: App, deps: ServerDeps, audits: AuditPool): void {
  app.post(
    '/api/merchants',
    {
      schema: {
        operationId: 'createMerchant',
        tags: ['merchants'],
        summary: 'Add a merchant profile (商户号, provider, terminals) with its contract terms',
        body: merchantInput,
        response: { 201: merchantBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const input = request.body;
      if (input.contract) parseContract(input.contract);
      const at = deps.now().toISOString();
      const row: MerchantsTable = {
        id: newId(),
        owner_id: caller.userId,
        name: input.name,
        business_name: input.businessName ?? null,
        merchant_no: input.merchantNo ?? null,
        provider_name: input.providerName,
        provider_type: input.providerType,
        complainant_type: input.complainantType,
        terminal_ids: JSON.stringify(input.terminalIds),
        details: JSON.stringify(input.details),
        created_at: at,
        updated_at: at,
      };
      const contract = input.contract
        ? {
            id: newId(),
            merchant_id: row.id,
            effective_from:
              input.contractEffectiveFrom ?? input.contract.signedAt ?? shanghaiToday(deps.now()),
            contract: JSON.stringify(input.contract),
            created_at: at,
          }
        : null;
      await deps.db.transaction().execute(async (trx) => {
        await insertMerchant(trx, row);
        if (contract) await insertContract(trx, contract);
      });
      return reply.status(201).send(toBody(row, contract ? [contract] : []));
    },
  );

  app.get(
    '/api/merchants',
    {
      schema: {
        operationId: 'listMerchants',
        tags: ['merchants'],
        summary: 'The caller’s merchant profiles',
        response: { 200: z.object({ items: z.array(merchantBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const rows = await merchantsOf(deps.db, caller.userId);
      const ids = rows.map((r) => r.id);
      const [contracts, changes] = await Promise.all([
        contractsOf(deps.db, ids),
        contractChangesOf(deps.db, ids),
      ]);
      return {
        items: rows.map((r) =>
          toBody(
            r,
            contracts.filter((c) => c.merchant_id === r.id),
            changes.filter((c) => c.merchant_id === r.id),
          ),
        ),
      };
    },
  );

  app.patch(
    '/api/merchants/:id',
    {
      schema: {
        operationId: 'updateMerchant',
        tags: ['merchants'],
        summary:
          'Change a merchant profile; a new contract is added as a version with its effective date',
        params: idParam,
        body: merchantInput.partial().extend({
          terminalIds: z.array(z.string().max(50)).max(100).optional(),
          details: details.optional(),
        }),
        response: { 200: merchantBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const existing = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!existing) throw notFound('merchant');
      const input = request.body;
      if (input.contract) parseContract(input.contract);
      const at = deps.now().toISOString();
      const changes: Partial<MerchantsTable> = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.businessName === undefined ? {} : { business_name: input.businessName }),
        ...(input.merchantNo === undefined ? {} : { merchant_no: input.merchantNo }),
        ...(input.providerName === undefined ? {} : { provider_name: input.providerName }),
        ...(input.providerType === undefined ? {} : { provider_type: input.providerType }),
        ...(input.complainantType === undefined ? {} : { complainant_type: input.complainantType }),
        ...(input.terminalIds === undefined
          ? {}
          : { terminal_ids: JSON.stringify(input.terminalIds) }),
        ...(input.details === undefined
          ? {}
          : {
              details: JSON.stringify({
                ...(JSON.parse(existing.details) as object),
                ...input.details,
              }),
            }),
        updated_at: at,
      };
      await deps.db.transaction().execute(async (trx) => {
        await updateMerchantRow(trx, existing.id, changes);
        if (input.contract) {
          await insertContract(trx, {
            id: newId(),
            merchant_id: existing.id,
            effective_from: input.contractEffectiveFrom ?? shanghaiToday(deps.now()),
            contract: JSON.stringify(input.contract),
            created_at: at,
          });
        }
      });
      // The shop's place is a dimension of its complaints in the public statistics.
      if (input.details?.province !== undefined || input.details?.city !== undefined) {
        await refreshMerchantStats(deps, existing.id);
      }
      const updated = await merchantOf(deps.db, caller.userId, existing.id);
      if (!updated) throw notFound('merchant');
      return merchantBodyOf(deps.db, updated);
    },
  );
  app.put(
    '/api/merchants/:id/contract',
    {
      schema: {
        operationId: 'correctContract',
        tags: ['merchants'],
        summary:
          'Correct the contract the merchant gave (or take the provider’s published fee schedule instead): the corrected terms replace the version in effect, every stored statement is audited again, and the deductions and open cases (claim, letter, statistics) follow in one transaction; the merchant’s agreed / not-agreed marks stay',
        params: idParam,
        body: z.union([
          z.object({
            /** The contract format of docs/contract.md. */
            contract: contractSchema,
          }),
          z.object({
            scheduleId: z.uuid(),
            /** When the terminal was activated: a charge free for N days starts N days later. */
            activatedOn: isoDate.optional(),
          }),
        ]),
        response: {
          200: z.object({
            merchant: merchantBody,
            claim: z.object({ before: z.string(), after: z.string() }),
            statements: z.number(),
            changed: z.number(),
            cases: z.array(
              z.object({
                id: z.string(),
                before: z.string(),
                after: z.string(),
                added: z
                  .number()
                  .describe(
                    'deductions only the corrected terms make claimable that this case took in (it was not filed anywhere yet)',
                  ),
                offered: z
                  .number()
                  .describe(
                    'such deductions offered to this case, already filed with a channel: POST /api/cases/{id}/deductions adds them',
                  ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      // A contract the schema refuses is answered below, naming the field as the form does.
      attachValidation: true,
    },
    async (request) => {
      const caller = requireCaller(request);
      if (request.validationError) {
        const raw = request.body as unknown;
        const sent =
          typeof raw === 'object' && raw !== null && 'contract' in raw ? raw.contract : undefined;
        if (sent !== undefined) checkContract(sent);
        throw request.validationError;
      }
      const result = await correctContract(deps, audits, caller, request.params.id, request.body);
      const merchant = await merchantOf(deps.db, caller.userId, request.params.id);
      if (!merchant) throw notFound('merchant');
      return { ...result, merchant: await merchantBodyOf(deps.db, merchant) };
    },
  );
}
