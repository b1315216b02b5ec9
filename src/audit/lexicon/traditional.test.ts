import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import lexiconData from './lexicon.json' with { type: 'json' };
import data from './traditional.json' with { type: 'json' };
import { normalizeTerm } from './lexicon.js';
import { foldTraditional, isTraditional } from './traditional.js';

describe('traditional characters are matched as their simplified forms', () => {
  it('the table is data with its source and licence', () => {
    expect(data.source).toMatch(/OpenCC/u);
    expect(data.license).toMatch(/Apache-2\.0/u);
    expect(data.pairs.split(' ').every((p) => p.length === 2 && p[0] !== p[1])).toBe(true);
  });

  it.each([
    ['服務費', '服务费'],
    ['通訊費', '通讯费'],
    ['年費', '年费'],
    ['保證金', '保证金'],
    ['手續費', '手续费'],
    ['激活費', '激活费'],
    ['交易時間', '交易时间'],
    ['結算金額', '结算金额'],
    ['D0提現手續費', 'D0提现手续费'],
  ])('%s → %s', (traditional, simplified) => {
    expect(foldTraditional(traditional)).toBe(simplified);
  });

  it.each(['流量费', '服务费', 'SIM卡费', '', '100.00', '尾号6612'])(
    'leaves %j as it is',
    (text) => {
      expect(foldTraditional(text)).toBe(text);
    },
  );

  it('normalizeTerm folds width and characters together', () => {
    expect(normalizeTerm('服務費　３０')).toBe('服务费30');
  });

  it('no lexicon pattern or word of the reader is written with a character the fold changes', () => {
    // a pattern is matched against folded text: a traditional character in it would never match
    const here = path.dirname(fileURLToPath(import.meta.url));
    const audit = path.join(here, '..');
    const sources = [JSON.stringify(lexiconData)];
    for (const dir of ['layout', 'classify', 'lexicon', '.'])
      for (const name of readdirSync(path.join(audit, dir)))
        if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'traditional.ts')
          sources.push(readFileSync(path.join(audit, dir, name), 'utf8'));
    const found = new Set<string>();
    for (const text of sources) for (const ch of text) if (isTraditional(ch)) found.add(ch);
    expect([...found]).toEqual([]);
  });
});
