import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import lexiconData from '../lexicon/lexicon.json' with { type: 'json' };
import { compileLexicon, defaultLexicon } from '../lexicon/lexicon.js';
import type { StatementLine } from '../model.js';
import { classifyLine, createClassifier } from './classify.js';
import { digitSeeing, NumberedTexts } from './numbered.js';

const lexicon = defaultLexicon();

function line(type: string, description: string, amount: number, fee: number | null) {
  return {
    file: 'f.csv',
    row: 2,
    date: '2024-03-05',
    amount,
    fee,
    net: null,
    type,
    description,
    cardType: 'unknown',
    reference: '',
  } satisfies StatementLine;
}

/** Texts of the kinds whose digits matter, and of those whose digits do not. */
const piece = fc.constantFrom(
  '原交易',
  '冲正',
  '退货',
  '撤销',
  '提现',
  '至尾号',
  '尾号',
  'D',
  'd+',
  'T',
  'g',
  'G流量费',
  '流量费',
  '服务费',
  '手续费',
  '网络服务费',
  '交易服务费',
  '银联网络服务费',
  '押金',
  '扣费',
  '消费',
  ' ',
  '１',
);
const digits = fc.stringMatching(/^[0-9]{1,8}$/u);
const text = fc.array(fc.oneof(piece, digits), { maxLength: 5 }).map((parts) => parts.join(''));

describe('texts that differ only in their digits', () => {
  it('are answered as each is alone, whichever came first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(text, text, fc.constantFrom(-3600, 0, 2500), fc.constantFrom(null, 0, 120)),
          { minLength: 1, maxLength: 40 },
        ),
        fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 40 }),
        (rows, swaps) => {
          const classify = createClassifier(lexicon);
          rows.forEach(([type, description, amount, fee], i) => {
            // the same texts with other digits, as refunds of other orders are
            const swap = String(swaps[i % swaps.length] ?? 0);
            for (const d of [description, description.replace(/[0-9]/gu, swap)]) {
              const l = line(type, d, amount, fee);
              expect(classify(l)).toEqual(classifyLine(l, lexicon));
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('share one answer where the digits are not read', () => {
    const calls = { n: 0 };
    const numbered = new NumberedTexts(lexicon, (l) => {
      calls.n += 1;
      return classifyLine(l, lexicon);
    });
    for (let i = 0; i < 100; i++) {
      const l = line('冲正', `原交易${String(100_000 + i)}`, -2479, 0);
      expect(numbered.classifyLine(l, 3)).toEqual(classifyLine(l, lexicon));
    }
    expect(calls.n).toBe(1);
    // D0 and D1 are told apart by the lexicon (d\+?0): each payout is classified
    for (const text of ['D0提现', 'D1提现', 'D0提现'])
      numbered.classifyLine(line('提现', text, -100, 0), 3);
    expect(calls.n).toBe(4);
  });

  it('are not shared under a lexicon whose patterns cannot be read for digits', () => {
    expect(digitSeeing(lexicon)).not.toBeNull();
    const withBackReference = structuredClone(lexiconData);
    withBackReference.kinds.reversal = `${withBackReference.kinds.reversal}|(\\d)\\1`;
    expect(digitSeeing(compileLexicon(withBackReference))).toBeNull();
    const anchored = structuredClone(lexiconData);
    anchored.kinds.reversal = `${anchored.kinds.reversal}|^9`;
    expect(digitSeeing(compileLexicon(anchored))).toBeNull();
  });
});
