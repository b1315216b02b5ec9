import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomFeed, nameUuid, xmlText } from './atom.js';

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const hostile = 'a <b> & "c" \'d\' \u0000\u0007\u000B\uFFFE\uD800 e\tf\ng 😀 ]]> </content>';

function feed(entries = 1) {
  return atomFeed({
    publicUrl: 'https://feeguard.example/x?y=1&z=2',
    title: `消费提示 ${hostile}`,
    subtitle: hostile,
    author: hostile,
    fallbackUpdated: '2026-11-25T02:00:00.000Z',
    entries: Array.from({ length: entries }, (_, i) => ({
      id: `00000000-0000-4000-8000-00000000000${String(i)}`,
      title: hostile,
      body: `${hostile}\n第二行`,
      publishedAt: '2026-11-25T02:00:00.123Z',
      updatedAt: `2026-11-25T0${String(3 + i)}:00:00.000Z`,
      link: `https://feeguard.example/public/alerts/${String(i)}?a=1&b=2`,
      categories: ['某 & 支付', '流量费'],
    })),
  });
}

describe('the Atom feed', () => {
  it('escapes markup and drops what XML 1.0 cannot carry', () => {
    expect(xmlText(hostile)).toBe(
      'a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;  e\tf\ng 😀 ]]&gt; &lt;/content&gt;',
    );
  });

  it('gives the feed a stable urn:uuid and each entry its alert id', () => {
    const id = nameUuid('https://feeguard.example/api/public/alerts.atom');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(nameUuid('https://feeguard.example/api/public/alerts.atom')).toBe(id);
    expect(nameUuid('https://other.example/api/public/alerts.atom')).not.toBe(id);
    const xml = feed(2);
    expect(xml).toContain('<id>urn:uuid:00000000-0000-4000-8000-000000000001</id>');
    // The feed changed when its newest entry did; times without milliseconds.
    expect(xml).toContain('<updated>2026-11-25T04:00:00Z</updated>');
    expect(xml).toContain('<published>2026-11-25T02:00:00Z</published>');
    expect(feed(0)).toContain('<updated>2026-11-25T02:00:00Z</updated>');
  });

  it.skipIf(!hasXmllint)('is well-formed XML whatever the text holds (xmllint)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-atom-'));
    for (const [name, xml] of [
      ['empty.atom', feed(0)],
      ['two.atom', feed(2)],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, xml);
      execFileSync('xmllint', ['--noout', file]);
      const title = execFileSync(
        'xmllint',
        ['--xpath', 'string(/*[local-name()="feed"]/*[local-name()="title"])', file],
        { encoding: 'utf8' },
      );
      expect(title.trim()).toBe(`消费提示 ${xmlTextDecoded()}`);
    }
  });
});

/** What a reader gets back from the escaped hostile text. */
function xmlTextDecoded(): string {
  return 'a <b> & "c" \'d\'  e\tf\ng 😀 ]]> </content>';
}
