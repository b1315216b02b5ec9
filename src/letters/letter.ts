import type { AuditReport } from '../audit/report/schema.js';
import type { CaseFile } from '../cases/case-file.js';
import type { Channel, ChannelKind, FilingType, KnowledgeBase } from '../channels/schema.js';
import type { Block, DocumentModel, TableColumn } from '../documents/model.js';
import {
  affirmedSentences,
  caseFacts,
  categoryName,
  consentDenied,
  historySentences,
  longDate,
  maskNumber,
  periodName,
  yuan,
  type CaseFacts,
  type Language,
} from './case-facts.js';
import { providerKindOf } from '../cases/case-input.js';
import { citeGround, groundsFor, type LegalGround } from './legal-grounds.js';
import { articlesIn, citedLaw, lawRefs, lawTitle } from '../channels/knowledge-base.js';

/**
 * The formal letter a merchant sends to one channel: a 投诉书 to the provider or a regulator, a
 * 举报信 to market regulation or the payment association, an application to a mediator or
 * arbitrator, a 民事起诉状 to a court. Pure: case, audit and knowledge in, a document model out;
 * the renderers make DOCX, PDF and form-sized text of it.
 */
export interface LetterInput {
  readonly caseFile: CaseFile;
  readonly audit: AuditReport;
  readonly channel: Channel;
  /** How the merchant files here (the channel's `accepts` for this complainant). */
  readonly filingType: FilingType;
  readonly kb: KnowledgeBase;
  readonly grounds: readonly LegalGround[];
  /** The letter's date. */
  readonly date: string;
  readonly language: Language;
  /**
   * The short version for an online form: the same requests, amount, dates and legal basis,
   * rewritten into one facts paragraph without the table and the evidence list.
   */
  readonly short?: boolean;
  /** With `short`: only the service, the deductions and the conclusion in the facts. */
  readonly minimal?: boolean;
}

type LetterForm = 'complaint' | 'report' | 'mediation' | 'arbitration' | 'lawsuit' | 'public';

function formOf(kind: ChannelKind, filingType: FilingType): LetterForm {
  if (kind === 'court') return 'lawsuit';
  if (kind === 'arbitration') return 'arbitration';
  if (kind === 'mediation') return 'mediation';
  if (kind === 'media') return 'public';
  return filingType === 'report' ? 'report' : 'complaint';
}

const TITLES: Record<LetterForm, { zh: string; en: string }> = {
  complaint: { zh: '投诉书', en: 'Letter of Complaint' },
  report: { zh: '举报信', en: 'Report of a Violation' },
  mediation: { zh: '调解申请书', en: 'Application for Mediation' },
  arbitration: { zh: '仲裁申请书', en: 'Application for Arbitration' },
  lawsuit: { zh: '民事起诉状', en: 'Statement of Claim' },
  public: { zh: '投诉与情况反映', en: 'Public Complaint' },
};

/** The party labels each form uses: 投诉人/被投诉人, 举报人/被举报人, 原告/被告 … */
const PARTIES: Record<
  LetterForm,
  { us: { zh: string; en: string }; them: { zh: string; en: string } }
> = {
  complaint: {
    us: { zh: '投诉人', en: 'Complainant' },
    them: { zh: '被投诉人', en: 'Respondent' },
  },
  report: { us: { zh: '举报人', en: 'Reporter' }, them: { zh: '被举报人', en: 'Reported party' } },
  mediation: { us: { zh: '申请人', en: 'Applicant' }, them: { zh: '被申请人', en: 'Respondent' } },
  arbitration: { us: { zh: '申请人', en: 'Claimant' }, them: { zh: '被申请人', en: 'Respondent' } },
  lawsuit: { us: { zh: '原告', en: 'Plaintiff' }, them: { zh: '被告', en: 'Defendant' } },
  public: { us: { zh: '反映人', en: 'Complainant' }, them: { zh: '被反映机构', en: 'Provider' } },
};

export function composeLetter(input: LetterInput): DocumentModel {
  const { caseFile, channel, language: lang } = input;
  const form = formOf(channel.kind, input.filingType);
  const facts = caseFacts(input.audit);
  const denied = consentDenied(caseFile, facts);
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const addressee = addresseeOf(channel, caseFile, lang);
  const grounds = groundsFor(
    input.grounds,
    providerKindOf(caseFile).kind,
    new Set([...facts.disputed, ...facts.questioned].map((d) => d.category)),
    caseFile.complainant.type,
  );
  const short = input.short === true;
  // Rules that protect natural persons only are not cited for a company.
  const courtBasis =
    form === 'lawsuit' || form === 'mediation' || form === 'arbitration'
      ? channel.legalBasis.filter(
          (l) => !(l.protects === 'natural_persons' && caseFile.complainant.type === 'company'),
        )
      : [];
  const sections: Section[] = [
    {
      title: t(form === 'report' ? '举报事项' : '请求事项', 'Requests'),
      blocks: [{ kind: 'list', ordered: true, items: demands(input, form, facts, denied) }],
    },
    {
      title: t('事实与理由', 'Facts and grounds'),
      blocks: (short
        ? shortFactParagraphs(input, facts, denied)
        : factParagraphs(input, facts, denied)
      ).map((text): Block => ({ kind: 'paragraph', text })),
    },
    ...(short || facts.disputed.length === 0
      ? []
      : [
          {
            title: denied
              ? t('未经同意的扣费明细', 'Deductions taken without consent')
              : t('争议扣费明细', 'Disputed deductions'),
            blocks: [disputedTable(facts, lang)],
          },
        ]),
    ...(short || facts.questioned.length === 0
      ? []
      : [
          {
            title: t('请对方说明依据的扣款', 'Deductions to be explained'),
            blocks: [questionedTable(facts, lang)],
          },
        ]),
    {
      title: t('法律依据', 'Legal basis'),
      blocks: [
        {
          kind: 'list',
          ordered: true,
          items: short
            ? articlesByTitle([...grounds, ...courtBasis], lang, input.kb)
            : [
                ...grounds.map((g) => citeGround(g, lang, input.kb)),
                ...courtBasis.map((l) =>
                  t(
                    `依据${citedLaw(input.kb, l.title, l.articles, 'zh')}的规定`,
                    citedLaw(input.kb, l.title, l.articles, 'en'),
                  ),
                ),
              ],
        },
      ],
    },
    ...(short
      ? []
      : [
          {
            title: t('证据清单', 'Evidence'),
            blocks: [{ kind: 'list', ordered: true, items: evidenceList(input, facts) } as const],
          },
        ]),
  ];
  const blocks: Block[] = [
    partyFields(input, form),
    ...numberedSections(sections, lang),
    {
      kind: 'signature',
      lines: [
        ...(addressee ? [t(`此致\n${addressee}`, `To: ${addressee}`)] : []),
        `${PARTIES[form].us[lang]}${t('（签名）', ' (signature)')}：＿＿＿＿＿＿＿＿`,
        ...(caseFile.complainant.type === 'company' ? [t('（单位盖章）', '(company seal)')] : []),
      ],
      date: longDate(input.date, lang),
    },
  ];
  return {
    title: TITLES[form][lang],
    ...(addressee ? { subtitle: t(`致：${addressee}`, `To: ${addressee}`) } : {}),
    blocks,
    language: lang === 'zh' ? 'zh-CN' : 'en',
    meta: {
      author: caseFile.complainant.name,
      subject: t(
        `关于${caseFile.respondent.name}扣费争议的${TITLES[form].zh}`,
        `${TITLES[form].en} about fees ${caseFile.respondent.name} deducted`,
      ),
    },
  };
}

/** 浙江 → 浙江省, 北京 → 北京市, 广西 → 广西壮族自治区; a full name stays as it is. */
export function provinceFullName(province: string): string {
  if (/(省|市|自治区)$/u.test(province)) return province;
  const special: Record<string, string> = {
    北京: '北京市',
    上海: '上海市',
    天津: '天津市',
    重庆: '重庆市',
    内蒙古: '内蒙古自治区',
    广西: '广西壮族自治区',
    西藏: '西藏自治区',
    宁夏: '宁夏回族自治区',
    新疆: '新疆维吾尔自治区',
  };
  return special[province] ?? `${province}省`;
}

/** 浙江省 → 浙江, 广西壮族自治区 → 广西: the form NFRA's local offices are named with. */
export function provinceShortName(province: string): string {
  return province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '');
}

/** The short letter's legal basis: one line per law with all its articles, in first-cited order. */
function articlesByTitle(
  cited: readonly { title: string; articles: string }[],
  lang: Language,
  kb: KnowledgeBase,
): string[] {
  const byTitle = new Map<string, string[]>();
  // a ground citing several laws counts under each of them
  for (const ref of cited.flatMap((c) => lawRefs(c.title, c.articles))) {
    const list = byTitle.get(ref.title) ?? [];
    if (!list.includes(ref.articles)) list.push(ref.articles);
    byTitle.set(ref.title, list);
  }
  return [...byTitle].map(([title, articles]) =>
    lang === 'zh'
      ? `依据${citedLaw(kb, title, articles.join('、'), 'zh')}的规定`
      : `${lawTitle(kb, title, 'en')} ${articles.map((a) => articlesIn(a, 'en', kb)).join(', ')}`,
  );
}

interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Headings numbered in order, whatever sections a version of the letter has: never 一、二、三、五. */
export function numberedSections(sections: readonly Section[], lang: Language): Block[] {
  return sections.flatMap((section, i): Block[] => [
    {
      kind: 'heading',
      text:
        lang === 'zh'
          ? `${ZH_NUMERALS[i] ?? String(i + 1)}、${section.title}`
          : `${ROMAN[i] ?? String(i + 1)}. ${section.title}`,
    },
    ...section.blocks,
  ]);
}

/**
 * Channels whose rules ask for the complainant's full ID number: the PBoC (实施办法 第四十一条)
 * and a court (the parties' particulars). Everywhere else it is masked: 1101**********1234.
 */
const ID_NUMBER_REQUIRED: ReadonlySet<ChannelKind> = new Set(['central_bank', 'court']);

function addresseeOf(channel: Channel, caseFile: CaseFile, lang: Language): string | null {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const r = caseFile.respondent;
  const province = r.province;
  switch (channel.kind) {
    case 'provider_service':
      return t(`${r.name}客户服务中心（投诉处理部门）`, `${r.name}, complaints department`);
    case 'central_bank':
      return province
        ? t(
            `中国人民银行${provinceFullName(province)}分行`,
            `People's Bank of China, ${province} branch`,
          )
        : t('中国人民银行', "People's Bank of China");
    case 'financial_regulator':
      return province
        ? t(
            `国家金融监督管理总局${provinceShortName(province)}监管局`,
            `National Financial Regulatory Administration, ${province} office`,
          )
        : t('国家金融监督管理总局', 'National Financial Regulatory Administration');
    case 'market_regulator':
      return r.city
        ? t(`${r.city}市场监督管理局`, `Market regulation bureau of ${r.city}`)
        : province
          ? t(
              `${provinceFullName(province)}市场监督管理局`,
              `Market regulation bureau of ${province}`,
            )
          : t('市场监督管理局', 'Market regulation bureau');
    case 'consumer_association':
      return t(
        `${caseFile.complainant.city ?? caseFile.complainant.province ?? ''}消费者协会`,
        'Consumer association',
      );
    case 'court':
      // The defendant's domicile decides the court; a blank line to fill in when it is not known
      // (the plan says exactly how to find it), never a placeholder in brackets.
      if (r.court) return r.court;
      if (r.city && r.district)
        return t(`${r.city}${r.district}人民法院`, `${r.district} People's Court, ${r.city}`);
      return t('＿＿＿＿＿＿＿＿人民法院', "＿＿＿＿＿＿＿＿ People's Court");
    case 'payment_platform':
    case 'unionpay':
    case 'industry_association':
    case 'mediation':
    case 'arbitration':
    case 'media':
      return channel.addressee?.[lang] ?? channel.name[lang];
  }
}

function partyFields(input: LetterInput, form: LetterForm): Block {
  const { caseFile, language: lang } = input;
  const c = caseFile.complainant;
  const r = caseFile.respondent;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  // What is published (press, public platforms) never carries full personal numbers.
  const shown = (value: string, start: number, end: number) =>
    form === 'public' ? maskNumber(value, start, end) : value;
  const us = PARTIES[form].us[lang];
  const them = PARTIES[form].them[lang];
  if (input.minimal) {
    // For a form that asks for the particulars in its own fields: who, which shop, whom against.
    return {
      kind: 'fields',
      fields: [
        { label: us, value: c.businessName ? `${c.name}（${c.businessName}）` : c.name },
        ...(c.idNumber && ID_NUMBER_REQUIRED.has(input.channel.kind)
          ? [{ label: t('身份证号码', 'ID number'), value: c.idNumber }]
          : []),
        ...(c.merchantId ? [{ label: t('商户编号', 'Merchant number'), value: c.merchantId }] : []),
        ...(c.phone ? [{ label: t('联系电话', 'Phone'), value: shown(c.phone, 3, 4) }] : []),
        { label: them, value: r.name },
      ],
    };
  }
  const fields: { label: string; value: string }[] = [
    { label: us, value: c.businessName ? `${c.name}（${c.businessName}）` : c.name },
  ];
  if (c.type === 'company' && c.legalRepresentative) {
    fields.push({ label: t('法定代表人', 'Legal representative'), value: c.legalRepresentative });
  }
  if (c.creditCode)
    fields.push({ label: t('统一社会信用代码', 'Credit code'), value: c.creditCode });
  if (c.idNumber && form !== 'public') {
    fields.push({
      label: t('身份证号码', 'ID number'),
      value: ID_NUMBER_REQUIRED.has(input.channel.kind) ? c.idNumber : maskNumber(c.idNumber, 4, 4),
    });
  }
  if (c.merchantId)
    fields.push({ label: t('商户编号', 'Merchant number'), value: shown(c.merchantId, 4, 4) });
  if (c.terminalIds.length > 0) {
    fields.push({
      label: t('终端编号', 'Terminal number(s)'),
      value: c.terminalIds.map((id) => shown(id, 2, 2)).join('、'),
    });
  }
  if (c.phone) fields.push({ label: t('联系电话', 'Phone'), value: shown(c.phone, 3, 4) });
  if (c.email && form !== 'public') fields.push({ label: t('电子邮箱', 'Email'), value: c.email });
  if (c.address && form !== 'public')
    fields.push({ label: t('地址', 'Address'), value: c.address });
  fields.push({ label: them, value: r.name });
  if (r.address) fields.push({ label: t('住所', 'Domicile'), value: r.address });
  if (form === 'lawsuit' && r.legalRepresentative) {
    fields.push({ label: t('法定代表人', 'Legal representative'), value: r.legalRepresentative });
  }
  if (r.agent)
    fields.push({ label: t('销售代理商（外包服务机构）', 'Sales agent'), value: r.agent });
  // A court filing names the defendant by name and domicile; its service line is not a party fact.
  if (r.customerServicePhone && form !== 'lawsuit') {
    fields.push({ label: t('客服电话', 'Service line'), value: r.customerServicePhone });
  }
  return { kind: 'fields', fields };
}

/** The section numbers of the two tables: 三 for the first, 四 when both are there. */
function tablePart(facts: CaseFacts, table: 'disputed' | 'questioned', lang: Language): string {
  const index = table === 'questioned' && facts.disputed.length > 0 ? 3 : 2;
  return lang === 'zh' ? `第${ZH_NUMERALS[index] ?? ''}部分` : `part ${ROMAN[index] ?? ''}`;
}

/**
 * What is asked about the questioned deductions: explain each, show the agreement or notice
 * behind it, refund what cannot be justified. A question — it asserts nothing about consent.
 */
function questionDemand(
  input: LetterInput,
  facts: CaseFacts,
  /** Who is asked, leading into the request: 督促某某 / "Require X to explain". */
  whose: { zh: string; en: string },
): string {
  const { language: lang } = input;
  const q = facts.unexplained;
  const where = input.short
    ? lang === 'zh'
      ? '附件'
      : 'the attachment'
    : tablePart(facts, 'questioned', lang);
  if (input.short) {
    // A form counts characters: the same request in fewer words, the list in the attachment.
    return lang === 'zh'
      ? `${whose.zh}对${facts.disputed.length > 0 ? '另外' : ''} ${String(q.count)} 笔用途不明的扣款（合计 ${yuan(q.totalFen, 'zh')}）说明依据，不能说明的予以退还。`
      : `${whose.en} the basis of the ${facts.disputed.length > 0 ? 'further ' : ''}${String(q.count)} deductions of unclear purpose (${yuan(q.totalFen, 'en')}), and refund any that cannot be justified.`;
  }
  return lang === 'zh'
    ? `${whose.zh}对${facts.disputed.length > 0 ? '另外' : ''} ${String(q.count)} 笔用途不明的扣款（合计 ${yuan(q.totalFen, 'zh')}，明细见${where}）逐笔说明扣款用途和收费依据，出示所依据的协议条款或收费公示、通知；不能说明依据的，予以退还。`
    : `${whose.en} each of the ${facts.disputed.length > 0 ? 'further ' : ''}${String(q.count)} deductions of unclear purpose (${yuan(q.totalFen, 'en')} in all, listed in ${where}): what it is for and its basis, showing the agreement term or the fee notice behind it; and refund any that cannot be justified.`;
}

function demands(
  input: LetterInput,
  form: LetterForm,
  facts: CaseFacts,
  denied: boolean,
): string[] {
  const { caseFile, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const name = caseFile.respondent.name;
  const claim = yuan(facts.claimFen, lang);
  const claimed = facts.disputed.length > 0;
  const questioned = facts.questioned.length > 0;
  const categories = facts.byCategory
    .map((c) => categoryName(c.category, lang))
    .join(t('、', ', '));
  const taken = denied
    ? t(`未经本人同意扣取的费用共计 ${claim}`, `the ${claim} taken without my consent`)
    : t(
        `没有约定依据的扣费共计 ${claim}`,
        `the ${claim} deducted without a basis in the agreement`,
      );
  // The minimal form version keeps the claim's requests; the questions stay in the full letter
  // attached to it, unless they are all the case asks.
  const explain = (whose: { zh: string; en: string }) =>
    questioned && !(input.minimal && claimed) ? [questionDemand(input, facts, whose)] : [];
  switch (form) {
    case 'complaint':
    case 'public': {
      const regulator = input.channel.kind !== 'provider_service' && form === 'complaint';
      return [
        ...(regulator
          ? [
              t(
                `依法受理本投诉并督促${name}限期处理。`,
                `Accept this complaint and require ${name} to deal with it within the legal time limit.`,
              ),
            ]
          : []),
        ...(claimed
          ? [
              t(`退还${taken}。`, `Refund ${taken}.`),
              t(
                `立即停止收取未经约定的${categories || '费用'}。`,
                `Stop charging the ${categories || 'fees'} that were never agreed, at once.`,
              ),
              t(
                '书面说明每一笔扣费所依据的协议条款，并提供本人同意该项收费的记录。',
                'Explain in writing the agreement term behind each deduction and show the record of my consent to it.',
              ),
            ]
          : []),
        ...explain(
          regulator
            ? { zh: `督促${name}`, en: `Require ${name} to explain` }
            : { zh: '', en: 'Explain' },
        ),
        ...(regulator && claimed
          ? [
              t(
                `对${name}是否存在收取未标明费用、擅自变更协议等违规行为依法调查处理。`,
                `Investigate whether ${name} charged unposted fees or changed the agreement without consent, and act on it.`,
              ),
            ]
          : []),
      ];
    }
    case 'report':
      return [
        t(
          `依法调查${name}${caseFile.respondent.agent ? `及其代理商${caseFile.respondent.agent}` : ''}是否存在收取未予标明的费用、未经同意变更收费的行为。`,
          `Investigate whether ${name}${caseFile.respondent.agent ? ` and its agent ${caseFile.respondent.agent}` : ''} charged fees never posted or changed fees without consent.`,
        ),
        t(
          '依法作出处理，并将是否立案及处理结果告知举报人。',
          'Act on it according to law and tell me whether a case is opened and its outcome.',
        ),
        ...(claimed
          ? [
              t(
                `涉及本人的${denied ? '未经同意扣费' : '争议扣费'}共计 ${claim}（明细见${input.short ? '附件' : '下表'}）。`,
                `The ${denied ? 'deductions from my account without consent' : 'disputed deductions from my account'} total ${claim} (listed ${input.short ? 'in the attachment' : 'below'}).`,
              ),
            ]
          : []),
        ...explain({ zh: `责令${name}`, en: `Require ${name} to explain` }),
      ];
    case 'mediation':
    case 'arbitration':
      return [
        ...(claimed
          ? [
              t(
                `${form === 'mediation' ? '调解' : '裁决'}由被申请人退还${taken}。`,
                `That the respondent refund ${taken}.`,
              ),
              t(
                `被申请人停止收取未经约定的${categories || '费用'}。`,
                `That the respondent stop charging the ${categories || 'fees'} never agreed.`,
              ),
            ]
          : []),
        ...explain({ zh: '被申请人', en: 'That the respondent explain' }),
        ...(form === 'arbitration'
          ? [t('仲裁费用由被申请人承担。', 'That the respondent bear the costs of arbitration.')]
          : []),
      ];
    case 'lawsuit':
      return [
        ...(claimed
          ? [
              t(
                `判令被告返还原告被扣取的费用 ${claim}。`,
                `Order the defendant to return the ${claim} it deducted.`,
              ),
              t(
                `判令被告停止收取未经约定的${categories || '费用'}。`,
                `Order the defendant to stop charging the ${categories || 'fees'} never agreed.`,
              ),
            ]
          : []),
        ...explain({ zh: '判令被告', en: 'Order the defendant to explain' }),
        t('本案诉讼费用由被告承担。', 'Order the defendant to bear the costs of the case.'),
      ];
  }
}

function factParagraphs(input: LetterInput, facts: CaseFacts, denied: boolean): string[] {
  const { caseFile, kb, language: lang } = input;
  const c = caseFile.complainant;
  const r = caseFile.respondent;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const who = c.businessName ?? c.name;
  const paragraphs = [
    t(
      `${who}使用${r.name}提供的银行卡收单（POS 机）服务${c.merchantId ? `，商户编号 ${c.merchantId}` : ''}${r.agent ? `，该机具由${r.agent}推广办理` : ''}。`,
      `${who} uses the card-acquiring (POS) service of ${r.name}${c.merchantId ? `, merchant number ${c.merchantId}` : ''}${r.agent ? `; the terminal was sold by ${r.agent}` : ''}.`,
    ),
  ];
  const period = facts.period
    ? t(
        `${longDate(facts.period.from, 'zh')}至${longDate(facts.period.to, 'zh')}`,
        `${longDate(facts.period.from, 'en')} to ${longDate(facts.period.to, 'en')}`,
      )
    : t('所附期间', 'the attached period');
  const parts = facts.byCategory
    .map((b) =>
      t(
        `${categoryName(b.category, 'zh')} ${yuan(b.claimFen, 'zh')}（${String(b.count)} 笔）`,
        `${categoryName(b.category, 'en')} ${yuan(b.claimFen, 'en')} (${String(b.count)})`,
      ),
    )
    .join(t('、', ', '));
  const checked = t(
    `经逐笔核对${period}的结算对账单（共 ${String(facts.records)} 条记录），`,
    `Checking every line of the settlement statements for ${period} (${String(facts.records)} records) shows that `,
  );
  if (facts.disputed.length > 0) {
    paragraphs.push(
      t(
        `${checked}${r.name}${denied ? '在本人未同意的情况下' : ''}共扣取 ${String(facts.disputed.length)} 笔${denied ? '' : '没有约定依据的'}费用，合计 ${yuan(facts.claimFen, 'zh')}：${parts}。明细见${tablePart(facts, 'disputed', 'zh')}。`,
        `${checked}${r.name} took ${String(facts.disputed.length)} charges ${denied ? 'without my consent' : 'without a basis in the agreement'}, ${yuan(facts.claimFen, 'en')} in all: ${parts}. They are listed in ${tablePart(facts, 'disputed', 'en')}.`,
      ),
    );
  }
  if (facts.questioned.length > 0) paragraphs.push(questionedParagraph(input, facts, checked));
  if (caseFile.narrative) paragraphs.push(caseFile.narrative);
  for (const rec of facts.recurring) {
    paragraphs.push(
      t(
        `其中${categoryName(rec.category, 'zh')}按${periodName(rec.every, 'zh')}重复扣取（每次 ${yuan(rec.amountFen, 'zh')}），预计下一次将于 ${longDate(rec.next, 'zh')} 前后扣款，请立即停止。`,
        `The ${categoryName(rec.category, 'en')} is taken once ${periodName(rec.every, 'en')} (${yuan(rec.amountFen, 'en')} each time); the next is expected around ${longDate(rec.next, 'en')} and must stop.`,
      ),
    );
  }
  const history = historySentences(caseFile, kb, lang, input.date);
  if (history.length > 0)
    paragraphs.push(
      t(`本人此前已经反映：${history.join('')}`, `I have raised this before. ${history.join(' ')}`),
    );
  const affirmed = affirmedSentences(caseFile, lang, 'written');
  if (affirmed.length > 0) paragraphs.push(affirmed.join(lang === 'zh' ? '' : ' '));
  paragraphs.push(closing(facts, denied, lang));
  return paragraphs;
}

/**
 * The questioned deductions in the facts: what the merchant cannot place, said as their own
 * uncertainty and a request — never as a finding that the provider did wrong.
 */
function questionedParagraph(input: LetterInput, facts: CaseFacts, checked: string): string {
  const { caseFile, language: lang } = input;
  const r = caseFile.respondent.name;
  const q = facts.unexplained;
  const byCategory = new Map<string, { count: number; totalFen: number }>();
  for (const row of facts.questioned) {
    const name = categoryName(row.category, lang);
    const entry = byCategory.get(name) ?? { count: 0, totalFen: 0 };
    entry.count++;
    entry.totalFen += row.amountFen;
    byCategory.set(name, entry);
  }
  const parts = [...byCategory]
    .map(([name, v]) =>
      lang === 'zh'
        ? `${name} ${String(v.count)} 笔 ${yuan(v.totalFen, 'zh')}`
        : `${name}: ${String(v.count)}, ${yuan(v.totalFen, 'en')}`,
    )
    .join(lang === 'zh' ? '、' : '; ');
  const lead = facts.disputed.length > 0 ? '' : checked;
  const where = tablePart(facts, 'questioned', lang);
  return lang === 'zh'
    ? `${lead}${facts.disputed.length > 0 ? `此外，${r}还` : r}扣取了 ${String(q.count)} 笔扣款，合计 ${yuan(q.totalFen, 'zh')}（${parts}），本人无法从对账单的摘要中确认其用途，也不清楚所依据的约定。请${r}逐笔说明每笔扣款是什么费用、依据哪一项协议条款或收费公示、通知，并出示相应材料。明细见${where}。`
    : `${facts.disputed.length > 0 ? 'In addition, ' : lead}${r} deducted ${String(q.count)} ${facts.disputed.length > 0 ? 'further ' : ''}amounts, ${yuan(q.totalFen, 'en')} in all (${parts}), whose purpose I cannot tell from the statement and whose basis I do not know. I ask ${r} to explain each of them — what fee it is and which agreement term or fee notice it rests on — and to show that document. They are listed in ${where}.`;
}

/**
 * The conclusion: the merchant's own "未经本人同意" only when affirmed, else "据我所知"; the
 * questioned deductions are to be justified or refunded — asked, not asserted.
 */
function closing(facts: CaseFacts, denied: boolean, lang: Language): string {
  const zh = lang === 'zh';
  const claimed =
    facts.disputed.length === 0
      ? ''
      : denied
        ? zh
          ? '上述扣费未经本人同意，依法应予退还。'
          : 'These charges were taken without my consent and must be refunded.'
        : zh
          ? '据我所知，上述扣费没有约定依据，依法应予退还。'
          : 'As far as I know these charges have no basis in the agreement and must be refunded.';
  const asked =
    facts.questioned.length === 0
      ? ''
      : zh
        ? `${claimed ? '对于用途不明的扣款，' : ''}请对方逐笔说明依据；不能说明依据的，应予退还。`
        : `${claimed ? ' ' : ''}I ask for the basis of each deduction of unclear purpose; any that cannot be justified should be refunded.`;
  return `${claimed}${asked}`;
}

/**
 * The facts for a form, rewritten short: the service, the period, how many deductions and the
 * amount per category with their first and last dates, what the merchant affirmed, what was
 * tried (dates and ticket numbers), and the conclusion.
 */
function shortFactParagraphs(input: LetterInput, facts: CaseFacts, denied: boolean): string[] {
  const { caseFile, kb, language: lang } = input;
  const r = caseFile.respondent;
  const zh = lang === 'zh';
  const who = caseFile.complainant.businessName ?? caseFile.complainant.name;
  const parts = facts.byCategory.map((b) => {
    const dates = facts.disputed.filter((d) => d.category === b.category).map((d) => d.date);
    const first = dates[0] ?? '';
    const last = dates.at(-1) ?? first;
    const when = first === last ? first : `${first}${zh ? '至' : ' to '}${last}`;
    return zh
      ? `${categoryName(b.category, 'zh')} ${String(b.count)} 笔 ${yuan(b.claimFen, 'zh')}（${when}）`
      : `${categoryName(b.category, 'en')}: ${String(b.count)}, ${yuan(b.claimFen, 'en')} (${when})`;
  });
  const service = input.minimal
    ? ''
    : zh
      ? `${who}使用${r.name}的 POS 收单服务${caseFile.complainant.merchantId ? `（商户编号 ${caseFile.complainant.merchantId}）` : ''}。`
      : `${who} uses the POS acquiring service of ${r.name}${caseFile.complainant.merchantId ? ` (merchant number ${caseFile.complainant.merchantId})` : ''}. `;
  const claimed =
    facts.disputed.length === 0
      ? ''
      : zh
        ? `${r.name}共扣取 ${String(facts.disputed.length)} 笔${denied ? '未经本人同意的' : '没有约定依据的'}费用，合计 ${yuan(facts.claimFen, 'zh')}：${parts.join('；')}。`
        : `${r.name} took ${String(facts.disputed.length)} charges ${denied ? 'without my consent' : 'without a basis in the agreement'}, ${yuan(facts.claimFen, 'en')} in all: ${parts.join('; ')}.`;
  const q = facts.questioned;
  const qFirst = q[0]?.date ?? '';
  const qLast = q.at(-1)?.date ?? qFirst;
  const qWhen = qFirst === qLast ? qFirst : `${qFirst}${zh ? '至' : ' to '}${qLast}`;
  // The minimal version leaves the questions to the requests, which name count and amount.
  const asked =
    q.length === 0 || (input.minimal && facts.disputed.length > 0)
      ? ''
      : zh
        ? `${claimed ? '另有' : `${r.name}扣取了`} ${String(q.length)} 笔用途不明的扣款，合计 ${yuan(facts.unexplained.totalFen, 'zh')}（${qWhen}），本人无法确认其用途和依据。`
        : `${claimed ? 'There are' : `${r.name} deducted`} ${String(q.length)} ${claimed ? 'further ' : ''}amounts of unclear purpose, ${yuan(facts.unexplained.totalFen, 'en')} in all (${qWhen}), whose purpose and basis I cannot confirm.`;
  const text = [
    `${service}${claimed}${zh ? asked : `${claimed && asked ? ' ' : ''}${asked}`}`,
    ...(input.minimal
      ? []
      : [
          ...affirmedSentences(caseFile, lang, 'written'),
          ...historySentences(caseFile, kb, lang, input.date),
        ]),
    closing(input.minimal ? { ...facts, questioned: [] } : facts, denied, lang),
    zh ? '逐笔明细见附件。' : 'Every deduction is listed in the attachment.',
  ];
  return [text.join(zh ? '' : ' ')];
}

/** The columns every table of deductions starts with: number, date, category, text, amount. */
function deductionColumns(lang: Language, textWeight: number): TableColumn[] {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return [
    { title: t('序号', 'No.'), align: 'right', weight: 0.8 },
    { title: t('日期', 'Date'), weight: 1.7 },
    { title: t('类别', 'Category'), weight: 1.5 },
    { title: t('摘要', 'Statement text'), weight: textWeight },
    { title: t('扣款金额（元）', 'Deducted (yuan)'), align: 'right', weight: 1.3 },
  ];
}

function deductionCells(
  row: Pick<CaseFacts['questioned'][number], 'date' | 'category' | 'text' | 'amountFen'>,
  index: number,
  lang: Language,
): string[] {
  return [
    String(index + 1),
    row.date,
    categoryName(row.category, lang),
    row.text,
    yuan(row.amountFen, lang).replace(/ (元|yuan)$/u, ''),
  ];
}

function disputedTable(facts: CaseFacts, lang: Language): Block {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return {
    kind: 'table',
    columns: [
      ...deductionColumns(lang, 1.7),
      { title: t('应退金额（元）', 'To refund (yuan)'), align: 'right', weight: 1.3 },
      { title: t('说明', 'Why'), weight: 2.7 },
    ],
    rows: facts.disputed.map((row, i) => [
      ...deductionCells(row, i, lang),
      yuan(row.claimFen, lang).replace(/ (元|yuan)$/u, ''),
      lang === 'zh' ? row.reason : row.reasonEn,
    ]),
    footer: [
      t('合计', 'Total'),
      '',
      '',
      '',
      '',
      yuan(facts.claimFen, lang).replace(/ (元|yuan)$/u, ''),
      '',
    ],
    caption: t(
      '数据来源：扣费卫士对账审计报告（附件 1）',
      'Source: FeeGuard audit report (exhibit 1)',
    ),
  };
}

function questionedTable(facts: CaseFacts, lang: Language): Block {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const plain = (fen: number) => yuan(fen, lang).replace(/ (元|yuan)$/u, '');
  return {
    kind: 'table',
    columns: [
      ...deductionColumns(lang, 1.9),
      { title: t('需要说明的内容', 'What to explain'), weight: 3 },
    ],
    rows: facts.questioned.map((row, i) => [
      ...deductionCells(row, i, lang),
      lang === 'zh' ? row.reason : row.reasonEn,
    ]),
    footer: [t('合计', 'Total'), '', '', '', plain(facts.unexplained.totalFen), ''],
    caption: t(
      '以上扣款请逐笔说明用途和依据；数据来源：扣费卫士对账审计报告（附件 1）',
      'Please explain each of these; source: FeeGuard audit report (exhibit 1)',
    ),
  };
}

function evidenceList(input: LetterInput, facts: CaseFacts): string[] {
  const { caseFile, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const items = [
    auditEvidence(facts, lang),
    ...caseFile.statements.map((s) =>
      t(`原始结算对账单：${baseName(s)}`, `Original statement: ${baseName(s)}`),
    ),
    ...caseFile.attachments.map((a) => a.title ?? baseName(a.path)),
  ];
  if (caseFile.history.length > 0) {
    items.push(
      t(
        '此前投诉记录（日期、工单号、答复情况）',
        'Records of earlier complaints (dates, reference numbers, answers)',
      ),
    );
  }
  items.push(
    caseFile.complainant.type === 'company'
      ? t(
          '营业执照复印件、法定代表人身份证明',
          'Business licence and proof of the legal representative',
        )
      : t(
          '身份证复印件（个体工商户另附营业执照复印件）',
          'Copy of ID card (and business licence for an individual business)',
        ),
  );
  return items;
}

/** The audit report as evidence: what it lists, claimed and questioned apart. */
function auditEvidence(facts: CaseFacts, lang: Language): string {
  const claimed = facts.disputed.length;
  const asked = facts.questioned.length;
  if (lang === 'zh') {
    const what = [
      ...(claimed > 0 ? [`${String(claimed)} 笔争议扣费`] : []),
      ...(asked > 0 ? [`${String(asked)} 笔需对方说明的扣款`] : []),
    ].join('和');
    return `扣费卫士对账审计报告（逐笔列明 ${what}及判断理由）`;
  }
  const what = [
    ...(claimed > 0 ? [`the ${String(claimed)} disputed deductions`] : []),
    ...(asked > 0 ? [`the ${String(asked)} deductions to be explained`] : []),
  ].join(' and ');
  return `FeeGuard audit report (each of ${what} with the reason)`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/u).at(-1) ?? file;
}
