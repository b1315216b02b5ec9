import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../cases/case-file.js';
import { planInputOf, withAnswerDues } from '../cases/case-input.js';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { chinaCalendar } from '../deadlines/calendar.js';
import { planCase } from '../plan/plan.js';
import { defaultPlanPolicy } from '../plan/policy.js';
import { historySentences } from './case-facts.js';
import { defaultLegalGrounds } from './legal-grounds.js';
import { composeLetter } from './letter.js';
import { documentText, exampleCase } from './testing.js';

/**
 * A letter reflects the filings recorded before it: the date, the reference, the answer if one
 * came — and "至今未获答复" only once the answer's deadline has passed without one.
 */
const kb = defaultKnowledgeBase();
const { caseFile, audit } = exampleCase();
const filed = (attempt: Partial<CaseFile['history'][number]>): CaseFile => ({
  ...caseFile,
  history: [
    {
      channel: 'payment_institution_customer_service',
      date: '2024-10-10',
      reference: 'KF20241010-0088',
      outcome: 'pending',
      ...attempt,
    },
  ],
});

describe('what a letter says of an earlier filing', () => {
  it('before its deadline: filed on its date with its reference, awaiting the answer', () => {
    const file = filed({ answerDue: '2024-10-25' });
    expect(historySentences(file, kb, 'zh', '2024-10-12')).toEqual([
      '2024年10月10日，通过“支付机构客服投诉”提出（工单号 KF20241010-0088），正在等待答复（答复期限2024年10月25日）。',
    ]);
    expect(historySentences(file, kb, 'en', '2024-10-12')).toEqual([
      "On 10 October 2024, raised with Payment institution's complaint channel (reference KF20241010-0088): awaiting the answer (due by 25 October 2024).",
    ]);
    // On the deadline itself the answer may still come that day.
    expect(historySentences(file, kb, 'zh', '2024-10-25')[0]).not.toContain('至今未获答复');
  });

  it('after its deadline without an answer: 至今未获答复, with the deadline that passed', () => {
    const file = filed({ answerDue: '2024-10-25' });
    expect(historySentences(file, kb, 'zh', '2024-11-05')[0]).toContain(
      '（工单号 KF20241010-0088），答复期限2024年10月25日已过，至今未获答复。',
    );
    expect(historySentences(file, kb, 'en', '2024-11-05')[0]).toContain(
      'the answer was due by 25 October 2024 and has not come',
    );
  });

  it('an answer recorded: its date, and what it was once the merchant decided', () => {
    expect(
      historySentences(
        filed({ answeredAt: '2024-10-20', answerDue: '2024-10-25' }),
        kb,
        'zh',
        '2024-11-05',
      )[0],
    ).toContain('对方已于2024年10月20日答复，本人正在核实答复内容');
    expect(
      historySentences(
        filed({ outcome: 'rejected', answeredAt: '2024-10-20' }),
        kb,
        'zh',
        '2024-11-05',
      )[0],
    ).toContain('对方拒绝退款（2024年10月20日答复）');
    expect(
      historySentences(
        filed({ outcome: 'rejected', answeredAt: '2024-10-20' }),
        kb,
        'en',
        '2024-11-05',
      )[0],
    ).toContain('refused (answered 20 October 2024)');
  });

  it('a letter written the day a filing is recorded says it was made, not that it went unanswered', () => {
    const file = filed({ date: '2024-11-05', answerDue: '2024-11-20' });
    const text = documentText(
      composeLetter({
        caseFile: file,
        audit,
        channel: findChannel(kb, 'pboc_12363'),
        filingType: 'complaint',
        kb,
        grounds: defaultLegalGrounds(),
        date: '2024-11-05',
        language: 'zh',
      }),
    );
    expect(text).toContain(
      '2024年11月5日，通过“支付机构客服投诉”提出（工单号 KF20241010-0088），正在等待答复（答复期限2024年11月20日）',
    );
    expect(text).not.toContain('至今未获答复');
  });

  it('the CLI takes each filing’s deadline from the plan when the case file gives none', () => {
    const plan = planCase(
      planInputOf(caseFile, audit, '2024-11-05'),
      kb,
      chinaCalendar(),
      defaultPlanPolicy(),
    );
    const withDues = withAnswerDues(caseFile, plan);
    const due = withDues.history[0]?.answerDue;
    expect(due).toBeDefined();
    expect(due && due < '2024-11-05').toBe(true);
    expect(historySentences(withDues, kb, 'zh', '2024-11-05')[0]).toContain('已过，至今未获答复');
  });
});
