import type { FindingCategory, IsoDate } from '../audit/model.js';
import { formatFenGrouped, parseYuanToFen } from '../audit/money.js';
import type { AuditReport, Finding } from '../audit/report/schema.js';
import { CATEGORY_NAMES, PERIOD_NAMES } from '../audit/words.js';
import type { CaseFile } from '../cases/case-file.js';
import { unknownHistoryChannel } from '../plan/plan.js';
import type { KnowledgeBase } from '../channels/schema.js';

/**
 * What every document about a case states: the disputed deductions, the totals, what was tried.
 * Computed once from the case file and its audit, shared by letters, call scripts and the
 * evidence timeline so they can never disagree.
 */
export type Language = 'zh' | 'en';

export interface DisputedRow {
  readonly date: IsoDate;
  readonly category: FindingCategory;
  readonly text: string;
  readonly amountFen: number;
  readonly claimFen: number;
  readonly reason: string;
  readonly reasonEn: string;
  readonly where: string;
  /** The merchant marked this deduction "我没同意" themselves. */
  readonly merchantDenied: boolean;
}

/**
 * A deduction the audit could not place (需核实): the case asks the provider to explain it, show
 * the agreement or notice behind it, and refund it if it cannot. A question, never a claim: its
 * amount is kept apart from `claimFen` and no document calls it unauthorized.
 */
export interface QuestionedRow {
  readonly date: IsoDate;
  readonly category: FindingCategory;
  readonly text: string;
  readonly amountFen: number;
  readonly reason: string;
  readonly reasonEn: string;
  readonly where: string;
}

export interface CaseFacts {
  readonly disputed: readonly DisputedRow[];
  readonly claimFen: number;
  /** Deductions whose purpose is unknown, in date order: the documents ask for their basis. */
  readonly questioned: readonly QuestionedRow[];
  /** The questioned deductions counted: how many and their amount (never part of the claim). */
  readonly unexplained: { readonly count: number; readonly totalFen: number };
  readonly byCategory: readonly {
    category: FindingCategory;
    count: number;
    claimFen: number;
  }[];
  readonly period: { readonly from: IsoDate; readonly to: IsoDate } | null;
  readonly records: number;
  readonly recurring: readonly {
    category: FindingCategory;
    amountFen: number;
    every: string;
    next: IsoDate;
  }[];
}

function fen(yuan: string): number {
  return parseYuanToFen(yuan) ?? 0;
}

export function caseFacts(audit: AuditReport): CaseFacts {
  const disputed = audit.findings
    .filter((f) => f.verdict === 'unauthorized' && fen(f.overcharge) > 0)
    .map(disputedRow)
    .sort((a, b) => a.date.localeCompare(b.date));
  const questioned = audit.findings
    .filter((f) => f.verdict === 'needs_review')
    .map(questionedRow)
    .sort((a, b) => a.date.localeCompare(b.date));
  const categories = new Map<FindingCategory, { count: number; claimFen: number }>();
  for (const row of disputed) {
    const entry = categories.get(row.category) ?? { count: 0, claimFen: 0 };
    entry.count++;
    entry.claimFen += row.claimFen;
    categories.set(row.category, entry);
  }
  const periods = audit.statements.flatMap((s) => (s.period ? [s.period] : []));
  const disputedCategories = new Set(disputed.map((d) => d.category));
  return {
    disputed,
    claimFen: fen(audit.claim.total),
    questioned,
    unexplained: {
      count: questioned.length,
      totalFen: questioned.reduce((sum, q) => sum + q.amountFen, 0),
    },
    byCategory: [...categories.entries()].map(([category, v]) => ({ category, ...v })),
    period:
      periods.length === 0
        ? null
        : {
            from: periods.map((p) => p.from).sort()[0] ?? '',
            to:
              periods
                .map((p) => p.to)
                .sort()
                .at(-1) ?? '',
          },
    records: audit.statements.reduce((sum, s) => sum + s.records, 0),
    recurring: audit.recurring
      .filter((r) => disputedCategories.has(r.category))
      .map((r) => ({
        category: r.category,
        amountFen: fen(r.amount),
        every: r.every,
        next: r.next,
      })),
  };
}

function disputedRow(f: Finding): DisputedRow {
  return {
    date: f.date,
    category: f.category,
    text: f.text,
    amountFen: fen(f.amount),
    claimFen: fen(f.overcharge),
    reason: f.reason,
    reasonEn: f.reasonEn ?? f.reason,
    where: `${f.file}${f.sheet ? `:${f.sheet}` : ''}:${String(f.row)}`,
    merchantDenied: f.basis === 'merchant: not_agreed',
  };
}

function questionedRow(f: Finding): QuestionedRow {
  return {
    date: f.date,
    category: f.category,
    text: f.text,
    // A deduction is money taken: its size, whatever the sign the statement wrote it with.
    amountFen: Math.abs(fen(f.amount)),
    reason: f.reason,
    reasonEn: f.reasonEn ?? f.reason,
    where: `${f.file}${f.sheet ? `:${f.sheet}` : ''}:${String(f.row)}`,
  };
}

export function yuan(fenAmount: number, lang: Language): string {
  return lang === 'zh'
    ? `${formatFenGrouped(fenAmount)} 元`
    : `${formatFenGrouped(fenAmount)} yuan`;
}

export function categoryName(category: FindingCategory, lang: Language): string {
  return CATEGORY_NAMES[category][lang];
}

export function periodName(every: string, lang: Language): string {
  const names = PERIOD_NAMES as Record<string, { zh: string; en: string }>;
  return names[every]?.[lang] ?? every;
}

/** "2024年11月5日" or "5 November 2024". */
export function longDate(date: IsoDate, lang: Language): string {
  const [y = '', m = '', d = ''] = date.split('-');
  if (lang === 'zh') return `${y}年${String(Number(m))}月${String(Number(d))}日`;
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${String(Number(d))} ${month} ${y}`;
}

const OUTCOME_WORDS: Record<
  Exclude<CaseFile['history'][number]['outcome'], 'pending'>,
  { zh: string; en: string }
> = {
  no_answer: { zh: '对方未在期限内答复', en: 'no answer within the time limit' },
  rejected: { zh: '对方拒绝退款', en: 'refused' },
  partial_refund: { zh: '对方仅部分退款', en: 'only partly refunded' },
  refunded: { zh: '对方已全额退款', en: 'refunded in full' },
};

type Attempt = CaseFile['history'][number];

/**
 * Where an attempt stands on `asOf`, in words. A pending attempt is "至今未获答复" only once its
 * answer deadline has passed; before that (or with no known deadline) it is awaiting its answer,
 * and an answer the merchant has not yet accepted or disputed is said to have come.
 */
function outcomeWords(attempt: Attempt, asOf: string, lang: Language): string {
  const zh = lang === 'zh';
  const answered = attempt.answeredAt;
  if (attempt.outcome !== 'pending') {
    const words = OUTCOME_WORDS[attempt.outcome][lang];
    if (!answered) return words;
    return zh
      ? `${words}（${longDate(answered, 'zh')}答复）`
      : `${words} (answered ${longDate(answered, 'en')})`;
  }
  if (answered) {
    return zh
      ? `对方已于${longDate(answered, 'zh')}答复，本人正在核实答复内容`
      : `answered on ${longDate(answered, 'en')}; I am considering the answer`;
  }
  const due = attempt.answerDue;
  if (due && due < asOf) {
    return zh
      ? `答复期限${longDate(due, 'zh')}已过，至今未获答复`
      : `the answer was due by ${longDate(due, 'en')} and has not come`;
  }
  if (due) {
    return zh
      ? `正在等待答复（答复期限${longDate(due, 'zh')}）`
      : `awaiting the answer (due by ${longDate(due, 'en')})`;
  }
  return zh ? '正在等待答复' : 'awaiting the answer';
}

/** One sentence per earlier attempt, in date order, as things stand on `asOf`. */
export function historySentences(
  caseFile: CaseFile,
  kb: KnowledgeBase,
  lang: Language,
  asOf: string,
): string[] {
  return [...caseFile.history]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((attempt) => {
      const channel = kb.channels.find((c) => c.id === attempt.channel);
      if (!channel) throw unknownHistoryChannel(attempt.channel, kb);
      const name = channel.name[lang];
      const outcome = outcomeWords(attempt, asOf, lang);
      if (lang === 'zh') {
        return `${longDate(attempt.date, 'zh')}，通过“${name}”提出${attempt.reference ? `（工单号 ${attempt.reference}）` : ''}，${outcome}${attempt.note ? `：${attempt.note}` : ''}。`;
      }
      return `On ${longDate(attempt.date, 'en')}, raised with ${name}${attempt.reference ? ` (reference ${attempt.reference})` : ''}: ${outcome}${attempt.note ? ` — ${attempt.note}` : ''}.`;
    });
}

/** Personal numbers as they may appear in public: the first and last few digits only. */
export function maskNumber(value: string, keepStart: number, keepEnd: number): string {
  // Personal numbers are ASCII digits and letters, so code units are characters here.
  if (value.length <= keepStart + keepEnd) return value;
  return (
    value.slice(0, keepStart) +
    '*'.repeat(value.length - keepStart - keepEnd) +
    value.slice(value.length - keepEnd)
  );
}

/**
 * Whether the merchant affirmed that the disputed charges were not agreed: a "no" to signing an
 * agreement, to confirming a change, or to the agreement providing for a disputed fee, or a
 * disputed deduction the merchant marked "我没同意". Only then do documents say "未经本人同意"
 * as the merchant's own statement; otherwise they say what the audit found ("没有约定依据").
 */
export function consentDenied(caseFile: CaseFile, facts: CaseFacts): boolean {
  const a = caseFile.affirmations;
  const disputed = new Set(facts.disputed.map((d) => d.category));
  return (
    a.signedAgreement === 'no' ||
    a.confirmedChange === 'no' ||
    a.agreementTerms.some((t) => t.provides === 'no' && disputed.has(t.category)) ||
    facts.disputed.some((d) => d.merchantDenied)
  );
}

/**
 * The sentences a document may assert about the facts, each one something the merchant
 * answered. `written` for letters (本人…), `spoken` for call scripts (我…). Questions not asked
 * or answered "don't remember" are left out, except that a forgotten agreement becomes a
 * request to see it.
 */
export function affirmedSentences(
  caseFile: CaseFile,
  lang: Language,
  voice: 'written' | 'spoken',
): string[] {
  const a = caseFile.affirmations;
  const r = caseFile.respondent.name;
  const zh = lang === 'zh';
  const I = voice === 'written' ? '本人' : '我';
  const out: string[] = [];
  switch (a.signedAgreement) {
    case 'no':
      out.push(
        zh
          ? `${I}从未与${r}签署过收单服务协议。`
          : `I never signed an acquiring agreement with ${r}.`,
      );
      break;
    case 'yes':
      out.push(
        zh ? `${I}与${r}签署过收单服务协议。` : `I signed an acquiring agreement with ${r}.`,
      );
      break;
    case 'unsure':
      out.push(
        zh
          ? `${I}记不清是否签署过收单服务协议，请${r}提供${I}签署的协议。`
          : `I do not remember signing an acquiring agreement; I ask ${r} to provide the agreement I signed.`,
      );
      break;
    case undefined:
      break;
  }
  if (a.signedAgreement !== 'no') {
    for (const term of a.agreementTerms) {
      const fee = categoryName(term.category, lang);
      const words = term.words?.trim();
      if (term.provides === 'no') {
        out.push(
          zh
            ? `协议中没有关于${fee}的约定${words ? `（${I}的理解：“${words}”）` : ''}。`
            : `The agreement says nothing about a ${fee}${words ? ` (as I understand it: "${words}")` : ''}.`,
        );
      } else if (term.provides === 'yes') {
        out.push(
          zh
            ? `协议中约定了${fee}${words ? `：“${words}”` : ''}。`
            : `The agreement provides for a ${fee}${words ? `: "${words}"` : ''}.`,
        );
      }
    }
  }
  if (a.toldOfChange === 'no') {
    out.push(
      zh
        ? `${I}从未收到过收费公示或收费变更的通知。`
        : 'I never received any notice of these fees or of a change of fees.',
    );
  }
  if (a.confirmedChange === 'no') {
    out.push(
      zh
        ? `${I}从未以签字、回复短信或在手机上点击等方式确认同意上述收费。`
        : 'I never confirmed these charges, by signature, SMS reply, a tap in an app or otherwise.',
    );
  }
  if (caseFile.noticedAt && a.rememberNoticed !== 'unsure' && a.rememberNoticed !== 'no') {
    out.push(
      zh
        ? `${I}于${longDate(caseFile.noticedAt, 'zh')}发现上述扣款。`
        : `I noticed the deductions on ${longDate(caseFile.noticedAt, 'en')}.`,
    );
  }
  if (a.contactedAnyone !== 'no') {
    for (const contact of a.contacts) {
      out.push(
        zh
          ? `${I}${contact.date ? `于${longDate(contact.date, 'zh')}` : '曾'}联系过${contact.whom}。`
          : `I contacted ${contact.whom}${contact.date ? ` on ${longDate(contact.date, 'en')}` : ''}.`,
      );
    }
  }
  return out;
}
