import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { documented, usedComponents } from './route.js';

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document `@fastify/swagger` generates from the routes' contract
 * schemas (through the zod type provider). Register before the routes: it collects them as they are added.
 * Routes without tags (pages, widgets, health) are left out.
 */
export async function registerOpenApi(app: FastifyInstance, info: { version: string; serverUrl?: string }): Promise<void> {
  const transformObject = createJsonSchemaTransformObject({ schemaRegistry: documented });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Services Publics+ widgets API',
        version: info.version,
        description:
          'The public API behind the Services Publics+ widgets: engagements, structures, quality-of-service results and citizen experiences. Errors are `application/problem+json` naming each failing field.',
      },
      ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Agent token scoped to structures' } },
      },
    },
    hideUntagged: true,
    transform: createJsonSchemaTransform({ schemaRegistry: documented }),
    transformObject: (documentObject) => {
      const doc = transformObject(documentObject) as Parameters<typeof usedComponents>[0] & { components: Record<string, unknown> };
      return { ...doc, components: { ...doc.components, schemas: usedComponents(doc) } } as ReturnType<typeof transformObject>;
    },
  });

  let document: unknown;
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => (document ??= app.swagger()));
}
