import type { Fen } from './model.js';

/**
 * Money parsing and formatting. Amounts go from text straight to integer fen, digit by digit,
 * with no binary floating-point step, so a claim never depends on `0.1 + 0.2`.
 */

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;
const HAS_WIDE = /[\uff01-\uff5e\u3000]/u;

/** Folds full-width digits and punctuation (０-９ ． ， － ＋ （ ）) to ASCII. */
export function foldWidth(text: string): string {
  if (!HAS_WIDE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const CURRENCY = /^(?:¥|￥|rmb|cny|人民币)\s*|\s*(?:元|rmb|cny)$/giu;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const NOTE = /(?<=[\d元])\([\u4e00-\u9fff]{1,8}\)$/u;

/**
 * Parses an amount as statements write it: `1,234.50`, `¥12.00`, `￥-3`, `12.00元`, `(45.00)`,
 * `−8`, `99.00-` (minus after the figure), full-width digits. Returns integer fen, or null when the text is not an amount.
 * Exactly three decimals (a fee computed to the 0.001 yuan) are rounded half-up to the fen; more
 * than three are accepted only when all past the second are zeros: 0.0060 is a rate, not money.
 */
export function parseYuanToFen(input: string): Fen | null {
  // most cells are plain `1022.00` or `-39.00`: read those digit by digit, without a regex
  const plain = parsePlain(input);
  if (plain !== null) return plain;
  let text = foldWidth(input).trim().replace(/\s+/g, '');
  if (text === '') return null;
  // a note after the figure, in words: 7.41元（含税）, 99.00（不含税）
  if (text.endsWith(')')) text = text.replace(NOTE, '');
  let negative = false;
  // the currency may stand outside the parentheses of a negative amount: `(530.30)元`, `¥(8.00)`
  text = text.replace(CURRENCY, '');
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(CURRENCY, '');
  const sign = /^[-+−–]/u.exec(text);
  if (sign) {
    negative = negative !== (sign[0] !== '+');
    text = text.slice(sign[0].length).replace(CURRENCY, '');
  } else {
    // 1,234.56- : bank systems that print the sign after the figure
    const after = /\d[-−–]$/u.exec(text);
    if (after) {
      negative = !negative;
      text = text.slice(0, -1);
    }
  }
  const match = /^(\d[\d,]*)?(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === undefined && (match[2] === undefined || match[2] === '')))
    return null;
  const whole = match[1] ?? '0';
  if (whole.includes(',') && !GROUPED.test(whole)) return null;
  const digits = whole.replace(/,/g, '');
  const decimals = match[2] ?? '';
  // a third decimal is a provider's fee to the 0.001 yuan (0.615 for 102.50 at 0.6 %): rounded
  // half-up to the fen, as the settled amount beside it was; more decimals are not money
  const mils = decimals.length === 3 ? Number(decimals.charAt(2)) : 0;
  if (decimals.length > 3 && /[1-9]/.test(decimals.slice(2))) return null;
  const fen = Number(digits) * 100 + Number((decimals + '00').slice(0, 2)) + (mils >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(fen)) return null;
  return negative && fen !== 0 ? -fen : fen;
}

const WAN = /^([-+−–]?)[¥￥]?(\d+)(?:\.(\d+))?万元?$/u;

/**
 * Reads `1.2万` (ten-thousands of yuan) to fen exactly, or null when the text is not in that form.
 * Not an amount by itself: a 万 misread (or a 万 the statement did not mean) is an accusation
 * 10,000 times too large, so the caller accepts it only where the row's own arithmetic confirms
 * it (layout/lines.ts). Digits below a fen (more than six decimals) are refused.
 */
export function parseWanToFen(input: string): Fen | null {
  const match = WAN.exec(foldWidth(input).trim().replace(/\s+/g, ''));
  if (!match) return null;
  const decimals = match[3] ?? '';
  if (decimals.length > 6) return null;
  const fen = Number(match[2]) * 1_000_000 + Number((decimals + '000000').slice(0, 6));
  if (!Number.isSafeInteger(fen)) return null;
  return match[1] !== '' && match[1] !== '+' && fen !== 0 ? -fen : fen;
}

/**
 * Converts a spreadsheet number cell to fen. The cell already went through binary floating
 * point in the file, so its shortest decimal text is what the author typed; that text is
 * rounded half-up to the fen.
 */
export function numberToFen(value: number): Fen | null {
  if (!Number.isFinite(value)) return null;
  const text = Math.abs(value).toFixed(6);
  const [whole = '0', frac = ''] = text.split('.');
  let fen = Number(whole) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2] ?? '0') >= 5) fen += 1;
  if (!Number.isSafeInteger(fen)) return null;
  return value < 0 && fen !== 0 ? -fen : fen;
}

/** Formats fen as a yuan string with exactly two decimals: `-1234` → `"-12.34"`. */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats fen with thousands separators for people: `123456` → `"1,234.56"`. */
export function formatFenGrouped(fen: Fen): string {
  const plain = formatFen(fen);
  const [whole = '0', frac = '00'] = plain.split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
}

/**
 * A percent such as `0.55` as an exact fraction of 1,000,000 (micro-percent), so that
 * `amount × percent / 100` can be done in integers.
 */
export function parsePercentMicro(value: number | string): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/%$/, '');
  const match = /^(\d+)(?:\.(\d{0,6}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 1_000_000 + Number(((match[2] ?? '') + '000000').slice(0, 6));
}

/**
 * The fee `amount × percent / 100`, capped by `capFen`, then rounded half-up to the fen
 * (the spec's order: cap first, then round). Exact integer arithmetic.
 */
export function percentOf(amountFen: Fen, percentMicro: number, capFen?: Fen): Fen {
  // fee in fen = amountFen × percentMicro / 1e6 / 100 = amountFen × percentMicro / 1e8
  const product = Math.abs(amountFen) * percentMicro;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(product * 2 + 100_000_000)) {
    if (capFen !== undefined && product >= capFen * 100_000_000) return capFen;
    return Math.floor((product * 2 + 100_000_000) / 200_000_000);
  }
  const numerator = BigInt(Math.abs(amountFen)) * BigInt(percentMicro);
  const denominator = 100_000_000n;
  if (capFen !== undefined && numerator >= BigInt(capFen) * denominator) return capFen;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** `-?digits(.d{1,2})?` straight to fen; null for anything else (the general parser decides). */
function parsePlain(text: string): Fen | null {
  const n = text.length;
  if (n === 0 || n > 17) return null;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let whole = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    digits++;
  }
  if (digits === 0) return null;
  let frac = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return null;
    const a = text.charCodeAt(i + 1) - 48;
    const b = n - i - 1 === 2 ? text.charCodeAt(i + 2) - 48 : 0;
    if (a < 0 || a > 9 || b < 0 || b > 9) return null;
    frac = a * 10 + b;
  }
  const fen = whole * 100 + frac;
  return negative && fen !== 0 ? -fen : fen;
}

/**
 * {@link parsePlain} of text given as its ASCII bytes (a CSV field read from the file's bytes):
 * the same digits, the same arithmetic, so the same fen.
 */
export function parsePlainBytes(bytes: Uint8Array, start: number, end: number): Fen | null {
  const n = end - start;
  if (n === 0 || n > 17) return null;
  let i = start;
  let negative = false;
  if (bytes[start] === 45) {
    negative = true;
    i = start + 1;
  }
  let whole = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = (bytes[i] ?? 0) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    digits++;
  }
  if (digits === 0) return null;
  let frac = 0;
  if (i < end) {
    if (bytes[i] !== 46 || end - i - 1 < 1 || end - i - 1 > 2) return null;
    const a = (bytes[i + 1] ?? 0) - 48;
    const b = end - i - 1 === 2 ? (bytes[i + 2] ?? 0) - 48 : 0;
    if (a < 0 || a > 9 || b < 0 || b > 9) return null;
    frac = a * 10 + b;
  }
  const fen = whole * 100 + frac;
  return negative && fen !== 0 ? -fen : fen;
}
