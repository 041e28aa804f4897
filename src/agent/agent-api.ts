import { ApiError, requestJson, type RequestOptions } from '../client/http.js';
import {
  AgentProfile,
  ModerationQueue,
  ModerationTestimony,
  type MaskRequest,
  type ModerationStatus,
  type PublishRequest,
  type ReplyRequest,
  type TagsRequest,
} from '../contract/admin.js';
import { ImprovementAction, ImprovementsResponse, type ImprovementInput } from '../contract/improvement.js';
import type { RejectionReason } from '../contract/testimony.js';
import { apiUrl } from '../internal/config.js';
import { parserFor } from '../internal/parse.js';

const parseProfile = parserFor(AgentProfile);
const parseQueue = parserFor(ModerationQueue);
const parseTestimony = parserFor(ModerationTestimony);
const parseImprovements = parserFor(ImprovementsResponse);
const parseImprovement = parserFor(ImprovementAction);

/**
 * What went wrong, in the agent's words: the server's field messages or its problem detail, else what the
 * client saw (network, timeout, an answer outside the contract).
 */
export function failureText(error: unknown, s: { network: string; timeout: string; malformed: string; server: string }): string {
  if (!(error instanceof ApiError)) return s.malformed;
  if (error.kind === 'network') return s.network;
  if (error.kind === 'timeout') return s.timeout;
  if (error.kind === 'malformed') return s.malformed;
  const fields = error.problem?.errors?.map((e) => e.message).join(' ');
  return fields || error.problem?.detail || s.server;
}

export interface QueueFilter {
  status: ModerationStatus;
  structure?: string;
  cursor?: string;
}

/**
 * The admin API as the agent page uses it: every call carries the token, nothing is cached, and every answer
 * is parsed with the contract (a surprise is an error, never half a screen). Writes are never retried by the
 * client: the agent sees the failure and decides.
 */
export class AgentApi {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  private async call<T>(path: string, parse: (data: unknown) => T, options: RequestOptions = {}): Promise<T> {
    const response = await requestJson(apiUrl(this.base, path), parse, {
      ...options,
      headers: { Authorization: `Bearer ${this.token}`, ...options.headers },
      // With a signal the client does not share an identical GET already in flight, which may carry a token
      // the agent has since replaced.
      signal: options.signal ?? new AbortController().signal,
    });
    return response.data;
  }

  me(): Promise<AgentProfile> {
    return this.call('/api/v1/admin/me', parseProfile, { retries: 1 });
  }

  queue(filter: QueueFilter, limit = 20): Promise<ModerationQueue> {
    const params = new URLSearchParams({ status: filter.status, limit: String(limit) });
    if (filter.structure) params.set('structure', filter.structure);
    if (filter.cursor) params.set('cursor', filter.cursor);
    return this.call(`/api/v1/admin/testimonies?${params}`, parseQueue, { retries: 1 });
  }

  testimony(reference: string): Promise<ModerationTestimony> {
    return this.call(`/api/v1/admin/testimonies/${encodeURIComponent(reference)}`, parseTestimony, { retries: 1 });
  }

  publish(reference: string, body: PublishRequest): Promise<ModerationTestimony> {
    return this.write('POST', `${reference}/publish`, body);
  }

  reject(reference: string, reason: RejectionReason): Promise<ModerationTestimony> {
    return this.write('POST', `${reference}/reject`, { reason });
  }

  mask(reference: string, body: MaskRequest): Promise<ModerationTestimony> {
    return this.write('POST', `${reference}/mask`, body);
  }

  tags(reference: string, body: TagsRequest): Promise<ModerationTestimony> {
    return this.write('PUT', `${reference}/tags`, body);
  }

  reply(reference: string, structure: string, body: ReplyRequest): Promise<ModerationTestimony> {
    return this.write('PUT', `${reference}/replies/${encodeURIComponent(structure)}`, body);
  }

  /** A structure's plan as published, read fresh (a request with a token is never served from a cache). */
  improvements(structure: string, lang: string): Promise<ImprovementsResponse> {
    return this.call(`/api/v1/structures/${encodeURIComponent(structure)}/improvements?lang=${lang}`, parseImprovements, { retries: 1 });
  }

  addImprovement(structure: string, body: ImprovementInput): Promise<ImprovementAction> {
    return this.call(`/api/v1/admin/structures/${encodeURIComponent(structure)}/improvements`, parseImprovement, { method: 'POST', body, retries: 0 });
  }

  updateImprovement(structure: string, id: string, body: ImprovementInput): Promise<ImprovementAction> {
    const path = `/api/v1/admin/structures/${encodeURIComponent(structure)}/improvements/${encodeURIComponent(id)}`;
    return this.call(path, parseImprovement, { method: 'PUT', body, retries: 0 });
  }

  private write(method: 'POST' | 'PUT', path: string, body: unknown): Promise<ModerationTestimony> {
    const [reference, ...rest] = path.split('/');
    return this.call(`/api/v1/admin/testimonies/${encodeURIComponent(reference!)}/${rest.join('/')}`, parseTestimony, { method, body, retries: 0 });
  }
}
