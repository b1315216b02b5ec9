import type { FindingCategory, IsoDate } from '../audit/model.js';
import type { Channel, FilingType, KnowledgeBase } from '../channels/schema.js';
import type { Block, DocumentModel } from '../documents/model.js';
import { categoryName, longDate, yuan, type Language } from './case-facts.js';
import { citeGround, groundsFor, type LegalGround } from './legal-grounds.js';

/**
 * The combined letter of a group complaint: several merchants, one provider, one kind of charge
 * taken without consent, sent together to a regulator or association. Pure: the group's facts
 * in, the same document model the single letters make out; the renderers make PDF, DOCX and
 * text of it.
 */
export interface GroupLetterMember {
  /** The name the member agreed to show, or the label "商户 N". */
  readonly label: string;
  /** Whether `label` is the member's real name (only then are further particulars shown). */
  readonly named: boolean;
  readonly city?: string;
  readonly claimFen: number;
  /** How many deductions of the category the member's claim is made of. */
  readonly deductions: number;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate } | null;
  /**
   * What the member affirmed in their own case (docs/case-file.md): that they never agreed to
   * this charge, and that they were never told of it. The letter says "we never…" only for what
   * every member affirmed; absent means nothing affirmed.
   */
  readonly affirmed?: { readonly neverAgreed: boolean; readonly neverTold: boolean };
}

export interface GroupLetterInput {
  readonly provider: {
    readonly name: string;
    readonly type: 'bank' | 'payment_institution';
    /** Where the provider is domiciled: decides the PBoC branch or bureau the letter goes to. */
    readonly province?: string;
  };
  readonly category: FindingCategory;
  /** The members who consented to the combined letter, in the order they are listed. */
  readonly members: readonly GroupLetterMember[];
  readonly channel: Channel;
  /** 投诉 or 举报, from the channel's `accepts[].as`. */
  readonly filingType: FilingType;
  readonly grounds: readonly LegalGround[];
  /** The laws' English titles (an English letter names no law in Chinese alone). */
  readonly kb: Pick<KnowledgeBase, 'lawTitles'>;
  readonly date: IsoDate;
  readonly language: Language;
}

export interface GroupFacts {
  readonly totalFen: number;
  readonly deductions: number;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate } | null;
  readonly cities: readonly string[];
}

/** Whether every member affirmed this in their own case. */
function allAffirmed(
  members: readonly GroupLetterMember[],
  what: 'neverAgreed' | 'neverTold',
): boolean {
  return members.length > 0 && members.every((m) => m.affirmed?.[what] === true);
}

/** The figures the letter states, computed once so the table and the text agree. */
export function groupFacts(members: readonly GroupLetterMember[]): GroupFacts {
  const periods = members.flatMap((m) => (m.period ? [m.period] : []));
  const from = periods.map((p) => p.from).sort()[0];
  const to = periods
    .map((p) => p.to)
    .sort()
    .at(-1);
  return {
    totalFen: members.reduce((sum, m) => sum + m.claimFen, 0),
    deductions: members.reduce((sum, m) => sum + m.deductions, 0),
    period: from !== undefined && to !== undefined ? { from, to } : null,
    cities: [...new Set(members.flatMap((m) => (m.city ? [m.city] : [])))],
  };
}

export function composeGroupLetter(input: GroupLetterInput): DocumentModel {
  const { provider, channel, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const report = input.filingType === 'report';
  const facts = groupFacts(input.members);
  const category = categoryName(input.category, lang);
  const count = String(input.members.length);
  const us = report ? t('联名举报人', 'Joint reporters') : t('联名投诉人', 'Joint complainants');
  const them = report ? t('被举报人', 'Reported party') : t('被投诉人', 'Respondent');
  const title = report
    ? t('联名举报信', 'Joint Report of a Violation')
    : t('联名投诉书', 'Joint Letter of Complaint');
  const addressee = addresseeOf(channel, provider.province, lang);
  const grounds = groundsFor(input.grounds, provider.type, new Set([input.category]));
  const period = facts.period
    ? t(
        `${longDate(facts.period.from, 'zh')}至${longDate(facts.period.to, 'zh')}`,
        `${longDate(facts.period.from, 'en')} to ${longDate(facts.period.to, 'en')}`,
      )
    : t('所附期间', 'the period shown in the exhibits');
  const anonymous = input.members.filter((m) => !m.named).length;

  const blocks: Block[] = [
    {
      kind: 'fields',
      fields: [
        {
          label: us,
          value: t(
            `使用${provider.name}收单服务的商户共 ${count} 户（名单见第三部分）`,
            `${count} merchants using the acquiring service of ${provider.name} (listed in part III)`,
          ),
        },
        { label: them, value: provider.name },
        { label: t('涉及费用', 'Charge concerned'), value: category },
        { label: t('涉及金额合计', 'Total concerned'), value: yuan(facts.totalFen, lang) },
      ],
    },
    {
      kind: 'heading',
      text: report ? t('一、举报事项', 'I. Requests') : t('一、请求事项', 'I. Requests'),
    },
    { kind: 'list', ordered: true, items: demands(input, facts, category) },
    { kind: 'heading', text: t('二、事实与理由', 'II. Facts and grounds') },
    {
      kind: 'paragraph',
      text: t(
        `我们是 ${count} 户使用${provider.name}银行卡收单（POS 机）服务的商户${facts.cities.length > 0 ? `，分布在${facts.cities.join('、')}` : ''}。经扣费卫士逐笔核对各自的结算对账单，${provider.name}在${period}期间，${allAffirmed(input.members, 'neverAgreed') ? '未经我们同意，' : ''}以“${category}”名义从我们的结算款中共扣取 ${String(facts.deductions)} 笔，合计 ${yuan(facts.totalFen, 'zh')}。`,
        `We are ${count} merchants using the card-acquiring (POS) service of ${provider.name}${facts.cities.length > 0 ? `, in ${facts.cities.join(', ')}` : ''}. Checking each of our settlement statements line by line with FeeGuard shows that from ${period} ${provider.name} took ${String(facts.deductions)} charges as "${category}" from our settlements${allAffirmed(input.members, 'neverAgreed') ? ' without our consent' : ''}, ${yuan(facts.totalFen, 'en')} in all.`,
      ),
    },
    {
      kind: 'paragraph',
      text: t(
        `同一家机构、同一种费用、在互不相识的多户商户身上以同样方式出现，说明这不是个别差错，而是${provider.name}的一种收费做法。${allAffirmed(input.members, 'neverAgreed') ? '我们每一户都确认从未同意该项收费' : '据我们所知，该项收费没有约定依据'}${allAffirmed(input.members, 'neverTold') ? '，也都未收到收费公示或变更通知' : ''}。`,
        `The same charge from the same institution, taken the same way from merchants who do not know each other, is not a one-off error but a practice of ${provider.name}. ${allAffirmed(input.members, 'neverAgreed') ? 'Each of us confirms never agreeing to it' : 'As far as we know it has no basis in our agreements'}${allAffirmed(input.members, 'neverTold') ? ', and none of us received any notice of it or of a change of fees' : ''}.`,
      ),
    },
    { kind: 'heading', text: t('三、联名商户及金额', 'III. The merchants and their claims') },
    membersTable(input.members, facts, lang),
    ...(anonymous > 0
      ? [
          {
            kind: 'note',
            text: t(
              `其中 ${String(anonymous)} 户商户未同意在本信中公开名称，以编号代替；其身份信息、对账单原件和审计报告可应${addressee}要求另行提供。`,
              `${String(anonymous)} of the merchants did not agree to be named here and are shown by number; their particulars, original statements and audit reports can be provided to ${addressee} on request.`,
            ),
          } satisfies Block,
        ]
      : []),
    { kind: 'heading', text: t('四、法律依据', 'IV. Legal basis') },
    {
      kind: 'list',
      ordered: true,
      items: grounds.map((g) => citeGround(g, lang, input.kb)),
    },
    { kind: 'heading', text: t('五、证据清单', 'V. Evidence') },
    {
      kind: 'list',
      ordered: true,
      items: [
        t(
          `各商户的扣费卫士对账审计报告（逐笔列明 ${String(facts.deductions)} 笔争议扣费及判断理由）`,
          `Each merchant's FeeGuard audit report (the ${String(facts.deductions)} disputed deductions with the reasons)`,
        ),
        t('各商户的原始结算对账单', "Each merchant's original settlement statements"),
        t(
          '各商户的身份证明（个体工商户另附营业执照）',
          "Each merchant's proof of identity (and business licence)",
        ),
      ],
    },
    {
      kind: 'signature',
      lines: [
        t(`此致\n${addressee}`, `To: ${addressee}`),
        ...input.members.map((m) => `${m.label}${t('（签名）', ' (signature)')}：＿＿＿＿＿＿＿＿`),
      ],
      date: longDate(input.date, lang),
    },
  ];
  return {
    title,
    subtitle: t(`致：${addressee}`, `To: ${addressee}`),
    blocks,
    language: lang === 'zh' ? 'zh-CN' : 'en',
    meta: {
      author: t(`${count} 户商户`, `${count} merchants`),
      subject: t(
        `关于${provider.name}未经同意收取${category}的${title}`,
        `${title} about ${category} ${provider.name} took without consent`,
      ),
    },
  };
}

/** The office that handles the letter: the branch where the provider is domiciled, if known. */
function addresseeOf(channel: Channel, province: string | undefined, lang: Language): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  switch (channel.kind) {
    case 'central_bank':
      return t(
        `中国人民银行${province ? `${province}分行` : '（被投诉机构住所地）分支机构'}`,
        `People's Bank of China${province ? `, ${province} branch` : ' (branch where the institution is domiciled)'}`,
      );
    case 'financial_regulator':
      return t(
        `国家金融监督管理总局${province ? `${province}监管局` : '（属地）派出机构'}`,
        `National Financial Regulatory Administration${province ? `, ${province} office` : ''}`,
      );
    case 'market_regulator':
      return t(
        `${province ?? '（被举报机构所在地）'}市场监督管理局`,
        `Market regulation bureau${province ? ` of ${province}` : ''}`,
      );
    case 'industry_association':
    case 'consumer_association':
    case 'provider_service':
    case 'payment_platform':
    case 'unionpay':
    case 'mediation':
    case 'arbitration':
    case 'court':
    case 'media':
      return channel.name[lang];
  }
}

function demands(input: GroupLetterInput, facts: GroupFacts, category: string): string[] {
  const { provider, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const total = yuan(facts.totalFen, lang);
  if (input.filingType === 'report') {
    return [
      t(
        `依法调查${provider.name}未经商户同意收取${category}、收取未予标明费用的行为。`,
        `Investigate ${provider.name} for charging ${category} without the merchants' consent and charging fees never posted.`,
      ),
      t(
        `责令${provider.name}停止该项收费，并向受影响的商户退还（本信所列商户合计 ${total}）。`,
        `Order ${provider.name} to stop the charge and refund the merchants affected (${total} for the merchants listed here).`,
      ),
      t(
        '依法作出处理，并将是否立案及处理结果告知举报人。',
        'Act on it according to law and tell the reporters whether a case is opened and its outcome.',
      ),
    ];
  }
  return [
    t(
      `依法受理本联名投诉，并督促${provider.name}限期处理。`,
      `Accept this joint complaint and require ${provider.name} to deal with it within the legal time limit.`,
    ),
    t(
      `责令${provider.name}向第三部分所列每一户商户退还未经同意扣取的${category}，合计 ${total}。`,
      `Require ${provider.name} to refund each merchant listed in part III the ${category} taken without consent, ${total} in all.`,
    ),
    t(
      `责令${provider.name}立即停止向商户收取未经约定的${category}。`,
      `Require ${provider.name} to stop charging merchants ${category} never agreed, at once.`,
    ),
    t(
      `对${provider.name}是否存在收取未标明费用、擅自变更协议等违规行为依法调查处理，并排查其他受影响的商户。`,
      `Investigate whether ${provider.name} charged unposted fees or changed agreements without consent, act on it, and look for other merchants affected.`,
    ),
  ];
}

function membersTable(
  members: readonly GroupLetterMember[],
  facts: GroupFacts,
  lang: Language,
): Block {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const amount = (fen: number) => yuan(fen, lang).replace(/ (元|yuan)$/u, '');
  return {
    kind: 'table',
    columns: [
      { title: t('序号', 'No.'), align: 'right', weight: 0.7 },
      { title: t('商户', 'Merchant'), weight: 2.4 },
      { title: t('所在城市', 'City'), weight: 1.3 },
      { title: t('扣费期间', 'Period'), weight: 2.4 },
      { title: t('笔数', 'Count'), align: 'right', weight: 0.8 },
      { title: t('应退金额（元）', 'To refund (yuan)'), align: 'right', weight: 1.4 },
    ],
    rows: members.map((m, i) => [
      String(i + 1),
      m.label,
      m.city ?? '—',
      m.period ? `${m.period.from} ~ ${m.period.to}` : '—',
      String(m.deductions),
      amount(m.claimFen),
    ]),
    footer: [t('合计', 'Total'), '', '', '', String(facts.deductions), amount(facts.totalFen)],
    caption: t(
      '数据来源：各商户的扣费卫士对账审计报告',
      "Source: each merchant's FeeGuard audit report",
    ),
  };
}
