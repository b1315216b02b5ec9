/**
 * A streaming CSV record splitter for decoded text (GB18030, UTF-16; UTF-8 is split as bytes by
 * `Utf8RecordSplitter`, records.ts) (RFC 4180: quoted fields, doubled quotes, quoted newlines;
 * CRLF, LF or CR line ends). Hand-written because the measurement in bench/ showed csv-parse, at about
 * 400,000 records/s here, slower than DuckDB's entire audit. One pass over char codes: V8
 * optimises that loop reliably, where an `indexOf`-per-line loop fell to a slow path once
 * re-optimised.
 *
 * Records are numbered as a spreadsheet shows them: one number per record, blank lines included.
 */
export interface SplitProblem {
  row: number;
  message: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvSplitter {
  private readonly delimiter: number;
  private readonly maxRecord: number;
  private carry = '';
  private row = 0;
  /** Set after an over-long record: skip to the next line end before reading on. */
  private skipping = false;
  readonly problems: SplitProblem[] = [];

  constructor(delimiter: string, maxRecord: number) {
    this.delimiter = delimiter.charCodeAt(0);
    this.maxRecord = maxRecord;
  }

  /** The number of records read so far. */
  get rows(): number {
    return this.row;
  }

  /** Splits the complete records in `text` (plus what was left over); keeps the rest. */
  push(text: string, final: boolean, out: { row: number; cells: string[] }[]): void {
    const data = this.carry === '' ? text : this.carry + text;
    this.carry = '';
    const n = data.length;
    const d = this.delimiter;
    let i = 0;
    if (this.skipping) {
      while (i < n && data.charCodeAt(i) !== LF && data.charCodeAt(i) !== CR) i++;
      if (i === n && !final) return;
      this.skipping = false;
      i = skipLineEnd(data, i);
    }
    record: while (i < n) {
      const recordStart = i;
      const cells: string[] = [];
      let fieldStart = i;
      let quoted: string | null = null;
      for (;;) {
        if (i >= n) {
          if (!final) {
            this.keep(data, recordStart);
            return;
          }
          cells.push(field(quoted, data, fieldStart, n));
          this.emit(out, cells);
          return;
        }
        const c = data.charCodeAt(i);
        if (c === d) {
          cells.push(field(quoted, data, fieldStart, i));
          quoted = null;
          i++;
          fieldStart = i;
        } else if (c === LF || c === CR) {
          // a CR at the chunk's end may be half of a CRLF
          if (c === CR && i + 1 >= n && !final) {
            this.keep(data, recordStart);
            return;
          }
          cells.push(field(quoted, data, fieldStart, i));
          this.emit(out, cells);
          i = skipLineEnd(data, i);
          continue record;
        } else if (c === QUOTE && i === fieldStart && quoted === null) {
          const closed = readQuoted(data, i + 1, final);
          if (closed === 'incomplete') {
            this.keep(data, recordStart);
            return;
          }
          if (closed === 'unclosed') {
            this.row += 1;
            this.problems.push({
              row: this.row,
              message: '引号未闭合，之后的内容无法读取 (an unclosed quote)',
            });
            return;
          }
          quoted = closed.value;
          i = closed.next;
          fieldStart = i;
        } else {
          i++;
        }
      }
    }
  }

  private emit(out: { row: number; cells: string[] }[], cells: string[]): void {
    this.row += 1;
    out.push({ row: this.row, cells });
  }

  private keep(data: string, from: number): void {
    const rest = data.slice(from);
    if (rest.length > this.maxRecord) {
      this.row += 1;
      this.problems.push({
        row: this.row,
        message: '一行超过 1 MiB，已跳过 (a record longer than 1 MiB was skipped)',
      });
      this.skipping = true;
      return;
    }
    this.carry = rest;
  }
}

function field(quoted: string | null, data: string, start: number, end: number): string {
  if (quoted === null) return data.slice(start, end);
  return start === end ? quoted : quoted + data.slice(start, end);
}

function skipLineEnd(data: string, at: number): number {
  return data.charCodeAt(at) === CR && data.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/** Reads a quoted value starting after its opening quote. */
function readQuoted(
  data: string,
  from: number,
  final: boolean,
): { value: string; next: number } | 'incomplete' | 'unclosed' {
  let value = '';
  let j = from;
  for (;;) {
    const q = data.indexOf('"', j);
    if (q === -1) return final ? 'unclosed' : 'incomplete';
    value += data.slice(j, q);
    if (q + 1 >= data.length && !final) return 'incomplete';
    if (data.charCodeAt(q + 1) === QUOTE) {
      value += '"';
      j = q + 2;
      continue;
    }
    return { value, next: q + 1 };
  }
}
