import { FeeGuardError } from '../errors.js';
import data from './channels.json' with { type: 'json' };
import {
  knowledgeBaseSchema,
  type Channel,
  type Citation,
  type Confidence,
  type DeadlineRule,
  type FilingType,
  type KnowledgeBase,
  type Procedure,
} from './schema.js';

/**
 * The channel knowledge base: `channels.json` validated against its schema. The file is data so a
 * reviewer can correct a hotline or a deadline, with its source and the date it was checked,
 * without touching code; the server stores an editable copy seeded from it.
 */
export function parseKnowledgeBase(raw: unknown, origin = 'channels.json'): KnowledgeBase {
  const parsed = knowledgeBaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new FeeGuardError(
      'FG_ERR_BAD_KNOWLEDGE_BASE',
      `${origin}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`,
      { hint: 'fix the entry so it matches src/channels/schema.ts (see docs/channels.md)' },
    );
  }
  const kb = parsed.data;
  const sourceKeys = new Set(kb.sources.map((s) => s.key));
  const ids = new Set<string>();
  for (const channel of kb.channels) {
    if (ids.has(channel.id)) {
      throw new FeeGuardError(
        'FG_ERR_BAD_KNOWLEDGE_BASE',
        `${origin}: channel id "${channel.id}" appears twice`,
        {
          hint: 'give every channel its own id',
        },
      );
    }
    ids.add(channel.id);
    checkProcedures(channel, origin);
    for (const cite of citationsOf(channel)) {
      if (!sourceKeys.has(cite.source)) {
        throw new FeeGuardError(
          'FG_ERR_BAD_KNOWLEDGE_BASE',
          `${origin}: channel "${channel.id}" cites source "${cite.source}", which is not in "sources"`,
          { hint: 'add the source (key, title, where) or correct the key' },
        );
      }
    }
  }
  return kb;
}

const bundled = { kb: null as KnowledgeBase | null };

/** The knowledge base shipped with FeeGuard, validated once. */
export function defaultKnowledgeBase(): KnowledgeBase {
  bundled.kb ??= parseKnowledgeBase(data);
  return bundled.kb;
}

export function findChannel(kb: KnowledgeBase, id: string): Channel {
  const channel = kb.channels.find((c) => c.id === id);
  if (!channel) {
    throw new FeeGuardError('FG_ERR_UNKNOWN_CHANNEL', `no complaint channel "${id}"`, {
      hint: `use one of: ${kb.channels.map((c) => c.id).join(', ')} (feeguard channels lists them)`,
    });
  }
  return channel;
}

/** Every citation in a channel entry, wherever it sits. */
export function citationsOf(channel: Channel): Citation[] {
  return [
    ...channel.accepts.map((a) => a.cite),
    ...channel.contacts.map((c) => c.cite),
    ...channel.prerequisites.map((p) => p.cite),
    ...channel.legalBasis.map((l) => l.cite),
    ...channel.procedures.map((p) => p.cite),
  ];
}

/** Each procedure's `after` names an earlier procedure of the same filing; one answer per filing. */
function checkProcedures(channel: Channel, origin: string): void {
  const seen = new Map<string, Procedure>();
  const answers = new Set<FilingType>();
  for (const procedure of channel.procedures) {
    const where = `${origin}: channel "${channel.id}" procedure "${procedure.id}"`;
    if (seen.has(procedure.id)) {
      throw new FeeGuardError('FG_ERR_BAD_KNOWLEDGE_BASE', `${where} appears twice`, {
        hint: 'give every procedure of a channel its own id',
      });
    }
    if (procedure.after !== undefined) {
      const before = seen.get(procedure.after);
      if (!before || before.filingType !== procedure.filingType) {
        throw new FeeGuardError(
          'FG_ERR_BAD_KNOWLEDGE_BASE',
          `${where} starts after "${procedure.after}", which is not an earlier procedure of the same filing type`,
          { hint: 'list the earlier procedure first, with the same filingType, or remove "after"' },
        );
      }
    }
    if (procedure.answer) {
      if (answers.has(procedure.filingType)) {
        throw new FeeGuardError(
          'FG_ERR_BAD_KNOWLEDGE_BASE',
          `${where}: a second "answer" procedure for the same filing type`,
          { hint: 'mark only the procedure the merchant waits for as "answer": true' },
        );
      }
      answers.add(procedure.filingType);
    }
    seen.set(procedure.id, procedure);
  }
}

/** The procedures a filing of this type goes through at this channel, in order. */
export function proceduresFor(channel: Channel, filingType: FilingType): Procedure[] {
  return channel.procedures.filter((p) => p.filingType === filingType);
}

/**
 * The rule for the answer a filing waits for, as one deadline: the answer procedure, started
 * after the procedure before it (if any). Null when the channel sets no time for this filing.
 */
export function answerRule(channel: Channel, filingType: FilingType): DeadlineRule | null {
  const procedures = proceduresFor(channel, filingType);
  const answer = procedures.find((p) => p.answer);
  if (!answer) return null;
  const before = answer.after ? procedures.find((p) => p.id === answer.after) : undefined;
  return {
    what: answer.what,
    days: answer.days,
    unit: answer.unit,
    ...(before ? { startsAfter: { days: before.days, unit: before.unit, what: before.what } } : {}),
    extensions: answer.extensions,
    basis: `${answer.article.title} ${answer.article.article}`,
    cite: answer.cite,
  };
}

/** The filing type a channel takes by default (its own `filingType`). */
export function defaultAnswerRule(channel: Channel): DeadlineRule | null {
  return answerRule(channel, channel.filingType);
}

/** Whether a fact was read in the regulation text or an official notice (已核实) or not (待核实). */
export function isVerified(cite: Citation): boolean {
  return cite.confidence === 'high';
}

/** 已核实（核实于 …）/ 待核实, never the internal confidence word. */
export function verificationLabel(cite: Citation, lang: 'zh' | 'en'): string {
  if (lang === 'zh') {
    return isVerified(cite) ? `已核实（${cite.verifiedAt}）` : `待核实（查于 ${cite.verifiedAt}）`;
  }
  return isVerified(cite)
    ? `verified (${cite.verifiedAt})`
    : `to be verified (checked ${cite.verifiedAt})`;
}

/** A source's readable title (never its internal key). */
export function sourceTitle(kb: KnowledgeBase, key: string, lang: 'zh' | 'en' = 'zh'): string {
  const source = kb.sources.find((s) => s.key === key);
  if (!source) return lang === 'zh' ? '资料来源' : 'Source';
  return lang === 'en' && source.titleEn ? source.titleEn : source.title;
}

/**
 * A law's title as the reader sees it: the official Chinese title in Chinese; in English its
 * English title with the Chinese kept alongside — "Civil Code of the PRC (中华人民共和国民法典)".
 * Titles written with 《》, or two of them in a row, are read one by one; a title the data has
 * no English for stays as it is.
 */
export function lawTitle(
  kb: Pick<KnowledgeBase, 'lawTitles'>,
  title: string,
  lang: 'zh' | 'en',
): string {
  if (lang === 'zh') return title;
  const parts = title.includes('》《') ? title.split('》《') : [title];
  return parts
    .map((part) => {
      const zh = part.replaceAll(/[《》]/gu, '');
      const en = kb.lawTitles.find((t) => t.zh === zh)?.en;
      return en ? `${en} (${zh})` : part;
    })
    .join('; ');
}

const DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 九百八十五 → 985, 十三 → 13, 四十 → 40. */
function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch] ?? 0;
    else if (ch in UNITS) {
      total += (digit === 0 ? 1 : digit) * (UNITS[ch] ?? 1);
      digit = 0;
    }
  }
  return total + digit;
}

/**
 * Article references for the reader: as written in Chinese; in English "art. 34(2)",
 * "arts. 496–498", "art. 43(1)(3)" — whatever is not an article number stays as written, except
 * a law named before its articles (民法典 第九百八十五条, 价格法第十三条), which takes its English
 * name from the data (`lawTitles[].short`) when `kb` is given.
 */
export function articlesIn(
  articles: string,
  lang: 'zh' | 'en',
  kb?: Pick<KnowledgeBase, 'lawTitles'>,
): string {
  if (lang === 'zh') return articles;
  const n = '([零一二两三四五六七八九十百千]+)';
  return (
    namesInEnglish(articles, kb)
      .replaceAll(
        new RegExp(`第${n}条至第${n}条`, 'gu'),
        (_, a: string, b: string) =>
          `arts. ${String(chineseNumber(a))}–${String(chineseNumber(b))}`,
      )
      .replaceAll(
        new RegExp(`第${n}条`, 'gu'),
        (_, a: string) => `art. ${String(chineseNumber(a))}`,
      )
      .replaceAll(
        new RegExp(`第${n}[款项]`, 'gu'),
        (_, a: string) => `(${String(chineseNumber(a))})`,
      )
      // an item numbered in the Chinese way after an article: 第十三条(三) → art. 13(3)
      .replaceAll(
        new RegExp(`(?<=\\d\\)?)[（(]${n}[）)]`, 'gu'),
        (_, a: string) => `(${String(chineseNumber(a))})`,
      )
      .replaceAll('、', ', ')
      .replaceAll('；', '; ')
  );
}

/** Law names (full or short, with or without 《》) standing before an article, in English. */
function namesInEnglish(text: string, kb: Pick<KnowledgeBase, 'lawTitles'> | undefined): string {
  if (!kb || kb.lawTitles.length === 0) return text;
  const english = new Map<string, string>();
  for (const t of kb.lawTitles) {
    english.set(t.zh, t.en);
    if (t.short && !english.has(t.short.zh)) english.set(t.short.zh, t.short.en);
  }
  // longest first: 中华人民共和国价格法 before 价格法
  const names = [...english.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replaceAll(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const pattern = new RegExp(`《?(${names.join('|')})》?\\s*(?=第)`, 'gu');
  return text.replaceAll(pattern, (_, name: string) => `${english.get(name) ?? name} `);
}

/**
 * The laws a reference names with the articles of each: a reference to several laws is written
 * 《A》《B》 with one part of `articles` per law, separated by ；, in the same order. Titles come
 * back without 《》.
 */
export function lawRefs(title: string, articles: string): { title: string; articles: string }[] {
  const titles = title.split('》《');
  const parts = articles.split('；');
  if (titles.length > 1 && parts.length === titles.length) {
    return titles.map((t, i) => ({
      title: t.replaceAll(/[《》]/gu, ''),
      articles: parts[i] ?? '',
    }));
  }
  return [{ title: title.replace(/^《([^《》]*)》/u, '$1'), articles }];
}

/**
 * A reference to a law's articles as a letter writes it: 《中华人民共和国民法典》第九百八十五条
 * in Chinese; in English "Civil Code of the PRC (中华人民共和国民法典) art. 985". A reference to
 * several laws names each with its own articles (see `lawRefs`).
 */
export function citedLaw(
  kb: Pick<KnowledgeBase, 'lawTitles'>,
  title: string,
  articles: string,
  lang: 'zh' | 'en',
): string {
  return lawRefs(title, articles)
    .map((ref) =>
      lang === 'zh'
        ? `${zhTitle(ref.title)}${ref.articles}`
        : `${lawTitle(kb, ref.title, 'en')} ${articlesIn(ref.articles, 'en', kb)}`,
    )
    .join(lang === 'zh' ? '、' : '; ');
}

/** 《title》, with whatever follows the closing mark (（中支协发〔2025〕64号）) kept after it. */
function zhTitle(title: string): string {
  const suffix = /^(.*?)(（[^（）]*）)$/u.exec(title);
  // a document number in brackets stands after the title's marks, as it is printed
  if (suffix?.[1] && suffix[2] && /号|〔/u.test(suffix[2])) return `《${suffix[1]}》${suffix[2]}`;
  return `《${title}》`;
}

const CONFIDENCE_ORDER: readonly Confidence[] = [
  'high',
  'medium',
  'inference',
  'low',
  'unverified',
];

/** The least certain of a set of citations: what the user must be warned about. */
export function weakest(cites: readonly Citation[]): Confidence {
  let worst = 0;
  for (const cite of cites) worst = Math.max(worst, CONFIDENCE_ORDER.indexOf(cite.confidence));
  return CONFIDENCE_ORDER[worst] ?? 'high';
}

/** Facts a user should check before relying on them (待核实): anything not read in the text. */
export function needsVerification(cite: Citation): boolean {
  return !isVerified(cite);
}

/** A citation's place as a reader can use it: an article, or a web address; internal notes are not shown. */
export function readableWhere(where: string | undefined): string | null {
  if (!where) return null;
  if (/^(https?:\/\/|www\.)\S+$/u.test(where)) return where;
  return /[A-Za-z]/u.test(where) ? null : where;
}
