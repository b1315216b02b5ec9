import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../channels/knowledge-base.js';
import { chinaCalendar } from '../deadlines/calendar.js';
import { describePlan } from './describe.js';
import { noteIn, planCase, type Plan, type PlanInput } from './plan.js';
import { defaultPlanPolicy } from './policy.js';

const kb = defaultKnowledgeBase();
const calendar = chinaCalendar();
const policy = defaultPlanPolicy();

function plan(overrides: Partial<PlanInput>): Plan {
  return planCase(
    {
      complainantType: 'individual_merchant',
      providerType: 'payment_institution',
      providerName: '某某支付有限公司',
      claimFen: 29_900,
      history: [],
      othersAffected: false,
      arbitrationAgreement: false,
      asOf: '2026-11-25',
      ...overrides,
    },
    kb,
    calendar,
    policy,
  );
}

/** The ladder as "channel:state" strings, the form the expectations below are written in. */
function ladder(p: Plan): string[] {
  return p.ladder.map((s) => `${s.channel}:${s.state}`);
}

function step(p: Plan, channel: string) {
  const found = [...p.ladder, ...p.parallel].find((s) => s.channel === channel);
  if (!found) throw new Error(`no step ${channel} in ${ladder(p).join(', ')}`);
  return found;
}

describe('planCase: who goes where', () => {
  it('individual merchant against a payment institution, nothing tried yet', () => {
    const p = plan({});
    expect(p.stage).toBe('start');
    expect(ladder(p)).toEqual([
      'payment_institution_customer_service:next',
      'pboc_12363:later',
      'financial_mediation:later',
      'court_small_claims:later',
    ]);
    expect(step(p, 'payment_institution_customer_service').startOn).toBe('2026-11-25');
    // A merchant's route to market regulation is a 举报 about unposted fees, never a 投诉.
    expect(step(p, 'samr_12315').filingType).toBe('report');
    expect(step(p, 'pcac_report').filingType).toBe('report');
    expect(p.parallel.map((s) => s.channel)).not.toContain('consumer_association');
    expect(p.headline.zh).toContain('299.00');
  });

  it('company against a bank: the bank first, then NFRA — the PBoC does not take a company against a bank', () => {
    const p = plan({ complainantType: 'company', providerType: 'bank' });
    expect(ladder(p)).toEqual([
      'bank_customer_service:next',
      'nfra_12378:later',
      'financial_mediation:later',
      'court_small_claims:later',
    ]);
    expect(step(p, 'nfra_12378').alternatives).toEqual([]);
    // The bank must decide within 15 days, 60 at most with notice.
    const due = step(p, 'bank_customer_service').answerDue;
    expect(due?.deadline.due).toBe('2026-12-10');
    expect(due?.latest?.due).toBe('2027-01-25');
  });

  it('individual merchant against a bank: NFRA (which expressly takes any complainant) leads, the PBoC stands beside it', () => {
    const p = plan({ providerType: 'bank' });
    expect(ladder(p)).toEqual([
      'bank_customer_service:next',
      'nfra_12378:later',
      'financial_mediation:later',
      'court_small_claims:later',
    ]);
    expect(step(p, 'nfra_12378').alternatives).toEqual(['pboc_12363']);
  });

  it('a private individual against a bank: both regulators are sure, the PBoC (payment business) leads', () => {
    const p = plan({ complainantType: 'individual_consumer', providerType: 'bank' });
    expect(ladder(p)[1]).toBe('pboc_12363:later');
    expect(step(p, 'pboc_12363').alternatives).toEqual(['nfra_12378']);
  });

  it('company against a payment institution: the PBoC route rests on an inference and says so', () => {
    const p = plan({ complainantType: 'company' });
    const pboc = step(p, 'pboc_12363');
    expect(pboc.confidence).toBe('inference');
    expect(pboc.verify.length).toBeGreaterThan(0);
    expect(pboc.why.zh).toContain('用户');
  });

  it('a private individual may also complain to 12315 and the consumer association', () => {
    const p = plan({ complainantType: 'individual_consumer' });
    expect(step(p, 'samr_12315').filingType).toBe('complaint');
    expect(step(p, 'consumer_association').filingType).toBe('complaint');
  });

  it('an arbitration clause puts arbitration where the court was, and says why the court is out', () => {
    const p = plan({ arbitrationAgreement: true });
    expect(ladder(p).slice(-2)).toEqual(['arbitration:later', 'court_small_claims:unavailable']);
    expect(step(p, 'court_small_claims').when.zh).toContain('仲裁协议');
    // The 1995 table: 299 yuan falls in the first bracket, 40–100 yuan.
    expect(step(p, 'arbitration').why.zh).toContain('40.00–100.00 元');
    expect(p.court?.arbitration).toEqual({ minFen: 4_000, maxFen: 10_000 });
  });

  it('without an arbitration clause there is no arbitration step', () => {
    expect(ladder(plan({}))).not.toContain('arbitration:later');
  });
});

describe('planCase: where the case stands', () => {
  it('provider silent past its deadline: overdue, and the regulator is next today', () => {
    const p = plan({
      history: [
        {
          channel: 'payment_institution_customer_service',
          date: '2026-10-09',
          reference: 'KF20261009001',
          outcome: 'pending',
        },
      ],
    });
    expect(p.stage).toBe('escalate');
    expect(ladder(p).slice(0, 2)).toEqual([
      'payment_institution_customer_service:overdue',
      'pboc_12363:next',
    ]);
    const first = step(p, 'payment_institution_customer_service');
    expect(first.answerDue?.deadline.due).toBe('2026-10-26');
    expect(first.daysLeft).toBe(-30);
    expect(first.filed?.reference).toBe('KF20261009001');
    // The PBoC registers within 7 working days, then the institution has 15 days.
    const pboc = step(p, 'pboc_12363');
    expect(pboc.startOn).toBe('2026-11-25');
    expect(pboc.answerDue?.deadline.start).toBe('2026-12-04');
    expect(pboc.answerDue?.deadline.due).toBe('2026-12-21');
  });

  it('waiting for an answer: the next step is dated the day after the deadline', () => {
    const p = plan({
      providerType: 'bank',
      history: [{ channel: 'bank_customer_service', date: '2026-11-20', outcome: 'pending' }],
    });
    expect(p.stage).toBe('waiting');
    const bank = step(p, 'bank_customer_service');
    expect(bank.state).toBe('waiting');
    expect(bank.answerDue?.deadline.due).toBe('2026-12-07');
    expect(bank.daysLeft).toBe(12);
    expect(step(p, 'nfra_12378').state).toBe('later');
    expect(step(p, 'nfra_12378').startOn).toBe('2026-12-08');
    expect(p.headline.zh).toContain('2026-12-07');
  });

  it('answered but not yet decided: the plan asks for the decision, not for more waiting', () => {
    const p = plan({
      history: [
        {
          channel: 'payment_institution_customer_service',
          date: '2026-11-20',
          outcome: 'pending',
          answeredAt: '2026-11-24',
        },
      ],
    });
    expect(p.stage).toBe('waiting');
    const first = step(p, 'payment_institution_customer_service');
    expect(first.state).toBe('waiting');
    expect(first.filed?.answeredAt).toBe('2026-11-24');
    expect(first.when.zh).toContain('2026-11-24 收到答复');
    expect(p.headline.zh).toContain('请决定是否接受');
    expect(p.headline.zh).not.toContain('正在等待');
    expect(p.headline.en).toContain('answered on 2026-11-24');
  });

  it('answer disputed: a rejection escalates now; a part refund escalates for the rest', () => {
    const rejected = plan({
      history: [
        {
          channel: 'payment_institution_customer_service',
          date: '2026-11-02',
          outcome: 'rejected',
          answeredAt: '2026-11-10',
        },
      ],
    });
    expect(ladder(rejected).slice(0, 2)).toEqual([
      'payment_institution_customer_service:disputed',
      'pboc_12363:next',
    ]);
    const partial = plan({
      history: [
        {
          channel: 'payment_institution_customer_service',
          date: '2026-11-02',
          outcome: 'partial_refund',
          refundFen: 9_900,
        },
      ],
    });
    expect(step(partial, 'payment_institution_customer_service').state).toBe('disputed');
    expect(step(partial, 'payment_institution_customer_service').when.zh).toContain('200.00');
  });

  it('the regulator also failed: mediation is next and the skipped rungs are marked', () => {
    const p = plan({
      history: [
        { channel: 'pboc_12363', date: '2026-09-01', outcome: 'no_answer' },
        { channel: 'black_cat_complaints', date: '2026-09-03', outcome: 'pending' },
      ],
    });
    expect(ladder(p)).toEqual([
      'payment_institution_customer_service:skipped',
      'pboc_12363:overdue',
      'financial_mediation:next',
      'court_small_claims:later',
    ]);
    expect(step(p, 'black_cat_complaints').state).toBe('waiting');
  });

  it('refunded in full: resolved, nothing more to do', () => {
    const p = plan({
      history: [
        {
          channel: 'payment_institution_customer_service',
          date: '2026-11-02',
          outcome: 'refunded',
        },
      ],
    });
    expect(p.stage).toBe('resolved');
    expect(
      ladder(p)
        .slice(1)
        .every((s) => s.endsWith(':not_needed')),
    ).toBe(true);
  });

  it('every rung used without result: exhausted, the press and a group complaint remain', () => {
    const p = plan({
      history: [
        {
          channel: 'payment_institution_customer_service',
          date: '2026-01-05',
          outcome: 'no_answer',
        },
        { channel: 'pboc_12363', date: '2026-02-10', outcome: 'rejected' },
        { channel: 'financial_mediation', date: '2026-04-01', outcome: 'rejected' },
        { channel: 'court_small_claims', date: '2026-06-01', outcome: 'rejected' },
      ],
    });
    expect(p.stage).toBe('exhausted');
  });
});

describe('planCase: the size of the claim', () => {
  it('a small claim: the court is a last resort and a group complaint is suggested instead', () => {
    const p = plan({ claimFen: 3_600 });
    const court = step(p, 'court_small_claims');
    expect(court.why.zh).toContain('集体投诉');
    expect(court.why.zh).toContain('50');
  });

  it('a large claim in Zhejiang: above what small claims take even by agreement, consider a lawyer', () => {
    const p = plan({ claimFen: 30_000_000, providerProvince: '浙江省' });
    const court = step(p, 'court_small_claims');
    expect(court.why.zh).toContain('律师');
    expect(court.name.zh).toBe('人民法院（简易程序或普通程序）');
    expect(court.answerDue).toBeUndefined();
  });

  it('an 80,000-yuan claim in Zhejiang is not labelled small claims', () => {
    const p = plan({ claimFen: 8_000_000, providerProvince: '浙江' });
    const court = step(p, 'court_small_claims');
    expect(court.name.zh).toBe('人民法院（简易程序或普通程序）');
    expect(court.why.zh).toContain('54,323.00');
    // 诉讼费用交纳办法 第十三条: 50 + 2.5% × (80,000 − 10,000) = 1,800 yuan; half under 第十六条.
    expect(p.court).toMatchObject({
      procedure: 'by_agreement',
      feeFen: 180_000,
      halfFeeFen: 90_000,
    });
    expect(court.why.zh).toContain('1,800.00 元');
    expect(court.why.zh).toContain('900.00 元（第十六条）');
    expect(court.why.zh).not.toContain('再减半');
  });

  it('a claim under the Zhejiang limit goes to the small-claims procedure, with its term', () => {
    const p = plan({ claimFen: 1_980_000, providerProvince: '浙江' });
    const court = step(p, 'court_small_claims');
    expect(court.name.zh).toBe('人民法院（小额诉讼程序）');
    expect(court.why.zh).toContain('一审终审');
    expect(p.court?.feeFen).toBe(5_000 + 24_500);
  });

  it('a province without data: the merchant is told exactly what to look up', () => {
    const p = plan({ claimFen: 1_980_000, providerProvince: '西藏' });
    expect(p.court?.procedure).toBe('unknown');
    expect(step(p, 'court_small_claims').why.zh).toContain('高级人民法院公布的标准');
  });
});

describe('planCase: group complaints and time limits', () => {
  it('recommends a group complaint when other merchants have the same charges', () => {
    expect(plan({ othersAffected: 12 }).groupComplaint).toMatchObject({ recommended: true });
    expect(plan({ othersAffected: 12 }).groupComplaint.why.zh).toContain('12 户');
    expect(plan({}).groupComplaint.recommended).toBe(false);
  });

  it('warns when the 3-year limitation period is close or gone', () => {
    const close = plan({ noticedAt: '2023-12-20' });
    expect(close.limitation).toEqual({ until: '2026-12-20', daysLeft: 25 });
    expect(close.warnings.some((w) => w.zh.includes('诉讼时效'))).toBe(true);
    const gone = plan({ noticedAt: '2023-01-02' });
    expect(gone.limitation?.daysLeft).toBeLessThan(0);
    expect(plan({ noticedAt: '2026-10-01' }).warnings).toEqual([]);
  });

  it('a deadline ending in the National Day holiday moves past it', () => {
    const p = plan({
      asOf: '2025-09-25',
      providerType: 'bank',
      history: [{ channel: 'bank_customer_service', date: '2025-09-16', outcome: 'pending' }],
    });
    const due = step(p, 'bank_customer_service').answerDue?.deadline;
    expect(due?.due).toBe('2025-10-09');
    expect(due?.shiftedPast).toBe('国庆节');
  });

  it('refuses a history entry naming an unknown channel instead of silently restarting', () => {
    expect(() =>
      plan({ history: [{ channel: 'customer_service', date: '2026-11-01', outcome: 'pending' }] }),
    ).toThrow(expect.objectContaining({ code: 'FG_ERR_HISTORY_UNKNOWN_CHANNEL' }));
  });
});

describe('planCase: the provider type', () => {
  it('unknown: the plan starts where banks and payment institutions are both handled, and asks', () => {
    const question = { zh: '请确认是银行还是支付机构', en: 'Bank or payment institution?' };
    const p = plan({ providerType: 'unknown', providerTypeQuestion: question });
    expect(ladder(p)).toEqual([
      'pboc_12363:next',
      'financial_mediation:later',
      'court_small_claims:later',
    ]);
    expect(p.question).toEqual(question);
    expect(describePlan(p, 'zh')).toContain('需要你确认：请确认是银行还是支付机构');
  });

  it('a bank: the bank’s own channel, then a regulator', () => {
    expect(ladder(plan({ providerType: 'bank' }))[0]).toBe('bank_customer_service:next');
  });

  it('a payment institution: its own channel, then the PBoC', () => {
    expect(ladder(plan({})).slice(0, 2)).toEqual([
      'payment_institution_customer_service:next',
      'pboc_12363:later',
    ]);
  });
});

describe('noteIn', () => {
  it('splits "中文 / English" and "中文）/ English"', () => {
    expect(noteIn('工作日（各地时段不同）/ working days (hours vary)', 'zh')).toBe(
      '工作日（各地时段不同）',
    );
    expect(noteIn('工作日（各地时段不同）/ working days (hours vary)', 'en')).toBe(
      'working days (hours vary)',
    );
    expect(noteIn('第三十九条没有规定天数 / art. 39 sets no days', 'zh')).toBe(
      '第三十九条没有规定天数',
    );
    expect(noteIn('只有中文', 'en')).toBe('只有中文');
  });
});
