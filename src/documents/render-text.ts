import type { Block, DocumentModel, TableBlock } from './model.js';

/**
 * Plain text for pasting into an online complaint form. Forms cap the length, so the text can be
 * fitted to a limit: first blank lines go, then the table is cut to its first rows with a count
 * of the rest, then the longest paragraphs lose sentences from their end. The title, the
 * parties, the demands, the total and the date are never cut.
 */
export interface TextOptions {
  /** The form's limit in characters (Unicode code points). */
  readonly maxChars?: number;
}

export interface RenderedText {
  readonly text: string;
  readonly truncated: boolean;
  readonly chars: number;
}

/** A block's lines, and whether its text may be shortened to fit a form. */
interface Piece {
  lines: string[];
  readonly cuttable: boolean;
}

export function renderText(doc: DocumentModel, options: TextOptions = {}): RenderedText {
  const pieces = toPieces(doc, Number.POSITIVE_INFINITY);
  const full = join(pieces, '\n\n');
  const limit = options.maxChars;
  if (limit === undefined || length(full) <= limit) {
    return { text: full, truncated: false, chars: length(full) };
  }
  // 1. Without blank lines between blocks.
  let text = join(pieces, '\n');
  // 2. The table shortened to fewer and fewer rows.
  const tableRows = Math.max(0, ...doc.blocks.map((b) => (b.kind === 'table' ? b.rows.length : 0)));
  for (let rows = Math.min(tableRows, 10); length(text) > limit && rows >= 0; rows--) {
    text = join(toPieces(doc, rows), '\n');
  }
  // 3. Sentences dropped from the end of the longest cuttable paragraphs.
  const compact = toPieces(doc, 0);
  while (length(text) > limit && dropSentence(compact)) text = join(compact, '\n');
  // 4. Nothing left to cut gracefully.
  if (length(text) > limit)
    text = `${Array.from(text)
      .slice(0, limit - 1)
      .join('')}…`;
  return { text, truncated: true, chars: length(text) };
}

/** Characters as forms count them: Unicode code points, not UTF-16 units. */
function length(text: string): number {
  return Array.from(text).length;
}

function join(pieces: readonly Piece[], separator: string): string {
  return pieces
    .filter((p) => p.lines.length > 0)
    .map((p) => p.lines.join('\n'))
    .join(separator);
}

function toPieces(doc: DocumentModel, maxTableRows: number): Piece[] {
  const head: Piece = {
    lines: [doc.title, ...(doc.subtitle ? [doc.subtitle] : [])],
    cuttable: false,
  };
  return [head, ...doc.blocks.map((b) => blockPiece(b, doc.language, maxTableRows))];
}

function blockPiece(block: Block, language: DocumentModel['language'], maxRows: number): Piece {
  switch (block.kind) {
    case 'heading':
      return { lines: [block.text], cuttable: false };
    case 'paragraph':
      return { lines: [block.text], cuttable: true };
    case 'note':
      return { lines: [`※ ${block.text}`], cuttable: true };
    case 'list':
      return {
        lines: block.items.map((item, i) =>
          block.ordered ? `${String(i + 1)}. ${item}` : `- ${item}`,
        ),
        cuttable: false,
      };
    case 'fields':
      return {
        lines: block.fields.map((f) =>
          language === 'zh-CN' ? `${f.label}：${f.value}` : `${f.label}: ${f.value}`,
        ),
        cuttable: false,
      };
    case 'table':
      return { lines: tableLines(block, language, maxRows), cuttable: false };
    case 'signature':
      return { lines: [...block.lines.flatMap((l) => l.split('\n')), block.date], cuttable: false };
  }
}

/** One line per row, cells two spaces apart: what fits a form's single text box. */
function tableLines(
  table: TableBlock,
  language: DocumentModel['language'],
  maxRows: number,
): string[] {
  const line = (cells: readonly string[]) => cells.filter((c) => c !== '').join('  ');
  const shown = table.rows.slice(0, maxRows);
  const rest = table.rows.length - shown.length;
  return [
    ...(table.caption ? [table.caption] : []),
    line(table.columns.map((c) => c.title)),
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

/** A full stop in Chinese, or an English one followed by a space (not the point in "159.00"). */
const SENTENCE_END = /[。！？]|[.!?](?=\s)/gu;

/** Drops the last sentence of the longest cuttable piece; false when nothing is left to drop. */
function dropSentence(pieces: Piece[]): boolean {
  let longest: Piece | null = null;
  for (const piece of pieces) {
    if (!piece.cuttable || piece.lines.length === 0) continue;
    if (!longest || length(piece.lines.join('')) > length(longest.lines.join(''))) longest = piece;
  }
  if (!longest) return false;
  const text = longest.lines.join('\n').trimEnd();
  // The end of the sentence before the last one, if there is one.
  let cut = -1;
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match.index + match[0].length < text.length) cut = match.index + match[0].length;
  }
  longest.lines = cut === -1 ? [] : [text.slice(0, cut)];
  return true;
}
