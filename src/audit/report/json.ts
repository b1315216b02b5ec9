import type { AuditReport } from './schema.js';

/**
 * The JSON report as pieces of text, joining to exactly `JSON.stringify(report, null, 2)` and a
 * line end. A module of its own: scripts and the bench ask for JSON, and the other formats'
 * modules (string widths for the table, the chart for HTML) took a twentieth of a second to load.
 */
export function* renderJsonChunks(report: AuditReport): Generator<string, void, undefined> {
  yield* batched(jsonPieces(report));
}

/**
 * Pieces of 16,384 characters: one write per finding would cost a system call each, and a piece
 * must stay below V8's large-object size (128 KiB; Chinese text takes two bytes a character) —
 * larger strings go straight to the old generation and stay there until a full collection, which
 * on a 90,000-finding report doubled the peak memory.
 */
const BATCH_CHARS = 1 << 14;
/** Pieces this large go on as they are (see `batched`). */
const LARGE_PIECE_CHARS = 1 << 11;

function* batched(pieces: Iterable<string>): Generator<string, void, undefined> {
  let buffer = '';
  for (const piece of pieces) {
    // a piece that is large already (a run of findings) goes as it is: joined to others, it
    // would be copied once more when written (80 MB on the bench report)
    if (piece.length >= LARGE_PIECE_CHARS) {
      if (buffer !== '') yield buffer;
      buffer = '';
      yield piece;
      continue;
    }
    buffer += piece;
    if (buffer.length >= BATCH_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** `JSON.stringify(value, null, 2)` of a plain object, one array element at a time. */
function* jsonPieces(value: Record<string, unknown>): Generator<string, void, undefined> {
  const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);
  const entries = Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
  );
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (const [i, [key, v]] of entries.entries()) {
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(v) && v.length > 0) {
      yield '[';
      const items = v as unknown[];
      for (let j = 0; j < items.length; j += ELEMENTS_PER_CALL) {
        if (j > 0) yield ',';
        yield elementsJson(items.slice(j, j + ELEMENTS_PER_CALL));
      }
      yield '\n  ]';
    } else {
      yield indent(JSON.stringify(v, null, 2), '  ');
    }
  }
  yield '\n}\n';
}

/** Array elements written by one native call (about 17,000 characters of findings). */
const ELEMENTS_PER_CALL = 32;

/**
 * Array elements as `JSON.stringify(report, null, 2)` writes them inside a top-level key (`\n`,
 * four spaces, the element; `,` between): written nested in a wrapper one level down, which
 * gives them that indentation, and the wrapper cut off. One call per element (then re-indenting)
 * cost a fifth more for a report of 90,000 findings; the whole array in one call would be one
 * string of 100 MB.
 */
function elementsJson(items: readonly unknown[]): string {
  const text = JSON.stringify({ a: items }, null, 2);
  return text.slice(WRAPPER_START.length, -WRAPPER_END.length);
}

const WRAPPER_START = '{\n  "a": [';
const WRAPPER_END = '\n  ]\n}';
