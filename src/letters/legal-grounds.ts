import { z } from 'zod';
import { citationSchema } from '../channels/schema.js';
import { FeeGuardError } from '../errors.js';
import { FINDING_CATEGORIES } from '../audit/model.js';
import data from './legal-grounds.json' with { type: 'json' };

/**
 * The rules a letter cites for the claim itself (not for the channel): no unposted fees, no
 * change without consent, unjust enrichment … Data with sources, like the channels.
 */
export const legalGroundSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  title: z.string().min(1),
  articles: z.string().min(1),
  point: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  providerTypes: z.array(z.enum(['bank', 'payment_institution'])).min(1),
  /** Only for claims in these categories; every claim when absent. */
  categories: z.array(z.enum(FINDING_CATEGORIES)).optional(),
  cite: citationSchema,
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
  providerType: 'bank' | 'payment_institution',
  categories: ReadonlySet<string>,
): LegalGround[] {
  return grounds.filter(
    (g) =>
      g.providerTypes.includes(providerType) &&
      (g.categories === undefined || g.categories.some((c) => categories.has(c))),
  );
}
