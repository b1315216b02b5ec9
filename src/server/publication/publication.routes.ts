import { z } from 'zod';
import { formatFen } from '../../audit/money.js';
import type { PublicComplaintsTable } from '../db/schema.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import type { EntryFields } from './publication.repository.js';
import {
  previewPublication,
  publicationOf,
  publishCase,
  withdrawPublication,
} from './publication.service.js';

const entryFields = {
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
};

export const publicComplaintBody = z.object({
  id: z.string(),
  ...entryFields,
  publishedAt: z.string(),
  updatedAt: z.string(),
});

function fieldsOf(row: EntryFields) {
  return {
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
  };
}

export function publicComplaintOf(row: PublicComplaintsTable): z.infer<typeof publicComplaintBody> {
  return {
    id: row.public_id,
    ...fieldsOf(row),
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

const publicationState = z.object({
  published: z.boolean(),
  entry: publicComplaintBody.nullable(),
});

const narrativeField = z
  .string()
  .max(4000)
  .optional()
  .describe('what to tell the public; defaults to the case narrative');

const previewBody = z.object({
  entry: z.object(entryFields).describe('exactly what would be published'),
  removed: z
    .record(z.string(), z.number())
    .describe('how many names, numbers, addresses… were taken out, by kind'),
});

/** The merchant's consent to publish a case, what it would show, and its withdrawal. */
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
      const entry = await publicationOf(deps, requireCaller(request), request.params.id);
      return { published: entry !== null, entry: entry ? publicComplaintOf(entry) : null };
    },
  );

  app.post(
    '/api/cases/:id/publication/preview',
    {
      schema: {
        operationId: 'previewPublication',
        tags: ['public database'],
        summary:
          'What publishing would show, scrubbed of personal data, before the merchant consents; nothing is stored',
        params: idParam,
        body: z.object({ narrative: narrativeField }),
        response: { 200: previewBody, ...errorResponses },
      },
    },
    async (request) => {
      const { entry, removed } = await previewPublication(
        deps,
        requireCaller(request),
        request.params.id,
        request.body.narrative,
      );
      return { entry: fieldsOf(entry), removed };
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
          narrative: narrativeField,
        }),
        response: { 200: publicationState, ...errorResponses },
      },
    },
    async (request) => {
      const stored = await publishCase(
        deps,
        requireCaller(request),
        request.params.id,
        request.body.narrative,
      );
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
      await withdrawPublication(deps, requireCaller(request), request.params.id);
      return { published: false, entry: null };
    },
  );
}
