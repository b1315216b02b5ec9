import type { DecodedMeta, InputProblem } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import { decodeSample, decodeText, detectEncoding, isUtf8, type TextEncoding } from './encoding.js';
import { peek } from './peek.js';
import { type RecordBatch, Utf8RecordSplitter } from './records.js';
import { CsvSplitter, type SplitProblem } from './splitter.js';
import type { DecodedTable } from './types.js';

/** A record longer than this is not a statement row: it is skipped with a warning. */
export const MAX_RECORD_CHARS = 1 << 20;
const SNIFF_BYTES = 64 * 1024;

/**
 * CSV/TXT: encoding and delimiter detected from the first 64 KiB, then split as the text streams
 * in. Memory holds one chunk and its rows at a time. UTF-8 can be read as rows (`batches`) or as
 * field positions in the bytes (`records`); a reader takes one or the other.
 */
export async function decodeCsv(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): Promise<DecodedTable> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  const sample = decodeSample(head, encoding);
  const delimiter = detectDelimiter(sample);
  const meta: DecodedMeta = { format: 'csv', encoding, delimiter };
  const problems: InputProblem[] = [];
  const report = (found: SplitProblem[]) => {
    for (const p of found.splice(0)) problems.push({ file, row: p.row, message: p.message });
  };
  return {
    meta,
    problems,
    batches: readBatches(stream, encoding, delimiter, report),
    ...(isUtf8(encoding) ? { records: readRecords(stream, encoding, delimiter, report) } : {}),
  };
}

async function* readBatches(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  delimiter: string,
  report: (found: SplitProblem[]) => void,
): AsyncIterable<{ row: number; cells: string[] }[]> {
  if (isUtf8(encoding)) {
    for await (const batch of readRecords(chunks, encoding, delimiter, report)) {
      const rows: { row: number; cells: string[] }[] = [];
      for (let r = 0; r < batch.count; r++) rows.push(batch.row(r));
      if (rows.length > 0) yield rows;
    }
    return;
  }
  const splitter = new CsvSplitter(delimiter, MAX_RECORD_CHARS);
  for await (const chunk of decodeText(chunks, encoding)) {
    const rows: { row: number; cells: string[] }[] = [];
    splitter.push(chunk, false, rows);
    report(splitter.problems);
    if (rows.length > 0) yield rows;
  }
  const rows: { row: number; cells: string[] }[] = [];
  splitter.push('', true, rows);
  report(splitter.problems);
  if (rows.length > 0) yield rows;
}

/** UTF-8 is split as bytes: delimiters, quotes and line ends are ASCII (see records.ts). */
async function* readRecords(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  delimiter: string,
  report: (found: SplitProblem[]) => void,
): AsyncIterable<RecordBatch> {
  const splitter = new Utf8RecordSplitter(delimiter, MAX_RECORD_CHARS);
  for await (const piece of utf8Pieces(chunks, encoding === 'utf-8-bom')) {
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

/** The file's bytes in pieces of {@link PIECE_BYTES} (views, not copies), the BOM dropped. */
export async function* utf8Pieces(
  chunks: AsyncIterable<Uint8Array>,
  bom: boolean,
): AsyncIterable<Uint8Array> {
  let skip = bom ? 3 : 0;
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.byteLength; at += PIECE_BYTES) {
      let piece = chunk.subarray(at, Math.min(at + PIECE_BYTES, chunk.byteLength));
      if (skip > 0) {
        const dropped = Math.min(skip, piece.byteLength);
        piece = piece.subarray(dropped);
        skip -= dropped;
      }
      if (piece.byteLength > 0) yield piece;
    }
  }
}
