import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { contributionOf, type Contribution } from '../src/stats/contribution.js';
import { seedChannels } from '../src/server/channels/channels.service.js';
import { migrate, openDatabase, type Database, type Dialect } from '../src/server/db/database.js';
import type { DB } from '../src/server/db/schema.js';
import { caseFacts } from '../src/server/stats/stats.repository.js';
import { createPgSchema, dropPgSchema } from '../src/server/testing.js';
import { AS_OF, PLACE_COUNT, PROVIDERS, random, seedStats, sqliteWriter } from './seed-stats.js';

/**
 * `npm run bench:stats`: 1,000,000 generated complaints with their merchants, deductions and
 * filings, the stored contributions and the pre-aggregated cells, on SQLite and (with
 * DATABASE_URL) on PostgreSQL. Starts the real server and measures every public statistics
 * endpoint; prints p50/p95/p99 and PASS/FAIL against p95 < 100 ms (issue 6), and beside it the
 * same figures computed by a raw GROUP BY over the base tables.
 */
const COMPLAINTS = Number(process.env['BENCH_COMPLAINTS'] ?? 1_000_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 4);
const TARGET_P95_MS = 100;
const here = path.dirname(new URL(import.meta.url).pathname);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function startServer(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.resolve(here, '../../bin/feeguard.js'), 'serve'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', SWEEP_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /running at (http:\/\/\S+)/u.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited ${String(code)}: ${out}`));
    });
  });
  return { url, child };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

interface Measured {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** CONNECTIONS clients, each sending its next request when the last one answered. */
async function measure(name: string, base: string, next: () => string): Promise<Measured> {
  for (let i = 0; i < 3; i++) await (await fetch(base + next())).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        const response = await fetch(base + next());
        await response.arrayBuffer();
        latencies.push(performance.now() - start);
        if (response.status !== 200) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** Milliseconds of the fastest of three runs of a query (after one to warm the cache). */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    result = await run();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

/** The figures straight from the base tables, as one would without pre-aggregation. */
function baselines(db: Kysely<DB>, dialect: Dialect) {
  const province =
    dialect === 'postgres'
      ? sql<string>`coalesce(merchants.details::json->>'province', '')`
      : sql<string>`coalesce(json_extract(merchants.details, '$.province'), '')`;
  return {
    provider: () =>
      db
        .selectFrom('cases')
        .select(['respondent_name as key'])
        .select((eb) => [
          eb.fn.countAll<number>().as('complaints'),
          eb.fn.sum<number>('claim_fen').as('claimed'),
        ])
        .groupBy('respondent_name')
        .execute(),
    month: () =>
      db
        .selectFrom('cases')
        .select(sql<string>`substr(created_at, 1, 7)`.as('key'))
        .select((eb) => [
          eb.fn.countAll<number>().as('complaints'),
          eb.fn.sum<number>('claim_fen').as('claimed'),
        ])
        .groupBy(sql`substr(created_at, 1, 7)`)
        .execute(),
    province: () =>
      db
        .selectFrom('cases')
        .innerJoin('merchants', 'merchants.id', 'cases.merchant_id')
        .select(province.as('key'))
        .select((eb) => [
          eb.fn.countAll<number>().as('complaints'),
          eb.fn.sum<number>('cases.claim_fen').as('claimed'),
        ])
        .groupBy(province)
        .execute(),
    // A complaint counts under the category with the most money claimed (ties by name).
    category: () =>
      db
        .with('per', (q) =>
          q
            .selectFrom('case_deductions')
            .innerJoin('deductions', 'deductions.id', 'case_deductions.deduction_id')
            .select(['case_deductions.case_id', 'deductions.category'])
            .select((eb) => eb.fn.sum<number>('deductions.overcharge_fen').as('fen'))
            .groupBy(['case_deductions.case_id', 'deductions.category']),
        )
        .with('ranked', (q) =>
          q
            .selectFrom('per')
            .select(['case_id', 'category'])
            .select(
              sql<number>`row_number() over (partition by case_id order by fen desc, category)`.as(
                'rn',
              ),
            ),
        )
        .selectFrom('ranked')
        .select('category as key')
        .select((eb) => eb.fn.countAll<number>().as('complaints'))
        .where('rn', '=', 1)
        .groupBy('category')
        .execute(),
  };
}

interface StatsResponse {
  rows: { key: string; complaints: number; claimed: string }[];
  totals: { complaints: number };
}

async function run(dialect: Dialect) {
  const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-bench-stats-'));
  const databaseUrl = dialect === 'postgres' ? process.env['DATABASE_URL'] : undefined;
  const schema = databaseUrl ? await createPgSchema(databaseUrl) : undefined;
  const database: Database = openDatabase({
    databaseUrl,
    sqliteFile: path.join(dir, 'feeguard.db'),
    ...(schema ? { pgSchema: schema } : {}),
  });
  try {
    await migrate(database);
    await seedChannels(database.db, `${AS_OF}T00:00:00.000Z`);
    log(`[${dialect}] seeding ${String(COMPLAINTS)} complaints …`);
    const writer = database.file ? sqliteWriter(database.file) : null;
    const seeded = await seedStats(database.db, COMPLAINTS, log, writer?.write);
    writer?.close();
    log(
      `[${dialect}] seeded ${String(seeded.cases)} complaints (${String(seeded.published)} published), ${String(seeded.rows)} rows in ${seeded.seconds.toFixed(0)} s`,
    );
    const started = performance.now();
    await sql`ANALYZE`.execute(database.db);
    log(`[${dialect}] ANALYZE ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // What the server reads back about a case gives the contribution the generator stored.
    const channels = new Set(['bank_customer_service', 'payment_institution_customer_service']);
    const read = await caseFacts(database.db, [...seeded.sample.keys()], channels);
    let mismatches = 0;
    for (const [caseId, stored] of seeded.sample) {
      const facts = read.get(caseId);
      const again: Contribution | null = facts ? contributionOf(facts) : null;
      if (JSON.stringify(again) !== JSON.stringify(stored)) mismatches++;
    }
    if (mismatches > 0) throw new Error(`${String(mismatches)} sampled contributions differ`);

    const deep = await database.db
      .selectFrom('public_complaints')
      .select(['published_at', 'public_id'])
      .orderBy('published_at', 'desc')
      .orderBy('public_id', 'desc')
      .offset(Math.floor(seeded.published * 0.8))
      .limit(1)
      .executeTakeFirstOrThrow();
    const deepCursor = Buffer.from(`${deep.published_at}|${deep.public_id}`).toString('base64url');

    const server = await startServer(
      databaseUrl
        ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema ?? '' }
        : { DATABASE_URL: '', FEEGUARD_DATA_DIR: dir },
    );
    try {
      const rnd = random(7);
      const one = <T>(items: readonly T[]): T =>
        items[Math.floor(rnd() * items.length)] ?? (items[0] as T);
      const providers = PROVIDERS.slice(0, 20).map((p) => encodeURIComponent(p.name));
      const categories = ['traffic_fee', 'service_fee', 'deposit', 'instant_settlement_fee'];
      const provinces = ['广东省', '浙江省', '江苏省', '山东省', '四川省', '河南省'].map(
        encodeURIComponent,
      );
      const range = () => {
        const from = 1 + Math.floor(rnd() * 12);
        const to = from + Math.floor(rnd() * 12);
        const m = (i: number) => {
          const d = new Date(Date.UTC(2024, 11 + i, 1));
          return d.toISOString().slice(0, 7);
        };
        return `from=${m(from)}&to=${m(to)}`;
      };
      const endpoints: [string, () => string][] = [
        ['stats by provider', () => '/api/public/stats?by=provider'],
        ['stats by category', () => '/api/public/stats?by=category'],
        ['stats by province', () => '/api/public/stats?by=province'],
        ['stats by city', () => '/api/public/stats?by=city'],
        ['stats by month', () => '/api/public/stats?by=month'],
        [
          'stats by provider, category + months',
          () => `/api/public/stats?by=provider&category=${one(categories)}&${range()}`,
        ],
        [
          'stats by category, provider',
          () => `/api/public/stats?by=category&provider=${one(providers)}`,
        ],
        [
          'stats by province, provider + months',
          () => `/api/public/stats?by=province&provider=${one(providers)}&${range()}`,
        ],
        [
          'stats by city, province + category',
          () => `/api/public/stats?by=city&province=${one(provinces)}&category=${one(categories)}`,
        ],
        [
          'stats by month, provider + province',
          () => `/api/public/stats?by=month&provider=${one(providers)}&province=${one(provinces)}`,
        ],
        ['rankings', () => '/api/public/rankings'],
        [
          'rankings, category + months',
          () => `/api/public/rankings?category=${one(categories)}&${range()}`,
        ],
        ['stats.csv by city', () => '/api/public/stats.csv?by=city'],
        ['complaints, first page', () => '/api/public/complaints?limit=20'],
        [
          'complaints, first page by provider',
          () => `/api/public/complaints?limit=20&provider=${one(providers)}`,
        ],
        [
          'complaints, deep cursor page',
          () => `/api/public/complaints?limit=20&cursor=${deepCursor}`,
        ],
      ];
      const results: Measured[] = [];
      for (const [name, next] of endpoints) {
        const m = await measure(name, server.url, next);
        log(
          `[${dialect}] ${name}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms (${String(m.requests)} requests)`,
        );
        results.push(m);
      }

      // The same figures by a raw GROUP BY over the base tables; they must agree.
      const raw = baselines(database.db, dialect);
      const compared: {
        name: string;
        rawMs: number;
        endpoint: Measured | undefined;
        same: boolean;
      }[] = [];
      for (const by of ['provider', 'category', 'province', 'month'] as const) {
        const { ms, result } = await timed(raw[by]);
        const served = (await (
          await fetch(`${server.url}/api/public/stats?by=${by}`)
        ).json()) as StatsResponse;
        const want = new Map(result.map((r) => [r.key, r.complaints]));
        // Places under MIN_PLACE_COUNT fold together; at this size every province has more.
        const same =
          served.rows.length === want.size &&
          served.rows.every((r) => want.get(r.key) === r.complaints) &&
          served.totals.complaints === seeded.cases;
        compared.push({
          name: `by ${by}`,
          rawMs: ms,
          endpoint: results.find((r) => r.name === `stats by ${by}`),
          same,
        });
        log(
          `[${dialect}] raw GROUP BY ${by}: ${ms.toFixed(0)} ms, figures ${same ? 'agree' : 'DIFFER'}`,
        );
      }
      return { seeded, results, compared };
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
  } finally {
    await database.close();
    if (databaseUrl && schema) await dropPgSchema(databaseUrl, schema);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  // BENCH_DIALECTS=postgres runs one of them only.
  const dialects = (
    process.env['DATABASE_URL'] ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)
  ).filter((d) => (process.env['BENCH_DIALECTS'] ?? d).split(',').includes(d));
  const out: string[] = [];
  let failed = false;
  for (const dialect of dialects) {
    const { seeded, results, compared } = await run(dialect);
    out.push(
      '',
      `bench:stats — ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${String(seeded.cases)} complaints (${String(PROVIDERS.length)} providers, ${String(PLACE_COUNT.provinces)} provinces, ${String(PLACE_COUNT.cities)} cities, 24 months, ${String(seeded.published)} published), ${String(seeded.rows)} base rows seeded in ${seeded.seconds.toFixed(0)} s; ${String(seeded.cells.cells)} cells, ${String(seeded.cells.days)} day buckets`,
      `${String(CONNECTIONS)} concurrent clients, ${String(SECONDS)} s per endpoint; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${String(availableParallelism())} cores`,
      `${'endpoint'.padEnd(40)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  p95 < ${String(TARGET_P95_MS)} ms`,
    );
    for (const r of results) {
      const pass = r.p95 < TARGET_P95_MS && r.errors === 0;
      failed ||= !pass;
      out.push(
        `${r.name.padEnd(40)} ${String(r.requests).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}  ${pass ? 'PASS' : `FAIL${r.errors ? ` (${String(r.errors)} errors)` : ''}`}`,
      );
    }
    out.push('baseline: the same figure by a raw GROUP BY over the base tables (best of 3)');
    for (const c of compared) {
      const p50 = c.endpoint?.p50 ?? Number.NaN;
      out.push(
        `  complaints ${c.name.padEnd(12)} raw ${c.rawMs.toFixed(0).padStart(6)} ms   pre-aggregated p50 ${p50.toFixed(1).padStart(6)} ms   ×${(c.rawMs / p50).toFixed(0).padStart(4)}   figures ${c.same ? 'agree' : 'DIFFER'}`,
      );
      failed ||= !c.same;
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
