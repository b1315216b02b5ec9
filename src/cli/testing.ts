import { Writable } from 'node:stream';
import type { CliIo } from './io.js';

/** A CliIo that records what a command printed, for tests. */
export function captureIo(
  cwd: string,
  today = '2026-11-24',
): CliIo & { out: () => string; err: () => string } {
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  const sink = (into: Buffer[]) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        into.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        done();
      },
    });
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    cwd,
    interactive: false,
    today: () => today,
    out: () => Buffer.concat(chunks.out).toString('utf8'),
    err: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}
