import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { requireCaller } from '../http/access.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { login, logout, register, SESSION_COOKIE, type NewSession } from './auth.service.js';
import { calendarUrl } from '../notifications/notifications.service.js';

const credentials = z.object({
  email: z.email(),
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
        summary: 'Create an account and log in',
        body: credentials.extend({ name: z.string().trim().min(1).max(100) }),
        response: { 201: meBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await register(deps, request.body);
      setCookie(reply, session);
      return reply.status(201).send(me(session.caller));
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Log in; sets the session cookie and returns the CSRF token',
        body: credentials.extend({ password: z.string().min(1).max(200) }),
        response: { 200: meBody, 429: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await login(deps, request.body, request.ip);
      setCookie(reply, session);
      return me(session.caller);
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
