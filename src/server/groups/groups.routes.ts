import { z } from 'zod';
import { sourcedFormLimit } from '../../letters/fit.js';
import { FINDING_CATEGORIES } from '../../audit/model.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { renderText } from '../../documents/render-text.js';
import { shanghaiToday } from '../../deadlines/today.js';
import { knowledgeBase } from '../channels/channels.service.js';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { errorResponses, idParam, isoDate, yuanInput } from '../http/schemas.js';
import type { App } from '../http/types.js';
import {
  groupDetail,
  groupFilingBody,
  groupLetter,
  groupOffers,
  joinGroup,
  leaveGroup,
  recordGroupAnswer,
  recordGroupFiling,
} from './groups.service.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const category = z.enum(FINDING_CATEGORIES);

const offerBody = z.object({
  provider: z.string(),
  category,
  claim: z.string().describe('this case’s claim in the category, yuan'),
  otherMerchants: z.number().describe('how many other merchants have the same; never who'),
  openGroup: z.boolean(),
  membership: z.object({ groupId: z.string(), status: z.string() }).nullable(),
});

const groupFilingSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: bilingual,
  submittedAt: z.string(),
  reference: z.string().nullable(),
  dueDate: z.string().nullable(),
  members: z.number(),
  total: z.string(),
  state: z.enum(['submitted', 'acknowledged', 'answered', 'overdue']),
  response: z
    .object({
      kind: z.enum(['in_progress', 'refund', 'explanation', 'rejection']),
      message: z.string(),
      refund: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  version: z.number(),
});

const groupBody = z.object({
  id: z.string(),
  provider: z.string(),
  providerType: z.enum(['bank', 'payment_institution']),
  category,
  status: z.enum(['open', 'filed']),
  createdAt: z.string(),
  filedAt: z.string().nullable(),
  memberCount: z.number(),
  total: z.string(),
  members: z.array(
    z.object({
      number: z.number(),
      name: z.string().nullable().describe('only for members who agreed to share it'),
      city: z.string().nullable(),
      claim: z.string(),
      you: z.boolean(),
    }),
  ),
  mine: z.array(
    z.object({ caseId: z.string(), claim: z.string(), shareName: z.boolean(), number: z.number() }),
  ),
  channels: z.array(
    z.object({ id: z.string(), name: bilingual, filingType: z.enum(['complaint', 'report']) }),
  ),
  canFile: z.boolean(),
  filings: z.array(groupFilingSchema),
  timeline: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      data: z.unknown(),
      at: z.string(),
      byYou: z.boolean(),
    }),
  ),
});

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
} as const;

export function groupRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/cases/:id/group-offers',
    {
      schema: {
        operationId: 'listGroupOffers',
        tags: ['groups'],
        summary:
          'Groups this case may join: same provider and unauthorized charge as other merchants (a count, never who) (owner)',
        params: idParam,
        response: { 200: z.object({ items: z.array(offerBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return { items: await groupOffers(deps, caller, request.params.id) };
    },
  );

  app.post(
    '/api/groups/join',
    {
      schema: {
        operationId: 'joinGroup',
        tags: ['groups'],
        summary:
          'Join the open group for this case’s provider and a category (created if none), with explicit consent',
        body: z.object({
          caseId: z.uuid(),
          category,
          consent: z.literal(true, {
            error: 'consent must be true: joining shares your claim with the group’s letter',
          }),
          shareName: z.boolean().default(false),
        }),
        response: {
          200: z.object({ groupId: z.string(), created: z.boolean() }),
          201: z.object({ groupId: z.string(), created: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const result = await joinGroup(deps, caller, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/groups/:id',
    {
      schema: {
        operationId: 'getGroup',
        tags: ['groups'],
        summary:
          'A group: provider, category, status, members as the letter shows them, total, filings and timeline (members)',
        params: idParam,
        response: { 200: groupBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return groupDetail(deps, caller, request.params.id);
    },
  );

  app.delete(
    '/api/groups/:id/members/:caseId',
    {
      schema: {
        operationId: 'leaveGroup',
        tags: ['groups'],
        summary: 'Take one of the caller’s cases out of a group, while it is not filed yet',
        params: z.object({ id: z.uuid(), caseId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      await leaveGroup(deps, caller, request.params.id, request.params.caseId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/groups/:id/letter',
    {
      schema: {
        operationId: 'getGroupLetter',
        tags: ['groups'],
        summary: 'The combined letter to a regulator or association as PDF, DOCX or text (members)',
        params: idParam,
        querystring: z.object({
          channel: z.string().optional(),
          format: z.enum(['pdf', 'docx', 'txt']).default('pdf'),
          lang: z.enum(['zh', 'en']).default('zh'),
        }),
        produces: ['application/pdf', CONTENT_TYPES.docx, 'text/plain'],
        response: { 200: z.unknown().describe('the document'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const query = request.query;
      const { doc, channel } = await groupLetter(deps, caller, request.params.id, query);
      reply.header('content-type', CONTENT_TYPES[query.format]);
      reply.header(
        'content-disposition',
        `attachment; filename="group-letter-${channel.channel.id}.${query.format}"`,
      );
      if (query.format === 'pdf') return reply.send(await renderPdf(doc));
      if (query.format === 'docx') return reply.send(await renderDocx(doc));
      const limit = sourcedFormLimit(channel.channel);
      const text = renderText(doc, limit === undefined ? {} : { maxChars: limit });
      reply.header('x-feeguard-truncated', String(text.truncated));
      return reply.send(text.text);
    },
  );

  app.post(
    '/api/groups/:id/filings',
    {
      schema: {
        operationId: 'createGroupFiling',
        tags: ['groups'],
        summary:
          'A member records that the combined letter was filed: the group is filed (no more joining or leaving), the due date follows the channel’s rule',
        params: idParam,
        body: z.object({
          channelId: z.string(),
          submittedAt: isoDate,
          reference: z.string().trim().max(100).optional(),
        }),
        response: { 201: groupFilingSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const filing = await recordGroupFiling(deps, caller, request.params.id, request.body);
      const kb = await knowledgeBase(deps.db);
      return reply
        .status(201)
        .send(
          groupFilingBody(
            filing,
            shanghaiToday(deps.now()),
            (id) => kb.channels.find((c) => c.id === id)?.name ?? { zh: id, en: id },
          ),
        );
    },
  );

  app.patch(
    '/api/groups/:id/filings/:filingId',
    {
      schema: {
        operationId: 'updateGroupFiling',
        tags: ['groups'],
        summary:
          'A member records the answer to the group filing (in progress, refund, explanation, rejection)',
        params: z.object({ id: z.uuid(), filingId: z.uuid() }),
        body: z.object({
          kind: z.enum(['in_progress', 'refund', 'explanation', 'rejection']),
          message: z.string().trim().max(5000).default(''),
          refundYuan: yuanInput.optional(),
        }),
        response: { 200: groupFilingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const filing = await recordGroupAnswer(
        deps,
        caller,
        request.params.id,
        request.params.filingId,
        request.body,
      );
      const kb = await knowledgeBase(deps.db);
      return groupFilingBody(
        filing,
        shanghaiToday(deps.now()),
        (id) => kb.channels.find((c) => c.id === id)?.name ?? { zh: id, en: id },
      );
    },
  );
}
