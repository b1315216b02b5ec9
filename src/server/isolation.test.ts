import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../test/fixtures/index.js';
import { createVerifiedUser } from './auth/auth.service.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from './testing.js';

/**
 * Every operation in the OpenAPI document is tried with another merchant's and another
 * organization's ids. The list of operations comes from the document itself, so an endpoint
 * added later without an entry here fails this test instead of escaping it.
 */
const statement = readFileSync(path.join(EXAMPLES_DIR, 'statement.csv'));
const contract = JSON.parse(
  readFileSync(path.join(EXAMPLES_DIR, 'contract.json'), 'utf8'),
) as unknown;

interface World {
  merchantId: string;
  deductionId: string;
  statementId: string;
  caseId: string;
  filingId: string;
  organizationId: string;
  groupId: string;
  groupFilingId: string;
  layoutMappingId: string;
}

/** A valid request body per operation, so that the access check — not validation — answers. */
const BODIES: Record<string, unknown> = {
  register: undefined,
  login: undefined,
  verifyEmail: undefined,
  logout: undefined,
  me: undefined,
  createOrganization: { name: 'x', kind: 'media' },
  listOrganizations: undefined,
  listProviders: undefined,
  inviteMember: { email: 'someone@else.test' },
  createMerchant: undefined,
  listMerchants: undefined,
  updateMerchant: { name: '改名' },
  uploadStatement: 'multipart',
  listStatements: undefined,
  getAuditReport: undefined,
  listDeductions: undefined,
  reviewDeductions: { decision: 'agreed', category: 'traffic_fee' },
  getStatementSummary: undefined,
  reviewDeduction: { decision: 'agreed' },
  createCase: undefined,
  listCases: undefined,
  getCase: undefined,
  updateCaseFacts: { noticedAt: '2026-11-20' },
  addOfferedDeductions: {},
  getCasePlan: undefined,
  listCaseEvents: undefined,
  getLetter: undefined,
  getEvidencePackage: undefined,
  createFiling: { channelId: 'pboc_12363' },
  updateFiling: { action: 'close' },
  respondToFiling: { kind: 'rejection', message: '不同意' },
  reviewResponse: { decision: 'accept' },
  listInbox: undefined,
  getAggregates: undefined,
  listNotifications: undefined,
  setWebhook: undefined,
  getNotificationSettings: undefined,
  deleteWebhook: undefined,
  testWebhook: undefined,
  getCalendarFeed: undefined,
  listChannels: undefined,
  updateChannel: 'channel',
  getPublication: undefined,
  publishCase: { consent: true, narrative: '未经同意扣了流量费' },
  previewPublication: { narrative: '未经同意扣了流量费' },
  withdrawPublication: undefined,
  getPublicStats: undefined,
  getPublicStatsCsv: undefined,
  getProviderRankings: undefined,
  listPublicComplaints: undefined,
  exportPublicComplaints: undefined,
  listGuides: undefined,
  getGuide: undefined,
  listGroupOffers: undefined,
  joinGroup: 'join',
  getGroup: undefined,
  leaveGroup: undefined,
  getGroupLetter: undefined,
  createGroupFiling: { channelId: 'pboc_12363', submittedAt: '2026-11-25' },
  updateGroupFiling: { kind: 'rejection', message: '不同意' },
  publishFeeSchedule: { version: 'v9', effectiveFrom: '2026-01-01' },
  listFeeSchedules: undefined,
  getFeeSchedule: undefined,
  setContractFromSchedule: { scheduleId: '00000000-0000-4000-8000-000000000000' },
  correctContract: { contract: { rates: [{ cardType: 'any', percent: 0.38 }] } },
  listScheduleDepartures: undefined,
  listAlerts: undefined,
  updateAlert: { title: '改标题' },
  publishAlert: undefined,
  dismissAlert: undefined,
  listPublicAlerts: undefined,
  getPublicAlert: undefined,
  getAlertsFeed: undefined,
  listLayoutMappings: undefined,
  decideLayoutMapping: { decision: 'approve' },
};

/** Operations open to anyone or acting only on the caller's own data: nothing of another to reach. */
const SELF_ONLY = new Set([
  'register',
  'login',
  'logout',
  'me',
  'createMerchant',
  'listMerchants',
  'createCase',
  'listCases',
  'listInbox',
  'listNotifications',
  'setWebhook',
  'getNotificationSettings',
  'deleteWebhook',
  'testWebhook',
  'listChannels',
  'listGuides',
  'getGuide',
  'listFeeSchedules',
  'getFeeSchedule',
  'listPublicAlerts',
  'getAlertsFeed',
]);

async function world(
  server: TestServer,
  client: ApiClient,
  email: string,
  providerName: string,
): Promise<World> {
  await client.register(email);
  const merchant = await client.json<{ id: string }>('POST', '/api/merchants', {
    name: email,
    providerName,
    providerType: 'payment_institution',
    complainantType: 'individual_merchant',
    contract,
  });
  const upload = await client.upload(merchant.id, 'statement.csv', statement);
  const statementId = upload.json<{ id: string }>().id;
  const c = await client.json<{ id: string }>('POST', '/api/cases', { merchantId: merchant.id });
  const filing = await client.json<{ id: string }>('POST', `/api/cases/${c.id}/filings`, {
    channelId: 'payment_institution_customer_service',
  });
  await client.json('PATCH', `/api/filings/${filing.id}`, {
    action: 'submit',
    submittedAt: '2026-11-25',
  });
  const org = await server.deps.db
    .selectFrom('organizations')
    .select('id')
    .where('provider_name', '=', providerName)
    .executeTakeFirstOrThrow();
  const deductions = await client.json<{ items: { id: string; verdict: string }[] }>(
    'GET',
    `/api/merchants/${merchant.id}/deductions`,
  );
  return {
    merchantId: merchant.id,
    deductionId: deductions.items.find((d) => d.verdict === 'needs_review')?.id ?? '',
    statementId,
    caseId: c.id,
    filingId: filing.id,
    organizationId: org.id,
    groupId: '',
    groupFilingId: '',
    layoutMappingId: '',
  };
}

/** Merchant A and another merchant of the same provider join a group, and A records its filing. */
async function groupOf(server: TestServer, client: ApiClient, a: World): Promise<void> {
  const other = new ApiClient(server.app);
  const b = await world(server, other, 'a2@shop.test', 'A 支付');
  const join = { category: 'traffic_fee', consent: true };
  const group = await client.json<{ groupId: string }>('POST', '/api/groups/join', {
    ...join,
    caseId: a.caseId,
  });
  await other.json('POST', '/api/groups/join', { ...join, caseId: b.caseId });
  const filing = await client.json<{ id: string }>('POST', `/api/groups/${group.groupId}/filings`, {
    channelId: 'pboc_12363',
    submittedAt: '2026-11-25',
  });
  a.groupId = group.groupId;
  a.groupFilingId = filing.id;
}

/** Operations that take another's ids: in the path, or (joining a group) a case id in the body. */
function takesIds(op: { path: string; operationId: string }): boolean {
  return op.path.includes('{') || BODIES[op.operationId] === 'join';
}

describe.each(DIALECTS)(
  'isolation on %s: another merchant’s and another organization’s ids',
  (dialect) => {
    let server: TestServer;
    let a: World;
    let intruder: ApiClient;
    let otherOrgMember: ApiClient;
    let operations: { method: string; path: string; operationId: string }[] = [];
    // A proposed (unpublished) consumer alert: only overseers may see or decide it.
    const proposedAlertId = crypto.randomUUID();

    beforeAll(async () => {
      server = await testServer(dialect);
      await createVerifiedUser(
        server.deps,
        { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
        { isAdmin: true },
      );
      const admin = new ApiClient(server.app);
      await admin.login('root@feeguard.test', 'admin password 1');
      const orgA = await admin.json<{ id: string }>('POST', '/api/organizations', {
        name: 'A 支付',
        kind: 'provider',
        providerName: 'A 支付',
      });
      const orgB = await admin.json<{ id: string }>('POST', '/api/organizations', {
        name: 'B 支付',
        kind: 'provider',
        providerName: 'B 支付',
      });
      await admin.json('POST', `/api/organizations/${orgA.id}/members`, {
        email: 'staff-a@a.test',
      });
      await admin.json('POST', `/api/organizations/${orgB.id}/members`, {
        email: 'staff-b@b.test',
      });
      const merchantA = new ApiClient(server.app);
      a = await world(server, merchantA, 'a@shop.test', 'A 支付');
      await groupOf(server, merchantA, a);
      // A column mapping merchant A confirmed for a layout the reader was not sure of.
      await merchantA.upload(
        a.merchantId,
        'unknown.csv',
        Buffer.from('2026-03-01,消费,100.00,12.00\n2026-03-02,流量费,99.00,13.00\n'),
        { mapping: JSON.stringify({ date: 1, amount: 3 }) },
      );
      a.layoutMappingId = (
        await server.deps.db
          .selectFrom('layout_mappings')
          .select('id')
          .where('merchant_id', '=', a.merchantId)
          .executeTakeFirstOrThrow()
      ).id;
      intruder = new ApiClient(server.app);
      await world(server, intruder, 'b@shop.test', 'B 支付');
      otherOrgMember = new ApiClient(server.app);
      await otherOrgMember.register('staff-b@b.test');
      const at = new Date().toISOString();
      await server.deps.db
        .insertInto('alerts')
        .values({
          id: proposedAlertId,
          key: `A 支付|traffic_fee|2026-11-23`,
          provider: 'A 支付',
          category: 'traffic_fee',
          week: '2026-11-23',
          status: 'proposed',
          title: '草稿',
          body: '草稿',
          evidence: '{}',
          created_at: at,
          updated_at: at,
          reviewed_by: null,
          published_at: null,
        })
        .execute();
      const doc = (await intruder.request('GET', '/api/openapi.json')).json<{
        paths: Record<string, Record<string, { operationId?: string }>>;
      }>();
      operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path: p,
          operationId: op.operationId ?? `${method} ${p}`,
        })),
      );
    }, 120_000);
    afterAll(async () => {
      await server.close();
    });

    it('knows how to call every documented operation', () => {
      expect(operations.length).toBeGreaterThanOrEqual(28);
      for (const op of operations)
        expect(Object.keys(BODIES), `add ${op.operationId} to this test`).toContain(op.operationId);
    });

    function pathWithIds(template: string): string {
      return template
        .replace(/^\/api\/merchants\/\{id\}/u, `/api/merchants/${a.merchantId}`)
        .replace(/^\/api\/statements\/\{id\}/u, `/api/statements/${a.statementId}`)
        .replace(/^\/api\/cases\/\{id\}/u, `/api/cases/${a.caseId}`)
        .replace(/^\/api\/filings\/\{id\}/u, `/api/filings/${a.filingId}`)
        .replace(/^\/api\/deductions\/\{id\}/u, `/api/deductions/${a.deductionId}`)
        .replace(/^\/api\/organizations\/\{id\}/u, `/api/organizations/${a.organizationId}`)
        .replace(/^\/api\/groups\/\{id\}/u, `/api/groups/${a.groupId}`)
        .replace(/^\/api\/layout-mappings\/\{id\}/u, `/api/layout-mappings/${a.layoutMappingId}`)
        .replace('{caseId}', a.caseId)
        .replace('{filingId}', a.groupFilingId)
        .replace(/^\/api\/alerts\/\{id\}/u, `/api/alerts/${proposedAlertId}`)
        .replace(/^\/api\/public\/alerts\/\{id\}/u, `/api/public/alerts/${proposedAlertId}`)
        .replace('{token}', 'not-a-real-token.ics')
        .replace('{channelId}', 'pboc_12363');
    }

    async function attempt(client: ApiClient, op: (typeof operations)[number]) {
      const url = pathWithIds(op.path);
      const body = BODIES[op.operationId];
      if (body === 'join') {
        return client.request('POST', url, {
          caseId: a.caseId,
          category: 'traffic_fee',
          consent: true,
        });
      }
      if (body === 'multipart') return client.upload(a.merchantId, 'x.csv', statement);
      if (body === 'channel') {
        const kb = (await client.request('GET', '/api/channels')).json<{
          channels: { id: string }[];
        }>();
        return client.request(
          'PUT',
          url,
          kb.channels.find((c) => c.id === 'pboc_12363'),
        );
      }
      return client.request(op.method as 'GET', url, body);
    }

    it('a different merchant reaches nothing of merchant A', async () => {
      for (const op of operations.filter((o) => takesIds(o) && !SELF_ONLY.has(o.operationId))) {
        const response = await attempt(intruder, op);
        expect(
          [403, 404],
          `${op.operationId} ${op.path} answered ${String(response.statusCode)}`,
        ).toContain(response.statusCode);
      }
    });

    it('a member of another organization reaches nothing of merchant A or organization A', async () => {
      for (const op of operations.filter((o) => takesIds(o) && !SELF_ONLY.has(o.operationId))) {
        const response = await attempt(otherOrgMember, op);
        expect(
          [403, 404],
          `${op.operationId} ${op.path} answered ${String(response.statusCode)}`,
        ).toContain(response.statusCode);
      }
    });

    it('lists show the caller’s own records only', async () => {
      const ids = Object.values(a);
      ids.push(proposedAlertId);
      for (const client of [intruder, otherOrgMember]) {
        for (const op of operations.filter(
          (o) =>
            o.method === 'GET' &&
            !o.path.includes('{') &&
            o.path.startsWith('/api/') &&
            o.operationId !== 'listChannels',
        )) {
          const response = await client.request('GET', op.path);
          for (const id of ids)
            expect(response.body, `${op.operationId} leaks ${id}`).not.toContain(id);
        }
      }
    });
  },
);
