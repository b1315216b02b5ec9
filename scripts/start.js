// `npm start` (after `npm run build`): the web app and API on the embedded database, or on
// PostgreSQL when DATABASE_URL is set. Extra arguments go to `feeguard serve` (e.g. --port 8080).
import { spawnSync } from 'node:child_process';

const cli = new URL('../bin/feeguard.js', import.meta.url).pathname;
const result = spawnSync(process.execPath, [cli, 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
