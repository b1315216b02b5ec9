import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { guarded } from './xlsx.js';

describe('the XLSX parser stall guard', () => {
  it('counts only the wait for the parser, not the time the rows spent with the audit', async () => {
    const progress = { at: Date.now() };
    // a parser that needs 600 ms for its second item (a loaded machine)
    async function* parser(): AsyncIterable<string> {
      yield 'first batch';
      await sleep(600);
      yield 'second batch';
    }
    const seen: string[] = [];
    for await (const item of guarded(parser(), progress)) {
      seen.push(item);
      // the audit takes longer than the 2 s stall limit with the first batch
      if (seen.length === 1) await sleep(2100);
    }
    expect(seen).toEqual(['first batch', 'second batch']);
  }, 15_000);

  it('still gives up on a parser that makes no progress', async () => {
    const progress = { at: Date.now() };
    async function* stuck(): AsyncIterable<string> {
      await new Promise(() => undefined);
      yield 'never';
    }
    await expect(async () => {
      for await (const item of guarded(stuck(), progress)) expect(item).toBe('never');
    }).rejects.toThrow('stalled');
  }, 15_000);
});
