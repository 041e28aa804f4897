/** What every admin route shares: the Bearer token check and its documented answers, and the structure check of a `:code` route. */
import type * as z from 'zod/mini';
import { Problem } from '../../src/contract/index.js';
import type { Lang } from '../../src/contract/index.js';
import { agentAuthHook, agentOf, requireStructure, type AgentSession } from '../http/agent-auth.js';
import { unknownStructure } from '../http/problem.js';
import { defineRoute, type RouteContext, type RouteDef } from '../http/route.js';
import type { DatabaseHandle } from '../store/database.js';
import { getStructureSummary } from '../store/structures.js';

type Schema = z.ZodMiniType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

const AUTH_RESPONSES = {
  401: { description: 'No token, or an unknown or revoked one (`WWW-Authenticate: Bearer`)', schema: Problem },
  403: { description: 'The token does not cover this structure', schema: Problem },
};

/**
 * An admin route: documented as needing `Authorization: Bearer`, checked by the shared hook before anything
 * else (input validation included), never cached.
 */
export function adminRoute<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  store: DatabaseHandle,
  def: Omit<RouteDef<P, Q, B>, 'security' | 'options' | 'cacheable' | 'tags' | 'handler'> & {
    /** Bytes of request body accepted (the app's default otherwise). */
    bodyLimit?: number;
    handler(ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>> & { agent: AgentSession }): Promise<unknown>;
  },
): RouteDef {
  return defineRoute<P, Q, B>({
    ...def,
    tags: ['admin'],
    security: 'bearer',
    cacheable: false,
    options: { onRequest: agentAuthHook(store), ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}) },
    responses: { ...AUTH_RESPONSES, ...def.responses },
    handler: (ctx) => def.handler({ ...ctx, agent: agentOf(ctx.request) }),
  });
}

/** 404 for an unknown structure, then 403 outside the token's structures. */
export async function requireKnownStructure(store: DatabaseHandle, agent: AgentSession, code: string, lang: Lang): Promise<void> {
  if (!(await getStructureSummary(store.db, code))) throw unknownStructure(lang, code);
  await requireStructure(agent, code, lang);
}
