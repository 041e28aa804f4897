import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AgentScope } from '../../src/contract/index.js';
import { createAgentToken } from '../../server/store/agents.js';
import type { DatabaseHandle } from '../../server/store/database.js';
import { postTestimony, validSubmission } from './server.js';

/** A fresh agent token (the bearer string) for these structures or networks. */
export async function agentToken(
  store: DatabaseHandle,
  scope: AgentScope | string[],
  name = 'test agent',
  role: 'agent' | 'manager' = 'agent',
): Promise<string> {
  const resolved: AgentScope = Array.isArray(scope) ? { kind: 'structures', codes: scope } : scope;
  return (await createAgentToken(store.db, name, resolved, { role })).secret;
}

/** An admin API call through HTTP; `token` null sends no Authorization header. */
export function admin(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  token: string | null,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

/** Submits a testimony through the public API; returns its reference and the author's tracking token. */
export async function submitTestimony(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<{ reference: string; token: string }> {
  const res = await postTestimony(app, validSubmission(overrides));
  if (res.statusCode !== 201) throw new Error(`submission failed: ${res.statusCode} ${res.body}`);
  return res.json() as { reference: string; token: string };
}
