import { parse } from 'csv-parse';
import type { DecodedMeta, InputProblem, SourceRow } from '../model.js';
import { detectDelimiter } from './delimiter.js';
import { decodeText, detectEncoding } from './encoding.js';
import { peek } from './peek.js';
import type { DecodedTable } from './types.js';

/** A record longer than this is not a statement row; reading stops there with a warning. */
export const MAX_RECORD_BYTES = 1 << 20;
const SNIFF_BYTES = 64 * 1024;

/**
 * CSV/TXT: encoding and delimiter detected from the first 64 KiB, then streamed through csv-parse
 * (RFC 4180 quoting, quoted newlines, mixed CRLF/LF). Rows are numbered by record, as a
 * spreadsheet shows them; blank lines keep their numbers.
 */
export async function decodeCsv(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): Promise<DecodedTable> {
  const { head, stream } = await peek(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  const sample = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(head);
  const delimiter = detectDelimiter(sample);
  const meta: DecodedMeta = { format: 'csv', encoding, delimiter };
  const problems: InputProblem[] = [];
  return {
    meta,
    problems,
    rows: readRows(decodeText(stream, encoding), delimiter, file, problems),
  };
}

async function* readRows(
  text: AsyncIterable<string>,
  delimiter: string,
  file: string,
  problems: InputProblem[],
): AsyncIterable<SourceRow> {
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const feed = (async () => {
    try {
      for await (const chunk of text) {
        if (!parser.write(chunk))
          await new Promise<void>((resolve) => parser.once('drain', resolve));
      }
    } finally {
      parser.end();
    }
  })();
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (error) {
    problems.push({
      file,
      row: row + 1,
      message: `第 ${row + 1} 行起无法继续读取，之后的内容未审计 (reading stopped here): ${describe(error)}`,
      detail: error instanceof Error ? error.message : String(error),
    });
    parser.destroy();
  }
  await feed.catch(() => undefined);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/max_record_size/i.test(message)) return '一行超过 1 MiB (a line longer than 1 MiB)';
  if (/quote/i.test(message)) return '引号未闭合 (an unclosed quote)';
  return message.slice(0, 120);
}
