import type { DecodedMeta, InputProblem } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import { decodeSample, decodeText, detectEncoding, isUtf8, type TextEncoding } from './encoding.js';
import { peek } from './peek.js';
import { CsvSplitter, type WideFields } from './splitter.js';
import { detach } from '../strings.js';
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
  const sample = decodeSample(head, encoding);
  const delimiter = detectDelimiter(sample);
  const meta: DecodedMeta = { format: 'csv', encoding, delimiter };
  const problems: InputProblem[] = [];
  return {
    meta,
    problems,
    batches: readBatches(stream, encoding, delimiter, file, problems),
  };
}

async function* readBatches(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  delimiter: string,
  file: string,
  problems: InputProblem[],
): AsyncIterable<{ row: number; cells: string[] }[]> {
  // UTF-8 is split as bytes (latin1, one character per byte: delimiters, quotes and line ends are
  // ASCII, so they are found the same), and only fields with non-ASCII bytes are decoded as UTF-8.
  // Those are the few repeated type and description texts, so they are remembered. Measured on
  // bench/: a third less time than decoding every chunk with TextDecoder, half the string memory.
  const utf8 = isUtf8(encoding);
  const wide = utf8 ? new Utf8Fields() : null;
  const splitter = new CsvSplitter(delimiter, MAX_RECORD_CHARS, wide);
  const report = () => {
    for (const p of splitter.problems.splice(0))
      problems.push({ file, row: p.row, message: p.message });
  };
  const texts = utf8
    ? latin1Chunks(chunks, encoding === 'utf-8-bom')
    : decodeText(chunks, encoding);
  for await (const chunk of texts) {
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

/**
 * Rows of one piece are alive together while it is audited; pieces of this size keep them within
 * V8's young generation, so they die young instead of filling the old generation (peak RSS). The
 * piece itself must stay below V8's large-object size (128 KiB): a larger string is placed in the
 * old generation at once, and every cell sliced from it keeps it there until a full collection.
 */
const PIECE_BYTES = 64 * 1024;

async function* latin1Chunks(
  chunks: AsyncIterable<Uint8Array>,
  bom: boolean,
): AsyncIterable<string> {
  let first = bom;
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
      const text = bytes.toString('latin1', at, Math.min(at + PIECE_BYTES, bytes.length));
      yield first ? text.slice(3) : text;
      first = false;
    }
  }
}

/** Slots of the table of decoded fields (a power of two); it is emptied when half full. */
const WIDE_SLOTS = 1 << 17;
/** How far a slot is probed past its hash before the text is decoded anew. */
const WIDE_PROBES = 8;

/**
 * The UTF-8 texts of non-ASCII fields, found by the field's bytes without cutting them out of the
 * chunk first: a statement repeats its type and description texts millions of times, and a copy
 * and a hash of each (a `Map` keyed by the cut text) cost a fifth of the decoding.
 */
class Utf8Fields implements WideFields {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(WIDE_SLOTS);
  private readonly values: string[] = new Array<string>(WIDE_SLOTS);
  private size = 0;

  text(field: string): string {
    return this.range(field, 0, field.length);
  }

  range(data: string, start: number, end: number): string {
    let hash = 0;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + data.charCodeAt(i)) | 0;
    const mask = WIDE_SLOTS - 1;
    let slot = hash & mask;
    for (let probe = 0; probe < WIDE_PROBES; probe++, slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) return this.remember(slot, data, start, end);
      if (sameText(key, data, start, end)) return this.values[slot] ?? '';
    }
    // a crowded neighbourhood (unique texts such as order numbers): decoded, not remembered
    return Buffer.from(data.slice(start, end), 'latin1').toString('utf8');
  }

  private remember(slot: number, data: string, start: number, end: number): string {
    if (this.size >= WIDE_SLOTS / 2) {
      this.keys.fill(undefined);
      this.size = 0;
    }
    const latin1 = data.slice(start, end);
    const text = Buffer.from(latin1, 'latin1').toString('utf8');
    this.keys[slot] = detach(latin1);
    this.values[slot] = text;
    this.size += 1;
    return text;
  }
}

function sameText(key: string, data: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++)
    if (key.charCodeAt(i) !== data.charCodeAt(start + i)) return false;
  return true;
}
