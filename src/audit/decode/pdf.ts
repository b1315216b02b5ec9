import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FeeGuardError } from '../../errors.js';
import type { Cell, DecodedMeta, InputProblem, SourceRow } from '../model.js';
import { overLimit, readWhole, type DecodeLimits } from './limits.js';
import type { DecodedTable } from './types.js';

/**
 * PDF statements with a text layer (bank and provider apps), read with Mozilla's PDF.js
 * (`pdfjs-dist`, its legacy build for Node). A PDF has no rows, only pieces of text at positions,
 * so the table is rebuilt: pieces on one baseline make a line, pieces far apart on a line are
 * separate cells, and the header line (the first with three or more text cells and no figures)
 * gives the columns every later cell is put under. Page numbers (第 1 页 共 3 页), the header
 * repeated on each page and the title above it are not rows. Rows are numbered in reading order
 * and carry their page; the audit then numbers the records (spec §3).
 */
export function decodePdf(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: DecodeLimits,
): DecodedTable {
  const meta: DecodedMeta = { format: 'pdf', encoding: null };
  const problems: InputProblem[] = [];
  return { meta, problems, batches: readRows(chunks, file, limits) };
}

/** One run of text on a line: what a reader sees as a cell. */
export interface TextRun {
  x0: number;
  x1: number;
  text: string;
  /** Begun by a word PDF.js joined to the run before it: a column border only where the header has one. */
  joined?: boolean;
  /**
   * Its words, kept when PDF.js joined some of them (a heading over two columns is split by them)
   * or when pieces a visible gap apart were put together (split again where a column starts:
   * `splitAtStarts`). `spaced`: a visible gap before the word.
   */
  words?: { x0: number; x1: number; text: string; joined: boolean; spaced?: boolean }[];
}

export interface TextLine {
  page: number;
  runs: TextRun[];
}

export interface Piece {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
  /** A word PDF.js joined onto the one before it with a space (see `wordsOf`). */
  joined?: boolean;
  /** The whole piece a word was cut from: two pieces are told apart by their whole texts. */
  whole?: string;
}

/** Pieces whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.5;
/** A gap wider than this share of the font size starts a new cell; a narrower one is a space. */
const CELL_GAP = 0.9;
const WORD_GAP = 0.15;

/**
 * A piece of text that is only a page number (第 1 页, 第1页/共3页, Page 2 of 3). A footer printed
 * close below the last row shares that row's baseline, and would otherwise run into its last cell
 * (`第 1 页0.00`); as a piece of its own it is never a cell.
 */
const PAGE_PIECE =
  /^(?:第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页|page\s+\d+(?:\s*(?:of|\/)\s*\d+)?)$/iu;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** A figure: an amount, a date, a time or a rate, with its sign, currency and brackets. */
const FIGURE = /^[-+(（]?[-+]?[¥￥$]?\s*[-+]?[\d,.:/%-]*\d[\d,.:/%-]*[)）]?$|^[¥￥$]$/u;

/**
 * Two pieces a narrow gap apart that are still two cells: a figure beside words (a right-aligned
 * amount ends a few points before the left-aligned 摘要 of the next column: `-99.00` | `扣收流量费`),
 * or two Chinese labels (`结算金额(元)` | `摘要`) — Chinese puts no spaces between words, so a visible
 * gap between two pieces of Chinese is a column border. Single characters are spared: a heading
 * set with letter spacing (`摘 要`) may come as one piece a character.
 */
/** An amount with its decimals (`-99.00`, `1,040.83`) or a rate (`0.38%`). */
const AMOUNT = /^[-+(（]?[¥￥$]?[-+]?[\d,]*\d[.]\d+%?[)）]?$/u;

function separateCells(left: string, right: string): boolean {
  const a = left.trim();
  const b = right.trim();
  if (a === '' || b === '') return false;
  if (FIGURE.test(a) !== FIGURE.test(b)) return true;
  return a.length >= 2 && b.length >= 2 && CJK.test(a) && CJK.test(b);
}

/** A character's advance in ems, to place the words of a piece: CJK and full-width forms are square. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const emsOf = (text: string) => {
  const wide = text.match(new RegExp(WIDE.source, 'gu'))?.length ?? 0;
  return wide + 0.55 * (Array.from(text).length - wide);
};

/**
 * The words of one piece, each where it is drawn. PDF.js joins text drawn less than about 0.6 font
 * size apart into one piece with a space (`-99.00 智能终端4G流量服务`, `清算金额 备注`), so two cells
 * of columns set only points apart arrive as one piece. The words' positions are estimated from
 * the piece's width (CJK characters one em, others about half). Inside a piece only an amount
 * followed by words is taken for a column border (see `linesOf`): a space between two labels
 * may be a cell's own (`刷卡收款 交易额213.`); a heading over two columns is split by the data
 * rows under it (`splitHeader`).
 */
export function wordsOf(piece: Piece): Piece[] {
  const words = piece.text.trim().split(/\s+/u);
  if (words.length < 2) return [piece];
  const ems = words.map(emsOf);
  const inked = ems.reduce((a, b) => a + b, 0) * piece.size;
  const minGap = 0.25 * piece.size;
  let gap = (piece.width - inked) / (words.length - 1);
  let scale = 1;
  if (gap < minGap) {
    gap = minGap;
    scale = Math.max(piece.width - gap * (words.length - 1), 0) / inked;
  }
  let x = piece.x;
  return words.map((text, index) => {
    const width = (ems[index] ?? 0) * piece.size * scale;
    const word = { ...piece, x, width, text, joined: index > 0, whole: piece.text };
    x += width + gap;
    return word;
  });
}

/** Groups a page's text pieces into lines (top to bottom) of runs (left to right). */
export function linesOf(pieces: readonly Piece[], page: number): TextLine[] {
  const sorted = pieces
    .filter((p) => !PAGE_PIECE.test(p.text.trim()))
    .flatMap(wordsOf)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Piece[][] = [];
  for (const piece of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (
      group &&
      first &&
      Math.abs(first.y - piece.y) <= SAME_LINE * Math.max(first.size, piece.size)
    ) {
      group.push(piece);
    } else groups.push([piece]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const runs: TextRun[] = [];
    let last: {
      run: TextRun;
      size: number;
      piece: string;
      whole: string;
      words: TextRun['words'] & {};
    } | null = null;
    for (const piece of group) {
      const gap = last ? piece.x - last.run.x1 : Infinity;
      const size = Math.max(piece.size, last?.size ?? 0);
      const spaced = gap > WORD_GAP * size;
      const border = piece.joined
        ? AMOUNT.test(last?.piece ?? '') && !FIGURE.test(piece.text)
        : spaced && separateCells(last?.whole ?? '', piece.whole ?? piece.text);
      const word: (TextRun['words'] & {})[number] = {
        x0: piece.x,
        x1: piece.x + piece.width,
        text: piece.text,
        joined: piece.joined === true,
      };
      if (spaced && gap !== Infinity) word.spaced = true;
      if (last && gap <= CELL_GAP * size && !border) {
        last.run.text += (spaced ? ' ' : '') + piece.text;
        last.run.x1 = Math.max(last.run.x1, piece.x + piece.width);
        last.piece = piece.text;
        last.whole = piece.whole ?? piece.text;
        last.words.push(word);
        if (piece.joined || spaced) last.run.words = last.words;
      } else {
        const run: TextRun = { x0: piece.x, x1: piece.x + piece.width, text: piece.text };
        if (piece.joined) run.joined = true;
        runs.push(run);
        last = {
          run,
          size: piece.size,
          piece: piece.text,
          whole: piece.whole ?? piece.text,
          words: [word],
        };
      }
    }
    for (const run of runs) run.text = run.text.replace(/\s+/gu, ' ').trim();
    return { page, runs: runs.filter((r) => r.text !== '') };
  });
}

/** 第 1 页 共 3 页, 第1页/共3页, - 2 -, 2/3, Page 2 of 3. */
const PAGE_NUMBER =
  /^(?:第\s*\d+\s*页.*|共\s*\d+\s*页.*|-?\s*\d+\s*-?|\d+\s*\/\s*\d+|page\s+\d+(?:\s+of\s+\d+)?)$/iu;

/** How far down the header is looked for, in lines (the layout reader looks as far). */
const HEADER_SEARCH_LINES = 60;

const lineText = (line: TextLine) => line.runs.map((r) => r.text).join(' ');

function isHeader(line: TextLine): boolean {
  if (line.runs.length < 3) return false;
  const plain = line.runs.filter((r) => !/\d/u.test(r.text)).length;
  return plain / line.runs.length >= 0.8;
}

/**
 * Where a run that lies under no header word belongs. Headings and figures are aligned in three
 * ways: a figure under its heading's middle (`nearest`); headings set flush left over a column whose
 * figures are right-aligned, so a figure lies between its heading and the next (`left`: the column
 * runs from its heading's left edge to the next heading); or headings set flush right over
 * left-aligned text (`right`: the column ends at its heading's right edge).
 */
export type Alignment = 'nearest' | 'left' | 'right';

function columnOf(run: TextRun, header: readonly TextRun[], alignment: Alignment): number {
  let best = -1;
  let bestOverlap = 0;
  header.forEach((column, index) => {
    const overlap = Math.min(run.x1, column.x1) - Math.max(run.x0, column.x0);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = index;
    }
  });
  if (best !== -1) return best;
  if (alignment === 'left') {
    // the last heading that starts at or before the run (a run before the first is the first's)
    let at = 0;
    header.forEach((column, index) => {
      if (column.x0 <= run.x0) at = index;
    });
    return at;
  }
  if (alignment === 'right') {
    // the first heading that ends at or after the run
    const at = header.findIndex((column) => column.x1 >= run.x1);
    return at === -1 ? header.length - 1 : at;
  }
  let bestDistance = Infinity;
  header.forEach((column, index) => {
    const distance = Math.abs((run.x0 + run.x1) / 2 - (column.x0 + column.x1) / 2);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

/** Puts each run under the header column it overlaps most, else where the alignment says. */
export function cellsUnder(
  line: TextLine,
  header: readonly TextRun[],
  alignment: Alignment = 'nearest',
): Cell[] {
  const cells: (string | null)[] = header.map(() => null);
  for (const run of line.runs) {
    const at = columnOf(run, header, alignment);
    if (at === -1) continue;
    const before = cells[at];
    cells[at] = before === null || before === undefined ? run.text : `${before} ${run.text}`;
  }
  return cells;
}

/** How many lines the alignment is judged on. */
const ALIGNMENT_LINES = 200;

/**
 * The alignment under which the table's lines fit their header best: fewest runs pushed into a
 * column another run of the same line already holds (two cells read as one). A figure shifted one
 * column right by the wrong alignment collides with the text of the column it lands in on some
 * line; under the right one, every run has a column of its own. On a tie the headings' middles
 * decide, as they always did.
 */
export function alignmentOf(lines: readonly TextLine[], header: readonly TextRun[]): Alignment {
  const sample = lines.slice(0, ALIGNMENT_LINES);
  let best: Alignment = 'nearest';
  let bestCost = Infinity;
  for (const alignment of ['nearest', 'left', 'right'] as const) {
    let cost = 0;
    for (const line of sample) {
      const taken = new Set<number>();
      for (const run of line.runs) {
        const at = columnOf(run, header, alignment);
        if (taken.has(at)) cost += 1;
        taken.add(at);
      }
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = alignment;
    }
  }
  return best;
}

const overlapOf = (run: TextRun, column: TextRun) =>
  Math.min(run.x1, column.x1) - Math.max(run.x0, column.x0);

/** The header column a run lies under, or -1 when it lies under none. */
function overlapped(run: TextRun, header: readonly TextRun[]): number {
  let best = -1;
  let bestOverlap = 0;
  header.forEach((column, index) => {
    const overlap = overlapOf(run, column);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = index;
    }
  });
  return best;
}

/**
 * A heading PDF.js joined with the next (`清算金额 备注`, `Net Details`: a right-aligned heading 4
 * points before a left-aligned one) is two headings where the data rows under it show two columns:
 * on two lines or more an amount ends and words begin under it, joined the same way. It is split at
 * its space nearest to where the amounts end and the words begin.
 */
export function splitHeader(header: readonly TextRun[], lines: readonly TextLine[]): TextRun[] {
  return header.flatMap((column) => {
    const words = column.words;
    if (!words || words.length < 2) return [column];
    const borders: number[] = [];
    for (const line of lines) {
      line.runs.forEach((run, index) => {
        const before = line.runs[index - 1];
        if (!run.joined || !before) return;
        if (overlapOf(before, column) <= 0 || overlapOf(run, column) <= 0) return;
        const at = (before.x1 + run.x0) / 2;
        if (at > column.x0 && at < column.x1) borders.push(at);
      });
    }
    if (borders.length < 2) return [column];
    borders.sort((a, b) => a - b);
    const border = borders[Math.floor(borders.length / 2)] ?? 0;
    let split = -1;
    let distance = Infinity;
    words.forEach((word, index) => {
      const before = words[index - 1];
      if (!word.joined || !before) return;
      const d = Math.abs((before.x1 + word.x0) / 2 - border);
      if (d < distance) {
        distance = d;
        split = index;
      }
    });
    if (split === -1) return [column];
    const part = (from: number, to: number): TextRun => {
      const some = words.slice(from, to);
      return {
        x0: some[0]?.x0 ?? column.x0,
        x1: Math.max(...some.map((w) => w.x1)),
        text: some.map((w) => w.text.trim()).join(' '),
      };
    };
    return [part(0, split), part(split, words.length)];
  });
}

/**
 * A line's runs with each joined run put back onto the run before it unless the two lie under two
 * different header columns: an amount and words inside one cell (`4.00 手续费63.14`, a wrapped
 * description) stay one cell. An amount that lies under no heading and ends left of the words'
 * heading is not in their cell (a left-aligned cell starts at its heading): with narrow cell
 * padding a right-aligned amount ends between two headings, points before the next one.
 */
function rejoin(line: TextLine, header: readonly TextRun[]): TextLine {
  if (!line.runs.some((run) => run.joined)) return line;
  const runs: TextRun[] = [];
  for (const run of line.runs) {
    const before = runs.at(-1);
    if (run.joined && before) {
      const left = overlapped(before, header);
      const right = overlapped(run, header);
      // an amount under no heading that ends before the heading the words lie under starts is the
      // previous column's right-aligned figure, a few points of cell padding before that heading
      const apart = left === -1 && right !== -1 && before.x1 < (header[right]?.x0 ?? -Infinity);
      if (!apart && (left === -1 || right === -1 || left === right)) {
        runs[runs.length - 1] = {
          x0: before.x0,
          x1: Math.max(before.x1, run.x1),
          text: `${before.text} ${run.text}`,
        };
        continue;
      }
    }
    runs.push({ x0: run.x0, x1: run.x1, text: run.text });
  }
  return { page: line.page, runs };
}

/** Points a word may start beside a heading's left edge and still start that heading's column. */
const START_SLACK = 1.5;

/**
 * The left edges of the headings under which values start down the column (left-aligned values
 * under headings set flush left): on two lines or more a piece of text starts there, and on more
 * lines than a piece runs across it. There a piece starts a cell of its own even after a narrow
 * gap — a right-aligned amount may end only points before it (`-1,244.42` | `6445525070006`, or
 * `2.13` | `2024/8/1`, 6 points apart at 8 points: a gap too narrow to tell cells apart by width).
 */
export function columnStarts(header: readonly TextRun[], lines: readonly TextLine[]): number[] {
  return header
    .map((column) => column.x0)
    .filter((x) => {
      let starts = 0;
      let across = 0;
      for (const line of lines) {
        let starting = false;
        let crossing = false;
        for (const run of line.runs)
          for (const word of run.words ?? [run]) {
            if (Math.abs(word.x0 - x) <= START_SLACK) starting = true;
            else if (word.x0 < x - START_SLACK && word.x1 > x + START_SLACK) crossing = true;
          }
        if (starting) starts += 1;
        if (crossing) across += 1;
      }
      return starts >= 2 && starts > across;
    });
}

/**
 * A line's runs cut where a piece drawn a visible gap after the one before it starts at a column
 * start (`columnStarts`): two cells of two columns that a narrow gap alone would have joined.
 * Words PDF.js joined are left to `rejoin`.
 */
export function splitAtStarts(line: TextLine, starts: readonly number[]): TextLine {
  if (starts.length === 0 || !line.runs.some((run) => run.words)) return line;
  const runs: TextRun[] = [];
  for (const run of line.runs) {
    const words = run.words;
    if (!words) {
      runs.push(run);
      continue;
    }
    const cuts = [0];
    words.forEach((word, index) => {
      if (index > 0 && word.spaced && !word.joined)
        if (starts.some((x) => Math.abs(word.x0 - x) <= START_SLACK)) cuts.push(index);
    });
    if (cuts.length === 1) {
      runs.push(run);
      continue;
    }
    cuts.forEach((from, at) => {
      const some = words.slice(from, cuts[at + 1] ?? words.length);
      const text = some
        .map((word, index) => (index > 0 && word.spaced ? ' ' : '') + word.text)
        .join('')
        .replace(/\s+/gu, ' ')
        .trim();
      runs.push({
        x0: some[0]?.x0 ?? run.x0,
        x1: Math.max(...some.map((word) => word.x1)),
        text,
        ...(from === 0 && run.joined ? { joined: true } : {}),
        ...(some.length > 1 ? { words: some } : {}),
      });
    });
  }
  return { page: line.page, runs: runs.filter((run) => run.text !== '') };
}

/** How many lines under a header-like line are judged on whether they are its table's. */
const FIT_LINES = 20;

/**
 * How well lines fit under a header: a point for each cell under one of its headings, and one more
 * for each starting where a heading starts (left-aligned values under headings set flush left).
 * The lines of a second table fit its own header better than the first's; a wrapped second line
 * of figure-free cells (有限公司 | 服务费 | 代扣) is followed by the first table's rows, which fit the
 * first table's header better than it.
 */
function fitOf(header: readonly TextRun[], lines: readonly TextLine[]): number {
  let fit = 0;
  for (const line of lines)
    for (const run of line.runs) {
      if (header.some((column) => overlapOf(run, column) > 0)) fit += 1;
      if (header.some((column) => Math.abs(run.x0 - column.x0) <= START_SLACK)) fit += 1;
    }
  return fit;
}

/**
 * Whether the lines under a header-like line are its table's rather than the current one's: they
 * fit it better or, set at the same places, it starts at the table's left edge as a header does (a
 * wrapped second line leaves the first column, a date, empty).
 */
function fits(
  candidate: readonly TextRun[],
  header: readonly TextRun[],
  lines: readonly TextLine[],
): boolean {
  const mine = fitOf(candidate, lines);
  const theirs = fitOf(header, lines);
  if (mine !== theirs) return mine > theirs;
  const left = Math.min(...header.map((column) => column.x0));
  return Math.abs((candidate[0]?.x0 ?? Infinity) - left) <= START_SLACK;
}

/** A table of the PDF: its header (cut into columns) and the lines under it, in reading order. */
interface PdfTable {
  /** 1-based among the PDF's tables; the first table's rows carry none. */
  id: number | undefined;
  header: TextRun[];
  /** Its lines by their place among the PDF's lines; `heading`: its own header line. */
  lines: { at: number; line: TextLine; heading?: true }[];
}

/**
 * The rows of the tables the lines of every page make, in reading order: page numbers dropped,
 * each header kept once (its first time), repeats of it and of the title lines above the first
 * dropped. A later figure-free line of three cells or more with figures under it, not a repeat of
 * a header seen, is the header of another table (a statement's 二、费用明细 under its 交易明细 on
 * every page: 扣收日期 | 费用项目 | 类型 | 金额): the lines after it are cut at its own columns
 * until a header comes again, and their rows carry its `table` number so that the reader finds
 * its columns apart from the first table's.
 */
export function rowsOfLines(lines: readonly TextLine[]): SourceRow[] {
  const kept = lines.filter((line) => line.runs.length > 0 && !PAGE_NUMBER.test(lineText(line)));
  // the header is the widest figure-free line near the top: a preamble line such as
  // 商户名称 某某店 开户行 has three cells too, but fewer than the table has columns
  let headerAt = -1;
  kept.slice(0, HEADER_SEARCH_LINES).forEach((line, index) => {
    if (isHeader(line) && line.runs.length > (kept[headerAt]?.runs.length ?? 0)) headerAt = index;
  });
  const found = headerAt === -1 ? null : (kept[headerAt] ?? null);
  if (!found) {
    return kept.map((line, index) => ({
      row: index + 1,
      page: line.page,
      cells: line.runs.map((r) => r.text),
    }));
  }
  // a heading of two lines (交易日期 over Date): the figure-free lines right under a header are
  // part of it, and are repeated with it on every page
  const headingEnd = (at: number) => {
    let end = at;
    while (end + 1 < kept.length && isHeader(kept[end + 1] as TextLine)) end += 1;
    return end;
  };
  const headerEnd = headingEnd(headerAt);
  const title = new Set(kept.slice(0, headerAt).map(lineText));
  const first: PdfTable = {
    id: undefined,
    header: splitHeader(found.runs, kept.slice(headerAt + 1, headerAt + 1 + ALIGNMENT_LINES)),
    lines: [],
  };
  const tables: PdfTable[] = [first];
  /** Each header line's text → its table (a repeat of it goes back to that table). */
  const headings = new Map<string, PdfTable>();
  for (const line of kept.slice(headerAt, headerEnd + 1)) headings.set(lineText(line), first);
  // the lines above the header and the heading's second line are the first table's (as rows)
  for (let at = 0; at <= headerEnd; at++)
    if (at !== headerAt) first.lines.push({ at, line: kept[at] as TextLine });
  let current = first;
  for (let at = headerEnd + 1; at < kept.length; at++) {
    const line = kept[at] as TextLine;
    const text = lineText(line);
    const again = headings.get(text);
    if (again) {
      current = again;
      continue;
    }
    if (title.has(text)) continue;
    if (isHeader(line)) {
      const end = headingEnd(at);
      const next = kept[end + 1];
      const under = kept.slice(end + 1, end + 1 + FIT_LINES);
      const stop = under.findIndex((l) => isHeader(l));
      const data = stop === -1 ? under : under.slice(0, stop);
      if (
        next &&
        /\d/u.test(lineText(next)) &&
        next.runs.length >= 2 &&
        fits(line.runs, current.header, data)
      ) {
        // another table: its own header and columns
        const table: PdfTable = {
          id: tables.length + 1,
          header: splitHeader(line.runs, kept.slice(end + 1, end + 1 + ALIGNMENT_LINES)),
          lines: [],
        };
        tables.push(table);
        for (const heading of kept.slice(at, end + 1)) headings.set(lineText(heading), table);
        table.lines.push({ at, line: { page: line.page, runs: table.header }, heading: true });
        for (let k = at + 1; k <= end; k++) table.lines.push({ at: k, line: kept[k] as TextLine });
        current = table;
        at = end;
        continue;
      }
    }
    current.lines.push({ at, line });
  }
  const out: { at: number; row: Omit<SourceRow, 'row'> }[] = [
    { at: headerAt, row: { page: found.page, cells: first.header.map((r) => r.text) } },
  ];
  for (const table of tables) {
    const below = table.lines.filter((l) => l.at > headerAt && !l.heading).map((l) => l.line);
    const starts = columnStarts(table.header, below);
    const cut = table.lines.map(({ at, line, heading }) => ({
      at,
      line: at < headerAt || heading ? line : rejoin(splitAtStarts(line, starts), table.header),
    }));
    const alignment = alignmentOf(
      cut.filter(({ at }) => at > headerEnd).map(({ line }) => line),
      table.header,
    );
    for (const { at, line } of cut)
      out.push({
        at,
        row: {
          page: line.page,
          cells: cellsUnder(line, table.header, alignment),
          ...(table.id === undefined ? {} : { table: table.id }),
        },
      });
  }
  out.sort((a, b) => a.at - b.at);
  return out.map(({ row }, index) => ({ row: index + 1, ...row }));
}

interface LoadedPdfJs {
  pdfjs: typeof PdfJs;
  /** Directories of the character maps (for PDFs that use the standard Chinese CMaps) and fonts. */
  cMapUrl: string;
  standardFontDataUrl: string;
}

/** PDF.js is large: loaded once, when the first PDF comes. */
const loader: { promise?: Promise<LoadedPdfJs> } = {};

function loadPdfJs(): Promise<LoadedPdfJs> {
  loader.promise ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return {
      pdfjs,
      cMapUrl: path.join(root, 'cmaps') + path.sep,
      standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    };
  })();
  return loader.promise;
}

async function* readRows(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: DecodeLimits,
): AsyncIterable<SourceRow[]> {
  const bytes = await readWhole(chunks, file, limits);
  const { pdfjs, cMapUrl, standardFontDataUrl } = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    let document: Awaited<typeof task.promise>;
    try {
      document = await task.promise;
    } catch (error) {
      const locked = error instanceof Error && error.name === 'PasswordException';
      throw new FeeGuardError(
        'FG_ERR_UNREADABLE_FILE',
        locked
          ? `${file} 是加密的 PDF，需要密码才能打开 (the PDF is password-protected)`
          : `${file} 不是可读的 PDF 文件 (not a readable PDF)`,
        {
          hint: locked
            ? 'export the statement again without a password, or as CSV or Excel'
            : 'export the statement again as CSV or Excel from the provider’s app or portal',
          cause: error,
        },
      );
    }
    if (document.numPages > limits.maxPages) throw overLimit(file, 'maxPages', limits);
    const lines: TextLine[] = [];
    let pieces = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      // a page stored turned (`/Rotate 90`, a landscape statement on a portrait sheet) is read the
      // way it is shown: the viewport turns each piece's position and direction to the reading
      // orientation (its y runs down the page, so it is negated to run up as PDF space does)
      const view = page.getViewport({ scale: 1 }).transform;
      const onPage: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a = 0, b = 0, , , x = 0, down = 0] = pdfjs.Util.transform(
          view,
          item.transform as number[],
        ) as number[];
        const y = -down;
        pieces += 1;
        // slanted or vertical text is a watermark (仅供参考) or a stamp, not a table cell
        if (Math.abs(b) > Math.abs(a) * 0.05) continue;
        onPage.push({
          x,
          y,
          width: item.width,
          size: Math.hypot(a, b) || item.height || 1,
          text: item.str,
        });
      }
      lines.push(...linesOf(onPage, number));
      page.cleanup();
      if (lines.length > limits.maxRows) throw overLimit(file, 'maxRows', limits);
    }
    if (pieces === 0) {
      throw new FeeGuardError(
        'FG_ERR_SCANNED_PDF',
        `${file} 是扫描件（只有图片、没有文字），无法读取其中的账目。请在服务商的手机客户端或商户后台导出 CSV 或 Excel 格式的对账单，或导出带文字的 PDF 对账单`,
        {
          hint: 'export the statement as CSV or Excel, or as a PDF with a text layer, from the provider’s app or portal',
        },
      );
    }
    const rows = rowsOfLines(lines);
    for (let at = 0; at < rows.length; at += 2000) yield rows.slice(at, at + 2000);
  } finally {
    await task.destroy();
  }
}
