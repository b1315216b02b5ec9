import type { DecodedMeta, InputProblem, SourceMessage } from '../model.js';
import { decodeSample, decodeText, detectEncoding } from './encoding.js';
import { peek } from './peek.js';
import type { DecodedMessages } from './types.js';

const SNIFF_BYTES = 64 * 1024;

/**
 * Pasted notifications: one message per line, or — when messages run over several lines —
 * blocks separated by blank lines or by lines such as `----` or `====`. When messages start
 * with a sender (【某某银行】, [Bank]) or a time stamp, a line without one continues the message
 * before it (one message over two lines). Messages are numbered from 1.
 */
export async function decodeSms(chunks: AsyncIterable<Uint8Array>): Promise<DecodedMessages> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  const sample = decodeSample(head, encoding);
  const meta: DecodedMeta = { format: 'sms', encoding };
  const problems: InputProblem[] = [];
  return {
    meta,
    problems,
    batches: readMessages(decodeText(stream, encoding), usesBlocks(sample), startsMarked(sample)),
  };
}

/** A line that only separates messages: `----`, `====`, `****`, `———` … */
export const SEPARATOR = /^[\s\u3000]*([-=*_~—─]|-{1,2}\s?){3,}[\s\u3000]*$/u;
/** The start of a message: a sender in brackets or a time stamp. */
export const MESSAGE_START =
  /^[\s\u3000]*(【[^】]{1,30}】|\[[^\]]{1,30}\]|\d{4}[-/.年]\d{1,2}|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2})/u;

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

/** A line that only says when (and from whom) a message came: `2024-04-01 14:55:37 发件人 95xxx`. */
function isStampLine(line: string): boolean {
  return (
    line.length <= 40 &&
    /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}/u.test(line) &&
    !NOTICE_MONEY.test(line) &&
    !/[【[]/u.test(line)
  );
}

async function* readMessages(
  text: AsyncIterable<string>,
  blocks: boolean,
  marked: boolean,
): AsyncIterable<SourceMessage[]> {
  let row = 0;
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
    const trimmed = line
      .replace(/\r$/, '')
      .replace(/^\uFEFF/u, '')
      .trim();
    if (trimmed === '' || SEPARATOR.test(trimmed)) {
      if (blocks || marked) yield* flush();
      return;
    }
    // a new sender or time stamp starts a new message, in a block as on its own line — except
    // after a bare time stamp line, which heads the message that follows it (phone exports)
    if (marked && MESSAGE_START.test(trimmed) && !block.every(isStampLine)) yield* flush();
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
