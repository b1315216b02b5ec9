import { z } from 'zod';
import { confidenceSchema } from '../../channels/schema.js';
import { GUIDE_SLUGS } from '../../guides/guides.js';
import type { ServerDeps } from '../deps.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { currentGuides, guideBySlug } from './guides.service.js';

const text = z.object({ zh: z.string(), en: z.string() });

const guideBody = z.object({
  slug: z.enum(GUIDE_SLUGS),
  title: text,
  summary: text,
  verifiedAt: z.string(),
  sections: z.array(
    z.object({
      id: z.string(),
      heading: text,
      paragraphs: z.array(text),
      facts: z.array(
        z.object({
          kind: z.string(),
          label: text,
          value: text,
          source: z
            .object({
              key: z.string(),
              title: text,
              where: text.nullable(),
              confidence: confidenceSchema,
              verifiedAt: z.string(),
              verify: z
                .boolean()
                .describe('not read in a regulation or official notice: 待核实 (to be verified)'),
              note: text.nullable(),
            })
            .nullable(),
        }),
      ),
      verify: z.boolean(),
    }),
  ),
});

/** 维权指南: generated from the knowledge base, the lexicon and the legal grounds (no login). */
export function guideRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/public/guides',
    {
      schema: {
        operationId: 'listGuides',
        tags: ['public'],
        summary:
          "The plain-language guides — reading a statement, the merchant's rights, how each channel works — generated from the channel knowledge base, the audit lexicon and the legal grounds (no login)",
        response: { 200: z.object({ items: z.array(guideBody) }) },
      },
    },
    async () => ({ items: await currentGuides(deps) }),
  );

  app.get(
    '/api/public/guides/:slug',
    {
      schema: {
        operationId: 'getGuide',
        tags: ['public'],
        summary: 'One guide, with the source and verification date of every fact (no login)',
        params: z.object({ slug: z.string().min(1).max(60) }),
        response: { 200: guideBody, ...errorResponses },
      },
    },
    async (request) => guideBySlug(deps, request.params.slug),
  );
}
