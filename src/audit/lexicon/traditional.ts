import data from './traditional.json' with { type: 'json' };

/**
 * Traditional characters folded to simplified ones, where statement text is compared with the
 * lexicon and with header words: a Hong Kong, Taiwan or overseas back-office writes 服務費, 通訊費,
 * 保證金, 手續費, and the merchant means the same charge as 服务费, 通讯费, 保证金, 手续费. The table is
 * data (traditional.json, OpenCC's character table, with its source); one character for one, no
 * phrases: enough to match names, never used to rewrite the text a report shows.
 *
 * Measured against opencc-js's t2s converter (the same table plus phrases): that takes about 25 ms
 * of CPU to load and build on every start, this table under 1 ms, and folding a text costs a
 * look-up per character (the classifier folds each distinct text once).
 */
const SIMPLIFIED = new Uint16Array(0x10000);
for (const pair of data.pairs.split(' ')) SIMPLIFIED[pair.charCodeAt(0)] = pair.charCodeAt(1);

/** The first code unit that can be a traditional character in the table (CJK Extension A). */
const FIRST = 0x3400;

/** Whether a character is folded by {@link foldTraditional} (a traditional form in the table). */
export function isTraditional(char: string): boolean {
  return SIMPLIFIED[char.charCodeAt(0)] !== 0;
}

/** The text with each traditional character of the table in its simplified form. */
export function foldTraditional(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= FIRST && SIMPLIFIED[code] !== 0) break;
    i++;
  }
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    const simplified = code >= FIRST ? (SIMPLIFIED[code] ?? 0) : 0;
    out += simplified !== 0 ? String.fromCharCode(simplified) : text.charAt(i);
  }
  return out;
}
