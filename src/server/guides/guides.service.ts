import { defaultLexicon, type Lexicon } from '../../audit/lexicon/lexicon.js';
import type { KnowledgeBase } from '../../channels/schema.js';
import { buildGuides, type Guide } from '../../guides/guides.js';
import { defaultLegalGrounds } from '../../letters/legal-grounds.js';
import { knowledgeBase } from '../channels/channels.service.js';
import type { ServerDeps } from '../deps.js';
import { apiError } from '../http/errors.js';

/**
 * The guides as they stand now: built from the knowledge base the database holds (so an admin's
 * edit shows at once), the audit lexicon and the legal grounds. Anyone may read them: there is no
 * caller to check. The knowledge base is a new object whenever any instance edited it, so guides
 * are kept per knowledge-base object and rebuilt only after an edit.
 */
const built = new WeakMap<KnowledgeBase, Guide[]>();
const lexicon = { compiled: null as Lexicon | null };

export async function currentGuides(deps: ServerDeps): Promise<Guide[]> {
  const kb = await knowledgeBase(deps.db);
  const cached = built.get(kb);
  if (cached) return cached;
  lexicon.compiled ??= defaultLexicon();
  const guides = buildGuides({ kb, lexicon: lexicon.compiled, grounds: defaultLegalGrounds() });
  built.set(kb, guides);
  return guides;
}

export async function guideBySlug(deps: ServerDeps, slug: string): Promise<Guide> {
  const guides = await currentGuides(deps);
  const guide = guides.find((g) => g.slug === slug);
  if (!guide) {
    throw apiError(
      'FG_ERR_NOT_FOUND',
      `no guide "${slug}"`,
      `use one of: ${guides.map((g) => g.slug).join(', ')}`,
    );
  }
  return guide;
}
