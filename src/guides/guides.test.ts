import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../audit/lexicon/lexicon.js';
import { FINDING_CATEGORIES } from '../audit/model.js';
import { CATEGORY_NAMES } from '../audit/words.js';
import { defaultKnowledgeBase, readableWhere } from '../channels/knowledge-base.js';
import type { KnowledgeBase } from '../channels/schema.js';
import { defaultLegalGrounds } from '../letters/legal-grounds.js';
import { buildGuides, literalTerms, type Guide } from './guides.js';

const kb = defaultKnowledgeBase();
const lexicon = defaultLexicon();
const grounds = defaultLegalGrounds();

function guide(guides: Guide[], slug: Guide['slug']): Guide {
  const found = guides.find((g) => g.slug === slug);
  if (!found) throw new Error(`no guide ${slug}`);
  return found;
}

describe('the guides are generated from the data', () => {
  const guides = buildGuides({ kb, lexicon, grounds });

  it('the channel guide has every channel, its contacts and its deadline exactly as the knowledge base says', () => {
    const channels = guide(guides, 'channels');
    expect(channels.sections.map((s) => s.id)).toEqual(kb.channels.map((c) => c.id));
    for (const channel of kb.channels) {
      const section = channels.sections.find((s) => s.id === channel.id);
      expect(section?.heading).toEqual(channel.name);
      expect(section?.paragraphs[0]).toEqual(channel.summary);
      const contacts = section?.facts.filter((f) => f.kind === 'contact') ?? [];
      expect(contacts.map((f) => f.value.zh)).toEqual(channel.contacts.map((c) => c.value));
      expect(contacts.map((f) => f.source?.verifiedAt)).toEqual(
        channel.contacts.map((c) => c.cite.verifiedAt),
      );
      const deadline = section?.facts.find((f) => f.kind === 'deadline');
      const answer = channel.procedures.find((p) => p.answer);
      if (answer) {
        const unit = answer.unit === 'working' ? '个工作日' : '日';
        expect(deadline?.value.zh).toBe(
          `${answer.startEvent.zh}${String(answer.days)}${unit}内：${answer.what.zh}（依据《${answer.article.title}》${answer.article.article}）`,
        );
        expect(deadline?.source?.where?.zh ?? null).toBe(readableWhere(answer.cite.where));
      } else {
        expect(deadline?.source).toBeNull();
      }
      expect(section?.facts.filter((f) => f.kind === 'bring').map((f) => f.value)).toEqual(
        channel.bring.map((b) => ({ zh: b.zh, en: b.en })),
      );
    }
  });

  it('marks facts below medium confidence "verify before relying"', () => {
    const channels = guide(guides, 'channels');
    const pboc = channels.sections.find((s) => s.id === 'pboc_12363');
    const weak = pboc?.facts.filter((f) => f.source?.verify) ?? [];
    expect(weak.length).toBeGreaterThan(0);
    expect(pboc?.verify).toBe(true);
    for (const fact of weak)
      expect(['low', 'unverified', 'inference']).toContain(fact.source?.confidence);
  });

  it('follows an edit of the knowledge base', () => {
    const edited: KnowledgeBase = {
      ...kb,
      channels: kb.channels.map((c) =>
        c.id === 'samr_12315'
          ? { ...c, contacts: c.contacts.map((x) => ({ ...x, value: `${x.value} 转 1` })) }
          : c,
      ),
    };
    const section = guide(buildGuides({ kb: edited, lexicon, grounds }), 'channels').sections.find(
      (s) => s.id === 'samr_12315',
    );
    expect(section?.facts.find((f) => f.kind === 'contact')?.value.zh).toBe('12315 转 1');
  });

  it('the statement guide names every fee category with the audit’s own words and terms', () => {
    const statement = guide(guides, 'reading-statements');
    for (const category of FINDING_CATEGORIES) {
      const section = statement.sections.find((s) => s.id === category);
      expect(section?.heading).toEqual(CATEGORY_NAMES[category]);
    }
    const traffic = statement.sections.find((s) => s.id === 'traffic_fee');
    expect(traffic?.facts[0]?.value.zh).toContain('流量');
    expect(traffic?.facts[0]?.value.zh).toContain('物联网');
    const deposit = statement.sections.find((s) => s.id === 'deposit');
    expect(deposit?.facts[0]?.value.zh).toContain('押金');
  });

  it('the rights guide has every legal ground with its citation', () => {
    const rights = guide(guides, 'merchant-rights');
    expect(rights.sections.map((s) => s.id)).toEqual(grounds.map((g) => g.id));
    for (const g of grounds) {
      const section = rights.sections.find((s) => s.id === g.id);
      expect(section?.paragraphs[0]?.zh).toContain(g.summary.zh);
      if (g.quote) expect(section?.paragraphs[0]?.zh).toContain(`「${g.quote}」`);
      const source = section?.facts.find((f) => f.kind === 'legal_basis')?.source;
      expect(source?.key).toBe(g.cite.source);
      expect(source?.title.zh).toBe(kb.sources.find((s) => s.key === g.cite.source)?.title);
      expect(source?.where?.zh ?? null).toBe(readableWhere(g.cite.where));
    }
  });

  it('reads the literal words out of a lexicon pattern', () => {
    expect(literalTerms('流量|sim|data(fee|plan)?|d\\+0|^金额|金额\\(元\\)$|ref\\b')).toEqual([
      '流量',
      'sim',
      'd+0',
      '金额',
      '金额(元)',
    ]);
  });
});
