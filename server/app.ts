import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import type { DatabaseHandle } from './store/database.js';
import { apiText, HttpProblem, requestLang, sendProblem, statusTitle, validationProblem } from './http/problem.js';
import { InputRejected, registerRoutes, type RouteDef } from './http/route.js';
import { registerOpenApi } from './http/openapi.js';
import { registerWidgets } from './widgets.js';
import { rateLimitFromEnv, registerRateLimit, type RateLimitSettings } from './http/rate-limit.js';
import { registerHttpCaching } from './http/caching.js';
import { PAGE_CSP, registerSecurityHeaders } from './http/security-headers.js';
import { ResponseCache, responseCacheTtlFromEnv } from './http/response-cache.js';
import { trustProxyFromEnv, type TrustProxy } from './http/trust-proxy.js';
import { QuietRequestLog } from './http/request-log.js';
import type { ApiContext } from './http/context.js';
import { registerCompression } from './http/compression.js';
import { engagementRoutes } from './routes/engagements.js';
import { structureRoutes } from './routes/structures.js';
import { testimonyRoutes } from './routes/testimonies.js';
import { improvementRoutes } from './routes/improvements.js';
import { adminRoutes } from './routes/admin.js';
import { registerAgentPage } from './routes/agent-page.js';
import { registerFormPages } from './routes/form-pages.js';
import { notificationRoutes, registerMailStopPage } from './routes/notifications.js';
import { registerKitRoutes } from './routes/kit.js';
import { registerFragmentRoutes } from './routes/fragments.js';
import { registerPagesWithFragments } from './routes/fragment-pages.js';
import { configuredPublicUrl } from './http/origin.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version;

export interface AppOptions {
  store: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** Public origin used in links handed to citizens (tracking link); defaults to the request's own origin. */
  publicUrl?: string;
  /** Built widgets served under `/widgets/` (default `dist/`). */
  distDir?: string;
  /** Demo host pages served at `/` (default `demo/`). */
  demoDir?: string;
  /** Largest accepted request body in bytes (default 64 KiB: a 5,000-character story is at most 20 KB). */
  bodyLimit?: number;
  /** Proxies allowed to name the client's address; default from `TRUST_PROXY` (see `http/trust-proxy.ts`). */
  trustProxy?: TrustProxy;
  /** Per-address limit on submissions; default from `RATE_LIMIT_MAX` / `RATE_LIMIT_WINDOW_MS`; `false` turns it off. */
  rateLimit?: RateLimitSettings | false;
  /**
   * How long a public GET's representation is reused when no write by this process intervened, in ms; bounds how
   * late another instance's writes show here. Default from `RESPONSE_CACHE_TTL_MS` (5 s); `0` turns it off.
   */
  responseCacheTtlMs?: number;
}

/** Builds the whole server: API, OpenAPI document, widgets and demo pages. Does not listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Per-request lines at debug level: the default log is the start-up summary, warnings and errors.
    logController: new QuietRequestLog(),
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy ?? trustProxyFromEnv(),
    return503OnClosing: true,
  });

  // JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');

  // Public routes are embedded on any site: any origin may read them. Admin routes use a Bearer token,
  // never cookies, so an open CORS policy gives a hostile page nothing it could not already do.
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'If-None-Match', 'Authorization', 'Accept-Language'],
    exposedHeaders: ['ETag', 'Retry-After', 'Location', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  registerSecurityHeaders(app);
  // Before every route: brotli/gzip for pages, CSS and JS the server sends (see http/compression.ts).
  await registerCompression(app);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof HttpProblem) return sendProblem(request, reply, error);
    if (error instanceof InputRejected) return sendProblem(request, reply, validationProblem(error.issues, lang));
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const detail = problemDetail(error, lang);
    const fieldErrors =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? [{ field: '(body)', code: 'invalid_json', message: detail }]
        : undefined;
    const headers: Record<string, string> = {};
    const retryAfter = reply.getHeader('retry-after');
    if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
    return sendProblem(request, reply, new HttpProblem(status, statusTitle(status, lang), detail, fieldErrors, headers));
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = requestLang(request);
    return sendProblem(
      request,
      reply,
      new HttpProblem(404, statusTitle(404, lang), apiText(lang, 'nothingHere', { method: request.method, path: request.url.split('?')[0]! })),
    );
  });

  // Public GETs: a CDN and the widgets' ETag cache revalidate instead of refetching.
  // A repeated public GET is answered from memory until this process writes or a few seconds pass.
  registerHttpCaching(app, new ResponseCache(options.store.version, options.responseCacheTtlMs ?? responseCacheTtlFromEnv()));

  await registerRateLimit(app, options.rateLimit ?? rateLimitFromEnv());

  // Before the routes: it documents each as it is added.
  await registerOpenApi(app, { version: PACKAGE_VERSION, serverUrl: options.publicUrl });

  // PUBLIC_URL read once, by one rule, for every address the routes write (`publicOrigin`).
  const publicUrl = configuredPublicUrl(options.publicUrl);
  const context: ApiContext = { store: options.store, publicUrl };
  const routes: RouteDef[] = [
    ...engagementRoutes(context),
    ...structureRoutes(context),
    ...testimonyRoutes(context),
    ...improvementRoutes(context),
    ...adminRoutes(context),
    ...notificationRoutes(context),
  ];
  registerRoutes(app, routes);
  registerFormPages(app, context);
  await registerMailStopPage(app, context);
  registerKitRoutes(app, context);
  registerFragmentRoutes(app, publicUrl);

  app.get('/api/health', async (_request, reply) => {
    try {
      await sql`select 1 as ok`.execute(options.store.db);
      return { status: 'ok', version: PACKAGE_VERSION, database: options.store.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', version: PACKAGE_VERSION, database: options.store.dialect });
    }
  });

  registerAgentPage(app);

  // Browsers ask for it on every page; the demo pages link an SVG icon instead.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).header('Cache-Control', 'public, max-age=86400').send());

  await registerWidgets(app, { distDir: options.distDir ?? `${ROOT}dist`, version: PACKAGE_VERSION });
  const demoDir = options.demoDir ?? `${ROOT}demo`;
  // The configurator previews `<spp-results source="opendata">`, which reads the Services Publics+ open-data
  // portal from the page itself: its page allows that one origin too.
  app.addHook('onSend', async (request, reply, payload) => {
    if (/^\/configurator(\.html)?(\?|$)/.test(request.url) && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('Content-Security-Policy', PAGE_CSP.replace("connect-src 'self'", "connect-src 'self' https://opendata.plus.transformation.gouv.fr"));
    }
    return payload;
  });
  if (existsSync(demoDir)) {
    // `/` and `/mairie` with their elements' fragments included, as a CMS would; the other files as they are.
    registerPagesWithFragments(app, demoDir, publicUrl);
    await app.register(fastifyStatic, { root: demoDir, prefix: '/', decorateReply: false, index: 'index.html', extensions: ['html'] });
  }

  return app;
}

function problemDetail(error: FastifyError, lang: 'fr' | 'en'): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return apiText(lang, 'bodyTooLarge');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return apiText(lang, 'sendJson');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return apiText(lang, 'invalidJson');
    default:
      if ((error.statusCode ?? 500) >= 500) return apiText(lang, 'serverError');
      return error.message;
  }
}
