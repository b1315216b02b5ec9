import { z } from 'zod';
import { formatFen } from '../../audit/money.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { apiError } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/types.js';

/** Organizations that oversee the market see figures across every provider, never a merchant's details. */
export const OVERSEERS = ['regulator', 'consumer_association', 'industry_association'];

export function aggregateRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/aggregates',
    {
      schema: {
        operationId: 'getAggregates',
        tags: ['respondent portal'],
        summary:
          'Figures across all filings for regulators and associations: by provider, channel and state',
        response: {
          200: z.object({
            byProvider: z.array(
              z.object({
                provider: z.string(),
                cases: z.number(),
                claimed: z.string(),
                recovered: z.string(),
              }),
            ),
            byChannelAndState: z.array(
              z.object({ channel: z.string(), state: z.string(), filings: z.number() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const orgs =
        caller.organizationIds.length === 0
          ? []
          : await deps.db
              .selectFrom('organizations')
              .select('kind')
              .where('id', 'in', [...caller.organizationIds])
              .execute();
      if (!caller.isAdmin && !orgs.some((o) => OVERSEERS.includes(o.kind))) {
        throw apiError(
          'FG_ERR_FORBIDDEN',
          'aggregate figures are for regulators, associations and admins',
        );
      }
      const byProvider = await deps.db
        .selectFrom('cases')
        .select((eb) => [
          'respondent_name',
          eb.fn.countAll<number>().as('cases'),
          // PostgreSQL sums bigints as numeric, which arrives as a string.
          eb.fn.sum<number | string>('claim_fen').as('claimed'),
          eb.fn.sum<number | string>('refunded_fen').as('recovered'),
        ])
        .groupBy('respondent_name')
        .orderBy('cases', 'desc')
        .execute();
      const byChannel = await deps.db
        .selectFrom('filings')
        .select((eb) => ['channel_id', 'state', eb.fn.countAll<number>().as('filings')])
        .where('state', '!=', 'draft')
        .groupBy(['channel_id', 'state'])
        .orderBy('channel_id')
        .orderBy('state')
        .execute();
      return {
        byProvider: byProvider.map((r) => ({
          provider: r.respondent_name,
          cases: r.cases,
          claimed: formatFen(Number(r.claimed)),
          recovered: formatFen(Number(r.recovered)),
        })),
        byChannelAndState: byChannel.map((r) => ({
          channel: r.channel_id,
          state: r.state,
          filings: r.filings,
        })),
      };
    },
  );
}
