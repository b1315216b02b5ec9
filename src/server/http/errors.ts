import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, FeeGuardError, isFeeGuardError, type ErrorCode } from '../../errors.js';

/** The JSON body of every error: a stable code and a message in both languages. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: { zh: string; en: string };
  detail?: string;
  hint?: string;
  details?: Readonly<Record<string, unknown>>;
}

export function apiError(code: ErrorCode, detail?: string, hint?: string): FeeGuardError {
  return new FeeGuardError(
    code,
    detail ?? ERROR_CATALOGUE[code].en,
    hint === undefined ? {} : { hint },
  );
}

export function notFound(what: string): FeeGuardError {
  return apiError('FG_ERR_NOT_FOUND', `${what} not found`);
}

function body(
  code: ErrorCode,
  detail?: string,
  hint?: string,
  details?: Readonly<Record<string, unknown>>,
): ApiErrorBody {
  const { zh, en } = ERROR_CATALOGUE[code];
  return {
    code,
    message: { zh, en },
    ...(detail === undefined ? {} : { detail }),
    ...(hint === undefined ? {} : { hint }),
    ...(details === undefined ? {} : { details }),
  };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isFeeGuardError(error)) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply
        .status(error.status)
        .send(body(error.code, error.message, error.hint, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = first
        ? `${error.validationContext ?? ''}${first.instancePath.replaceAll('/', '.')}`
        : '';
      return reply
        .status(400)
        .send(
          body(
            'FG_ERR_VALIDATION',
            `${where}: ${first?.message ?? 'invalid'}`,
            'see /api/docs for the expected shape',
          ),
        );
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return reply
        .status(413)
        .send(
          body('FG_ERR_TOO_LARGE', error.message, 'split the statement or raise UPLOAD_LIMIT_MB'),
        );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('FG_ERR_VALIDATION', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('FG_ERR_INTERNAL'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        body('FG_ERR_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`),
      ),
  );
}
