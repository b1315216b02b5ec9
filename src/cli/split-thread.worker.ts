import { parentPort, type MessagePort } from 'node:worker_threads';
import { MAX_RECORD_CHARS, Pieces } from '../audit/decode/csv.js';
import { transferList, Utf8RecordSplitter, type RecordBatch } from '../audit/decode/records.js';
import type { SplitMessage, SplitRequest } from './split-thread.js';

/**
 * Splits one file's bytes into records (see split-thread.ts): chunks come in, batches of records
 * go out in the same order, then `chunk-done` for each chunk and `done` at the end.
 */
function serve(port: MessagePort): void {
  const state: { splitter: Utf8RecordSplitter | null; pieces: Pieces } = {
    splitter: null,
    pieces: new Pieces(false),
  };
  const send = (splitter: Utf8RecordSplitter, batch: RecordBatch) => {
    const problems = splitter.problems.splice(0);
    if (batch.count === 0 && problems.length === 0) return;
    const parts = batch.parts();
    port.postMessage(
      { kind: 'batch', parts, problems } satisfies SplitMessage,
      transferList(parts),
    );
  };
  port.on('message', (request: SplitRequest) => {
    if (request.kind === 'start') {
      state.splitter = new Utf8RecordSplitter(request.delimiter, MAX_RECORD_CHARS);
      state.pieces = new Pieces(request.bom);
      return;
    }
    const splitter = state.splitter;
    if (!splitter) throw new Error('split-thread: a chunk before the start');
    if (request.kind === 'chunk') {
      for (const piece of state.pieces.of(request.bytes))
        send(splitter, splitter.push(piece, false));
      port.postMessage({ kind: 'chunk-done' } satisfies SplitMessage);
      return;
    }
    send(splitter, splitter.push(new Uint8Array(0), true));
    port.postMessage({ kind: 'done' } satisfies SplitMessage);
    port.close();
  });
}

if (!parentPort) throw new Error('split-thread.worker.js runs as a worker thread');
serve(parentPort);
