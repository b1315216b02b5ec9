import type { Caller } from '../auth/caller.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { notFound } from '../http/errors.js';
import { outboundPolicy } from './outbound.js';
import { deliverWebhook } from './webhook.js';
import { deleteWebhook, findWebhook } from './webhooks.repository.js';

/**
 * The caller's own notification settings. Every method acts on the caller's user id only, so the
 * access check is the caller itself: there is no id in the request to reach anyone else's.
 */
function owner(caller: Caller): string {
  return caller.userId;
}

export interface NotificationSettings {
  readonly email: { readonly address: string; readonly enabled: boolean };
  /** The secret is shown once, when the webhook is set; never again. */
  readonly webhook: { readonly url: string; readonly createdAt: string } | null;
}

export async function notificationSettings(
  deps: ServerDeps,
  caller: Caller,
): Promise<NotificationSettings> {
  const userId = owner(caller);
  const [user, webhook] = await Promise.all([
    deps.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow(),
    findWebhook(deps.db, userId),
  ]);
  return {
    email: { address: user.email, enabled: deps.config.smtpUrl !== undefined },
    webhook: webhook ? { url: webhook.url, createdAt: webhook.createdAt } : null,
  };
}

export async function removeWebhook(deps: ServerDeps, caller: Caller): Promise<void> {
  const userId = owner(caller);
  if (!(await deleteWebhook(deps.db, userId))) throw notFound('webhook');
}

export interface WebhookTestResult {
  readonly ok: boolean;
  readonly status: number | null;
  readonly error?: string;
}

/** Sends one signed `test` event now, so the receiver's signature check can be tried. */
export async function sendTestWebhook(
  deps: ServerDeps,
  caller: Caller,
): Promise<WebhookTestResult> {
  const userId = owner(caller);
  const webhook = await findWebhook(deps.db, userId);
  if (!webhook) throw notFound('webhook');
  const result = await deliverWebhook(
    {
      url: webhook.url,
      secret: webhook.secret,
      event: 'test',
      id: newId(),
      timestamp: Math.floor(deps.now().getTime() / 1000),
      payload: {
        message: {
          zh: '这是扣费卫士的测试通知：签名核对通过就说明设置正确。',
          en: 'A FeeGuard test notification: if its signature checks out, the webhook is set up.',
        },
      },
    },
    { policy: outboundPolicy(deps.config) },
  );
  // Success or "发送失败", nothing more: a refused connection, a closed port or a receiver's
  // status must not turn the test button into a scanner of other people's networks.
  return result.ok
    ? { ok: true, status: result.status }
    : { ok: false, status: null, error: '发送失败' };
}
