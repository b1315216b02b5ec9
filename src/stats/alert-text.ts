import { addDaysIso } from '../audit/dates.js';
import type { FindingCategory } from '../audit/model.js';
import { CATEGORY_NAMES } from '../audit/words.js';
import { defaultAnswerRule } from '../channels/knowledge-base.js';
import type { Channel } from '../channels/schema.js';
import type { SpikeEvidence } from './spikes.js';

/**
 * The draft of a consumer alert (消费提示) for a spike, in plain Chinese: which provider, which
 * fee, how many merchants complained this week against the usual, what to look for on the
 * statement and where to complain. Pure; the channel names come from the knowledge base the
 * caller passes in, so the alert never names a channel differently from the guides and letters.
 * A reviewer edits the draft before anything is published.
 */

export interface AlertChannels {
  /** The provider's own complaint channel, the first step, with its answer time. */
  readonly first: {
    readonly name: string;
    readonly days: number | null;
    readonly unit: 'calendar' | 'working';
  } | null;
  /** Regulators that take a complaint once the provider did not answer or refused. */
  readonly escalate: readonly string[];
  /** Where a merchant can report the practice (举报) at the same time. */
  readonly report: readonly string[];
}

export type RespondentType = 'bank' | 'payment_institution';

/** Picks the channels an alert names from the knowledge base, for a merchant complainant. */
export function alertChannels(channels: readonly Channel[], type: RespondentType): AlertChannels {
  const against = (c: Channel) => c.against.includes(type);
  const merchantMay = (c: Channel, as: 'complaint' | 'report') =>
    c.accepts.some(
      (a) =>
        a.party === 'individual_merchant' &&
        a.as === as &&
        (a.against === undefined || a.against.includes(type)),
    );
  const first = channels.find((c) => c.kind === 'provider_service' && against(c));
  return {
    first: first
      ? {
          name: first.name.zh,
          days: defaultAnswerRule(first)?.days ?? null,
          unit: defaultAnswerRule(first)?.unit ?? 'calendar',
        }
      : null,
    escalate: channels
      .filter(
        (c) =>
          (c.kind === 'central_bank' || c.kind === 'financial_regulator') &&
          against(c) &&
          merchantMay(c, 'complaint'),
      )
      .map((c) => c.name.zh),
    report: channels
      .filter(
        (c) =>
          (c.kind === 'market_regulator' || c.kind === 'industry_association') &&
          against(c) &&
          merchantMay(c, 'report'),
      )
      .map((c) => c.name.zh),
  };
}

/** What to look for on the statement, per fee category: the names these charges go by. */
const WHAT_TO_CHECK: Record<FindingCategory, string> = {
  traffic_fee: '“流量费”“流量卡费”“SIM 卡费”“通讯服务费”一类的扣款',
  service_fee: '“服务费”“会员费”“年费”“技术服务费”一类的扣款',
  deposit: '“押金”“激活费”“机具费”“服务押金”一类的扣款',
  instant_settlement_fee: '“秒到费”“D0 手续费”“提现费”“加急到账费”一类的扣款',
  other_deduction: '名目不明的扣款、“调账”“其他扣款”',
  rate_overcharge: '每笔交易的手续费率是否高于合同或开通时约定的费率',
  settlement_shortfall: '到账金额是否少于交易金额减去约定手续费',
};

function isCategory(category: string): category is FindingCategory {
  return Object.hasOwn(CATEGORY_NAMES, category);
}

function categoryOf(category: string): FindingCategory {
  return isCategory(category) ? category : 'other_deduction';
}

export function feeName(category: string): string {
  return CATEGORY_NAMES[categoryOf(category)].zh;
}

function monthDay(date: string): string {
  return `${String(Number(date.slice(5, 7)))}月${String(Number(date.slice(8, 10)))}日`;
}

/** "about 2", "fewer than 1", "none": the usual weekly level in words. */
function usual(evidence: Pick<SpikeEvidence, 'baseline' | 'baselineSum' | 'baselineMean'>) {
  const weeks = evidence.baseline.length;
  if (evidence.baselineSum === 0) return `此前 ${String(weeks)} 周一起也没有`;
  const mean = evidence.baselineMean;
  const level =
    mean < 1
      ? '平均每周不到 1 起'
      : `平均每周约 ${Number.isInteger(mean) ? String(mean) : mean.toFixed(1)} 起`;
  return `此前 ${String(weeks)} 周一共 ${String(evidence.baselineSum)} 起，${level}`;
}

export interface AlertDraftInput {
  readonly provider: string;
  readonly category: string;
  /** Monday of the week. */
  readonly week: string;
  /** True when the week is still running: its count is "so far". */
  readonly inProgress: boolean;
  readonly evidence: Pick<SpikeEvidence, 'count' | 'baseline' | 'baselineSum' | 'baselineMean'>;
  readonly channels: AlertChannels;
}

export function composeAlert(input: AlertDraftInput): { title: string; body: string } {
  const { provider, week, evidence, channels } = input;
  const fee = feeName(input.category);
  const sunday = addDaysIso(week, 6);
  const when = input.inProgress
    ? `本周（${monthDay(week)}起）到目前为止`
    : `${monthDay(week)}至${monthDay(sunday)}这一周`;
  const times =
    evidence.baselineMean > 0
      ? `，约为平时的 ${String(Math.round(evidence.count / evidence.baselineMean))} 倍`
      : '';

  const title = `消费提示：${provider}${fee}投诉${input.inProgress ? '本周' : ''}明显增多，请核对对账单`;

  const steps: string[] = [];
  if (channels.first) {
    const wait =
      channels.first.days === null
        ? ''
        : `；${String(channels.first.days)}${channels.first.unit === 'working' ? '个工作日' : '日'}内没有答复或不满意，可以升级`;
    steps.push(
      `先向${provider}投诉（渠道：${channels.first.name}），写明扣款日期和金额，要求退还，并记下工单号${wait}`,
    );
  }
  if (channels.escalate.length > 0) {
    steps.push(
      `升级到${channels.escalate.join('或')}，附上对账单和${provider}的答复（或没有答复的记录）`,
    );
  }
  if (channels.report.length > 0) {
    steps.push(`也可以同时通过${channels.report.join('、')}反映这种扣费做法`);
  }

  const body = [
    `${when}，有 ${String(evidence.count)} 位商户通过扣费卫士投诉${provider}扣取${fee}，${usual(evidence)}${times}。`,
    '',
    `使用${provider} POS 机或收款码的商户，请打开近几个月的对账单或结算明细核对：`,
    `· 有没有${WHAT_TO_CHECK[categoryOf(input.category)]}；`,
    '· 对照合同或开通时的约定，看扣款的名目、金额、次数和起扣日期是否一致；',
    '· 把对账单导出或截图保存，记下每笔扣款的日期和金额。',
    '',
    '如果发现未经您同意的扣款：',
    ...steps.map((step, i) => `${String(i + 1)}. ${step}。`),
    '',
    '扣费卫士可以免费帮您读对账单、算出应退金额并生成投诉书。以上数字是商户在扣费卫士提交的投诉，并非全部投诉，也不代表投诉都已查实。',
  ].join('\n');
  return { title, body };
}
