import iconv from 'iconv-lite';

/**
 * Text encodings of Chinese statement exports: UTF-8 (with or without a BOM) from modern apps,
 * GB18030/GBK from most provider portals and from Excel's "CSV" on a Chinese Windows. GB18030 is a
 * superset of GBK and GB2312, so one decoder reads all three.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

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

/** Decodes a byte stream to text chunks, never splitting a character. */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncIterable<string> {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
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
