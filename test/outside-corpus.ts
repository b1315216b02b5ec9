import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo } from '../src/cli/testing.js';
import type { AuditReport } from '../src/audit/report/schema.js';

/**
 * The two outside red teams' corpora (issue #11, bench/outside/): statements written without
 * reading our reader or our generator, each with the answer the spec gives. They are judged by
 * the rules of eval-audit.mjs, which is what the red teams scored us with: the same rows claimed
 * as unauthorized, each in the same categories, and the claim to the fen. Verdicts on other rows,
 * reasons and texts are the red teams' reading, not the contract, so they are not compared.
 */
export const OUTSIDE_DIR = path.resolve(import.meta.dirname, 'fixtures/outside');

interface Expected {
  file: string;
  contract?: string | null;
  sheets?: string[];
  claim: { total: string | number };
  findings: { row: number; sheet?: string; verdict: string; category: string }[];
}

/** "396.00" | 396 -> fen, or null when it is not a plain decimal amount (as eval-audit reads it). */
function toFen(value: unknown): number | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : value;
  if (typeof text !== 'string') return null;
  const m = /^\s*(-)?(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

interface Row {
  row: number | string;
  sheet?: string | undefined;
  category: string;
  verdict: string;
}

/** A row's key: the sheet counts only in a workbook of several sheets, as in eval-audit. */
const keyOf = (f: Omit<Row, 'category' | 'verdict'>, multiSheet: boolean): string =>
  multiSheet ? `${f.sheet ?? '?'}!${String(Number(f.row))}` : String(Number(f.row));

/** Unauthorized rows by key (sheet!row for workbooks of several sheets) with their categories. */
function unauthorizedRows(findings: readonly Row[], multiSheet: boolean): Map<string, Set<string>> {
  const rows = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.verdict !== 'unauthorized') continue;
    const key = keyOf(f, multiSheet);
    const categories = rows.get(key) ?? new Set<string>();
    categories.add(f.category);
    rows.set(key, categories);
  }
  return rows;
}

/** Every way the report departs from the expected answer, one readable line each. */
export function differences(expected: Expected, report: AuditReport): string[] {
  const multiSheet = (expected.sheets?.length ?? 0) > 1;
  const base = path.basename(expected.file);
  const named = new Set(report.findings.map((f) => path.basename(f.file)));
  const own = report.findings.filter((f) => named.size <= 1 || path.basename(f.file) === base);
  const want = unauthorizedRows(expected.findings, multiSheet);
  const got = unauthorizedRows(own, multiSheet);
  const verdictOf = new Map(expected.findings.map((f) => [keyOf(f, multiSheet), f.verdict]));
  const list = (s: Set<string>) => [...s].sort().join('+');
  const out: string[] = [];
  for (const [key, cats] of want) {
    const claimed = got.get(key);
    if (claimed === undefined)
      out.push(`row ${key}: expected unauthorized ${list(cats)}, not claimed`);
    else if (list(claimed) !== list(cats))
      out.push(`row ${key}: expected category ${list(cats)}, got ${list(claimed)}`);
  }
  for (const [key, cats] of got) {
    if (want.has(key)) continue;
    const label = verdictOf.get(key);
    out.push(`row ${key}: claimed unauthorized ${list(cats)}, expected ${label ?? 'no finding'}`);
  }
  const wantFen = toFen(expected.claim.total);
  const gotFen = toFen(report.claim.total);
  if (gotFen === null || gotFen !== wantFen)
    out.push(`claim total: expected ${String(expected.claim.total)}, got ${report.claim.total}`);
  return out;
}

/** One test per statement in test/fixtures/outside/<corpus>, each audited as `feeguard audit` does. */
export function describeOutsideCorpus(corpus: string, atLeast: number): void {
  const dir = path.join(OUTSIDE_DIR, corpus);
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Expected);

  describe(`the outside red-team corpus ${corpus}`, () => {
    it('is all there', () => {
      expect(cases.length).toBeGreaterThanOrEqual(atLeast);
    });

    it.each(cases.map((c) => [c.file, c] as const))(
      '%s: the same unauthorized rows, categories and claim',
      async (name, expected) => {
        const io = captureIo(dir);
        const argv = [
          'audit',
          expected.file,
          ...(expected.contract ? ['--contract', expected.contract] : []),
          '--format',
          'json',
        ];
        const code = await main(argv, io);
        expect(code, `${corpus}/${name}: feeguard audit failed: ${io.err()}`).toBe(0);
        const report = JSON.parse(io.out()) as AuditReport;
        expect(report.schemaVersion, `${corpus}/${name}: schemaVersion`).toBe(1);
        expect(differences(expected, report), `${corpus}/${name} departs from its answer`).toEqual(
          [],
        );
      },
      60_000,
    );
  });
}
