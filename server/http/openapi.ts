import * as z from 'zod/mini';
import * as contract from '../../src/contract/index.js';
import type { RouteDef } from './route.js';

type JsonSchema = Record<string, unknown>;

/** Contract schemas that get a name in `components.schemas` (referenced, not inlined). */
function namedSchemas(): Map<z.ZodMiniType, string> {
  const names = new Map<z.ZodMiniType, string>();
  for (const [name, value] of Object.entries(contract)) {
    if (value && typeof value === 'object' && '_zod' in value && /^[A-Z]/.test(name)) {
      const schema = value as z.ZodMiniType;
      if (!names.has(schema)) names.set(schema, name);
    }
  }
  return names;
}

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodMiniType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const doc = jsonSchema(schema, 'input');
  const properties = (doc.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((doc.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

/** OpenAPI 3.1 document generated from the registered routes and the contract's zod schemas. */
export function buildOpenApi(routes: readonly RouteDef[], info: { version: string; serverUrl?: string }): JsonSchema {
  const names = namedSchemas();
  const components: Record<string, JsonSchema> = {};
  const ref = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
    const name = names.get(schema);
    if (!name) return jsonSchema(schema, io);
    const key = io === 'input' && name !== 'Problem' ? `${name}Input` : name;
    components[key] ??= jsonSchema(schema, io);
    return { $ref: `#/components/schemas/${key}` };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...(route.headers ?? []).map((h) => ({
          name: h.name,
          in: 'header',
          required: h.required,
          description: h.description,
          schema: jsonSchema(h.schema, 'input'),
        })),
      ],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, doc]) => {
          const type = doc.contentType ?? (Number(status) >= 400 ? contract.PROBLEM_CONTENT_TYPE : 'application/json');
          return [
            status,
            { description: doc.description, ...(doc.schema ? { content: { [type]: { schema: ref(doc.schema, 'output') } } } : {}) },
          ];
        }),
      ),
    };
    if (route.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: ref(route.body, 'input') } } };
    }
    if (route.security === 'bearer') operation.security = [{ bearer: [] }];
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Services Publics+ widgets API',
      version: info.version,
      description:
        'The public API behind the Services Publics+ widgets: engagements, structures, quality-of-service results and citizen experiences. Errors are `application/problem+json` naming each failing field.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Agent token scoped to structures' } },
    },
  };
}
