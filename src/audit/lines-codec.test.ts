import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBatchReader, LineBatchWriter, type LineBatch } from './lines-codec.js';
import type { StatementLine } from './model.js';

const text = fc.oneof(
  fc.constantFrom('', '消费', '刷卡消费', '流量费 SIM', '2024-02-01', '😀 年费'),
  fc.string({ maxLength: 12 }),
);
const money = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constant(2 ** 40));
const line: fc.Arbitrary<StatementLine> = fc
  .record({
    row: fc.nat({ max: 5_000_000 }),
    date: fc.constantFrom('2024-02-01', '2024-02-02', '2025-12-31'),
    amount: money,
    fee: fc.option(money, { nil: null }),
    net: fc.option(money, { nil: null }),
    type: text,
    description: text,
    cardType: fc.constantFrom('credit', 'debit', 'unknown'),
    reference: text,
    sheet: fc.option(fc.constantFrom('一月', '二月'), { nil: undefined }),
    page: fc.option(fc.nat({ max: 5000 }), { nil: undefined }),
  })
  .map(({ sheet, page, ...rest }) => ({
    file: 'f.csv',
    ...rest,
    ...(sheet === undefined ? {} : { sheet }),
    ...(page === undefined ? {} : { page }),
  }));

describe('lines packed for another thread', () => {
  it('come out as they went in, in order, across batches and restarts of the numbering', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 6 }),
        (lines, capacity, maxTexts) => {
          const writer = new LineBatchWriter(capacity, maxTexts);
          const batches: LineBatch[] = [];
          for (const l of lines) {
            writer.add(l);
            if (writer.size >= writer.capacity) batches.push(structuredClone(writer.take()));
          }
          if (writer.size > 0) batches.push(structuredClone(writer.take()));
          const reader = new LineBatchReader('f.csv');
          const out: StatementLine[] = [];
          // the reader fills one line object: what is kept is copied
          for (const batch of batches) reader.read(batch, (l) => out.push({ ...l }));
          expect(out).toEqual(lines);
        },
      ),
      { numRuns: 500 },
    );
  });
});
