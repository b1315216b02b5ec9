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
}

export interface TextLine {
  page: number;
  runs: TextRun[];
}

interface Piece {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
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
function separateCells(left: string, right: string): boolean {
  const a = left.trim();
  const b = right.trim();
  if (a === '' || b === '') return false;
  if (FIGURE.test(a) !== FIGURE.test(b)) return true;
  return a.length >= 2 && b.length >= 2 && CJK.test(a) && CJK.test(b);
}

/** Groups a page's text pieces into lines (top to bottom) of runs (left to right). */
export function linesOf(pieces: readonly Piece[], page: number): TextLine[] {
  const sorted = pieces
    .filter((p) => !PAGE_PIECE.test(p.text.trim()))
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
    let last: { run: TextRun; size: number; piece: string } | null = null;
    for (const piece of group) {
      const gap = last ? piece.x - last.run.x1 : Infinity;
      const size = Math.max(piece.size, last?.size ?? 0);
      const spaced = gap > WORD_GAP * size;
      if (last && gap <= CELL_GAP * size && !(spaced && separateCells(last.piece, piece.text))) {
        last.run.text += (spaced ? ' ' : '') + piece.text;
        last.run.x1 = Math.max(last.run.x1, piece.x + piece.width);
        last.piece = piece.text;
      } else {
        const run = { x0: piece.x, x1: piece.x + piece.width, text: piece.text };
        runs.push(run);
        last = { run, size: piece.size, piece: piece.text };
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

/**
 * The rows of the table the lines of every page make, in reading order: page numbers dropped,
 * the header kept once (its first time), repeats of it and of the title lines above it dropped.
 */
export function rowsOfLines(lines: readonly TextLine[]): SourceRow[] {
  const kept = lines.filter((line) => line.runs.length > 0 && !PAGE_NUMBER.test(lineText(line)));
  // the header is the widest figure-free line near the top: a preamble line such as
  // 商户名称 某某店 开户行 has three cells too, but fewer than the table has columns
  let headerAt = -1;
  kept.slice(0, HEADER_SEARCH_LINES).forEach((line, index) => {
    if (isHeader(line) && line.runs.length > (kept[headerAt]?.runs.length ?? 0)) headerAt = index;
  });
  const header = headerAt === -1 ? null : (kept[headerAt] ?? null);
  // a heading of two lines (交易日期 over Date): the figure-free lines right under the header are
  // part of it, and are repeated with it on every page
  let headerEnd = headerAt;
  while (header && headerEnd + 1 < kept.length && isHeader(kept[headerEnd + 1] as TextLine))
    headerEnd += 1;
  const headerTexts = new Set(kept.slice(Math.max(headerAt, 0), headerEnd + 1).map(lineText));
  const title = new Set(kept.slice(0, Math.max(headerAt, 0)).map(lineText));
  const body = kept.filter((line, index) => {
    if (!header || index <= headerEnd) return true;
    const text = lineText(line);
    return !headerTexts.has(text) && !title.has(text);
  });
  const alignment = header
    ? alignmentOf(
        body.filter((_, index) => index > headerEnd),
        header.runs,
      )
    : 'nearest';
  const rows: SourceRow[] = [];
  body.forEach((line) => {
    const cells: Cell[] = header
      ? cellsUnder(line, header.runs, alignment)
      : line.runs.map((r) => r.text);
    rows.push({ row: rows.length + 1, page: line.page, cells });
  });
  return rows;
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
      const onPage: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
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
