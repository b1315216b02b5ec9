import type { SplitProblem } from './splitter.js';

/**
 * The CSV splitter for UTF-8 bytes (the text path, {@link CsvSplitter}, reads decoded GB18030 and
 * UTF-16). Same rules: RFC 4180 quoted fields, doubled quotes, quoted newlines; CRLF, LF or CR line
 * ends; one number per record, blank lines included. Delimiters, quotes and line ends are ASCII, so
 * they are found in the bytes; a field is decoded only when it is used, and a field with non-ASCII
 * bytes (the few repeated type and description texts) is decoded once and remembered.
 *
 * Records are handed to a callback as field positions ({@link RecordFields}) rather than arrays of
 * strings: the audit of a large statement reads most fields straight from the bytes (see
 * `layout/fast.ts`). Measured on bench/ (2,000,000 rows): 40 % less time than splitting a latin1
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

/** Field flags. */
export const WIDE = 1;
/** A quoted field whose value is not one run of bytes (doubled quotes, text after the quote). */
const JOINED = 2;

/**
 * The fields of the record being handed over, valid until the callback returns: byte positions in
 * `bytes`, `text` (the same bytes as latin1, one character per byte) to cut ASCII fields from.
 */
export class RecordFields {
  /** The record's number (1-based, as a spreadsheet shows it). */
  row = 0;
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  flags = new Uint8Array(32);
  /** The latin1 value of each JOINED field. */
  joined: string[] = [];
  bytes: Uint8Array = new Uint8Array(0);
  text = '';
  private readonly decoded: Utf8Fields;

  constructor(decoded: Utf8Fields) {
    this.decoded = decoded;
  }

  /** Field `k` as text (`''` past the last field, as a missing cell reads). */
  cell(k: number): string {
    if (k >= this.count) return '';
    const flags = this.flags[k] ?? 0;
    if ((flags & JOINED) !== 0) return latin1ToUtf8(this.joined[k] ?? '');
    const start = this.starts[k] ?? 0;
    const end = this.ends[k] ?? 0;
    if ((flags & WIDE) !== 0) return this.decoded.range(this.bytes, start, end);
    return this.text.slice(start, end);
  }

  /** Every field as text: the row as the other decoders give it. */
  cells(): string[] {
    const cells: string[] = [];
    for (let k = 0; k < this.count; k++) cells.push(this.cell(k));
    return cells;
  }

  /** True when field `k` is read as its bytes are (not quoted with doubled quotes or a tail). */
  isRun(k: number): boolean {
    return ((this.flags[k] ?? 0) & JOINED) === 0;
  }

  add(start: number, end: number, flags: number): void {
    const k = this.count;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.flags[k] = flags;
    this.count = k + 1;
  }

  addJoined(value: string): void {
    this.joined[this.count] = value;
    this.add(0, 0, JOINED);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

export class Utf8RecordSplitter {
  private readonly kinds = new Uint8Array(256);
  private readonly maxRecord: number;
  private carry: Uint8Array | null = null;
  private row = 0;
  /** Set after an over-long record: skip to the next line end before reading on. */
  private skipping = false;
  readonly problems: SplitProblem[] = [];
  readonly fields = new RecordFields(new Utf8Fields());

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
   * Hands each complete record in `chunk` (after what was left over) to `take`; keeps the rest.
   * `chunk` is not kept: the next call may reuse its memory.
   */
  push(chunk: Uint8Array, final: boolean, take: (fields: RecordFields) => void): void {
    let data = chunk;
    if (this.carry !== null) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
      this.carry = null;
    }
    const n = data.length;
    const kinds = this.kinds;
    let i = 0;
    if (this.skipping) {
      while (i < n && data[i] !== LF && data[i] !== CR) i++;
      if (i === n && !final) return;
      this.skipping = false;
      i = skipLineEnd(data, i);
    }
    if (i >= n) return;
    const f = this.fields;
    f.bytes = data;
    f.text = Buffer.from(data.buffer, data.byteOffset, n).toString('latin1');
    record: while (i < n) {
      const recordStart = i;
      f.count = 0;
      let fieldStart = i;
      let flags = 0;
      // a quoted field: where its value's bytes end (-1: none open), and whether they must be joined
      let quoteEnd = -1;
      let joinedValue: string | null = null;
      for (;;) {
        if (i >= n) {
          if (!final) {
            this.keep(data, recordStart);
            return;
          }
          this.field(f, fieldStart, n, flags, quoteEnd, joinedValue);
          this.emit(take);
          return;
        }
        const kind = kinds[data[i] ?? 0];
        if (kind === PLAIN) {
          i++;
        } else if (kind === DELIMITER) {
          this.field(f, fieldStart, i, flags, quoteEnd, joinedValue);
          flags = 0;
          quoteEnd = -1;
          joinedValue = null;
          i++;
          fieldStart = i;
        } else if (kind === LINE_END) {
          // a CR at the chunk's end may be half of a CRLF
          if (data[i] === CR && i + 1 >= n && !final) {
            this.keep(data, recordStart);
            return;
          }
          this.field(f, fieldStart, i, flags, quoteEnd, joinedValue);
          this.emit(take);
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
                return;
              }
              this.row += 1;
              this.problems.push({
                row: this.row,
                message: '引号未闭合，之后的内容无法读取 (an unclosed quote)',
              });
              return;
            }
            // a quote at the chunk's end may be the first of a doubled one
            if (j + 1 >= n && !final) {
              this.keep(data, recordStart);
              return;
            }
            if (data[j + 1] !== QUOTE) break;
            doubled = true;
            j += 2;
          }
          joinedValue = doubled ? f.text.slice(i + 1, j).replaceAll('""', '"') : null;
          fieldStart = i + 1;
          quoteEnd = j;
          i = j + 1;
        }
      }
    }
  }

  /** Adds the field ending at `end`; a quoted one is its value plus any text after the quote. */
  private field(
    f: RecordFields,
    start: number,
    end: number,
    flags: number,
    quoteEnd: number,
    joinedValue: string | null,
  ): void {
    if (quoteEnd < 0) {
      f.add(start, end, flags);
    } else if (joinedValue === null && end === quoteEnd + 1) {
      f.add(start, quoteEnd, flags);
    } else {
      f.addJoined((joinedValue ?? f.text.slice(start, quoteEnd)) + f.text.slice(quoteEnd + 1, end));
    }
  }

  private emit(take: (fields: RecordFields) => void): void {
    this.row += 1;
    this.fields.row = this.row;
    take(this.fields);
  }

  private keep(data: Uint8Array, from: number): void {
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

/**
 * The UTF-8 texts of non-ASCII fields, found by the field's bytes: a statement repeats its type
 * and description texts millions of times, and decoding each (or cutting it out to look it up in
 * a `Map`) cost a fifth of the splitting. The remembered bytes are kept in one typed array —
 * comparing bytes with bytes, not bytes with string characters.
 */
class Utf8Fields {
  private readonly at = new Int32Array(WIDE_SLOTS).fill(-1);
  private readonly lengths = new Int32Array(WIDE_SLOTS);
  private readonly values: string[] = new Array<string>(WIDE_SLOTS).fill('');
  private readonly arena = new Uint8Array(ARENA_BYTES);
  private used = 0;
  private size = 0;

  range(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length > WIDE_MAX_BYTES) return decodeUtf8(bytes, start, end);
    let hash = 0;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + (bytes[i] ?? 0)) | 0;
    const mask = WIDE_SLOTS - 1;
    const arena = this.arena;
    let slot = hash & mask;
    for (let probe = 0; probe < WIDE_PROBES; probe++, slot = (slot + 1) & mask) {
      const at = this.at[slot] ?? -1;
      if (at < 0) return this.remember(slot, bytes, start, end);
      if (this.lengths[slot] !== length) continue;
      let i = 0;
      while (i < length && arena[at + i] === bytes[start + i]) i++;
      if (i === length) return this.values[slot] ?? '';
    }
    // a crowded neighbourhood (unique texts such as order numbers): decoded, not remembered
    return decodeUtf8(bytes, start, end);
  }

  private remember(slot: number, bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (this.size >= WIDE_SLOTS / 2 || this.used + length > ARENA_BYTES) {
      this.at.fill(-1);
      this.size = 0;
      this.used = 0;
    }
    const text = decodeUtf8(bytes, start, end);
    this.arena.set(bytes.subarray(start, end), this.used);
    this.at[slot] = this.used;
    this.lengths[slot] = length;
    this.values[slot] = text;
    this.used += length;
    this.size += 1;
    return text;
  }
}

function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);
}
