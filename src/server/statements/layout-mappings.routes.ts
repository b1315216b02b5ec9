import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { requireAdmin } from '../http/access.js';
import { notFound } from '../http/errors.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { layoutMappingBody } from './layout-mappings.js';

/** Administrators review the column mappings merchants confirmed (docs/layout-mappings.md). */
export function layoutMappingRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/layout-mappings',
    {
      schema: {
        operationId: 'listLayoutMappings',
        tags: ['statements'],
        summary: 'Column mappings merchants confirmed, newest first (administrators only)',
        querystring: z.object({
          status: z.enum(['proposed', 'approved', 'rejected']).default('proposed'),
        }),
        response: { 200: z.object({ items: z.array(layoutMappingBody) }), ...errorResponses },
      },
    },
    async (request) => {
      requireAdmin(request);
      const rows = await deps.db
        .selectFrom('layout_mappings')
        .selectAll()
        .where('status', '=', request.query.status)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          fingerprint: row.fingerprint,
          provider: row.provider,
          mapping: JSON.parse(row.mapping) as Record<string, number>,
          rows: JSON.parse(row.sample) as string[][],
          status: row.status,
          createdAt: row.created_at,
          decidedAt: row.decided_at,
        })),
      };
    },
  );

  app.post(
    '/api/layout-mappings/:id/decision',
    {
      schema: {
        operationId: 'decideLayoutMapping',
        tags: ['statements'],
        summary:
          'Approve a proposed column mapping (then applied for every merchant whose file has the same fingerprint) or reject it (administrators only)',
        params: idParam,
        body: z.object({ decision: z.enum(['approve', 'reject']) }),
        response: { 200: layoutMappingBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireAdmin(request);
      const at = deps.now().toISOString();
      const status = request.body.decision === 'approve' ? 'approved' : 'rejected';
      const result = await deps.db
        .updateTable('layout_mappings')
        .set({ status, approved_by: caller.userId, decided_at: at })
        .where('id', '=', request.params.id)
        .where('status', '=', 'proposed')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('proposed layout mapping');
      const row = await deps.db
        .selectFrom('layout_mappings')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        fingerprint: row.fingerprint,
        provider: row.provider,
        mapping: JSON.parse(row.mapping) as Record<string, number>,
        rows: JSON.parse(row.sample) as string[][],
        status: row.status,
        createdAt: row.created_at,
        decidedAt: row.decided_at,
      };
    },
  );
}
