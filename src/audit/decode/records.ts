import { parsePlainBytes } from '../money.js';
import { cleanText, unmarkCell } from './markers.js';
import type { SplitProblem } from './splitter.js';

/**
 * The CSV splitter for UTF-8 bytes (the text path, {@link CsvSplitter}, reads decoded GB18030 and
 * UTF-16). Same rules: RFC 4180 quoted fields, doubled quotes, quoted newlines; CRLF, LF or CR line
 * ends; one number per record, blank lines included. Delimiters, quotes and line ends are ASCII, so
 * they are found in the bytes; a field is decoded only when it is used, and a field with non-ASCII
 * bytes (the few repeated type and description texts) is decoded once and remembered.
 *
 * Records are handed over as field positions ({@link RecordBatch}) rather than arrays of strings:
 * the audit reads most fields of a statement's rows straight from the bytes (`RowInterpreter.record`
 * in layout/lines.ts). Measured on bench/ (2,000,000 rows): 40 % less time than splitting a latin1
 * text, whose `carry + text` concatenation left every character read going through a cons string.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Byte classes for the scanning loop: one table look-up per byte instead of four comparisons. */
const PLAIN = 0;
const DELIMITER = 1;
const LINE_END = 2;
const QUOTE_MARK = 3;
const HIGH = 4;

/** What the splitting thread read of each field of a batch (see RecordBatch.readValues). */
export interface FieldValues {
  /** The fen of a plain money field; {@link EMPTY_MONEY} for an empty one; NaN for any other. */
  fens: Float64Array<ArrayBuffer>;
  /** The number of a non-ASCII field's text (see Utf8Fields); -1 for other fields. */
  numbers: Int32Array<ArrayBuffer>;
}

/** An empty money field (or `-`, `--`): no amount. */
export const EMPTY_MONEY = Infinity;

/**
 * A money field as the reader takes it from the bytes: {@link EMPTY_MONEY} when empty (or `-`,
 * `--`), the fen of `-?digits(.d{1,2})?`, NaN for anything else (read from its text instead).
 */
export function plainMoney(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return EMPTY_MONEY;
  if (bytes[start] === 45 && (n === 1 || (n === 2 && bytes[start + 1] === 45))) return EMPTY_MONEY;
  return parsePlainBytes(bytes, start, end) ?? NaN;
}

/** A {@link RecordBatch} as plain data: typed arrays with buffers of their own. */
export interface RecordBatchParts {
  values: FieldValues;
  /** The non-ASCII texts numbered in this batch, in order. */
  texts: string[];
  /** The numbering of texts started again with this batch. */
  reset: boolean;
  count: number;
  rows: Int32Array<ArrayBuffer>;
  firsts: Int32Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  joined: [number, string][];
  bytes: Uint8Array<ArrayBuffer>;
}

/** The buffers `postMessage` moves instead of copying. */
export function transferList(parts: RecordBatchParts): ArrayBuffer[] {
  return [
    parts.rows,
    parts.firsts,
    parts.starts,
    parts.ends,
    parts.flags,
    parts.bytes,
    parts.values.fens,
    parts.values.numbers,
  ].map((a) => a.buffer);
}

/** Field flags. */
export const WIDE = 1;
/** A quoted field whose value is not one run of bytes (doubled quotes, text after the quote). */
const JOINED = 2;

/**
 * The records of one piece of the file as field positions: the fields of record `r` are
 * `firsts[r]` up to `firsts[r + 1]`, each a run of `bytes` (and of `text`, the same bytes as
 * latin1, one character per byte, to cut ASCII fields from). Filled anew by each `push`: a reader
 * takes what it needs before asking for the next piece.
 */
export class RecordBatch {
  /** Records in the batch. */
  count = 0;
  /** Each record's number (1-based, as a spreadsheet shows it). */
  rows: Int32Array<ArrayBuffer>;
  firsts: Int32Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  /** The latin1 value of each JOINED field, by field index. */
  joined: Map<number, string>;
  bytes: Uint8Array = new Uint8Array(0);
  text = '';
  /** What the splitting thread read of each field already, when the batch comes from there. */
  values: FieldValues | null = null;
  /** Fields in the batch. */
  private fields = 0;
  private readonly decoded: Utf8Fields;

  /** An empty batch for a splitter to fill, or one of parts from another thread. */
  constructor(decoded: Utf8Fields, parts?: RecordBatchParts) {
    this.decoded = decoded;
    this.rows = parts?.rows ?? new Int32Array(1024);
    this.firsts = parts?.firsts ?? new Int32Array(1025);
    this.starts = parts?.starts ?? new Int32Array(8192);
    this.ends = parts?.ends ?? new Int32Array(8192);
    this.flags = parts?.flags ?? new Uint8Array(8192);
    this.joined = new Map(parts?.joined);
  }

  /** The number of fields of record `r`. */
  width(r: number): number {
    return (this.firsts[r + 1] ?? 0) - (this.firsts[r] ?? 0);
  }

  /** The field index of field `k` of record `r`, or -1 past its last field. */
  field(r: number, k: number): number {
    const f = (this.firsts[r] ?? 0) + k;
    return f < (this.firsts[r + 1] ?? 0) ? f : -1;
  }

  /** Field `k` of record `r` as text (`''` past the last field, as a missing cell reads). */
  cell(r: number, k: number): string {
    const f = this.field(r, k);
    return f < 0 ? '' : this.fieldText(f);
  }

  fieldText(f: number): string {
    const flags = this.flags[f] ?? 0;
    if ((flags & JOINED) !== 0) return cleanText(latin1ToUtf8(this.joined.get(f) ?? ''));
    if ((flags & WIDE) !== 0) {
      const values = this.values;
      if (values !== null) return this.decoded.texts[values.numbers[f] ?? 0] ?? '';
      return this.decoded.range(this.bytes, this.starts[f] ?? 0, this.ends[f] ?? 0);
    }
    return this.text.slice(this.starts[f] ?? 0, this.ends[f] ?? 0);
  }

  /** True when field `f` holds its bytes as they are (not re-joined around doubled quotes). */
  isRun(f: number): boolean {
    return ((this.flags[f] ?? 0) & JOINED) === 0;
  }

  /**
   * Record `r` as the audit reads a row: with the text marks of its cells removed, as `unmarked`
   * does for every decoder's rows (markers.ts). {@link row} gives the fields as they are.
   */
  unmarkedRow(r: number): { row: number; cells: string[] } {
    const row = this.row(r);
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) cells[i] = unmarkCell(cells[i] ?? '');
    return row;
  }

  /** Record `r` as the other decoders give a row. */
  row(r: number): { row: number; cells: string[] } {
    const cells: string[] = [];
    const end = this.firsts[r + 1] ?? 0;
    for (let f = this.firsts[r] ?? 0; f < end; f++) cells.push(this.fieldText(f));
    return { row: this.rows[r] ?? 0, cells };
  }

  /**
   * The batch as plain data with buffers of its own, to move to another thread (`postMessage`
   * with {@link transferList}); {@link RecordBatch.of} makes a batch of it there. What a reader
   * will ask of every field is read ahead here (`values`), on the splitting thread, which has
   * time to spare, and the non-ASCII texts go across once each, then by number. The bytes are
   * moved as they are when they fill a buffer of their own (the splitting thread reads each
   * piece into a new one); the batch is not read again after this.
   */
  parts(): RecordBatchParts {
    const count = this.count;
    const fields = this.fields;
    // the numbering starts again between batches, never within one (see Utf8Fields.number)
    const reset = this.decoded.full();
    if (reset) this.decoded.clear();
    const values = this.readValues();
    return {
      values,
      texts: this.decoded.fresh(),
      reset,
      count,
      rows: this.rows.slice(0, count),
      firsts: this.firsts.slice(0, count + 1),
      starts: this.starts.slice(0, fields),
      ends: this.ends.slice(0, fields),
      flags: this.flags.slice(0, fields),
      joined: [...this.joined],
      bytes: ownBuffer(this.bytes) ? this.bytes : this.bytes.slice(),
    };
  }

  /**
   * A batch of parts made by {@link parts}; `texts` is the table of non-ASCII texts, which takes
   * the texts the batch numbered.
   */
  static of(parts: RecordBatchParts, texts: Utf8Fields): RecordBatch {
    texts.receive(parts.texts, parts.reset);
    const batch = new RecordBatch(texts, parts);
    batch.values = parts.values;
    batch.count = parts.count;
    batch.fields = parts.starts.length;
    batch.bytes = parts.bytes;
    const { buffer, byteOffset, byteLength } = parts.bytes;
    batch.text = Buffer.from(buffer, byteOffset, byteLength).toString('latin1');
    return batch;
  }

  /** The fen of each plain money field and the number of each non-ASCII text. */
  private readValues(): FieldValues {
    const fields = this.fields;
    const fens = new Float64Array(fields);
    const numbers = new Int32Array(fields);
    const bytes = this.bytes;
    for (let f = 0; f < fields; f++) {
      const flags = this.flags[f] ?? 0;
      const start = this.starts[f] ?? 0;
      const end = this.ends[f] ?? 0;
      if (flags === WIDE) {
        numbers[f] = this.decoded.number(bytes, start, end);
        fens[f] = NaN;
        continue;
      }
      numbers[f] = -1;
      fens[f] = flags === 0 ? plainMoney(bytes, start, end) : NaN;
    }
    return { fens, numbers };
  }

  reset(bytes: Uint8Array, text: string): void {
    this.count = 0;
    this.values = null;
    this.fields = 0;
    this.firsts[0] = 0;
    this.joined.clear();
    this.bytes = bytes;
    this.text = text;
  }

  add(start: number, end: number, flags: number): void {
    const f = this.fields;
    if (f === this.starts.length) this.growFields();
    this.starts[f] = start;
    this.ends[f] = end;
    this.flags[f] = flags;
    this.fields = f + 1;
  }

  addJoined(value: string): void {
    this.joined.set(this.fields, value);
    this.add(0, 0, JOINED);
  }

  /** Closes the record whose fields were added since the last one. */
  close(row: number): void {
    const r = this.count;
    if (r + 1 >= this.rows.length) {
      this.rows = grown(this.rows);
      this.firsts = grown(this.firsts);
    }
    this.rows[r] = row;
    this.firsts[r + 1] = this.fields;
    this.count = r + 1;
  }

  /** Drops the fields added since the last record closed (a record that did not end here). */
  drop(): void {
    this.fields = this.firsts[this.count] ?? 0;
    for (const f of this.joined.keys()) if (f >= this.fields) this.joined.delete(f);
  }

  private growFields(): void {
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
  }
}

/** A view of a whole `ArrayBuffer` of its own: moving it away takes nothing else with it. */
function ownBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export class Utf8RecordSplitter {
  private readonly kinds = new Uint8Array(256);
  private readonly maxRecord: number;
  private carry: Uint8Array | null = null;
  private row = 0;
  /** Set after an over-long record: skip to the next line end before reading on. */
  private skipping = false;
  readonly problems: SplitProblem[] = [];
  /** The records of the last `push`. */
  readonly batch = new RecordBatch(new Utf8Fields());

  constructor(delimiter: string, maxRecord: number) {
    this.maxRecord = maxRecord;
    this.kinds.fill(HIGH, 128);
    this.kinds[LF] = LINE_END;
    this.kinds[CR] = LINE_END;
    this.kinds[QUOTE] = QUOTE_MARK;
    this.kinds[delimiter.charCodeAt(0)] = DELIMITER;
  }

  /** The number of records read so far. */
  get rows(): number {
    return this.row;
  }

  /**
   * Splits the complete records in `chunk` (after what was left over) into {@link batch}; keeps
   * the rest. `chunk` is not kept: the next call may reuse its memory.
   */
  push(chunk: Uint8Array, final: boolean): RecordBatch {
    let data = chunk;
    if (this.carry !== null) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
      this.carry = null;
    }
    const n = data.length;
    const kinds = this.kinds;
    const batch = this.batch;
    let i = 0;
    if (this.skipping) {
      while (i < n && data[i] !== LF && data[i] !== CR) i++;
      if (i === n && !final) {
        batch.reset(data, '');
        return batch;
      }
      this.skipping = false;
      i = skipLineEnd(data, i);
    }
    batch.reset(
      data,
      i >= n ? '' : Buffer.from(data.buffer, data.byteOffset, n).toString('latin1'),
    );
    const text = batch.text;
    record: while (i < n) {
      const recordStart = i;
      let fieldStart = i;
      let flags = 0;
      // a quoted field: where its value's bytes end (-1: none open), and whether they must be joined
      let quoteEnd = -1;
      let joinedValue: string | null = null;
      for (;;) {
        if (i >= n) {
          if (!final) {
            this.keep(data, recordStart);
            return batch;
          }
          addField(batch, text, fieldStart, n, flags, quoteEnd, joinedValue);
          this.row += 1;
          batch.close(this.row);
          return batch;
        }
        let kind = kinds[data[i] ?? 0];
        // most bytes are plain: step over them in a loop of their own
        while (kind === PLAIN && ++i < n) kind = kinds[data[i] ?? 0];
        if (kind === PLAIN) {
          continue;
        } else if (kind === DELIMITER) {
          addField(batch, text, fieldStart, i, flags, quoteEnd, joinedValue);
          flags = 0;
          quoteEnd = -1;
          joinedValue = null;
          i++;
          fieldStart = i;
        } else if (kind === LINE_END) {
          // a CR at the chunk's end may be half of a CRLF
          if (data[i] === CR && i + 1 >= n && !final) {
            this.keep(data, recordStart);
            return batch;
          }
          addField(batch, text, fieldStart, i, flags, quoteEnd, joinedValue);
          this.row += 1;
          batch.close(this.row);
          i = skipLineEnd(data, i);
          continue record;
        } else if (kind === HIGH) {
          flags |= WIDE;
          i++;
        } else if (i !== fieldStart || quoteEnd >= 0) {
          // a quote inside a field, or after a quoted value, is text
          i++;
        } else {
          // an opening quote: find the closing one, past doubled quotes
          let j = i + 1;
          let doubled = false;
          for (;;) {
            while (j < n && data[j] !== QUOTE) {
              if ((data[j] ?? 0) > 127) flags |= WIDE;
              j++;
            }
            if (j >= n) {
              if (!final) {
                this.keep(data, recordStart);
                return batch;
              }
              batch.drop();
              this.row += 1;
              this.problems.push({
                row: this.row,
                message: '引号未闭合，之后的内容无法读取 (an unclosed quote)',
              });
              return batch;
            }
            // a quote at the chunk's end may be the first of a doubled one
            if (j + 1 >= n && !final) {
              this.keep(data, recordStart);
              return batch;
            }
            if (data[j + 1] !== QUOTE) break;
            doubled = true;
            j += 2;
          }
          joinedValue = doubled ? text.slice(i + 1, j).replaceAll('""', '"') : null;
          fieldStart = i + 1;
          quoteEnd = j;
          i = j + 1;
        }
      }
    }
    return batch;
  }

  /** Keeps the unfinished record from `from` for the next chunk, unless it is too long. */
  private keep(data: Uint8Array, from: number): void {
    this.batch.drop();
    if (data.length - from > this.maxRecord) {
      this.row += 1;
      this.problems.push({
        row: this.row,
        message: '一行超过 1 MiB，已跳过 (a record longer than 1 MiB was skipped)',
      });
      this.skipping = true;
      return;
    }
    this.carry = data.slice(from);
  }
}

/** Adds the field ending at `end`; a quoted one is its value plus any text after the quote. */
function addField(
  batch: RecordBatch,
  text: string,
  start: number,
  end: number,
  flags: number,
  quoteEnd: number,
  joinedValue: string | null,
): void {
  if (quoteEnd < 0) {
    batch.add(start, end, flags);
  } else if (joinedValue === null && end === quoteEnd + 1) {
    batch.add(start, quoteEnd, flags);
  } else {
    batch.addJoined((joinedValue ?? text.slice(start, quoteEnd)) + text.slice(quoteEnd + 1, end));
  }
}

function skipLineEnd(data: Uint8Array, at: number): number {
  return data[at] === CR && data[at + 1] === LF ? at + 2 : at + 1;
}

function latin1ToUtf8(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

/** Slots of the table of decoded fields (a power of two); it is emptied when half full. */
const WIDE_SLOTS = 1 << 17;
/** How far a slot is probed past its hash before the text is decoded anew. */
const WIDE_PROBES = 8;
/** Fields longer than this are decoded each time: the texts that repeat are short. */
const WIDE_MAX_BYTES = 256;
/** Bytes of remembered fields; the table is emptied when they are full. */
const ARENA_BYTES = 1 << 21;
/** Texts numbered (remembered or not) before the table is emptied. */
const MAX_TEXTS = 1 << 16;

/**
 * The UTF-8 texts of non-ASCII fields, found by the field's bytes: a statement repeats its type
 * and description texts millions of times, and decoding each (or cutting it out to look it up in
 * a `Map`) cost a fifth of the splitting. The remembered bytes are kept in one typed array —
 * comparing bytes with bytes, not bytes with string characters. Each text has a number: the
 * splitting thread sends numbers, and each text once (see {@link FieldValues}).
 */
export class Utf8Fields {
  /** Per slot: the number of the text remembered there, or -1. */
  private readonly numbers = new Int32Array(WIDE_SLOTS).fill(-1);
  private readonly at = new Int32Array(WIDE_SLOTS);
  private readonly lengths = new Int32Array(WIDE_SLOTS);
  private readonly arena = new Uint8Array(ARENA_BYTES);
  private used = 0;
  private size = 0;
  /** The texts by number. */
  texts: string[] = [];
  /** How many of `texts` were numbered before the last {@link fresh}. */
  private sent = 0;

  /** The text of a non-ASCII field. */
  range(bytes: Uint8Array, start: number, end: number): string {
    if (this.full()) this.clear();
    return this.texts[this.number(bytes, start, end)] ?? '';
  }

  /**
   * The number of a non-ASCII field's text, numbering it if it is new (remembered by its bytes
   * while there is room; a text in a crowded neighbourhood, such as an order number, is numbered
   * each time it comes). The table is never emptied here: numbers given out stay good.
   */
  number(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length > WIDE_MAX_BYTES) return this.add(decodeUtf8(bytes, start, end));
    let hash = 0;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + (bytes[i] ?? 0)) | 0;
    const mask = WIDE_SLOTS - 1;
    const arena = this.arena;
    let slot = hash & mask;
    for (let probe = 0; probe < WIDE_PROBES; probe++, slot = (slot + 1) & mask) {
      const n = this.numbers[slot] ?? -1;
      if (n < 0) return this.remember(slot, bytes, start, end);
      if (this.lengths[slot] !== length) continue;
      const at = this.at[slot] ?? 0;
      let i = 0;
      while (i < length && arena[at + i] === bytes[start + i]) i++;
      if (i === length) return n;
    }
    return this.add(decodeUtf8(bytes, start, end));
  }

  /** True when the table should be emptied before more texts are numbered. */
  full(): boolean {
    return (
      this.size >= WIDE_SLOTS / 4 || this.used > ARENA_BYTES / 2 || this.texts.length >= MAX_TEXTS
    );
  }

  /** Empties the table: numbering starts again from 0. */
  clear(): void {
    this.numbers.fill(-1);
    this.size = 0;
    this.used = 0;
    this.texts = [];
    this.sent = 0;
  }

  /** The texts numbered since the last call. */
  fresh(): string[] {
    const texts = this.texts.slice(this.sent);
    this.sent = this.texts.length;
    return texts;
  }

  /** Takes texts numbered elsewhere (a batch's {@link FieldValues}). */
  receive(texts: readonly string[], reset: boolean): void {
    if (reset) this.texts = [];
    for (const text of texts) this.texts.push(text);
  }

  private add(text: string): number {
    this.texts.push(text);
    return this.texts.length - 1;
  }

  private remember(slot: number, bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const n = this.add(decodeUtf8(bytes, start, end));
    // no room: numbered, not remembered (the table is emptied between batches, see `full`)
    if (this.size >= WIDE_SLOTS / 2 || this.used + length > ARENA_BYTES) return n;
    this.arena.set(bytes.subarray(start, end), this.used);
    this.numbers[slot] = n;
    this.at[slot] = this.used;
    this.lengths[slot] = length;
    this.used += length;
    this.size += 1;
    return n;
  }
}

/**
 * A non-ASCII field's text, its invisible characters removed (markers.ts `cleanText`): decoded
 * once for a text that repeats, so a zero-width space costs nothing on the rows that have none.
 */
function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return cleanText(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end),
  );
}
