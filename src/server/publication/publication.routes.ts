import { z } from 'zod';
import { formatFen } from '../../audit/money.js';
import { caseDetailsSchema } from '../cases/case-model.js';
import { appendEvent } from '../cases/cases.repository.js';
import { caseFor } from '../cases/cases.service.js';
import type { PublicComplaintsTable } from '../db/schema.js';
import { newId, type ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { apiError } from '../http/errors.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { refreshCaseStats } from '../stats/stats.service.js';
import { storedContribution } from '../stats/stats.repository.js';
import { publicEntryOf } from './publication.service.js';

export const publicComplaintBody = z.object({
  id: z.string(),
  provider: z.string(),
  category: z.string(),
  province: z.string(),
  city: z.string(),
  month: z.string(),
  claim: z.string(),
  recovered: z.string(),
  outcome: z.string(),
  narrative: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string(),
  updatedAt: z.string(),
});

export function publicComplaintOf(row: PublicComplaintsTable): z.infer<typeof publicComplaintBody> {
  return {
    id: row.public_id,
    provider: row.provider,
    category: row.category,
    province: row.province,
    city: row.city,
    month: row.month,
    claim: formatFen(row.claim_fen),
    recovered: formatFen(row.recovered_fen),
    outcome: row.outcome,
    narrative: row.narrative,
    answer: row.answer,
    answeredAt: row.answered_at,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

const publicationState = z.object({
  published: z.boolean(),
  entry: publicComplaintBody.nullable(),
});

/** The merchant's consent to publish a case, and its withdrawal. */
export function publicationRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/cases/:id/publication',
    {
      schema: {
        operationId: 'getPublication',
        tags: ['public database'],
        summary: 'Whether the case is in the public complaint database, and exactly what is shown',
        params: idParam,
        response: { 200: publicationState, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'owner');
      const entry = await deps.db
        .selectFrom('public_complaints')
        .selectAll()
        .where('case_id', '=', row.id)
        .executeTakeFirst();
      return { published: entry !== undefined, entry: entry ? publicComplaintOf(entry) : null };
    },
  );

  app.put(
    '/api/cases/:id/publication',
    {
      schema: {
        operationId: 'publishCase',
        tags: ['public database'],
        summary:
          "Publish the case in the public complaint database with the merchant's consent; names, numbers and addresses are scrubbed",
        params: idParam,
        body: z.object({
          consent: z.literal(true, { error: 'publishing needs consent: send "consent": true' }),
          narrative: z
            .string()
            .max(4000)
            .optional()
            .describe('what to tell the public; defaults to the case narrative'),
        }),
        response: { 200: publicationState, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'owner');
      const details = caseDetailsSchema.parse(JSON.parse(row.details));
      const narrative = (request.body.narrative ?? details.narrative ?? '').trim();
      if (narrative === '') {
        throw apiError(
          'FG_ERR_VALIDATION',
          'there is nothing to publish: the case has no narrative',
          'send "narrative": what happened, in your own words',
        );
      }
      await refreshCaseStats(deps, [row.id]);
      const contribution = await storedContribution(deps.db, row.id);
      if (!contribution) throw apiError('FG_ERR_NOT_FOUND', 'case not found');
      const at = deps.now().toISOString();
      const entry = await publicEntryOf(deps.db, row.id, contribution, narrative);
      if (!entry) throw apiError('FG_ERR_NOT_FOUND', 'case not found');
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('public_complaints')
          .values({
            ...entry,
            case_id: row.id,
            public_id: newId(),
            published_at: at,
            updated_at: at,
          })
          .onConflict((oc) => oc.column('case_id').doUpdateSet({ ...entry, updated_at: at }))
          .execute();
        await appendEvent(trx, {
          id: newId(),
          case_id: row.id,
          filing_id: null,
          actor_id: caller.userId,
          kind: 'published',
          data: JSON.stringify({ consent: true }),
          at,
        });
      });
      const stored = await deps.db
        .selectFrom('public_complaints')
        .selectAll()
        .where('case_id', '=', row.id)
        .executeTakeFirstOrThrow();
      return { published: true, entry: publicComplaintOf(stored) };
    },
  );

  app.delete(
    '/api/cases/:id/publication',
    {
      schema: {
        operationId: 'withdrawPublication',
        tags: ['public database'],
        summary: 'Withdraw consent: the case leaves the public complaint database at once',
        params: idParam,
        response: { 200: publicationState, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { row } = await caseFor(deps, caller, request.params.id, 'owner');
      const at = deps.now().toISOString();
      await deps.db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom('public_complaints')
          .where('case_id', '=', row.id)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) return;
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
      return { published: false, entry: null };
    },
  );
}
