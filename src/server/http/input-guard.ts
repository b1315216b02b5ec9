import type { FastifyInstance } from 'fastify';
import { apiError } from './errors.js';

/** Longest name (of a person, shop, provider, organization or file) anything accepts. */
export const MAX_NAME_LENGTH = 200;

/** Keys whose values are names: name, businessName, providerName, fileName … */
const NAME_KEY = /(?:^|[a-z])(?:name|Name)$/u;

/**
 * What no request may carry, whatever route it goes to: a NUL character in any text (PostgreSQL
 * refuses it in text columns, so it failed with a 500 deep inside; nobody types one) and a name
 * longer than 200 characters. Both get a 400 saying what is wrong and where.
 */
export function problemIn(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return `${path || 'the text'} contains a NUL character (\\u0000)`;
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = problemIn(item, `${path}[${String(i)}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const where = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return `${where} contains a NUL character (\\u0000)`;
      if (typeof item === 'string' && NAME_KEY.test(key) && item.length > MAX_NAME_LENGTH) {
        return `${where} is ${String(item.length)} characters long; names may have at most ${String(MAX_NAME_LENGTH)}`;
      }
      const found = problemIn(item, where);
      if (found) return found;
    }
  }
  return null;
}

export function checkFileName(fileName: string): void {
  if (fileName.includes('\u0000') || fileName.length > MAX_NAME_LENGTH) {
    throw apiError(
      'FG_ERR_VALIDATION',
      fileName.includes('\u0000')
        ? 'the file name contains a NUL character (\\u0000)'
        : `the file name is ${String(fileName.length)} characters long; at most ${String(MAX_NAME_LENGTH)}`,
      'rename the file and upload it again',
    );
  }
}

export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const found =
      problemIn(request.query, 'query') ??
      problemIn(request.params, 'path') ??
      (request.isMultipart() ? null : problemIn(request.body, 'body'));
    if (found) {
      done(
        apiError(
          'FG_ERR_VALIDATION',
          found,
          'remove the control character or shorten the name, then send it again',
        ),
      );
      return;
    }
    done();
  });
}
