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

  it('a message without its zero-width spaces and byte-order marks', async () => {
    expect(
      await messages(
        '\ufeff【甲银行】扣费提醒：已从结算款中扣除流\u200b量\u200b费９９．００元。\n----\n' +
          '【甲银行】扣收服\u2060务\u00ad费30.00元\u200b\n',
      ),
    ).toEqual([
      '【甲银行】扣费提醒：已从结算款中扣除流量费９９．００元。',
      '【甲银行】扣收服务费30.00元',
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

  it('an amount wrapped onto the next line (6507.57元…) continues its message, not a new one', async () => {
    expect(
      await messages(
        '【乐付】商户收款成功：2025年05月04日 21:02\n金额6546.85元，手续费39.28元。\n\n' +
          '您2025年5月5日的结算款\n6507.57元已出款至尾号6621。【乐付】\n\n' +
          '【乐付】2025年5月5日扣收流量费\n2025.10元\n',
      ),
    ).toEqual([
      '【乐付】商户收款成功：2025年05月04日 21:02\n金额6546.85元，手续费39.28元。',
      '您2025年5月5日的结算款\n6507.57元已出款至尾号6621。【乐付】',
      '【乐付】2025年5月5日扣收流量费\n2025.10元',
    ]);
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

  it('a phone backup: a UTC time stamp line above (or below) each message', async () => {
    expect(
      await messages(
        '2024-02-29T16:20:51Z  95516\n【甲】扣除流量费99.00元。\n\n' +
          '2024-03-01T02:08:13Z  95516\n【甲】今日10:08成功收款1512.88元，手续费9.08元。\n',
      ),
    ).toEqual([
      '2024-02-29T16:20:51Z  95516\n【甲】扣除流量费99.00元。',
      '2024-03-01T02:08:13Z  95516\n【甲】今日10:08成功收款1512.88元，手续费9.08元。',
    ]);
    expect(
      await messages(
        '【甲】扣除流量费99.00元。\n2024-02-29T16:20:51Z\n\n' +
          '【甲】收款1512.88元，手续费9.08元。\n2024-03-01T02:08:13+00:00\n',
      ),
    ).toEqual([
      '【甲】扣除流量费99.00元。\n2024-02-29T16:20:51Z',
      '【甲】收款1512.88元，手续费9.08元。\n2024-03-01T02:08:13+00:00',
    ]);
  });

  it('a tab- or comma-separated export of messages: each row one message, a header skipped', async () => {
    expect(
      await messages(
        '时间\t号码\t内容\n' +
          '2024-04-01T10:42:13+00:00\t95193\t【乙】您的商户今日成功收款1678.64元，手续费10.07元。\n' +
          '2024-04-01T17:37:37+00:00\t95193\t【乙】今日结算款5494.29元已到账，尾号7730。\n' +
          '2024-04-02T07:19:09+00:00\t95193\t【乙】您的商户今日成功收款1346.63元，手续费8.08元。\n' +
          '2024-04-03T07:19:09+00:00\t95193\t【乙】您的商户今日成功收款1346.63元，手续费8.08元。\n',
      ),
    ).toEqual([
      '2024-04-01T10:42:13+00:00 95193 【乙】您的商户今日成功收款1678.64元，手续费10.07元。',
      '2024-04-01T17:37:37+00:00 95193 【乙】今日结算款5494.29元已到账，尾号7730。',
      '2024-04-02T07:19:09+00:00 95193 【乙】您的商户今日成功收款1346.63元，手续费8.08元。',
      '2024-04-03T07:19:09+00:00 95193 【乙】您的商户今日成功收款1346.63元，手续费8.08元。',
    ]);
    expect(
      await messages(
        '2024-04-01 18:42,"ABC Pay","Payment received: RMB1,016.15, fee RMB6.10."\n'.repeat(4),
      ),
    ).toEqual(
      new Array(4).fill('2024-04-01 18:42 ABC Pay Payment received: RMB1,016.15, fee RMB6.10.'),
    );
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

  it('an export of messages (time stamp, sender, text) is SMS; a statement with a long 摘要 is not', () => {
    const row =
      '2024-04-01T10:42:13+00:00\t95193\t【乙】您的商户今日成功收款1678.64元，手续费10.07元。\n';
    expect(sniffFormat(new TextEncoder().encode(row.repeat(5)), 'a.txt')).toBe('sms');
    const statement =
      '2024-04-01 10:42:13\t1678.64\t【乙】您的商户今日成功收款1678.64元，手续费10.07元。\n';
    expect(sniffFormat(new TextEncoder().encode(statement.repeat(5)), 'a.txt')).toBe('csv');
  });
});
