import { describe, expect, it } from 'vitest';
import { detach } from './strings.js';

describe('detach', () => {
  it('gives the same text, whatever it holds', () => {
    const chunk = `${'x'.repeat(70_000)}流量费 SIM 尾号0443 \ud83d\ude00 \ud800 lone`;
    for (const [from, to] of [
      [0, 5],
      [69_990, 70_010],
      [70_000, chunk.length],
    ] as const)
      expect(detach(chunk.slice(from, to))).toBe(chunk.slice(from, to));
    expect(detach('')).toBe('');
  });
});
