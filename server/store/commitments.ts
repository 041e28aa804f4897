import type { Kysely, Selectable } from 'kysely';
import type { AdminCommitment, CommitmentInput } from '../../src/contract/index.js';
import type { Database, LocalCommitmentTable } from './schema.js';
import { writeAudit, type Actor } from './audit.js';
import { newId } from './ids.js';

/**
 * A structure's local commitments ("Notre numéro est gratuit depuis..."), shown by `<spp-engagements structure>`
 * under their engagement through `GET /api/v1/structures/{code}`. Each write and its audit row share a transaction.
 */
function toCommitment(row: Selectable<LocalCommitmentTable>): AdminCommitment {
  return { id: row.id, engagement: Number(row.engagement), text: row.text, position: Number(row.position), since: row.since };
}

export async function listCommitments(db: Kysely<Database>, structureCode: string): Promise<AdminCommitment[]> {
  const rows = await db
    .selectFrom('local_commitments')
    .selectAll()
    .where('structure_code', '=', structureCode)
    .orderBy('engagement')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toCommitment);
}

export async function getCommitment(db: Kysely<Database>, structureCode: string, id: string): Promise<AdminCommitment | undefined> {
  const row = await db
    .selectFrom('local_commitments')
    .selectAll()
    .where('id', '=', id)
    .where('structure_code', '=', structureCode)
    .executeTakeFirst();
  return row ? toCommitment(row) : undefined;
}

/** Without a position, the new commitment goes after the structure's others under the same engagement. */
async function nextPosition(db: Kysely<Database>, structureCode: string, engagement: number): Promise<number> {
  const row = await db
    .selectFrom('local_commitments')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('structure_code', '=', structureCode)
    .where('engagement', '=', engagement)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function createCommitment(db: Kysely<Database>, structureCode: string, input: CommitmentInput, actor: Actor): Promise<string> {
  const id = newId();
  const position = input.position ?? (await nextPosition(db, structureCode, input.engagement));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('local_commitments')
      .values({ id, structure_code: structureCode, engagement: input.engagement, text: input.text, since: input.since ?? null, position })
      .execute();
    await writeAudit(trx, actor, {
      action: 'commitment.create',
      targetType: 'commitment',
      targetId: id,
      structureCode,
      details: { engagement: input.engagement, text: input.text },
    });
  });
  return id;
}

export async function updateCommitment(
  db: Kysely<Database>,
  structureCode: string,
  existing: AdminCommitment,
  input: CommitmentInput,
  actor: Actor,
): Promise<void> {
  const position =
    input.position ?? (input.engagement === existing.engagement ? existing.position : await nextPosition(db, structureCode, input.engagement));
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('local_commitments')
      .set({ engagement: input.engagement, text: input.text, since: input.since === undefined ? existing.since : input.since, position })
      .where('id', '=', existing.id)
      .where('structure_code', '=', structureCode)
      .execute();
    await writeAudit(trx, actor, {
      action: 'commitment.update',
      targetType: 'commitment',
      targetId: existing.id,
      structureCode,
      details: { engagement: input.engagement, text: input.text },
    });
  });
}

export async function deleteCommitment(db: Kysely<Database>, structureCode: string, id: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('local_commitments').where('id', '=', id).where('structure_code', '=', structureCode).execute();
    await writeAudit(trx, actor, { action: 'commitment.delete', targetType: 'commitment', targetId: id, structureCode });
  });
}
