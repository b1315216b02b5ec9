import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { csvCell, csvRow } from '../../csv.js';
import { formatFen } from '../../audit/money.js';
import type { ServerDeps } from '../deps.js';
import { apiError } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { publicComplaintBody, publicComplaintOf } from '../publication/publication.routes.js';
import { complaintsPage } from '../publication/publication.repository.js';
import {
  DIMENSIONS,
  rankings,
  StatsCache,
  statsBy,
  type StatsFilter,
  type StatsRow,
} from '../stats/stats.service.js';
import { OUTCOMES } from '../../stats/contribution.js';

const month = z.string().regex(/^\d{4}-\d{2}$/u, 'a month YYYY-MM');
const filterQuery = z.object({
  provider: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  province: z.string().optional(),
  city: z.string().optional(),
  from: month.optional(),
  to: month.optional(),
});

const statsRowBody = z.object({
  key: z
    .string()
    .describe(
      "the group: a provider, category, province, 'province city' or month; '' when unknown",
    ),
  complaints: z.number(),
  claimed: z.string(),
  recovered: z.string(),
  outcomes: z.object({
    refunded: z.number(),
    partly: z.number(),
    rejected: z.number(),
    noAnswer: z.number(),
    pending: z.number(),
  }),
  filingsDue: z.number().describe('filings to the provider whose answer was due'),
  answeredOnTime: z.number(),
  onTimeShare: z.number().nullable(),
  medianDaysToAnswer: z.number().nullable(),
});

function rowBody(row: StatsRow): z.infer<typeof statsRowBody> {
  return {
    key: row.key,
    complaints: row.complaints,
    claimed: formatFen(row.claimedFen),
    recovered: formatFen(row.recoveredFen),
    outcomes: row.outcomes,
    filingsDue: row.filingsDue,
    answeredOnTime: row.answeredOnTime,
    onTimeShare: row.onTimeShare === null ? null : Math.round(row.onTimeShare * 10_000) / 10_000,
    medianDaysToAnswer: row.medianDaysToAnswer,
  };
}

function filterOf(query: z.infer<typeof filterQuery>): StatsFilter {
  if (query.from && query.to && query.from > query.to) {
    throw apiError('FG_ERR_VALIDATION', `from ${query.from} is after to ${query.to}`, 'swap them');
  }
  return query;
}

/** RFC 4180 with formulas defused (src/csv.ts): the one rule for every CSV FeeGuard writes. */
export const csvField = csvCell;
export const csvLine = csvRow;

const STATS_COLUMNS = [
  'key',
  'complaints',
  'claimed_yuan',
  'recovered_yuan',
  'refunded',
  'partly_refunded',
  'rejected',
  'no_answer',
  'pending',
  'filings_due',
  'answered_on_time',
  'on_time_share',
  'median_days_to_answer',
];

function statsCsv(rows: readonly z.infer<typeof statsRowBody>[]): string {
  return (
    '\uFEFF' +
    csvLine(STATS_COLUMNS) +
    rows
      .map((r) =>
        csvLine([
          r.key,
          r.complaints,
          r.claimed,
          r.recovered,
          r.outcomes.refunded,
          r.outcomes.partly,
          r.outcomes.rejected,
          r.outcomes.noAnswer,
          r.outcomes.pending,
          r.filingsDue,
          r.answeredOnTime,
          r.onTimeShare,
          r.medianDaysToAnswer,
        ]),
      )
      .join('')
  );
}

const complaintsQuery = z.object({
  provider: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  province: z.string().min(1).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  q: z.string().min(1).max(100).optional().describe('words to look for in the narrative'),
});

function cursorOf(row: { published_at: string; public_id: string }): string {
  return Buffer.from(`${row.published_at}|${row.public_id}`).toString('base64url');
}

function parseCursor(cursor: string): { at: string; id: string } {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || rest.length > 0 || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/u.test(at)) {
    throw apiError(
      'FG_ERR_VALIDATION',
      'cursor is not one this API gave out',
      'pass nextCursor back as it came',
    );
  }
  return { at, id };
}

const COMPLAINT_COLUMNS = [
  'id',
  'published_at',
  'provider',
  'category',
  'province',
  'city',
  'month',
  'claim_yuan',
  'recovered_yuan',
  'outcome',
  'narrative',
  'answer',
  'answered_at',
];

/** Everything the public may see without logging in. */
export function publicRoutes(app: App, deps: ServerDeps): void {
  const statsQuery = filterQuery.extend({ by: z.enum(DIMENSIONS).default('provider') });
  const cache = new StatsCache();

  app.get(
    '/api/public/stats',
    {
      schema: {
        operationId: 'getPublicStats',
        tags: ['public'],
        summary:
          'Complaints, money claimed and recovered, outcomes and timeliness, grouped by provider, category, province, city or month (no login)',
        querystring: statsQuery,
        response: {
          200: z.object({ by: z.string(), rows: z.array(statsRowBody), totals: statsRowBody }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { by, ...query } = request.query;
      const { rows, totals } = await statsBy(deps.db, by, filterOf(query), cache);
      return { by, rows: rows.map(rowBody), totals: rowBody(totals) };
    },
  );

  app.get(
    '/api/public/stats.csv',
    {
      schema: {
        operationId: 'getPublicStatsCsv',
        tags: ['public'],
        summary: 'The same figures as CSV (UTF-8 with BOM, opens in Excel)',
        querystring: statsQuery,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('CSV'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { by, ...query } = request.query;
      const { rows } = await statsBy(deps.db, by, filterOf(query), cache);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="feeguard-stats-by-${by}.csv"`);
      return reply.send(statsCsv(rows.map(rowBody)));
    },
  );

  app.get(
    '/api/public/rankings',
    {
      schema: {
        operationId: 'getProviderRankings',
        tags: ['public'],
        summary:
          'Providers ranked by complaints and by the share of answers given within the legal deadline (at least 5 filings due)',
        querystring: filterQuery.omit({ provider: true }),
        response: {
          200: z.object({
            byComplaints: z.array(statsRowBody),
            byTimeliness: z.array(statsRowBody),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const ranked = await rankings(deps.db, filterOf(request.query), cache);
      return {
        byComplaints: ranked.byComplaints.map(rowBody),
        byTimeliness: ranked.byTimeliness.map(rowBody),
      };
    },
  );

  app.get(
    '/api/public/complaints',
    {
      schema: {
        operationId: 'listPublicComplaints',
        tags: ['public'],
        summary:
          'Complaints published with their merchants’ consent, personal data scrubbed, with the provider’s answer; newest first',
        querystring: complaintsQuery.extend({
          cursor: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ items: z.array(publicComplaintBody), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { cursor, limit, ...query } = request.query;
      const rows = await complaintsPage(
        deps.db,
        query,
        cursor ? parseCursor(cursor) : null,
        limit + 1,
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(publicComplaintOf),
        nextCursor: rows.length > limit && last ? cursorOf(last) : null,
      };
    },
  );

  app.get(
    '/api/public/complaints.csv',
    {
      schema: {
        operationId: 'exportPublicComplaints',
        tags: ['public'],
        summary: 'Every published complaint matching the filters as CSV, streamed',
        querystring: complaintsQuery,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('CSV'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const stream = new PassThrough();
      const pump = async () => {
        stream.write('\uFEFF' + csvLine(COMPLAINT_COLUMNS));
        let after: { at: string; id: string } | null = null;
        for (;;) {
          const rows = await complaintsPage(deps.db, query, after, 1000);
          for (const row of rows) {
            const c = publicComplaintOf(row);
            const ok = stream.write(
              csvLine([
                c.id,
                c.publishedAt,
                c.provider,
                c.category,
                c.province,
                c.city,
                c.month,
                c.claim,
                c.recovered,
                c.outcome,
                c.narrative,
                c.answer,
                c.answeredAt,
              ]),
            );
            // Waits for the client to take what was written: memory stays flat however big.
            if (!ok) await new Promise((resolve) => stream.once('drain', resolve));
          }
          const last = rows[rows.length - 1];
          if (!last || rows.length < 1000) break;
          after = { at: last.published_at, id: last.public_id };
        }
        stream.end();
      };
      void pump().catch((error: unknown) => {
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="feeguard-complaints.csv"');
      return reply.send(stream);
    },
  );
}
