import { FeeGuardError } from '../errors.js';
import data from './channels.json' with { type: 'json' };
import {
  knowledgeBaseSchema,
  type Channel,
  type Citation,
  type Confidence,
  type KnowledgeBase,
} from './schema.js';

/**
 * The channel knowledge base: `channels.json` validated against its schema. The file is data so a
 * reviewer can correct a hotline or a deadline, with its source and the date it was checked,
 * without touching code; the server stores an editable copy seeded from it.
 */
export function parseKnowledgeBase(raw: unknown, origin = 'channels.json'): KnowledgeBase {
  const parsed = knowledgeBaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new FeeGuardError(
      'FG_ERR_BAD_KNOWLEDGE_BASE',
      `${origin}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`,
      { hint: 'fix the entry so it matches src/channels/schema.ts (see docs/channels.md)' },
    );
  }
  const kb = parsed.data;
  const sourceKeys = new Set(kb.sources.map((s) => s.key));
  const ids = new Set<string>();
  for (const channel of kb.channels) {
    if (ids.has(channel.id)) {
      throw new FeeGuardError(
        'FG_ERR_BAD_KNOWLEDGE_BASE',
        `${origin}: channel id "${channel.id}" appears twice`,
        {
          hint: 'give every channel its own id',
        },
      );
    }
    ids.add(channel.id);
    for (const cite of citationsOf(channel)) {
      if (!sourceKeys.has(cite.source)) {
        throw new FeeGuardError(
          'FG_ERR_BAD_KNOWLEDGE_BASE',
          `${origin}: channel "${channel.id}" cites source "${cite.source}", which is not in "sources"`,
          { hint: 'add the source (key, title, where) or correct the key' },
        );
      }
    }
  }
  return kb;
}

const bundled = { kb: null as KnowledgeBase | null };

/** The knowledge base shipped with FeeGuard, validated once. */
export function defaultKnowledgeBase(): KnowledgeBase {
  bundled.kb ??= parseKnowledgeBase(data);
  return bundled.kb;
}

export function findChannel(kb: KnowledgeBase, id: string): Channel {
  const channel = kb.channels.find((c) => c.id === id);
  if (!channel) {
    throw new FeeGuardError('FG_ERR_UNKNOWN_CHANNEL', `no complaint channel "${id}"`, {
      hint: `use one of: ${kb.channels.map((c) => c.id).join(', ')} (feeguard channels lists them)`,
    });
  }
  return channel;
}

/** Every citation in a channel entry, wherever it sits. */
export function citationsOf(channel: Channel): Citation[] {
  return [
    ...channel.accepts.map((a) => a.cite),
    ...channel.contacts.map((c) => c.cite),
    ...channel.prerequisites.map((p) => p.cite),
    ...channel.legalBasis.map((l) => l.cite),
    ...(channel.deadline ? [channel.deadline.cite] : []),
  ];
}

const CONFIDENCE_ORDER: readonly Confidence[] = [
  'high',
  'medium',
  'inference',
  'low',
  'unverified',
];

/** The least certain of a set of citations: what the user must be warned about. */
export function weakest(cites: readonly Citation[]): Confidence {
  let worst = 0;
  for (const cite of cites) worst = Math.max(worst, CONFIDENCE_ORDER.indexOf(cite.confidence));
  return CONFIDENCE_ORDER[worst] ?? 'high';
}

/** Facts a user should check before relying on them: anything below medium confidence. */
export function needsVerification(cite: Citation): boolean {
  return (
    cite.confidence === 'low' || cite.confidence === 'unverified' || cite.confidence === 'inference'
  );
}
