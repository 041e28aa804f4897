import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import { FORBIDDEN_TEXT, forbiddenTextPath, type Lang } from '../../src/contract/index.js';
import { requestLang, validationProblem } from './problem.js';

type Schema = z.ZodMiniType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export interface ResponseDoc {
  description: string;
  schema?: Schema;
  /** Defaults to `application/json` (2xx) or `application/problem+json` (4xx/5xx). */
  contentType?: string;
}

export interface HeaderDoc {
  name: string;
  required: boolean;
  description: string;
  schema: Schema;
}

export interface RouteContext<P, Q, B> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  lang: Lang;
}

/**
 * One route: how Fastify serves it and how OpenAPI documents it, from the same contract schemas.
 * Inputs are parsed with the contract before the handler runs; a failure is a 400 naming the field.
 */
export interface RouteDef<P extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify syntax: `/api/v1/structures/:code`. */
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  /** `bearer`: documented as needing `Authorization: Bearer` (enforcement is the route's own hook). */
  security?: 'bearer';
  params?: P;
  query?: Q;
  body?: B;
  headers?: HeaderDoc[];
  responses: Record<number, ResponseDoc>;
  /** Public GETs get `Cache-Control` and `ETag` revalidation unless `false` (never routes with `security`). */
  cacheable?: boolean;
  /** The 200 body is in the request's language (`?lang=`, else `Accept-Language`): shared caches key on it. */
  languageDependent?: boolean;
  /** Extra Fastify route options (rate limit config, body limit, hooks). */
  options?: Record<string, unknown>;
  handler(ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>>): Promise<unknown>;
}

export function defineRoute<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  def: RouteDef<P, Q, B>,
): RouteDef {
  return def as unknown as RouteDef;
}

function parseInput(schema: Schema | undefined, value: unknown, lang: Lang): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw validationProblem(result.error.issues, lang);
  return result.data;
}

/**
 * The contract's text rules on every input of every route, whatever its schema: a NUL or a lone surrogate
 * anywhere (a cursor, a search, a field the schema would ignore) is a 400 naming the field, on every database.
 */
function refuseForbiddenText(inputs: { params: unknown; query: unknown; body: unknown }, lang: Lang): void {
  for (const [where, value] of Object.entries(inputs)) {
    const path = forbiddenTextPath(value);
    if (!path) continue;
    const issue = { code: 'custom', message: FORBIDDEN_TEXT, path: path.length ? path : [where], input: undefined };
    throw validationProblem([issue as unknown as z.core.$ZodIssue], lang);
  }
}

/** Every route registered through here, in order: the source of `/api/openapi.json`. */
export class RouteRegistry {
  readonly routes: RouteDef[] = [];

  register(app: FastifyInstance, def: RouteDef): void {
    this.routes.push(def);
    app.route({
      method: def.method,
      url: def.url,
      ...(def.options ?? {}),
      config: {
        cacheable: def.cacheable ?? (def.method === 'GET' && def.security === undefined),
        languageDependent: def.languageDependent === true,
        ...((def.options?.config as object | undefined) ?? {}),
      },
      handler: async (request, reply) => {
        const lang = requestLang(request);
        refuseForbiddenText({ params: request.params, query: request.query, body: request.body }, lang);
        const params = parseInput(def.params, request.params, lang);
        const query = parseInput(def.query, stripLang(request.query, def.query), lang);
        const body = parseInput(def.body, request.body, lang);
        return def.handler({ request, reply, params, query, body, lang } as RouteContext<never, never, never>);
      },
    });
  }
}

/** `lang` is accepted on every route (it picks the language of messages) without each schema listing it. */
function stripLang(query: unknown, schema: Schema | undefined): unknown {
  if (!query || typeof query !== 'object' || !schema) return query;
  const shape = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape;
  if (shape && 'lang' in shape) return query;
  const { lang: _ignored, ...rest } = query as Record<string, unknown>;
  return rest;
}
