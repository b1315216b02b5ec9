import { textTable } from '../audit/report/text.js';
import { citationsOf, needsVerification, weakest } from './knowledge-base.js';
import type { Channel, Citation, KnowledgeBase } from './schema.js';

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

function deadlineText(channel: Channel, lang: Language): string {
  const rule = channel.deadline;
  if (!rule) return lang === 'zh' ? '无法定期限' : 'no legal limit';
  const unit = (u: 'calendar' | 'working') =>
    lang === 'zh'
      ? u === 'working'
        ? '个工作日'
        : '日'
      : u === 'working'
        ? ' working days'
        : ' days';
  const pre = rule.startsAfter
    ? `${String(rule.startsAfter.days)}${unit(rule.startsAfter.unit)}+`
    : '';
  const ext = rule.extensions.at(-1);
  const max = ext
    ? lang === 'zh'
      ? `（最长${String(ext.toDays)}${unit(ext.unit)}）`
      : ` (max ${String(ext.toDays)}${unit(ext.unit)})`
    : '';
  return `${pre}${String(rule.days)}${unit(rule.unit)}${max}`;
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
        ? `请核实(${weakest(citationsOf(c))})`
        : `verify (${weakest(citationsOf(c))})`
      : '',
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
    ? `\n知识库核实日期 ${kb.verifiedAt}。“请核实”表示部分事实只有网络来源或为推断。详情：feeguard channels <ID>\n`
    : `\nKnowledge base checked ${kb.verifiedAt}. "verify" marks facts from web pages only or our inference. Details: feeguard channels <ID>\n`;
  return `${textTable(columns, rows)}\n${foot}`;
}

/** `feeguard channels ID`: everything about one channel, with the source of every fact. */
export function describeChannel(channel: Channel, kb: KnowledgeBase, lang: Language): string {
  const zh = lang === 'zh';
  const sourceTitle = (key: string) => kb.sources.find((s) => s.key === key)?.title ?? key;
  const cite = (c: Citation) =>
    `[${sourceTitle(c.source)}${c.where ? ` ${c.where}` : ''}; ${c.confidence}${needsVerification(c) ? (zh ? '，请核实' : ', verify') : ''}; ${c.verifiedAt}]`;
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
    out.push(`  ${c.method}: ${c.value}${c.hours ? ` (${c.hours})` : ''} ${cite(c.cite)}`);
  if (channel.prerequisites.length > 0) {
    out.push(zh ? '前提' : 'Prerequisites');
    for (const p of channel.prerequisites)
      out.push(
        `  ${p.required ? (zh ? '必须' : 'required') : zh ? '建议' : 'advised'}: ${p[lang]} ${cite(p.cite)}`,
      );
  }
  out.push(zh ? '需要准备' : 'What to bring');
  for (const b of channel.bring) out.push(`  - ${b[lang]}`);
  out.push(zh ? '答复期限' : 'Answer deadline');
  if (channel.deadline) {
    const d = channel.deadline;
    out.push(`  ${deadlineText(channel, lang)} — ${d.what[lang]} ${cite(d.cite)}`);
    if (d.startsAfter) out.push(`  ${zh ? '先经过' : 'after'}: ${d.startsAfter.what[lang]}`);
    for (const e of d.extensions)
      out.push(`  ${zh ? '可延长至' : 'extendable to'} ${String(e.toDays)}: ${e.condition[lang]}`);
  } else {
    out.push(`  ${zh ? '无法定期限' : 'no legal deadline'}`);
  }
  out.push(zh ? '法律依据' : 'Legal basis');
  for (const l of channel.legalBasis) out.push(`  ${l.title} ${l.articles} ${cite(l.cite)}`);
  if (channel.cost) out.push(zh ? '费用' : 'Cost', `  ${channel.cost[lang]}`);
  return `${out.join('\n')}\n`;
}
