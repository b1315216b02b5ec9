import { existsSync } from 'node:fs';
import os, { availableParallelism, loadavg, type CpuInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PIECE_BYTES } from '../audit/decode/csv.js';
import { splitHere, type RecordSplitter } from '../audit/decode/index.js';
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
/**
 * Batches read here before the thread is told (`taken`): it then reads that many pieces in one go
 * instead of waking for each (a wake-up is a switch between threads, costly on a busy machine).
 */
export const TAKEN_EVERY = 16;
/**
 * Batches the thread sends before it is told they were read: memory stays bounded (a batch is one
 * piece of the file, 64 KiB, and its fields), and a thread kept off its core for a moment by
 * other work on the machine finds batches waiting. More than {@link TAKEN_EVERY}, or both wait.
 */
const BATCHES_AHEAD = 3 * TAKEN_EVERY;

/** What this thread sends: the file and how to split it, then `taken` for batches it has read. */
export type SplitRequest =
  | {
      kind: 'start';
      file: string;
      delimiter: string;
      bom: boolean;
      /** The size of the pieces read (PIECE_BYTES; smaller in tests, to cut records across). */
      pieceBytes: number;
      /** Batches sent before any is taken. */
      ahead: number;
    }
  | { kind: 'taken'; batches: number };

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

/** The machine's CPU time so far, summed over its cores, in milliseconds: idle, and all. */
export interface CpuTimes {
  idle: number;
  total: number;
  cores: number;
}

export function cpuTimes(cpus: readonly CpuInfo[] = os.cpus()): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cores: cpus.length };
}

/**
 * CPU time, over all cores, a sample must span to be read (the kernel counts in ticks of 10 ms):
 * on two cores 50 ms, what the CLI takes from its start to the file's first records, and the idle
 * share is known to within a fifth of a core.
 */
const MIN_SAMPLE_MS = 100;
/** Idle cores, while this process ran, from which a second thread pays. */
const SPARE_CORE = 0.5;

/**
 * Whether a second thread is likely to find a core. From a sample when there is one long enough:
 * the cores left idle since `since`, while this process was starting on one of them — the machine
 * as it is now, where the load average is a mean of the last minute (and counts the programs that
 * just ended: in the bench, DuckDB on two threads right before). Without one, the load average of
 * the last minute below the cores plus one. Measured on two cores with the bench statement: the
 * thread costs about 1 s of CPU more in all and takes 1.5 s off this one's; when the other thread
 * has to share a core with other work, this one waits for its records and the audit is slower.
 */
export function coreToSpare(
  since: CpuTimes | null,
  now: CpuTimes = cpuTimes(),
  load: number = loadavg()[0] ?? 0,
  cores: number = availableParallelism(),
): boolean {
  if (cores < 2) return false;
  if (since !== null && now.cores === since.cores) {
    const total = now.total - since.total;
    if (total >= MIN_SAMPLE_MS) return ((now.idle - since.idle) / total) * now.cores >= SPARE_CORE;
  }
  return load < cores + 1;
}

/**
 * `thread` if `spare` says a core is to spare when the records are first read (the CLI asks
 * {@link coreToSpare}), else the splitting on this thread; the thread, then unused, is stopped.
 * Asked once: a reader may ask for the records more than once and read them once (decodeCsv).
 */
export function whereACoreIsSpare(thread: ThreadSplitter, spare: () => boolean): RecordSplitter {
  const decided: { spare?: boolean } = {};
  return async function* (chunks, options, report) {
    decided.spare ??= spare();
    if (decided.spare) {
      yield* thread(chunks, options, report);
      return;
    }
    thread.stop();
    yield* splitHere(chunks, options, report);
  };
}

/** A splitter on a thread of its own, which `stop` ends if it is not to be used. */
export type ThreadSplitter = RecordSplitter & { stop: () => void };

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
): ThreadSplitter {
  const worker = new Worker(script);
  worker.unref();
  // an error before the records are asked for is kept for then
  const early: { error?: Error } = {};
  const keep = (error: Error) => {
    early.error ??= error;
  };
  worker.on('error', keep);
  const splitter: RecordSplitter = (chunks, options, report) => {
    worker.off('error', keep);
    const start: SplitRequest = {
      kind: 'start',
      file: path.resolve(file),
      delimiter: options.delimiter,
      bom: options.bom,
      pieceBytes,
      ahead: BATCHES_AHEAD,
    };
    return records(worker, early.error, chunks, start, report);
  };
  return Object.assign(splitter, { stop: () => void worker.terminate() });
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
  const taken: SplitRequest = { kind: 'taken', batches: TAKEN_EVERY };
  let read = 0;
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
      // read: the thread may read more pieces ahead
      read += 1;
      if (read === TAKEN_EVERY) {
        read = 0;
        worker.postMessage(taken);
      }
    }
  } finally {
    void worker.terminate();
  }
}
