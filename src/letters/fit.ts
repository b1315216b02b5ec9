import type { Channel } from '../channels/schema.js';
import { renderText } from '../documents/render-text.js';
import { composeLetter, type LetterInput } from './letter.js';

/**
 * The plain-text letter for an online form. A form's limit counts only when the knowledge base
 * gives its source; then a letter over it is not cut but REWRITTEN: the short version keeps the
 * requests, the amount, the dates per category and the legal basis, and drops the table and the
 * evidence list (the full letter goes as an attachment); if even that is too long, the minimal
 * version leaves out the merchant's account and earlier attempts. Only a limit below the minimal
 * version is met by dropping whole sentences, and then `truncated` says so.
 */
export interface FittedLetter {
  readonly text: string;
  readonly chars: number;
  /** The limit applied (sourced, or given by the user), if any. */
  readonly limit: number | undefined;
  readonly version: 'full' | 'short' | 'minimal';
  /** Sentences had to be left out even from the minimal version. */
  readonly truncated: boolean;
}

/** A channel's form limit, when its source is known; otherwise none. */
export function sourcedFormLimit(channel: Channel): number | undefined {
  return channel.formLimits?.cite ? channel.formLimits.maxChars : undefined;
}

export function fitLetterText(input: LetterInput, limit: number | undefined): FittedLetter {
  const full = renderText(composeLetter(input));
  if (limit === undefined || full.chars <= limit) {
    return { text: full.text, chars: full.chars, limit, version: 'full', truncated: false };
  }
  const short = renderText(composeLetter({ ...input, short: true }), { maxChars: limit });
  if (!short.truncated) {
    return { text: short.text, chars: short.chars, limit, version: 'short', truncated: false };
  }
  const minimal = renderText(composeLetter({ ...input, short: true, minimal: true }), {
    maxChars: limit,
  });
  return {
    text: minimal.text,
    chars: minimal.chars,
    limit,
    version: 'minimal',
    truncated: minimal.truncated,
  };
}
