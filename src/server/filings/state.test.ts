import { describe, expect, it } from 'vitest';
import { transition } from './state.js';

describe('filing transitions', () => {
  it.each([
    ['draft', 'submit', 'merchant', 'submitted'],
    ['submitted', 'acknowledge', 'respondent', 'acknowledged'],
    ['acknowledged', 'respond', 'respondent', 'responded'],
    ['overdue', 'respond', 'respondent', 'responded'],
    ['responded', 'dispute', 'merchant', 'disputed'],
    ['responded', 'accept', 'merchant', 'accepted'],
    ['submitted', 'mark_overdue', 'system', 'overdue'],
    ['disputed', 'close', 'merchant', 'closed'],
  ] as const)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(transition(from, action, actor)).toEqual({ ok: true, to });
  });

  it.each([
    ['draft', 'respond', 'respondent'],
    ['submitted', 'dispute', 'merchant'],
    ['responded', 'accept', 'respondent'],
    ['closed', 'submit', 'merchant'],
    ['responded', 'mark_overdue', 'system'],
    ['submitted', 'submit', 'merchant'],
  ] as const)('refuses %s --%s by %s', (from, action, actor) => {
    const result = transition(from, action, actor);
    expect(result.ok).toBe(false);
  });
});
