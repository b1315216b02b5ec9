import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FeeGuardError, type ErrorCode } from '../../errors.js';
import type { ColumnOverrides } from '../../audit/layout/columns.js';
import type { AuditReport } from '../../audit/report/schema.js';
import type { FeeSchedule } from '../../audit/schedule.js';
import { apiError } from '../http/errors.js';
import { auditUpload } from './statements.service.js';

/** One upload to audit: plain data, so it can cross to a worker thread. */
export interface AuditJob {
  readonly versions: readonly { effective_from: string; contract: string }[];
  readonly fileName: string;
  /** The upload's temporary file: the audit reads it from disk, so it never crosses as bytes. */
  readonly path: string;
  readonly today: string;
  readonly schedules: readonly FeeSchedule[];
  /** Column overrides: a mapping the merchant confirmed for a layout the reader was unsure of. */
  readonly map?: ColumnOverrides;
}

/** What a worker sends back: the report, or the error as plain data. */
export type AuditReply =
  | { readonly ok: true; readonly report: AuditReport }
  | {
      readonly ok: false;
      readonly code?: ErrorCode;
      readonly message: string;
      readonly hint?: string;
      readonly details?: Record<string, unknown>;
    };

/** What a worker sends first, once its code is loaded and the audit begins. */
export const STARTED = 'started';
/** What a worker sends: {@link STARTED}, then its reply. */
export type WorkerMessage = typeof STARTED | AuditReply;

export interface AuditPoolOptions {
  /** Audits running at once (`FEEGUARD_AUDIT_WORKERS`). */
  readonly workers: number;
  /** Uploads allowed to wait for a free worker (`FEEGUARD_AUDIT_QUEUE`); more get a 503. */
  readonly queue: number;
  /** Heap limit of one worker in MB (`FEEGUARD_AUDIT_WORKER_MB`); over it the upload is too large. */
  readonly workerMb: number;
  /**
   * Longest one audit may run, in ms (`FEEGUARD_AUDIT_TIMEOUT_SECONDS`), counted from when the
   * worker begins it; past it the worker is terminated and the upload gets {@link timeoutError}.
   */
  readonly timeoutMs: number;
  /**
   * The built worker script; null audits on the calling thread (tests running the TypeScript
   * source, where no built worker exists). Default: `audit.worker.js` next to this module.
   */
  readonly script?: string | null;
}

export interface AuditPool {
  run(job: AuditJob): Promise<AuditReport>;
  /** Audits running and waiting now, and worker threads alive (a stopped one is gone). */
  load(): { running: number; waiting: number; threads: number };
  readonly threaded: boolean;
}

/** The worker script beside this module when the package is built, else null. */
export function builtWorkerScript(): string | null {
  const file = fileURLToPath(new URL('./audit.worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

export function busyError(): FeeGuardError {
  return apiError(
    'FG_ERR_BUSY',
    'too many statements are being audited right now',
    'upload the statement again in a minute',
  );
}

export function timeoutError(timeoutMs: number): FeeGuardError {
  return apiError(
    'FG_ERR_AUDIT_TIMEOUT',
    `auditing this statement took longer than ${String(timeoutMs / 1000)} s and was stopped; nothing was stored`,
    'split the statement, e.g. one file per month, and upload each part',
  );
}

/** The error a worker reported, rebuilt on this side. */
export function errorOf(reply: Extract<AuditReply, { ok: false }>): Error {
  if (!reply.code) return new Error(reply.message);
  return new FeeGuardError(reply.code, reply.message, {
    ...(reply.hint === undefined ? {} : { hint: reply.hint }),
    ...(reply.details === undefined ? {} : { details: reply.details }),
  });
}

/** The audit of one upload as plain data, caught errors included: what a worker runs. */
export async function auditJob(job: AuditJob, signal?: AbortSignal): Promise<AuditReply> {
  try {
    const report = await auditUpload(
      job.versions,
      job.fileName,
      () => createReadStream(job.path, signal ? { signal } : {}),
      job.today,
      job.schedules,
      job.map,
    );
    return { ok: true, report };
  } catch (error) {
    if (error instanceof FeeGuardError) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...(error.details === undefined ? {} : { details: { ...error.details } }),
      };
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function inWorker(
  script: string,
  job: AuditJob,
  options: AuditPoolOptions,
  threads: { alive: number },
): Promise<AuditReply> {
  return new Promise((resolve, reject) => {
    // A fresh thread per audit: its whole heap goes back when it ends, and a statement that
    // needs more memory or time than allowed ends that thread only, never the server; the next
    // audit starts on a new thread.
    const worker = new Worker(script, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: options.workerMb },
    });
    threads.alive += 1;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message === STARTED) {
        // The limit counts from the audit's start, not the thread's: loading the audit's code
        // takes a busy machine longer, and says nothing about the statement.
        timer = setTimeout(() => {
          settle();
          // Rejected once the thread has stopped, so the caller may remove the upload's file
          // knowing nothing reads it any more.
          void worker.terminate().finally(() => {
            reject(timeoutError(options.timeoutMs));
          });
        }, options.timeoutMs);
        return;
      }
      if (settled) return;
      settle();
      // Answered once the thread is gone, so the pool never holds more threads than workers.
      void worker.terminate().finally(() => {
        resolve(message);
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (settled) return;
      settle();
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(
          apiError(
            'FG_ERR_TOO_LARGE',
            `auditing this statement needs more than ${String(options.workerMb)} MB of memory`,
            'split the statement, e.g. one file per month',
          ),
        );
      } else reject(error);
    });
    worker.once('exit', (code) => {
      threads.alive -= 1;
      if (!settled) {
        settle();
        reject(new Error(`the audit worker stopped with code ${String(code)}`));
      }
    });
  });
}

/**
 * An audit on this thread cannot be terminated: past the limit its answer is dropped and its
 * file stops being read, which ends it at its next read.
 */
async function onThisThread(job: AuditJob, timeoutMs: number): Promise<AuditReply> {
  const stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      auditJob(job, stop.signal),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          stop.abort();
          reject(timeoutError(timeoutMs));
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Audits of uploads, off the request thread: at most `workers` at once, at most `queue` waiting,
 * and a {@link busyError} (503) for any beyond — so the server keeps answering while the largest
 * statements are read.
 */
export function createAuditPool(options: AuditPoolOptions): AuditPool {
  const script = options.script === undefined ? builtWorkerScript() : options.script;
  const workers = Math.max(1, Math.floor(options.workers));
  const queueLimit = Math.max(0, Math.floor(options.queue));
  let running = 0;
  const waiting: (() => void)[] = [];
  const threads = { alive: 0 };

  const execute = async (job: AuditJob): Promise<AuditReport> => {
    const reply = script
      ? await inWorker(script, job, options, threads)
      : await onThisThread(job, options.timeoutMs);
    if (!reply.ok) throw errorOf(reply);
    return reply.report;
  };

  return {
    threaded: script !== null,
    load: () => ({ running, waiting: waiting.length, threads: threads.alive }),
    async run(job) {
      if (running < workers) running += 1;
      else if (waiting.length >= queueLimit) throw busyError();
      // A finishing audit hands its slot straight to the first one waiting.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await execute(job);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
  };
}
