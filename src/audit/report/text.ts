import stringWidth from 'string-width';

/** Pads to a display width, so Chinese (two columns per character) lines up in a terminal. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}

/** Cuts to a display width with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export interface Column {
  title: string;
  align?: 'left' | 'right';
  max?: number;
}

/** A plain-text table with display-width-aware alignment. */
export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const cells = rows.map((r) => r.map((c, i) => truncate(c, columns[i]?.max ?? 60)));
  const widths = columns.map((col, i) =>
    Math.max(stringWidth(col.title), ...cells.map((r) => stringWidth(r[i] ?? ''))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) =>
        columns[i]?.align === 'right' ? padStart(v, widths[i] ?? 0) : padEnd(v, widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.title)), rule, ...cells.map(line)].join('\n');
}
