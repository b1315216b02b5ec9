import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LAYOUTS, renderCorpus, vocabularySize } from '../src/audit/testing/corpus/index.js';

/**
 * `npm run corpus -- --seed 7 --out /tmp/corpus [--seeds 3] [--rows 600] [--layouts a,b] [--list]`:
 * writes the adversarial corpus (every layout of one seeded ledger, with its expected answer and
 * contract) for `node /work/shared/tools/eval-audit.mjs . /tmp/corpus`.
 */
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    seeds: { type: 'string', default: '1' },
    out: { type: 'string' },
    rows: { type: 'string', default: '600' },
    layouts: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
});
if (values.list) {
  for (const l of LAYOUTS) process.stdout.write(`${l.name.padEnd(32)} ${l.about}\n`);
  process.exit(0);
}
const out = values.out;
const seed = Number(values.seed);
const seeds = Number(values.seeds);
const rows = Number(values.rows);
if (!out) {
  process.stderr.write(
    'corpus: --out DIR is required (e.g. npm run corpus -- --seed 7 --out /tmp/corpus)\n',
  );
  process.exit(2);
}
if (
  !Number.isInteger(seed) ||
  !Number.isInteger(seeds) ||
  seeds < 1 ||
  !Number.isInteger(rows) ||
  rows < 30
) {
  process.stderr.write('corpus: --seed and --seeds take integers, --rows at least 30\n');
  process.exit(2);
}
const known = new Set(LAYOUTS.map((l) => l.name));
const only = values.layouts?.split(',');
const unknown = only?.filter((n) => !known.has(n)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`corpus: no layout ${unknown.join(', ')} (see --list)\n`);
  process.exit(2);
}
await mkdir(out, { recursive: true });
const statements = { count: 0 };
for (let s = seed; s < seed + seeds; s++) {
  const files = await renderCorpus({ seed: s, rows, ...(only ? { layouts: only } : {}) });
  for (const f of files) await writeFile(path.join(out, f.name), f.bytes);
  statements.count += files.filter((f) => f.name.endsWith('.expected.json')).length;
}
process.stdout.write(
  `corpus: ${String(statements.count)} statements in ${out} (${String(LAYOUTS.length)} layouts, seeds ${String(seed)}…${String(seed + seeds - 1)}, ~${String(rows)} entries each; ${String(vocabularySize().base)} fee names)\n`,
);
