import { FINDING_CATEGORIES, type ColumnRole, type FindingCategory } from '../audit/model.js';
import type { Lexicon, WeightedPattern } from '../audit/lexicon/lexicon.js';
import { CATEGORY_NAMES } from '../audit/words.js';
import {
  articlesIn,
  citationsOf,
  citedLaw,
  lawTitle,
  needsVerification,
  readableWhere,
  sourceTitle,
} from '../channels/knowledge-base.js';

/** Notes in the data are written "中文 / English"; each language gets its own half. */
function noteHalf(note: string, lang: 'zh' | 'en'): string {
  const cut = note.lastIndexOf(' / ');
  if (cut === -1) return note;
  return lang === 'zh' ? note.slice(0, cut) : note.slice(cut + 3);
}
import type { Channel, Citation, Confidence, KnowledgeBase } from '../channels/schema.js';
import type { LegalGround } from '../letters/legal-grounds.js';

/**
 * The plain-language guides (维权指南), generated from the data the rest of FeeGuard runs on: the
 * channel knowledge base (as the database holds it, with admins' edits), the audit lexicon and
 * the legal grounds the letters cite. Nothing here restates a hotline, a deadline or an article:
 * every fact is read from its source, so the guides cannot disagree with the plan or the letters.
 * Pure: data in, guides out.
 */
export interface Text {
  zh: string;
  en: string;
}

export interface GuideSource {
  key: string;
  /** In English the source's English title; the Chinese guide keeps the official one. */
  title: Text;
  where: Text | null;
  confidence: Confidence;
  verifiedAt: string;
  /** Not read in a regulation or an official notice: shown as 待核实 / to be verified. */
  verify: boolean;
  /** The note in each language (the data writes "中文 / English"). */
  note: Text | null;
}

export type FactKind =
  | 'party'
  | 'contact'
  | 'hours'
  | 'prerequisite'
  | 'bring'
  | 'deadline'
  | 'deadline_stage'
  | 'extension'
  | 'legal_basis'
  | 'cost'
  | 'column'
  | 'term'
  | 'applies_to';

export interface GuideFact {
  kind: FactKind;
  label: Text;
  value: Text;
  source: GuideSource | null;
}

export interface GuideSection {
  /** A channel id, a fee category, a legal ground id … stable for links (#anchor). */
  id: string;
  heading: Text;
  paragraphs: Text[];
  facts: GuideFact[];
  /** Some fact below medium confidence. */
  verify: boolean;
}

export const GUIDE_SLUGS = ['reading-statements', 'merchant-rights', 'channels'] as const;
export type GuideSlug = (typeof GUIDE_SLUGS)[number];

export interface Guide {
  slug: GuideSlug;
  title: Text;
  summary: Text;
  /** The newest verification date among the facts shown. */
  verifiedAt: string;
  sections: GuideSection[];
}

export interface GuideInputs {
  readonly kb: KnowledgeBase;
  readonly lexicon: Lexicon;
  readonly grounds: readonly LegalGround[];
}

const same = (text: string): Text => ({ zh: text, en: text });
/** Names from the lexicon: the Chinese guide leaves out the English ones (they are for English exports). */
const termList = (terms: readonly string[]): Text => ({
  zh: terms.filter((term) => !/^[a-z][a-z\s.'-]{2,}$/iu.test(term)).join('、'),
  en: terms.join(', '),
});

function sourceOf(kb: KnowledgeBase, cite: Citation): GuideSource {
  return {
    key: cite.source,
    title: { zh: sourceTitle(kb, cite.source, 'zh'), en: sourceTitle(kb, cite.source, 'en') },
    where: whereOf(kb, cite.where),
    confidence: cite.confidence,
    verifiedAt: cite.verifiedAt,
    verify: needsVerification(cite),
    note: cite.note ? { zh: noteHalf(cite.note, 'zh'), en: noteHalf(cite.note, 'en') } : null,
  };
}

/** Where in the source: article numbers read in each language ("第四十三条" → "art. 43"). */
function whereOf(kb: KnowledgeBase, where: string | undefined): Text | null {
  const readable = readableWhere(where);
  return readable === null
    ? null
    : {
        zh: readable,
        en: /^(https?:\/\/|www\.)/u.test(readable) ? readable : articlesIn(readable, 'en', kb),
      };
}

/** "《title》articles" as each language reads it (several laws each with their own articles). */
function citedLawText(kb: KnowledgeBase, title: string, articles: string): Text {
  return { zh: citedLaw(kb, title, articles, 'zh'), en: citedLaw(kb, title, articles, 'en') };
}

function newest(dates: readonly string[], fallback: string): string {
  return dates.reduce((a, b) => (b > a ? b : a), fallback);
}

// ── How each channel works ──────────────────────────────────────────────────────────────────

const PARTY: Record<Channel['accepts'][number]['party'], Text> = {
  individual_consumer: { zh: '个人', en: 'Private individuals' },
  individual_merchant: { zh: '个体商户', en: 'Individual merchants' },
  company: { zh: '企业', en: 'Companies' },
};
const FILING: Record<Channel['filingType'], Text> = {
  complaint: { zh: '投诉', en: 'a complaint' },
  report: { zh: '举报', en: 'a report (tip-off)' },
  application: { zh: '申请', en: 'an application' },
};
const RESPONDENT: Record<Channel['against'][number], Text> = {
  bank: { zh: '银行', en: 'banks' },
  payment_institution: { zh: '支付机构', en: 'payment institutions' },
  agent: { zh: '代理商', en: 'sales agents' },
};
const METHOD: Record<Channel['contacts'][number]['method'], Text> = {
  hotline: { zh: '电话', en: 'Phone' },
  website: { zh: '网站', en: 'Website' },
  app: { zh: '手机 App', en: 'Mobile app' },
  mini_program: { zh: '小程序', en: 'Mini program' },
  email: { zh: '电子邮件', en: 'E-mail' },
  post: { zh: '书面 / 邮寄', en: 'In writing / by post' },
  in_person: { zh: '现场', en: 'In person' },
};

function days(n: number, unit: 'calendar' | 'working'): Text {
  return {
    zh: `${String(n)}${unit === 'working' ? '个工作日' : '日'}`,
    en: `${String(n)} ${unit === 'working' ? 'working days' : 'days'}`,
  };
}

function channelSection(kb: KnowledgeBase, channel: Channel): GuideSection {
  const facts: GuideFact[] = [];
  for (const a of channel.accepts) {
    const against = a.against ?? channel.against;
    facts.push({
      kind: 'party',
      label: { zh: '谁可以用', en: 'Who may use it' },
      value: {
        zh: `${PARTY[a.party].zh}：${FILING[a.as].zh}（针对${against.map((x) => RESPONDENT[x].zh).join('、')}）`,
        en: `${PARTY[a.party].en}: ${FILING[a.as].en} (against ${against.map((x) => RESPONDENT[x].en).join(', ')})`,
      },
      source: sourceOf(kb, a.cite),
    });
  }
  for (const c of channel.contacts) {
    facts.push({
      kind: 'contact',
      label: METHOD[c.method],
      value: same(c.value),
      source: sourceOf(kb, c.cite),
    });
    if (c.hours) {
      facts.push({
        kind: 'hours',
        label: { zh: `${METHOD[c.method].zh}受理时间`, en: `${METHOD[c.method].en} hours` },
        value: same(c.hours),
        source: sourceOf(kb, c.cite),
      });
    }
  }
  for (const p of channel.prerequisites) {
    facts.push({
      kind: 'prerequisite',
      label: p.required
        ? { zh: '必须先做到', en: 'Required first' }
        : { zh: '建议', en: 'Advised' },
      value: { zh: p.zh, en: p.en },
      source: sourceOf(kb, p.cite),
    });
  }
  for (const b of channel.bring) {
    facts.push({
      kind: 'bring',
      label: { zh: '需要准备', en: 'What to bring' },
      value: { zh: b.zh, en: b.en },
      source: null,
    });
  }
  if (channel.procedures.length === 0) {
    facts.push({
      kind: 'deadline',
      label: { zh: '答复期限', en: 'Deadline to answer' },
      value: { zh: '没有法定的答复期限', en: 'No legal deadline to answer' },
      source: null,
    });
  }
  for (const p of channel.procedures) {
    const d = days(p.days, p.unit);
    const filing = FILING[p.filingType];
    facts.push({
      kind: p.answer ? 'deadline' : 'deadline_stage',
      label: p.answer
        ? { zh: `答复期限（${filing.zh}）`, en: `Deadline to answer (${filing.en})` }
        : { zh: `程序期限（${filing.zh}）`, en: `Procedure deadline (${filing.en})` },
      value: {
        zh: `${p.startEvent.zh}${d.zh}内：${p.what.zh}（依据《${p.article.title}》${p.article.article}）`,
        en: `${d.en} ${p.startEvent.en}: ${p.what.en} (${lawTitle(kb, p.article.title, 'en')}, ${articlesIn(p.article.article, 'en', kb)})`,
      },
      source: sourceOf(kb, p.cite),
    });
    for (const e of p.extensions) {
      const x = days(e.toDays, e.unit);
      facts.push({
        kind: 'extension',
        label: { zh: '可延长至', en: 'Can be extended to' },
        value: { zh: `${x.zh}：${e.condition.zh}`, en: `${x.en}: ${e.condition.en}` },
        source: sourceOf(kb, p.cite),
      });
    }
  }
  for (const l of channel.legalBasis) {
    facts.push({
      kind: 'legal_basis',
      label: { zh: '依据', en: 'Legal basis' },
      value: citedLawText(kb, l.title, l.articles),
      source: sourceOf(kb, l.cite),
    });
  }
  if (channel.cost) {
    facts.push({
      kind: 'cost',
      label: { zh: '费用', en: 'Cost' },
      value: { zh: channel.cost.zh, en: channel.cost.en },
      source: null,
    });
  }
  return {
    id: channel.id,
    heading: { zh: channel.name.zh, en: channel.name.en },
    paragraphs: [{ zh: channel.summary.zh, en: channel.summary.en }],
    facts,
    verify: citationsOf(channel).some(needsVerification),
  };
}

function channelGuide(kb: KnowledgeBase): Guide {
  return {
    slug: 'channels',
    title: { zh: '各投诉渠道怎么用', en: 'How each complaint channel works' },
    summary: {
      zh: '每个渠道：谁可以用、怎么提交、要准备什么、对方多久内必须答复。每条事实都注明来源和核实日期；标有“待核实”的，没有在法规原文或官方通知中读到（只有新闻、网络来源或为推断），使用前请先打电话或上官网确认。',
      en: 'For every channel: who may use it, how to file, what to bring and how long they have to answer. Every fact names its source and the date it was checked; those marked "to be verified" were not read in a regulation or an official notice (news, web pages or our inference), so confirm them first.',
    },
    verifiedAt: newest(
      kb.channels.flatMap((c) => citationsOf(c).map((x) => x.verifiedAt)),
      kb.verifiedAt,
    ),
    sections: kb.channels.map((c) => channelSection(kb, c)),
  };
}

// ── How to read a statement ─────────────────────────────────────────────────────────────────

/**
 * The literal words in a lexicon pattern: its top-level alternatives that are plain text once
 * the anchors and escapes are removed. Alternatives with regular-expression syntax are skipped.
 */
export function literalTerms(pattern: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] ?? '';
    if (ch === '\\') {
      current += ch + (pattern[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === '|' && depth === 0) {
      alternatives.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  alternatives.push(current);
  const out: string[] = [];
  for (const alt of alternatives) {
    const bare = alt.replace(/^\^/u, '').replace(/\$$/u, '');
    if (/(?<!\\)[()[\]{}?*+.|^$]/u.test(bare) || /\\[a-zA-Z]/u.test(bare)) continue;
    const text = bare.replace(/\\(.)/gu, '$1');
    if (text !== '' && !out.includes(text)) out.push(text);
  }
  return out;
}

const termsOf = (patterns: readonly WeightedPattern[], keep: (weight: number) => boolean) =>
  patterns.filter((p) => keep(p.weight)).flatMap((p) => literalTerms(p.source));

const GUIDE_COLUMNS = ['date', 'amount', 'fee', 'net', 'description', 'cardType'] as const;
type GuideColumn = (typeof GUIDE_COLUMNS)[number] & ColumnRole;

const COLUMN_NAMES: Record<GuideColumn, Text> = {
  date: { zh: '日期', en: 'Date' },
  amount: { zh: '交易金额', en: 'Transaction amount' },
  fee: { zh: '手续费', en: 'Fee' },
  net: { zh: '结算金额（实际到账）', en: 'Settled amount (what reached you)' },
  description: { zh: '摘要 / 备注', en: 'Description' },
  cardType: { zh: '卡类型', en: 'Card type' },
};

const COLUMN_HELP: Record<GuideColumn, Text> = {
  date: { zh: '扣款或交易发生的日期。', en: 'When the sale or the deduction happened.' },
  amount: { zh: '顾客付款的金额。', en: 'What the customer paid.' },
  fee: {
    zh: '每笔交易扣的手续费：应等于交易金额乘以合同费率（借记卡可能有封顶）。',
    en: 'The fee taken on each sale: the amount times the agreed rate (debit cards may be capped).',
  },
  net: {
    zh: '交易金额减去手续费后实际到账的钱；少于应得就是少付。',
    en: 'The amount minus the fee; less than that is a shortfall.',
  },
  description: {
    zh: '扣款的名目：流量费、服务费、押金多半写在这里。',
    en: 'What a deduction is for: data, service and deposit charges usually show here.',
  },
  cardType: {
    zh: '借记卡和信用卡的费率不同，核对时要分开。',
    en: 'Debit and credit cards have different rates.',
  },
};

/** What each fee category is, in plain words, and what to check. */
const CATEGORY_HELP: Record<FindingCategory, Text> = {
  traffic_fee: {
    zh: 'POS 机里的流量卡（SIM 卡）的费用，常见为每年几十元。合同里没有约定、或约定的免费期还没过就扣的，可以要求退还。',
    en: "The charge for the terminal's SIM/data card, often a few dozen yuan a year. If the contract does not provide for it, or its free period has not ended, you can ask for it back.",
  },
  service_fee: {
    zh: '以“服务费、会员费、技术服务费、权益”等名义按月或按年扣的钱。没有经过您同意开通的，属于未经同意的收费。',
    en: 'Money taken monthly or yearly as a "service", "membership", "technical service" or "benefits" fee. If you never agreed to it, it was taken without consent.',
  },
  deposit: {
    zh: '机具押金、激活费、保证金、设备款。送机时说“免费”、事后从结算款里扣的，或达标后应退未退的，都可以追回。',
    en: 'Device deposits, activation charges, guarantees and device payments. A terminal given "free" and charged later, or a deposit not returned when its conditions were met, can be claimed back.',
  },
  instant_settlement_fee: {
    zh: '“秒到”“D0/T0”“提现费”等加快到账的附加费。没有主动开通却被收取的，可以要求退还。',
    en: 'Add-on fees for fast settlement ("秒到", D0/T0, withdrawal fees). If you never switched it on, you can ask for it back.',
  },
  other_deduction: {
    zh: '写着“调账、差错、补扣、风控扣款”等、看不出用途的扣款。可以要求服务商说明依据；说不清的应当退还。',
    en: 'Deductions labelled "adjustment", "error", "re-debit" or "risk control" with no clear purpose. Ask the provider to explain the basis; what it cannot explain should be returned.',
  },
  rate_overcharge: {
    zh: '每笔交易的手续费超过合同约定的费率（或超过借记卡封顶）。常见于服务商悄悄调高费率之后：调价须提前公示并经您确认。',
    en: 'A per-sale fee above the agreed rate (or above the debit cap), common after a provider quietly raised its rate: a change must be announced in advance and confirmed by you.',
  },
  settlement_shortfall: {
    zh: '到账金额少于交易金额减去手续费，差额没有任何说明。',
    en: 'The amount settled is less than the sale minus the fee, with no explanation for the difference.',
  },
};

function statementGuide(lexicon: Lexicon, verifiedAt: string): Guide {
  const columns: GuideSection = {
    id: 'columns',
    heading: { zh: '对账单上的几栏', en: 'The columns of a statement' },
    paragraphs: [
      {
        zh: '不同服务商导出的对账单表头写法不同。下面是扣费卫士认得的表头名称；同一栏可能叫其中任何一个。',
        en: 'Providers name their columns differently. These are the header names FeeGuard recognises; a column may carry any of them.',
      },
    ],
    facts: GUIDE_COLUMNS.map((role): GuideFact => {
      const terms = termsOf(lexicon.columns.get(role) ?? [], (w) => w > 0);
      return {
        kind: 'column',
        label: COLUMN_NAMES[role],
        value: {
          zh: `${COLUMN_HELP[role].zh}表头可能写作：${terms.join('、')}`,
          en: `${COLUMN_HELP[role].en} Header names: ${terms.join(', ')}`,
        },
        source: null,
      };
    }),
    verify: false,
  };
  const deduction: GuideSection = {
    id: 'deductions',
    heading: { zh: '哪一行是扣费', en: 'Which lines are deductions' },
    paragraphs: [
      {
        zh: '除了每笔交易的手续费，服务商还会单独扣款。摘要里出现下面这些词的行，多半是一笔扣费：',
        en: 'Besides the fee on each sale, providers take separate deductions. A line whose description has one of these words is most likely one:',
      },
    ],
    facts: [
      {
        kind: 'term',
        label: { zh: '扣费用语', en: 'Deduction words' },
        value: termList(literalTerms(lexicon.deduction.source)),
        source: null,
      },
      {
        kind: 'term',
        label: { zh: '退还用语（不是扣费）', en: 'Refund words (not a deduction)' },
        value: termList(literalTerms(lexicon.refundWords.source)),
        source: null,
      },
    ],
    verify: false,
  };
  const byCategory: ReadonlyMap<string, readonly WeightedPattern[]> = lexicon.categories;
  const categories = FINDING_CATEGORIES.map((category): GuideSection => {
    const patterns = byCategory.get(category) ?? [];
    const specific = termsOf(patterns, (w) => w >= 2);
    const generic = termsOf(patterns, (w) => w > 0 && w < 2);
    const facts: GuideFact[] = [];
    if (specific.length > 0) {
      facts.push({
        kind: 'term',
        label: { zh: '常见名称', en: 'Names it goes by' },
        value: termList(specific),
        source: null,
      });
    }
    if (generic.length > 0) {
      facts.push({
        kind: 'term',
        label: { zh: '也可能写作（需结合上下文）', en: 'Also written as (depends on context)' },
        value: termList(generic),
        source: null,
      });
    }
    return {
      id: category,
      heading: CATEGORY_NAMES[category],
      paragraphs: [CATEGORY_HELP[category]],
      facts,
      verify: false,
    };
  });
  return {
    slug: 'reading-statements',
    title: { zh: '怎么看懂对账单', en: 'How to read a statement' },
    summary: {
      zh: '对账单上哪一栏是什么、哪一行是扣费、每种费用名称是什么意思。这些名称就是扣费卫士核对时用的词表。',
      en: 'Which column is which, which lines are deductions, and what each fee name means. These are the very words FeeGuard’s audit uses.',
    },
    verifiedAt,
    sections: [columns, deduction, ...categories],
  };
}

// ── The merchant's rights ───────────────────────────────────────────────────────────────────

const PROVIDER_TYPE: Record<LegalGround['providerTypes'][number], Text> = {
  bank: { zh: '银行', en: 'banks' },
  payment_institution: { zh: '支付机构', en: 'payment institutions' },
};

function rightsGuide(kb: KnowledgeBase, grounds: readonly LegalGround[]): Guide {
  return {
    slug: 'merchant-rights',
    title: { zh: '商户有哪些权利', en: "The merchant's rights" },
    summary: {
      zh: '法律和监管规定说得很清楚：收费要公示、调价要您同意、未经约定扣的钱要退。下面每一条都注明出处，投诉书里引用的就是这些条文。',
      en: 'The rules are clear: fees must be posted, changes need your consent, money taken without agreement must be returned. Each point names its source; the complaint letters cite exactly these.',
    },
    verifiedAt: newest(
      grounds.map((g) => g.cite.verifiedAt),
      kb.verifiedAt,
    ),
    sections: grounds.map((g) => {
      const facts: GuideFact[] = [
        {
          kind: 'applies_to',
          label: { zh: '适用于', en: 'Applies to' },
          value: {
            zh: g.providerTypes.map((p) => PROVIDER_TYPE[p].zh).join('、'),
            en: g.providerTypes.map((p) => PROVIDER_TYPE[p].en).join(', '),
          },
          source: null,
        },
      ];
      if (g.categories) {
        facts.push({
          kind: 'applies_to',
          label: { zh: '涉及的费用', en: 'Fees concerned' },
          value: {
            zh: g.categories.map((c) => CATEGORY_NAMES[c].zh).join('、'),
            en: g.categories.map((c) => CATEGORY_NAMES[c].en).join(', '),
          },
          source: null,
        });
      }
      facts.push({
        kind: 'legal_basis',
        label: { zh: '出处', en: 'Source' },
        value: citedLawText(kb, g.title, g.articles),
        source: sourceOf(kb, g.cite),
      });
      return {
        id: g.id,
        heading: citedLawText(kb, g.title, g.articles),
        // The article's words in 「」 only where they were read in the text; else the summary.
        paragraphs: [
          g.quote
            ? { zh: `原文：「${g.quote}」要点：${g.summary.zh}`, en: `Summary: ${g.summary.en}` }
            : g.summary,
        ],
        facts,
        verify: needsVerification(g.cite),
      };
    }),
  };
}

/** Every guide, in reading order. */
export function buildGuides(inputs: GuideInputs): Guide[] {
  return [
    statementGuide(inputs.lexicon, inputs.kb.verifiedAt),
    rightsGuide(inputs.kb, inputs.grounds),
    channelGuide(inputs.kb),
  ];
}
