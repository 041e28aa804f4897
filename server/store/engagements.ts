import type { Kysely } from 'kysely';
import { EngagementsResponse, type Lang } from '../../src/contract/index.js';
import type { Database } from './schema.js';
import { nowIso } from './ids.js';
import { readJson, toJson } from './json.js';

/** The newest wording stored for a language, or `undefined` when none is. */
export async function getEngagements(db: Kysely<Database>, lang: Lang): Promise<EngagementsResponse | undefined> {
  const row = await db
    .selectFrom('engagement_versions')
    .select('document')
    .where('lang', '=', lang)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? readJson(row.document, EngagementsResponse) : undefined;
}

/** Stores one version of the wording in one language (replacing that exact version if present). */
export async function saveEngagements(db: Kysely<Database>, doc: EngagementsResponse): Promise<void> {
  const valid = EngagementsResponse.parse(doc);
  await db
    .insertInto('engagement_versions')
    .values({ version: valid.version, lang: valid.lang, document: toJson(valid), created_at: nowIso() })
    .onConflict((oc) => oc.columns(['version', 'lang']).doUpdateSet({ document: toJson(valid) }))
    .execute();
}
