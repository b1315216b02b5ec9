import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { decodeStatement } from './index.js';

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  await Promise.resolve();
  yield bytes;
}

describe('XLSX reading while the audit takes its time', () => {
  it('does not call a sound workbook stalled when a batch of rows is slow to audit', async () => {
    const rows = [
      ['交易时间', '交易金额'],
      ...Array.from({ length: 4500 }, (_, i) => ['2025-03-02', (i + 1) / 100]),
    ];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '明细');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const decoded = await decodeStatement(once(bytes), 'slow.xlsx');
    let read = 0;
    for await (const batch of decoded.batches) {
      read += batch.length;
      // longer than the parser's stall limit (2 s), as on a loaded machine
      if (read === 2000) await sleep(2600);
    }
    expect(read).toBe(4501);
  }, 20_000);
});
