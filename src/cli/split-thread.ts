import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PIECE_BYTES } from '../audit/decode/csv.js';
import type { RecordSplitter } from '../audit/decode/index.js';
import { RecordBatch, Utf8Fields, type RecordBatchParts } from '../audit/decode/records.js';
import type { SplitProblem } from '../audit/decode/splitter.js';
import { FeeGuardError } from '../errors.js';

/**
 * A large UTF-8 statement is split into records on a second thread while this one reads its
 * lines and gives them their verdicts. The thread reads the file itself, by its path, a piece at a
 * time, each piece into a buffer of its own, and the records come back as field positions in
 * typed arrays with those bytes, moved, not copied (RecordBatch.parts): nothing is made twice,
 * and this thread neither reads the file nor sends it across. Only the CLI does this: a server
 * audit already runs on a thread of the server's pool (FEEGUARD_AUDIT_WORKERS), which must stay
 * the number of threads.
 */

/** Files at least this large are split on a second thread (`FEEGUARD_SPLIT_THREAD_MB`). */
export const SPLIT_THREAD_MIN_MB = 8;
/** What this thread sends: the file and how to split it, then `taken` for each batch it has read. */
export type SplitRequest =
  | {
      kind: 'start';
      file: string;
      delimiter: string;
      bom: boolean;
      /** The size of the pieces read (PIECE_BYTES; smaller in tests, to cut records across). */
      pieceBytes: number;
    }
  | { kind: 'taken' };

/** What the splitting thread sends back, in order. */
export type SplitMessage =
  { kind: 'batch'; parts: RecordBatchParts; problems: SplitProblem[] } | { kind: 'done' };

/** The built worker script beside this module, or null (running from the TypeScript source). */
export function splitThreadScript(): string | null {
  const file = fileURLToPath(new URL('./split-thread.worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

/** The size from which a file is split on a second thread, in bytes: the environment's, or 8 MB. */
export function splitThreadMinBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['FEEGUARD_SPLIT_THREAD_MB'];
  if (raw === undefined || raw.trim() === '') return SPLIT_THREAD_MIN_MB * 1024 * 1024;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new FeeGuardError(
      'FG_ERR_USAGE',
      `环境变量 FEEGUARD_SPLIT_THREAD_MB 的值无效：'${raw}'`,
      {
        hint: 'set FEEGUARD_SPLIT_THREAD_MB to a number of megabytes (0: every file), or unset it',
      },
    );
  }
  return value * 1024 * 1024;
}

/**
 * Whether a second thread is likely to find a core: the load average of the last minute below
 * the cores plus one. Measured on two cores with the bench statement: at a load of 2.5 the thread
 * saved 0.1 s; at 6 to 8 the two threads shared what was left of one core and took 0.3 s longer,
 * the cost of the crossing on top.
 */
export function coreToSpare(
  load: number = loadavg()[0] ?? 0,
  cores: number = availableParallelism(),
): boolean {
  return cores > 1 && load < cores + 1;
}

/**
 * A splitter for the file at `file`, running on a worker thread started now (it loads its code
 * while this one reads the contract): it does not keep the process alive until records are asked
 * for, and it serves that one file. The bytes it is handed are that file's from its start
 * (decodeCsv's stream, the file's first chunk already read to tell its encoding): they are not
 * read, the thread reads the file, and the stream is closed.
 */
export function splitOnThread(
  script: string,
  file: string,
  pieceBytes: number = PIECE_BYTES,
): RecordSplitter {
  const worker = new Worker(script);
  worker.unref();
  // an error before the records are asked for is kept for then
  const early: { error?: Error } = {};
  const keep = (error: Error) => {
    early.error ??= error;
  };
  worker.on('error', keep);
  return (chunks, options, report) => {
    worker.off('error', keep);
    const start: SplitRequest = {
      kind: 'start',
      file: path.resolve(file),
      delimiter: options.delimiter,
      bom: options.bom,
      pieceBytes,
    };
    return records(worker, early.error, chunks, start, report);
  };
}

type Arrival = SplitMessage | { kind: 'error'; error: Error };

async function* records(
  worker: Worker,
  early: Error | undefined,
  chunks: AsyncIterable<Uint8Array>,
  start: SplitRequest,
  report: (found: SplitProblem[]) => void,
): AsyncIterable<RecordBatch> {
  await chunks[Symbol.asyncIterator]().return?.();
  if (early) throw early;
  worker.ref();
  const texts = new Utf8Fields();
  const arrived: Arrival[] = [];
  const state = { wake: null as (() => void) | null };
  const arrive = (a: Arrival) => {
    arrived.push(a);
    state.wake?.();
    state.wake = null;
  };
  worker.on('message', (message: SplitMessage) => {
    arrive(message);
  });
  worker.once('error', (error: Error) => {
    arrive({ kind: 'error', error });
  });
  worker.once('exit', (code) => {
    arrive({
      kind: 'error',
      error: new Error(`the splitting thread stopped with code ${String(code)}`),
    });
  });
  const taken: SplitRequest = { kind: 'taken' };
  try {
    worker.postMessage(start);
    for (;;) {
      const next = arrived.shift();
      if (next === undefined) {
        await new Promise<void>((resolve) => (state.wake = resolve));
        continue;
      }
      if (next.kind === 'error') throw next.error;
      if (next.kind === 'done') return;
      report(next.problems);
      if (next.parts.count > 0) yield RecordBatch.of(next.parts, texts);
      // read: the thread may read one more piece ahead
      worker.postMessage(taken);
    }
  } finally {
    void worker.terminate();
  }
}
