import { describe, expect, it } from 'vitest';
import type { SourceMessage } from '../model.js';
import { sniffFormat } from './index.js';
import { decodeSms, noticeShares, startsMarked, usesBlocks } from './sms.js';
import { iterate } from '../testing.js';

async function messages(text: string): Promise<string[]> {
  const decoded = await decodeSms(iterate([new TextEncoder().encode(text)]));
  const out: SourceMessage[] = [];
  for await (const batch of decoded.batches) out.push(...batch);
  expect(out.map((m) => m.row)).toEqual(out.map((_, i) => i + 1));
  return out.map((m) => m.text);
}

describe('pasted SMS: where one message ends and the next begins', () => {
  it('one message a line', async () => {
    expect(await messages('【甲】收款1.00元\n【甲】收款2.00元\n')).toEqual([
      '【甲】收款1.00元',
      '【甲】收款2.00元',
    ]);
  });

  it('messages separated by ---- lines', async () => {
    expect(
      await messages('【甲银行】结算入账100.00元\n----\n【甲银行】扣收流量费99.00元\n----\n'),
    ).toEqual(['【甲银行】结算入账100.00元', '【甲银行】扣收流量费99.00元']);
  });

  it('messages separated by blank lines, one over two lines', async () => {
    expect(
      await messages('【甲】您的商户于2025年3月2日\n扣收流量费99.00元\n\n【甲】收款1.00元\n'),
    ).toEqual(['【甲】您的商户于2025年3月2日\n扣收流量费99.00元', '【甲】收款1.00元']);
  });

  it('a phone export: a time stamp line heads the message under it', async () => {
    expect(
      await messages(
        '2024-04-01 14:55:37 发件人 95xxx\n【甲银行】收款484.29元，手续费3.05元。\n\n' +
          '2024-04-02 09:08:35 发件人 95xxx\n【甲银行】扣收流量费99.00元。\n',
      ),
    ).toEqual([
      '2024-04-01 14:55:37 发件人 95xxx\n【甲银行】收款484.29元，手续费3.05元。',
      '2024-04-02 09:08:35 发件人 95xxx\n【甲银行】扣收流量费99.00元。',
    ]);
    expect(
      await messages(
        '2024-04-01 14:55:37\n【甲银行】收款1.00元\n2024-04-02 09:08:35\n【甲银行】收款2.00元\n',
      ),
    ).toHaveLength(2);
  });

  it('a line without a sender continues the message before it', async () => {
    expect(
      await messages(
        '【甲】您的商户于2025年3月2日结算入账\n12,345.67元。\n【甲】2025年3月3日扣收服务费30.00元\n',
      ),
    ).toEqual([
      '【甲】您的商户于2025年3月2日结算入账\n12,345.67元。',
      '【甲】2025年3月3日扣收服务费30.00元',
    ]);
  });

  it('====, ***** and ——— lines separate too; a BOM is ignored', async () => {
    expect(await messages('\uFEFF[Bank] a 1.00元\n=====\n[Bank] b 2.00元\n*****\n')).toEqual([
      '[Bank] a 1.00元',
      '[Bank] b 2.00元',
    ]);
  });

  it('tells the layouts apart', () => {
    expect(usesBlocks('a\nb\n\nc\n')).toBe(true);
    expect(usesBlocks('a\n----\nb\n')).toBe(false);
    expect(usesBlocks('a\nb\n----\nc\n')).toBe(true);
    expect(startsMarked('【甲】x\n')).toBe(true);
    expect(startsMarked('2025-03-02 10:00 x\n')).toBe(true);
    expect(startsMarked('收款1.00元\n')).toBe(false);
  });
});

describe('notices are recognised as notices', () => {
  it('English notices with commas are SMS, not a CSV', () => {
    const text =
      '[ABC Pay] Payment received: CNY 1,016.15 on 2025-03-02, fee CNY 6.10.\n[ABC Pay] A SIM card fee of CNY 99.00 was deducted, see app.\n';
    expect(sniffFormat(new TextEncoder().encode(text), 'notices.txt')).toBe('sms');
    expect(noticeShares(text.trim().split('\n'))).toEqual({ sent: 1, money: 1 });
  });

  it('a CSV stays a CSV', () => {
    const text = '交易时间,交易类型,交易金额\n2025-03-02,消费,12.00\n2025-03-03,消费,13.00\n';
    expect(sniffFormat(new TextEncoder().encode(text), 'a.csv')).toBe('csv');
  });
});
