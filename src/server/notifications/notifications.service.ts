import { randomBytes } from 'node:crypto';
import { addDaysIso } from '../../audit/dates.js';
import { shanghaiToday } from '../../deadlines/today.js';
import type { Caller } from '../auth/caller.js';
import type { ServerDeps } from '../deps.js';
import { newId } from '../deps.js';
import { appendEvent } from '../cases/cases.repository.js';
import { refreshCaseSummaries } from '../cases/cases.service.js';
import type { EmailSender } from './email.js';
import { outboundPolicy } from './outbound.js';
import { deliverWebhook } from './webhook.js';

export interface NotificationInput {
  readonly userId: string;
  /** What makes it unique, e.g. "overdue:<filing>": recording it twice records it once. */
  readonly key: string;
  readonly kind: 'deadline_soon' | 'overdue' | 'answer_received' | 'group_filed';
  readonly caseId: string | null;
  readonly filingId: string | null;
  readonly message: { zh: string; en: string };
}

/** Records a notification unless one with the same key exists; true when it was new. */
export async function recordNotification(
  deps: ServerDeps,
  input: NotificationInput,
): Promise<boolean> {
  const result = await deps.db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: input.userId,
      key: input.key,
      kind: input.kind,
      case_id: input.caseId,
      filing_id: input.filingId,
      message: JSON.stringify(input.message),
      created_at: deps.now().toISOString(),
      read_at: null,
      emailed_at: null,
      webhook_at: null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The caller's private calendar feed address, made on first use. */
export async function calendarUrl(deps: ServerDeps, caller: Caller): Promise<string> {
  const existing = await deps.db
    .selectFrom('calendar_tokens')
    .select('token')
    .where('user_id', '=', caller.userId)
    .executeTakeFirst();
  let token = existing?.token;
  if (!token) {
    token = randomBytes(24).toString('base64url');
    await deps.db
      .insertInto('calendar_tokens')
      .values({ token, user_id: caller.userId, created_at: deps.now().toISOString() })
      .execute();
  }
  return `${deps.config.publicUrl}/api/calendar/${token}.ics`;
}

export interface SweepResult {
  readonly markedOverdue: number;
  readonly recorded: number;
  readonly emailed: number;
  readonly webhooks: number;
}

const SOON_DAYS = 3;

/**
 * The periodic sweep. Every step is safe to run from several instances at the same moment:
 * filings move to overdue with a conditional update, notifications are keyed, and a delivery
 * is claimed (its timestamp set where it was empty) before it is sent, so nothing is recorded or
 * sent twice.
 */
export async function sweep(deps: ServerDeps, mailer: EmailSender | null): Promise<SweepResult> {
  const today = shanghaiToday(deps.now());
  const at = deps.now().toISOString();
  let markedOverdue = 0;
  let recorded = 0;

  const late = await deps.db
    .selectFrom('filings')
    .innerJoin('cases', 'cases.id', 'filings.case_id')
    .select([
      'filings.id',
      'filings.case_id',
      'filings.version',
      'filings.due_date',
      'filings.state',
      'filings.channel_id',
      'cases.owner_id',
      'cases.respondent_name',
    ])
    .where('filings.state', 'in', ['submitted', 'acknowledged'])
    .where('filings.due_date', '<', today)
    .execute();
  for (const filing of late) {
    const moved = await deps.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('filings')
        .set({ state: 'overdue', version: filing.version + 1, updated_at: at })
        .where('id', '=', filing.id)
        .where('version', '=', filing.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await appendEvent(trx, {
        id: newId(),
        case_id: filing.case_id,
        filing_id: filing.id,
        actor_id: null,
        kind: 'filing_mark_overdue',
        data: JSON.stringify({ from: filing.state, to: 'overdue', dueDate: filing.due_date }),
        at,
      });
      return true;
    });
    if (moved) markedOverdue++;
    if (
      await recordNotification(deps, {
        userId: filing.owner_id,
        key: `overdue:${filing.id}`,
        kind: 'overdue',
        caseId: filing.case_id,
        filingId: filing.id,
        message: {
          zh: `${filing.respondent_name}未在 ${filing.due_date ?? ''} 前答复，已逾期：可以升级到下一步。`,
          en: `${filing.respondent_name} did not answer by ${filing.due_date ?? ''}: the filing is overdue and can be escalated.`,
        },
      })
    ) {
      recorded++;
    }
  }

  const soon = await deps.db
    .selectFrom('filings')
    .innerJoin('cases', 'cases.id', 'filings.case_id')
    .select([
      'filings.id',
      'filings.case_id',
      'filings.due_date',
      'cases.owner_id',
      'cases.respondent_name',
    ])
    .where('filings.state', 'in', ['submitted', 'acknowledged'])
    .where('filings.due_date', '>=', today)
    .where('filings.due_date', '<=', addDaysIso(today, SOON_DAYS))
    .execute();
  for (const filing of soon) {
    if (
      await recordNotification(deps, {
        userId: filing.owner_id,
        key: `due-soon:${filing.id}:${filing.due_date ?? ''}`,
        kind: 'deadline_soon',
        caseId: filing.case_id,
        filingId: filing.id,
        message: {
          zh: `${filing.respondent_name}的答复期限是 ${filing.due_date ?? ''}（${String(SOON_DAYS)} 天内）。`,
          en: `${filing.respondent_name} must answer by ${filing.due_date ?? ''} (within ${String(SOON_DAYS)} days).`,
        },
      })
    ) {
      recorded++;
    }
  }

  // Deadlines that passed change what the case shows (the next step becomes current).
  await refreshCaseSummaries(deps, [...new Set(late.map((f) => f.case_id))]);
  const delivered = await deliverPending(deps, mailer);
  return { markedOverdue, recorded, ...delivered };
}

async function deliverPending(
  deps: ServerDeps,
  mailer: EmailSender | null,
): Promise<{ emailed: number; webhooks: number }> {
  let emailed = 0;
  let webhooks = 0;
  const at = deps.now().toISOString();
  if (mailer) {
    const pending = await deps.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['notifications.id', 'notifications.message', 'users.email'])
      .where('notifications.emailed_at', 'is', null)
      .limit(200)
      .execute();
    for (const n of pending) {
      const claimed = await deps.db
        .updateTable('notifications')
        .set({ emailed_at: at })
        .where('id', '=', n.id)
        .where('emailed_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const message = JSON.parse(n.message) as { zh: string; en: string };
      try {
        await mailer.send({
          to: n.email,
          subject: `扣费卫士提醒：${message.zh.slice(0, 40)}`,
          text: `${message.zh}\n\n${message.en}\n\n${deps.config.publicUrl}`,
        });
        emailed++;
      } catch {
        // Released for the next sweep to try again.
        await deps.db
          .updateTable('notifications')
          .set({ emailed_at: null })
          .where('id', '=', n.id)
          .execute();
      }
    }
  }
  const hooks = await deps.db
    .selectFrom('notifications')
    .innerJoin('webhooks', 'webhooks.user_id', 'notifications.user_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.case_id',
      'notifications.filing_id',
      'notifications.message',
      'notifications.created_at',
      'webhooks.url',
      'webhooks.secret',
    ])
    .where('notifications.webhook_at', 'is', null)
    .limit(200)
    .execute();
  for (const n of hooks) {
    const claimed = await deps.db
      .updateTable('notifications')
      .set({ webhook_at: at })
      .where('id', '=', n.id)
      .where('webhook_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const result = await deliverWebhook(
      {
        url: n.url,
        secret: n.secret,
        event: n.kind,
        id: n.id,
        timestamp: Math.floor(deps.now().getTime() / 1000),
        payload: {
          caseId: n.case_id,
          filingId: n.filing_id,
          message: JSON.parse(n.message) as unknown,
          createdAt: n.created_at,
        },
      },
      { policy: outboundPolicy(deps.config) },
    );
    if (result.ok) webhooks++;
    else
      await deps.db
        .updateTable('notifications')
        .set({ webhook_at: null })
        .where('id', '=', n.id)
        .execute();
  }
  return { emailed, webhooks };
}
