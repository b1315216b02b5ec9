import { normalizeTerm, type Lexicon } from '../lexicon/lexicon.js';
import type { StatementLine } from '../model.js';
import { detach } from '../strings.js';
import type { Classification } from './classify.js';

/**
 * Texts that differ only in their digits — a refund naming its own order (原交易000017), a payout
 * its own serial — are classified once a shape, not once a text: the bench statement has 80,000
 * such refunds, each a full classification (about 3 µs) before.
 *
 * Sound, not hoped for: two texts of one shape (the same text with every ASCII digit read as 0)
 * get the same answer when no test `classifyLine` makes can tell their digits apart —
 * - a lexicon pattern without a digit of its own (`\d`, `.`, `[^，]` treat every digit alike)
 *   finds the same matches, at the same places, in both;
 * - a pattern written with digits (`d\+?0`, `[2345]g`, `2g流量费`) is one that "sees" digits: a
 *   text is shared only when no such pattern matches its type and description together (nor,
 *   then, any part of them: such a pattern has no anchor or look-around, see {@link digitSeeing});
 * - the texts cut out before scoring (the card network fee, a sale's fee, 网络服务费) would join
 *   what was apart: a text that has one is not shared;
 * - the answer's explanation quotes the text: an answer whose explanation has a digit is not
 *   shared (a refund's `类型“冲正”为退货/撤销` is; a payout's `文字“D0提现123”…` is not).
 * A lexicon whose patterns the first two points cannot be read from (a back-reference, a digit
 * written as an escape, an anchored pattern with digits) shares nothing.
 */
export class NumberedTexts {
  /** Masked type → masked description → the answer of each sign and fee slot, or NOT_SHARED. */
  private readonly shapes = new Map<string, Map<string, (Shared | undefined)[]>>();
  private size = 0;
  /** Any test that sees digits, or cuts out a part of the text; null: nothing is shared. */
  private readonly unsharing: RegExp | null;

  constructor(
    lexicon: Lexicon,
    private readonly classify: (line: StatementLine) => Shared,
  ) {
    const seeing = digitSeeing(lexicon);
    this.unsharing =
      seeing === null
        ? null
        : anyOf([...seeing, lexicon.cardNetwork, lexicon.saleFee, lexicon.networkAmbiguous]);
  }

  /** The line's classification, shared with the lines of its shape where that is sound. */
  classifyLine(line: StatementLine, slot: number): Shared {
    const { type, description } = line;
    const unsharing = this.unsharing;
    if (unsharing === null || (!HAS_DIGIT.test(type) && !HAS_DIGIT.test(description)))
      return this.classify(line);
    const maskedType = type.replace(DIGITS, '0');
    const maskedDescription = description.replace(DIGITS, '0');
    const slots = this.shapes.get(maskedType)?.get(maskedDescription);
    const known = slots?.[slot];
    if (known === NOT_SHARED) return this.classify(line);
    if (!blind(unsharing, type, description)) return this.classify(line);
    if (known !== undefined) return known;
    const answer = this.classify(line);
    const shared =
      HAS_ANY_DIGIT.test(answer.basis) || HAS_ANY_DIGIT.test(answer.weakReason ?? '')
        ? NOT_SHARED
        : answer;
    this.remember(maskedType, maskedDescription, slots, slot, shared);
    return answer;
  }

  private remember(
    type: string,
    description: string,
    known: (Shared | undefined)[] | undefined,
    slot: number,
    shared: Shared,
  ): void {
    if (known !== undefined) {
      known[slot] = shared;
      return;
    }
    if (this.size >= MAX_SHAPES) {
      this.shapes.clear();
      this.size = 0;
    }
    let byDescription = this.shapes.get(type);
    if (byDescription === undefined) {
      byDescription = new Map();
      this.shapes.set(detach(type), byDescription);
    }
    const slots: (Shared | undefined)[] = [];
    slots[slot] = shared;
    byDescription.set(detach(description), slots);
    this.size += 1;
  }
}

type Shared = Classification;

/** A shape whose answer is not shared (its explanation quotes a digit). */
const NOT_SHARED: Shared = Object.freeze({ kind: 'other', basis: '' });
/** Shapes remembered before the table is emptied: a statement has a few dozen. */
const MAX_SHAPES = 10_000;
const DIGITS = /[0-9]/gu;
const HAS_DIGIT = /[0-9]/u;
/** Any digit an explanation may quote: ASCII, full width (folded to ASCII by normalizeTerm). */
const HAS_ANY_DIGIT = /[0-9０-９]/u;

/**
 * No test that sees digits matches the texts, and nothing is cut out of them. Tried on type and
 * description together only: such a test, without anchor or look-around, that matches a part of
 * a text matches the whole.
 */
function blind(unsharing: RegExp, type: string, description: string): boolean {
  const t = normalizeTerm(type);
  const d = normalizeTerm(description);
  return !unsharing.test(t === '' ? d : d === '' ? t : `${t} ${d}`);
}

/**
 * One test for many, as the lexicon's are compiled (case-insensitive, Unicode); null if they are
 * compiled otherwise, or do not make one (two groups of one name).
 */
function anyOf(tests: readonly RegExp[]): RegExp | null {
  if (tests.some((re) => re.flags.replace('g', '') !== 'iu')) return null;
  try {
    return new RegExp(tests.map((re) => `(?:${re.source})`).join('|'), 'iu');
  } catch {
    return null;
  }
}

/**
 * The lexicon's patterns that can tell one digit from another, or null when that cannot be read
 * from their source: a back-reference (`\1`, `\k<…>`) compares digits with digits, an escape may
 * be a digit (`\x30`, `\u0030`, `\0`, `\c`), and a pattern with digits that is anchored or looks
 * around (`^`, `$`, `\b`, `(?=`, sticky) may match a part of a text and not the whole. Any other
 * pattern without a digit character (those of a `{3,4}` count aside) treats every digit alike.
 */
export function digitSeeing(lexicon: Lexicon): RegExp[] | null {
  const seeing: RegExp[] = [];
  for (const re of regexesOf(lexicon)) {
    const source = re.source;
    if (/\\(?:[1-9kxuc0])/u.test(source)) return null;
    const withoutCounts = source.replace(/\{\d+(?:,\d*)?\}/gu, '');
    if (!/[0-9]/u.test(withoutCounts)) continue;
    // (a class's `[^` is no anchor)
    const anchored = /[\^$]|\\[bB]|\(\?<?[=!]/u.test(withoutCounts.replaceAll('[^', '['));
    if (re.sticky || anchored) return null;
    seeing.push(re);
  }
  return seeing;
}

/** Every regular expression of the lexicon, wherever it is kept. */
function regexesOf(value: unknown): RegExp[] {
  if (value instanceof RegExp) return [value];
  if (value instanceof Map) return [...value.values()].flatMap(regexesOf);
  if (Array.isArray(value)) return value.flatMap(regexesOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(regexesOf);
  return [];
}
