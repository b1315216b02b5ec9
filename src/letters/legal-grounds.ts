import { citedLaw, lawRefs } from '../channels/knowledge-base.js';
import type { KnowledgeBase } from '../channels/schema.js';
import { z } from 'zod';
import { citationSchema } from '../channels/schema.js';
import { FeeGuardError } from '../errors.js';
import { FINDING_CATEGORIES } from '../audit/model.js';
import data from './legal-grounds.json' with { type: 'json' };

/**
 * The rules a letter cites for the claim itself (not for the channel): no unposted fees, no
 * change without consent, unjust enrichment … Data with sources, like the channels.
 */
export const legalGroundSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    /** 《title》, or 《A》《B》 for a rule several laws make together. */
    title: z.string().min(1),
    /** 第…条; for several laws, one part per law in the order of `title`, separated by ；. */
    articles: z.string().min(1),
    /** The article's exact words, only when read in the text; letters then quote it in 「」. */
    quote: z.string().min(1).optional(),
    /** A plain summary, never printed as if it were the text: letters say "依据……的规定". */
    summary: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    providerTypes: z.array(z.enum(['bank', 'payment_institution'])).min(1),
    /** natural_persons: the rule protects natural persons only (e.g. "金融消费者"); never cited for a company. */
    protects: z.enum(['natural_persons', 'anyone']).default('anyone'),
    /**
     * Figures the rule sets, as data (the 2016 card-fee reform: rates in hundred-thousandths,
     * caps in fen), for whoever compares a statement with them.
     */
    facts: z
      .object({
        since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
        issuerDebitPer100k: z.number().int().positive(),
        issuerDebitCapFen: z.number().int().positive(),
        issuerCreditPer100k: z.number().int().positive(),
        networkPer100k: z.number().int().positive(),
        networkCapFen: z.number().int().positive(),
        acquirerFee: z.literal('market'),
      })
      .optional(),
    /** Only for claims in these categories; every claim when absent. */
    categories: z.array(z.enum(FINDING_CATEGORIES)).optional(),
    cite: citationSchema,
  })
  .refine((g) => g.title.split('》《').length === lawRefs(g.title, g.articles).length, {
    message: 'a ground citing several laws gives one part of articles per law, separated by ；',
    path: ['articles'],
  });
export type LegalGround = z.infer<typeof legalGroundSchema>;

const groundsFileSchema = z.object({ verifiedAt: z.string(), grounds: z.array(legalGroundSchema) });

const bundled = { grounds: null as readonly LegalGround[] | null };

export function defaultLegalGrounds(): readonly LegalGround[] {
  if (!bundled.grounds) {
    const parsed = groundsFileSchema.safeParse(data);
    if (!parsed.success) {
      throw new FeeGuardError(
        'FG_ERR_BAD_KNOWLEDGE_BASE',
        `legal-grounds.json: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`,
        { hint: 'fix src/letters/legal-grounds.json so it matches src/letters/legal-grounds.ts' },
      );
    }
    bundled.grounds = parsed.data.grounds;
  }
  return bundled.grounds;
}

/** The grounds that bear on a claim against this kind of provider for these categories. */
export function groundsFor(
  grounds: readonly LegalGround[],
  providerType: 'bank' | 'payment_institution' | 'unknown',
  categories: ReadonlySet<string>,
  complainant?: 'individual_consumer' | 'individual_merchant' | 'company',
): LegalGround[] {
  return grounds.filter(
    (g) =>
      // An unknown provider: only rules that bind banks and payment institutions alike.
      (providerType === 'unknown'
        ? g.providerTypes.includes('bank') && g.providerTypes.includes('payment_institution')
        : g.providerTypes.includes(providerType)) &&
      // A company is not a natural person; a 个体工商户 is (民法典 第五十四条).
      !(g.protects === 'natural_persons' && complainant === 'company') &&
      (g.categories === undefined || g.categories.some((c) => categories.has(c))),
  );
}

/**
 * A ground as a letter cites it: the exact words in 「」 when they were read in the text,
 * otherwise "依据……的规定" with the summary — a summary is never printed as the article. The
 * knowledge base gives the English titles: an English letter never names a law in Chinese alone.
 */
export function citeGround(
  g: LegalGround,
  lang: 'zh' | 'en',
  kb: Pick<KnowledgeBase, 'lawTitles'>,
): string {
  const law = citedLaw(kb, g.title, g.articles, lang);
  if (lang === 'en') return `Under ${law}: ${g.summary.en}`;
  return g.quote ? `${law}规定：「${g.quote}」` : `依据${law}的规定，${g.summary.zh}`;
}
