import { createHash } from 'node:crypto';

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A manifest in `sha256sum` format, so `sha256sum -c` checks the unpacked files. */
export function manifest(entries: readonly { name: string; data: Buffer | string }[]): string {
  return entries.map((e) => `${sha256Hex(e.data)}  ${e.name}\n`).join('');
}
