import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlesIn, defaultKnowledgeBase, lawTitle } from '../../channels/knowledge-base.js';
import type { Channel } from '../../channels/schema.js';
import type { Guide } from '../../guides/guides.js';
import { createVerifiedUser } from '../auth/auth.service.js';
import { ApiClient, DIALECTS, testServer, type TestServer } from '../testing.js';

describe.each(DIALECTS)('the guides over HTTP on %s', (dialect) => {
  let server: TestServer;
  let anyone: ApiClient;

  beforeAll(async () => {
    server = await testServer(dialect);
    anyone = new ApiClient(server.app);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  async function channelGuide(): Promise<Guide> {
    return anyone.json<Guide>('GET', '/api/public/guides/channels');
  }

  it('lists the three guides without a login', async () => {
    const list = await anyone.json<{ items: Guide[] }>('GET', '/api/public/guides');
    expect(list.items.map((g) => g.slug)).toEqual([
      'reading-statements',
      'merchant-rights',
      'channels',
    ]);
    const missing = await anyone.request('GET', '/api/public/guides/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ hint: string }>().hint).toContain('channels');
  });

  it('the English guides give laws and sources English titles, the Chinese official title alongside', async () => {
    const all = await anyone.json<{ items: Guide[] }>('GET', '/api/public/guides');
    const han = /\p{Script=Han}/u;
    let laws = 0;
    for (const guide of all.items) {
      for (const section of guide.sections) {
        for (const fact of section.facts) {
          if (fact.kind === 'legal_basis') {
            laws++;
            // "Civil Code of the PRC (中华人民共和国民法典) art. 985": English first, Chinese in brackets.
            expect(fact.value.en, fact.value.zh).toMatch(
              /^[A-Z][^\p{Script=Han}]* \(\p{Script=Han}/u,
            );
            expect(fact.value.en).not.toMatch(/第[一二三四五六七八九十百]+条/u);
          }
          if (fact.source) {
            expect(fact.source.title.en, fact.source.title.zh).toMatch(/^[A-Za-z]/u);
            expect(fact.source.title.zh).toMatch(han);
          }
        }
      }
    }
    expect(laws).toBeGreaterThan(20);
    const rights = all.items.find((g) => g.slug === 'merchant-rights');
    const civil = rights?.sections.find((s) => s.heading.zh.includes('民法典'));
    expect(civil?.heading.en).toMatch(/^Civil Code of the PRC \(中华人民共和国民法典\) art\. 985/u);
    // The Chinese guide stays Chinese.
    expect(civil?.heading.zh).toMatch(/^《中华人民共和国民法典》第九百八十五条/u);
  });

  it('every channel in the knowledge base appears with its hotline and deadline exactly as stored', async () => {
    const kb = await anyone.json<{ channels: Channel[] }>('GET', '/api/channels');
    const guide = await channelGuide();
    expect(guide.sections.map((s) => s.id)).toEqual(kb.channels.map((c) => c.id));
    for (const channel of kb.channels) {
      const section = guide.sections.find((s) => s.id === channel.id);
      expect(section?.heading).toEqual(channel.name);
      const hotlines = channel.contacts.filter((c) => c.method === 'hotline').map((c) => c.value);
      const shown = section?.facts
        .filter((f) => f.kind === 'contact' && f.label.en === 'Phone')
        .map((f) => f.value.zh);
      expect(shown).toEqual(hotlines);
      const deadline = section?.facts.find((f) => f.kind === 'deadline');
      const answer = channel.procedures.find((p) => p.answer);
      if (answer) {
        const unit = answer.unit === 'working' ? ' working days' : ' days';
        expect(deadline?.value.en).toBe(
          `${String(answer.days)}${unit} ${answer.startEvent.en}: ${answer.what.en} (${lawTitle(defaultKnowledgeBase(), answer.article.title, 'en')}, ${articlesIn(answer.article.article, 'en', defaultKnowledgeBase())})`,
        );
        expect(deadline?.source?.verifiedAt).toBe(answer.cite.verifiedAt);
        expect(deadline?.source?.confidence).toBe(answer.cite.confidence);
      } else if (channel.procedures.length === 0) {
        expect(deadline?.value.en).toBe('No legal deadline to answer');
      }
    }
  });

  it('an admin’s edit of a channel (PUT /api/channels/:id) changes the guide at once', async () => {
    await createVerifiedUser(
      server.deps,
      { email: 'root@feeguard.test', password: 'admin password 1', name: 'root' },
      { isAdmin: true },
    );
    const admin = new ApiClient(server.app);
    await admin.login('root@feeguard.test', 'admin password 1');
    const kb = await admin.json<{ channels: Channel[] }>('GET', '/api/channels');
    const samr = kb.channels.find((c) => c.id === 'samr_12315');
    if (!samr?.procedures.length)
      throw new Error('samr_12315 has procedures in the bundled knowledge base');
    const edited: Channel = {
      ...samr,
      contacts: samr.contacts.map((c) =>
        c.method === 'hotline'
          ? {
              ...c,
              value: '12315（编辑后）',
              hours: '8:30–17:30',
              cite: { ...c.cite, confidence: 'low' },
            }
          : c,
      ),
      procedures: samr.procedures.map((p) => (p.answer ? { ...p, days: 9 } : p)),
    };
    // The clock stays at the seed time: an edit stamped no later than the seed is still seen.
    await admin.json('PUT', '/api/channels/samr_12315', edited);
    const section = (await channelGuide()).sections.find((s) => s.id === 'samr_12315');
    const hotline = section?.facts.find((f) => f.kind === 'contact' && f.label.en === 'Phone');
    expect(hotline?.value.zh).toBe('12315（编辑后）');
    expect(hotline?.source?.verify).toBe(true);
    expect(section?.facts.find((f) => f.kind === 'hours')?.value.zh).toBe('8:30–17:30');
    expect(section?.facts.find((f) => f.kind === 'deadline')?.value.zh).toMatch(/9个工作日内：/u);
    expect(section?.verify).toBe(true);
  });
});
