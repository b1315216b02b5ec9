import { describe, expect, it } from 'vitest';
import type { FilingsTable } from '../db/schema.js';
import { attemptOf } from './case-model.js';

const filing = (state: string, response: object | null): FilingsTable => ({
  id: 'f1',
  case_id: 'c1',
  channel_id: 'payment_institution_customer_service',
  organization_id: null,
  filing_type: 'complaint',
  state,
  submitted_at: '2026-12-01',
  reference: 'KF-1',
  method: null,
  due_date: '2026-12-16',
  response: response ? JSON.stringify(response) : null,
  refund_fen: null,
  version: 1,
  created_at: '2026-12-01T02:00:00Z',
  updated_at: '2026-12-01T02:00:00Z',
});

/** A part refund answered at 01:00 in Beijing on 5 December (17:00 UTC on the 4th). */
const partRefund = {
  kind: 'refund',
  message: '退还部分',
  refundFen: 2000,
  by: 'kf',
  at: '2026-12-04T17:00:00.000Z',
};

describe('what a filing means for the plan', () => {
  it('waits for the merchant to accept or dispute an answer before moving on', () => {
    expect(attemptOf(filing('responded', partRefund), 15900)?.outcome).toBe('pending');
    expect(attemptOf(filing('disputed', partRefund), 15900)?.outcome).toBe('partial_refund');
    expect(attemptOf(filing('accepted', partRefund), 15900)?.outcome).toBe('refunded');
  });

  it('dates the answer on the Beijing calendar', () => {
    expect(attemptOf(filing('responded', partRefund), 15900)?.answeredAt).toBe('2026-12-05');
  });
});
