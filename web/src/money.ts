/** "159.00" → 15900: amounts from the API are yuan strings; sums are done in integer fen. */
export function yuanToFen(yuan: string): number {
  const negative = yuan.startsWith('-');
  const [whole = '0', fraction = ''] = yuan.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -fen : fen;
}

/** 15900 → "159.00", without floating point. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${String(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}
