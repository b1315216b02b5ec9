import { addDaysIso, addMonths, daysBetween } from '../audit/dates.js';
import type { Fen, IsoDate } from '../audit/model.js';
import { formatFenGrouped } from '../audit/money.js';
import {
  answerRule,
  articlesIn,
  citationsOf,
  isVerified,
  needsVerification,
  proceduresFor,
  readableWhere,
  sourceTitle,
  weakest,
} from '../channels/knowledge-base.js';
import type {
  Channel,
  ChannelKind,
  Citation,
  Confidence,
  DeadlineRule,
  FilingType,
  KnowledgeBase,
} from '../channels/schema.js';
import type { WorkCalendar } from '../deadlines/calendar.js';
import { FeeGuardError } from '../errors.js';
import { computeDeadline, type Deadline } from '../deadlines/deadline.js';
import { arbitrationFeeRangeFen, courtRoute, type CourtRoute } from './court.js';
import type { PlanPolicy } from './policy.js';

/**
 * The routed plan: which channel first, what to escalate to and when, what to do alongside.
 * Pure: a case's facts, the knowledge base, a calendar and the policy figures in; plain data out.
 * Who may use which channel is read from the knowledge base (`accepts`, `against`), so correcting
 * the data corrects the route.
 */

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export type ComplainantType = 'individual_consumer' | 'individual_merchant' | 'company';
/** `unknown`: the merchant has not said, and the name does not tell (see src/channels/provider-kind.ts). */
export type ProviderType = 'bank' | 'payment_institution' | 'unknown';
export type AttemptOutcome = 'pending' | 'no_answer' | 'rejected' | 'partial_refund' | 'refunded';

export interface PlanAttempt {
  readonly channel: string;
  readonly date: IsoDate;
  readonly reference?: string;
  readonly outcome: AttemptOutcome;
  readonly answeredAt?: IsoDate;
  readonly refundFen?: Fen;
}

export interface PlanInput {
  readonly complainantType: ComplainantType;
  readonly providerType: ProviderType;
  readonly providerName: string;
  /** Where the provider is domiciled (its province): decides the court and its small-claims limit. */
  readonly providerProvince?: string;
  /** The competent court when the merchant has looked it up (e.g. 杭州市西湖区人民法院). */
  readonly providerCourt?: string;
  /** When the provider's type was not stated or contradicts its name: the question to ask. */
  readonly providerTypeQuestion?: Bilingual;
  /** The exact amount claimed (the audit's claim total). */
  readonly claimFen: Fen;
  /**
   * Deductions of unclear purpose the case asks the provider to explain (需核实): kept apart from
   * the claim, so a case of questions only asks for explanations rather than money back.
   */
  readonly questionedFen?: Fen;
  readonly history: readonly PlanAttempt[];
  /** Other merchants of the same provider have the same problem: how many, or just whether. */
  readonly othersAffected: boolean | number;
  readonly noticedAt?: IsoDate;
  /** The contract has an arbitration clause (which then replaces the court). */
  readonly arbitrationAgreement: boolean;
  readonly asOf: IsoDate;
}

/**
 * done: used and finished with; waiting: filed, answer not yet due; overdue: no answer by the
 * deadline; disputed: answered, but not acceptably; resolved: the claim was paid; next: do this
 * now (or on `startOn`); later: only if the steps before fail; skipped: not used, the case moved on;
 * not_needed: the case is resolved; unavailable: this complainant cannot use it here.
 */
export type StepState =
  | 'done'
  | 'waiting'
  | 'overdue'
  | 'disputed'
  | 'resolved'
  | 'next'
  | 'later'
  | 'skipped'
  | 'not_needed'
  | 'unavailable';

export interface StepDeadline {
  readonly what: Bilingual;
  readonly deadline: Deadline;
  /** The latest the answer may come if the respondent uses every extension the rule allows. */
  readonly latest?: Deadline;
  readonly basis: string;
  readonly confidence: Confidence;
  /** Every procedure of this filing at this channel, each with its own start and date. */
  readonly procedures?: readonly ProcedureDate[];
}

/**
 * One procedure's deadline as a date: a regulator's acceptance decision, its transfer, the
 * institution's answer, the decision to open a case … Counted from its own start event; a
 * procedure that starts when an earlier one ends is dated from the earlier one's last day
 * (`estimated`: the earlier step may well finish sooner).
 */
export interface ProcedureDate {
  readonly id: string;
  readonly what: Bilingual;
  readonly startEvent: Bilingual;
  readonly deadline: Deadline;
  readonly latest?: Deadline;
  readonly estimated: boolean;
  /** The plan waits for this one. */
  readonly answer: boolean;
  /** 《title》article, for "依据……的规定". */
  readonly basis: string;
  readonly summary: Bilingual;
  /** The article's exact words, when they were read in the text. */
  readonly quote?: string;
  readonly source: string;
  /** Read in the regulation text or an official notice (已核实) — otherwise 待核实. */
  readonly verified: boolean;
  readonly verifiedAt: IsoDate;
}

export interface PlanStep {
  readonly channel: string;
  readonly name: Bilingual;
  readonly kind: ChannelKind;
  /** What the filing is here: 投诉, 举报 or an application (mediation, arbitration, lawsuit). */
  readonly filingType: FilingType;
  readonly state: StepState;
  readonly why: Bilingual;
  readonly when: Bilingual;
  /** Other channels that can stand in for this one (e.g. NFRA beside the PBoC for a bank). */
  readonly alternatives: readonly string[];
  /** The alternatives' names, for people (the ids are for programs). */
  readonly alternativeNames?: readonly Bilingual[];
  /** For a step taken: when it was filed, its reference and when the answer is due. */
  readonly filed?: {
    readonly date: IsoDate;
    readonly reference?: string;
    /** The channel has answered and the merchant has not yet said whether the answer settles it. */
    readonly answeredAt?: IsoDate;
  };
  /** For the next and later steps: the day to file, when known. */
  readonly startOn?: IsoDate;
  readonly answerDue?: StepDeadline;
  /** Days until the answer is due (negative once overdue). */
  readonly daysLeft?: number;
  readonly tradeOffs?: Bilingual;
  /** What to have ready, and how to reach the channel (from the knowledge base). */
  readonly bring: readonly Bilingual[];
  readonly contacts: readonly {
    readonly method: string;
    readonly value: string;
    readonly hours?: string;
  }[];
  /** The least certain fact behind this step; below "medium" the user must verify it. */
  readonly confidence: Confidence;
  readonly verify: readonly Bilingual[];
}

export type PlanStage = 'start' | 'waiting' | 'escalate' | 'resolved' | 'exhausted';

export interface Plan {
  readonly asOf: IsoDate;
  readonly claimFen: Fen;
  readonly stage: PlanStage;
  /** One or two sentences: where the case stands and what to do now. */
  readonly headline: Bilingual;
  readonly ladder: readonly PlanStep[];
  readonly parallel: readonly PlanStep[];
  readonly groupComplaint: { readonly recommended: boolean; readonly why: Bilingual };
  readonly warnings: readonly Bilingual[];
  /** A question the merchant must answer before the plan can go further (the provider's type). */
  readonly question?: Bilingual;
  /** The court step's figures: procedure, court fee, arbitration fee range. */
  readonly court?: CourtRoute & {
    readonly arbitration?: { readonly minFen: Fen; readonly maxFen: Fen };
  };
  /** The last day to sue (3 years from when the merchant learned of the deductions). */
  readonly limitation?: { readonly until: IsoDate; readonly daysLeft: number };
}

/** Where each kind of channel sits on the ladder; kinds not listed are parallel moves. */
const LADDER_RANK: Partial<Record<ChannelKind, number>> = {
  provider_service: 1,
  central_bank: 2,
  financial_regulator: 2,
  mediation: 3,
  arbitration: 4,
  court: 4,
};
const PARALLEL_KINDS: readonly ChannelKind[] = [
  'market_regulator',
  'industry_association',
  'consumer_association',
  'media',
];

const PARTY_NAMES: Record<ComplainantType, Bilingual> = {
  individual_consumer: { zh: '个人用户', en: 'an individual' },
  individual_merchant: { zh: '个体商户', en: 'an individual merchant' },
  company: { zh: '企业商户', en: 'a company' },
};
const PROVIDER_NAMES: Record<ProviderType, Bilingual> = {
  bank: { zh: '收单银行', en: 'an acquiring bank' },
  payment_institution: { zh: '支付机构', en: 'a payment institution' },
  unknown: { zh: '收单机构', en: 'the acquirer' },
};

interface Candidate {
  readonly channel: Channel;
  readonly as: FilingType;
  readonly acceptCite: Citation;
}

export function planCase(
  input: PlanInput,
  kb: KnowledgeBase,
  calendar: WorkCalendar,
  policy: PlanPolicy,
): Plan {
  for (const attempt of input.history) {
    if (!kb.channels.some((c) => c.id === attempt.channel)) {
      throw unknownHistoryChannel(attempt.channel, kb);
    }
  }
  const eligible = kb.channels
    .filter((c) => handlesProvider(c.against, input.providerType))
    .map((channel) => candidateFor(channel, input))
    .filter((c): c is Candidate => c !== null);

  const ladderCandidates = chooseLadder(eligible, input);
  const attemptsByChannel = groupAttempts(input.history);
  const ladder = walkLadder(ladderCandidates, attemptsByChannel, input, calendar, policy, kb);
  const stage = stageOf(ladder);
  const parallel = eligible
    .filter((c) => PARALLEL_KINDS.includes(c.channel.kind))
    .map((c) => parallelStep(c, attemptsByChannel.get(c.channel.id), input, calendar, stage, kb));
  const warnings = collectWarnings(input, kb, eligible);
  const limitation = limitationOf(input, policy);
  if (limitation && limitation.daysLeft <= policy.warnLimitationWithinDays) {
    warnings.push(
      limitation.daysLeft < 0
        ? {
            zh: `自发现扣费起已超过${String(policy.limitationYears)}年诉讼时效（${limitation.until} 届满），起诉可能被驳回；投诉和举报仍可尝试。`,
            en: `The ${String(policy.limitationYears)}-year limitation period ran out on ${limitation.until}; a lawsuit may be dismissed, complaints and reports can still be tried.`,
          }
        : {
            zh: `诉讼时效将于 ${limitation.until} 届满（还剩 ${String(limitation.daysLeft)} 天）；向机构或监管部门投诉可中断时效，请保留投诉记录。`,
            en: `The limitation period ends on ${limitation.until} (${String(limitation.daysLeft)} days left); a complaint to the provider or a regulator interrupts it — keep the records.`,
          },
    );
  }
  return {
    asOf: input.asOf,
    claimFen: input.claimFen,
    stage,
    headline: headlineOf(stage, ladder, input),
    ladder,
    parallel,
    groupComplaint: groupComplaintOf(input),
    warnings,
    ...(input.providerTypeQuestion ? { question: input.providerTypeQuestion } : {}),
    court: {
      ...courtRoute(input.claimFen, policy, input.providerProvince, input.asOf),
      ...(input.arbitrationAgreement
        ? { arbitration: arbitrationFeeRangeFen(input.claimFen, policy) }
        : {}),
    },
    ...(limitation ? { limitation } : {}),
  };
}

function candidateFor(channel: Channel, input: PlanInput): Candidate | null {
  const accept = channel.accepts.find(
    (a) =>
      a.party === input.complainantType &&
      (a.against === undefined || handlesProvider(a.against, input.providerType)),
  );
  return accept ? { channel, as: accept.as, acceptCite: accept.cite } : null;
}

/** A channel handles an unknown provider only when it handles banks and payment institutions alike. */
export function handlesProvider(against: readonly string[], type: ProviderType): boolean {
  return type === 'unknown'
    ? against.includes('bank') && against.includes('payment_institution')
    : against.includes(type);
}

/** One channel per rung: where two regulators could take it, the better-founded one leads. */
function chooseLadder(eligible: readonly Candidate[], input: PlanInput): Candidate[][] {
  const rungs = new Map<number, Candidate[]>();
  for (const candidate of eligible) {
    const kind = candidate.channel.kind;
    // Without an arbitration clause arbitration is not open; with one, the court comes after it
    // as a step of its own, marked unavailable with the reason.
    if (kind === 'arbitration' && !input.arbitrationAgreement) continue;
    const rank = kind === 'court' && input.arbitrationAgreement ? 5 : LADDER_RANK[kind];
    if (rank === undefined) continue;
    const rung = rungs.get(rank) ?? [];
    rung.push(candidate);
    rungs.set(rank, rung);
  }
  for (const rung of rungs.values()) {
    rung.sort((a, b) => rungOrder(a, input) - rungOrder(b, input));
  }
  return [...rungs.entries()].sort(([a], [b]) => a - b).map(([, rung]) => rung);
}

function rungOrder(candidate: Candidate, input: PlanInput): number {
  const kind = candidate.channel.kind;
  // With an arbitration clause the court is not the way; without one, arbitration is not open.
  if (kind === 'court') return input.arbitrationAgreement ? 1 : 0;
  if (kind === 'arbitration') return input.arbitrationAgreement ? 0 : 1;
  const certainty = ['high', 'medium', 'inference', 'low', 'unverified'].indexOf(
    candidate.acceptCite.confidence,
  );
  // The PBoC handles payment and settlement disputes of banks and payment institutions alike.
  const regulatorPreference = kind === 'central_bank' ? 0 : 1;
  return certainty * 10 + regulatorPreference;
}

function groupAttempts(history: readonly PlanAttempt[]): Map<string, PlanAttempt[]> {
  const byChannel = new Map<string, PlanAttempt[]>();
  for (const attempt of [...history].sort((a, b) => a.date.localeCompare(b.date))) {
    const list = byChannel.get(attempt.channel) ?? [];
    list.push(attempt);
    byChannel.set(attempt.channel, list);
  }
  return byChannel;
}

interface RungResult {
  readonly lead: Candidate;
  readonly attempt: PlanAttempt | undefined;
}

function walkLadder(
  rungs: readonly Candidate[][],
  attempts: ReadonlyMap<string, PlanAttempt[]>,
  input: PlanInput,
  calendar: WorkCalendar,
  policy: PlanPolicy,
  kb: KnowledgeBase,
): PlanStep[] {
  // On each rung the channel already used (if any) leads; otherwise the preferred one.
  const results: RungResult[] = rungs.map((rung) => {
    const used = rung.find((c) => attempts.has(c.channel.id));
    const lead = used ?? rung[0];
    if (!lead) throw new Error('a ladder rung is never empty');
    return { lead, attempt: used ? attempts.get(used.channel.id)?.at(-1) : undefined };
  });
  const furthest = results.findLastIndex((r) => r.attempt !== undefined);
  const steps: PlanStep[] = [];
  let nextStart: IsoDate | null = furthest === -1 ? input.asOf : null;
  let resolved = false;

  results.forEach(({ lead, attempt }, index) => {
    const rung = rungs[index] ?? [];
    const others = rung.filter(
      (c) => c !== lead && !(isCourtOrArbitration(c) && isCourtOrArbitration(lead)),
    );
    const base = {
      ...baseStep(
        lead,
        others.map((c) => c.channel.id),
        input,
        policy,
        kb,
      ),
      alternativeNames: others.map((c) => c.channel.name),
    };
    if (resolved) {
      steps.push({ ...base, state: 'not_needed', when: NOT_NEEDED });
      return;
    }
    const blocked = unavailableReason(lead, input);
    if (blocked) {
      steps.push({ ...base, state: 'unavailable', when: blocked });
      return;
    }
    if (attempt) {
      const taken = takenStep(base, lead.channel, attempt, input, calendar, policy, kb);
      steps.push(taken);
      if (taken.state === 'resolved') resolved = true;
      if (index === furthest) {
        if (taken.state === 'waiting' && taken.answerDue) {
          nextStart = addDaysIso(taken.answerDue.deadline.due, 1);
        } else if (taken.state === 'overdue' || taken.state === 'disputed') {
          nextStart = input.asOf;
        }
      }
      return;
    }
    if (index < furthest) {
      steps.push({ ...base, state: 'skipped', when: SKIPPED });
      return;
    }
    if (nextStart !== null) {
      const startOn: IsoDate = nextStart;
      const due = ladderDue(lead.channel, lead.as, startOn, calendar, kb, input, policy);
      const isNow = startOn === input.asOf;
      steps.push({
        ...base,
        state: isNow ? 'next' : 'later',
        startOn,
        ...(due ? { answerDue: due } : {}),
        when: isNow
          ? { zh: `现在就可以提出（${startOn}）。`, en: `Now (${startOn}).` }
          : {
              zh: `如果上一步到 ${addDaysIso(startOn, -1)} 仍未答复，或答复不能接受，从 ${startOn} 起提出。`,
              en: `If the previous step has no answer by ${addDaysIso(startOn, -1)}, or its answer is not acceptable, file from ${startOn}.`,
            },
      });
      nextStart = null;
      return;
    }
    steps.push({ ...base, state: 'later', when: LATER });
  });
  return steps;
}

const NOT_NEEDED: Bilingual = {
  zh: '已经追回，不再需要。',
  en: 'Not needed: the money was paid back.',
};
const SKIPPED: Bilingual = {
  zh: '未使用：案件已经进入后面的步骤。',
  en: 'Not used: the case has moved past this step.',
};
const LATER: Bilingual = {
  zh: '前面的步骤没有结果（逾期未答复或答复不能接受）时再使用。',
  en: 'Only if the steps before fail (no answer in time, or an answer you do not accept).',
};

function isCourtOrArbitration(candidate: Candidate): boolean {
  return candidate.channel.kind === 'court' || candidate.channel.kind === 'arbitration';
}

function unavailableReason(candidate: Candidate, input: PlanInput): Bilingual | null {
  if (candidate.channel.kind === 'arbitration' && !input.arbitrationAgreement) {
    return {
      zh: '合同中没有仲裁条款，仲裁机构不会受理；请走诉讼。',
      en: 'The contract has no arbitration clause, so arbitration is not open; go to court instead.',
    };
  }
  if (candidate.channel.kind === 'court' && input.arbitrationAgreement) {
    return {
      zh: '合同约定了仲裁：依据仲裁法的规定，有仲裁协议的，法院不予受理，但仲裁协议无效的除外，所以这一步由仲裁代替。',
      en: 'The contract chose arbitration: with an arbitration agreement a court will not take the case unless the agreement is invalid (Arbitration Law), so arbitration replaces this step.',
    };
  }
  return null;
}

function baseStep(
  candidate: Candidate,
  alternatives: readonly string[],
  input: PlanInput,
  policy: PlanPolicy,
  kb: KnowledgeBase,
): Omit<PlanStep, 'state' | 'when'> {
  const { channel } = candidate;
  return {
    channel: channel.id,
    bring: channel.bring,
    contacts: contactsOf(channel),
    name:
      channel.kind === 'court'
        ? courtStepName(courtRoute(input.claimFen, policy, input.providerProvince, input.asOf))
        : channel.name,
    kind: channel.kind,
    filingType: candidate.as,
    why: whyStep(candidate, input, policy),
    alternatives,
    confidence: weakest([
      candidate.acceptCite,
      ...proceduresFor(channel, candidate.as).map((p) => p.cite),
    ]),
    verify: stepVerifyList(candidate, kb),
  };
}

/** The facts about a channel itself; who may use it is cited per complainant instead. */
function factCitations(channel: Channel): Citation[] {
  return citationsOf(channel).filter((cite) => !channel.accepts.some((a) => a.cite === cite));
}

function contactsOf(channel: Channel): PlanStep['contacts'] {
  return channel.contacts.map((c) => ({
    method: c.method,
    value: c.value,
    ...(c.hours === undefined ? {} : { hours: c.hours }),
  }));
}

/** Notes in the data are written "中文 / English"; each language gets its own half. */
export function noteIn(note: string, lang: 'zh' | 'en'): string {
  // "中文 / English", also written "中文）/ English": the last slash before English text.
  const match = /\s*\/\s*(?=[A-Za-z"“([])(?!.*\s\/\s)/u.exec(note);
  if (!match) return note;
  return lang === 'zh' ? note.slice(0, match.index) : note.slice(match.index + match[0].length);
}

/**
 * What to verify for a step: the citation of who may use the channel and the channel's own facts.
 * It depends on nothing but those, so each knowledge base works it out once per channel and party
 * rather than for every step of every plan.
 */
function stepVerifyList(candidate: Candidate, kb: KnowledgeBase): readonly Bilingual[] {
  let lists = verifyLists.get(kb);
  if (!lists) {
    lists = new WeakMap();
    verifyLists.set(kb, lists);
  }
  let list = lists.get(candidate.acceptCite);
  if (!list) {
    list = verifyList([candidate.acceptCite, ...factCitations(candidate.channel)], kb);
    lists.set(candidate.acceptCite, list);
  }
  return list;
}
const verifyLists = new WeakMap<KnowledgeBase, WeakMap<Citation, readonly Bilingual[]>>();

/**
 * The facts to check before relying on them (待核实), each with its source's readable title and,
 * where it is an article or a web address, where in it — never an internal key or an English
 * confidence word.
 */
function verifyList(cites: readonly Citation[], kb: KnowledgeBase): Bilingual[] {
  const seen = new Set<string>();
  const out: Bilingual[] = [];
  for (const cite of cites) {
    if (!needsVerification(cite)) continue;
    const key = `${cite.source}|${cite.where ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = readableWhere(cite.where);
    const title = sourceTitle(kb, cite.source);
    const note = cite.note ? noteIn(cite.note, 'zh') : '';
    const noteEn = cite.note ? noteIn(cite.note, 'en') : '';
    out.push({
      zh: `${title}${where ? ` ${where}` : ''}（待核实，查于 ${cite.verifiedAt}）${note && !/[A-Za-z]{3,}/u.test(note) ? `：${note}` : ''}`,
      en: `${sourceTitle(kb, cite.source, 'en')}${where ? ` ${articlesIn(where, 'en', kb)}` : ''} (to be verified, checked ${cite.verifiedAt})${noteEn ? `: ${noteEn}` : ''}`,
    });
  }
  return out;
}

function whyStep(candidate: Candidate, input: PlanInput, policy: PlanPolicy): Bilingual {
  const { channel } = candidate;
  const party = PARTY_NAMES[input.complainantType];
  const provider = PROVIDER_NAMES[input.providerType];
  const claim = formatFenGrouped(input.claimFen);
  switch (channel.kind) {
    case 'provider_service': {
      const asked = formatFenGrouped(input.questionedFen ?? 0);
      const ask =
        input.claimFen > 0
          ? {
              zh: `要求退还 ${claim} 元、停止扣费并书面说明。`,
              en: `Ask for the ${claim} yuan back, an end to the charges and a written explanation.`,
            }
          : {
              zh: `请对方逐笔说明 ${asked} 元用途不明的扣款的依据，不能说明的退还。`,
              en: `Ask for the basis of each of the deductions of unclear purpose (${asked} yuan), and a refund of any that cannot be justified.`,
            };
      return {
        zh: `先向${input.providerName}（${provider.zh}）投诉：监管部门要求先给机构处理的机会，机构的书面答复也是后续投诉的依据。${ask.zh}`,
        en: `Complain to ${input.providerName} (${provider.en}) first: regulators expect the institution to have had its chance, and its written answer is the basis for escalating. ${ask.en}`,
      };
    }
    case 'central_bank':
      return {
        zh: `机构不处理或答复不能接受时，向中国人民银行分支机构投诉（12363 或书面）。人民银行负责${provider.zh}的支付结算业务，会把投诉转给机构并要求限期答复。${candidate.as === 'complaint' && input.complainantType === 'company' ? '企业是否算“金融消费者”存在争议，可按支付机构“用户”的身份投诉。' : ''}`,
        en: `If the institution does not deal with it or its answer is unacceptable, complain to the People's Bank of China branch (12363 or in writing). The PBoC supervises the payment business of ${provider.en} and transfers the complaint with a deadline to answer.${input.complainantType === 'company' ? ' Whether a company counts as a "financial consumer" is disputed; complain as a user of the payment service.' : ''}`,
      };
    case 'financial_regulator':
      return {
        zh: `向国家金融监督管理总局（12378）投诉银行：监管部门在 7 个工作日内把投诉转给银行，银行须按规定期限处理。${party.zh}可以投诉。`,
        en: `Complain to the National Financial Regulatory Administration (12378) about the bank: it passes the complaint to the bank within 7 working days and the bank must decide within the rule's time. ${capitalize(party.en)} may complain.`,
      };
    case 'mediation':
      return {
        zh: '监管投诉仍无结果时，申请金融纠纷调解：对消费者通常免费，双方同意即可调解，调解协议可申请司法确认。',
        en: 'If the regulator route brings no result, apply for financial dispute mediation: usually free for consumers, it needs both sides to agree, and a settlement can be confirmed by a court.',
      };
    case 'arbitration':
      return arbitrationWhy(input, policy);
    case 'court':
      return courtWhy(input, policy);
    case 'payment_platform':
    case 'unionpay':
    case 'consumer_association':
    case 'market_regulator':
    case 'industry_association':
    case 'media':
      return channel.summary;
  }
}

const PROCEDURE_NAMES: Record<CourtRoute['procedure'], Bilingual> = {
  small_claims: { zh: '人民法院（小额诉讼程序）', en: "People's court (small-claims procedure)" },
  by_agreement: {
    zh: '人民法院（简易程序或普通程序）',
    en: "People's court (simplified or ordinary procedure)",
  },
  simple_or_ordinary: {
    zh: '人民法院（简易程序或普通程序）',
    en: "People's court (simplified or ordinary procedure)",
  },
  unknown: { zh: '人民法院（民事诉讼）', en: "People's court (civil lawsuit)" },
};

/** The court step's name says which procedure the claim gets, never "small claims" above the limit. */
export function courtStepName(route: CourtRoute): Bilingual {
  return PROCEDURE_NAMES[route.procedure];
}

function courtWhy(input: PlanInput, policy: PlanPolicy): Bilingual {
  const route = courtRoute(input.claimFen, policy, input.providerProvince, input.asOf);
  const claim = formatFenGrouped(input.claimFen);
  const fee = formatFenGrouped(route.feeFen);
  const half = formatFenGrouped(route.halfFeeFen);
  const where = input.providerCourt
    ? {
        zh: `向${input.providerCourt}起诉（以不当得利或违约为由要求返还）。`,
        en: `Sue at ${input.providerCourt} (unjust enrichment or breach of contract).`,
      }
    : {
        zh: '向被告住所地的基层人民法院起诉（以不当得利或违约为由要求返还）。找法院：在国家企业信用信息公示系统查被告营业执照上的“住所”，住所所在区（县）的人民法院就是基层法院，名称一般为“××市××区人民法院”；也可以拨打12368诉讼服务热线询问。',
        en: "Sue at the basic people's court where the defendant is domiciled (unjust enrichment or breach of contract). To find it, look up the defendant's registered domicile in the National Enterprise Credit Information Publicity System; the people's court of that district or county is the one (usually named “××市××区人民法院”); the 12368 court hotline can confirm.",
      };
  const limit = route.limit;
  const limitNote = limit
    ? {
        zh: `${limit.province}的小额诉讼标的额为 ${formatFenGrouped(limit.automaticYuan * 100)} 元（${limit.since} 起，按${String(limit.wageYear)}年度就业人员平均工资的50%；${verificationWords(limit.cite).zh}）`,
        en: `${limit.province}'s small-claims limit is ${formatFenGrouped(limit.automaticYuan * 100)} yuan (from ${limit.since}, 50% of the ${String(limit.wageYear)} average wage; ${verificationWords(limit.cite).en})`,
      }
    : null;
  let procedure: Bilingual;
  switch (route.procedure) {
    case 'small_claims':
      procedure = {
        zh: `金额 ${claim} 元不超过${limitNote?.zh ?? ''}，适用小额诉讼程序：一审终审，一般自立案起两个月内审结。`,
        en: `At ${claim} yuan the claim is within the small-claims procedure — ${limitNote?.en ?? ''}: one instance, final, normally closed within two months.`,
      };
      break;
    case 'by_agreement':
      procedure = {
        zh: `金额 ${claim} 元超过${limitNote?.zh ?? ''}，但不超过 ${formatFenGrouped((limit?.byAgreementYuan ?? 0) * 100)} 元：双方约定的可以适用小额诉讼程序，否则适用简易程序或普通程序，可以上诉。`,
        en: `At ${claim} yuan the claim is above ${limitNote?.en ?? 'the limit'} but not above ${formatFenGrouped((limit?.byAgreementYuan ?? 0) * 100)} yuan: small claims only if both sides agree, otherwise simplified or ordinary procedure, with appeal.`,
      };
      break;
    case 'simple_or_ordinary':
      procedure = {
        zh: `金额 ${claim} 元超过小额诉讼可以约定适用的上限（${limitNote?.zh ?? ''}，约定上限为其两倍），适用简易程序或普通程序，可以上诉；建议咨询律师。`,
        en: `At ${claim} yuan the claim is above what small claims can take even by agreement (${limitNote?.en ?? ''}; twice that by agreement): simplified or ordinary procedure, with appeal; consider a lawyer.`,
      };
      break;
    case 'unknown':
      procedure = {
        zh: '扣费卫士没有被告住所地所在省份的小额诉讼标的额。请查询该省高级人民法院公布的标准（上年度就业人员年平均工资的50%）：不超过的适用小额诉讼程序，超过的适用简易程序或普通程序。',
        en: "FeeGuard has no small-claims limit for the defendant's province. Look up the one its high court publishes (50% of the previous year's average wage): at or under it, small claims; above it, simplified or ordinary procedure.",
      };
      break;
  }
  const fees = {
    zh: `案件受理费按诉讼费用交纳办法第十三条为 ${fee} 元；适用简易程序（含小额诉讼程序）审理的减半交纳，即 ${half} 元（第十六条）；以调解方式结案或者申请撤诉的，也减半交纳（第十五条）。诉讼费用由败诉方负担（第二十九条）。`,
    en: `The court fee under the Court Fee Measures art. 13 is ${fee} yuan; a case heard under the simplified procedure (small claims included) pays half, ${half} yuan (art. 16); a case closed by mediation or withdrawn also pays half (art. 15). The losing side bears the costs (art. 29).`,
  };
  const small =
    input.claimFen < route.feeFen * 2
      ? {
          zh: '金额较小，诉讼的时间成本相对较高；联合其他商户集体投诉往往更有效。',
          en: 'The claim is small against the time a lawsuit takes; a group complaint is often the stronger lever.',
        }
      : { zh: '', en: '' };
  return {
    zh: `${where.zh}${procedure.zh}${fees.zh}${small.zh}`,
    en: `${where.en} ${procedure.en} ${fees.en}${small.en ? ` ${small.en}` : ''}`,
  };
}

function arbitrationWhy(input: PlanInput, policy: PlanPolicy): Bilingual {
  const range = arbitrationFeeRangeFen(input.claimFen, policy);
  const min = formatFenGrouped(range.minFen);
  const max = formatFenGrouped(range.maxFen);
  return {
    zh: `合同约定了仲裁，纠纷应向合同约定的仲裁委员会申请仲裁，裁决有强制执行力（依据仲裁法的规定，有仲裁协议的，法院不予受理，但仲裁协议无效的除外）。仲裁案件受理费按1995年《仲裁委员会仲裁收费办法》的受理费表约为 ${min}–${max} 元；每个仲裁委员会在此幅度内自定标准，另收案件处理费，原则上由败诉方承担。请向合同约定的仲裁委员会查询其收费标准。`,
    en: `The contract chose arbitration: apply to the commission it names; the award is enforceable (under the Arbitration Law, with an arbitration agreement a court will not take the case unless the agreement is invalid). The case-acceptance fee under the 1995 State Council arbitration fee table is about ${min}–${max} yuan; each commission sets its own figure within that range and charges handling costs on top, normally borne by the losing side. Ask the commission named in the contract for its schedule.`,
  };
}

function verificationWords(cite: Citation): Bilingual {
  return isVerified(cite)
    ? { zh: `已核实（${cite.verifiedAt}）`, en: `verified ${cite.verifiedAt}` }
    : {
        zh: `待核实（查于 ${cite.verifiedAt}）`,
        en: `to be verified (checked ${cite.verifiedAt})`,
      };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every procedure a filing of this type goes through at a channel, dated from the filing. */
export function procedureDates(
  channel: Channel,
  filingType: FilingType,
  filedOn: IsoDate,
  calendar: WorkCalendar,
  kb: KnowledgeBase,
): ProcedureDate[] {
  const out: ProcedureDate[] = [];
  for (const procedure of proceduresFor(channel, filingType)) {
    const before = procedure.after ? out.find((p) => p.id === procedure.after) : undefined;
    const start = before ? before.deadline.due : filedOn;
    const latestStart = before ? (before.latest ?? before.deadline).due : filedOn;
    const deadline = computeDeadline(start, procedure.days, procedure.unit, calendar);
    const longest = procedure.extensions.at(-1);
    const latest =
      longest || latestStart !== start
        ? computeDeadline(
            latestStart,
            longest?.toDays ?? procedure.days,
            longest?.unit ?? procedure.unit,
            calendar,
          )
        : undefined;
    out.push({
      id: procedure.id,
      what: procedure.what,
      startEvent: procedure.startEvent,
      deadline,
      ...(latest ? { latest } : {}),
      estimated: before !== undefined,
      answer: procedure.answer,
      basis: `《${procedure.article.title}》${procedure.article.article}`,
      summary: procedure.article.summary,
      ...(procedure.article.quote ? { quote: procedure.article.quote } : {}),
      source: sourceTitle(kb, procedure.cite.source),
      verified: isVerified(procedure.cite),
      verifiedAt: procedure.cite.verifiedAt,
    });
  }
  return out;
}

/** A ladder step's answer due: the court's term only where the small-claims term applies. */
function ladderDue(
  channel: Channel,
  filingType: FilingType,
  filedOn: IsoDate,
  calendar: WorkCalendar,
  kb: KnowledgeBase,
  input: PlanInput,
  policy: PlanPolicy,
): StepDeadline | undefined {
  if (
    channel.kind === 'court' &&
    courtRoute(input.claimFen, policy, input.providerProvince, input.asOf).procedure !==
      'small_claims'
  ) {
    return undefined;
  }
  return stepDue(channel, filingType, filedOn, calendar, kb);
}

/** The answer a filing waits for, with every procedure on the way dated. */
export function stepDue(
  channel: Channel,
  filingType: FilingType,
  filedOn: IsoDate,
  calendar: WorkCalendar,
  kb: KnowledgeBase,
): StepDeadline | undefined {
  const due = answerDue(answerRule(channel, filingType), filedOn, calendar);
  const procedures = procedureDates(channel, filingType, filedOn, calendar, kb);
  if (!due) return undefined;
  return { ...due, procedures };
}

export function answerDue(
  rule: DeadlineRule | null,
  filedOn: IsoDate,
  calendar: WorkCalendar,
): StepDeadline | undefined {
  if (!rule) return undefined;
  const start = rule.startsAfter
    ? computeDeadline(filedOn, rule.startsAfter.days, rule.startsAfter.unit, calendar).due
    : filedOn;
  const deadline = computeDeadline(start, rule.days, rule.unit, calendar);
  const longest = rule.extensions.at(-1);
  const latest = longest
    ? computeDeadline(start, longest.toDays, longest.unit, calendar)
    : undefined;
  return {
    what: rule.what,
    deadline,
    ...(latest ? { latest } : {}),
    basis: rule.basis,
    confidence: rule.cite.confidence,
  };
}

function takenStep(
  base: Omit<PlanStep, 'state' | 'when'>,
  channel: Channel,
  attempt: PlanAttempt,
  input: PlanInput,
  calendar: WorkCalendar,
  policy: PlanPolicy,
  kb: KnowledgeBase,
): PlanStep {
  const due = ladderDue(channel, base.filingType, attempt.date, calendar, kb, input, policy);
  const awaitingDecision = attempt.outcome === 'pending' && attempt.answeredAt !== undefined;
  const filed = {
    date: attempt.date,
    ...(attempt.reference === undefined ? {} : { reference: attempt.reference }),
    ...(awaitingDecision ? { answeredAt: attempt.answeredAt } : {}),
  };
  const common = { ...base, filed, ...(due ? { answerDue: due } : {}) };
  const ref = attempt.reference ? `（工单号 ${attempt.reference}）` : '';
  const refEn = attempt.reference ? ` (reference ${attempt.reference})` : '';
  switch (attempt.outcome) {
    case 'pending': {
      if (attempt.answeredAt !== undefined) {
        // Answered: the plan waits for the merchant's decision, not for the channel.
        return {
          ...common,
          state: 'waiting',
          when: {
            zh: `已于 ${attempt.date} 提出${ref}，${attempt.answeredAt} 收到答复：请先决定是否接受这个答复。`,
            en: `Filed on ${attempt.date}${refEn}; answered on ${attempt.answeredAt}: decide first whether you accept the answer.`,
          },
        };
      }
      if (!due) {
        return {
          ...common,
          state: 'waiting',
          when: {
            zh: `已于 ${attempt.date} 提出${ref}，没有法定答复期限；一般等待 15 天后再升级。`,
            en: `Filed on ${attempt.date}${refEn}; there is no legal deadline — wait about 15 days before escalating.`,
          },
        };
      }
      const daysLeft = daysBetween(input.asOf, due.deadline.due);
      if (daysLeft < 0) {
        return {
          ...common,
          state: 'overdue',
          daysLeft,
          when: {
            zh: `已于 ${attempt.date} 提出${ref}，答复期限 ${due.deadline.due} 已过 ${String(-daysLeft)} 天仍未答复：可以升级。${due.latest ? `（如对方已书面通知延期，最晚可到 ${due.latest.due}。）` : ''}`,
            en: `Filed on ${attempt.date}${refEn}; the answer was due on ${due.deadline.due}, ${String(-daysLeft)} days ago: escalate.${due.latest ? ` (If they gave written notice of an extension, they have until ${due.latest.due}.)` : ''}`,
          },
        };
      }
      return {
        ...common,
        state: 'waiting',
        daysLeft,
        when: {
          zh: `已于 ${attempt.date} 提出${ref}，应在 ${due.deadline.due} 前答复（还剩 ${String(daysLeft)} 天${daysLeft <= policy.deadlineSoonDays ? '，即将到期' : ''}）。`,
          en: `Filed on ${attempt.date}${refEn}; the answer is due by ${due.deadline.due} (${String(daysLeft)} days left${daysLeft <= policy.deadlineSoonDays ? ', due soon' : ''}).`,
        },
      };
    }
    case 'no_answer':
      return {
        ...common,
        state: 'overdue',
        when: {
          zh: `已于 ${attempt.date} 提出${ref}，对方未在期限内答复：可以升级。`,
          en: `Filed on ${attempt.date}${refEn}; no answer in time: escalate.`,
        },
      };
    case 'rejected':
      return {
        ...common,
        state: 'disputed',
        when: {
          zh: `已于 ${attempt.date} 提出${ref}，${attempt.answeredAt ? `${attempt.answeredAt} ` : ''}被拒绝：可以升级到下一步。`,
          en: `Filed on ${attempt.date}${refEn}; rejected${attempt.answeredAt ? ` on ${attempt.answeredAt}` : ''}: take it to the next step.`,
        },
      };
    case 'partial_refund': {
      const refunded = attempt.refundFen ?? 0;
      const rest = Math.max(0, input.claimFen - refunded);
      return {
        ...common,
        state: rest === 0 ? 'resolved' : 'disputed',
        when: {
          zh: `已于 ${attempt.date} 提出${ref}，只退还了 ${formatFenGrouped(refunded)} 元，仍有 ${formatFenGrouped(rest)} 元未退：可以就差额升级。`,
          en: `Filed on ${attempt.date}${refEn}; only ${formatFenGrouped(refunded)} yuan was refunded, ${formatFenGrouped(rest)} yuan is still owed: escalate for the rest.`,
        },
      };
    }
    case 'refunded':
      return {
        ...common,
        state: 'resolved',
        when: {
          zh: `已于 ${attempt.date} 提出${ref}，已全额退还。请留意之后是否再次扣费。`,
          en: `Filed on ${attempt.date}${refEn}; refunded in full. Watch for the charge coming back.`,
        },
      };
  }
}

function stageOf(ladder: readonly PlanStep[]): PlanStage {
  if (ladder.some((s) => s.state === 'resolved')) return 'resolved';
  if (ladder.some((s) => s.state === 'waiting')) return 'waiting';
  const taken = ladder.some((s) => s.filed !== undefined);
  if (ladder.some((s) => s.state === 'next')) return taken ? 'escalate' : 'start';
  return taken ? 'exhausted' : 'start';
}

function headlineOf(stage: PlanStage, ladder: readonly PlanStep[], input: PlanInput): Bilingual {
  const next = ladder.find((s) => s.state === 'next');
  const waiting = ladder.find((s) => s.state === 'waiting');
  const claim = formatFenGrouped(input.claimFen);
  switch (stage) {
    case 'resolved':
      return {
        zh: '已经追回，案件可以结束。',
        en: 'The money was paid back; the case can be closed.',
      };
    case 'waiting':
      if (waiting?.filed?.answeredAt !== undefined) {
        return {
          zh: `${waiting.name.zh}已于 ${waiting.filed.answeredAt} 答复：请决定是否接受。接受则结束，不接受再升级。`,
          en: `${waiting.name.en} answered on ${waiting.filed.answeredAt}: decide whether you accept. Accept to close the case, or dispute it to escalate.`,
        };
      }
      return waiting?.answerDue
        ? {
            zh: `正在等待${waiting.name.zh}答复，期限 ${waiting.answerDue.deadline.due}。到期未答复再升级。`,
            en: `Waiting for ${waiting.name.en} to answer by ${waiting.answerDue.deadline.due}; escalate if it does not.`,
          }
        : {
            zh: `正在等待${waiting?.name.zh ?? ''}答复。`,
            en: `Waiting for ${waiting?.name.en ?? ''} to answer.`,
          };
    case 'start':
      if (input.claimFen <= 0 && (input.questionedFen ?? 0) > 0) {
        const asked = formatFenGrouped(input.questionedFen ?? 0);
        return {
          zh: `第一步：${next?.name.zh ?? '向机构投诉'}，请对方说明 ${asked} 元用途不明的扣款。`,
          en: `First step: ${next?.name.en ?? "the provider's complaint channel"} — ask it to explain the ${asked} yuan of deductions of unclear purpose.`,
        };
      }
      return {
        zh: `第一步：${next?.name.zh ?? '向机构投诉'}，要求退还 ${claim} 元。`,
        en: `First step: ${next?.name.en ?? "the provider's complaint channel"} — claim ${claim} yuan back.`,
      };
    case 'escalate':
      return {
        zh: `上一步没有结果，现在升级到${next?.name.zh ?? '下一步'}。`,
        en: `The last step brought no result; escalate to ${next?.name.en ?? 'the next step'} now.`,
      };
    case 'exhausted':
      return {
        zh: '所有步骤都已用过；可以考虑媒体曝光或联合其他商户集体投诉。',
        en: 'Every step has been used; consider the press or a group complaint with other merchants.',
      };
  }
}

function parallelStep(
  candidate: Candidate,
  attempts: readonly PlanAttempt[] | undefined,
  input: PlanInput,
  calendar: WorkCalendar,
  stage: PlanStage,
  kb: KnowledgeBase,
): PlanStep {
  const { channel } = candidate;
  const attempt = attempts?.at(-1);
  const due = stepDue(channel, candidate.as, attempt?.date ?? input.asOf, calendar, kb);
  const base = {
    channel: channel.id,
    name: channel.name,
    kind: channel.kind,
    filingType: candidate.as,
    why: channel.summary,
    alternatives: [],
    bring: channel.bring,
    contacts: contactsOf(channel),
    confidence: weakest([candidate.acceptCite]),
    verify: stepVerifyList(candidate, kb),
    tradeOffs: tradeOffsOf(channel.kind, candidate.as),
    ...(due ? { answerDue: due } : {}),
  };
  if (attempt) {
    return {
      ...base,
      state: attempt.outcome === 'pending' ? 'waiting' : 'done',
      filed: { date: attempt.date, ...(attempt.reference ? { reference: attempt.reference } : {}) },
      when: {
        zh: `已于 ${attempt.date} 提出。`,
        en: `Filed on ${attempt.date}.`,
      },
    };
  }
  return {
    ...base,
    state: stage === 'resolved' ? 'not_needed' : 'later',
    when:
      stage === 'resolved'
        ? NOT_NEEDED
        : {
            zh: '可与主线同时进行，不必等待前面的步骤。',
            en: 'Can run alongside the main route; no need to wait for it.',
          },
  };
}

function tradeOffsOf(kind: ChannelKind, as: FilingType): Bilingual {
  if (kind === 'media') {
    return {
      zh: '公开曝光压力大、见效可能快，但没有法律效力；公开内容不要包含身份证号、银行卡号、商户号等个人信息。',
      en: 'Public pressure can work fast, but it has no legal force; never publish ID, card or merchant numbers.',
    };
  }
  if (as === 'report') {
    return {
      zh: '举报针对违规行为，可能促使查处，但不直接帮你退款；与投诉同时进行可以增加压力。',
      en: 'A report targets the violation and may lead to penalties, but does not itself get your money back; alongside a complaint it adds pressure.',
    };
  }
  return {
    zh: '只适用于个人生活消费；可与主线同时进行。',
    en: 'Only for personal (daily-life) consumption; can run alongside the main route.',
  };
}

function groupComplaintOf(input: PlanInput): Plan['groupComplaint'] {
  const others = input.othersAffected;
  if (others === false || others === 0) {
    return {
      recommended: false,
      why: {
        zh: '如果发现其他商户也被同样扣费，可以联合投诉：多人同一问题更容易引起监管重视。',
        en: 'If other merchants were charged the same way, a joint complaint carries more weight with regulators.',
      },
    };
  }
  const count = typeof others === 'number' ? ` ${String(others)} 户` : '';
  const countEn = typeof others === 'number' ? `${String(others)} ` : '';
  return {
    recommended: true,
    why: {
      zh: `还有${count}其他商户遇到同样的扣费：联合起来向人民银行或支付清算协会提交一份集体投诉/举报，列明每户金额和合计，比单独投诉更有分量。`,
      en: `${countEn}other merchants have the same charges: one joint complaint or report to the PBoC or the payment association, listing each merchant's amount and the total, weighs more than separate ones.`,
    },
  };
}

function collectWarnings(
  input: PlanInput,
  kb: KnowledgeBase,
  eligible: readonly Candidate[],
): Bilingual[] {
  const warnings: Bilingual[] = [];
  if (input.claimFen <= 0 && (input.questionedFen ?? 0) > 0) {
    warnings.push({
      zh: '这个投诉只请对方说明用途不明的扣款，还没有要求退款；对方说明不了依据，或你确认没有同意过，再把这些扣款改为追讨。',
      en: 'This complaint only asks the provider to explain deductions of unclear purpose; it claims nothing yet. If it cannot justify them, or you confirm you never agreed, claim them back.',
    });
  } else if (input.claimFen <= 0) {
    warnings.push({
      zh: '审计没有发现需要追回的金额；请先确认哪些扣费未经同意（复核“待确认”的项目）。',
      en: 'The audit found nothing to claim; review the findings marked "needs review" first.',
    });
  }
  for (const attempt of input.history) {
    const channel = kb.channels.find((c) => c.id === attempt.channel);
    if (!channel) throw unknownHistoryChannel(attempt.channel, kb);
    if (!eligible.some((c) => c.channel.id === attempt.channel)) {
      warnings.push({
        zh: `“${channel.name.zh}”通常不受理${PARTY_NAMES[input.complainantType].zh}对${PROVIDER_NAMES[input.providerType].zh}的投诉。`,
        en: `${channel.name.en} does not normally take complaints from ${PARTY_NAMES[input.complainantType].en} against ${PROVIDER_NAMES[input.providerType].en}.`,
      });
    }
  }
  return warnings;
}

/** A history entry naming a channel FeeGuard does not know: refuse rather than guess. */
export function unknownHistoryChannel(id: string, kb: KnowledgeBase): FeeGuardError {
  return new FeeGuardError(
    'FG_ERR_HISTORY_UNKNOWN_CHANNEL',
    `history names channel "${id}", which is not in the knowledge base`,
    {
      hint: `use one of: ${kb.channels.map((c) => c.id).join(', ')} (feeguard channels lists them)`,
    },
  );
}

function limitationOf(
  input: PlanInput,
  policy: PlanPolicy,
): { until: IsoDate; daysLeft: number } | undefined {
  if (!input.noticedAt) return undefined;
  const until = addMonths(input.noticedAt, policy.limitationYears * 12);
  return { until, daysLeft: daysBetween(input.asOf, until) };
}
