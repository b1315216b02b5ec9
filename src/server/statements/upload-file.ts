import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload written to a temporary file, with what storage needs to keep it. */
export interface UploadFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** True when the stream was cut at the size limit: the file is incomplete. */
  readonly truncated: boolean;
}

/** Names of upload files, so a count of what is left in the temporary directory can find them. */
export const UPLOAD_FILE_PREFIX = 'feeguard-upload-';

/** A fresh name in a temporary directory (the server's `uploadTempDir`), not yet created. */
export function uploadFilePath(dir: string): string {
  return path.join(dir, `${UPLOAD_FILE_PREFIX}${randomUUID()}`);
}

/**
 * Writes a stream to a temporary file, hashing it on the way, so an upload never sits in memory
 * whole. The size limit itself is the multipart parser's (it stops the stream at the limit and
 * marks it truncated); `truncated` reports it. The caller owns the file and removes it with
 * {@link removeUploadFile} on every path, this function included when it fails.
 */
export async function writeUploadFile(
  source: Readable & { truncated?: boolean },
  file: string,
): Promise<UploadFile> {
  const hash = createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  // 'wx': never follow or overwrite something already at that name; 0o600: only this user.
  await pipeline(source, count, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return { path: file, size, sha256: hash.digest('hex'), truncated: source.truncated === true };
}

/** Removes an upload's temporary file; a file already gone is fine. */
export async function removeUploadFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
