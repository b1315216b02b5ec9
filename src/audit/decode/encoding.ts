import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

/**
 * Text encodings of Chinese statement exports: UTF-8 (with or without a BOM) from modern apps,
 * GB18030/GBK from most provider portals and from Excel's "CSV" on a Chinese Windows. GB18030 is a
 * superset of GBK and GB2312, so one decoder reads all three.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(head: Uint8Array): boolean {
  return BOM.every((b, i) => head[i] === b);
}

/**
 * Valid UTF-8 is taken as UTF-8 (GBK text is almost never valid UTF-8 beyond a few bytes); anything
 * else is GB18030. A multi-byte character cut at the end of the sample is not held against UTF-8.
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (hasUtf8Bom(head)) return 'utf-8-bom';
  const utf16 = detectUtf16(head);
  if (utf16 !== null) return utf16;
  let end = head.length;
  // step back over an incomplete trailing sequence (at most 3 continuation bytes)
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = head[end - i] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      end -= i;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * UTF-16 (Excel's "Unicode 文本", phones' SMS exports): by its byte-order mark, or without one when
 * the zero bytes of ASCII characters leave no doubt — in the first 4 KiB, most odd bytes are zero
 * and almost no even ones (little-endian), or the other way round (big-endian).
 */
export function detectUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * iconv-lite is loaded for the first GB18030 or UTF-16 text, not with the module: loading it took
 * 60 ms of every start, and most statements are UTF-8.
 */
const loaded: { iconv?: typeof Iconv } = {};
function iconv(): typeof Iconv {
  loaded.iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return loaded.iconv;
}

/** True for the encodings read as bytes by the UTF-8 fast paths. */
export function isUtf8(encoding: TextEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

/** The text of a sample (the head of a file), its byte-order mark dropped. */
export function decodeSample(head: Uint8Array, encoding: TextEncoding): string {
  if (isUtf8(encoding)) return new TextDecoder('utf-8').decode(head);
  return iconv().decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), encoding);
}

/** Decodes a byte stream to text chunks, never splitting a character. */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncIterable<string> {
  if (!isUtf8(encoding)) {
    // iconv-lite drops a UTF-16 byte-order mark and keeps a pair cut between chunks
    const decoder = iconv().getDecoder(encoding);
    for await (const chunk of chunks) {
      const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
