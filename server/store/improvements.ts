import type { Kysely, Selectable } from 'kysely';
import type { ImprovementAction, ImprovementInput, ImprovementStatus, Lang, Tag } from '../../src/contract/index.js';
import type { Database, ImprovementActionTable } from './schema.js';
import { getEngagements } from './engagements.js';
import { newId, nowIso } from './ids.js';
import { writeAudit, type Actor } from './audit.js';

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
    engagement: { number, keyword: keywords.get(number) ?? (lang === 'en' ? `Commitment ${number}` : `Engagement ${number}`) },
    tag: (row.tag as Tag | null) ?? null,
    status: row.status as ImprovementStatus,
    date: row.status_date,
    updatedAt: row.updated_at,
  };
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
  return rows.map((row) => toAction(row, keywords, lang));
}

export async function getImprovement(db: Kysely<Database>, id: string, lang: Lang): Promise<(ImprovementAction & { structureCode: string }) | undefined> {
  const row = await db.selectFrom('improvement_actions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { ...toAction(row, await engagementKeywords(db, lang), lang), structureCode: row.structure_code };
}

const columns = (input: ImprovementInput) => ({
  engagement: input.engagement,
  tag: input.tag ?? null,
  you_said: input.youSaid,
  we_did: input.weDid,
  status: input.status,
  status_date: input.date,
});

export async function createImprovement(db: Kysely<Database>, structureCode: string, input: ImprovementInput, actor: Actor): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('improvement_actions')
      .values({ id, structure_code: structureCode, ...columns(input), created_at: now, updated_at: now })
      .execute();
    await writeAudit(trx, actor, {
      action: 'improvement.create',
      targetType: 'improvement',
      targetId: id,
      structureCode,
      details: { engagement: input.engagement, status: input.status, date: input.date },
    });
  });
  return id;
}

export async function updateImprovement(db: Kysely<Database>, structureCode: string, id: string, input: ImprovementInput, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('improvement_actions')
      .set({ ...columns(input), updated_at: nowIso() })
      .where('id', '=', id)
      .where('structure_code', '=', structureCode)
      .execute();
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
