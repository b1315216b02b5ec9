import { Command, CommanderError } from 'commander';
import { FeeGuardError, isFeeGuardError } from '../errors.js';
import { type CliIo, processIo } from './io.js';
import { registerCommands } from './commands/index.js';

/** Runs the CLI and returns the exit status: 0 ran, 2 unusable input or arguments, 1 internal fault. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('feeguard')
    .description('扣费卫士 FeeGuard — 查出 POS 机被乱扣的费用，并帮您投诉追回')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // one line: commander's complaint, then where the usage is
      outputError: (s, write) => {
        write(
          `feeguard: ${s.replace(/^error: /, '').trimEnd()} — run \`feeguard --help\` for usage\n`,
        );
      },
    });

  await registerCommands(program, io, argv);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return exitStatusFor(error, io);
  }
}

function exitStatusFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // help and version are not failures
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.help') return 0;
    return 2;
  }
  if (isFeeGuardError(error)) {
    io.stderr.write(`feeguard: ${error.toLine()}\n`);
    return error.status >= 500 ? 1 : 2;
  }
  const fault = new FeeGuardError('FG_ERR_INTERNAL', 'internal error', { cause: error });
  io.stderr.write(
    `feeguard: ${fault.message}: ${error instanceof Error ? error.message : String(error)} — please report it with the command you ran.\n`,
  );
  if (process.env.FEEGUARD_DEBUG && error instanceof Error)
    io.stderr.write(`${error.stack ?? ''}\n`);
  return 1;
}
