import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { chinaCalendar } from '../deadlines/calendar.js';
import { describePlan } from './describe.js';
import { planCase, procedureDates, stepDue } from './plan.js';
import { defaultPlanPolicy } from './policy.js';

/**
 * Deadlines per procedure, each counted from its own start event, on China's 2025 calendar:
 * Spring Festival 2025-01-28…02-04 with make-up working days 01-26 (Sun) and 02-08 (Sat);
 * National Day 2025-10-01…10-08 with make-up working days 09-28 (Sun) and 10-11 (Sat).
 */
const kb = defaultKnowledgeBase();
const calendar = chinaCalendar();

function dates(channelId: string, type: 'complaint' | 'report', filedOn: string) {
  const list = procedureDates(findChannel(kb, channelId), type, filedOn, calendar, kb);
  return Object.fromEntries(
    list.map((p) => [
      p.id,
      { due: p.deadline.due, latest: p.latest?.due, start: p.deadline.start },
    ]),
  );
}

describe('12315: 投诉 and 举报 are different procedures', () => {
  it('投诉: acceptance within 7 working days of receipt (暂行办法 第十四条), across the Spring Festival', () => {
    const d = dates('samr_12315', 'complaint', '2025-01-24');
    // 01-26 (make-up) 1, 01-27 2, holiday to 02-04, 02-05…02-07 3–5, 02-08 (make-up) 6, 02-10 7.
    expect(d.samr_complaint_acceptance?.due).toBe('2025-02-10');
    // Mediation ends within 60 days of acceptance (消费者权益保护法实施条例 第四十六条).
    expect(d.samr_complaint_mediation).toMatchObject({ start: '2025-02-10', due: '2025-04-11' });
    expect(d.samr_report_notice).toBeUndefined();
  });

  it('举报: the 5 working days run from the decision to open a case, not from the filing (第三十一条)', () => {
    const d = dates('samr_12315', 'report', '2025-09-26');
    // 行政处罚程序规定 第十八条: 15 working days across National Day (09-28 and 10-11 count).
    expect(d.samr_report_case_decision).toMatchObject({ due: '2025-10-23', latest: '2025-11-13' });
    expect(d.samr_report_notice).toMatchObject({
      start: '2025-10-23',
      due: '2025-10-30',
      latest: '2025-11-20',
    });
    expect(d.samr_complaint_acceptance).toBeUndefined();
  });

  it('the step waits for the answer of its own filing type', () => {
    const samr = findChannel(kb, 'samr_12315');
    expect(stepDue(samr, 'complaint', '2025-01-24', calendar, kb)?.deadline.due).toBe('2025-02-10');
    expect(stepDue(samr, 'report', '2025-09-26', calendar, kb)?.deadline.due).toBe('2025-10-30');
  });
});

describe('12363 and 12378: the regulator first, then the institution', () => {
  it('PBoC: acceptance in 7 working days, then the institution’s 15 days, 60 at most (第四十三条)', () => {
    const d = dates('pboc_12363', 'complaint', '2025-09-26');
    expect(d.pboc_acceptance?.due).toBe('2025-10-13');
    expect(d.pboc_institution_answer).toMatchObject({
      start: '2025-10-13',
      due: '2025-10-28',
      latest: '2025-12-12',
    });
  });

  it('NFRA: transfer in 7 working days, then the bank’s 15 days', () => {
    const d = dates('nfra_12378', 'complaint', '2025-01-24');
    expect(d.nfra_transfer?.due).toBe('2025-02-10');
    expect(d.nfra_bank_decision?.due).toBe('2025-02-25');
  });

  it('a bank’s 15 calendar days ending on the last day of the Spring Festival move to the next working day', () => {
    const due = stepDue(
      findChannel(kb, 'bank_customer_service'),
      'complaint',
      '2025-01-20',
      calendar,
      kb,
    );
    expect(due?.deadline).toMatchObject({ due: '2025-02-05', shiftedFrom: '2025-02-04' });
  });
});

describe('the plan shows every procedure with its date', () => {
  it('the 12363 acceptance date is shown, not only the institution’s answer', () => {
    const plan = planCase(
      {
        complainantType: 'individual_merchant',
        providerType: 'payment_institution',
        providerName: '某某支付有限公司',
        claimFen: 29_900,
        history: [
          {
            channel: 'payment_institution_customer_service',
            date: '2025-08-01',
            outcome: 'rejected',
          },
        ],
        othersAffected: false,
        arbitrationAgreement: false,
        asOf: '2025-09-26',
      },
      kb,
      calendar,
      defaultPlanPolicy(),
    );
    const pboc = plan.ladder.find((s) => s.channel === 'pboc_12363');
    expect(pboc?.answerDue?.procedures?.map((p) => [p.id, p.deadline.due])).toEqual([
      ['pboc_acceptance', '2025-10-13'],
      ['pboc_institution_answer', '2025-10-28'],
    ]);
    const text = describePlan(plan, 'zh');
    expect(text).toContain('2025-10-13');
    expect(text).toContain('已核实（2026-12-04）');
  });

  it('every procedure in the data has its article, start event, source and date', () => {
    for (const channel of kb.channels) {
      for (const p of channel.procedures) {
        expect(p.article.article, `${channel.id}/${p.id}`).toMatch(/第|期限/u);
        expect(p.startEvent.zh).toMatch(/^自|起/u);
        expect(kb.sources.some((s) => s.key === p.cite.source)).toBe(true);
        expect(p.cite.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      }
    }
  });
});
