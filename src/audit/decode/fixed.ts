import type { DecodedMeta, InputProblem } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import { decodeSample, decodeText, detectEncoding, type TextEncoding } from './encoding.js';
import { peek } from './peek.js';
import type { DecodedTable } from './types.js';

/**
 * Fixed-width text: a table printed with its columns padded by spaces, as old back-offices print
 * a statement or a terminal window saves it. There is no delimiter to split on, and a field may
 * hold single spaces (2024-03-02 10:22:33, POS 消费) or be empty. The columns are found from where
 * the characters stand: the display positions (a Chinese character takes two, as on a fixed-width
 * print) that no line of the table fills are the gaps between columns. A gap of one position is a
 * column boundary only where the header starts or ends a label beside it; otherwise it is the
 * space inside a field.
 */

/** Columns of a fixed-width table: where each starts, in display positions. */
export interface FixedColumns {
  /** Display position of each column's first character (the first is 0). */
  starts: number[];
  /** The gaps between columns, as [first, last] display positions. */
  gaps: [number, number][];
}

const SNIFF_BYTES = 64 * 1024;
/** A line longer than this is not a statement row (as for CSV records). */
const MAX_LINE_CHARS = 1 << 20;
/** Lines of the sample used to find the columns. */
const PROFILE_LINES = 400;

/** Display width of a character: ASCII one, anything else two (one GBK double-byte character). */
function charWidth(code: number): number {
  if (code < 0x80) return 1;
  // half-width katakana and forms are single-width even in GBK-era prints
  if (code >= 0xff61 && code <= 0xff9f) return 1;
  return 2;
}

interface Placed {
  /** Display position of each character of the line. */
  at: number[];
  /** Runs of non-space characters: [first position, last position]. */
  tokens: [number, number][];
  width: number;
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 0x3000;

function place(line: string): Placed {
  const at: number[] = [];
  const tokens: [number, number][] = [];
  let x = 0;
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // a surrogate pair is one character of width two
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      at.push(at[at.length - 1] ?? x);
      continue;
    }
    const w = code === 9 ? 8 - (x % 8) : charWidth(code);
    at.push(x);
    if (isSpace(code)) {
      if (start >= 0) tokens.push([start, x - 1]);
      start = -1;
    } else if (start < 0) start = x;
    x += w;
  }
  if (start >= 0) tokens.push([start, x - 1]);
  return { at, tokens, width: x };
}

/** A decoration line: rules of dashes, equals signs or box-drawing characters. */
const RULE = /^[\s\-=_*+─━═~.·]+$/u;
/** A preamble line: a Chinese label and a colon (商户名称：…), which records never have. */
const LABELLED = /[\u4e00-\u9fff]\s*[：:]/u;
/** A notice (SMS) line starts with its sender in brackets. */
const SENDER = /^\s*(【[^】]{1,30}】|\[[^\]]{1,30}\])/u;
/** A page number (第 2 页, 共 10 页, Page 2 of 10): no figure of the table. */
const PAGE_NUMBER = /第\s*\d+\s*页|共\s*\d+\s*页|page\s+\d+(?:\s*(?:of|\/)\s*\d+)?/giu;

/**
 * The fields of a line that hold a figure, page numbers aside: a record has two or more (a date
 * and an amount); a page title repeated on every page (某某支付 商户交易明细报表 第 2 页) has none.
 */
function figures(line: string): number {
  let n = 0;
  for (const token of line.replace(PAGE_NUMBER, ' ').split(/[ \t\u3000]+/u))
    if (/\d/u.test(token)) n += 1;
  return n;
}

/**
 * The columns of a fixed-width table in these lines, or null when they are not one: at least five
 * lines of three or more fields making most of the text, with gaps no line of the table fills.
 */
export function fixedColumns(lines: readonly string[]): FixedColumns | null {
  const content = lines.filter((l) => l.trim() !== '' && !RULE.test(l)).slice(0, PROFILE_LINES);
  if (content.length === 0) return null;
  // lines of the table: three or more fields, no 商户名称：… label, no notice's sender
  const placed = content.map((line) => ({ line, ...place(line) }));
  const tabular = (p: (typeof placed)[number]) =>
    p.tokens.length >= 3 && !LABELLED.test(p.line) && !SENDER.test(p.line);
  const candidates = placed.filter(tabular);
  if (candidates.length < 5 || candidates.length < 0.7 * content.length) return null;
  // the header: the last such line before the first line of figures; the title and what else
  // stands above it are not the table
  const firstData = placed.findIndex((p) => tabular(p) && figures(p.line) >= 2);
  let headerAt = -1;
  for (let i = firstData - 1; i >= 0; i--) {
    const p = placed[i];
    if (p && tabular(p)) {
      headerAt = i;
      break;
    }
  }
  const header = headerAt >= 0 ? placed[headerAt] : undefined;
  // the columns are where the header and the records stand: a page title, a page number or a
  // note repeated among the rows runs across the gaps and places no column
  const table = placed
    .slice(headerAt >= 0 ? headerAt : Math.max(0, firstData))
    .filter((p) => tabular(p) && (p === header || figures(p.line) >= 2));
  if (table.length < 5) return null;
  const width = Math.max(...table.map((p) => p.width));
  const filled = new Uint32Array(width);
  for (const p of table)
    for (const [a, b] of p.tokens) for (let x = a; x <= b; x++) filled[x] = (filled[x] ?? 0) + 1;
  // a gap is a position no line of the table fills (a print pads every value to its column's
  // width, so a long value widens the column for every line); the header's labels are never in one
  const inHeader = new Uint8Array(width);
  for (const [a, b] of header?.tokens ?? []) for (let x = a; x <= b; x++) inHeader[x] = 1;
  const open = (x: number) => inHeader[x] !== 1 && (filled[x] ?? 0) === 0;
  const wide: [number, number][] = [];
  const narrow: [number, number][] = [];
  let x = 0;
  while (x < width && open(x)) x++;
  while (x < width) {
    if (!open(x)) {
      x++;
      continue;
    }
    const from = x;
    while (x < width && open(x)) x++;
    if (x >= width) break;
    (x - 1 > from ? wide : narrow).push([from, x - 1]);
  }
  // one position wide: a boundary only where the header starts or ends a label beside it
  const startsAt = new Set(header?.tokens.map(([a]) => a));
  const endsAt = new Set(header?.tokens.map(([, b]) => b));
  const gaps = [
    ...wide,
    ...narrow.filter(([from, to]) => startsAt.has(to + 1) || endsAt.has(from - 1)),
  ].sort((a, b) => a[0] - b[0]);
  if (gaps.length < 2) return null;
  return { starts: [0, ...gaps.map(([, to]) => to + 1)], gaps };
}

/**
 * One line in cells: the characters of each column's span, trimmed. A line that runs across the
 * gaps (a title, a preamble, a total printed without the columns) is split at runs of two or more
 * spaces instead.
 */
export function splitFixed(line: string, columns: FixedColumns): string[] {
  if (line.trim() === '') return [''];
  if (RULE.test(line)) return [line.trim()];
  // one pass over the characters, nothing allocated but the cells (statements run to millions
  // of lines)
  const { starts, gaps } = columns;
  const out: string[] = [];
  let column = 0;
  let from = 0;
  let x = 0;
  let gap = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // the second half of a surrogate pair belongs to the character before it
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) continue;
    const w = code === 9 ? 8 - (x % 8) : charWidth(code);
    while (gap < gaps.length && (gaps[gap]?.[1] ?? Infinity) < x) gap++;
    const open = gaps[gap];
    if (open && !isSpace(code) && x + w - 1 >= open[0] && x <= open[1])
      return line.trim().split(/[ \t\u3000]{2,}/u);
    while (column + 1 < starts.length && x >= (starts[column + 1] ?? Infinity)) {
      out.push(line.slice(from, i).trim());
      from = i;
      column++;
    }
    x += w;
  }
  out.push(line.slice(from).trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Whether this sample is a fixed-width table rather than delimited text or notices. */
export function looksFixedWidth(sample: string): boolean {
  const lines = sample.split(/\r\n|\n|\r/u);
  // the last line of a sample may be cut short
  if (lines.length > 1) lines.pop();
  const content = lines.filter((l) => l.trim() !== '');
  const delimiter = detectDelimiter(sample);
  const delimited = content.filter((l) => l.split(delimiter).length >= 3).length;
  return delimited < 0.5 * content.length && fixedColumns(lines) !== null;
}

/**
 * Decodes fixed-width text: the columns found in the first 64 KiB, every line then cut at them as
 * the text streams in. Rows are numbered by line, blank lines included (spec §3).
 */
export async function decodeFixedWidth(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): Promise<DecodedTable> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  const sample = decodeSample(head, encoding).replace(/^\uFEFF/u, '');
  const lines = sample.split(/\r\n|\n|\r/u);
  if (lines.length > 1) lines.pop();
  const columns = fixedColumns(lines);
  const meta: DecodedMeta = { format: 'csv', encoding, delimiter: ' ' };
  const problems: InputProblem[] = [];
  return {
    meta,
    problems,
    batches: readLines(stream, encoding, columns, file, problems),
  };
}

async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  columns: FixedColumns | null,
  file: string,
  problems: InputProblem[],
): AsyncIterable<{ row: number; cells: string[] }[]> {
  let carry = '';
  let row = 0;
  let first = true;
  const split = (line: string) =>
    columns ? splitFixed(line, columns) : line.trim().split(/[ \t\u3000]{2,}/u);
  const tooLong = () =>
    problems.push({
      file,
      row,
      message: '这一行过长，不像对账单记录，已跳过 (line too long; skipped)',
    });
  // after an over-long line: skip to its end before reading on
  let skipping = false;
  const emit = (line: string, out: { row: number; cells: string[] }[]) => {
    row += 1;
    if (skipping) {
      skipping = false;
      return;
    }
    if (line.length > MAX_LINE_CHARS) {
      tooLong();
      return;
    }
    out.push({ row, cells: split(line) });
  };
  for await (let text of decodeText(chunks, encoding)) {
    if (first) {
      text = text.replace(/^\uFEFF/u, '');
      first = false;
    }
    const data = carry + text;
    const out: { row: number; cells: string[] }[] = [];
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      // a CR at the end of the text may be the first half of a CRLF
      if (code === 13 && i + 1 === data.length) break;
      emit(data.slice(start, i), out);
      if (code === 13 && data.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    carry = data.slice(start);
    if (carry.length > MAX_LINE_CHARS) {
      if (!skipping) {
        row += 1;
        tooLong();
        row -= 1;
        skipping = true;
      }
      carry = '';
    }
    if (out.length > 0) yield out;
  }
  if (carry !== '' || skipping) {
    const out: { row: number; cells: string[] }[] = [];
    emit(carry, out);
    yield out;
  }
}
