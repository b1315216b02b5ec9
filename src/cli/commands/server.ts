import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { z } from 'zod';
import { FeeGuardError } from '../../errors.js';
import { createVerifiedUser } from '../../server/auth/auth.service.js';
import { configFromEnv } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { prepare, startServer } from '../../server/main.js';
import { resolveFrom } from '../files.js';
import type { CliIo } from '../io.js';

/** `feeguard serve`, `feeguard admin create`, `feeguard backup` and `feeguard restore`. */
export function register(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('运行网页应用和 API（默认内嵌 SQLite，设置 DATABASE_URL 则用 PostgreSQL）')
    .option('-p, --port <port>', 'port (default: $PORT or 3000)')
    .action(async (flags: { port?: string }) => {
      const config = configFromEnv({ ...process.env, ...(flags.port ? { PORT: flags.port } : {}) });
      const server = await startServer(config);
      io.stdout.write(
        `扣费卫士 FeeGuard is running at ${server.url}  (API docs: ${server.url}/api/docs; database: ${config.databaseUrl ? 'PostgreSQL' : path.join(config.dataDir, 'feeguard.db')})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          void server.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  const admin = program.command('admin').description('administration');
  admin
    .command('create')
    .description('create an administrator account (the first admin comes from here)')
    .requiredOption('--email <email>', 'e-mail address')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password (default: $FEEGUARD_ADMIN_PASSWORD)')
    .action(async (flags: { email: string; name: string; password?: string }) => {
      const password = flags.password ?? process.env['FEEGUARD_ADMIN_PASSWORD'];
      if (!password || password.length < 8) {
        throw new FeeGuardError(
          'FG_ERR_USAGE',
          'an administrator needs a password of at least 8 characters',
          {
            hint: 'pass --password or set FEEGUARD_ADMIN_PASSWORD',
          },
        );
      }
      const email = z.email().safeParse(flags.email);
      if (!email.success)
        throw new FeeGuardError('FG_ERR_USAGE', `"${flags.email}" is not an e-mail address`);
      const { database, deps } = await prepare(configFromEnv());
      try {
        const user = await createVerifiedUser(
          deps,
          { email: email.data, password, name: flags.name },
          { isAdmin: true },
        );
        io.stdout.write(`administrator ${user.email} created\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('backup')
    .description('copy the embedded SQLite database to a file, consistently, while the server runs')
    .argument('<file>', 'the backup file to write')
    .action(async (file: string) => {
      const config = configFromEnv();
      if (config.databaseUrl) {
        throw new FeeGuardError('FG_ERR_USAGE', 'backup is for the embedded SQLite database', {
          hint: 'on PostgreSQL use pg_dump',
        });
      }
      const database = openDatabase({ sqliteFile: path.join(config.dataDir, 'feeguard.db') });
      const target = resolveFrom(io.cwd, file);
      await mkdir(path.dirname(target), { recursive: true });
      // VACUUM INTO writes a consistent copy even while other connections write (WAL).
      await sql`VACUUM INTO ${target}`.execute(database.db);
      await database.close();
      io.stdout.write(
        `backup written to ${target} (${String((await stat(target)).size)} bytes); the stored files are in ${path.join(config.dataDir, 'files')}\n`,
      );
    });

  program
    .command('restore')
    .description('replace the embedded SQLite database with a backup (stop the server first)')
    .argument('<file>', 'a file written by feeguard backup')
    .action(async (file: string) => {
      const config = configFromEnv();
      const source = resolveFrom(io.cwd, file);
      try {
        await stat(source);
      } catch {
        throw new FeeGuardError('FG_ERR_FILE_NOT_FOUND', `no backup ${source}`);
      }
      const target = path.join(config.dataDir, 'feeguard.db');
      await mkdir(config.dataDir, { recursive: true });
      // Copied next to the database, then renamed over it: never a half-restored database.
      const temp = `${target}.restore`;
      await copyFile(source, temp);
      for (const suffix of ['-wal', '-shm']) {
        await rename(`${target}${suffix}`, `${target}${suffix}.old`).catch(() => undefined);
      }
      await rename(temp, target);
      io.stdout.write(`restored ${target} from ${source}\n`);
    });
}
