import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { normalizeEmail } from '../auth/auth.service.js';
import { requireAdmin, requireCaller } from '../http/access.js';
import { apiError, notFound } from '../http/errors.js';
import { errorResponses, idParam } from '../http/schemas.js';
import type { App } from '../http/types.js';

export const ORGANIZATION_KINDS = [
  'provider',
  'consumer_association',
  'regulator',
  'industry_association',
  'mediation',
  'media',
] as const;

const organizationBody = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  channelId: z.string().nullable(),
  providerName: z.string().nullable(),
});

export function organizationRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/organizations',
    {
      schema: {
        operationId: 'createOrganization',
        tags: ['organizations'],
        summary: 'Create an organization (admins): a provider, or an agency answering one channel',
        body: z.object({
          name: z.string().trim().min(1).max(200),
          kind: z.enum(ORGANIZATION_KINDS),
          /** The channel whose filings it answers, e.g. pboc_12363. */
          channelId: z.string().optional(),
          /** For a provider: its name as merchants write it; filings to its customer service reach it. */
          providerName: z.string().trim().min(1).optional(),
        }),
        response: { 201: organizationBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const { name, kind, channelId, providerName } = request.body;
      if (kind === 'provider' && !providerName) {
        throw apiError(
          'FG_ERR_VALIDATION',
          'a provider organization needs providerName',
          'give the acquirer’s name as on the contract',
        );
      }
      if (channelId) {
        const channel = await deps.db
          .selectFrom('channels')
          .select('id')
          .where('id', '=', channelId)
          .executeTakeFirst();
        if (!channel)
          throw apiError(
            'FG_ERR_UNKNOWN_CHANNEL',
            `no channel ${channelId}`,
            'GET /api/channels lists them',
          );
      }
      const row = {
        id: newId(),
        name,
        kind,
        channel_id: channelId ?? null,
        provider_name: providerName ?? null,
        created_at: deps.now().toISOString(),
      };
      await deps.db.insertInto('organizations').values(row).execute();
      return reply.status(201).send({
        id: row.id,
        name,
        kind,
        channelId: row.channel_id,
        providerName: row.provider_name,
      });
    },
  );

  app.get(
    '/api/providers',
    {
      schema: {
        operationId: 'listProviders',
        tags: ['organizations'],
        summary:
          'Acquirers known to FeeGuard (those with a provider account), for merchants to pick from (public)',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async () => {
      const rows = await deps.db
        .selectFrom('organizations')
        .select('provider_name')
        .distinct()
        .where('kind', '=', 'provider')
        .where('provider_name', 'is not', null)
        .orderBy('provider_name')
        .execute();
      return { items: rows.flatMap((r) => (r.provider_name ? [r.provider_name] : [])) };
    },
  );

  app.get(
    '/api/organizations',
    {
      schema: {
        operationId: 'listOrganizations',
        tags: ['organizations'],
        summary:
          'Organizations with their member counts: all of them for admins, one’s own for members',
        response: {
          200: z.object({
            items: z.array(
              organizationBody.extend({ members: z.number(), pendingInvitations: z.number() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      let query = deps.db.selectFrom('organizations').selectAll().orderBy('created_at');
      if (!caller.isAdmin)
        query = query.where(
          'id',
          'in',
          caller.organizationIds.length > 0 ? [...caller.organizationIds] : [''],
        );
      const orgs = await query.execute();
      const ids = orgs.length > 0 ? orgs.map((o) => o.id) : [''];
      const members = await deps.db
        .selectFrom('memberships')
        .select((eb) => ['organization_id', eb.fn.countAll<number>().as('n')])
        .where('organization_id', 'in', ids)
        .groupBy('organization_id')
        .execute();
      const invited = await deps.db
        .selectFrom('invitations')
        .select((eb) => ['organization_id', eb.fn.countAll<number>().as('n')])
        .where('organization_id', 'in', ids)
        .where('accepted_at', 'is', null)
        .groupBy('organization_id')
        .execute();
      return {
        items: orgs.map((o) => ({
          id: o.id,
          name: o.name,
          kind: z.enum(ORGANIZATION_KINDS).parse(o.kind),
          channelId: o.channel_id,
          providerName: o.provider_name,
          members: members.find((m) => m.organization_id === o.id)?.n ?? 0,
          pendingInvitations: invited.find((m) => m.organization_id === o.id)?.n ?? 0,
        })),
      };
    },
  );

  app.post(
    '/api/organizations/:id/members',
    {
      schema: {
        operationId: 'inviteMember',
        tags: ['organizations'],
        summary:
          'Add a member by e-mail: at once if the address is verified, else when its owner verifies it',
        params: idParam,
        body: z.object({ email: z.email() }),
        response: {
          201: z.object({ email: z.string(), status: z.enum(['added', 'invited']) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const organizationId = request.params.id;
      // Admins invite anywhere; members invite colleagues to their own organization.
      if (!caller.isAdmin && !caller.organizationIds.includes(organizationId))
        throw notFound('organization');
      const org = await deps.db
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', organizationId)
        .executeTakeFirst();
      if (!org) throw notFound('organization');
      const email = normalizeEmail(request.body.email);
      const at = deps.now().toISOString();
      const user = await deps.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .where('email_verified_at', 'is not', null)
        .executeTakeFirst();
      // An address nobody has proved to own gets an invitation, taken up only on verification.
      if (user) {
        await deps.db
          .insertInto('memberships')
          .values({ user_id: user.id, organization_id: organizationId, created_at: at })
          .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing())
          .execute();
        return reply.status(201).send({ email, status: 'added' as const });
      }
      await deps.db
        .insertInto('invitations')
        .values({
          id: newId(),
          organization_id: organizationId,
          email,
          invited_by: caller.userId,
          created_at: at,
          accepted_at: null,
        })
        .execute();
      return reply.status(201).send({ email, status: 'invited' as const });
    },
  );
}
