import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { alertRoutes } from './alerts/alerts.routes.js';
import { callerFromToken, SESSION_COOKIE } from './auth/auth.service.js';
import { authRoutes } from './auth/auth.routes.js';
import { caseRoutes } from './cases/cases.routes.js';
import { channelRoutes } from './channels/channels.routes.js';
import type { ServerDeps } from './deps.js';
import { feeScheduleRoutes } from './feeschedules/feeschedules.routes.js';
import { filingRoutes } from './filings/filings.routes.js';
import { guideRoutes } from './guides/guides.routes.js';
import { apiError, installErrorHandler } from './http/errors.js';
import { groupRoutes } from './groups/groups.routes.js';
import { homeRoute } from './http/home.js';
import { installInputGuard } from './http/input-guard.js';
import type { App } from './http/types.js';
import { loggerOptions } from './logging.js';
import { merchantRoutes } from './merchants/merchants.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { aggregateRoutes } from './organizations/aggregates.routes.js';
import { organizationRoutes } from './organizations/organizations.routes.js';
import { publicRoutes } from './public/public.routes.js';
import { publicationRoutes } from './publication/publication.routes.js';
import { deductionRoutes } from './statements/deductions.routes.js';
import { layoutMappingRoutes } from './statements/layout-mappings.routes.js';
import { statementRoutes } from './statements/statements.routes.js';
import { createAuditPool } from './statements/audit-pool.js';

export interface BuildOptions {
  /** Log output; tests pass false. */
  readonly logger?: FastifyServerOptions['logger'];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers (@fastify/helmet). The content security policy allows scripts only from this
 * origin (Vite emits no inline script; the API docs load theirs as files); styles also inline,
 * because Ant Design writes its CSS-in-JS into <style> elements at run time and ECharts and
 * Swagger UI set style attributes; images also as data:/blob: (charts saved as pictures). No
 * page may be framed (clickjacking) and no Referer leaves the site (calendar-feed addresses
 * carry a token). Over https, HSTS and upgrading insecure requests as well.
 */
export function securityHeaders(https: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The HTTP application, built without listening so tests drive it with `inject()`. Sessions live
 * in the database and every request looks its session up, so any number of instances can serve
 * the same users.
 */
export async function buildApp(deps: ServerDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(deps.config.logLevel),
    bodyLimit: 2 * 1024 * 1024,
    // Off unless TRUST_PROXY lists the proxies: a client could otherwise pick its own address
    // in X-Forwarded-For and slip past every per-address limit.
    trustProxy: deps.config.trustProxy.length > 0 ? [...deps.config.trustProxy] : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);

  // Brotli or gzip for every answer worth it (JSON, pages); the web app's files come already
  // compressed from the build and pass through untouched.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(helmet, securityHeaders(deps.config.secureCookies));
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'FeeGuard 扣费卫士 API',
        version: '1',
        description:
          'Audit POS statements, plan complaints, file and track them; the respondent portal for providers and agencies. Errors are JSON `{ code, message: { zh, en }, detail, hint }`. State-changing requests need the `x-csrf-token` header from login or `GET /api/me`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    request.caller = await callerFromToken(deps, request.cookies[SESSION_COOKIE]);
    // Cookies ride along on cross-site requests; the token in a header does not.
    if (
      request.caller &&
      !SAFE_METHODS.has(request.method) &&
      !request.url.startsWith('/api/auth/login')
    ) {
      if (request.headers['x-csrf-token'] !== request.caller.csrfToken) {
        throw apiError(
          'FG_ERR_CSRF',
          'missing or wrong x-csrf-token header',
          'send the csrfToken from login or GET /api/me',
        );
      }
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.selectFrom('channels').select('id').limit(1).execute();
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false });
    }
  });

  await homeRoute(app);
  authRoutes(app, deps);
  organizationRoutes(app, deps);
  aggregateRoutes(app, deps);
  publicationRoutes(app, deps);
  publicRoutes(app, deps);
  alertRoutes(app, deps);
  // One pool for every audit, uploads and contract corrections alike: together they never run
  // more than the configured number at once.
  const audits = createAuditPool({
    workers: deps.config.auditWorkers,
    queue: deps.config.auditQueue,
    workerMb: deps.config.auditWorkerMb,
    timeoutMs: deps.config.auditTimeoutMs,
  });
  merchantRoutes(app, deps, audits);
  statementRoutes(app, deps, audits);
  deductionRoutes(app, deps);
  layoutMappingRoutes(app, deps);
  caseRoutes(app, deps);
  filingRoutes(app, deps);
  notificationRoutes(app, deps);
  channelRoutes(app, deps);
  guideRoutes(app, deps);
  groupRoutes(app, deps);
  feeScheduleRoutes(app, deps);
  return app;
}
