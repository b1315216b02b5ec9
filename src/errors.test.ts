import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, FeeGuardError } from './errors.js';

describe('error catalogue', () => {
  it('docs/errors.md lists exactly the catalogue, with the same HTTP status', () => {
    const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| (FG_ERR_[A-Z_]+) \| (\d{3}) \|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    const catalogue = Object.entries(ERROR_CATALOGUE).map(([code, entry]) => [code, entry.status]);
    expect(rows.sort()).toEqual(catalogue.sort());
  });

  it('prints one line: what is wrong, then how to fix it', () => {
    const error = new FeeGuardError('FG_ERR_NO_HEADER', '找不到表头', { hint: 'use --map' });
    expect(error.toLine()).toBe('找不到表头 — use --map');
    expect(error.status).toBe(422);
  });
});
