import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RecordBatch, Utf8RecordSplitter } from './records.js';
import { CsvSplitter } from './splitter.js';

const encoder = new TextEncoder();

/** The records of `bytes` split as bytes, fed in pieces cut at the given offsets. */
function splitBytes(bytes: Uint8Array, cuts: number[], delimiter = ',', max = 1 << 20) {
  const splitter = new Utf8RecordSplitter(delimiter, max);
  const rows: { row: number; cells: string[] }[] = [];
  const take = (batch: RecordBatch) => {
    for (let r = 0; r < batch.count; r++) rows.push(batch.row(r));
  };
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    // a copy, as a stream's next chunk would be: the splitter must not keep a view of the last
    take(splitter.push(bytes.slice(from, cut), false));
    from = cut;
  }
  take(splitter.push(bytes.slice(from), false));
  take(splitter.push(new Uint8Array(0), true));
  return { rows, problems: splitter.problems };
}

/** The same records from the text splitter, given the whole decoded text at once. */
function splitText(text: string, delimiter = ',', max = 1 << 20) {
  const splitter = new CsvSplitter(delimiter, max);
  const rows: { row: number; cells: string[] }[] = [];
  splitter.push(text, true, rows);
  return { rows, problems: splitter.problems };
}

/** CSV-ish text from the characters that matter: delimiters, quotes, line ends, multi-byte. */
const csvText = fc
  .array(
    fc.constantFrom(
      ',',
      '"',
      '""',
      '\n',
      '\r',
      '\r\n',
      'a',
      '7',
      '.',
      ' ',
      '扣',
      '费',
      '€',
      '😀',
      '\t',
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

describe('the UTF-8 record splitter', () => {
  it('gives the rows of the text splitter, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
        fc.constantFrom(',', '\t'),
        (text, cuts, delimiter) => {
          const bytes = encoder.encode(text);
          expect(splitBytes(bytes, cuts, delimiter)).toEqual(splitText(text, delimiter));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('cuts inside a quoted field, a multi-byte character and a CRLF', () => {
    const text =
      '日期,摘要,金额\r\n2024-01-01,"流量费, ""年付""\r\n第二行",-99.00\r\n2024-01-02,押金,x"y\r\n';
    const bytes = encoder.encode(text);
    const whole = splitText(text);
    expect(whole.rows).toEqual([
      { row: 1, cells: ['日期', '摘要', '金额'] },
      { row: 2, cells: ['2024-01-01', '流量费, "年付"\r\n第二行', '-99.00'] },
      { row: 3, cells: ['2024-01-02', '押金', 'x"y'] },
    ]);
    for (let cut = 1; cut < bytes.length; cut++) expect(splitBytes(bytes, [cut])).toEqual(whole);
  });

  it('reads remembered non-ASCII fields right after the table of them is emptied', () => {
    // more distinct texts than the table holds: it is emptied and refilled along the way
    const lines = Array.from(
      { length: 70_000 },
      (_, i) => `${String(i)},摘要${String(i % 70_001)},消费`,
    );
    const text = `${lines.join('\n')}\n`;
    const { rows } = splitBytes(encoder.encode(text), [65_536, 131_072, 500_000]);
    expect(rows).toHaveLength(70_000);
    expect(rows[69_999]?.cells).toEqual(['69999', '摘要69999', '消费']);
    expect(rows.every((r, i) => r.cells[1] === `摘要${String(i)}`)).toBe(true);
  });

  it('skips an over-long record and numbers the rows after it as the text splitter does', () => {
    const text = `a,b\n${'x'.repeat(150)}\n1,2\n"open\n`;
    const bytes = encoder.encode(text);
    // the record is over the limit once more of it than that waits for its end at a chunk's end
    for (const cuts of [
      [40, 80, 120, 160],
      [30, 60, 90, 120, 150],
      [50, 100, 154],
    ]) {
      expect(splitBytes(bytes, cuts, ',', 100)).toEqual({
        rows: [
          { row: 1, cells: ['a', 'b'] },
          { row: 3, cells: ['1', '2'] },
        ],
        problems: [
          { row: 2, message: expect.stringContaining('1 MiB') as unknown },
          { row: 4, message: expect.stringContaining('引号未闭合') as unknown },
        ],
      });
    }
  });
});
