import { describe, expect, it } from 'vitest';
import { defaultLegalGrounds, legalGroundSchema } from '../letters/legal-grounds.js';
import {
  articlesIn,
  citedLaw,
  defaultKnowledgeBase,
  lawRefs,
  readableWhere,
} from './knowledge-base.js';

const kb = defaultKnowledgeBase();

describe('law references in each language', () => {
  it('a Chinese reference uses the full Chinese title in 《》; an English one the English title', () => {
    expect(citedLaw(kb, '《中华人民共和国民法典》', '第九百八十五条', 'zh')).toBe(
      '《中华人民共和国民法典》第九百八十五条',
    );
    // channel rules are titled without the marks: the same line
    expect(citedLaw(kb, '中华人民共和国民法典', '第九百八十五条', 'zh')).toBe(
      '《中华人民共和国民法典》第九百八十五条',
    );
    expect(citedLaw(kb, '《中华人民共和国民法典》', '第九百八十五条', 'en')).toBe(
      'Civil Code of the PRC (中华人民共和国民法典) art. 985',
    );
    // a document number stays after the title's marks
    expect(
      citedLaw(kb, '《收单外包服务评价管理规范》（中支协发〔2025〕64号）', '第十七条', 'zh'),
    ).toBe('《收单外包服务评价管理规范》（中支协发〔2025〕64号）第十七条');
  });

  it('a reference to several laws names each law with its own articles', () => {
    const title = '《中华人民共和国价格法》《明码标价和禁止价格欺诈规定》';
    expect(lawRefs(title, '第十三条第二款；第八条')).toEqual([
      { title: '中华人民共和国价格法', articles: '第十三条第二款' },
      { title: '明码标价和禁止价格欺诈规定', articles: '第八条' },
    ]);
    expect(citedLaw(kb, title, '第十三条第二款；第八条', 'zh')).toBe(
      '《中华人民共和国价格法》第十三条第二款、《明码标价和禁止价格欺诈规定》第八条',
    );
    expect(citedLaw(kb, title, '第十三条第二款；第八条', 'en')).toBe(
      'Price Law of the PRC (中华人民共和国价格法) art. 13(2); Provisions on Clearly Marked Prices and the Prohibition of Price Fraud (明码标价和禁止价格欺诈规定) art. 8',
    );
  });

  it('a ground citing several laws must give one part of articles per law', () => {
    const ground = defaultLegalGrounds().find((g) => g.id === 'price_law_unposted');
    expect(ground).toBeDefined();
    expect(
      legalGroundSchema.safeParse({ ...ground, articles: '价格法第十三条第二款' }).success,
    ).toBe(false);
  });

  it('English article references name the law in English, never by its Chinese short name', () => {
    expect(articlesIn('民法典 第一百八十八条、第九百八十五条', 'en', kb)).toBe(
      'Civil Code art. 188, art. 985',
    );
    expect(articlesIn('价格法 第十三条；明码标价和禁止价格欺诈规定 第八条', 'en', kb)).toBe(
      'Price Law art. 13; Provisions on Clearly Marked Prices and the Prohibition of Price Fraud art. 8',
    );
    expect(articlesIn('价格违法行为行政处罚规定 第十三条(三)', 'en', kb)).toBe(
      'Provisions on Administrative Penalties for Price Violations art. 13(3)',
    );
    expect(articlesIn('民法典 第一百八十八条', 'zh', kb)).toBe('民法典 第一百八十八条');
  });

  it('every source location in the data that names a law reads in English without Chinese', () => {
    const wheres = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'where' && typeof v === 'string') wheres.add(v);
          else walk(v);
        }
      }
    };
    walk(kb.channels);
    walk(defaultLegalGrounds());
    const lawRefsFound = [...wheres]
      .map((w) => readableWhere(w))
      .filter((w): w is string => w !== null && /^\p{Script=Han}[^；]*? ?第/u.test(w));
    expect(lawRefsFound.length).toBeGreaterThan(10);
    for (const where of lawRefsFound) {
      expect(articlesIn(where, 'en', kb), where).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
