import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { auditJob, type AuditJob } from './audit-pool.js';

// An audit is background work: on Linux this lowers this thread's priority only (pid 0 is the
// calling thread), so the thread answering requests comes first when cores are short.
try {
  setPriority(10);
} catch {
  // not allowed here (or not supported): the audit runs at normal priority
}

// One audit per thread (see createAuditPool): the job comes in workerData, the reply goes back.
parentPort?.postMessage(await auditJob(workerData as AuditJob));
