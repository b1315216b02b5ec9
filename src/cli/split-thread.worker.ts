import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { MAX_RECORD_CHARS, Pieces } from '../audit/decode/csv.js';
import { transferList, Utf8RecordSplitter, type RecordBatch } from '../audit/decode/records.js';
import type { SplitMessage, SplitRequest } from './split-thread.js';

/**
 * Reads one file and splits it into records (see split-thread.ts): batches go out in the file's
 * order, then `done`. Batches read on the other side are answered with `taken`; no more than
 * `ahead` are sent unanswered.
 */
function serve(port: MessagePort): void {
  const state: { reader: FileReader | null } = { reader: null };
  port.on('message', (request: SplitRequest) => {
    if (request.kind === 'start') {
      state.reader = new FileReader(port, request);
      state.reader.pump();
    } else if (state.reader === null) {
      throw new Error('split-thread: a batch taken before the start');
    } else {
      state.reader.credit += request.batches;
      state.reader.pump();
    }
  });
}

class FileReader {
  /** Batches that may still be sent before more are taken. */
  credit: number;
  private readonly fd: number;
  private readonly splitter: Utf8RecordSplitter;
  private readonly pieces: Pieces;
  private readonly pieceBytes: number;
  private ended = false;

  constructor(
    private readonly port: MessagePort,
    start: Extract<SplitRequest, { kind: 'start' }>,
  ) {
    this.fd = openSync(start.file, 'r');
    this.splitter = new Utf8RecordSplitter(start.delimiter, MAX_RECORD_CHARS);
    this.pieces = new Pieces(start.bom);
    this.pieceBytes = start.pieceBytes;
    this.credit = start.ahead;
  }

  /** Reads and sends while the other side has room; the file's end sends `done`. */
  pump(): void {
    while (this.credit > 0 && !this.ended) {
      // a buffer of its own for each piece: its records' bytes are moved across, not copied
      const buffer = new Uint8Array(this.pieceBytes);
      const read = readSync(this.fd, buffer, 0, buffer.byteLength, null);
      if (read === 0) {
        this.ended = true;
        closeSync(this.fd);
        this.send(this.splitter.push(new Uint8Array(0), true));
        this.port.postMessage({ kind: 'done' } satisfies SplitMessage);
        this.port.close();
        return;
      }
      for (const piece of this.pieces.of(buffer.subarray(0, read)))
        this.send(this.splitter.push(piece, false));
    }
  }

  private send(batch: RecordBatch): void {
    const problems = this.splitter.problems.splice(0);
    if (batch.count === 0 && problems.length === 0) return;
    const parts = batch.parts();
    this.port.postMessage(
      { kind: 'batch', parts, problems } satisfies SplitMessage,
      transferList(parts),
    );
    this.credit -= 1;
  }
}

if (!parentPort) throw new Error('split-thread.worker.js runs as a worker thread');
serve(parentPort);
