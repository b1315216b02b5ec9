import type { Command } from 'commander';
import type { CliIo } from '../io.js';

type Register = (program: Command, io: CliIo) => void;
type Module = () => Promise<{ register: Register }>;

/** Each command lives in its own module exporting a `register` function; this is the list. */
const COMMANDS: readonly Module[] = [
  () => import('./audit.js'),
  () => import('./channels.js'),
  () => import('./plan.js'),
  () => import('./letter.js'),
  () => import('./evidence.js'),
  () => import('./server.js'),
  () => import('./stats.js'),
];

/**
 * The commands whose module is known from their first word: `feeguard audit …` loads the audit
 * alone, not the web server, the databases and the document writers the others bring (measured:
 * 0.7 s and 60 MB at every start). Help, and any other word, loads them all.
 */
const BY_NAME: Readonly<Record<string, Module>> = {
  audit: () => import('./audit.js'),
  channels: () => import('./channels.js'),
  plan: () => import('./plan.js'),
  evidence: () => import('./evidence.js'),
  serve: () => import('./server.js'),
  admin: () => import('./server.js'),
  stats: () => import('./stats.js'),
};

export async function registerCommands(
  program: Command,
  io: CliIo,
  argv: readonly string[] = [],
): Promise<void> {
  const first = argv[0];
  const one =
    first === undefined || argv.includes('--help') || argv.includes('-h')
      ? undefined
      : BY_NAME[first];
  for (const load of one ? [one] : COMMANDS) (await load()).register(program, io);
}
