#!/usr/bin/env node
// Audits each <set>.multi.json's files together in one run, as `feeguard audit a.csv b.csv --contract c.json`,
// and compares the claim (total and by category) and the number of unauthorized findings with the answer.
//   node bench/outside/rt9/multi.mjs [checkout-dir] [corpus-dir]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const checkout = path.resolve(process.argv[2] || path.join(HERE, '../../..'));
const corpus = path.resolve(process.argv[3] || path.join(checkout, 'test/fixtures/outside/rt9'));
const bin = path.join(checkout, 'bin/feeguard.js');
const sets = fs
  .readdirSync(corpus)
  .filter((f) => f.endsWith('.multi.json'))
  .sort();
const results = sets.map((f) => {
  const m = JSON.parse(fs.readFileSync(path.join(corpus, f), 'utf8'));
  const args = [bin, 'audit', ...m.files.map((x) => path.join(corpus, x))];
  if (m.contract) args.push('--contract', path.join(corpus, m.contract));
  args.push('--format', 'json');
  const r = spawnSync(process.execPath, args, {
    cwd: checkout,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  let line;
  let good = false;
  if (r.status !== 0) line = `exit ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}`;
  else {
    const rep = JSON.parse(r.stdout);
    const u = rep.findings.filter((x) => x.verdict === 'unauthorized').length;
    const byGot = JSON.stringify(
      rep.claim.byCategory || {},
      Object.keys(rep.claim.byCategory || {}).sort(),
    );
    const byWant = JSON.stringify(m.claim.byCategory);
    good = rep.claim.total === m.claim.total && byGot === byWant && u === m.counts.unauthorized;
    line = `claim want ${m.claim.total} got ${rep.claim.total}; unauthorized want ${m.counts.unauthorized} got ${u}${good ? '' : `; by category want ${byWant} got ${byGot}`}`;
  }
  console.log(`${f.replace('.multi.json', '')} (${m.files.join(' + ')}): ${line}`);
  return good;
});
console.log(`rt9 multi-file: ${results.filter(Boolean).length}/${sets.length} exact`);
