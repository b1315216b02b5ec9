import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { decodeStatement } from '../audit/decode/index.js';
import { LineBatchWriter, transfer } from '../audit/lines-codec.js';
import { readStatement } from '../audit/read.js';
import { isFeeGuardError } from '../errors.js';
import { fileChunks } from './files.js';
import type { ReadJob, ReadMessage } from './read-thread.js';

/**
 * Reads one statement file (see read-thread.ts): decodes it, reads its lines and sends them in
 * batches, reading no further while `maxInFlight` batches wait for the auditing thread.
 */
async function read(job: ReadJob, port: MessagePort): Promise<void> {
  const post = (message: ReadMessage, moved: ArrayBuffer[] = []) => {
    port.postMessage(message, moved);
  };
  const pace = { inFlight: 0, wake: null as (() => void) | null };
  const onAck = () => {
    pace.inFlight -= 1;
    pace.wake?.();
    pace.wake = null;
  };
  port.on('message', onAck);
  async function* paced(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    for await (const chunk of chunks) {
      while (pace.inFlight >= job.maxInFlight)
        await new Promise<void>((resolve) => (pace.wake = resolve));
      yield chunk;
    }
  }
  const progress = { rows: 0 };
  const writer = new LineBatchWriter(job.batchLines);
  const send = () => {
    const batch = writer.take();
    pace.inFlight += 1;
    post({ kind: 'lines', batch, rows: progress.rows }, transfer(batch));
  };
  try {
    const decoded = await decodeStatement(paced(fileChunks(job.path)), job.file);
    const run = await readStatement(
      job.file,
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

if (!parentPort) throw new Error('read-thread.worker.js runs as a worker thread');
await read(workerData as ReadJob, parentPort);
