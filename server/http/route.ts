import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, FastifySchemaCompiler, RouteOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import * as contract from '../../src/contract/index.js';
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
 * One route, declared once with its contract schemas: Fastify validates its inputs through the zod type provider
 * before the handler runs (a failure is a 400 naming the field), and `@fastify/swagger` documents it from the same
 * schemas (`/api/openapi.json`).
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
  /** Documented; the handler checks them itself, so that a problem names the header as HTTP spells it. */
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Declared through `registerRoutes`: its inputs follow the contract's text rules. */
    contractInputs?: boolean;
  }
}

/** The contract refused an input: the error handler turns it into a 400 naming each field, in the request's language. */
export class InputRejected extends Error {
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super('invalid input');
  }
}

/**
 * The type provider's validator with two differences: issues keep their input (`reportInput`: "required" and
 * "wrong type" read differently), and `lang`, accepted on every route to pick the language of messages, is
 * dropped from a query whose schema does not list it.
 */
const validatorCompiler: FastifySchemaCompiler<Schema> = ({ schema, httpPart }) => {
  if (httpPart === 'headers') return () => true;
  const dropLang = httpPart === 'querystring' && schema instanceof z.ZodMiniObject && !('lang' in schema.shape);
  return (data: unknown) => {
    const input = dropLang && data && typeof data === 'object' ? withoutLang(data) : (data ?? {});
    const result = schema.safeParse(input, { reportInput: true });
    return result.success ? { value: result.data } : { error: new InputRejected(result.error.issues) };
  };
};

function withoutLang(query: object): object {
  const { lang: _ignored, ...rest } = query as Record<string, unknown>;
  return rest;
}

/**
 * The contract's text rules on every input of every route, whatever its schema: a NUL or a lone surrogate
 * anywhere (a cursor, a search, a field the schema would ignore) is a 400 naming the field, on every database.
 * Runs after the rate limiter and before schema validation, as the handler used to.
 */
function refuseForbiddenText(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  // Read now: validation may drop `lang` from the query.
  const lang = requestLang(request);
  for (const [where, value] of Object.entries({ params: request.params, query: request.query, body: request.body })) {
    const path = forbiddenTextPath(value);
    if (!path) continue;
    const issue = { code: 'custom', message: FORBIDDEN_TEXT, path: path.length ? path : [where], input: undefined };
    return done(validationProblem([issue as unknown as z.core.$ZodIssue], lang));
  }
  done();
}

/** Named contract schemas: a body or response that is one is a `$ref` to `components.schemas`. */
function contractNames(): Map<Schema, string> {
  const names = new Map<Schema, string>();
  for (const [name, value] of Object.entries(contract)) {
    if (/^[A-Z]/.test(name) && value instanceof z.core.$ZodType && !names.has(value as Schema)) names.set(value as Schema, name);
  }
  return names;
}

/** Names and descriptions for the OpenAPI document, read by the type provider's transforms. */
export const documented = z.registry<{ id?: string; description?: string }>();
let names: Map<Schema, string> | undefined;

function named(schema: Schema): Schema {
  names ??= contractNames();
  const name = names.get(schema);
  if (name && !documented.has(schema)) documented.add(schema, { id: name });
  return schema;
}

function described(schema: Schema, description: string): Schema {
  const copy = schema.clone();
  documented.add(copy, { description });
  return copy;
}

const operationId = (def: RouteDef) =>
  `${def.method.toLowerCase()}${def.url.replace(/:/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`;

function routeSchema(def: RouteDef): FastifySchema {
  const response = Object.fromEntries(
    Object.entries(def.responses).map(([status, doc]) => {
      const type = doc.contentType ?? (Number(status) >= 400 ? contract.PROBLEM_CONTENT_TYPE : 'application/json');
      if (doc.schema) return [status, { description: doc.description, content: { [type]: { schema: named(doc.schema) } } }];
      if (doc.contentType) return [status, { description: doc.description, content: { [type]: { schema: z.string() } } }];
      // No body (204): a `null` schema, which the document shows as a response without content.
      return [status, described(z.null(), doc.description)];
    }),
  );
  const headers = def.headers?.length
    ? z.object(Object.fromEntries(def.headers.map((h) => [h.name, h.required ? described(h.schema, h.description) : z.optional(described(h.schema, h.description))])))
    : undefined;
  return {
    summary: def.summary,
    ...(def.description ? { description: def.description } : {}),
    tags: def.tags,
    operationId: operationId(def),
    ...(def.security === 'bearer' ? { security: [{ bearer: [] }] } : {}),
    ...(def.params ? { params: def.params } : {}),
    ...(def.query ? { querystring: def.query } : {}),
    ...(def.body ? { body: named(def.body) } : {}),
    ...(headers ? { headers } : {}),
    response,
  } as FastifySchema;
}

/**
 * Registers the API routes with the zod type provider. Responses are documented, not re-checked on the way out:
 * they are written as `JSON.stringify` would, as before.
 */
export function registerRoutes(app: FastifyInstance, defs: readonly RouteDef[]): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Added after the rate limiter's own `onRoute`, so the limiter's `preValidation` hook runs first.
  app.addHook('onRoute', (route) => {
    if (route.config?.contractInputs) route.preValidation = [...[route.preValidation ?? []].flat(), refuseForbiddenText];
  });
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const def of defs) {
    api.route({
      method: def.method,
      url: def.url,
      ...(def.options ?? {}),
      schema: routeSchema(def),
      config: {
        cacheable: def.cacheable ?? (def.method === 'GET' && def.security === undefined),
        languageDependent: def.languageDependent === true,
        contractInputs: true,
        ...((def.options?.config as object | undefined) ?? {}),
      },
      handler: (request: FastifyRequest, reply: FastifyReply) =>
        def.handler({
          request,
          reply,
          params: def.params ? request.params : undefined,
          query: def.query ? request.query : undefined,
          body: def.body ? request.body : undefined,
          lang: requestLang(request),
        } as RouteContext<never, never, never>),
    } as RouteOptions);
  }
}

/** Only the components some operation reaches: every named schema exists in an input and an output variant. */
export function usedComponents(doc: { paths?: unknown; components?: { schemas?: Record<string, unknown> } }): Record<string, unknown> {
  const schemas = doc.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (!used.has(name)) {
        used.add(name);
        visit(schemas[name]);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(doc.paths);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}
