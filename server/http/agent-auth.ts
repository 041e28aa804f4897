import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../src/contract/index.js';
import { AgentScopeCheck, authenticateAgent, type AgentToken } from '../store/agents.js';
import type { Actor } from '../store/audit.js';
import type { DatabaseHandle } from '../store/database.js';
import { apiText, HttpProblem, requestLang, sendProblem, statusTitle } from './problem.js';
import type { ApiKey } from './api.strings.js';

/** The agent behind an admin request: its token, who to write in the audit log, and its scope. */
export interface AgentSession {
  token: AgentToken;
  actor: Actor;
  scope: AgentScopeCheck;
}

const sessions = new WeakMap<FastifyRequest, AgentSession>();

const REALM = 'Bearer realm="spp-admin"';

function unauthorized(lang: Lang, reason: 'missing' | 'invalid'): HttpProblem {
  const detail = apiText(lang, reason === 'missing' ? 'tokenMissing' : 'tokenInvalid');
  return new HttpProblem(401, statusTitle(401, lang), detail, undefined, {
    'WWW-Authenticate': reason === 'missing' ? REALM : `${REALM}, error="invalid_token"`,
  });
}

/**
 * `onRequest` hook of every admin route: runs before the body is read or validated, so a caller without a
 * valid token learns nothing else (401 first). The token is looked up on every request: a revoked one stops
 * working at once.
 */
export function agentAuthHook(store: DatabaseHandle) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> => {
    const lang = requestLang(request);
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) return sendProblem(request, reply, unauthorized(lang, 'missing'));
    const token = await authenticateAgent(store.db, match[1]!);
    if (!token) return sendProblem(request, reply, unauthorized(lang, 'invalid'));
    sessions.set(request, { token, actor: { id: token.id, name: token.name }, scope: new AgentScopeCheck(store.db, token.scope) });
  };
}

export function agentOf(request: FastifyRequest): AgentSession {
  const session = sessions.get(request);
  if (!session) throw new Error('admin route registered without agentAuthHook');
  return session;
}

export function forbidden(lang: Lang, detail: ApiKey, values?: Record<string, string | number>): HttpProblem {
  return new HttpProblem(403, statusTitle(403, lang), apiText(lang, detail, values));
}

/** 403 unless the token covers this structure. */
export async function requireStructure(session: AgentSession, code: string, lang: Lang): Promise<void> {
  if (await session.scope.covers(code)) return;
  throw forbidden(lang, 'tokenNotCovering', { code });
}

/** 403 unless the token is a manager's (agents' tokens and the audit log are a manager's business). */
export function requireManager(session: AgentSession, lang: Lang): void {
  if (session.token.role === 'manager') return;
  throw forbidden(lang, 'managerOnly');
}
