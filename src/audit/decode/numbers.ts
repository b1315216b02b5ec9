/**
 * A spreadsheet number as exact decimal text, the way the cell shows it: binary floating point
 * leaves artifacts (0.1 + 0.2 = 0.30000000000000004) that Excel hides by showing 15 significant
 * digits, and so does this. The money parser then reads the text like any typed amount.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  // very small or very large: plain digits, no exponent
  return Math.abs(rounded) >= 1 ? rounded.toFixed(0) : rounded.toFixed(20).replace(/\.?0+$/, '');
}
