import { describe, expect, it } from 'vitest';
import { interpretMessage } from './sms.js';

const read = (text: string) => interpretMessage({ row: 7, text }, 'sms.txt');

describe('SMS notices → statement lines', () => {
  it.each([
    [
      '【鑫联支付】收款提醒：您的商户于2023-12-13 08:10成功收款16.15元，手续费3.10元。',
      { date: '2023-12-13', amount: 1615, fee: 310, type: '收款' },
    ],
    [
      '【鑫联支付】尊敬的商户，您的POS终端于2023年12月13日从结算款中扣除会员费39.00元，如有疑问请致电400-641-1359。',
      { date: '2023-12-13', amount: -3900, type: '扣费', description: '会员费' },
    ],
    [
      '【某付】您的机具于2024年3月5日扣收流量卡年费99元。',
      { date: '2024-03-05', amount: -9900, type: '扣费', description: '流量卡年费' },
    ],
    [
      '【鑫联支付】尊敬的商户，您2023年12月13日的结算款897.74元已划入尾号2937的银行账户，请查收。',
      { date: '2023-12-13', amount: -89774, type: '结算' },
    ],
    [
      '【鑫联支付】2023年12月7日，手续费返还1.77元已退回您的结算账户。',
      { date: '2023-12-07', amount: 177, type: '返还' },
    ],
    [
      '【鑫联支付】退货提醒：2024-06-01退货70.00元已处理。',
      { date: '2024-06-01', amount: -7000, type: '退货' },
    ],
    ['【某付】2025年1月2日 系统服务费 ¥30.00 已扣款', { date: '2025-01-02', amount: -3000 }],
  ])('%s', (text, expected) => {
    const r = read(text);
    expect(r.kind).toBe('line');
    if (r.kind === 'line')
      expect(r.line).toMatchObject({ ...expected, row: 7, file: 'sms.txt', cardType: 'unknown' });
  });

  it('a message without money is not a statement record', () => {
    expect(read('【鑫联支付】您的验证码为123456，5分钟内有效。')).toEqual({
      kind: 'skip',
      why: 'no_money',
    });
  });

  it('a money message without a date is a warning', () => {
    const r = read('【某付】扣除流量费99.00元');
    expect(r.kind).toBe('problem');
  });
});
