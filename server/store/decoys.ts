import type { Kysely } from 'kysely';
import type { TestimonySubmission, TestimonyTracking } from '../../src/contract/index.js';
import type { Database } from './schema.js';
import { sameDigest, sha256 } from './ids.js';
import { readJson, STORED, toJson } from './json.js';

/** Keeps what the tracking view of a dropped submission shows (never the story or the e-mail). */
export async function storeDecoy(
  db: Kysely<Database>,
  decoy: { reference: string; token: string; createdAt: string; submission: TestimonySubmission },
): Promise<void> {
  await db
    .insertInto('decoy_testimonies')
    .values({
      reference: decoy.reference,
      token_hash: sha256(decoy.token),
      feeling: decoy.submission.feeling,
      title: decoy.submission.title,
      structures: toJson(decoy.submission.structures),
      created_at: decoy.createdAt,
    })
    .execute();
}

/** A decoy's tracking view: pending, like any testimony waiting for moderation. */
export async function getDecoyTracking(db: Kysely<Database>, reference: string, token: string): Promise<TestimonyTracking | undefined> {
  const row = await db.selectFrom('decoy_testimonies').selectAll().where('reference', '=', reference).executeTakeFirst();
  if (!row || !sameDigest(row.token_hash, sha256(token))) return undefined;
  const codes = readJson(row.structures, STORED.strings);
  const names = codes.length ? await db.selectFrom('structures').select(['code', 'name']).where('code', 'in', codes).execute() : [];
  const byCode = new Map(names.map((s) => [s.code, s.name]));
  return {
    reference: row.reference,
    status: 'pending',
    feeling: row.feeling,
    title: row.title,
    structures: codes.filter((code) => byCode.has(code)).map((code) => ({ code, name: byCode.get(code)! })),
    createdAt: row.created_at,
    publishedAt: null,
    rejectionReason: null,
    replies: [],
  };
}

/** Decoys older than 90 days go (at start, with the idempotency purge): by then a real one would be long moderated. */
export async function purgeDecoys(db: Kysely<Database>, olderThanMs = 90 * 24 * 3600 * 1000): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs).toISOString();
  const result = await db.deleteFrom('decoy_testimonies').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** True when this key already stored this very submission: a replay, answered without counting it. */
export async function isStoredReplay(db: Kysely<Database>, key: string, hash: string): Promise<boolean> {
  const row = await db.selectFrom('idempotency_keys').select('request_hash').where('key', '=', key).executeTakeFirst();
  return row?.request_hash === hash;
}
