import type { SourceRow } from '../model.js';

const BACKTICK = 0x60;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const QUOTE = 0x22;

/**
 * Characters that show nothing: zero-width spaces and joiners (U+200B–U+200D), direction marks
 * (U+200E, U+200F, U+202A–U+202E), the word joiner and invisible operators (U+2060–U+2064), a
 * byte-order mark inside the text (U+FEFF), the soft hyphen (U+00AD) and the Mongolian vowel
 * separator (U+180E). Copied out of web pages and chat apps they split a 手续费 in two where a
 * merchant sees one word, or a figure where he sees 13.85.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/u;
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu');

/**
 * A text as a person reads it: without the characters that show nothing, and then without the
 * white space (any Unicode space, no-break space U+00A0, ideographic space U+3000, tabs) around
 * it. A text with no such character is given back as it is, without a copy.
 */
export function cleanText(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLES, '').trim() : text;
}

/** A decoded piece of a file without its invisible characters (white space is left as it is). */
export function removeInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLES, '') : text;
}

/**
 * A value with the mark an export puts before it to keep a spreadsheet from reading it as a
 * number or a date: WeChat Pay's bills write every field as `` `2024-03-01 10:22:33 `` and
 * `` `100.00 ``, and many back-offices write `'6222…` or `'2024-03-01` (Excel's text prefix).
 * The mark is not part of the value: without it, the dates are dates and the amounts amounts.
 */
export function unmarkCell(text: string): string {
  const first = text.charCodeAt(0);
  if (first === EQUALS) return unformula(text);
  if (first !== BACKTICK && first !== APOSTROPHE) return text;
  const rest = text.slice(1);
  // a quoted word ('abc') or a lone mark is text as written
  if (rest === '' || rest.charCodeAt(rest.length - 1) === first) return text;
  return rest;
}

/**
 * Excel's other way to keep a value text: a formula that is a string constant, `="20250101"`,
 * `="822290058120345"`, written unquoted in a CSV (or `"=""…"""` quoted, which the splitter has
 * already undone). A spreadsheet shows the string, so a person reads a date, an amount, an id.
 * Anything else that starts with `=` (a real formula, `=A1+B1`, `="a"&"b"`) is left as written.
 */
function unformula(text: string): string {
  const n = text.length;
  if (n < 3 || text.charCodeAt(1) !== QUOTE || text.charCodeAt(n - 1) !== QUOTE) return text;
  const inner = text.slice(2, n - 1);
  // inside the constant a quote is doubled; a lone one means the text is not one constant
  const value = inner.replaceAll('""', '');
  if (value.includes('"')) return text;
  return inner.replaceAll('""', '"');
}

/**
 * The rows with their cells' invisible characters (see {@link cleanText}) and text marks removed
 * (in place: the rows are the decoder's own).
 */
export async function* unmarked(
  batches: AsyncIterable<readonly SourceRow[]>,
  /** The decoder removed the invisible characters already (a CSV's text, see csv.ts). */
  cleaned = false,
): AsyncIterable<readonly SourceRow[]> {
  for await (const batch of batches) {
    for (const row of batch) {
      const { cells } = row;
      for (let i = 0; i < cells.length; i++) {
        let cell = cells[i];
        if (typeof cell === 'string' && cell.length > 0) {
          if (!cleaned && INVISIBLE.test(cell)) cells[i] = cell = cleanText(cell);
          const first = cell.charCodeAt(0);
          if (first === BACKTICK || first === APOSTROPHE || first === EQUALS)
            cells[i] = unmarkCell(cell);
        }
      }
    }
    yield batch;
  }
}
