import { describe, expect, it } from 'vitest';
import { inferProviderKind, paymentInstitutionList, resolveProviderKind } from './provider-kind.js';

describe('the provider kind from its name', () => {
  it('a bank branch is a bank', () => {
    expect(inferProviderKind('中国工商银行股份有限公司杭州分行')).toEqual({
      kind: 'bank',
      basis: 'name',
    });
    expect(inferProviderKind('浙江农村信用合作联社')?.kind).toBe('bank');
  });

  it('a name on the licence list is a payment institution', () => {
    expect(inferProviderKind('拉卡拉支付股份有限公司')).toEqual({
      kind: 'payment_institution',
      basis: 'licence_list',
    });
  });

  it('an unknown name tells nothing', () => {
    expect(inferProviderKind('鑫联科技有限公司')).toBeNull();
  });

  it('the licence list is data with its source, marked to be verified', () => {
    const list = paymentInstitutionList();
    expect(list.source.title).toContain('中国人民银行');
    expect(list.confidence).not.toBe('high');
  });
});

describe('resolving the kind a case states', () => {
  it('a stated kind the name agrees with stands, with no question', () => {
    expect(resolveProviderKind('中国工商银行股份有限公司杭州分行', 'bank')).toEqual({
      kind: 'bank',
    });
  });

  it('a bank entered as a payment institution is not trusted: unknown, and the merchant is asked', () => {
    const r = resolveProviderKind('中国工商银行股份有限公司杭州分行', 'payment_institution');
    expect(r.kind).toBe('unknown');
    expect(r.question?.zh).toContain('名称看起来是银行');
  });

  it('a missing kind is inferred from the name and the merchant confirms', () => {
    const r = resolveProviderKind('中国工商银行股份有限公司杭州分行', undefined);
    expect(r.kind).toBe('bank');
    expect(r.question?.zh).toContain('请核对');
  });

  it('a missing kind the name does not tell is unknown, with the question', () => {
    const r = resolveProviderKind('鑫联科技有限公司', 'unknown');
    expect(r.kind).toBe('unknown');
    expect(r.question?.zh).toContain('是银行还是支付机构');
  });
});
