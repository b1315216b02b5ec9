import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { apiError } from '../http/errors.js';

/**
 * Passwords are checked against zxcvbn-ts with its common-password dictionary (the most used
 * passwords from leaked lists, keyboard walks, repeats and sequences) and against the account's
 * own e-mail address and name. A score below 3 ("safely unguessable: moderate protection from an
 * offline slow-hash scenario") is refused.
 */
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export const MIN_SCORE = 3;

export function passwordProblem(
  password: string,
  account: { email: string; name?: string },
): string | null {
  const email = account.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  if (password.trim().length < 8) return 'the password needs 8 characters other than spaces';
  const lowered = password.trim().toLowerCase();
  if (lowered.includes(email) || lowered === local) {
    return 'the password contains the e-mail address';
  }
  const inputs = [email, local, ...(account.name ? [account.name] : [])];
  const result = zxcvbn.check(password, inputs);
  if (result.score < MIN_SCORE) {
    return 'the password is too common or too easy to guess';
  }
  return null;
}

/** Throws FG_ERR_WEAK_PASSWORD when the password would be among the first guesses. */
export function checkPassword(password: string, account: { email: string; name?: string }): void {
  const problem = passwordProblem(password, account);
  if (problem) {
    throw apiError(
      'FG_ERR_WEAK_PASSWORD',
      problem,
      'use a longer password that is not a common one, your e-mail or your name, e.g. a few unrelated words',
    );
  }
}
