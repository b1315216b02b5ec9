import { parseDateCell } from '../dates.js';
import type { DecodedMeta, InputProblem, SourceMessage } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import { decodeSample, decodeText, detectEncoding, GB18030_BEHIND_BOM } from './encoding.js';
import { cleanText } from './markers.js';
import { peek } from './peek.js';
import type { DecodedMessages } from './types.js';

const SNIFF_BYTES = 64 * 1024;

/**
 * Pasted notifications: one message per line, or — when messages run over several lines —
 * blocks separated by blank lines or by lines such as `----` or `====`. When messages start
 * with a sender (【某某银行】, [Bank]) or a time stamp, a line without one continues the message
 * before it (one message over two lines). Messages are numbered from 1.
 */
export async function decodeSms(
  chunks: AsyncIterable<Uint8Array>,
  file = '',
): Promise<DecodedMessages> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  const sample = decodeSample(head, encoding);
  const meta: DecodedMeta = { format: 'sms', encoding };
  const problems: InputProblem[] =
    encoding === 'gb18030-bom' ? [{ file, message: GB18030_BEHIND_BOM }] : [];
  const lines = sample.split(/\r?\n/u).filter((l) => l.trim() !== '');
  const delimiter = detectDelimiter(sample);
  const table = messageTable(lines.slice(0, 100), delimiter) ? delimiter : null;
  return {
    meta,
    problems,
    batches: readMessages(
      decodeText(stream, encoding),
      table === null && usesBlocks(sample),
      table === null && startsMarked(sample),
      table,
    ),
  };
}

/** A line's fields, a delimiter inside double quotes ("RMB5,410.98 settled") not splitting them. */
export function splitFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] ?? '';
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/** A field that says when a message came: a date with a time of day, in any zone. */
function isWhen(field: string): boolean {
  return /\d{1,2}:\d{2}/u.test(field) && field.length <= 35 && parseDateCell(field) !== null;
}

/** A figure with decimals (12.00, 1,234.5): a statement's amount column, never a sender. */
const DECIMAL = /^[-+]?[¥￥]?[\d,]*\.\d{1,2}$/u;

/**
 * One row of a phone's message export (`2024-04-01T10:42:13+00:00<TAB>95193<TAB>【通联支付】…收款
 * 1678.64元，手续费10.07元。`): a time stamp, a sender, and one long text that carries the money.
 * A statement's row also has a date and a description, but it keeps its amounts in columns of their
 * own; a message export has no figure outside its text (a sender's number has no decimals).
 */
function isMessageRow(fields: readonly string[]): boolean {
  if (fields.length < 2 || fields.length > 4) return false;
  const when = fields.filter(isWhen).length;
  const texts = fields.filter((f) => f.length >= 15 && NOTICE_MONEY.test(f) && !isWhen(f));
  return when === 1 && texts.length === 1 && !fields.some((f) => DECIMAL.test(f));
}

/**
 * Whether delimited lines are an export of messages rather than a statement: (nearly) every line,
 * after a possible header, is a message row. Such a file is read as messages, each row one.
 */
export function messageTable(lines: readonly string[], delimiter: string): boolean {
  const rows = lines.map((l) => splitFields(l, delimiter));
  // a header (时间, 号码, 内容) names the columns; the last line of a sample may be cut short
  const body = rows.slice(rows[0] !== undefined && isMessageRow(rows[0]) ? 0 : 1, -1);
  if (body.length < 3) return false;
  return body.filter(isMessageRow).length >= body.length * 0.8;
}

/** A line that only separates messages: `----`, `====`, `****`, `———` … */
export const SEPARATOR = /^[\s\u3000]*([-=*_~—─]|-{1,2}\s?){3,}[\s\u3000]*$/u;
/**
 * The start of a message: a sender in brackets or a time stamp — a year, month and the separator
 * before the day, so that an amount wrapped onto the next line (6507.57元已出款) continues its message.
 */
export const MESSAGE_START =
  /^[\s\u3000]*(【[^】]{1,30}】|\[[^\]]{1,30}\]|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2})/u;

/** Money in a notice: ¥12.00, 12.00元, CNY 12.00, RMB 12, 12.00 yuan. */
const NOTICE_MONEY = /[¥￥]\s*\d|\d(?:\.\d+)?\s*(?:元|yuan)|\b(?:cny|rmb)\s*\d/iu;

/**
 * How the lines of a text look like notices: `sent` is the share that start with a sender in
 * brackets (【某某银行】, [ABC Pay]) — a notice even when its commas make it look like a CSV row —
 * and `money` the share that start so or carry money.
 */
export function noticeShares(lines: readonly string[]): { sent: number; money: number } {
  if (lines.length === 0) return { sent: 0, money: 0 };
  const sender = /^\s*(【[^】]{1,30}】|\[[^\]]{1,30}\])/u;
  const sent = lines.filter((l) => sender.test(l)).length;
  const money = lines.filter((l) => sender.test(l) || NOTICE_MONEY.test(l)).length;
  return { sent: sent / lines.length, money: money / lines.length };
}

/** Blocks when blank or separator lines separate groups and at least one group has several lines. */
export function usesBlocks(sample: string): boolean {
  const lines = sample.replace(/\r/g, '').split('\n');
  const groups: number[] = [0];
  for (const line of lines) {
    if (line.trim() === '' || SEPARATOR.test(line)) {
      if ((groups[groups.length - 1] ?? 0) > 0) groups.push(0);
    } else groups[groups.length - 1] = (groups[groups.length - 1] ?? 0) + 1;
  }
  const filled = groups.filter((n) => n > 0);
  return filled.length > 1 && filled.some((n) => n > 1);
}

/** Messages start with a sender or a time stamp when the first one does. */
export function startsMarked(sample: string): boolean {
  const first = sample
    .replace(/^\uFEFF/u, '')
    .split('\n')
    .find((l) => l.trim() !== '' && !SEPARATOR.test(l));
  return first !== undefined && MESSAGE_START.test(first);
}

/**
 * A line that only says when (and from whom) a message came: `2024-04-01 14:55:37 发件人 95xxx`, or
 * a phone backup's instant in UTC, `2024-02-29T16:20:51Z  95516`.
 */
function isStampLine(line: string): boolean {
  return (
    line.length <= 48 &&
    /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*|T)\d{1,2}:\d{2}/u.test(line) &&
    !NOTICE_MONEY.test(line) &&
    !/[【[]/u.test(line)
  );
}

async function* readMessages(
  text: AsyncIterable<string>,
  blocks: boolean,
  marked: boolean,
  /** The delimiter of a message export (time stamp, sender, text a row), else null. */
  table: string | null = null,
): AsyncIterable<SourceMessage[]> {
  let row = 0;
  let first = true;
  let pending = '';
  let block: string[] = [];
  const flush = function* (): Generator<SourceMessage> {
    if (block.length > 0) {
      row += 1;
      yield { row, text: block.join('\n') };
      block = [];
    }
  };
  const take = function* (line: string): Generator<SourceMessage> {
    // invisible characters (a zero-width space inside 流量费, a byte-order mark) removed
    let trimmed = cleanText(line.replace(/\r$/, '')).trim();
    if (table !== null && trimmed !== '') {
      const fields = splitFields(trimmed, table);
      const header = first && !fields.some(isWhen);
      first = false;
      if (header) return;
      trimmed = fields.filter((f) => f !== '').join(' ');
    }
    if (trimmed === '' || SEPARATOR.test(trimmed)) {
      if (blocks || marked) yield* flush();
      return;
    }
    // a new sender or time stamp starts a new message, in a block as on its own line — except
    // after a bare time stamp line, which heads the message that follows it (phone exports), and
    // a bare time stamp line after a message without one in a block: it dates that message (a
    // backup that writes the time under the text)
    const stampAfter =
      blocks && isStampLine(trimmed) && block.length > 0 && !block.some(isStampLine);
    if (marked && MESSAGE_START.test(trimmed) && !block.every(isStampLine) && !stampAfter)
      yield* flush();
    if (blocks || marked) block.push(trimmed);
    else {
      row += 1;
      yield { row, text: trimmed };
    }
  };
  for await (const chunk of text) {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const batch = lines.flatMap((line) => [...take(line)]);
    if (batch.length > 0) yield batch;
  }
  const last = [...take(pending), ...flush()];
  if (last.length > 0) yield last;
}
