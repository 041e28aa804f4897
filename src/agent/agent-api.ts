import { ApiError, requestJson, type RequestOptions } from '../client/http.js';
import {
  AdminCommitment,
  AgentProfile,
  AuditPage,
  CommitmentList,
  CreatedTokenView,
  ModerationQueue,
  ResultsPublished,
  ResultsUploadReport,
  SubStructures,
  TokenList,
  type CommitmentInput,
  type ResultsPublication,
  ModerationTestimony,
  type MaskRequest,
  type ModerationStatus,
  type PublishRequest,
  type ReplyRequest,
  type TagsRequest,
} from '../contract/admin.js';
import { NotificationSettingsView, type NotificationSettings } from '../contract/notifications.js';
import { ImprovementAction, ImprovementsResponse, type ImprovementInput } from '../contract/improvement.js';
import type { FieldError, Problem } from '../contract/problem.js';
import { ResultsResponse } from '../contract/results.js';
import type { RejectionReason } from '../contract/testimony.js';
import { apiUrl } from '../internal/config.js';
import { failureMessage } from '../internal/failure.js';
import { parserFor } from '../internal/parse.js';

const parseProfile = parserFor(AgentProfile);
const parseQueue = parserFor(ModerationQueue);
const parseTestimony = parserFor(ModerationTestimony);
const parseImprovements = parserFor(ImprovementsResponse);
const parseImprovement = parserFor(ImprovementAction);
const parseCommitments = parserFor(CommitmentList);
const parseCommitment = parserFor(AdminCommitment);
const parseSubStructures = parserFor(SubStructures);
const parseTokens = parserFor(TokenList);
const parseCreatedToken = parserFor(CreatedTokenView);
const parseAudit = parserFor(AuditPage);
const parseResults = parserFor(ResultsResponse);
const parsePublished = parserFor(ResultsPublished);
const parseUpload = parserFor(ResultsUploadReport);
const parseNotifications = parserFor(NotificationSettingsView);

const structurePath = (code: string, rest: string) => `/api/v1/admin/structures/${encodeURIComponent(code)}/${rest}`;

/**
 * A form's write: its answer once done; `undefined` when the server refused named fields (problem+json `errors`),
 * which go to `show` (the form stays as typed); any other failure is thrown (the screen's alert line).
 */
export async function written<T>(write: Promise<T>, show: (fields: readonly FieldError[]) => void): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    const fields = error instanceof ApiError ? error.problem?.errors : undefined;
    if (!fields?.length) throw error;
    show(fields);
    return undefined;
  }
}

/**
 * What went wrong, in the agent's words: what the server said about an HTTP error (its field messages, else its
 * problem detail; it speaks the agent's language), else `failureMessage` with the agent's strings. No delay to
 * format: the agent app says no "try again in N seconds".
 */
export function failureText(error: unknown, s: { network: string; timeout: string; malformed: string; server: string }): string {
  const problem = error instanceof ApiError && error.kind === 'http' ? error.problem : undefined;
  return problem?.errors?.map((e) => e.message).join(' ') || problem?.detail || failureMessage(error, { ...s, offline: s.network, down: s.server }, 'fr');
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

  deleteImprovement(structure: string, id: string): Promise<void> {
    return this.send('DELETE', structurePath(structure, `improvements/${encodeURIComponent(id)}`)).then(() => undefined);
  }

  reassign(reference: string, from: string, to: string): Promise<ModerationTestimony> {
    return this.write('POST', `${reference}/reassign`, { from, to });
  }

  subStructures(structure: string): Promise<SubStructures> {
    return this.call(structurePath(structure, 'sub-structures'), parseSubStructures, { retries: 1 });
  }

  commitments(structure: string): Promise<CommitmentList> {
    return this.call(structurePath(structure, 'commitments'), parseCommitments, { retries: 1 });
  }

  addCommitment(structure: string, body: CommitmentInput): Promise<AdminCommitment> {
    return this.call(structurePath(structure, 'commitments'), parseCommitment, { method: 'POST', body, retries: 0 });
  }

  updateCommitment(structure: string, id: string, body: CommitmentInput): Promise<AdminCommitment> {
    return this.call(structurePath(structure, `commitments/${encodeURIComponent(id)}`), parseCommitment, { method: 'PUT', body, retries: 0 });
  }

  async deleteCommitment(structure: string, id: string): Promise<void> {
    await this.send('DELETE', structurePath(structure, `commitments/${encodeURIComponent(id)}`));
  }

  tokens(structure: string): Promise<TokenList> {
    return this.call(structurePath(structure, 'tokens'), parseTokens, { retries: 1 });
  }

  createToken(structure: string, name: string): Promise<CreatedTokenView> {
    return this.call(structurePath(structure, 'tokens'), parseCreatedToken, { method: 'POST', body: { name }, retries: 0 });
  }

  async revokeToken(structure: string, id: string): Promise<void> {
    await this.send('DELETE', structurePath(structure, `tokens/${encodeURIComponent(id)}`));
  }

  audit(structure: string, cursor?: string, limit = 30): Promise<AuditPage> {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    return this.call(structurePath(structure, `audit?${params}`), parseAudit, { retries: 1 });
  }

  /** Who gets the structure's daily digest, and its e-mails not delivered yet (a manager's business). */
  notifications(structure: string): Promise<NotificationSettingsView> {
    return this.call(structurePath(structure, 'notifications'), parseNotifications, { retries: 1 });
  }

  putNotifications(structure: string, body: NotificationSettings): Promise<NotificationSettingsView> {
    return this.call(structurePath(structure, 'notifications'), parseNotifications, { method: 'PUT', body, retries: 0 });
  }

  /** The structure's indicators and published values, read fresh. */
  results(structure: string): Promise<ResultsResponse> {
    return this.call(`/api/v1/structures/${encodeURIComponent(structure)}/results`, parseResults, { retries: 1 });
  }

  publishResults(structure: string, body: ResultsPublication): Promise<ResultsPublished> {
    return this.call(structurePath(structure, 'results'), parsePublished, { method: 'PUT', body, retries: 0 });
  }

  /** Uploads a results CSV: checked line by line, written only when every line passes (a 422 carries the errors). */
  async uploadResults(structure: string, csv: string, check = false): Promise<ResultsUploadReport> {
    const response = await this.send('POST', structurePath(structure, 'results.csv'), { csv, ...(check ? { check } : {}) }, [422]);
    try {
      return parseUpload(await response.json());
    } catch {
      throw new ApiError('malformed', 'the response does not match the API contract', response.status);
    }
  }

  /** The published testimonies as the open-data CSV (a file the page then offers to save). */
  async exportTestimonies(structure: string): Promise<Blob> {
    const response = await this.send('GET', structurePath(structure, 'testimonies.csv'));
    return response.blob();
  }

  /** A request whose answer is not one JSON document of the contract (204, CSV, a 422 report). */
  private async send(method: string, path: string, body?: unknown, accepted: number[] = []): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(apiUrl(this.base, path), {
        method,
        headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new ApiError(error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'network', String(error));
    }
    if (response.ok || accepted.includes(response.status)) return response;
    let problem: Problem | undefined;
    try {
      const data = (await response.json()) as Problem;
      if (data && typeof data.status === 'number') problem = data;
    } catch {
      // the status alone says enough
    }
    throw new ApiError('http', problem?.detail ?? `HTTP ${response.status}`, response.status, problem);
  }

  private write(method: 'POST' | 'PUT', path: string, body: unknown): Promise<ModerationTestimony> {
    const [reference, ...rest] = path.split('/');
    return this.call(`/api/v1/admin/testimonies/${encodeURIComponent(reference!)}/${rest.join('/')}`, parseTestimony, { method, body, retries: 0 });
  }
}
