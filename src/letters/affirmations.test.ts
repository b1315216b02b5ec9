import { describe, expect, it } from 'vitest';
import type { Affirmations, Answer, CaseFile } from '../cases/case-file.js';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { composeCallScript } from './call-script.js';
import { defaultLegalGrounds } from './legal-grounds.js';
import { composeLetter } from './letter.js';
import { documentText, exampleCase } from './testing.js';

const kb = defaultKnowledgeBase();
const grounds = defaultLegalGrounds();
const example = exampleCase();
const CHANNELS = [
  'payment_institution_customer_service',
  'pboc_12363',
  'samr_12315',
  'court_small_claims',
  'press',
];
const ANSWERS: readonly (Answer | undefined)[] = [undefined, 'yes', 'no', 'unsure'];

interface Combination {
  signed: Answer | undefined;
  told: Answer | undefined;
  confirmed: Answer | undefined;
  deposit: Answer | undefined;
  contacted: Answer | undefined;
  noticed: boolean;
}

function* combinations(): Generator<Combination> {
  for (const signed of ANSWERS)
    for (const told of ANSWERS)
      for (const confirmed of ANSWERS)
        for (const deposit of ANSWERS)
          for (const contacted of [undefined, 'yes', 'no'] as const)
            for (const noticed of [false, true])
              yield { signed, told, confirmed, deposit, contacted, noticed };
}

function caseWith(c: Combination): CaseFile {
  const affirmations: Affirmations = {
    ...(c.signed ? { signedAgreement: c.signed } : {}),
    ...(c.told ? { toldOfChange: c.told } : {}),
    ...(c.confirmed ? { confirmedChange: c.confirmed } : {}),
    ...(c.contacted ? { contactedAnyone: c.contacted } : {}),
    agreementTerms: c.deposit ? [{ category: 'deposit', provides: c.deposit }] : [],
    contacts: c.contacted === 'yes' ? [{ whom: '代理商业务员', date: '2024-10-09' }] : [],
  };
  // The example's own account and noticed date are left out: only the answers speak.
  const rest: CaseFile = { ...example.caseFile, affirmations };
  delete rest.noticedAt;
  delete rest.narrative;
  return { ...rest, ...(c.noticed ? { noticedAt: '2024-10-08' } : {}) };
}

/**
 * Each assertion a letter or script can make about the facts, and the answers that allow it.
 * The example's disputed deductions include a deposit, so a "no" about the deposit term denies
 * consent to a disputed fee.
 */
const ASSERTIONS: readonly {
  what: string;
  pattern: RegExp;
  allowed: (c: Combination) => boolean;
}[] = [
  {
    what: 'never signed an agreement',
    pattern: /从未与.*签署|从来没有签|never signed an acquiring/u,
    allowed: (c) => c.signed === 'no',
  },
  {
    what: 'signed an agreement',
    pattern:
      /^(?!.*(从未|记不清)).*签署过收单服务协议|(?<!never )signed an acquiring agreement with/u,
    allowed: (c) => c.signed === 'yes',
  },
  {
    what: 'does not remember signing',
    pattern: /记不清是否签署/u,
    allowed: (c) => c.signed === 'unsure',
  },
  {
    what: 'never told of a change',
    pattern: /从未收到|从来没有收到|never received any notice/u,
    allowed: (c) => c.told === 'no',
  },
  {
    what: 'never confirmed',
    pattern: /从未以签字|从来没有确认|never confirmed/u,
    allowed: (c) => c.confirmed === 'no',
  },
  {
    what: 'the agreement says nothing of the deposit',
    pattern: /没有关于押金\/激活费的约定/u,
    allowed: (c) => c.deposit === 'no' && c.signed !== 'no',
  },
  {
    what: 'the agreement provides for the deposit',
    pattern: /协议中约定了押金/u,
    allowed: (c) => c.deposit === 'yes' && c.signed !== 'no',
  },
  {
    what: 'when the deductions were noticed',
    pattern: /发现上述扣款/u,
    allowed: (c) => c.noticed,
  },
  {
    what: 'whom the merchant contacted',
    pattern: /联系过代理商业务员/u,
    allowed: (c) => c.contacted === 'yes',
  },
  {
    what: 'the charges were taken without the merchant’s consent',
    pattern:
      /未经本人同意|在本人未同意|在我没有同意|未经同意的扣费|未经同意扣费共计|without my consent/u,
    allowed: (c) => c.signed === 'no' || c.confirmed === 'no' || c.deposit === 'no',
  },
];

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？\n])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

describe('letters and call scripts assert only what the merchant affirmed', () => {
  it('for every combination of answers, every sentence about the facts was affirmed, and every "no" is said', () => {
    let checked = 0;
    let i = 0;
    for (const combination of combinations()) {
      const caseFile = caseWith(combination);
      const channel = findChannel(kb, CHANNELS[i++ % CHANNELS.length] ?? '');
      const letter = documentText(
        composeLetter({
          caseFile,
          audit: example.audit,
          channel,
          filingType:
            channel.accepts.find((a) => a.party === caseFile.complainant.type)?.as ?? 'complaint',
          kb,
          grounds,
          date: '2024-11-05',
          language: 'zh',
          short: i % 2 === 0,
        }),
      );
      const script = documentText(
        composeCallScript({
          caseFile,
          audit: example.audit,
          channel: findChannel(kb, 'payment_institution_customer_service'),
          kb,
          date: '2024-11-05',
          language: i % 3 === 0 ? 'en' : 'zh',
        }),
      );
      for (const text of [letter, script]) {
        expect(text).not.toContain('本人从未签署、确认或以其他方式同意');
        for (const sentence of sentences(text)) {
          for (const assertion of ASSERTIONS) {
            if (assertion.pattern.test(sentence) && !assertion.allowed(combination)) {
              throw new Error(
                `"${sentence}" asserts ${assertion.what}, not affirmed in ${JSON.stringify(combination)}`,
              );
            }
          }
          checked++;
        }
      }
      // What was affirmed is said.
      if (combination.signed === 'no') expect(letter).toMatch(/从未与.*签署过收单服务协议/u);
      if (combination.told === 'no') expect(letter).toContain('从未收到过收费公示或收费变更的通知');
      if (combination.confirmed === 'no') expect(letter).toContain('从未以签字');
      if (combination.noticed) expect(letter).toContain('于2024年10月8日发现上述扣款');
      if (combination.contacted === 'yes') expect(letter).toContain('联系过代理商业务员');
    }
    expect(i).toBe(4 * 4 * 4 * 4 * 3 * 2);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('without any answer the letter hedges: 据我所知, no basis in the agreement', () => {
    const caseFile = caseWith({
      signed: undefined,
      told: undefined,
      confirmed: undefined,
      deposit: undefined,
      contacted: undefined,
      noticed: false,
    });
    const channel = findChannel(kb, 'payment_institution_customer_service');
    const text = documentText(
      composeLetter({
        caseFile,
        audit: example.audit,
        channel,
        filingType: 'complaint',
        kb,
        grounds,
        date: '2024-11-05',
        language: 'zh',
      }),
    );
    expect(text).toContain('据我所知，上述扣费没有约定依据，依法应予退还。');
    expect(text).toContain('退还没有约定依据的扣费共计 159.00 元。');
    expect(text).toContain('三、争议扣费明细');
  });
});
