import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { defaultKnowledgeBase, findChannel } from '../channels/knowledge-base.js';
import { defaultLegalGrounds } from '../letters/legal-grounds.js';
import { composeLetter } from '../letters/letter.js';
import { exampleCase } from '../letters/testing.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import { renderText } from './render-text.js';

it('look', async () => {
  const kb = defaultKnowledgeBase();
  const { caseFile, audit } = exampleCase();
  for (const language of ['zh', 'en'] as const) {
    const doc = composeLetter({ caseFile, audit, channel: findChannel(kb, 'pboc_12363'), filingType: 'complaint', kb, grounds: defaultLegalGrounds(), date: '2024-11-05', language });
    writeFileSync(`/tmp/fg/letter-${language}.json`, JSON.stringify(doc, null, 1));
    writeFileSync(`/tmp/fg/letter-${language}.pdf`, await renderPdf(doc));
    writeFileSync(`/tmp/fg/letter-${language}.docx`, await renderDocx(doc));
    writeFileSync(`/tmp/fg/letter-${language}.txt`, renderText(doc).text);
    for (const n of [200, 500, 1000]) writeFileSync(`/tmp/fg/letter-${language}-${n}.txt`, renderText(doc, { maxChars: n }).text);
  }
});
