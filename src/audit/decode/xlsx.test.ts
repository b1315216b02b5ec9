import { setTimeout as sleep } from 'node:timers/promises';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../model.js';
import { decodeStatement } from './index.js';
import { DEFAULT_LIMITS } from './limits.js';
import { guarded, utf8Text } from './xlsx.js';

/** Rows of Chinese text long enough that the parts inflate in many pieces (16 KiB each). */
const LONG = Array.from({ length: 300 }, (_, i) => [
  `2024-03-${String((i % 28) + 1).padStart(2, '0')} 小计`,
  `${String(i)}号${'扣收流量费含SIM卡年费'.repeat(20 + (i % 7))}`,
]);

async function cellsOf(bytes: Uint8Array): Promise<string[][]> {
  const decoded = await decodeStatement(
    (async function* () {
      await Promise.resolve();
      yield bytes;
    })(),
    'long.xlsx',
    DEFAULT_LIMITS,
  );
  const rows: string[][] = [];
  for await (const batch of decoded.batches)
    for (const row of batch as SourceRow[]) rows.push(row.cells.map((c) => String(c)));
  return rows;
}

describe('Chinese text cut by the inflated pieces of a part (exceljs#2084)', () => {
  it('shared strings (as Excel and exceljs write them) read whole', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('明细');
    for (const row of LONG) sheet.addRow(row);
    const rows = await cellsOf(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(rows.filter((r) => r.join('').includes('\uFFFD'))).toEqual([]);
    expect(rows).toEqual(LONG);
  });

  it('text inside the worksheet (no shared strings) reads whole', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(LONG), '明细');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: false }) as Buffer;
    const rows = await cellsOf(new Uint8Array(bytes));
    expect(rows.filter((r) => r.join('').includes('\uFFFD'))).toEqual([]);
    expect(rows).toEqual(LONG);
  });

  it('utf8Text carries a character cut between two chunks', async () => {
    const bytes = Buffer.from('<t>大家好，才是真的好</t>');
    const pieces: string[] = [];
    for await (const text of utf8Text(
      (async function* () {
        await Promise.resolve();
        yield bytes.subarray(0, 8);
        yield bytes.subarray(8);
      })(),
    ))
      pieces.push(text);
    expect(pieces.join('')).toBe('<t>大家好，才是真的好</t>');
  });
});

describe('the XLSX parser stall guard', () => {
  it('counts only the wait for the parser, not the time the rows spent with the audit', async () => {
    const progress = { at: Date.now() };
    // a parser that needs 600 ms for its second item (a loaded machine)
    async function* parser(): AsyncIterable<string> {
      yield 'first batch';
      await sleep(600);
      yield 'second batch';
    }
    const seen: string[] = [];
    for await (const item of guarded(parser(), progress)) {
      seen.push(item);
      // the audit takes longer than the 2 s stall limit with the first batch
      if (seen.length === 1) await sleep(2100);
    }
    expect(seen).toEqual(['first batch', 'second batch']);
  }, 15_000);

  it('still gives up on a parser that makes no progress', async () => {
    const progress = { at: Date.now() };
    async function* stuck(): AsyncIterable<string> {
      await new Promise(() => undefined);
      yield 'never';
    }
    await expect(async () => {
      for await (const item of guarded(stuck(), progress)) expect(item).toBe('never');
    }).rejects.toThrow('stalled');
  }, 15_000);
});
