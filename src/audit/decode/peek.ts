/**
 * Reads the first bytes of a stream to decide what it is, then hands back a stream that still
 * starts at the beginning. Stopping that stream (`return`, as `for await` does on `break`) stops
 * the one underneath, even before its first chunk is asked for: a reader that takes the file's
 * bytes another way (cli/split-thread.ts) closes the file it would have read.
 */
export async function peek(
  chunks: AsyncIterable<Uint8Array>,
  size: number,
): Promise<{ head: Uint8Array; stream: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.byteLength;
  }
  const head = concat(taken, Math.min(length, size));
  return { head, stream: replay(taken, iterator, done) };
}

/** The chunks taken, then the rest of `iterator`. */
function replay(
  taken: Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
  ended: boolean,
): AsyncIterableIterator<Uint8Array> {
  let at = 0;
  let finished = ended;
  const stream: AsyncIterableIterator<Uint8Array> = {
    async next(): Promise<IteratorResult<Uint8Array, undefined>> {
      const value = taken[at];
      if (value !== undefined) {
        at += 1;
        return { done: false, value };
      }
      if (finished) return { done: true, value: undefined };
      const next = await iterator.next();
      if (next.done === true) {
        finished = true;
        return { done: true, value: undefined };
      }
      return next;
    },
    async return(): Promise<IteratorResult<Uint8Array, undefined>> {
      at = taken.length;
      if (!finished) {
        finished = true;
        await iterator.return?.();
      }
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    if (offset >= length) break;
    const slice = part.subarray(0, length - offset);
    out.set(slice, offset);
    offset += slice.byteLength;
  }
  return out;
}
