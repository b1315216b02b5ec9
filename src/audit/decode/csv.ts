import type { DecodedMeta, InputProblem, SourceRow } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import { decodeText, detectEncoding } from './encoding.js';
import { peek } from './peek.js';
import { CsvSplitter } from './splitter.js';
import type { DecodedTable } from './types.js';

/** A record longer than this is not a statement row: it is skipped with a warning. */
export const MAX_RECORD_CHARS = 1 << 20;
const SNIFF_BYTES = 64 * 1024;

/**
 * CSV/TXT: encoding and delimiter detected from the first 64 KiB, then split as the text streams
 * in. Memory holds one chunk and its rows at a time.
 */
export async function decodeCsv(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): Promise<DecodedTable> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  const sample = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(head);
  const delimiter = detectDelimiter(sample);
  const meta: DecodedMeta = { format: 'csv', encoding, delimiter };
  const problems: InputProblem[] = [];
  return {
    meta,
    problems,
    batches: readBatches(decodeText(stream, encoding), delimiter, file, problems),
  };
}

async function* readBatches(
  text: AsyncIterable<string>,
  delimiter: string,
  file: string,
  problems: InputProblem[],
): AsyncIterable<SourceRow[]> {
  const splitter = new CsvSplitter(delimiter, MAX_RECORD_CHARS);
  let first = true;
  const report = () => {
    for (const p of splitter.problems.splice(0))
      problems.push({ file, row: p.row, message: p.message });
  };
  for await (let chunk of text) {
    // a BOM decoded as text
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    const rows: { row: number; cells: string[] }[] = [];
    splitter.push(chunk, false, rows);
    report();
    if (rows.length > 0) yield rows;
  }
  const rows: { row: number; cells: string[] }[] = [];
  splitter.push('', true, rows);
  report();
  if (rows.length > 0) yield rows;
}
