import type { AuditReport } from '../audit/report/schema.js';
import type { CaseFile } from '../cases/case-file.js';
import type { Channel, KnowledgeBase } from '../channels/schema.js';
import type { Block, DocumentModel } from '../documents/model.js';
import { noteIn, type StepDeadline } from '../plan/plan.js';
import { providerKindOf } from '../cases/case-input.js';
import {
  affirmedSentences,
  caseFacts,
  categoryName,
  consentDenied,
  historySentences,
  longDate,
  yuan,
  type Language,
} from './case-facts.js';

/**
 * What to say on a hotline and what to write down. Hotlines stall merchants ("please contact
 * your agent", "we'll call you back"); the script names what to insist on — a ticket number, the
 * agent's id, the date the answer is promised — and the next step if it does not come.
 */
export interface CallScriptInput {
  readonly caseFile: CaseFile;
  readonly audit: AuditReport;
  readonly channel: Channel;
  readonly kb: KnowledgeBase;
  /** The answer deadline if the call is made today, from the plan. */
  readonly answerDue?: StepDeadline;
  /** The channel to name as the next step if there is no answer. */
  readonly nextChannel?: Channel;
  readonly date: string;
  readonly language: Language;
}

export function composeCallScript(input: CallScriptInput): DocumentModel {
  const { caseFile, channel, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const facts = caseFacts(input.audit);
  const c = caseFile.complainant;
  const r = caseFile.respondent;
  const claim = yuan(facts.claimFen, lang);
  const hotlines = channel.contacts.filter((x) => x.method === 'hotline');
  const number =
    channel.kind === 'provider_service' && r.customerServicePhone
      ? r.customerServicePhone
      : (hotlines[0]?.value ?? channel.name[lang]);
  const categories = facts.byCategory
    .map((b) => categoryName(b.category, lang))
    .join(t('、', ', '));
  const isProvider = channel.kind === 'provider_service';
  const due = input.answerDue?.deadline.due;
  const denied = consentDenied(caseFile, facts);
  const claimed = facts.disputed.length > 0;
  const q = facts.unexplained;
  const questioned = q.count > 0;
  const asked = yuan(q.totalFen, lang);
  // What is said about the questioned deductions is a question: what are they, on what basis.
  const askLine = t(
    `${claimed ? '另外还有' : '我的结算款里有'} ${String(q.count)} 笔扣款，一共 ${asked}，我不清楚是什么费用，也找不到对应的约定。`,
    `There ${claimed ? 'are also' : 'are'} ${String(q.count)} deductions from my settlements, ${asked} in all, that I cannot place: I do not know what they are for or what agreement they rest on.`,
  );

  const blocks: Block[] = [
    {
      kind: 'fields',
      fields: [
        { label: t('拨打', 'Call'), value: number },
        ...(hotlines[0]?.hours
          ? [{ label: t('时间', 'Hours'), value: noteIn(hotlines[0].hours, lang) }]
          : []),
        ...(claimed ? [{ label: t('追讨金额', 'Claim'), value: claim }] : []),
        ...(questioned
          ? [
              {
                label: t('请对方说明的扣款', 'Deductions to be explained'),
                value: t(
                  `${String(q.count)} 笔，合计 ${asked}`,
                  `${String(q.count)}, ${asked} in all`,
                ),
              },
            ]
          : []),
        ...(c.merchantId ? [{ label: t('商户编号', 'Merchant number'), value: c.merchantId }] : []),
        ...(c.terminalIds.length > 0
          ? [{ label: t('终端编号', 'Terminal'), value: c.terminalIds.join('、') }]
          : []),
      ],
    },
    { kind: 'heading', text: t('打电话前准备', 'Before you call') },
    {
      kind: 'list',
      ordered: false,
      items: [
        t(
          '手边放好本话术、扣费明细（投诉书第三部分）和纸笔。',
          'Have this script, the list of deductions (part III of the letter) and a pen at hand.',
        ),
        t(
          '如手机支持，开启通话录音；告诉对方“本次通话我会记录”。',
          'Record the call if your phone allows it, and say that you are keeping a record.',
        ),
        ...(isProvider
          ? []
          : [
              t(
                '先说明已向机构投诉过，并报出机构的工单号和日期。',
                'Say first that you already complained to the provider, with its ticket number and date.',
              ),
            ]),
      ],
    },
    { kind: 'heading', text: t('开场', 'Opening') },
    {
      kind: 'paragraph',
      text: (() => {
        const hello = t(
          `“您好，我是${c.businessName ?? c.name}的${c.type === 'company' ? '负责人' : '经营者'}${c.name}${c.merchantId ? `，商户编号 ${c.merchantId}` : ''}。`,
          `"Hello, I am ${c.name} of ${c.businessName ?? c.name}${c.merchantId ? `, merchant number ${c.merchantId}` : ''}. `,
        );
        const complaint = claimed
          ? t(
              `我要${isProvider ? '投诉' : `投诉${r.name}`}：${r.name}${denied ? '在我没有同意的情况下' : '没有约定依据'}，从我的结算款里扣了${categories || '费用'}，一共 ${claim}。`,
              `I want to ${isProvider ? 'make a complaint' : `complain about ${r.name}`}: ${r.name} deducted ${categories || 'fees'} from my settlements ${denied ? 'without my consent' : 'without a basis in the agreement'}, ${claim} in all. `,
            )
          : '';
        const question = questioned
          ? `${askLine}${t(`请${r.name}逐笔说明用途和依据。`, ` I ask ${r.name} to explain each of them and its basis. `)}`
          : '';
        return `${hello}${complaint}${question}${t('请帮我登记投诉。”', 'Please register my complaint."')}`;
      })(),
    },
    { kind: 'heading', text: t('说明事实（简短）', 'The facts (briefly)') },
    {
      kind: 'list',
      ordered: true,
      items: [
        ...facts.disputed
          .slice(0, 5)
          .map((d) => `${d.date} ${categoryName(d.category, lang)} ${yuan(d.claimFen, lang)}`),
        ...(facts.disputed.length > 5
          ? [
              t(
                `……共 ${String(facts.disputed.length)} 笔，明细可以发给您。`,
                `… ${String(facts.disputed.length)} in all; I can send you the list.`,
              ),
            ]
          : []),
        ...facts.questioned
          .slice(0, 5)
          .map(
            (d) =>
              `${d.date} ${categoryName(d.category, lang)} ${yuan(d.amountFen, lang)}${t('（请对方说明）', ' (to be explained)')}`,
          ),
        ...(facts.questioned.length > 5
          ? [
              t(
                `……需要说明的扣款共 ${String(facts.questioned.length)} 笔，明细可以发给您。`,
                `… ${String(facts.questioned.length)} to be explained in all; I can send you the list.`,
              ),
            ]
          : []),
        ...affirmedSentences(caseFile, lang, 'spoken'),
        ...historySentences(caseFile, input.kb, lang, input.date),
      ],
    },
    { kind: 'heading', text: t('提出要求', 'What to ask for') },
    {
      kind: 'list',
      ordered: true,
      items: [
        ...(claimed
          ? [
              t(`退还 ${claim}，并停止这些扣费。`, `Refund ${claim} and stop these charges.`),
              t(
                '书面说明每笔扣费依据哪一条协议条款，以及我同意的记录。',
                'A written explanation: which agreement term, and the record of my consent, for each charge.',
              ),
            ]
          : []),
        ...(questioned
          ? [
              t(
                `那 ${String(q.count)} 笔扣款：请逐笔说明是什么费用、依据哪一条协议或收费通知，并把协议或通知发给我；说明不了依据的，请退还。`,
                `The ${String(q.count)} deductions: say what each one is and which agreement term or fee notice it rests on, send me that document, and refund any that cannot be justified.`,
              ),
            ]
          : []),
        t('请告诉我工单号（投诉编号）。', 'Please give me the ticket (complaint) number.'),
        t('请告诉我您的工号或姓名。', 'Please give me your staff number or name.'),
        due
          ? t(
              `请问什么时候答复？按规定应在 ${longDate(due, 'zh')} 前答复。`,
              `When will I get an answer? Under the rules it is due by ${longDate(due, 'en')}.`,
            )
          : t('请问最晚什么时候给我答复？', 'By what date will I get an answer?'),
      ],
    },
    { kind: 'heading', text: t('如果对方推脱', 'If they push back') },
    {
      kind: 'list',
      ordered: false,
      items: [
        ...(isProvider && providerKindOf(caseFile).kind === 'payment_institution'
          ? [
              t(
                '“请找代理商”：“代理商是贵公司的外包机构。依据《非银行支付机构监督管理条例》第三十五条的规定，贵公司应当履行投诉处理主体责任，请直接登记。”',
                '"Contact your agent": "The agent works for you. Under art. 35 of the Regulation on Non-bank Payment Institutions, handling complaints is your responsibility — please register it."',
              ),
            ]
          : []),
        ...(isProvider && r.type === 'bank'
          ? [
              t(
                '“请找代理商”：“按《银行业保险业消费投诉处理管理办法》第十条，银行应当督促合作机构配合处理，投诉由银行负责登记处理。”',
                '"Contact your agent": "Under art. 10 of the banking complaint rules, the bank must make its partners cooperate; the bank registers and handles the complaint."',
              ),
            ]
          : []),
        t(
          '“系统扣的，没办法”：“请把扣费依据的协议条款和我同意的记录书面发给我。没有依据就应当退还。”',
          '"The system did it": "Then send me in writing the agreement term and the record of my consent. Without them the money must be returned."',
        ),
        t(
          '“回头给您回电”：“好的，请先告诉我工单号和答复期限，我会记下来。”',
          '"We\'ll call you back": "Fine — first give me the ticket number and the date you will answer by; I am noting it down."',
        ),
        ...(input.nextChannel
          ? [
              t(
                `如果到期没有答复或答复不能接受：“那我将去${input.nextChannel.name.zh}。”（这是事实，不是威胁。）`,
                `If no answer comes in time, or it is unacceptable: "Then I will take it to ${input.nextChannel.name.en}." (A fact, not a threat.)`,
              ),
            ]
          : []),
      ],
    },
    { kind: 'heading', text: t('挂断后马上记下', 'Write down straight after the call') },
    {
      kind: 'table',
      columns: [
        { title: t('项目', 'Item'), weight: 1 },
        { title: t('记录', 'Note'), weight: 2.5 },
      ],
      rows: [
        [t('通话日期和时间', 'Date and time of the call'), ''],
        [t('拨打的号码', 'Number called'), number],
        [t('客服工号/姓名', "Agent's id or name"), ''],
        [t('工单号', 'Ticket number'), ''],
        [t('承诺的答复日期', 'Answer promised by'), due ?? ''],
        [t('对方的说法', 'What they said'), ''],
        [t('下一步', 'Next step'), input.nextChannel ? input.nextChannel.name[lang] : ''],
      ],
    },
    {
      kind: 'note',
      text: t(
        '把工单号填进扣费卫士（或 case.json 的 history），到期没有答复时，系统会提醒你升级到下一步。',
        'Enter the ticket number in FeeGuard (or in the history of case.json); if no answer comes by the deadline, FeeGuard will tell you to escalate.',
      ),
    },
  ];
  return {
    title: t('电话投诉话术', 'Call script'),
    subtitle: `${channel.name[lang]} · ${longDate(input.date, lang)}`,
    blocks,
    language: lang === 'zh' ? 'zh-CN' : 'en',
    meta: { author: c.name, subject: t('电话投诉话术', 'Call script') },
  };
}
