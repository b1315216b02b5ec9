import { z } from 'zod';
import { channelSchema } from '../../channels/schema.js';
import { parseKnowledgeBase } from '../../channels/knowledge-base.js';
import type { ServerDeps } from '../deps.js';
import { requireAdmin } from '../http/access.js';
import { apiError, notFound } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { knowledgeBase } from './channels.service.js';

export function channelRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/channels',
    {
      schema: {
        operationId: 'listChannels',
        tags: ['channels'],
        summary:
          'The channel knowledge base: who may use each channel, its deadline and the source of every fact (public)',
        response: {
          200: z.object({
            verifiedAt: z.string(),
            channels: z.array(channelSchema),
            sources: z.array(z.object({ key: z.string(), title: z.string(), where: z.string() })),
          }),
        },
      },
    },
    async () => {
      const kb = await knowledgeBase(deps.db);
      return { verifiedAt: kb.verifiedAt, channels: kb.channels, sources: kb.sources };
    },
  );

  app.put(
    '/api/channels/:channelId',
    {
      schema: {
        operationId: 'updateChannel',
        tags: ['channels'],
        summary:
          'Replace a channel entry (admins); every fact needs its source and the date it was verified',
        params: z.object({ channelId: z.string().regex(/^[a-z0-9_]+$/u) }),
        body: channelSchema,
        response: { 200: channelSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireAdmin(request);
      const { channelId } = request.params;
      if (request.body.id !== channelId) {
        throw apiError(
          'FG_ERR_VALIDATION',
          `the body's id "${request.body.id}" differs from the path's "${channelId}"`,
        );
      }
      const kb = await knowledgeBase(deps.db);
      if (!kb.channels.some((c) => c.id === channelId)) throw notFound('channel');
      // The edited entry must keep the whole knowledge base valid (its sources must exist).
      parseKnowledgeBase(
        { ...kb, channels: kb.channels.map((c) => (c.id === channelId ? request.body : c)) },
        'update',
      );
      await deps.db
        .updateTable('channels')
        .set({
          data: JSON.stringify(request.body),
          updated_at: deps.now().toISOString(),
          updated_by: caller.userId,
          revision: (eb) => eb('revision', '+', 1),
        })
        .where('id', '=', channelId)
        .execute();
      return request.body;
    },
  );
}
