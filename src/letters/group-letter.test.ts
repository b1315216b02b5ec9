import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import type { Block, DocumentModel, TableBlock } from '../documents/model.js';
import { renderPdf } from '../documents/render-pdf.js';
import { renderText } from '../documents/render-text.js';
import { hasCommand, pdfText } from '../documents/testing.js';
import { groupChannels } from '../groups/groups.js';
import { composeGroupLetter, groupFacts, type GroupLetterInput } from './group-letter.js';
import { defaultLegalGrounds } from './legal-grounds.js';

const kb = defaultKnowledgeBase();

const members: GroupLetterInput['members'] = [
  {
    label: '老王小卖部',
    named: true,
    city: '杭州',
    claimFen: 5900,
    deductions: 1,
    period: { from: '2024-09-25', to: '2024-09-25' },
  },
  {
    label: '商户 2',
    named: false,
    city: '宁波',
    claimFen: 11800,
    deductions: 2,
    period: { from: '2024-03-01', to: '2025-03-01' },
  },
  { label: '商户 3', named: false, claimFen: 9900, deductions: 1, period: null },
];

function letter(overrides: Partial<GroupLetterInput> = {}): DocumentModel {
  return composeGroupLetter({
    provider: { name: '汇通支付有限公司', type: 'payment_institution' },
    category: 'traffic_fee',
    members,
    channel: findChannel(kb, 'pboc_12363'),
    filingType: 'complaint',
    grounds: defaultLegalGrounds(),
    kb,
    date: '2026-11-25',
    language: 'zh',
    ...overrides,
  });
}

function table(doc: DocumentModel): TableBlock {
  const found = doc.blocks.find((b: Block): b is TableBlock => b.kind === 'table');
  if (!found) throw new Error('no table');
  return found;
}

describe('groupFacts', () => {
  it('adds up the members and spans their periods', () => {
    expect(groupFacts(members)).toEqual({
      totalFen: 27600,
      deductions: 4,
      period: { from: '2024-03-01', to: '2025-03-01' },
      cities: ['杭州', '宁波'],
    });
    expect(groupFacts([])).toEqual({ totalFen: 0, deductions: 0, period: null, cities: [] });
  });
});

describe('composeGroupLetter', () => {
  it('is a joint complaint to the channel, listing every member with the total', () => {
    const doc = letter();
    expect(doc.title).toBe('联名投诉书');
    expect(doc.subtitle).toBe('致：中国人民银行（被投诉机构住所地）分支机构');
    const addressed = letter({
      provider: { name: '汇通支付有限公司', type: 'payment_institution', province: '上海' },
    });
    expect(addressed.subtitle).toBe('致：中国人民银行上海分行');
    const t = table(doc);
    expect(t.rows.map((r) => [r[1], r[2], r[5]])).toEqual([
      ['老王小卖部', '杭州', '59.00'],
      ['商户 2', '宁波', '118.00'],
      ['商户 3', '—', '99.00'],
    ]);
    expect(t.footer).toEqual(['合计', '', '', '', '4', '276.00']);
    const text = renderText(doc).text;
    expect(text).toContain('共 3 户');
    expect(text).toContain('合计 276.00 元');
    expect(text).toContain('2024年3月1日至2025年3月1日');
    expect(text).toContain('流量费');
    // The anonymous members are explained, and nobody's identity is invented.
    expect(text).toContain('其中 2 户商户未同意在本信中公开名称');
  });

  it('cites the grounds for this provider type and category only', () => {
    const text = renderText(letter()).text;
    expect(text).toContain('非银行支付机构监督管理条例');
    const bank = renderText(letter({ provider: { name: '某银行', type: 'bank' } })).text;
    expect(bank).not.toContain('非银行支付机构监督管理条例》第三十四条');
  });

  it('is a joint report where the channel takes reports', () => {
    const doc = letter({ channel: findChannel(kb, 'samr_12315'), filingType: 'report' });
    expect(doc.title).toBe('联名举报信');
    const text = renderText(doc).text;
    expect(doc.subtitle).toBe('致：（被举报机构所在地）市场监督管理局');
    expect(text).toContain('联名举报人');
    expect(text).toContain('告知举报人');
  });

  it('says the same in English', () => {
    const doc = letter({ language: 'en' });
    expect(doc.title).toBe('Joint Letter of Complaint');
    const text = renderText(doc).text;
    expect(text).toContain('3 merchants');
    expect(text).toContain('276.00 yuan');
    expect(text).toContain('SIM/data fee');
  });

  it('cites the laws by their Chinese titles in Chinese and their English titles in English', () => {
    const legalBasis = (doc: DocumentModel) => {
      const at = doc.blocks.findIndex(
        (b) => b.kind === 'heading' && /法律依据|Legal basis/u.test(b.text),
      );
      const list = doc.blocks[at + 1];
      if (list?.kind !== 'list') throw new Error('no legal basis');
      return list.items;
    };
    const zh = legalBasis(letter());
    expect(zh).toContainEqual(
      expect.stringMatching(/^依据《中华人民共和国民法典》第九百八十五条的规定，/u),
    );
    expect(zh).toContainEqual(
      expect.stringMatching(
        /^依据《中华人民共和国价格法》第十三条第二款、《明码标价和禁止价格欺诈规定》第八条的规定，/u,
      ),
    );
    expect(zh.join('\n')).not.toMatch(/[A-Za-z]/u);
    const en = legalBasis(letter({ language: 'en' }));
    expect(en).toContainEqual(
      expect.stringMatching(/^Under Civil Code of the PRC \(中华人民共和国民法典\) art\. 985: /u),
    );
    expect(en).toContainEqual(
      expect.stringMatching(
        /^Under Price Law of the PRC \(中华人民共和国价格法\) art\. 13\(2\); Provisions on Clearly Marked Prices/u,
      ),
    );
    for (const item of en) {
      // Chinese only beside the English title, in brackets: never a law named in Chinese alone
      const bare = item.replaceAll(/\([^()]*\p{Script=Han}[^()]*\)/gu, '');
      expect(bare, item).not.toMatch(/\p{Script=Han}/u);
      expect(item).toMatch(/^Under [A-Z]/u);
    }
  });

  it('names no one when nobody agreed', () => {
    const doc = letter({ members: members.slice(1) });
    const text = renderText(doc).text;
    expect(text).not.toContain('老王小卖部');
    expect(text).toContain('合计 217.00 元');
  });
});

describe('groupChannels', () => {
  it('offers regulators and associations that take a complaint or report from merchants', () => {
    const found = groupChannels(kb, 'payment_institution', new Set(['individual_merchant']));
    expect(found.map((c) => [c.channel.id, c.filingType])).toEqual([
      ['pboc_12363', 'complaint'],
      ['samr_12315', 'report'],
      ['pcac_report', 'report'],
    ]);
    // The consumer association takes consumers only; the provider's own desk is never a group channel.
    const banks = groupChannels(kb, 'bank', new Set(['individual_merchant', 'company']));
    expect(banks.map((c) => c.channel.id)).toContain('nfra_12378');
    expect(banks.map((c) => c.channel.id)).not.toContain('bank_customer_service');
  });
});

describe.skipIf(!hasCommand('pdftotext'))('the combined letter as PDF, read back', () => {
  it('carries the members, the total and the addressee', async () => {
    const text = pdfText(await renderPdf(letter()));
    expect(text).toContain('联名投诉书');
    expect(text).toContain('中国人民银行（被投诉机构住所地）分支机构');
    expect(text).toContain('老王小卖部');
    expect(text).toContain('商户2');
    expect(text).toContain('276.00');
    expect(text).toContain('2026年11月25日');
  });

  it('in English too', async () => {
    const text = pdfText(await renderPdf(letter({ language: 'en' })));
    expect(text).toContain('JointLetterofComplaint');
    expect(text).toContain('276.00');
  });
});

describe('what a group letter asserts', () => {
  const text = (doc: DocumentModel) => renderText(doc).text;

  it('says "we never agreed" only when every member affirmed it, else hedges', () => {
    expect(text(letter())).toContain('据我们所知，该项收费没有约定依据。');
    expect(text(letter())).not.toContain('从未');
    const some = members.map((m, i) => ({
      ...m,
      affirmed: { neverAgreed: i > 0, neverTold: true },
    }));
    expect(text(letter({ members: some }))).not.toContain('确认从未同意');
    const all = members.map((m) => ({ ...m, affirmed: { neverAgreed: true, neverTold: true } }));
    expect(text(letter({ members: all }))).toContain(
      '我们每一户都确认从未同意该项收费，也都未收到收费公示或变更通知。',
    );
  });
});
