import { textTable } from '../audit/report/text.js';
import {
  citationsOf,
  needsVerification,
  proceduresFor,
  readableWhere,
  sourceTitle,
  verificationLabel,
  lawTitle,
  articlesIn,
} from './knowledge-base.js';
import type { Channel, Citation, KnowledgeBase, Procedure } from './schema.js';

type Language = 'zh' | 'en';

const PARTY: Record<Channel['accepts'][number]['party'], { zh: string; en: string }> = {
  individual_consumer: { zh: '个人', en: 'individual' },
  individual_merchant: { zh: '个体商户', en: 'indiv. merchant' },
  company: { zh: '企业', en: 'company' },
};
const AS: Record<Channel['filingType'], { zh: string; en: string }> = {
  complaint: { zh: '投诉', en: 'complaint' },
  report: { zh: '举报', en: 'report' },
  application: { zh: '申请', en: 'application' },
};
const AGAINST: Record<Channel['against'][number], { zh: string; en: string }> = {
  bank: { zh: '银行', en: 'bank' },
  payment_institution: { zh: '支付机构', en: 'payment inst.' },
  agent: { zh: '代理商', en: 'agent' },
};

const METHOD: Record<Channel['contacts'][number]['method'], { zh: string; en: string }> = {
  hotline: { zh: '电话', en: 'phone' },
  website: { zh: '网站', en: 'website' },
  app: { zh: '手机应用', en: 'app' },
  mini_program: { zh: '小程序', en: 'mini program' },
  email: { zh: '电子邮箱', en: 'email' },
  post: { zh: '邮寄', en: 'post' },
  in_person: { zh: '现场', en: 'in person' },
};

function unitWord(u: 'calendar' | 'working', lang: Language): string {
  if (lang === 'zh') return u === 'working' ? '个工作日' : '日';
  return u === 'working' ? ' working days' : ' days';
}

/** One procedure's period: "7个工作日", "15日（最长60日）". */
function procedureText(p: Procedure, lang: Language): string {
  const ext = p.extensions.at(-1);
  const max = ext
    ? lang === 'zh'
      ? `（最长${String(ext.toDays)}${unitWord(ext.unit, lang)}）`
      : ` (max ${String(ext.toDays)}${unitWord(ext.unit, lang)})`
    : '';
  return `${String(p.days)}${unitWord(p.unit, lang)}${max}`;
}

/** The answer deadline of the channel's own filing type, stages joined with "+". */
function deadlineText(channel: Channel, lang: Language): string {
  const procedures = proceduresFor(channel, channel.filingType);
  const answer = procedures.find((p) => p.answer);
  if (!answer) return lang === 'zh' ? '无法定期限' : 'no legal limit';
  const before = answer.after ? procedures.find((p) => p.id === answer.after) : undefined;
  return `${before ? `${procedureText(before, lang).replace(/（.*）| \(.*\)/u, '')}+` : ''}${procedureText(answer, lang)}`;
}

/** `feeguard channels`: one line per channel. */
export function channelTable(kb: KnowledgeBase, lang: Language): string {
  const zh = lang === 'zh';
  const rows = kb.channels.map((c) => [
    c.id,
    c.name[lang],
    c.accepts.map((a) => `${PARTY[a.party][lang]}:${AS[a.as][lang]}`).join(' '),
    c.against.map((a) => AGAINST[a][lang]).join('/'),
    deadlineText(c, lang),
    citationsOf(c).some(needsVerification)
      ? zh
        ? '部分待核实'
        : 'partly to be verified'
      : zh
        ? '已核实'
        : 'verified',
  ]);
  const columns = zh
    ? [
        { title: 'ID' },
        { title: '渠道', max: 34 },
        { title: '谁可以用' },
        { title: '针对' },
        { title: '答复期限' },
        { title: '可靠性' },
      ]
    : [
        { title: 'ID' },
        { title: 'Channel', max: 44 },
        { title: 'Who may use it' },
        { title: 'Against' },
        { title: 'Answer within' },
        { title: 'Certainty' },
      ];
  const foot = zh
    ? `\n知识库核实日期 ${kb.verifiedAt}。“部分待核实”表示部分事实没有在法规原文或官方通知中读到，使用前请核实。详情：feeguard channels <ID>\n`
    : `\nKnowledge base checked ${kb.verifiedAt}. "to be verified" marks facts not read in a regulation or an official notice. Details: feeguard channels <ID>\n`;
  return `${textTable(columns, rows)}\n${foot}`;
}

/** `feeguard channels ID`: everything about one channel, with the source of every fact. */
export function describeChannel(channel: Channel, kb: KnowledgeBase, lang: Language): string {
  const zh = lang === 'zh';
  const cite = (c: Citation) =>
    `[${sourceTitle(kb, c.source, lang)}${readableWhere(c.where) ? ` ${articlesIn(readableWhere(c.where) ?? '', lang, kb)}` : ''}；${verificationLabel(c, lang)}]`;
  const out: string[] = [
    `${channel.name.zh} / ${channel.name.en}  (${channel.id})`,
    '',
    channel.summary[lang],
    '',
  ];
  out.push(zh ? '谁可以用' : 'Who may use it');
  for (const a of channel.accepts)
    out.push(
      `  ${PARTY[a.party][lang]} — ${AS[a.as][lang]}${a.against ? ` (${a.against.map((x) => AGAINST[x][lang]).join('/')})` : ''} ${cite(a.cite)}`,
    );
  out.push(zh ? '联系方式' : 'How to reach it');
  for (const c of channel.contacts)
    out.push(
      `  ${METHOD[c.method][lang]}: ${c.value}${c.hours ? ` (${c.hours})` : ''} ${cite(c.cite)}`,
    );
  if (channel.prerequisites.length > 0) {
    out.push(zh ? '前提' : 'Prerequisites');
    for (const p of channel.prerequisites)
      out.push(
        `  ${p.required ? (zh ? '必须' : 'required') : zh ? '建议' : 'advised'}: ${p[lang]} ${cite(p.cite)}`,
      );
  }
  out.push(zh ? '需要准备' : 'What to bring');
  for (const b of channel.bring) out.push(`  - ${b[lang]}`);
  out.push(zh ? '各程序的期限' : 'Deadlines, procedure by procedure');
  if (channel.procedures.length === 0) out.push(`  ${zh ? '无法定期限' : 'no legal deadline'}`);
  for (const p of channel.procedures) {
    const before = p.after ? channel.procedures.find((q) => q.id === p.after) : undefined;
    const start = before
      ? zh
        ? `在“${before.what.zh}”之后，${p.startEvent.zh}`
        : `after "${before.what.en}", ${p.startEvent.en}`
      : p.startEvent[lang];
    out.push(
      `  [${AS[p.filingType][lang]}] ${start}${zh ? '' : ','} ${procedureText(p, lang)}${zh ? '内' : ''}：${p.what[lang]}`,
      `    ${zh ? '依据' : 'basis'}：《${p.article.title}》${p.article.article} ${cite(p.cite)}`,
    );
    if (p.article.quote) out.push(`    「${p.article.quote}」`);
    out.push(`    ${p.article.summary[lang]}`);
    for (const e of p.extensions)
      out.push(
        `    ${zh ? '可延长至' : 'extendable to'} ${String(e.toDays)}${unitWord(e.unit, lang)}：${e.condition[lang]}`,
      );
  }
  out.push(zh ? '法律依据' : 'Legal basis');
  for (const l of channel.legalBasis)
    out.push(
      `  ${lawTitle(kb, l.title, lang)} ${articlesIn(l.articles, lang, kb)} ${cite(l.cite)}`,
    );
  if (channel.cost) out.push(zh ? '费用' : 'Cost', `  ${channel.cost[lang]}`);
  return `${out.join('\n')}\n`;
}
