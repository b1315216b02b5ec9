import { createReadStream } from 'node:fs';
import { auditStatements } from '../src/audit/audit.js';
import { parseContract } from '../src/audit/contract.js';
import { BENCH_CONTRACT } from './generate.js';

/** One FeeGuard audit in its own process, so its peak memory is measured alone. */
const file = process.argv[2] ?? '';
const started = performance.now();
const report = await auditStatements(
  [{ file, chunks: createReadStream(file, { highWaterMark: 1 << 20 }) }],
  {
    contract: parseContract(BENCH_CONTRACT),
  },
);
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    records: report.statements[0]?.records ?? 0,
    findings: report.findings.length,
    claim: report.claim,
  }),
);
