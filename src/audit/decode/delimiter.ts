/**
 * Which character separates the fields: the candidate that splits the most lines into the same
 * number of fields. Preamble lines (商户名称：…,,,,,,,) usually agree with the table; where they do
 * not, the table's many lines outvote them.
 */
export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Whether the tab at `at` is followed by nothing but spaces up to a comma or the line's end. */
function paddingTab(line: string, at: number): boolean {
  let j = at + 1;
  while (line[j] === ' ') j++;
  return j === line.length || line[j] === ',';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      // a tab after a value and before a comma (or the line's end), with at most spaces between,
      // is padding, not a field separator: an Alipay bill writes `2024-03-05 10:22:33\t,745.69\t,`
      // to keep digits as text, other exports pad every cell as `745.69 \t ,`
      if (ch === '\t' && paddingTab(line, i)) continue;
      count += 1;
    }
  }
  return count;
}

export function detectDelimiter(sample: string): Delimiter {
  const lines = sample
    .split(/\r?\n/)
    .slice(0, 200)
    .filter((l) => l.trim() !== '');
  // the last line of a sample may be cut short
  if (lines.length > 1) lines.pop();
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, delimiter);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [fields, lineCount] of counts)
      score = Math.max(score, lineCount * Math.min(fields, 8));
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
