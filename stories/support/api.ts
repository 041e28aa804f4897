/**
 * The API inside Storybook: stories run with no server. `preview.ts` replaces `fetch` before every story with
 * the demo API below (answers built from `fixtures.ts`), and a story overrides any route through its
 * `parameters.api`:
 *
 *     export const Loading: Story = { parameters: { api: { 'GET /api/v1/structures/:code/results': respond.pending() } } };
 *     export const Offline: Story = { parameters: { api: { '*': respond.offline() }, offline: true } };
 *     export const RetryThenOk: Story = {
 *       parameters: { api: { 'GET /api/v1/structures/:code/results': respond.sequence(respond.problem(503), respond.demo()) } },
 *     };
 *
 * Keys are `'METHOD /path/:param'` (any origin: the element's `api` attribute does not matter) or `'*'` for
 * every request the story does not name; what the story names wins over the demo API. Unknown routes answer a
 * 404 problem and warn in the console, so a missing stub is visible.
 */
import type { Lang } from '../../src/contract/common.js';
import { toFieldErrors } from '../../src/contract/messages.js';
import { PROBLEM_CONTENT_TYPE, type FieldError } from '../../src/contract/problem.js';
import { TestimonySubmission } from '../../src/contract/testimony.js';
import { clearCache } from '../../src/client/http.js';
import {
  engagementsFixture,
  improvementsFixture,
  resultsFixture,
  structureFixture,
  structuresPageFixture,
  submissionAcceptedFixture,
  testimoniesPageFixture,
  trackingFixture,
} from './fixtures.js';

export interface StubRequest {
  method: string;
  url: URL;
  /** Named segments of the matched route (`:code` → `params.code`). */
  params: Record<string, string>;
  headers: Headers;
  /** Parsed JSON body, when there is one. */
  body: unknown;
  /** 0 for the first call to this route in this story, 1 for the next (retries)... */
  attempt: number;
  /** `fr` unless the request asks for English (`?lang=en` or `Accept-Language: en`). */
  lang: Lang;
  signal: AbortSignal | undefined;
}

/** Answers a request, or throws (a thrown `TypeError` is what `fetch` does when the network is down). */
export type StubHandler = (request: StubRequest) => Response | Promise<Response>;

/** A story's routes: `'GET /api/v1/structures/:code'` → handler, `'*'` → everything else. */
export type ApiStub = Record<string, StubHandler>;

const problemTitles: Record<number, [string, string]> = {
  400: ['Requête invalide', 'Invalid request'],
  404: ['Introuvable', 'Not found'],
  409: ['Conflit', 'Conflict'],
  413: ['Requête trop volumineuse', 'Payload too large'],
  422: ['Requête impossible à traiter', 'Unprocessable request'],
  429: ['Trop de requêtes', 'Too many requests'],
  500: ['Erreur interne', 'Internal error'],
  503: ['Service indisponible', 'Service unavailable'],
};

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** Waits, unless the request is aborted first (the client's timeout or a disconnected element). */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });
}

export const respond = {
  /** 200 (or `status`) with a JSON body. */
  json:
    (body: unknown, status = 200, headers: Record<string, string> = {}): StubHandler =>
    () =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }),

  /** An `application/problem+json` error as the API sends it; `errors` names failing fields (400). */
  problem:
    (status: number, options: { detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {}): StubHandler =>
    (request) => {
      const [fr, en] = problemTitles[status] ?? problemTitles[500]!;
      const body = {
        type: status === 400 && options.errors?.length ? 'https://spp.example/problems/validation' : 'about:blank',
        title: request.lang === 'en' ? en : fr,
        status,
        ...(options.detail ? { detail: options.detail } : {}),
        instance: request.url.pathname,
        ...(options.errors?.length ? { errors: options.errors } : {}),
      };
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...options.headers } });
    },

  /** 429 with `Retry-After` (seconds). */
  rateLimited: (retryAfterSeconds = 30): StubHandler =>
    respond.problem(429, { detail: 'Trop de requêtes : réessayez dans quelques instants.', headers: { 'Retry-After': String(retryAfterSeconds) } }),

  /** 200 whose body is not JSON: the client must call it malformed, never half-render it. */
  malformed: (): StubHandler => () => new Response('{"items": [', { status: 200, headers: { 'Content-Type': 'application/json' } }),

  /** 200 whose JSON does not match the contract. */
  wrongShape: (): StubHandler => respond.json({ unexpected: true }),

  /** The network is down: `fetch` rejects, as a browser does offline. */
  offline: (): StubHandler => () => {
    throw new TypeError('Failed to fetch');
  },

  /** Never answers (until the client gives up or the story changes): the loading state. */
  pending: (): StubHandler => (request) => {
    activity.hanging += 1;
    return wait(2 ** 31 - 1, request.signal)
      .then(() => new Response(null, { status: 204 }))
      .finally(() => {
        activity.hanging -= 1;
      });
  },

  /** Answers with `handler` after `ms` milliseconds: a slow network. */
  slow:
    (ms: number, handler: StubHandler = respond.demo()): StubHandler =>
    async (request) => {
      await wait(ms, request.signal);
      return handler(request);
    },

  /** The Nth call gets the Nth handler; the last one answers every later call (fail, then succeed on retry). */
  sequence:
    (...handlers: StubHandler[]): StubHandler =>
    (request) =>
      handlers[Math.min(request.attempt, handlers.length - 1)]!(request),

  /** What the demo API answers for this route (the default). */
  demo: (): StubHandler => (request) => demoAnswer(request),
};

/** The demo API's routes, answered from the fixtures. */
const DEMO_ROUTES: ApiStub = {
  'GET /api/v1/engagements': (r) => respond.json(engagementsFixture(r.url.searchParams.get('lang') === 'en' ? 'en' : r.lang))(r),
  'GET /api/v1/structures': (r) => {
    const q = r.url.searchParams;
    const limit = q.get('limit') ? Number(q.get('limit')) : undefined;
    return respond.json(structuresPageFixture({ q: q.get('q') ?? undefined, network: q.get('network') ?? undefined, limit }))(r);
  },
  'GET /api/v1/structures/:code': (r) => {
    const structure = structureFixture(r.params.code!);
    return structure ? respond.json(structure)(r) : notFound(r);
  },
  'GET /api/v1/structures/:code/results': (r) => {
    const results = resultsFixture(r.params.code!);
    return results ? respond.json(results)(r) : notFound(r);
  },
  'GET /api/v1/structures/:code/testimonies': (r) => {
    if (!structureFixture(r.params.code!)) return notFound(r);
    const q = r.url.searchParams;
    const filters = {
      feeling: (q.get('feeling') ?? undefined) as never,
      channel: (q.get('channel') ?? undefined) as never,
      tag: (q.get('tag') ?? undefined) as never,
      limit: q.get('limit') ? Number(q.get('limit')) : undefined,
      cursor: q.get('cursor') ?? undefined,
    };
    return respond.json(testimoniesPageFixture(r.params.code!, filters))(r);
  },
  'GET /api/v1/structures/:code/improvements': (r) => {
    const plan = improvementsFixture(r.params.code!, r.url.searchParams.get('lang') === 'en' ? 'en' : r.lang);
    return plan ? respond.json(plan)(r) : notFound(r);
  },
  'GET /api/v1/testimonies/:reference': (r) => respond.json(trackingFixture('answered'))(r),
  'POST /api/v1/testimonies': (r) => {
    const parsed = TestimonySubmission.safeParse(r.body, { reportInput: true });
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, r.lang);
      return respond.problem(400, { detail: `Vérifiez ces champs : ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors })(r);
    }
    const unknown = parsed.data.structures.map((code, index) => ({ code, index })).filter(({ code }) => !structureFixture(code));
    if (unknown.length) {
      return respond.problem(400, {
        errors: unknown.map(({ code, index }) => ({
          field: `structures.${index}`,
          code: 'unknown_structure',
          message: `Aucun service n'a le code SP+ « ${code} » : choisissez à nouveau le service dans la liste.`,
        })),
      })(r);
    }
    return respond.json(submissionAcceptedFixture(), 201, { Location: `/api/v1/testimonies/${submissionAcceptedFixture().reference}` })(r);
  },
};

function notFound(request: StubRequest): Response | Promise<Response> {
  return respond.problem(404, {
    detail: request.lang === 'en' ? `No service has the code ${request.params.code ?? ''}.` : `Aucun service n'a le code ${request.params.code ?? ''}.`,
  })(request);
}

interface CompiledRoute {
  key: string;
  method: string;
  pattern: RegExp;
  names: string[];
  handler: StubHandler;
}

function compile(stub: ApiStub): CompiledRoute[] {
  return Object.entries(stub)
    .filter(([key]) => key !== '*')
    .map(([key, handler]) => {
      const [method, path] = key.trim().split(/\s+/, 2) as [string, string | undefined];
      if (!path || !path.startsWith('/')) throw new Error(`API stub route "${key}": write it as "GET /api/v1/..."`);
      const names: string[] = [];
      const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { key, method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), names, handler };
    });
}

function match(routes: CompiledRoute[], method: string, pathname: string): { route: CompiledRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue;
    const found = route.pattern.exec(pathname);
    if (found) return { route, params: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)])) };
  }
  return undefined;
}

const demoRoutes = compile(DEMO_ROUTES);

function demoAnswer(request: StubRequest): Response | Promise<Response> {
  const found = match(demoRoutes, request.method, request.url.pathname);
  if (!found) {
    console.warn(`[stories] no demo API route for ${request.method} ${request.url.pathname}: answering 404`);
    return respond.problem(404)(request);
  }
  return found.route.handler({ ...request, params: found.params });
}

function requestLang(url: URL, headers: Headers): Lang {
  if (url.searchParams.get('lang') === 'en') return 'en';
  return /^\s*en\b/i.test(headers.get('accept-language') ?? '') ? 'en' : 'fr';
}

/**
 * Requests in flight, read by the Storybook smoke test to know when a story has settled (`hanging` ones, from
 * `respond.pending()`, never will).
 */
export interface StubActivity {
  inflight: number;
  hanging: number;
  /** `performance.now()` of the last request start or end. */
  lastChange: number;
}
const activity: StubActivity = { inflight: 0, hanging: 0, lastChange: 0 };
(window as unknown as { __sppApiActivity: StubActivity }).__sppApiActivity = activity;

export interface InstalledStub {
  /** Every request the story made, in order. */
  calls: { method: string; url: string; body: unknown }[];
  restore(): void;
}

/**
 * Replaces `window.fetch` with the demo API overridden by `stub`. Requests that are not for `/api/` (Storybook's
 * own files) go to the real network. Returns what restores the real `fetch`.
 */
export function installApiStub(stub: ApiStub = {}): InstalledStub {
  const realFetch = window.fetch;
  const storyRoutes = compile(stub);
  const fallback = stub['*'];
  const attempts = new Map<string, number>();
  const calls: InstalledStub['calls'] = [];
  clearCache();

  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input), window.location.href);
    if (!url.pathname.startsWith('/api/')) return realFetch(input, init);
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers ?? request?.headers);
    const signal = init.signal ?? request?.signal ?? undefined;
    let body: unknown;
    const rawBody = init.body ?? (request && method !== 'GET' && method !== 'HEAD' ? await request.clone().text() : undefined);
    if (typeof rawBody === 'string' && rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    calls.push({ method, url: url.href, body });
    if (signal?.aborted) throw abortError();

    const found = match(storyRoutes, method, url.pathname);
    const key = found?.route.key ?? (fallback ? '*' : 'demo');
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    const stubRequest: StubRequest = { method, url, params: found?.params ?? {}, headers, body, attempt, lang: requestLang(url, headers), signal };
    const handler = found?.route.handler ?? fallback ?? respond.demo();
    activity.inflight += 1;
    activity.lastChange = performance.now();
    try {
      // Answer asynchronously, like a network.
      await Promise.resolve();
      return await handler(stubRequest);
    } finally {
      activity.inflight -= 1;
      activity.lastChange = performance.now();
    }
  };

  return {
    calls,
    restore() {
      window.fetch = realFetch;
      clearCache();
    },
  };
}

/**
 * Makes `navigator.onLine` false and fires `offline` (for `parameters.offline: true`); returns the undo.
 * Pair it with `'*': respond.offline()` so requests fail too.
 */
export function simulateOffline(): () => void {
  const own = Object.getOwnPropertyDescriptor(navigator, 'onLine');
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    if (own) Object.defineProperty(navigator, 'onLine', own);
    else delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  };
}
