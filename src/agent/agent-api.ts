import { requestJson, type RequestOptions } from '../client/http.js';
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
import type { RejectionReason } from '../contract/testimony.js';
import { apiUrl } from '../internal/config.js';
import { parserFor } from '../internal/parse.js';

const parseProfile = parserFor(AgentProfile);
const parseQueue = parserFor(ModerationQueue);
const parseTestimony = parserFor(ModerationTestimony);

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

  private write(method: 'POST' | 'PUT', path: string, body: unknown): Promise<ModerationTestimony> {
    const [reference, ...rest] = path.split('/');
    return this.call(`/api/v1/admin/testimonies/${encodeURIComponent(reference!)}/${rest.join('/')}`, parseTestimony, { method, body, retries: 0 });
  }
}
