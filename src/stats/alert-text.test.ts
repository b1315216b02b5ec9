import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../channels/knowledge-base.js';
import { alertChannels, composeAlert, feeName } from './alert-text.js';
import { baselineWeeksOf, evaluateSeries } from './spikes.js';

const WEEK = '2026-11-23';
const kb = defaultKnowledgeBase();

function evidence(counts: number[], count: number) {
  const weeks = baselineWeeksOf(WEEK, counts.length);
  return evaluateSeries(
    count,
    counts.map((complaints, i) => ({ week: weeks[i] ?? '', complaints })),
    1,
  ).evidence;
}

describe('the alert draft', () => {
  it('names the channels as the knowledge base does, by who the provider is', () => {
    const pi = alertChannels(kb.channels, 'payment_institution');
    expect(pi.first?.name).toBe(
      kb.channels.find((c) => c.id === 'payment_institution_customer_service')?.name.zh,
    );
    expect(pi.escalate).toEqual([kb.channels.find((c) => c.id === 'pboc_12363')?.name.zh]);
    expect(pi.report).toContain(kb.channels.find((c) => c.id === 'samr_12315')?.name.zh);
    const bank = alertChannels(kb.channels, 'bank');
    expect(bank.first?.name).toBe(
      kb.channels.find((c) => c.id === 'bank_customer_service')?.name.zh,
    );
    expect(bank.escalate).toContain(kb.channels.find((c) => c.id === 'nfra_12378')?.name.zh);
  });

  it('says in plain words who, which fee, how many against the usual, what to check and where to go', () => {
    const draft = composeAlert({
      provider: '某某支付',
      category: 'traffic_fee',
      week: WEEK,
      inProgress: false,
      evidence: evidence([2, 2, 2, 2, 2, 2, 2, 2], 20),
      channels: alertChannels(kb.channels, 'payment_institution'),
    });
    expect(draft.title).toBe('消费提示：某某支付流量费投诉明显增多，请核对对账单');
    expect(draft.body).toContain(
      '11月23日至11月29日这一周，有 20 位商户通过扣费卫士投诉某某支付扣取流量费',
    );
    expect(draft.body).toContain('此前 8 周一共 16 起，平均每周约 2 起，约为平时的 10 倍');
    expect(draft.body).toContain('“流量卡费”');
    expect(draft.body).toContain('1. 先向某某支付投诉（渠道：支付机构客服投诉）');
    expect(draft.body).toContain('15日内没有答复');
    expect(draft.body).toContain('2. 升级到中国人民银行分支机构投诉（12363），附上对账单');
    expect(draft.body).toContain('3. 也可以同时通过市场监管12315举报、中国支付清算协会举报反映');
    expect(draft.body).not.toMatch(/undefined|NaN|null/u);
  });

  it('speaks of a running week as "so far" and of an empty history as none', () => {
    const draft = composeAlert({
      provider: 'B 银行',
      category: 'deposit',
      week: WEEK,
      inProgress: true,
      evidence: evidence([0, 0, 0, 0, 0, 0, 0, 0], 6),
      channels: alertChannels(kb.channels, 'bank'),
    });
    expect(draft.title).toContain('押金/激活费投诉本周明显增多');
    expect(draft.body).toContain('本周（11月23日起）到目前为止，有 6 位商户');
    expect(draft.body).toContain('此前 8 周一起也没有。');
    expect(draft.body).not.toContain('倍');
  });

  it('names an unknown category as other deductions', () => {
    expect(feeName('something_new')).toBe('其他扣款');
    expect(feeName('constructor')).toBe('其他扣款');
  });
});
