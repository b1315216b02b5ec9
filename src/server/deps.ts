import type { Kysely } from 'kysely';
import type { ServerConfig } from './config.js';
import type { Dialect } from './db/database.js';
import type { DB } from './db/schema.js';
import type { EmailSender } from './notifications/email.js';
import type { FileStorage } from './storage/storage.js';

/** What every service gets: the database, the file storage, the configuration and the clock. */
export interface ServerDeps {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  readonly config: ServerConfig;
  readonly storage: FileStorage;
  /** The current time; tests move it to reach deadlines. */
  readonly now: () => Date;
  /**
   * Where account e-mails (verification links) go: SMTP when configured, else standard output.
   * Absent: standard output.
   */
  readonly mailer?: EmailSender;
}

export function newId(): string {
  return crypto.randomUUID();
}
