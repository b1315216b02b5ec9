import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../audit/report/schema.js';
import type { CaseFile } from '../cases/case-file.js';
import { planInputOf } from '../cases/case-input.js';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { chinaCalendar } from '../deadlines/calendar.js';
import { buildEvidencePackage } from '../evidence/package.js';
import { planCase } from '../plan/plan.js';
import { defaultPlanPolicy } from '../plan/policy.js';
import { composeCallScript } from './call-script.js';
import { defaultLegalGrounds } from './legal-grounds.js';
import { composeLetter } from './letter.js';
import { documentText, exampleCase } from './testing.js';

/**
 * A case can hold deductions the audit could not place (需核实) as questions: the documents ask
 * the provider to explain each one, show the agreement or notice behind it and refund it if it
 * cannot — a question, never an accusation, and never part of the claim.
 */
const kb = defaultKnowledgeBase();
const grounds = defaultLegalGrounds();
const example = exampleCase();

/** The example case with only its two 需核实 deductions: nothing claimed, two questions. */
const questionsOnly: AuditReport = {
  ...example.audit,
  findings: example.audit.findings.filter((f) => f.verdict === 'needs_review'),
  recurring: [],
  claim: { total: '0.00', currency: 'CNY', byCategory: {} },
  counts: { authorized: 0, unauthorized: 0, needs_review: 2 },
};
/** Nothing affirmed: a question must not lean on answers the merchant never gave. */
const plainCase: CaseFile = {
  ...example.caseFile,
  history: [],
  narrative: undefined,
  affirmations: { agreementTerms: [], contacts: [] },
};

function letter(
  audit: AuditReport,
  language: 'zh' | 'en',
  channelId = 'payment_institution_customer_service',
) {
  const channel = findChannel(kb, channelId);
  return documentText(
    composeLetter({
      caseFile: plainCase,
      audit,
      channel,
      filingType:
        channel.accepts.find((a) => a.party === plainCase.complainant.type)?.as ?? 'complaint',
      kb,
      grounds,
      date: '2024-11-05',
      language,
    }),
  );
}

/** Words of the code, never of a letter: verdicts, category ids, field names. */
const INTERNAL =
  /needs_review|unauthorized|authorized|verdict|overcharge|other_deduction|traffic_fee|service_fee|claimFen|questioned|undefined|NaN/u;
/** What a claim says and a question must not: an accusation, or money demanded as owed. */
const ACCUSES_ZH = /未经本人同意|未经同意|没有约定依据|违规|追讨|0\.00 元/u;
const ACCUSES_EN = /without my consent|without a basis|never agreed|unlawful|0\.00 yuan/u;

describe('a case of questions only (需核实 rows, nothing claimed)', () => {
  it('the Chinese letter asks the provider to explain each deduction, show its basis and refund what it cannot justify', () => {
    const text = letter(questionsOnly, 'zh');
    expect(text).toContain(
      '对 2 笔用途不明的扣款（合计 62.83 元，明细见第三部分）逐笔说明扣款用途和收费依据，出示所依据的协议条款或收费公示、通知；不能说明依据的，予以退还。',
    );
    expect(text).toContain('本人无法从对账单的摘要中确认其用途，也不清楚所依据的约定');
    expect(text).toContain('三、请对方说明依据的扣款');
    expect(text).toContain('2024-02-03');
    expect(text).toContain('45.27');
    expect(text).toContain('17.56');
    expect(text).toContain('62.83');
    expect(text).toContain('请对方逐笔说明依据；不能说明依据的，应予退还。');
    expect(text).not.toMatch(ACCUSES_ZH);
    expect(text).not.toContain('争议扣费明细');
    expect(text).not.toMatch(INTERNAL);
  });

  it('the English letter asks the same, as a question', () => {
    const text = letter(questionsOnly, 'en');
    expect(text).toContain(
      'Explain each of the 2 deductions of unclear purpose (62.83 yuan in all, listed in part III)',
    );
    expect(text).toContain('refund any that cannot be justified');
    expect(text).toContain('III. Deductions to be explained');
    expect(text).not.toMatch(ACCUSES_EN);
    expect(text).not.toMatch(INTERNAL);
  });

  it('a regulator is asked to press for the explanation, not to investigate a violation', () => {
    const text = letter(questionsOnly, 'zh', 'pboc_12363');
    expect(text).toContain('督促鑫联支付有限公司对 2 笔用途不明的扣款');
    expect(text).not.toContain('依法调查处理');
    expect(text).not.toMatch(ACCUSES_ZH);
  });

  it('the call script asks what each deduction is, in both languages', () => {
    const script = (language: 'zh' | 'en') =>
      documentText(
        composeCallScript({
          caseFile: plainCase,
          audit: questionsOnly,
          channel: findChannel(kb, 'payment_institution_customer_service'),
          kb,
          date: '2024-11-05',
          language,
        }),
      );
    const zh = script('zh');
    expect(zh).toContain('请对方说明的扣款：2 笔，合计 62.83 元');
    expect(zh).toContain(
      '我的结算款里有 2 笔扣款，一共 62.83 元，我不清楚是什么费用，也找不到对应的约定。',
    );
    expect(zh).toContain('2024-02-03 其他扣款 45.27 元（请对方说明）');
    expect(zh).toContain('说明不了依据的，请退还');
    expect(zh).not.toContain('追讨金额');
    expect(zh).not.toMatch(ACCUSES_ZH);
    expect(zh).not.toMatch(INTERNAL);
    const en = script('en');
    expect(en).toContain('Deductions to be explained：2, 62.83 yuan in all');
    expect(en).toContain('refund any that cannot be justified');
    expect(en).not.toMatch(ACCUSES_EN);
    expect(en).not.toMatch(INTERNAL);
  });

  it('the evidence package lists them apart from the claim, in the README and the timeline', async () => {
    const plan = planCase(
      planInputOf(plainCase, questionsOnly, '2024-11-05'),
      kb,
      chinaCalendar(),
      defaultPlanPolicy(),
    );
    expect(plan.claimFen).toBe(0);
    expect(plan.headline.zh).toBe('第一步：支付机构客服投诉，请对方说明 62.83 元用途不明的扣款。');
    expect(plan.warnings.map((w) => w.zh).join('')).toContain('还没有要求退款');
    const files = await buildEvidencePackage({
      caseFile: plainCase,
      audit: questionsOnly,
      kb,
      grounds,
      plan,
      channel: findChannel(kb, 'payment_institution_customer_service'),
      filingType: 'complaint',
      statements: [],
      attachments: [],
      date: '2024-11-05',
      language: 'zh',
    });
    const file = (name: string) => files.find((f) => f.name === name)?.data.toString('utf8') ?? '';
    const readme = file('00-说明.txt');
    expect(readme).toContain('请对方说明依据的扣款：2 笔，合计 62.83 元（不计入追讨金额）。');
    expect(readme).not.toContain('追讨金额：');
    const timeline = file('05-时间线.csv');
    expect(timeline).toContain('2024-02-03,其他扣款被扣（用途不明，请对方说明）：调账,45.27 元');
    expect(timeline).not.toContain('未经同意');
    expect(file('01-投诉书-payment_institution_customer_service.txt')).toContain(
      '逐笔说明扣款用途和收费依据',
    );
  });
});

describe('a case with claimed and questioned deductions', () => {
  it('claims only the unauthorized ones and lists the questions in a table of their own', () => {
    const text = letter(example.audit, 'zh');
    expect(text).toContain('退还没有约定依据的扣费共计 159.00 元。');
    expect(text).toContain('对另外 2 笔用途不明的扣款（合计 62.83 元，明细见第四部分）');
    expect(text).toContain('三、争议扣费明细');
    expect(text).toContain('四、请对方说明依据的扣款');
    expect(text).toContain('此外，鑫联支付有限公司还扣取了 2 笔扣款，合计 62.83 元');
    // The claim's total is the claim's: 159.00, never 221.83.
    expect(text).not.toContain('221.83');
    expect(text).not.toMatch(INTERNAL);
    const en = letter(example.audit, 'en');
    expect(en).toContain('IV. Deductions to be explained');
    expect(en).toContain('Explain each of the further 2 deductions of unclear purpose');
    expect(en).not.toMatch(INTERNAL);
  });
});

describe('the evidence timeline', () => {
  it('says "without consent" only when the merchant affirmed it', async () => {
    const build = async (caseFile: CaseFile) => {
      const plan = planCase(
        planInputOf(caseFile, example.audit, '2024-11-05'),
        kb,
        chinaCalendar(),
        defaultPlanPolicy(),
      );
      const files = await buildEvidencePackage({
        caseFile,
        audit: example.audit,
        kb,
        grounds,
        plan,
        channel: findChannel(kb, 'payment_institution_customer_service'),
        filingType: 'complaint',
        statements: [],
        attachments: [],
        date: '2024-11-05',
        language: 'zh',
      });
      return files.find((f) => f.name === '05-时间线.csv')?.data.toString('utf8') ?? '';
    };
    const plain = await build(plainCase);
    expect(plain).toContain('被扣（要求退还）');
    expect(plain).not.toContain('未经同意');
    const denied = await build({
      ...plainCase,
      affirmations: { ...plainCase.affirmations, signedAgreement: 'no' },
    });
    expect(denied).toContain('被扣（未经同意）');
  });
});
