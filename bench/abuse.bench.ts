import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zipBomb } from '../src/audit/decode/zip-bomb.js';
import { HttpUser, registerVerified, startServerProcess } from '../src/server/processes.js';

/**
 * `npm run bench:abuse`: the built server on a fresh SQLite, sent the worst statements a merchant
 * can make — a CSV of 5 million short lines, a large XLSX, an XLSX zip bomb — four at a time,
 * while /healthz is asked every 50 ms. Prints /healthz p50/p99 during the uploads (target < 100 ms),
 * the server's peak RSS (VmHWM; target < 1 GB), temporary files left in the server's own TMPDIR
 * (target 0) and stored report bytes per finding. Only 127.0.0.1; stops by itself.
 */
// just under the 5,000,000-row decoding limit with the sample's rows, so the whole audit runs
const LINES = Number(process.env['BENCH_LINES'] ?? 4_998_000);
const XLSX_ROWS = Number(process.env['BENCH_XLSX_ROWS'] ?? 200_000);
const AT_ONCE = 4;
const here = path.dirname(new URL(import.meta.url).pathname);
const sample = readFileSync(
  path.resolve(here, '../../test/fixtures/samples/01-plain.csv'),
  'utf8',
).trimEnd();

/** The sample statement followed by millions of four-byte lines, each a broken record. */
function manyLinesCsv(): Buffer {
  const head = Buffer.from(`${sample}\n`);
  const line = Buffer.from('1,x\n');
  const out = Buffer.alloc(head.length + line.length * LINES);
  head.copy(out);
  for (let i = 0; i < LINES; i++) line.copy(out, head.length + i * line.length);
  return out;
}

/** The sample's rows repeated into one large sheet. */
async function largeXlsx(): Promise<Buffer> {
  const [header = '', ...rows] = sample.split('\n');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('对账单');
  sheet.addRow(header.split(','));
  for (let i = 0; i < XLSX_ROWS; i++) sheet.addRow((rows[i % rows.length] ?? '').split(','));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-bench-abuse-'));
// The server's own temporary directory, so that what it leaves there is told apart from the
// files of anything else running on the machine.
const serverTmp = mkdtempSync(path.join(tmpdir(), 'feeguard-bench-abuse-tmp-'));
process.stderr.write('making the files …\n');
const files: [string, Buffer][] = [
  ['lines.csv', manyLinesCsv()],
  ['large.xlsx', await largeXlsx()],
  ['bomb.xlsx', zipBomb()],
];
for (const [name, data] of files) {
  process.stderr.write(`  ${name}: ${(data.length / 1024 / 1024).toFixed(1)} MB\n`);
}

const server = await startServerProcess({
  FEEGUARD_DATA_DIR: dataDir,
  TMPDIR: serverTmp,
  DATABASE_URL: '',
  HOST: '127.0.0.1',
  SWEEP_SECONDS: '0',
});
const child = server.child;
const pid = child.pid ?? 0;
const peakRssMb = () => {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0) / 1024);
};
try {
  const user = new HttpUser(server.url);
  // Through the verification link the server prints (no SMTP here), as a merchant signs up.
  await registerVerified(user, server, {
    email: 'abuse@bench.test',
    password: 'a long password',
    name: 'bench',
  });
  const merchant = await user.call<{ id: string }>('POST', '/api/merchants', {
    name: '张丽',
    providerName: '鑫联支付有限公司',
    providerType: 'payment_institution',
    complainantType: 'individual_merchant',
  });
  const merchantId = merchant.body.id;

  const latencies: number[] = [];
  const state = { probing: true };
  const probe = (async () => {
    while (state.probing) {
      const started = performance.now();
      const response = await fetch(`${server.url}/healthz`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const statuses: Record<string, number[]> = {};
  const refusals: Record<string, string> = {};
  const upload = async (name: string, data: Buffer) => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(data)]), name);
    const response = await fetch(`${server.url}/api/merchants/${merchantId}/statements`, {
      method: 'POST',
      headers: { cookie: user.cookie, 'x-csrf-token': user.csrf },
      body: form,
    });
    const body = (await response.json()) as { code?: string; detail?: string };
    if (response.status >= 400) {
      refusals[name] = `${body.code ?? ''}: ${body.detail ?? ''}`;
    }
    return response.status;
  };
  const started = performance.now();
  for (const [name, data] of files) {
    process.stderr.write(`uploading ${name} ×${String(AT_ONCE)} …\n`);
    statuses[name] = await Promise.all(Array.from({ length: AT_ONCE }, () => upload(name, data)));
  }
  const seconds = (performance.now() - started) / 1000;
  state.probing = false;
  await probe;

  const list = await user.call<{ items: { id: string }[] }>(
    'GET',
    `/api/merchants/${merchantId}/statements`,
  );
  if (list.status !== 200) {
    throw new Error(
      `listing the statements answered ${String(list.status)}: ${JSON.stringify(list.body)}; uploads ${JSON.stringify(statuses)} ${JSON.stringify(refusals)}`,
    );
  }
  let reportBytes = 0;
  let findings = 0;
  for (const { id } of list.body.items) {
    const response = await fetch(`${server.url}/api/statements/${id}/report`, {
      headers: { cookie: user.cookie },
    });
    const text = await response.text();
    reportBytes += Buffer.byteLength(text);
    findings += (JSON.parse(text) as { findings: unknown[] }).findings.length;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const peak = peakRssMb();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const leftInTmp = readdirSync(serverTmp);
  rmSync(serverTmp, { recursive: true, force: true });
  console.log(
    JSON.stringify(
      {
        uploads: statuses,
        refusals,
        seconds: Math.round(seconds),
        healthz: {
          probes: sorted.length,
          p50Ms: Math.round(percentile(sorted, 50)),
          p99Ms: Math.round(percentile(sorted, 99)),
          maxMs: Math.round(sorted.at(-1) ?? 0),
        },
        peakRssMb: peak,
        tmpFilesLeft: leftInTmp.length,
        ...(leftInTmp.length > 0 ? { tmpLeft: leftInTmp.slice(0, 10) } : {}),
        statementsStored: list.body.items.length,
        reportBytes,
        reportBytesPerFinding: findings === 0 ? null : Math.round(reportBytes / findings),
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
}
