import { describe, expect, it } from 'vitest';
import data from './lexicon.json' with { type: 'json' };
import { compileLexicon, defaultLexicon, normalizeTerm } from './lexicon.js';

describe('the lexicon is data with its source, validated by its schema', () => {
  it('the shipped lexicon names its source and when it was verified', () => {
    expect(data.source.length).toBeGreaterThan(20);
    expect(data.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(defaultLexicon().version).toBe(data.version);
  });

  it('rejects a copy without its source or verification date', () => {
    expect(() => compileLexicon({ ...data, source: undefined })).toThrow(/source/u);
    expect(() => compileLexicon({ ...data, verified: 'last week' })).toThrow(/verified/u);
  });

  it('rejects an entry with neither pattern nor terms, or with both', () => {
    const bad = (entry: unknown) => ({
      ...data,
      categories: { ...data.categories, traffic_fee: [entry] },
    });
    expect(() => compileLexicon(bad({ weight: 3 }))).toThrow(/pattern or terms/u);
    expect(() => compileLexicon(bad({ weight: 3, pattern: 'a', terms: ['b'] }))).toThrow(
      /pattern or terms/u,
    );
  });

  it('matches names folded to half width, lower case, without spaces', () => {
    expect(normalizeTerm('ＳＩＭ 卡 费')).toBe('sim卡费');
    const traffic = defaultLexicon().categories.get('traffic_fee')?.[0];
    expect([...'终端sim卡年费'.matchAll(traffic?.regex ?? /x/gu)].map((m) => m[0])).toEqual([
      'sim卡年费',
    ]);
  });
});
