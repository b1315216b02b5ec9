import type { AuditReport } from '../audit/report/schema.js';
import type { CaseFile } from '../cases/case-file.js';
import type { Channel, ChannelKind, FilingType, KnowledgeBase } from '../channels/schema.js';
import type { Block, DocumentModel } from '../documents/model.js';
import {
  caseFacts,
  categoryName,
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
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const addressee = addresseeOf(channel, caseFile, lang);
  const grounds = groundsFor(
    input.grounds,
    providerKindOf(caseFile).kind,
    new Set(facts.disputed.map((d) => d.category)),
    caseFile.complainant.type,
  );
  const blocks: Block[] = [
    partyFields(input, form),
    {
      kind: 'heading',
      text: t(form === 'report' ? '一、举报事项' : '一、请求事项', 'I. Requests'),
    },
    { kind: 'list', ordered: true, items: demands(input, form, facts) },
    { kind: 'heading', text: t('二、事实与理由', 'II. Facts and grounds') },
    ...factParagraphs(input, facts).map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'heading', text: t('三、未经同意的扣费明细', 'III. Deductions taken without consent') },
    disputedTable(facts, lang),
    { kind: 'heading', text: t('四、法律依据', 'IV. Legal basis') },
    {
      kind: 'list',
      ordered: true,
      items: [
        ...grounds.map((g) => citeGround(g, lang)),
        ...(form === 'lawsuit' || form === 'mediation' || form === 'arbitration'
          ? channel.legalBasis
              .filter(
                (l) =>
                  !(l.protects === 'natural_persons' && caseFile.complainant.type === 'company'),
              )
              .map((l) => t(`依据《${l.title}》${l.articles}的规定`, `${l.title} ${l.articles}`))
          : []),
      ],
    },
    { kind: 'heading', text: t('五、证据清单', 'V. Evidence') },
    { kind: 'list', ordered: true, items: evidenceList(input, facts) },
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
        `关于${caseFile.respondent.name}未经同意扣费的${TITLES[form].zh}`,
        `${TITLES[form].en} about fees ${caseFile.respondent.name} took without consent`,
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
  const fields: { label: string; value: string }[] = [
    { label: us, value: c.businessName ? `${c.name}（${c.businessName}）` : c.name },
  ];
  if (c.type === 'company' && c.legalRepresentative) {
    fields.push({ label: t('法定代表人', 'Legal representative'), value: c.legalRepresentative });
  }
  if (c.creditCode)
    fields.push({ label: t('统一社会信用代码', 'Credit code'), value: c.creditCode });
  if (c.idNumber && form !== 'public') {
    fields.push({ label: t('身份证号码', 'ID number'), value: c.idNumber });
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

function demands(input: LetterInput, form: LetterForm, facts: CaseFacts): string[] {
  const { caseFile, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const name = caseFile.respondent.name;
  const claim = yuan(facts.claimFen, lang);
  const categories = facts.byCategory
    .map((c) => categoryName(c.category, lang))
    .join(t('、', ', '));
  const explain =
    facts.unexplained.count > 0
      ? t(
          `对另外 ${String(facts.unexplained.count)} 笔用途不明的扣款（合计 ${yuan(facts.unexplained.totalFen, lang)}）说明依据；没有依据的一并退还。`,
          `Explain the basis of ${String(facts.unexplained.count)} further deductions of unclear purpose (${yuan(facts.unexplained.totalFen, lang)} in all), and refund those without one.`,
        )
      : null;
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
        t(
          `退还未经本人同意扣取的费用共计 ${claim}。`,
          `Refund the ${claim} taken without my consent.`,
        ),
        t(
          `立即停止收取未经约定的${categories || '费用'}。`,
          `Stop charging the ${categories || 'fees'} that were never agreed, at once.`,
        ),
        t(
          '书面说明每一笔扣费所依据的协议条款，并提供本人同意该项收费的记录。',
          'Explain in writing the agreement term behind each deduction and show the record of my consent to it.',
        ),
        ...(explain ? [explain] : []),
        ...(regulator
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
          `依法调查${name}${caseFile.respondent.agent ? `及其代理商${caseFile.respondent.agent}` : ''}收取未予标明的费用、未经同意变更收费的行为。`,
          `Investigate ${name}${caseFile.respondent.agent ? ` and its agent ${caseFile.respondent.agent}` : ''} for charging fees never posted and changing fees without consent.`,
        ),
        t(
          '依法作出处理，并将是否立案及处理结果告知举报人。',
          'Act on it according to law and tell me whether a case is opened and its outcome.',
        ),
        t(
          `涉及本人的未经同意扣费共计 ${claim}（明细见下表）。`,
          `The deductions from my account without consent total ${claim} (listed below).`,
        ),
      ];
    case 'mediation':
    case 'arbitration':
      return [
        t(
          `${form === 'mediation' ? '调解' : '裁决'}由被申请人退还未经同意扣取的费用 ${claim}。`,
          `That the respondent refund the ${claim} taken without consent.`,
        ),
        t(
          `被申请人停止收取未经约定的${categories || '费用'}。`,
          `That the respondent stop charging the ${categories || 'fees'} never agreed.`,
        ),
        ...(form === 'arbitration'
          ? [t('仲裁费用由被申请人承担。', 'That the respondent bear the costs of arbitration.')]
          : []),
      ];
    case 'lawsuit':
      return [
        t(
          `判令被告返还原告被扣取的费用 ${claim}。`,
          `Order the defendant to return the ${claim} it deducted.`,
        ),
        t(
          `判令被告停止收取未经约定的${categories || '费用'}。`,
          `Order the defendant to stop charging the ${categories || 'fees'} never agreed.`,
        ),
        t('本案诉讼费用由被告承担。', 'Order the defendant to bear the costs of the case.'),
      ];
  }
}

function factParagraphs(input: LetterInput, facts: CaseFacts): string[] {
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
  paragraphs.push(
    t(
      `经逐笔核对${period}的结算对账单（共 ${String(facts.records)} 条记录），${r.name}在本人未同意的情况下共扣取 ${String(facts.disputed.length)} 笔费用，合计 ${yuan(facts.claimFen, 'zh')}：${parts}。明细见第三部分。`,
      `Checking every line of the settlement statements for ${period} (${String(facts.records)} records) shows that ${r.name} took ${String(facts.disputed.length)} charges without my consent, ${yuan(facts.claimFen, 'en')} in all: ${parts}. They are listed in part III.`,
    ),
  );
  if (caseFile.narrative) paragraphs.push(caseFile.narrative);
  for (const rec of facts.recurring) {
    paragraphs.push(
      t(
        `其中${categoryName(rec.category, 'zh')}按${periodName(rec.every, 'zh')}重复扣取（每次 ${yuan(rec.amountFen, 'zh')}），预计下一次将于 ${longDate(rec.next, 'zh')} 前后扣款，请立即停止。`,
        `The ${categoryName(rec.category, 'en')} is taken once ${periodName(rec.every, 'en')} (${yuan(rec.amountFen, 'en')} each time); the next is expected around ${longDate(rec.next, 'en')} and must stop.`,
      ),
    );
  }
  const history = historySentences(caseFile, kb, lang);
  if (history.length > 0)
    paragraphs.push(
      t(`本人此前已经反映：${history.join('')}`, `I have raised this before. ${history.join(' ')}`),
    );
  paragraphs.push(
    t(
      '本人从未签署、确认或以其他方式同意上述收费，也未收到任何收费公示或变更通知。上述扣费没有合同依据，依法应予退还。',
      'I never signed, confirmed or otherwise agreed to these charges, nor received any notice of them or of a change of fees. They have no basis in the contract and must be refunded.',
    ),
  );
  return paragraphs;
}

function disputedTable(facts: CaseFacts, lang: Language): Block {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return {
    kind: 'table',
    columns: [
      { title: t('序号', 'No.'), align: 'right', weight: 0.8 },
      { title: t('日期', 'Date'), weight: 1.7 },
      { title: t('类别', 'Category'), weight: 1.5 },
      { title: t('摘要', 'Statement text'), weight: 1.7 },
      { title: t('扣款金额（元）', 'Deducted (yuan)'), align: 'right', weight: 1.3 },
      { title: t('应退金额（元）', 'To refund (yuan)'), align: 'right', weight: 1.3 },
      { title: t('说明', 'Why'), weight: 2.7 },
    ],
    rows: facts.disputed.map((row, i) => [
      String(i + 1),
      row.date,
      categoryName(row.category, lang),
      row.text,
      yuan(row.amountFen, lang).replace(/ (元|yuan)$/u, ''),
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

function evidenceList(input: LetterInput, facts: CaseFacts): string[] {
  const { caseFile, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const items = [
    t(
      `扣费卫士对账审计报告（逐笔列明 ${String(facts.disputed.length)} 笔争议扣费及判断理由）`,
      `FeeGuard audit report (each of the ${String(facts.disputed.length)} disputed deductions with the reason)`,
    ),
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

function baseName(file: string): string {
  return file.split(/[\\/]/u).at(-1) ?? file;
}
