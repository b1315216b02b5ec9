import path from 'node:path';
import { proposeAlerts } from './alerts/alerts.service.js';
import { buildApp } from './app.js';
import { seedChannels } from './channels/channels.service.js';
import { configFromEnv, type ServerConfig } from './config.js';
import { migrate, openDatabase, type Database } from './db/database.js';
import type { ServerDeps } from './deps.js';
import { consoleSender, smtpSender, type EmailSender } from './notifications/email.js';
import { sweep } from './notifications/notifications.service.js';
import { localDiskStorage } from './storage/storage.js';

export interface RunningServer {
  readonly url: string;
  readonly deps: ServerDeps;
  close(): Promise<void>;
}

/** Opens the database (migrated and seeded), the file storage and, if configured, e-mail. */
export async function prepare(
  config: ServerConfig,
): Promise<{ database: Database; deps: ServerDeps; mailer: EmailSender | null }> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'feeguard.db'),
    ...(config.databaseSchema ? { pgSchema: config.databaseSchema } : {}),
  });
  await migrate(database);
  await seedChannels(database.db, new Date().toISOString());
  const mailer = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : null;
  const deps: ServerDeps = {
    db: database.db,
    dialect: database.dialect,
    config,
    storage: localDiskStorage(path.join(config.dataDir, 'files')),
    now: () => new Date(),
    mailer: mailer ?? consoleSender(),
  };
  return { database, deps, mailer };
}

/** Starts the server: HTTP, the notification sweep and the alert job, and a clean stop on SIGINT/SIGTERM. */
export async function startServer(config: ServerConfig = configFromEnv()): Promise<RunningServer> {
  const { database, deps, mailer } = await prepare(config);
  const app = await buildApp(deps);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${String(port)}`;
  const timer =
    config.sweepSeconds > 0
      ? setInterval(() => {
          sweep(deps, mailer).catch((error: unknown) => {
            app.log.error({ err: error }, 'notification sweep failed');
          });
          proposeAlerts(deps).catch((error: unknown) => {
            app.log.error({ err: error }, 'consumer alert job failed');
          });
        }, config.sweepSeconds * 1000)
      : null;
  timer?.unref();
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      if (timer) clearInterval(timer);
      await app.close();
      mailer?.close();
      await database.close();
    })();
    return closing;
  };
  return { url, deps, close };
}
