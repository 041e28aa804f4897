import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ImprovementAction, ImprovementInput, Lang } from '../../src/contract/index.js';
import type { Database, ImprovementActionTable } from './schema.js';
import { getEngagements } from './engagements.js';
import { newId, nowIso } from './ids.js';
import { writeAudit, type Actor } from './audit.js';
import { strings } from '../i18n.js';
import { STORE_FR } from './store.strings.js';
import { STORE_EN } from './store.strings.en.js';

const STORE = strings(STORE_FR, STORE_EN);

/** Engagement number → short label, from the newest wording stored for the language. */
async function engagementKeywords(db: Kysely<Database>, lang: Lang): Promise<Map<number, string>> {
  const doc = (await getEngagements(db, lang)) ?? (await getEngagements(db, 'fr'));
  return new Map((doc?.pillars ?? []).flatMap((p) => p.engagements.map((e) => [e.number, e.keyword] as const)));
}

function toAction(row: Selectable<ImprovementActionTable>, keywords: Map<number, string>, lang: Lang): ImprovementAction {
  const number = Number(row.engagement);
  return {
    id: row.id,
    youSaid: row.you_said,
    weDid: row.we_did,
    engagement: { number, keyword: keywords.get(number) ?? STORE.text(lang, 'engagementNumber', { number }) },
    tag: row.tag,
    status: row.status,
    date: row.status_date,
    updatedAt: row.updated_at,
  };
}

type Cited = NonNullable<ImprovementAction['testimonies']>;

/** The testimonies each action cites: how many, and the published ones (reference and title). */
async function citedTestimonies(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Cited>> {
  const cited = new Map<string, Cited>(ids.map((id) => [id, { count: 0, published: [] }]));
  if (!ids.length) return cited;
  const rows = await db
    .selectFrom('improvement_testimonies as it')
    .innerJoin('testimonies as t', 't.id', 'it.testimony_id')
    .select(['it.improvement_id', 't.reference', 't.title', 't.status'])
    .where('it.improvement_id', 'in', [...ids])
    .orderBy('t.published_at', 'desc')
    .orderBy('t.reference')
    .execute();
  for (const row of rows) {
    const entry = cited.get(row.improvement_id)!;
    entry.count++;
    if (row.status === 'published') entry.published.push({ reference: row.reference, title: row.title });
  }
  return cited;
}

/**
 * The testimony ids behind these references, when each one concerns one of `structureCodes`; otherwise the
 * positions of the references that do not (unknown, or another structure's).
 */
export async function resolveCitedTestimonies(
  db: Kysely<Database>,
  references: readonly string[],
  structureCodes: readonly string[],
): Promise<{ ids: string[] } | { unknown: number[] }> {
  if (!references.length) return { ids: [] };
  const rows = await db
    .selectFrom('testimonies as t')
    .innerJoin('testimony_structures as ts', 'ts.testimony_id', 't.id')
    .select(['t.id', 't.reference'])
    .where('t.reference', 'in', [...references])
    .where('ts.structure_code', 'in', [...structureCodes])
    .execute();
  const byReference = new Map(rows.map((r) => [r.reference, r.id]));
  const unknown = references.flatMap((ref, i) => (byReference.has(ref) ? [] : [i]));
  return unknown.length ? { unknown } : { ids: references.map((ref) => byReference.get(ref)!) };
}

async function setCited(db: Kysely<Database> | Transaction<Database>, improvementId: string, testimonyIds: readonly string[]): Promise<void> {
  await db.deleteFrom('improvement_testimonies').where('improvement_id', '=', improvementId).execute();
  if (testimonyIds.length) {
    await db
      .insertInto('improvement_testimonies')
      .values(testimonyIds.map((testimony_id) => ({ improvement_id: improvementId, testimony_id })))
      .execute();
  }
}

/** A structure's improvement plan, latest date first. */
export async function listImprovements(db: Kysely<Database>, structureCode: string, lang: Lang): Promise<ImprovementAction[]> {
  const [rows, keywords] = await Promise.all([
    db
      .selectFrom('improvement_actions')
      .selectAll()
      .where('structure_code', '=', structureCode)
      .orderBy('status_date', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute(),
    engagementKeywords(db, lang),
  ]);
  const cited = await citedTestimonies(db, rows.map((r) => r.id));
  return rows.map((row) => ({ ...toAction(row, keywords, lang), testimonies: cited.get(row.id)! }));
}

export async function getImprovement(db: Kysely<Database>, id: string, lang: Lang): Promise<(ImprovementAction & { structureCode: string }) | undefined> {
  const row = await db.selectFrom('improvement_actions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const cited = await citedTestimonies(db, [row.id]);
  return { ...toAction(row, await engagementKeywords(db, lang), lang), testimonies: cited.get(row.id)!, structureCode: row.structure_code };
}

const columns = (input: ImprovementInput) => ({
  engagement: input.engagement,
  tag: input.tag ?? null,
  you_said: input.youSaid,
  we_did: input.weDid,
  status: input.status,
  status_date: input.date,
});

/** `citedIds`: from `resolveCitedTestimonies`; `undefined` keeps the cited testimonies as they are (update). */
export async function createImprovement(
  db: Kysely<Database>,
  structureCode: string,
  input: ImprovementInput,
  actor: Actor,
  citedIds: readonly string[] = [],
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('improvement_actions')
      .values({ id, structure_code: structureCode, ...columns(input), created_at: now, updated_at: now })
      .execute();
    await setCited(trx, id, citedIds);
    await writeAudit(trx, actor, {
      action: 'improvement.create',
      targetType: 'improvement',
      targetId: id,
      structureCode,
      details: { engagement: input.engagement, status: input.status, date: input.date, testimonies: input.testimonies?.length ?? 0 },
    });
  });
  return id;
}

export async function updateImprovement(
  db: Kysely<Database>,
  structureCode: string,
  id: string,
  input: ImprovementInput,
  actor: Actor,
  citedIds?: readonly string[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('improvement_actions')
      .set({ ...columns(input), updated_at: nowIso() })
      .where('id', '=', id)
      .where('structure_code', '=', structureCode)
      .execute();
    if (citedIds) await setCited(trx, id, citedIds);
    await writeAudit(trx, actor, {
      action: 'improvement.update',
      targetType: 'improvement',
      targetId: id,
      structureCode,
      details: { engagement: input.engagement, status: input.status, date: input.date },
    });
  });
}

export async function deleteImprovement(db: Kysely<Database>, structureCode: string, id: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('improvement_actions').where('id', '=', id).where('structure_code', '=', structureCode).execute();
    await writeAudit(trx, actor, { action: 'improvement.delete', targetType: 'improvement', targetId: id, structureCode });
  });
}
