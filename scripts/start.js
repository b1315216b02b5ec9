// `npm start`: serve the web app and API when the server is built; until then, say what works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = new URL('../bin/feeguard.js', import.meta.url).pathname;
if (existsSync(new URL('../dist/src/server/main.js', import.meta.url))) {
  const result = spawnSync(process.execPath, [cli, 'serve', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
process.stdout.write(`扣费卫士 FeeGuard is built and ready on the command line.

  Audit a statement:   npx feeguard audit <statement.csv|.xlsx|sms.txt> [--contract contract.json]
  Try it on a sample:  npx feeguard audit test/fixtures/samples/01-plain.csv --contract test/fixtures/samples/01-plain.contract.json
  All commands:        npx feeguard --help

The web app and API (issue #4, #5) are not built yet; this command will serve them once they are.
`);
