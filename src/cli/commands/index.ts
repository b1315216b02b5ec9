import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { register as audit } from './audit.js';
import { register as channels } from './channels.js';
import { register as evidence } from './evidence.js';
import { register as documents } from './letter.js';
import { register as plan } from './plan.js';
import { register as server } from './server.js';
import { register as stats } from './stats.js';

type Register = (program: Command, io: CliIo) => void;

/** Each command lives in its own module exporting a `register` function; this is the list. */
const COMMANDS: readonly Register[] = [audit, channels, plan, documents, evidence, server, stats];

export function registerCommands(program: Command, io: CliIo): void {
  for (const register of COMMANDS) register(program, io);
}
