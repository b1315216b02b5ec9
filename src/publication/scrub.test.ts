import { describe, expect, it } from 'vitest';
import { HANDWRITTEN, generateCorpus, type CorpusItem } from '../../test/fixtures/scrub-corpus.js';
import { scrubText } from './scrub.js';

/** Full-width to ASCII, and no spaces, dashes, dots or brackets: how a leak is looked for. */
function flat(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-–—.·()（）]/gu, '')
    .toLowerCase();
}

/** A Latin name is looked for as a word ("Li" is not in "terminal ID"); the rest anywhere. */
function leaked(scrubbed: string, out: string, value: string): boolean {
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/u.test(value)) {
    return new RegExp(`\\b${value.replace(' ', '\\s*')}\\b`, 'iu').test(scrubbed);
  }
  return out.includes(flat(value));
}

interface Leak {
  readonly id: string;
  readonly kind: string;
  readonly value: string;
  readonly text: string;
  readonly scrubbed: string;
}

function check(corpus: readonly CorpusItem[]) {
  const leaks: Leak[] = [];
  const lost: { id: string; value: string; scrubbed: string }[] = [];
  let planted = 0;
  for (const item of corpus) {
    const scrubbed = scrubText(item.text, item.known).text;
    const out = flat(scrubbed);
    for (const p of item.planted) {
      planted++;
      if (leaked(scrubbed, out, p.value)) {
        leaks.push({ id: item.id, kind: p.kind, value: p.value, text: item.text, scrubbed });
      }
    }
    for (const k of item.keep) {
      if (!scrubbed.includes(k)) lost.push({ id: item.id, value: k, scrubbed });
    }
  }
  return { leaks, lost, planted };
}

/** Words that look like names, numbers or places to a careless pattern, and are none. */
const ORDINARY = [
  '等了两个小时，客服说要48小时内回复。',
  '我和销售说过不要开通任何增值服务，向客服反映也没用。',
  '老师傅说这是常见的套路，老师也帮我打过电话。',
  '项目经理和安装师傅都说押金可以退。',
  '大堂经理让我找客户经理，客户经理又让我找代理商。',
  '金额总计99.00元，总共扣了3笔，每笔33.00元。',
  '小商户本来利润就低，老顾客都知道我们不容易。',
  '2024年3月5日扣了流量费¥1,234.56，2024-03-05的账单上写着服务费。',
  '我在广东省深圳市开店十年了，从来没遇到过这种事。',
  '鑫联支付的客服回复说，这笔押金要等90天才能退。',
  '机器是通过小程序申请的，到现在一张小票都没有。',
  '和我一起投诉的还有好几家商户，大家都被扣了年费。',
  '于是我向人民银行反映，希望能督促处理。',
  '高兴的是最后退了一半，另一半还在协商。',
  '安全起见我没有再刷卡，方便的话请尽快处理。',
  '常常在晚上十点以后才到账，明细里看不出扣了什么。',
  '中国银联、工商银行和拉卡拉支付都说不是他们扣的。',
  '费率从0.6%涨到0.78%，一个月多扣了200元。',
  '请在15个工作日内答复，逾期我将向12363投诉。',
  '白天店里忙，晚上才有时间对账。',
  '工作人员说会处理，技术员上门检查过，对接人也说是系统问题。',
  '地推说机器免费，农村的小店本来就没几笔生意，村里只有我一家用POS机。',
  '客服热线95516打了三次，工号1234的客服说要等。',
  '到账金额少了，明细显示“手续费（含流量费）”。',
  '今年1月到6月一共被扣了6次，每次都是月初。',
  'The provider charged a service fee of ¥99.00 on 2026-03-05 without consent.',
  'I called customer service twice and waited 2 hours.',
];

describe('the scrubbing corpus', () => {
  const generated = generateCorpus(20261201, 2400);

  it(`leaks nothing planted in ${String(generated.length)} generated narratives, and keeps what the public needs`, () => {
    const { leaks, lost, planted } = check(generated);
    console.log(
      `scrub corpus (generated): ${String(generated.length)} narratives, ${String(planted)} planted values, ${String(leaks.length)} leaks, ${String(lost.length)} kept values lost`,
    );
    expect(generated.length).toBeGreaterThanOrEqual(2000);
    expect(leaks.slice(0, 10)).toEqual([]);
    expect(lost.slice(0, 10)).toEqual([]);
  });

  it(`leaks nothing in ${String(HANDWRITTEN.length)} hand-written narratives`, () => {
    const { leaks, lost, planted } = check(HANDWRITTEN);
    console.log(
      `scrub corpus (hand-written): ${String(HANDWRITTEN.length)} narratives, ${String(planted)} planted values, ${String(leaks.length)} leaks, ${String(lost.length)} kept values lost`,
    );
    expect(HANDWRITTEN.length).toBeGreaterThanOrEqual(40);
    expect(leaks).toEqual([]);
    expect(lost).toEqual([]);
  });

  it('leaves no run of seven or more digits in any generated narrative', () => {
    const runs = generated
      .map((item) => ({ id: item.id, out: scrubText(item.text, item.known).text }))
      .filter(({ out }) => /\d(?: ?\d){6,}/u.test(out.replace(/[\uFF10-\uFF19]/gu, '0')));
    expect(runs.slice(0, 5)).toEqual([]);
  });

  it('leaves ordinary sentences alone: no placeholder where there is no personal data', () => {
    const touched = ORDINARY.map((text) => ({ text, out: scrubText(text).text })).filter(
      ({ text, out }) => out !== text,
    );
    expect(touched).toEqual([]);
  });

  it('makes the same corpus from the same seed', () => {
    expect(generateCorpus(7, 50)).toEqual(generateCorpus(7, 50));
    expect(generateCorpus(7, 50)).not.toEqual(generateCorpus(8, 50));
  });
});

describe('what the outside review found the scrubber missed (issue 14)', () => {
  it.each([
    ['他的手机一三八一二三四五六七八，请回电', '一三八'],
    ['打幺三八幺二三四五六七八找业务员', '幺三八'],
    ['一八六 零零零零 二二二二', '二二二二'],
    ['电话 +86 138 1234 5678 找他', '1234'],
    ['电话138 1234 5678', '5678'],
    ['电话138-1234-5678', '5678'],
    ['介绍人李四说会退款', '李四'],
    ['装机师傅王强说不知道', '王强'],
    ['经办人李四，业务员王五，代理商赵六，客户经理孙七都不接电话', '孙七'],
  ])('scrubs %s', (text, secret) => {
    const out = scrubText(text).text;
    expect(out).not.toContain(secret);
    if (secret === '孙七')
      for (const name of ['李四', '王五', '赵六']) expect(out).not.toContain(name);
  });

  it('keeps amounts and dates in Chinese numerals', () => {
    const text = '第一二三期扣了三十五元，十二月一日又扣两次';
    expect(scrubText(text).text).toBe(text);
  });
});
