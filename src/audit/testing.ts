import type { Cell, DecodedMeta, SourceRow } from './model.js';

/**
 * Builders for tests: a statement as rows already decoded, so engine tests need no files.
 * Shipped beside the code (not a test file) because the server's tests use it too.
 */
export function decodedTable(
  header: readonly string[],
  body: readonly (readonly Cell[])[],
  meta?: Partial<DecodedMeta>,
) {
  const rows: SourceRow[] = [header, ...body].map((cells, i) => ({
    row: i + 1,
    cells: [...cells],
  }));
  return {
    kind: 'table' as const,
    meta: { format: 'csv' as const, encoding: 'utf-8', ...meta },
    problems: [],
    batches: iterate([rows]),
  };
}

export function decodedSms(messages: readonly string[]) {
  return {
    kind: 'sms' as const,
    meta: { format: 'sms' as const, encoding: 'utf-8' },
    problems: [],
    batches: iterate([messages.map((text, i) => ({ row: i + 1, text }))]),
  };
}

export async function* iterate<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}
