import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  Feeling,
  PiiFinding,
  PublishedTestimony,
  Reply,
  StructureRef,
  Tag,
  TestimoniesPage,
  TestimonyStats,
  TestimonySubmission,
  TestimonyTracking,
} from '../../src/contract/index.js';
import type { Database, TestimonyTable } from './schema.js';
import { newId, newReference, newToken, nowIso, sameDigest, sha256 } from './ids.js';
import { readJson, STORED, toJson, type JsonText } from './json.js';
import { decodeCursor, encodeCursor } from './text.js';
import { InvalidCursorError } from './structures.js';
import { isMailToken } from '../mail/outbox.js';

type Db = Kysely<Database> | Transaction<Database>;

/** True when the error is a primary-key / unique violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT_'));
}

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export type CreateOutcome =
  | { kind: 'created'; response: StoredResponse }
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'key-reused' };

export interface NewTestimony {
  submission: TestimonySubmission;
  idempotencyKey: string;
  /** Personal-data findings for the moderator: positions only, never the matched text. */
  piiFlags: PiiFinding[];
  /** Builds the private tracking link from the reference and token. */
  trackingUrl: (reference: string, token: string) => string;
}

/**
 * The canonical request hash: the same key with another testimony is a client bug, not a retry. The form's
 * anti-abuse signals are left out: they describe the sending, not the testimony.
 */
export function submissionHash(submission: TestimonySubmission): string {
  const { form: _signals, ...testimony } = submission;
  return sha256(JSON.stringify(testimony));
}

async function findKey(db: Db, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
}

function replay(row: { request_hash: string; status_code: number; response: JsonText<unknown> }, hash: string): CreateOutcome {
  if (row.request_hash !== hash) return { kind: 'key-reused' };
  return { kind: 'replayed', response: { statusCode: row.status_code, body: readJson(row.response, STORED.any) } };
}

/**
 * Stores a testimony and its idempotency key in one transaction: either both exist or neither does, so a
 * retried request (same key) returns the first answer and never creates a second testimony, even when two
 * requests race on two instances (the key's primary key decides).
 */
export async function createTestimony(db: Kysely<Database>, input: NewTestimony): Promise<CreateOutcome> {
  const hash = submissionHash(input.submission);
  const existing = await findKey(db, input.idempotencyKey);
  if (existing) return replay(existing, hash);

  const s = input.submission;
  const id = newId();
  const reference = newReference();
  const token = newToken();
  const createdAt = nowIso();
  const body = {
    reference,
    token,
    status: 'pending' as const,
    createdAt,
    trackingUrl: input.trackingUrl(reference, token),
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('idempotency_keys')
        .values({
          key: input.idempotencyKey,
          request_hash: hash,
          status_code: 201,
          response: toJson(body),
          created_at: createdAt,
        })
        .execute();
      await trx
        .insertInto('testimonies')
        .values({
          id,
          reference,
          token_hash: sha256(token),
          status: 'pending',
          feeling: s.feeling,
          title: s.title,
          body: s.body,
          channels: toJson(s.channels),
          tags: '[]',
          posted_as: s.postedAs,
          postcode: s.postcode ?? null,
          email: s.email ?? null,
          contact_consent: s.contactConsent ? 1 : 0,
          lang: s.lang ?? 'fr',
          pii_flags: toJson(input.piiFlags),
          rejection_reason: null,
          created_at: createdAt,
          moderated_at: null,
          published_at: null,
          first_reply_at: null,
        })
        .execute();
      await trx
        .insertInto('testimony_structures')
        .values(s.structures.map((code, position) => ({ testimony_id: id, structure_code: code, position, published_at: null })))
        .execute();
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request with the same key won the race: answer as it did.
    const winner = await findKey(db, input.idempotencyKey);
    if (!winner) throw error;
    return replay(winner, hash);
  }
  return { kind: 'created', response: { statusCode: 201, body } };
}

/** Idempotency records hold the first answer (with its token) only as long as a client may retry. */
export async function purgeIdempotencyKeys(db: Kysely<Database>, olderThanMs = 24 * 3600 * 1000): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs).toISOString();
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

export async function structureRefs(db: Db, ids: readonly string[]): Promise<Map<string, StructureRef[]>> {
  const out = new Map<string, StructureRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('testimony_structures as ts')
    .innerJoin('structures as s', 's.code', 'ts.structure_code')
    .select(['ts.testimony_id', 's.code', 's.name'])
    .where('ts.testimony_id', 'in', [...ids])
    .orderBy('ts.testimony_id')
    .orderBy('ts.position')
    .execute();
  for (const row of rows) {
    const list = out.get(row.testimony_id) ?? [];
    list.push({ code: row.code, name: row.name });
    out.set(row.testimony_id, list);
  }
  return out;
}

export async function repliesOf(db: Db, ids: readonly string[]): Promise<Map<string, Reply[]>> {
  const out = new Map<string, Reply[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('replies as r')
    .innerJoin('structures as s', 's.code', 'r.structure_code')
    .select(['r.testimony_id', 'r.body', 'r.signature', 'r.created_at', 's.code', 's.name'])
    .where('r.testimony_id', 'in', [...ids])
    .orderBy('r.created_at')
    // A total order: every instance (and both stores) renders the same body, hence the same ETag.
    .orderBy('r.id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.testimony_id) ?? [];
    list.push({
      structure: { code: row.code, name: row.name },
      body: row.body,
      signature: row.signature,
      createdAt: row.created_at,
    });
    out.set(row.testimony_id, list);
  }
  return out;
}

/** The author's view, or `undefined` when the reference is unknown or the token does not match. */
export async function getTracking(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<TestimonyTracking | undefined> {
  const row = await db.selectFrom('testimonies').selectAll().where('reference', '=', reference).executeTakeFirst();
  // The submission's token, or one handed out in an e-mail about this testimony (see `server/mail/outbox.ts`).
  if (!row || !(sameDigest(row.token_hash, sha256(token)) || (await isMailToken(db, row.id, token)))) return undefined;
  const [refs, replies] = await Promise.all([structureRefs(db, [row.id]), repliesOf(db, [row.id])]);
  const published = row.status === 'published';
  // Replies are public only once the testimony is: a rejected one never shows any.
  const visibleReplies = published ? (replies.get(row.id) ?? []) : [];
  return {
    reference: row.reference,
    status: row.status === 'rejected' ? 'rejected' : !published ? 'pending' : visibleReplies.length ? 'answered' : 'published',
    feeling: row.feeling,
    title: row.title,
    structures: refs.get(row.id) ?? [],
    createdAt: row.created_at,
    publishedAt: row.published_at,
    rejectionReason: row.rejection_reason,
    replies: visibleReplies,
  };
}

export interface PublishedQuery {
  feeling?: Feeling;
  channel?: string;
  tag?: Tag;
  limit?: number;
  cursor?: string;
}

/** What the author told, as every view of a testimony shows it (public listing, moderation). */
export function storyOf(row: Selectable<TestimonyTable>) {
  return {
    feeling: row.feeling,
    title: row.title,
    body: row.body,
    channels: readJson(row.channels, STORED.channels),
    tags: readJson(row.tags, STORED.tags),
    postedAs: row.posted_as,
  } satisfies Partial<PublishedTestimony>;
}

function toPublished(row: Selectable<TestimonyTable>, refs: StructureRef[], replies: Reply[]): PublishedTestimony {
  return {
    reference: row.reference,
    ...storyOf(row),
    structures: refs,
    createdAt: row.created_at,
    publishedAt: row.published_at ?? row.created_at,
    replies,
  };
}

/** Published testimonies of a structure, newest first, with every structure's replies. */
export async function listPublished(
  db: Kysely<Database>,
  structureCode: string,
  query: PublishedQuery,
): Promise<TestimoniesPage> {
  const limit = query.limit ?? 10;
  let q = db
    .selectFrom('testimony_structures as ts')
    .innerJoin('testimonies as t', 't.id', 'ts.testimony_id')
    .selectAll('t')
    .select('ts.published_at as page_published_at')
    .where('ts.structure_code', '=', structureCode)
    .where('ts.published_at', 'is not', null)
    .where('t.status', '=', 'published');
  if (query.feeling) q = q.where('t.feeling', '=', query.feeling);
  // JSON arrays stored as text: the quoted value is an exact token inside them.
  if (query.channel) q = q.where('t.channels', 'like', `%"channel":"${query.channel}"%`);
  if (query.tag) q = q.where('t.tags', 'like', `%"${query.tag}"%`);
  if (query.cursor) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) throw new InvalidCursorError();
    const [at, id] = after.map(String) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('ts.published_at', '<', at), eb.and([eb('ts.published_at', '=', at), eb('ts.testimony_id', '<', id)])]),
    );
  }
  const rows = await q.orderBy('ts.published_at', 'desc').orderBy('ts.testimony_id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [refs, replies, stats] = await Promise.all([
    structureRefs(db, ids),
    repliesOf(db, ids),
    testimonyStats(db, structureCode),
  ]);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toPublished(row, refs.get(row.id) ?? [], replies.get(row.id) ?? [])),
    nextCursor: rows.length > limit && last ? encodeCursor([last.page_published_at!, last.id]) : null,
    stats,
  };
}

const DAY_MS = 24 * 3600 * 1000;

/** Published count, answered count (a reply from this structure), response rate and median reply delay. */
export async function testimonyStats(db: Db, structureCode: string): Promise<TestimonyStats> {
  // One range of the published index, which covers both times (no lookup per testimony).
  const rows = await db
    .selectFrom('testimony_structures as ts')
    .select(['ts.published_at', 'ts.replied_at as first_reply_at'])
    .where('ts.structure_code', '=', structureCode)
    .where('ts.published_at', 'is not', null)
    .execute();
  const delays = rows
    .filter((r) => r.first_reply_at)
    .map((r) => Math.max(0, (Date.parse(String(r.first_reply_at)) - Date.parse(r.published_at!)) / DAY_MS))
    .sort((a, b) => a - b);
  const mid = delays.length >> 1;
  const median =
    delays.length === 0 ? null : delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2;
  return {
    published: rows.length,
    answered: delays.length,
    responseRate: rows.length ? delays.length / rows.length : null,
    medianReplyDays: median === null ? null : Math.round(median * 10) / 10,
  };
}
