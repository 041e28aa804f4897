import type { Kysely, Selectable } from 'kysely';
import type { Structure, StructureLevel, StructureSummary, StructuresPage } from '../../src/contract/index.js';
import type { Database, StructureTable } from './schema.js';
import { decodeCursor, encodeCursor, escapeLike, foldText } from './text.js';

type StructureRow = Selectable<StructureTable> & { network_name: string };

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('structures as s')
    .innerJoin('networks as n', 'n.code', 's.network_code')
    .selectAll('s')
    .select('n.name as network_name');
}

export function toSummary(row: StructureRow): StructureSummary {
  return {
    code: row.code,
    name: row.name,
    network: { code: row.network_code, name: row.network_name },
    level: row.level,
    parentCode: row.parent_code,
    postcode: row.postcode,
    city: row.city,
  };
}

export class InvalidCursorError extends Error {}

export interface StructureSearch {
  q?: string;
  network?: string;
  limit?: number;
  cursor?: string;
}

/** Search by words of the name, city, postcode or network; keyset pagination ordered by name then code. */
export async function searchStructures(db: Kysely<Database>, search: StructureSearch): Promise<StructuresPage> {
  const limit = search.limit ?? 20;
  const words = foldText(search.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  // A query made only of punctuation matches nothing (rather than everything).
  if (search.q?.trim() && words.length === 0) return { items: [], nextCursor: null };
  let query = baseQuery(db);
  for (const word of words) {
    query = query.where((eb) => eb('s.search_text', 'like', `%${escapeLike(word)}%`));
  }
  if (search.network) query = query.where('s.network_code', '=', search.network.toUpperCase());
  if (search.cursor) {
    const after = decodeCursor(search.cursor, 2);
    if (!after) throw new InvalidCursorError();
    const [name, code] = after.map(String) as [string, string];
    query = query.where((eb) => eb.or([eb('s.name', '>', name), eb.and([eb('s.name', '=', name), eb('s.code', '>', code)])]));
  }
  const rows = await query.orderBy('s.name').orderBy('s.code').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.code]) : null,
  };
}

export async function getStructureSummary(db: Kysely<Database>, code: string): Promise<StructureSummary | undefined> {
  const row = await baseQuery(db).where('s.code', '=', code).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

export async function getStructure(db: Kysely<Database>, code: string): Promise<Structure | undefined> {
  const row = await baseQuery(db).where('s.code', '=', code).executeTakeFirst();
  if (!row) return undefined;
  const commitments = await db
    .selectFrom('local_commitments')
    .select(['engagement', 'text', 'since'])
    .where('structure_code', '=', code)
    .orderBy('engagement')
    .orderBy('position')
    .execute();
  return {
    ...toSummary(row),
    contact: { phone: row.contact_phone, url: row.contact_url, address: row.contact_address },
    commitments: commitments.map((c) => ({ engagement: Number(c.engagement), text: c.text, since: c.since })),
  };
}

/** Which of these codes exist (keeps the order of the input). */
export async function existingStructureCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('structures').select('code').where('code', 'in', [...codes]).execute();
  return new Set(rows.map((r) => r.code));
}

export interface StructureInput {
  code: string;
  name: string;
  networkCode: string;
  level: StructureLevel;
  parentCode?: string | null;
  postcode?: string | null;
  city?: string | null;
  contact?: { phone?: string | null; url?: string | null; address?: string | null };
}

/** Insert or update one structure and its network (used by the seed and the importer). */
export async function upsertStructure(db: Kysely<Database>, input: StructureInput, networkName: string): Promise<void> {
  await db
    .insertInto('networks')
    .values({ code: input.networkCode, name: networkName })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: networkName }))
    .execute();
  const values = {
    name: input.name,
    network_code: input.networkCode,
    level: input.level,
    parent_code: input.parentCode ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    contact_phone: input.contact?.phone ?? null,
    contact_url: input.contact?.url ?? null,
    contact_address: input.contact?.address ?? null,
    search_text: foldText([input.name, input.city, input.postcode, input.networkCode, networkName].filter(Boolean).join(' ')),
  };
  await db
    .insertInto('structures')
    .values({ code: input.code, created_at: new Date().toISOString(), ...values })
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .execute();
}
