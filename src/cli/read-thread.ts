import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadOptions, StatementReader, StatementRun } from '../audit/audit.js';
import { LineBatchReader, type LineBatch } from '../audit/lines-codec.js';
import type { Lexicon } from '../audit/lexicon/lexicon.js';
import { FeeGuardError, type ErrorCode } from '../errors.js';

/**
 * A large statement is read on a second thread — decoded, split and read into lines — while this
 * thread gives each line its verdict, as they come: on two cores the audit takes about the time
 * of the longer half instead of the sum. Only the CLI does this: a server audit already runs on a
 * thread of the server's pool (FEEGUARD_AUDIT_WORKERS), which must stay the number of threads.
 */

/** Files at least this large are read on a second thread (`FEEGUARD_READ_THREAD_MB`). */
export const READ_THREAD_MIN_MB = 8;
/** Lines per batch sent across: few enough messages, little memory per batch (about 0.3 MB). */
const BATCH_LINES = 4096;
/** Batches sent and not yet audited before the reading thread waits (bounded memory). */
const MAX_IN_FLIGHT = 4;

/** What the reading thread is given when it starts: the file, and how to send its lines. */
export interface ReadThreadData {
  path: string;
  file: string;
  batchLines: number;
  maxInFlight: number;
}

/** What it is given when the audit is ready for the lines (structured-cloned). */
export interface ReadJob {
  lexicon: Lexicon;
  options: Pick<ReadOptions, 'map' | 'today'>;
}

/** What the auditing thread sends: the job, then one acknowledgement per batch audited. */
export type AuditMessage = { kind: 'job'; job: ReadJob } | { kind: 'ack' };

/** What the reading thread sends: lines, then the rest of what it read, or why it could not. */
export type ReadMessage =
  | { kind: 'lines'; batch: LineBatch; rows: number }
  | { kind: 'done'; run: StatementRun }
  | {
      kind: 'error';
      error: {
        code?: ErrorCode;
        message: string;
        hint?: string;
        details?: Record<string, unknown>;
      };
    };

/** The built worker script beside this module, or null (running from the TypeScript source). */
export function readThreadScript(): string | null {
  const file = fileURLToPath(new URL('./read-thread.worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

/** The size from which a file is read on a second thread, in bytes: the environment's, or 8 MB. */
export function readThreadMinBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['FEEGUARD_READ_THREAD_MB'];
  if (raw === undefined || raw.trim() === '') return READ_THREAD_MIN_MB * 1024 * 1024;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new FeeGuardError('FG_ERR_USAGE', `环境变量 FEEGUARD_READ_THREAD_MB 的值无效：'${raw}'`, {
      hint: 'set FEEGUARD_READ_THREAD_MB to a number of megabytes (0: every file), or unset it',
    });
  }
  return value * 1024 * 1024;
}

/**
 * Reads the statement file at `path` on a worker thread running `script`. The thread starts at
 * once and loads its code while this one reads the contract and the lexicon; it reads the file
 * when the audit asks for the lines. Until then it does not keep the process alive: a contract
 * that cannot be read still ends the command.
 */
export function readOnThread(
  script: string,
  path: string,
  file: string,
  /** Lines per batch and batches in flight (tests use small ones). */
  pace: { batchLines: number; maxInFlight: number } = {
    batchLines: BATCH_LINES,
    maxInFlight: MAX_IN_FLIGHT,
  },
): StatementReader {
  const data: ReadThreadData = { path, file, ...pace };
  const worker = new Worker(script, { workerData: data });
  worker.unref();
  // an error before the lines are asked for is kept for then
  const early: { error?: Error } = {};
  const keep = (error: Error) => {
    early.error ??= error;
  };
  worker.on('error', keep);
  return (lexicon, options, take) =>
    new Promise<StatementRun>((resolve, reject) => {
      worker.off('error', keep);
      worker.ref();
      const lines = new LineBatchReader(file);
      let settled = false;
      let shown = 0;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      if (early.error) {
        fail(early.error);
        return;
      }
      const send = (message: AuditMessage) => {
        worker.postMessage(message);
      };
      worker.on('message', (message: ReadMessage) => {
        if (settled) return;
        try {
          if (message.kind === 'lines') {
            lines.read(message.batch, take);
            send({ kind: 'ack' });
            if (options.onProgress && message.rows > shown) {
              shown = message.rows;
              options.onProgress({ file, rows: shown });
            }
          } else if (message.kind === 'done') {
            settled = true;
            resolve(message.run);
          } else {
            const { code, message: text, hint, details } = message.error;
            fail(
              code === undefined
                ? new Error(text)
                : new FeeGuardError(code, text, {
                    ...(hint === undefined ? {} : { hint }),
                    ...(details === undefined ? {} : { details }),
                  }),
            );
          }
        } catch (error) {
          fail(error);
        }
      });
      worker.once('error', fail);
      worker.once('exit', (code) => {
        fail(new Error(`the reading thread stopped with code ${String(code)}`));
      });
      send({
        kind: 'job',
        job: {
          lexicon,
          options: {
            ...(options.map === undefined ? {} : { map: options.map }),
            ...(options.today === undefined ? {} : { today: options.today }),
          },
        },
      });
    });
}
