import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { seedApiBench } from './seed-api.js';

/**
 * `npm run bench:api`: the API on SQLite with seeded data (1,000 merchants, 50,000 cases) under a
 * mixed load, and a bare Fastify hello-world in the same run as the ceiling. Prints requests/s and
 * p50/p99 latency for each. Targets (issue #4): reads ≥ 30 % of the ceiling's requests/s, p99 < 50 ms.
 */
const MERCHANTS = Number(process.env['BENCH_MERCHANTS'] ?? 1000);
const CASES = Number(process.env['BENCH_CASES'] ?? 50_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
/** Node options for the API server only, e.g. BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=prof'. */
const NODE_ARGS = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
const here = path.dirname(new URL(import.meta.url).pathname);

async function start(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /running at (http:\/\/\S+)/u.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`exited ${String(code)}: ${out}`));
    });
  });
  return { url, child };
}

interface Figures {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server's own CPU time per answered request, in ms (Linux), null elsewhere. */
  cpuMs: number | null;
}

/**
 * CPU seconds a process has used (user + system, from /proc): what a request costs the server,
 * which — unlike requests per second — holds on a machine other work is sharing.
 */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; in ticks
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function load(options: autocannon.Options, pid?: number): Promise<Figures> {
  const before = cpuSeconds(pid);
  const result = await autocannon({ duration: SECONDS, connections: CONNECTIONS, ...options });
  const after = cpuSeconds(pid);
  const answered = result.requests.total;
  return {
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuMs:
      before === null || after === null || answered === 0
        ? null
        : (1000 * (after - before)) / answered,
  };
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'feeguard-bench-api-'));
process.stderr.write(
  `seeding ${String(MERCHANTS)} merchants and ${String(CASES)} cases in ${dataDir} …\n`,
);
const seeded = await seedApiBench(dataDir, MERCHANTS, CASES);
const users = seeded.users.filter((u) => u.caseIds.length > 0);

const hello = await start([path.join(here, 'hello-server.js')], {});
const ceiling = await load({ url: `${hello.url}/hello` }, hello.child.pid);
hello.child.kill();

const api = await start([...NODE_ARGS, path.resolve(here, '../../bin/feeguard.js'), 'serve'], {
  FEEGUARD_DATA_DIR: dataDir,
  DATABASE_URL: '',
  PORT: '0',
  LOG_LEVEL: 'warn',
  SWEEP_SECONDS: '0',
});
const reads = await load(
  {
    url: api.url,
    requests: [
      {
        setupRequest: (request) => {
          const user = pick(users);
          const read =
            Math.random() < 0.5 ? `/api/cases?limit=20` : `/api/cases/${pick(user.caseIds)}`;
          return { ...request, method: 'GET', path: read, headers: { cookie: user.cookie } };
        },
      },
    ],
  },
  api.child.pid,
);
const mixed = await load(
  {
    url: api.url,
    requests: [
      {
        setupRequest: (request) => {
          const user = pick(users);
          const r = Math.random();
          if (r < 0.8) {
            return {
              ...request,
              method: 'GET',
              path: r < 0.4 ? '/api/cases?limit=20' : `/api/cases/${pick(user.caseIds)}`,
              headers: { cookie: user.cookie },
            };
          }
          return {
            ...request,
            method: 'POST',
            path: `/api/cases/${pick(user.caseIds)}/filings`,
            headers: {
              cookie: user.cookie,
              'x-csrf-token': user.csrf,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ channelId: 'pboc_12363' }),
          };
        },
      },
    ],
  },
  api.child.pid,
);
api.child.kill();

const row = (name: string, f: Figures) =>
  `${name.padEnd(34)} ${f.requests.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${String(f.errors)}${f.cpuMs === null ? '' : `   server CPU ${f.cpuMs.toFixed(2)} ms/request`}`;
process.stdout.write(
  [
    `bench:api — SQLite, ${String(MERCHANTS)} merchants, ${String(CASES)} cases, ${String(CONNECTIONS)} connections, ${String(SECONDS)} s each`,
    row('ceiling: bare Fastify hello-world', ceiling),
    row('reads: list cases / get a case', reads),
    row('mixed: 80 % reads, 20 % writes', mixed),
    `reads / ceiling: ${((100 * reads.requests) / ceiling.requests).toFixed(1)} % (target ≥ 30 %); reads p99 ${String(reads.p99)} ms (target < 50 ms)`,
    '',
  ].join('\n'),
);
