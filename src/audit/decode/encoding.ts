import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

/**
 * Text encodings of Chinese statement exports: UTF-8 (with or without a BOM) from modern apps,
 * GB18030/GBK from most provider portals and from Excel's "CSV" on a Chinese Windows. GB18030 is a
 * superset of GBK and GB2312, so one decoder reads all three.
 */
export type TextEncoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'gb18030'
  /** GB18030 text behind a UTF-8 byte-order mark (a GBK export an editor "saved as UTF-8"): the mark is dropped. */
  | 'gb18030-bom'
  | 'utf-16le'
  | 'utf-16be';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(head: Uint8Array): boolean {
  return BOM.every((b, i) => head[i] === b);
}

/**
 * Valid UTF-8 is taken as UTF-8 (GBK text is almost never valid UTF-8 beyond a few bytes); anything
 * else is GB18030. A multi-byte character cut at the end of the sample is not held against UTF-8.
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (hasUtf8Bom(head)) {
    // a byte-order mark says UTF-8; the bytes after it may say otherwise: GBK text behind the mark
    // is read as GB18030 (UTF-8 is kept while the rest is not valid GB18030 either)
    if (validUtf8(head, BOM.length)) return 'utf-8-bom';
    return validGb18030(head.subarray(BOM.length)) ? 'gb18030-bom' : 'utf-8-bom';
  }
  const utf16 = detectUtf16(head);
  if (utf16 !== null) return utf16;
  return validUtf8(head, 0) ? 'utf-8' : 'gb18030';
}

/** Whether the bytes from `from` are UTF-8, a character cut at the end of the sample allowed. */
function validUtf8(head: Uint8Array, from: number): boolean {
  let end = head.length;
  // step back over an incomplete trailing sequence (at most 3 continuation bytes)
  for (let i = 1; i <= 3 && end - i >= from; i++) {
    const byte = head[end - i] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      end -= i;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(from, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether bytes read as GB18030 without a replacement character (a character cut at the end of
 * the sample allowed): GBK's two-byte and GB18030's four-byte sequences, nothing else.
 */
function validGb18030(bytes: Uint8Array): boolean {
  const text = iconv().decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    'gb18030',
  );
  const bad = text.indexOf('\uFFFD');
  return bad < 0 || bad >= text.length - 2;
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

/** The name iconv-lite decodes an encoding by, and the bytes of a mark to drop before it. */
function decoderOf(encoding: TextEncoding): { name: string; skip: number } {
  return encoding === 'gb18030-bom'
    ? { name: 'gb18030', skip: BOM.length }
    : { name: encoding, skip: 0 };
}

/** What the merchant is told when the bytes behind a UTF-8 byte-order mark were GB18030. */
export const GB18030_BEHIND_BOM =
  '文件开头的编码标记与内容不符：内容是国标（GB18030/GBK）编码，已按国标编码读取';

/** True for the encodings read as bytes by the UTF-8 fast paths. */
export function isUtf8(encoding: TextEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

/** The text of a sample (the head of a file), its byte-order mark dropped. */
export function decodeSample(head: Uint8Array, encoding: TextEncoding): string {
  if (isUtf8(encoding)) return new TextDecoder('utf-8').decode(head);
  const { name, skip } = decoderOf(encoding);
  const bytes = head.subarray(Math.min(skip, head.byteLength));
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}

/** Decodes a byte stream to text chunks, never splitting a character. */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncIterable<string> {
  if (!isUtf8(encoding)) {
    // iconv-lite drops a UTF-16 byte-order mark and keeps a pair cut between chunks
    const { name, skip } = decoderOf(encoding);
    let skipping = skip;
    const decoder = iconv().getDecoder(name);
    for await (const whole of chunks) {
      // the byte-order mark in front of GB18030 text (it may come split over the first chunks)
      const dropped = Math.min(skipping, whole.byteLength);
      skipping -= dropped;
      const chunk = whole.subarray(dropped);
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
