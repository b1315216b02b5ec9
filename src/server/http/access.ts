import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.js';
import { apiError } from './errors.js';

/** The caller of a route that needs a login; 401 otherwise. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller)
    throw apiError(
      'FG_ERR_UNAUTHENTICATED',
      'this needs a logged-in user',
      'POST /api/auth/login first',
    );
  return request.caller;
}

export function requireAdmin(request: FastifyRequest): Caller {
  const caller = requireCaller(request);
  if (!caller.isAdmin) throw apiError('FG_ERR_FORBIDDEN', 'only administrators may do this');
  return caller;
}
