import type { DecodedMeta, InputProblem } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import {
  decodeSample,
  decodeText,
  detectEncoding,
  GB18030_BEHIND_BOM,
  isUtf8,
  type TextEncoding,
} from './encoding.js';
import { removeInvisible } from './markers.js';
import { peek } from './peek.js';
import { type RecordBatch, Utf8RecordSplitter } from './records.js';
import { CsvSplitter, type SplitProblem } from './splitter.js';
import type { DecodedTable } from './types.js';

/** A record longer than this is not a statement row: it is skipped with a warning. */
export const MAX_RECORD_CHARS = 1 << 20;
const SNIFF_BYTES = 64 * 1024;

/**
 * Splits UTF-8 bytes into batches of records, reporting split problems (an over-long record, an
 * unclosed quote) as it goes: {@link splitHere} on this thread, or elsewhere (the CLI splits a
 * large file on a second thread, cli/split-thread.ts) — the same batches either way.
 */
export type RecordSplitter = (
  chunks: AsyncIterable<Uint8Array>,
  options: { delimiter: string; bom: boolean },
  report: (found: SplitProblem[]) => void,
) => AsyncIterable<RecordBatch>;

/**
 * CSV/TXT: encoding and delimiter detected from the first 64 KiB, then split as the text streams
 * in. Memory holds one chunk and its rows at a time. UTF-8 can be read as rows (`batches`) or as
 * field positions in the bytes (`records`); a reader takes one or the other.
 */
export async function decodeCsv(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  splitter: RecordSplitter = splitHere,
): Promise<DecodedTable> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  const sample = decodeSample(head, encoding);
  const delimiter = detectDelimiter(sample);
  const meta: DecodedMeta = { format: 'csv', encoding, delimiter };
  const problems: InputProblem[] =
    encoding === 'gb18030-bom' ? [{ file, message: GB18030_BEHIND_BOM }] : [];
  const report = (found: SplitProblem[]) => {
    for (const p of found.splice(0)) problems.push({ file, row: p.row, message: p.message });
  };
  if (!isUtf8(encoding)) {
    return { meta, problems, batches: readBatches(stream, encoding, delimiter, report) };
  }
  const split = { delimiter, bom: encoding === 'utf-8-bom' };
  return {
    meta,
    problems,
    batches: rowsOf(splitter(stream, split, report)),
    records: splitter(stream, split, report),
  };
}

/** The records as rows, for a reader that takes rows. */
async function* rowsOf(
  records: AsyncIterable<RecordBatch>,
): AsyncIterable<{ row: number; cells: string[] }[]> {
  for await (const batch of records) {
    const rows: { row: number; cells: string[] }[] = [];
    for (let r = 0; r < batch.count; r++) rows.push(batch.row(r));
    if (rows.length > 0) yield rows;
  }
}

/** GB18030 and UTF-16 are decoded to text, then split. */
async function* readBatches(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  delimiter: string,
  report: (found: SplitProblem[]) => void,
): AsyncIterable<{ row: number; cells: string[] }[]> {
  const splitter = new CsvSplitter(delimiter, MAX_RECORD_CHARS);
  for await (const chunk of decodeText(chunks, encoding)) {
    const rows: { row: number; cells: string[] }[] = [];
    // invisible characters removed from the text once, not looked for cell by cell
    splitter.push(removeInvisible(chunk), false, rows);
    report(splitter.problems);
    if (rows.length > 0) yield rows;
  }
  const rows: { row: number; cells: string[] }[] = [];
  splitter.push('', true, rows);
  report(splitter.problems);
  if (rows.length > 0) yield rows;
}

/** UTF-8 is split as bytes, on this thread: delimiters, quotes and line ends are ASCII (records.ts). */
export async function* splitHere(
  chunks: AsyncIterable<Uint8Array>,
  options: { delimiter: string; bom: boolean },
  report: (found: SplitProblem[]) => void,
): AsyncIterable<RecordBatch> {
  const splitter = new Utf8RecordSplitter(options.delimiter, MAX_RECORD_CHARS);
  const pieces = new Pieces(options.bom);
  for await (const chunk of chunks)
    for (const piece of pieces.of(chunk)) {
      const batch = splitter.push(piece, false);
      report(splitter.problems);
      if (batch.count > 0) yield batch;
    }
  const batch = splitter.push(new Uint8Array(0), true);
  report(splitter.problems);
  if (batch.count > 0) yield batch;
}

/**
 * Rows of one piece are alive together while it is audited; pieces of this size keep them within
 * V8's young generation, so they die young instead of filling the old generation (peak RSS). The
 * piece's latin1 text must stay below V8's large-object size (128 KiB): a larger string is placed
 * in the old generation at once, and every cell sliced from it keeps it there until a full
 * collection.
 */
export const PIECE_BYTES = 64 * 1024;

/** A file's bytes in pieces of {@link PIECE_BYTES} (views, not copies), the BOM dropped. */
export class Pieces {
  private skip: number;

  constructor(bom: boolean) {
    this.skip = bom ? 3 : 0;
  }

  *of(chunk: Uint8Array): Generator<Uint8Array, void, undefined> {
    for (let at = 0; at < chunk.byteLength; at += PIECE_BYTES) {
      let piece = chunk.subarray(at, Math.min(at + PIECE_BYTES, chunk.byteLength));
      if (this.skip > 0) {
        const dropped = Math.min(this.skip, piece.byteLength);
        piece = piece.subarray(dropped);
        this.skip -= dropped;
      }
      if (piece.byteLength > 0) yield piece;
    }
  }
}
