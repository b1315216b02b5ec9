import { describe, expect, it } from 'vitest';
import { GROUP_POLICY, isOffered, memberLabels } from './groups.js';

describe('isOffered', () => {
  it('needs the policy’s number of other merchants', () => {
    expect(isOffered(0)).toBe(false);
    expect(isOffered(GROUP_POLICY.minOtherMerchants)).toBe(true);
  });
});

describe('memberLabels', () => {
  it('numbers members in the order they joined and names only those who agreed', () => {
    const labels = memberLabels(
      [
        { caseId: 'b', joinedAt: '2026-11-25T02:00:01Z', shareName: false, name: '李四' },
        { caseId: 'a', joinedAt: '2026-11-25T02:00:00Z', shareName: true, name: '老王小卖部' },
        { caseId: 'c', joinedAt: '2026-11-25T02:00:02Z', shareName: false, name: '赵六' },
      ],
      'zh',
    );
    expect([...labels]).toEqual([
      ['a', '老王小卖部'],
      ['b', '商户 2'],
      ['c', '商户 3'],
    ]);
    expect(
      memberLabels([{ caseId: 'x', joinedAt: '', shareName: false, name: 'n' }], 'en').get('x'),
    ).toBe('Merchant 1');
  });
});
