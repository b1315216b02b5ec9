import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { decodeStatement } from '../audit/decode/index.js';
import { LineBatchWriter, transfer } from '../audit/lines-codec.js';
import { readStatement } from '../audit/read.js';
import { isFeeGuardError } from '../errors.js';
import { fileChunks } from './files.js';
import type { AuditMessage, ReadJob, ReadMessage, ReadThreadData } from './read-thread.js';

/**
 * Reads one statement file (see read-thread.ts): decodes it, reads its lines and sends them in
 * batches, reading no further while `maxInFlight` batches wait for the auditing thread.
 */
async function read(data: ReadThreadData, job: ReadJob, port: MessagePort): Promise<void> {
  const post = (message: ReadMessage, moved: ArrayBuffer[] = []) => {
    port.postMessage(message, moved);
  };
  const pace = { inFlight: 0, wake: null as (() => void) | null };
  const onAck = (message: AuditMessage) => {
    if (message.kind !== 'ack') return;
    pace.inFlight -= 1;
    pace.wake?.();
    pace.wake = null;
  };
  port.on('message', onAck);
  async function* paced(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    for await (const chunk of chunks) {
      while (pace.inFlight >= data.maxInFlight)
        await new Promise<void>((resolve) => (pace.wake = resolve));
      yield chunk;
    }
  }
  const progress = { rows: 0 };
  const writer = new LineBatchWriter(data.batchLines);
  const send = () => {
    const batch = writer.take();
    pace.inFlight += 1;
    post({ kind: 'lines', batch, rows: progress.rows }, transfer(batch));
  };
  try {
    const decoded = await decodeStatement(paced(fileChunks(data.path)), data.file);
    const run = await readStatement(
      data.file,
      decoded,
      job.lexicon,
      {
        ...job.options,
        onProgress: ({ rows }) => {
          progress.rows = rows;
        },
      },
      (line) => {
        writer.add(line);
        if (writer.size >= writer.capacity) send();
      },
    );
    if (writer.size > 0) send();
    post({ kind: 'done', run });
  } catch (error) {
    post({
      kind: 'error',
      error: isFeeGuardError(error)
        ? {
            code: error.code,
            message: error.message,
            ...(error.hint === undefined ? {} : { hint: error.hint }),
            ...(error.details === undefined ? {} : { details: { ...error.details } }),
          }
        : { message: error instanceof Error ? error.message : String(error) },
    });
  }
  // nothing more to hear: the thread ends once its messages are out
  port.off('message', onAck);
}

const port = parentPort;
if (!port) throw new Error('read-thread.worker.js runs as a worker thread');
// the code is loaded; the audit sends the job when it is ready for the lines
const job = await new Promise<ReadJob>((resolve) => {
  port.once('message', (message: AuditMessage) => {
    if (message.kind === 'job') resolve(message.job);
  });
});
await read(workerData as ReadThreadData, job, port);
