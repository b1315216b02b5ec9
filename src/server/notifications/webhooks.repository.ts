import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface WebhookRow {
  readonly url: string;
  readonly secret: string;
  readonly createdAt: string;
}

/** The user's webhook (one per user: `setWebhook` replaces it). */
export async function findWebhook(db: Kysely<DB>, userId: string): Promise<WebhookRow | null> {
  const row = await db
    .selectFrom('webhooks')
    .select(['url', 'secret', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? { url: row.url, secret: row.secret, createdAt: row.created_at } : null;
}

/** True when there was one to remove. */
export async function deleteWebhook(db: Kysely<DB>, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
