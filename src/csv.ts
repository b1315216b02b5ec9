/**
 * One CSV cell as every CSV FeeGuard writes it: RFC 4180 quoting, and a text that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) defused with a
 * leading apostrophe — a filing reference "=HYPERLINK(…)" copied from a provider's answer must
 * stay text when the merchant opens the file in Excel or WPS. Plain numbers (-59.00) are left as
 * they are: they cannot be formulas.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const formula =
    typeof value === 'string' && /^[=+\-@\t\r]/u.test(text) && !/^[+-]?\d+(?:\.\d+)?$/u.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line, CRLF-terminated. */
export function csvRow(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
