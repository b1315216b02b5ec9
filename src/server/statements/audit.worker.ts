import { parentPort, workerData } from 'node:worker_threads';
import { auditJob, type AuditJob } from './audit-pool.js';

// One audit per thread (see createAuditPool): the job comes in workerData, the reply goes back.
parentPort?.postMessage(await auditJob(workerData as AuditJob));
