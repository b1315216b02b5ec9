import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { auditJob, STARTED, type AuditJob, type WorkerMessage } from './audit-pool.js';

// An audit is background work: on Linux this lowers this thread's priority only (pid 0 is the
// calling thread), so the thread answering requests comes first when cores are short.
try {
  setPriority(10);
} catch {
  // not allowed here (or not supported): the audit runs at normal priority
}

// One audit per thread (see createAuditPool): the job comes in workerData; the pool hears when
// the audit starts (its time limit counts from then) and then the reply.
parentPort?.postMessage(STARTED satisfies WorkerMessage);
parentPort?.postMessage((await auditJob(workerData as AuditJob)) satisfies WorkerMessage);
