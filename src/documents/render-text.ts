import type { Block, DocumentModel, TableBlock } from './model.js';

/**
 * Plain text for pasting into an online complaint form. Forms cap the length, so the text can be
 * fitted to a limit: first blank lines go, then the table is cut to its first rows with a count
 * of the rest, then paragraphs lose sentences and supporting lists lose items, longest first.
 * The title, the parties, the demands, the total and the signature with its date are never cut;
 * only when they alone are over the limit is the text cut hard, with an ellipsis.
 */
export interface TextOptions {
  /** The form's limit in characters (Unicode code points). */
  readonly maxChars?: number;
}

export interface RenderedText {
  readonly text: string;
  /** Whether anything was left out to fit `maxChars` (blank lines do not count). */
  readonly truncated: boolean;
  readonly chars: number;
}

/** Rows a compacted table keeps before its count line ("……共 25 笔，详见附件"). */
const COMPACT_ROWS = 5;

/**
 * Headings whose section is what the complainant asks for: these and the list under them stay,
 * because a complaint without its demands cannot be handled.
 */
const DEMANDS_HEADING = /请求|诉求|要求|request|demand|ask for/iu;

/** Lines that are never shortened. */
interface Fixed {
  readonly kind: 'fixed';
  readonly lines: readonly string[];
  /** The signature closes the last section, so a heading before it is not left standing alone. */
  readonly endsSection: boolean;
}

interface Heading {
  readonly kind: 'heading';
  readonly text: string;
  readonly keep: boolean;
}

/** Text that may lose units from its end: sentences of a paragraph, items of a list. */
interface Units {
  readonly kind: 'units';
  units: string[];
  readonly separator: string;
}

interface Table {
  readonly kind: 'table';
  readonly table: TableBlock;
  shown: number;
  caption: boolean;
}

type Piece = Fixed | Heading | Units | Table;

export function renderText(doc: DocumentModel, options: TextOptions = {}): RenderedText {
  const pieces = toPieces(doc);
  const full = render(pieces, doc.language, false);
  const limit = options.maxChars;
  if (limit === undefined || length(full) <= limit) return result(full, false);

  // 1. Without blank lines between blocks: nothing is lost yet.
  const compact = render(pieces, doc.language, true);
  if (length(compact) <= limit) return result(compact, false);

  // 2. Tables cut to their first rows, captions dropped.
  for (const piece of pieces) {
    if (piece.kind !== 'table') continue;
    piece.shown = Math.min(piece.shown, COMPACT_ROWS);
    piece.caption = false;
  }
  let text = render(pieces, doc.language, true);

  // 3. One unit at a time from the end of the longest shortenable piece.
  while (length(text) > limit && dropUnit(pieces)) text = render(pieces, doc.language, true);

  // 4. What must stay is over the limit by itself: cut it hard, but keep the signature and date.
  if (length(text) > limit) {
    const closing = pieces.at(-1);
    const tail = closing?.kind === 'fixed' && closing.endsSection ? closing.lines.join('\n') : '';
    const body = tail === '' ? text : text.slice(0, text.length - tail.length).trimEnd();
    text =
      tail !== '' && text.endsWith(tail) && length(tail) * 3 <= limit
        ? `${hardCut(body, limit - length(tail) - 1)}\n${tail}`
        : hardCut(text, limit);
  }
  return result(text, true);
}

/** Characters as forms count them: Unicode code points, not UTF-16 units. */
function length(text: string): number {
  return Array.from(text).length;
}

function result(text: string, truncated: boolean): RenderedText {
  return { text, truncated, chars: length(text) };
}

function hardCut(text: string, limit: number): string {
  if (limit < 1) return '';
  return `${Array.from(text)
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}

function toPieces(doc: DocumentModel): Piece[] {
  const pieces: Piece[] = [
    {
      kind: 'fixed',
      lines: [doc.title, ...(doc.subtitle ? [doc.subtitle] : [])],
      endsSection: false,
    },
  ];
  let inDemands = false;
  for (const block of doc.blocks) {
    if (block.kind === 'heading') inDemands = DEMANDS_HEADING.test(block.text);
    pieces.push(toPiece(block, doc.language, inDemands));
  }
  return pieces;
}

function toPiece(block: Block, language: DocumentModel['language'], demands: boolean): Piece {
  switch (block.kind) {
    case 'heading':
      return { kind: 'heading', text: block.text, keep: demands };
    case 'paragraph':
      return { kind: 'units', units: sentences(block.text), separator: '' };
    case 'note':
      return { kind: 'units', units: sentences(`※ ${block.text}`), separator: '' };
    case 'list': {
      const lines = block.items.map((item, i) =>
        block.ordered ? `${String(i + 1)}. ${item}` : `- ${item}`,
      );
      return demands
        ? { kind: 'fixed', lines, endsSection: false }
        : { kind: 'units', units: lines, separator: '\n' };
    }
    case 'fields':
      return {
        kind: 'fixed',
        lines: block.fields.map((f) =>
          language === 'zh-CN' ? `${f.label}：${f.value}` : `${f.label}: ${f.value}`,
        ),
        endsSection: false,
      };
    case 'table':
      return { kind: 'table', table: block, shown: block.rows.length, caption: true };
    case 'signature':
      return {
        kind: 'fixed',
        lines: [...block.lines.flatMap((l) => l.split('\n')), block.date],
        endsSection: true,
      };
  }
}

/**
 * Where a sentence ends: a Chinese full stop, or an English one before a space or the end (not the
 * point in "159.00"), with any closing quotes or brackets after it.
 */
const SENTENCE_END = /[。！？]+[”’」』）)]*|[.!?]+[”’"')]*(?=\s|$)/gu;

/** A text's sentences, each with its closing mark and the space before it, so they join back. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function lines(piece: Piece, language: DocumentModel['language']): string[] {
  switch (piece.kind) {
    case 'fixed':
      return [...piece.lines];
    case 'heading':
      return [piece.text];
    case 'units': {
      const text = piece.units.join(piece.separator).trimEnd();
      return text === '' ? [] : text.split('\n');
    }
    case 'table':
      return tableLines(piece, language);
  }
}

function render(pieces: readonly Piece[], language: DocumentModel['language'], compact: boolean) {
  const blocks: string[] = [];
  pieces.forEach((piece, i) => {
    if (compact && piece.kind === 'heading' && !piece.keep && sectionIsEmpty(pieces, i, language))
      return;
    const text = lines(piece, language).join('\n');
    if (text !== '') blocks.push(text);
  });
  return blocks.join(compact ? '\n' : '\n\n');
}

/** A heading whose section has been cut away says nothing and only takes room. */
function sectionIsEmpty(
  pieces: readonly Piece[],
  heading: number,
  language: DocumentModel['language'],
): boolean {
  for (const piece of pieces.slice(heading + 1)) {
    if (piece.kind === 'heading' || (piece.kind === 'fixed' && piece.endsSection)) return true;
    if (lines(piece, language).length > 0) return false;
  }
  return true;
}

/** One line per row, cells two spaces apart: what fits a form's single text box. */
function tableLines(piece: Table, language: DocumentModel['language']): string[] {
  const { table } = piece;
  const line = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').join('  ');
  const shown = table.rows.slice(0, piece.shown);
  const rest = table.rows.length - shown.length;
  return [
    ...(piece.caption && table.caption ? [table.caption] : []),
    // A header over no rows would label nothing.
    ...(shown.length > 0 || table.rows.length === 0
      ? [line(table.columns.map((c) => c.title))]
      : []),
    ...shown.map(line),
    ...(rest > 0
      ? [
          language === 'zh-CN'
            ? `……共 ${String(table.rows.length)} 笔，详见附件`
            : `... ${String(table.rows.length)} rows in all, see attachment`,
        ]
      : []),
    ...(table.footer ? [line(table.footer)] : []),
  ];
}

/**
 * Drops the last sentence, item or table row of the piece with the most of them to lose; false
 * when nothing is left to drop.
 */
function dropUnit(pieces: readonly Piece[]): boolean {
  let longest: Units | Table | null = null;
  let longestLength = 0;
  for (const piece of pieces) {
    const size = shortenableLength(piece);
    if (size > longestLength && (piece.kind === 'units' || piece.kind === 'table')) {
      longest = piece;
      longestLength = size;
    }
  }
  if (!longest) return false;
  if (longest.kind === 'units') longest.units.pop();
  else longest.shown -= 1;
  return true;
}

function shortenableLength(piece: Piece): number {
  if (piece.kind === 'units') return length(piece.units.join(piece.separator));
  if (piece.kind === 'table') {
    return piece.table.rows
      .slice(0, piece.shown)
      .reduce((sum, row) => sum + length(row.join('  ')), 0);
  }
  return 0;
}
