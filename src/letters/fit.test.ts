import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { fitLetterText, sourcedFormLimit } from './fit.js';
import { defaultLegalGrounds } from './legal-grounds.js';
import type { LetterInput } from './letter.js';
import { exampleCase } from './testing.js';

const kb = defaultKnowledgeBase();
const { caseFile, audit } = exampleCase();

function input(channelId: string, language: 'zh' | 'en' = 'zh'): LetterInput {
  const channel = findChannel(kb, channelId);
  return {
    caseFile,
    audit,
    channel,
    filingType:
      channel.accepts.find((a) => a.party === caseFile.complainant.type)?.as ?? 'complaint',
    kb,
    grounds: defaultLegalGrounds(),
    date: '2024-11-05',
    language,
  };
}

/** The section headings of a text letter, in order: 一、… 二、… */
function headings(text: string): string[] {
  return text.split('\n').filter((l) => /^[一二三四五六七八九十]、/u.test(l));
}

describe('fitting a letter to an online form', () => {
  it('a limit without a source is no limit: the 12315 letter is whole', () => {
    const channel = findChannel(kb, 'samr_12315');
    expect(channel.formLimits?.maxChars).toBe(500);
    expect(sourcedFormLimit(channel)).toBeUndefined();
    const fitted = fitLetterText(input('samr_12315'), sourcedFormLimit(channel));
    expect(fitted.version).toBe('full');
    expect(fitted.text).toContain('一、举报事项');
    expect(fitted.text).toContain('四、请对方说明依据的扣款');
    expect(fitted.text).toContain('五、法律依据');
    expect(fitted.text).toContain('六、证据清单');
  });

  it('a sourced limit is met by rewriting: requests, amount, dates and legal basis stay, sections run without gaps', () => {
    const channel = findChannel(kb, 'samr_12315');
    const sourced = {
      ...channel,
      formLimits: {
        maxChars: 900,
        cite: { source: 'S-TEST', confidence: 'high' as const, verifiedAt: '2026-12-04' },
      },
    };
    expect(sourcedFormLimit(sourced)).toBe(900);
    const fitted = fitLetterText({ ...input('samr_12315'), channel: sourced }, 900);
    expect(fitted.version).not.toBe('full');
    expect(fitted.truncated).toBe(false);
    expect(fitted.chars).toBeLessThanOrEqual(900);
    expect(headings(fitted.text)).toEqual(['一、举报事项', '二、事实与理由', '三、法律依据']);
    expect(fitted.text).toContain('159.00 元');
    expect(fitted.text).toContain('2024-09-05');
    expect(fitted.text).toContain('2024-09-25');
    expect(fitted.text).toContain('《中华人民共和国价格法》');
    expect(fitted.text).toContain('依法调查鑫联支付有限公司');
    expect(fitted.text).not.toContain('…');
  });

  it.each([500, 700, 1000, 1500])(
    'at %i characters the letter keeps its requests, amount and basis, and never prints the full ID number',
    (max) => {
      const fitted = fitLetterText(input('samr_12315'), max);
      expect(fitted.chars).toBeLessThanOrEqual(max);
      expect(fitted.text).toContain('举报事项');
      expect(fitted.text).toContain('159.00 元');
      expect(fitted.text).toContain('法律依据');
      expect(fitted.text).not.toContain('110101199001011234');
      if (fitted.text.includes('身份证号码')) expect(fitted.text).toContain('1101**********1234');
      // Below what the minimal version needs, whole legal-basis lines go last, never the amount or dates.
      expect(fitted.truncated).toBe(max < 700);
      expect(fitted.text).toContain('2024-09-05');
      expect(fitted.text).toContain('2024-09-25');
      expect(fitted.text).toContain('《非银行支付机构监督管理条例》');
      const numbers = headings(fitted.text).map((h) => h.slice(0, 1));
      expect(numbers).toEqual(['一', '二', '三', '四', '五', '六'].slice(0, numbers.length));
    },
  );
});
