import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/types.js';
import {
  DEVICE_COOKIE,
  login,
  logout,
  register,
  SESSION_COOKIE,
  verifyEmail,
  type NewSession,
} from './auth.service.js';
import { calendarUrl } from '../notifications/notifications.service.js';

const credentials = z.object({
  email: z.email().max(254),
  password: z.string().min(8, 'at least 8 characters').max(200),
});

const meBody = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  organizationIds: z.array(z.string()),
  csrfToken: z.string(),
  calendarUrl: z.string().optional(),
});

const DEVICE_DAYS = 365;

export function authRoutes(app: App, deps: ServerDeps): void {
  const setCookie = (
    reply: { setCookie: (name: string, value: string, options: object) => unknown },
    session: NewSession,
  ) => {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
    if (session.deviceToken) {
      reply.setCookie(DEVICE_COOKIE, session.deviceToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
        path: '/api/auth',
        maxAge: DEVICE_DAYS * 86_400,
      });
    }
  };
  const me = (session: NewSession['caller']) => ({
    id: session.userId,
    email: session.email,
    name: session.name,
    isAdmin: session.isAdmin,
    organizationIds: [...session.organizationIds],
    csrfToken: session.csrfToken,
  });

  app.post(
    '/api/auth/register',
    {
      schema: {
        operationId: 'register',
        tags: ['auth'],
        summary:
          'Ask for an account: a verification link is e-mailed (or, for a registered address, a note that it has one); the answer is the same either way',
        body: credentials.extend({ name: z.string().trim().min(1).max(100) }),
        response: {
          202: z.object({ email: z.string(), status: z.literal('verification_sent') }),
          429: errorResponses[400],
          503: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { email } = await register(deps, request.body, request.ip).catch((error: unknown) => {
        if (error instanceof Error && 'retryAfterS' in error) {
          reply.header('retry-after', String(error.retryAfterS));
        }
        throw error;
      });
      return reply.status(202).send({ email, status: 'verification_sent' as const });
    },
  );

  app.post(
    '/api/auth/verify',
    {
      schema: {
        operationId: 'verifyEmail',
        tags: ['auth'],
        summary: 'Follow the e-mailed verification link: verifies the address and logs in',
        body: z.object({ token: z.string().min(1).max(200) }),
        response: { 200: meBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await verifyEmail(deps, request.body.token, request.cookies[DEVICE_COOKIE]);
      setCookie(reply, session);
      return me(session.caller);
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary:
          'Log in; sets the session cookie and returns the CSRF token. Attempts are counted per account and address before the password is checked (429 with Retry-After beyond that)',
        body: credentials.extend({ password: z.string().min(1).max(200) }),
        response: {
          200: meBody,
          429: errorResponses[400],
          503: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      try {
        const session = await login(deps, request.body, {
          address: request.ip,
          deviceToken: request.cookies[DEVICE_COOKIE],
        });
        setCookie(reply, session);
        return me(session.caller);
      } catch (error) {
        if (error instanceof Error && 'retryAfterS' in error) {
          reply.header('retry-after', String(error.retryAfterS));
        }
        throw error;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End the session',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      requireCaller(request);
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        operationId: 'me',
        tags: ['auth'],
        summary: 'The logged-in user',
        response: { 200: meBody, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return { ...me(caller), calendarUrl: await calendarUrl(deps, caller) };
    },
  );
}
