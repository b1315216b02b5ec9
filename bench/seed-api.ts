import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import argon2 from 'argon2';
import { seedChannels } from '../src/server/channels/channels.service.js';
import { refreshCaseSummaries } from '../src/server/cases/cases.service.js';
import { configFromEnv } from '../src/server/config.js';
import { migrate, openDatabase } from '../src/server/db/database.js';
import type { ServerDeps } from '../src/server/deps.js';
import { localDiskStorage } from '../src/server/storage/storage.js';

/**
 * Seeds a benchmark database directly (the API would take minutes for this much): merchants
 * each with a user and a live session, cases with their deductions, filings and events.
 */
export interface Seeded {
  readonly users: readonly {
    cookie: string;
    csrf: string;
    caseIds: string[];
    merchantId: string;
  }[];
}

export async function seedApiBench(
  dataDir: string,
  merchants: number,
  cases: number,
): Promise<Seeded> {
  const database = openDatabase({ sqliteFile: path.join(dataDir, 'feeguard.db') });
  await migrate(database);
  const at = new Date().toISOString();
  await seedChannels(database.db, at);
  const deps: ServerDeps = {
    db: database.db,
    dialect: database.dialect,
    config: configFromEnv({}),
    storage: localDiskStorage(path.join(dataDir, 'files')),
    now: () => new Date(),
  };
  const hash = await argon2.hash('bench password', { type: argon2.argon2id });
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const users: { cookie: string; csrf: string; caseIds: string[]; merchantId: string }[] = [];
  const perMerchant = Math.ceil(cases / merchants);
  const finding = (i: number) =>
    JSON.stringify({
      file: 'statement.csv',
      row: i + 2,
      date: '2026-03-05',
      category: 'traffic_fee',
      amount: '99.00',
      verdict: 'unauthorized',
      overcharge: '99.00',
      text: '流量费',
      reason: '合同未约定流量费',
      reasonEn: 'not agreed',
    });
  const report = JSON.stringify({
    schemaVersion: 1,
    statements: [
      {
        file: 'statement.csv',
        format: 'csv',
        encoding: 'utf-8',
        headerRow: 1,
        records: 100,
        columns: {},
      },
    ],
    findings: [],
    recurring: [],
    claim: { total: '0.00', currency: 'CNY', byCategory: {} },
    warnings: [],
  });
  let made = 0;
  for (let m = 0; m < merchants; m++) {
    const userId = crypto.randomUUID();
    const merchantId = crypto.randomUUID();
    const statementId = crypto.randomUUID();
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const caseIds: string[] = [];
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id: userId,
          email: `m${String(m)}@bench.test`,
          name: `商户${String(m)}`,
          password_hash: hash,
          is_admin: 0,
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('sessions')
        .values({
          id: createHash('sha256').update(token).digest('hex'),
          user_id: userId,
          csrf_token: csrf,
          created_at: at,
          expires_at: expires,
        })
        .execute();
      await trx
        .insertInto('merchants')
        .values({
          id: merchantId,
          owner_id: userId,
          name: `商户${String(m)}`,
          business_name: null,
          merchant_no: null,
          provider_name: '鑫联支付有限公司',
          provider_type: 'payment_institution',
          complainant_type: 'individual_merchant',
          terminal_ids: '[]',
          details: '{}',
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('statements')
        .values({
          id: statementId,
          merchant_id: merchantId,
          file_sha256: '0'.repeat(64),
          file_name: 'statement.csv',
          format: 'csv',
          uploaded_by: userId,
          uploaded_at: at,
          report,
          period_from: '2026-01-01',
          period_to: '2026-06-30',
          new_deductions: 1,
          claim: '0.00',
          counts: null,
          warnings: 0,
        })
        .execute();
      for (let c = 0; c < perMerchant && made < cases; c++, made++) {
        const caseId = crypto.randomUUID();
        const deductionId = crypto.randomUUID();
        caseIds.push(caseId);
        await trx
          .insertInto('deductions')
          .values({
            id: deductionId,
            merchant_id: merchantId,
            fingerprint: `f${String(c)}`,
            statement_id: statementId,
            date: '2026-03-05',
            category: 'traffic_fee',
            amount_fen: 9900,
            verdict: 'unauthorized',
            overcharge_fen: 9900,
            finding: finding(c),
            created_at: at,
          })
          .execute();
        await trx
          .insertInto('cases')
          .values({
            id: caseId,
            merchant_id: merchantId,
            owner_id: userId,
            respondent_name: '鑫联支付有限公司',
            respondent_type: 'payment_institution',
            claim_fen: 9900,
            refunded_fen: 0,
            status: 'new',
            next_deadline: null,
            summary: '{}',
            details: '{"othersAffected":false,"arbitrationAgreement":false}',
            affirmations: '{}',
            created_at: at,
            updated_at: at,
          })
          .execute();
        await trx
          .insertInto('case_deductions')
          .values({ case_id: caseId, deduction_id: deductionId })
          .execute();
        await trx
          .insertInto('events')
          .values({
            id: crypto.randomUUID(),
            case_id: caseId,
            seq: 1,
            filing_id: null,
            actor_id: userId,
            kind: 'case_created',
            data: '{}',
            at,
          })
          .execute();
      }
    });
    await refreshCaseSummaries(deps, caseIds);
    users.push({ cookie: `fg_session=${token}`, csrf, caseIds, merchantId });
  }
  await database.close();
  return { users };
}
