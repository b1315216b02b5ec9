import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../audit/lexicon/lexicon.js';
import type { CaseFile } from '../cases/case-file.js';
import { planInputOf } from '../cases/case-input.js';
import { describeChannel } from '../channels/describe.js';
import { defaultKnowledgeBase } from '../channels/knowledge-base.js';
import { chinaCalendar } from '../deadlines/calendar.js';
import { buildGuides } from '../guides/guides.js';
import { composeCallScript } from '../letters/call-script.js';
import { defaultLegalGrounds } from '../letters/legal-grounds.js';
import { composeLetter } from '../letters/letter.js';
import { documentText, exampleCase } from '../letters/testing.js';
import { describePlan } from './describe.js';
import { planCase, type Plan } from './plan.js';
import { defaultPlanPolicy } from './policy.js';

/**
 * No internal word reaches a merchant: no source key (S-PBC5, N-JIEMIAN-BINGZHENG …), no English
 * confidence label in Chinese text, no raw channel id — in plans, letters, call scripts and
 * guides, in both languages.
 */
const kb = defaultKnowledgeBase();
const grounds = defaultLegalGrounds();
const policy = defaultPlanPolicy();
const calendar = chinaCalendar();
const example = exampleCase();

const SOURCE_KEYS = kb.sources.map((s) => s.key);
const CHANNEL_IDS = kb.channels.map((c) => c.id);
const ENGLISH_CONFIDENCE = /\b(high|medium|low|inference|unverified|verify)\b|from memory/iu;

function problems(text: string, lang: 'zh' | 'en'): string[] {
  const found: string[] = [];
  for (const key of SOURCE_KEYS) {
    if (new RegExp(`(^|[^A-Za-z0-9-])${key}([^A-Za-z0-9-]|$)`, 'u').test(text)) found.push(key);
  }
  // Ids that are plain English words (press, arbitration) only count in Chinese text.
  for (const id of CHANNEL_IDS) {
    if ((lang === 'zh' || id.includes('_')) && text.includes(id)) found.push(id);
  }
  if (lang === 'zh') {
    const m = ENGLISH_CONFIDENCE.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}

/** Merchant-facing strings of a plan (its data, as the web page shows it). */
function planStrings(plan: Plan, lang: 'zh' | 'en'): string {
  const out: string[] = [plan.headline[lang], ...plan.warnings.map((w) => w[lang])];
  if (plan.question) out.push(plan.question[lang]);
  for (const s of [...plan.ladder, ...plan.parallel]) {
    out.push(s.name[lang], s.why[lang], s.when[lang], ...s.verify.map((v) => v[lang]));
    if (s.tradeOffs) out.push(s.tradeOffs[lang]);
    for (const p of s.answerDue?.procedures ?? []) {
      out.push(p.what[lang], p.startEvent[lang], p.summary[lang], p.source);
    }
    for (const n of s.alternativeNames ?? []) out.push(n[lang]);
  }
  return out.join('\n');
}

const variants: { name: string; caseFile: CaseFile }[] = [
  { name: 'the worked example', caseFile: example.caseFile },
  {
    name: 'a company against a bank with an arbitration clause',
    caseFile: {
      ...example.caseFile,
      complainant: { ...example.caseFile.complainant, type: 'company' },
      respondent: { name: '中国工商银行股份有限公司杭州分行', type: 'bank', province: '浙江' },
      arbitrationAgreement: true,
      history: [],
    },
  },
  {
    name: 'an unknown provider type',
    caseFile: {
      ...example.caseFile,
      respondent: { name: '鑫联科技有限公司', type: 'unknown' },
      history: [],
    },
  },
];

describe('no internal words in front of merchants', () => {
  for (const { name, caseFile } of variants) {
    it(`plans, letters and call scripts: ${name}`, () => {
      const plan = planCase(
        planInputOf(caseFile, example.audit, '2026-12-04'),
        kb,
        calendar,
        policy,
      );
      for (const lang of ['zh', 'en'] as const) {
        expect(problems(describePlan(plan, lang), lang), `plan text ${lang}`).toEqual([]);
        expect(problems(planStrings(plan, lang), lang), `plan data ${lang}`).toEqual([]);
        for (const step of [...plan.ladder, ...plan.parallel]) {
          const channel = kb.channels.find((c) => c.id === step.channel);
          if (!channel) throw new Error(step.channel);
          const letter = composeLetter({
            caseFile,
            audit: example.audit,
            channel,
            filingType: step.filingType,
            kb,
            grounds,
            date: '2026-12-04',
            language: lang,
          });
          expect(problems(documentText(letter), lang), `${step.channel} letter ${lang}`).toEqual(
            [],
          );
          const script = composeCallScript({
            caseFile,
            audit: example.audit,
            channel,
            kb,
            date: '2026-12-04',
            language: lang,
          });
          expect(problems(documentText(script), lang), `${step.channel} script ${lang}`).toEqual(
            [],
          );
        }
      }
    });
  }

  it('the guides, in both languages', () => {
    const guides = buildGuides({ kb, lexicon: defaultLexicon(), grounds });
    for (const guide of guides) {
      for (const lang of ['zh', 'en'] as const) {
        const text = [
          guide.title[lang],
          guide.summary[lang],
          ...guide.sections.flatMap((s) => [
            s.heading[lang],
            ...s.paragraphs.map((p) => p[lang]),
            ...s.facts.flatMap((f) => [f.label[lang], f.value[lang], f.source?.title[lang] ?? '']),
          ]),
        ].join('\n');
        expect(problems(text, lang), `${guide.slug} ${lang}`).toEqual([]);
      }
    }
  });

  it('a channel described in Chinese shows 已核实/待核实, never the confidence word', () => {
    for (const channel of kb.channels) {
      const text = describeChannel(channel, kb, 'zh').replace(`(${channel.id})`, '');
      expect(problems(text, 'zh'), channel.id).toEqual([]);
    }
  });
});
