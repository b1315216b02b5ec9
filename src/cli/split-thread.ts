import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RecordSplitter } from '../audit/decode/index.js';
import { RecordBatch, Utf8Fields, type RecordBatchParts } from '../audit/decode/records.js';
import type { SplitProblem } from '../audit/decode/splitter.js';
import { FeeGuardError } from '../errors.js';

/**
 * A large UTF-8 statement is split into records on a second thread while this one reads its
 * lines and gives them their verdicts. The file's chunks go across and the records come back
 * as field positions in typed arrays, moved, not copied (RecordBatch.parts): nothing is made
 * twice. Only the CLI does this: a server audit already runs on a thread of the server's pool
 * (FEEGUARD_AUDIT_WORKERS), which must stay the number of threads.
 */

/** Files at least this large are split on a second thread (`FEEGUARD_SPLIT_THREAD_MB`). */
export const SPLIT_THREAD_MIN_MB = 8;
/** Chunks sent whose records are not yet read: memory stays bounded (chunks are 1 MiB). */
const MAX_CHUNKS_IN_FLIGHT = 3;

/** What this thread sends: how to split, the file's chunks, and the end of the file. */
export type SplitRequest =
  | { kind: 'start'; delimiter: string; bom: boolean }
  | { kind: 'chunk'; bytes: Uint8Array }
  | { kind: 'end' };

/** What the splitting thread sends back, in order. */
export type SplitMessage =
  | { kind: 'batch'; parts: RecordBatchParts; problems: SplitProblem[] }
  /** All the records of one chunk have been sent. */
  | { kind: 'chunk-done' }
  | { kind: 'done' };

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
 * A splitter running on a worker thread started now (it loads its code while this one reads the
 * contract): it does not keep the process alive until records are asked for, and it serves one
 * file.
 */
export function splitOnThread(script: string): RecordSplitter {
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
    return records(worker, early.error, chunks, options, report);
  };
}

type Arrival = SplitMessage | { kind: 'error'; error: Error };

async function* records(
  worker: Worker,
  early: Error | undefined,
  chunks: AsyncIterable<Uint8Array>,
  options: { delimiter: string; bom: boolean },
  report: (found: SplitProblem[]) => void,
): AsyncIterable<RecordBatch> {
  if (early) throw early;
  worker.ref();
  const texts = new Utf8Fields();
  const arrived: Arrival[] = [];
  const state = {
    wake: null as (() => void) | null,
    stopped: false,
    /** Chunks sent whose records have not all been read here. */
    inFlight: 0,
    room: null as (() => void) | null,
  };
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
  const send = (request: SplitRequest, moved: ArrayBuffer[] = []) => {
    worker.postMessage(request, moved);
  };
  // the file's chunks go across as they are read, no more than MAX_CHUNKS_IN_FLIGHT ahead
  const feeding = (async () => {
    send({ kind: 'start', delimiter: options.delimiter, bom: options.bom });
    for await (const chunk of chunks) {
      while (state.inFlight >= MAX_CHUNKS_IN_FLIGHT && !state.stopped)
        await new Promise<void>((resolve) => (state.room = resolve));
      if (state.stopped) return;
      state.inFlight += 1;
      const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
      const bytes = own ? chunk : chunk.slice();
      send({ kind: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
    }
    send({ kind: 'end' });
  })();
  const failed: { error?: Error } = {};
  feeding.catch((error: unknown) => {
    failed.error = error instanceof Error ? error : new Error(String(error));
    state.wake?.();
  });
  try {
    for (;;) {
      if (failed.error !== undefined) throw failed.error;
      const next = arrived.shift();
      if (next === undefined) {
        await new Promise<void>((resolve) => (state.wake = resolve));
        continue;
      }
      if (next.kind === 'error') throw next.error;
      if (next.kind === 'done') return;
      if (next.kind === 'chunk-done') {
        state.inFlight -= 1;
        state.room?.();
        state.room = null;
        continue;
      }
      report(next.problems);
      if (next.parts.count > 0) yield RecordBatch.of(next.parts, texts);
    }
  } finally {
    state.stopped = true;
    state.room?.();
    void worker.terminate();
  }
}
