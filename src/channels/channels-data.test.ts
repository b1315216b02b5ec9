import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knowledgeBaseSchema } from './schema.js';
import type { Channel, KnowledgeBase } from './schema.js';

const raw = readFileSync(new URL('./channels.json', import.meta.url), 'utf8');
const data: unknown = JSON.parse(raw);
const kb: KnowledgeBase = knowledgeBaseSchema.parse(data);

const EXPECTED_IDS = [
  'bank_customer_service',
  'payment_institution_customer_service',
  'pboc_12363',
  'nfra_12378',
  'samr_12315',
  'consumer_association',
  'pcac_report',
  'unionpay_95516',
  'financial_mediation',
  'arbitration',
  'court_small_claims',
  'black_cat_complaints',
  'press',
] as const;

/** Channels whose contact point is necessarily generic (the court, the arbitration body …). */
const MAY_HAVE_NO_CONTACTS = new Set([
  'court_small_claims',
  'arbitration',
  'financial_mediation',
  'press',
]);

function channel(id: string): Channel {
  const found = kb.channels.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no channel ${id}`);
  return found;
}

interface FoundCitation {
  path: string;
  source: unknown;
  confidence: unknown;
}

/** Every object carrying a `confidence` field, anywhere in the raw JSON. */
function citations(value: unknown, path = '$'): FoundCitation[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, `${path}[${String(i)}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own: FoundCitation[] =
    'confidence' in record ? [{ path, source: record.source, confidence: record.confidence }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, v]) => citations(v, `${path}.${key}`))];
}

/** Every string value in the raw JSON. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap(strings);
}

describe('channels.json', () => {
  it('matches the knowledge-base schema', () => {
    expect(knowledgeBaseSchema.safeParse(data).success).toBe(true);
    expect(kb.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has unique channel ids and unique source keys', () => {
    const ids = kb.channels.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = kb.sources.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has every channel the route planner expects', () => {
    const ids = kb.channels.map((c) => c.id);
    for (const id of EXPECTED_IDS) expect(ids).toContain(id);
  });

  it('cites only sources listed in `sources`', () => {
    const keys = new Set(kb.sources.map((s) => s.key));
    const found = citations(data);
    expect(found.length).toBeGreaterThan(0);
    const unknown = found.filter((c) => typeof c.source !== 'string' || !keys.has(c.source));
    expect(unknown).toEqual([]);
  });

  it('gives a contact point for every channel except the generic ones', () => {
    for (const c of kb.channels) {
      if (MAY_HAVE_NO_CONTACTS.has(c.id)) continue;
      expect(c.contacts.length, c.id).toBeGreaterThan(0);
    }
  });

  it('lists each party at most once per channel', () => {
    for (const c of kb.channels) {
      const parties = c.accepts.map((a) => a.party);
      expect(new Set(parties).size, c.id).toBe(parties.length);
    }
  });

  it('accepts a company at 12363 only as an inference', () => {
    const companies = channel('pboc_12363').accepts.filter((a) => a.party === 'company');
    for (const a of companies) expect(a.cite.confidence).toBe('inference');
  });

  it('takes an individual merchant at 12315 only as a report', () => {
    const merchants = channel('samr_12315').accepts.filter(
      (a) => a.party === 'individual_merchant',
    );
    expect(merchants.length).toBeGreaterThan(0);
    for (const a of merchants) expect(a.as).toBe('report');
  });

  it('keeps the consumer association for consumers only', () => {
    const parties = channel('consumer_association').accepts.map((a) => a.party);
    expect(parties).toEqual(['individual_consumer']);
  });

  it('routes only bank complaints to 12378', () => {
    expect(channel('nfra_12378').against).toEqual(['bank']);
  });

  it('never calls 12363 a round-the-clock line', () => {
    const roundTheClock = /24\s*(小时|h\b|-?hour)|全天候/i;
    const offending = strings(data).filter((s) => s.includes('12363') && roundTheClock.test(s));
    expect(offending).toEqual([]);
    for (const contact of channel('pboc_12363').contacts) {
      expect(contact.hours ?? '').not.toMatch(roundTheClock);
    }
  });

  it('keeps unverified contact details marked as such', () => {
    const site = channel('samr_12315').contacts.find((c) => c.value.includes('12315.cn'));
    expect(site?.cite.confidence).toBe('unverified');
  });

  it('writes Chinese as real characters, not \\u escapes', () => {
    expect(raw).not.toMatch(/\\u[0-9a-fA-F]{4}/);
  });

  it('every source and every law a channel or a legal ground cites has an English title', async () => {
    const { defaultLegalGrounds } = await import('../letters/legal-grounds.js');
    const { lawTitle } = await import('./knowledge-base.js');
    for (const source of kb.sources) expect(source.titleEn, source.key).toBeTruthy();
    const titles = [
      ...kb.channels.flatMap((c) => [
        ...c.legalBasis.map((l) => l.title),
        ...c.procedures.map((p) => p.article.title),
      ]),
      ...defaultLegalGrounds().map((g) => g.title),
    ];
    for (const title of new Set(titles)) {
      expect(lawTitle(kb, title, 'en'), title).toMatch(/^[A-Z][^\p{Script=Han}]* \(/u);
      expect(lawTitle(kb, title, 'zh')).toBe(title);
    }
  });
});
