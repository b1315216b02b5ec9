import { describe, expect, it } from 'vitest';
import type { DocumentModel } from './model.js';
import { renderText } from './render-text.js';
import { sampleDeductions, sampleLetter, sampleLetterEn } from './testing.js';

/** A letter with a long table, as the composers make them. */
function letter(rows: number): DocumentModel {
  return {
    title: '投诉书',
    subtitle: '致：某某支付有限公司客户服务中心',
    language: 'zh-CN',
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '投诉人', value: '张丽' },
          { label: '被投诉人', value: '某某支付有限公司' },
        ],
      },
      { kind: 'heading', text: '一、请求事项' },
      {
        kind: 'list',
        ordered: true,
        items: ['退还未经本人同意扣取的费用共计 1,287.00 元。', '立即停止收取流量费。'],
      },
      { kind: 'heading', text: '二、事实与理由' },
      {
        kind: 'paragraph',
        text: '本人使用某某支付提供的收单服务。经逐笔核对，对方在本人未同意的情况下共扣取费用。本人从未签署或确认上述收费，也未收到任何通知。上述扣费没有合同依据，依法应予退还。',
      },
      {
        kind: 'table',
        columns: [{ title: '日期' }, { title: '类别' }, { title: '金额', align: 'right' }],
        rows: Array.from({ length: rows }, (_, i) => [
          `2025-${String((i % 12) + 1).padStart(2, '0')}-05`,
          '流量费',
          '99.00',
        ]),
        footer: ['合计', '', '1,287.00'],
      },
      { kind: 'note', text: '明细由扣费卫士根据对账单逐笔核对生成。' },
      { kind: 'signature', lines: ['投诉人（签名）：＿＿＿＿'], date: '2025年11月5日' },
    ],
  };
}

const chars = (text: string) => Array.from(text).length;

describe('renderText', () => {
  it('writes everything when there is no limit: every row, numbered demands, fields, the date', () => {
    const { text, truncated } = renderText(letter(13));
    expect(truncated).toBe(false);
    expect(text.startsWith('投诉书\n致：某某支付有限公司客户服务中心\n\n投诉人：张丽')).toBe(true);
    expect(text).toContain('1. 退还未经本人同意扣取的费用共计 1,287.00 元。');
    expect(text.match(/流量费 {2}99\.00/gu)).toHaveLength(13);
    expect(text).toContain('合计  1,287.00');
    expect(text).toContain('※ 明细由扣费卫士');
    expect(text.endsWith('2025年11月5日')).toBe(true);
  });

  it.each([200, 300, 500, 1000])(
    'fits a %i-character form without losing the total or the date',
    (max) => {
      const { text, truncated, chars: count } = renderText(letter(40), { maxChars: max });
      expect(count).toBeLessThanOrEqual(max);
      expect(chars(text)).toBe(count);
      expect(truncated).toBe(true);
      expect(text).toContain('投诉书');
      expect(text).toContain('1,287.00');
      expect(text).toContain('2025年11月5日');
      expect(text).toContain('共 40 笔，详见附件');
    },
  );

  it('keeps whole sentences when it cuts a paragraph', () => {
    const { text } = renderText(letter(40), { maxChars: 300 });
    const facts = text.split('\n').find((l) => l.startsWith('本人使用'));
    if (facts !== undefined) expect(facts.endsWith('。')).toBe(true);
  });

  it('cuts hard with an ellipsis only when even the parts it must keep are too long', () => {
    const { text, chars: count } = renderText(letter(3), { maxChars: 60 });
    expect(count).toBe(60);
    expect(text.endsWith('…')).toBe(true);
  });

  it('leaves a text that fits alone', () => {
    const full = renderText(letter(2));
    expect(renderText(letter(2), { maxChars: full.chars })).toEqual(full);
  });
});

describe('renderText on the sample letter', () => {
  it('writes every row, the header first and the total last, when there is no limit', () => {
    const { text, truncated } = renderText(sampleLetter());
    expect(truncated).toBe(false);
    const lines = text.split('\n');
    const header = lines.indexOf('日期  类别  金额（元）  说明');
    expect(header).toBeGreaterThan(0);
    sampleDeductions().forEach((d, i) => {
      expect(lines[header + 1 + i]).toBe(`${d.date}  ${d.zh}  ${d.amount}  未经同意`);
    });
    expect(lines[header + 26]).toBe('合计  1,287.00');
    expect(text).toContain('投诉人：张丽');
    expect(text).toContain('※ 明细由扣费卫士');
  });

  it.each([200, 500, 1000])(
    'fits %i characters, keeping the title, the parties, the demands, the total and the date',
    (max) => {
      const { text, truncated, chars: count } = renderText(sampleLetter(), { maxChars: max });
      expect(count).toBeLessThanOrEqual(max);
      expect(chars(text)).toBe(count);
      expect(truncated).toBe(true);
      for (const kept of [
        '投诉书',
        '投诉人：张丽',
        '被投诉人：某某支付有限公司',
        '一、请求事项',
        '1. 退还未经同意扣取的费用 1,287.00 元。',
        '……共 25 笔，详见附件',
        '合计  1,287.00',
        '2025年11月5日',
      ]) {
        expect(text).toContain(kept);
      }
      expect(text).not.toContain('…\n'.repeat(2));
      expect(text).not.toMatch(/\n\n/u);
    },
  );

  it('keeps more with more room', () => {
    const sizes = [200, 500, 1000].map(
      (max) => renderText(sampleLetter(), { maxChars: max }).chars,
    );
    expect(sizes[0]).toBeLessThan(sizes[1] ?? 0);
    expect(sizes[1]).toBeLessThan(sizes[2] ?? 0);
  });

  it('drops a heading whose section it had to cut away, but never the demands', () => {
    const { text } = renderText(sampleLetter(), { maxChars: 200 });
    expect(text).not.toContain('六、证据清单');
    expect(text).toContain('一、请求事项');
  });

  it('never goes over, whatever the limit', () => {
    for (let max = 0; max <= 1200; max += 7) {
      expect(renderText(sampleLetter(), { maxChars: max }).chars).toBeLessThanOrEqual(max);
      expect(renderText(sampleLetterEn(), { maxChars: max }).chars).toBeLessThanOrEqual(max);
    }
  });

  it('writes English with its own count line', () => {
    const { text } = renderText(sampleLetterEn(), { maxChars: 400 });
    expect(text).toContain('... 25 rows in all, see attachment');
    expect(text).toContain('Total  1,287.00');
    expect(text).toContain('Complainant: Zhang Li');
    expect(text.endsWith('5 November 2025')).toBe(true);
  });
});

describe('renderText when even the parts it must keep are too long', () => {
  it('cuts the middle hard and still ends with the signature and date', () => {
    const { text, chars: count, truncated } = renderText(sampleLetter(), { maxChars: 120 });
    expect(truncated).toBe(true);
    expect(count).toBeLessThanOrEqual(120);
    expect(text.startsWith('投诉书\n')).toBe(true);
    expect(text).toContain('…\n投诉人（签名）：＿＿＿＿\n2025年11月5日');
    expect(text.endsWith('2025年11月5日')).toBe(true);
  });
});
