import type { FastifyServerOptions } from 'fastify';

/**
 * Personal data never reaches the logs: phone, ID and card numbers are masked wherever they
 * appear in a logged string, and cookies, tokens and passwords are dropped by path.
 */
const PATTERNS: readonly [RegExp, (match: string) => string][] = [
  // 18-character resident ID numbers.
  [
    /\b\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]\b/gu,
    (m) => `${m.slice(0, 3)}***************`,
  ],
  // Bank card numbers: 16 to 19 digits, optionally grouped.
  [/\b(?:\d[ -]?){15,18}\d\b/gu, (m) => `****${m.replace(/\D/gu, '').slice(-4)}`],
  // Mainland mobile numbers, also written +86 138 1234 5678, 0086-138-1234-5678, 138 1234 5678.
  [
    /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/gu,
    (m) => {
      const digits = m.replace(/\D/gu, '').slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    },
  ],
];

/**
 * Secrets that ride in addresses: the private calendar feed (/api/calendar/<token>.ics) and any
 * `token=` parameter (the e-mail verification link).
 */
export function redactUrl(url: string): string {
  return url
    .replace(/\/api\/calendar\/[^/?#]+/gu, '/api/calendar/[redacted]')
    .replace(/([?&](?:token|secret|key)=)[^&#]*/giu, '$1[redacted]');
}

export function maskPersonalData(text: string): string {
  let out = text;
  for (const [pattern, mask] of PATTERNS) out = out.replace(pattern, mask);
  return out;
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.idNumber',
        '*.phone',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: maskPersonalData(redactUrl(req.url)),
      }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)) as Parameters<
            typeof method
          >,
        );
      },
    },
  };
}
