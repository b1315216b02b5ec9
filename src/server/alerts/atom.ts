import { createHash } from 'node:crypto';

/**
 * Atom 1.0 (RFC 4287) for published consumer alerts. Plain strings in, one XML document out:
 * every text is escaped, and characters XML 1.0 cannot carry (control characters, lone
 * surrogates) are dropped, so whatever a reviewer typed, the feed stays well-formed.
 */

export interface AtomEntry {
  /** The alert id (a UUID): the entry id is urn:uuid:<id>, stable across edits and hosts. */
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly publishedAt: string;
  readonly updatedAt: string;
  readonly link: string;
  readonly categories: readonly string[];
}

export interface AtomFeed {
  /** Where the public pages live (PUBLIC_URL), without a trailing slash. */
  readonly publicUrl: string;
  readonly title: string;
  readonly subtitle: string;
  readonly author: string;
  readonly entries: readonly AtomEntry[];
  /** When the feed changed: the newest entry, or `fallbackUpdated` when there is none. */
  readonly fallbackUpdated: string;
}

// Tab, newline, carriage return and everything from U+0020 except surrogates and U+FFFE/FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** A UUID (version 5 layout) from a name: the same deployment always gets the same feed id. */
export function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`feeguard-alerts:${name}`).digest('hex').slice(0, 32);
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(18, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** RFC 3339 as RFC 4287 wants it, from an ISO timestamp. */
function stamp(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

export function atomFeed(feed: AtomFeed): string {
  const self = `${feed.publicUrl}/api/public/alerts.atom`;
  const updated = feed.entries.reduce(
    (latest, e) => (e.updatedAt > latest ? e.updatedAt : latest),
    feed.entries.length > 0 ? '' : feed.fallbackUpdated,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>urn:uuid:${nameUuid(self)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <subtitle>${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${stamp(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${feed.publicUrl}/public/alerts`)}"/>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>urn:uuid:${xmlText(entry.id)}</id>`,
      `    <title type="text">${xmlText(entry.title)}</title>`,
      `    <published>${stamp(entry.publishedAt)}</published>`,
      `    <updated>${stamp(entry.updatedAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
      ...entry.categories.map((c) => `    <category term="${xmlText(c)}"/>`),
      `    <content type="text">${xmlText(entry.body)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
