import type { DecodedMeta, InputProblem, SourceMessage } from '../model.js';
import { decodeSample, decodeText, detectEncoding } from './encoding.js';
import { peek } from './peek.js';
import type { DecodedMessages } from './types.js';

const SNIFF_BYTES = 64 * 1024;

/**
 * Pasted notifications: one message per line, or — when messages run over several lines —
 * blocks separated by blank lines. Messages are numbered from 1.
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
    batches: readMessages(decodeText(stream, encoding), usesBlocks(sample)),
  };
}

/** Blocks when blank lines separate groups and at least one group has several lines. */
export function usesBlocks(sample: string): boolean {
  const groups = sample.replace(/\r/g, '').split(/\n[ \t\u3000]*\n/);
  return groups.length > 1 && groups.some((g) => g.trim().split('\n').length > 1);
}

async function* readMessages(
  text: AsyncIterable<string>,
  blocks: boolean,
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
    const trimmed = line.replace(/\r$/, '').trim();
    if (blocks) {
      if (trimmed === '') yield* flush();
      else block.push(trimmed);
    } else if (trimmed !== '') {
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
