import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Original statement files, kept content-addressed: the key is the SHA-256 of the bytes, so the
 * same export uploaded twice is stored once and any copy can be checked against its name. The
 * server only talks to this interface; local disk is the default, an object store fits behind it.
 */
export interface FileStorage {
  put(data: Buffer): Promise<{ sha256: string; size: number }>;
  /**
   * Keeps a copy of a file already on disk (an upload's temporary file) whose digest the caller
   * computed while writing it; the file itself stays the caller's to remove.
   */
  putFile(file: string, digest: { sha256: string; size: number }): Promise<void>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function localDiskStorage(root: string): FileStorage {
  const where = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new Error(`not a SHA-256 digest: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async put(data) {
      const sha256 = sha256Of(data);
      const file = where(sha256);
      try {
        await stat(file);
        return { sha256, size: data.length };
      } catch {
        // Written to a temporary name and renamed: a crash leaves no half-written file under
        // the digest's name, and two instances writing the same file end with the same bytes.
        await mkdir(path.dirname(file), { recursive: true });
        const temp = `${file}.${randomUUID()}.tmp`;
        await writeFile(temp, data, { flush: true });
        await rename(temp, file);
        return { sha256, size: data.length };
      }
    },
    async putFile(source, { sha256 }) {
      const file = where(sha256);
      try {
        await stat(file);
        return;
      } catch {
        // As put: a copy under a temporary name, flushed, then renamed.
        await mkdir(path.dirname(file), { recursive: true });
        const temp = `${file}.${randomUUID()}.tmp`;
        try {
          await copyFile(source, temp);
          const handle = await open(temp, 'r+');
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
          await rename(temp, file);
        } catch (error) {
          await rm(temp, { force: true });
          throw error;
        }
      }
    },
    get: (sha256) => readFile(where(sha256)),
    async has(sha256) {
      try {
        await stat(where(sha256));
        return true;
      } catch {
        return false;
      }
    },
  };
}
