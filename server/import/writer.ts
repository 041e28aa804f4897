import type { Insertable, Selectable } from 'kysely';
import type { Database, ReplyTable, StructureTable, TestimonyStructureTable, TestimonyTable } from '../store/schema.js';
import { foldText } from '../store/text.js';
import type { DatasetKind } from '../../src/opendata/columns.js';
import type { ExperienceRecord, IndicatorRecord, Problem, RecordOf, ResultRecord, StructureRecord } from '../../src/opendata/records.js';
import { WriteContext, type Db } from './write-context.js';

/**
 * Upserts one batch of mapped rows inside the caller's transaction, keyed by the SP+ codes: structures by code,
 * indicators by indicator code, results by structure + indicator + period, experiences by their published id.
 * Each row is compared with what is stored first, so a second import of the same file writes nothing and
 * reports every row unchanged.
 */
export type Outcome = 'inserted' | 'updated' | 'unchanged' | Problem[];

export interface Item<T> {
  line: number;
  record: T;
}

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/** Same stored values? Numbers compare by value (PostgreSQL may hand back strings for numerics). */
function sameValues(stored: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).every(([key, value]) => {
    const before = stored[key];
    if (typeof value === 'number' && before !== null && before !== undefined) return Number(before) === value;
    return (before ?? null) === (value ?? null);
  });
}

/** `undefined` keeps the stored value (the file has no such column); on insert it is the default. */
const keep = <T>(wanted: T | undefined, stored: T | undefined, fallback: T): T =>
  wanted !== undefined ? wanted : stored !== undefined ? stored : fallback;

// ---- structures ---------------------------------------------------------------------------------------------

async function writeStructures(db: Db, items: Item<StructureRecord>[], ctx: WriteContext): Promise<Outcome[]> {
  const stored = new Map<string, Selectable<StructureTable>>(
    (await db.selectFrom('structures').selectAll().where('code', 'in', unique(items.map((i) => i.record.code))).execute()).map(
      (row) => [row.code, row],
    ),
  );
  const outcomes: Outcome[] = [];
  for (const { record: s } of items) {
    const outside = ctx.outside(s.code, s.columns.code);
    const network = outside ? undefined : await ctx.resolveNetwork(db, s.network, s.networkName);
    if (outside || !network || 'error' in network) {
      outcomes.push([outside ?? { column: s.columns.network, reason: network && 'error' in network ? network.error : 'unknown network' }]);
      continue;
    }
    const networkCode = network.code;
    if (s.networkName && s.networkName !== ctx.networkName(networkCode)) await ctx.renameNetwork(db, networkCode, s.networkName);
    const before = stored.get(s.code);
    const values = {
      name: s.name,
      network_code: networkCode,
      // Without a level column: a structure under a parent is a local site, one without is a network head.
      level: keep(s.level, before?.level, s.parentCode ? 'site' : 'network'),
      parent_code: keep(s.parentCode, before?.parent_code, null),
      postcode: keep(s.postcode, before?.postcode, null),
      city: keep(s.city, before?.city, null),
      contact_phone: keep(s.phone, before?.contact_phone, null),
      contact_url: keep(s.url, before?.contact_url, null),
      contact_address: keep(s.address, before?.contact_address, null),
    };
    const full = {
      ...values,
      search_text: foldText(
        [values.name, values.city, values.postcode, networkCode, ctx.networkName(networkCode)].filter(Boolean).join(' '),
      ),
    };
    if (!before) {
      await db.insertInto('structures').values({ code: s.code, created_at: ctx.now, ...full }).execute();
      outcomes.push('inserted');
    } else if (sameValues(before, full)) {
      outcomes.push('unchanged');
    } else {
      await db.updateTable('structures').set(full).where('code', '=', s.code).execute();
      outcomes.push('updated');
    }
    stored.set(s.code, { ...(before ?? { code: s.code, created_at: ctx.now }), ...full });
    ctx.rememberStructure(s.code, s.name);
  }
  return outcomes;
}

// ---- indicators ---------------------------------------------------------------------------------------------

async function writeIndicators(db: Db, items: Item<IndicatorRecord>[], ctx: WriteContext): Promise<Outcome[]> {
  const stored = new Map(
    (await db.selectFrom('indicators').selectAll().where('code', 'in', unique(items.map((i) => i.record.code))).execute()).map(
      (row) => [row.code, row],
    ),
  );
  const outcomes: Outcome[] = [];
  for (const { record: i } of items) {
    if (ctx.allowed) {
      // The catalogue is shared by every structure: an import limited to some structures may not change it.
      outcomes.push([{ column: '', reason: 'the indicator catalogue is shared by every structure: it cannot be imported with a structure restriction' }]);
      continue;
    }
    let networkCode: string | null | undefined = i.network;
    if (i.network) {
      const network = await ctx.resolveNetwork(db, i.network);
      if ('error' in network) {
        outcomes.push([{ column: i.networkColumn, reason: network.error }]);
        continue;
      }
      networkCode = network.code;
    }
    const before = stored.get(i.code);
    const values = {
      label: i.label,
      original_label: keep(i.originalLabel, before?.original_label, null),
      network_code: keep(networkCode, before?.network_code, null),
      family: i.family,
      unit_type: i.unitType,
      unit: i.unit,
      // A curated direction is not overwritten by a guess; a new indicator gets the inferred one.
      direction: keep(i.direction, before?.direction, i.inferredDirection),
      target: keep(i.target, before?.target, null),
      methodology: keep(i.methodology, before?.methodology, ''),
      sources: keep(i.sources, before?.sources, null),
    };
    if (!before) {
      const position = await ctx.takePosition(db);
      await db.insertInto('indicators').values({ code: i.code, position, ...values }).execute();
      stored.set(i.code, { code: i.code, position, ...values });
      outcomes.push('inserted');
    } else if (sameValues(before, values)) {
      outcomes.push('unchanged');
    } else {
      await db.updateTable('indicators').set(values).where('code', '=', i.code).execute();
      stored.set(i.code, { ...before, ...values });
      outcomes.push('updated');
    }
    ctx.rememberIndicator(i.code);
  }
  return outcomes;
}

// ---- results ------------------------------------------------------------------------------------------------

const resultKey = (structure: string, indicator: string, period: string) => `${structure}\u0000${indicator}\u0000${period}`;

async function writeResults(db: Db, items: Item<ResultRecord>[], ctx: WriteContext): Promise<Outcome[]> {
  const structures = await ctx.structures(db);
  const indicators = await ctx.knownIndicators(db, items.map((i) => i.record.indicatorCode));
  const rows = await db
    .selectFrom('results')
    .selectAll()
    .where('structure_code', 'in', unique(items.map((i) => i.record.structureCode)))
    .where('indicator_code', 'in', unique(items.map((i) => i.record.indicatorCode)))
    .where('period', 'in', unique(items.map((i) => i.record.period)))
    .execute();
  const stored = new Map(rows.map((r) => [resultKey(r.structure_code, r.indicator_code, r.period), r]));
  const inserts = new Map<string, (typeof rows)[number]>();
  const outcomes: Outcome[] = [];
  for (const { record: r } of items) {
    const problems: Problem[] = [];
    const outside = ctx.outside(r.structureCode, r.columns.structure);
    if (outside) problems.push(outside);
    else if (!structures.has(r.structureCode)) {
      problems.push({ column: r.columns.structure, reason: `unknown structure ${r.structureCode} (neither in the database nor in this import)` });
    }
    if (!indicators.has(r.indicatorCode)) {
      problems.push({ column: r.columns.indicator, reason: `unknown indicator ${r.indicatorCode} (import the indicator catalogue first)` });
    }
    if (problems.length) {
      outcomes.push(problems);
      continue;
    }
    const key = resultKey(r.structureCode, r.indicatorCode, r.period);
    const before = stored.get(key);
    const values = {
      period_start: r.periodStart,
      period_end: r.periodEnd,
      value: r.value,
      sample_size: keep(r.sampleSize, before?.sample_size, null),
      network_average: keep(r.networkAverage, before?.network_average, null),
      updated_at: r.updatedAt,
    };
    const row = { structure_code: r.structureCode, indicator_code: r.indicatorCode, period: r.period, ...values };
    const queued = inserts.get(key);
    if (queued) {
      // The same key twice in one batch: the later row wins, as it would across batches.
      Object.assign(queued, values);
      outcomes.push(sameValues(before!, values) ? 'unchanged' : 'updated');
    } else if (!before) {
      inserts.set(key, row);
      outcomes.push('inserted');
    } else if (sameValues(before, values)) {
      outcomes.push('unchanged');
    } else {
      await db
        .updateTable('results')
        .set(values)
        .where('structure_code', '=', r.structureCode)
        .where('indicator_code', '=', r.indicatorCode)
        .where('period', '=', r.period)
        .execute();
      outcomes.push('updated');
    }
    stored.set(key, row);
  }
  // New results go in multi-row inserts: most of a first import, and far fewer statements.
  const rowsToInsert = [...inserts.values()];
  for (let i = 0; i < rowsToInsert.length; i += 100) {
    await db.insertInto('results').values(rowsToInsert.slice(i, i + 100)).execute();
  }
  return outcomes;
}

// ---- experiences --------------------------------------------------------------------------------------------

/**
 * Ids derived from the published id: a rerun (or an import into another database) gives the same rows. They
 * keep the published id's order (the exports list experiences by increasing id), so a big import appends to the
 * indexes keyed by testimony instead of writing all over them: a hash here made a 500,000-row import several times
 * slower. The published id is public, and validated (`[\w.:/-]`, at most 80 characters) by the mapper.
 */
const experienceId = (reference: string) => `od-${reference}`;
const replyId = (reference: string, structure: string) => `od-${reference}|${structure}`;

const linksText = (links: { structure_code: string; position: number | string; published_at?: string | null }[]) =>
  JSON.stringify(links.map((l) => [l.structure_code, Number(l.position), l.published_at]));
const repliesText = (replies: { structure_code: string; body: string; signature: string; created_at: string }[]) =>
  JSON.stringify(replies.map((r) => [r.structure_code, r.body, r.signature, r.created_at]).sort());

async function writeExperiences(db: Db, items: Item<ExperienceRecord>[], ctx: WriteContext): Promise<Outcome[]> {
  const names = await ctx.structures(db);
  const stored = new Map(
    (await db.selectFrom('testimonies').selectAll().where('reference', 'in', unique(items.map((i) => i.record.reference))).execute()).map(
      (row) => [row.reference, row],
    ),
  );
  const ids = [...stored.values()].map((t) => t.id);
  const links = ids.length
    ? await db.selectFrom('testimony_structures').selectAll().where('testimony_id', 'in', ids).orderBy('position').execute()
    : [];
  const replies = ids.length ? await db.selectFrom('replies').selectAll().where('testimony_id', 'in', ids).execute() : [];
  // What each stored experience links to, as comparable text; kept current as the batch writes.
  const linksOf = new Map<string, string>();
  const repliesOf = new Map<string, string>();
  const group = <T extends { testimony_id: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const row of rows) by.set(row.testimony_id, [...(by.get(row.testimony_id) ?? []), row]);
    return by;
  };
  const linksById = group(links);
  const repliesById = group(replies);
  for (const id of ids) {
    linksOf.set(id, linksText(linksById.get(id) ?? []));
    repliesOf.set(id, repliesText(repliesById.get(id) ?? []));
  }
  // New experiences go in multi-row inserts at the end of the batch: most of a first import, far fewer statements.
  const queued = new Map<string, { testimony: Insertable<TestimonyTable>; links: Insertable<TestimonyStructureTable>[]; replies: Insertable<ReplyTable>[] }>();

  const outcomes: Outcome[] = [];
  for (const { record: e } of items) {
    const problems: Problem[] = [];
    const codes: string[] = [];
    for (const ref of e.structures) {
      const resolved = ctx.resolveStructure(names, ref);
      if ('problem' in resolved) problems.push(resolved.problem);
      else if (codes.includes(resolved.code)) problems.push({ column: ref.column, reason: `structure ${resolved.code} is listed twice` });
      else {
        const outside = ctx.outside(resolved.code, ref.column);
        if (outside) problems.push(outside);
        codes.push(resolved.code);
      }
    }
    if (problems.length) {
      outcomes.push(problems);
      continue;
    }
    const before = stored.get(e.reference);
    const id = before?.id ?? experienceId(e.reference);
    const published = e.status === 'published';
    const values = {
      status: e.status,
      feeling: e.feeling,
      title: e.title,
      body: e.body,
      channels: JSON.stringify(e.channels),
      tags: JSON.stringify(e.tags),
      posted_as: e.postedAs,
      postcode: e.postcode,
      rejection_reason: e.rejectionReason,
      created_at: e.createdAt,
      moderated_at: e.status === 'pending' ? null : (e.publishedAt ?? before?.moderated_at ?? e.createdAt),
      published_at: e.publishedAt,
      first_reply_at: e.firstReplyAt,
    };
    const wantedLinks = codes.map((code, position) => ({
      testimony_id: id,
      structure_code: code,
      position,
      published_at: published ? e.publishedAt : null,
      replied_at: e.replies.find((r) => r.slot === position)?.createdAt ?? null,
    }));
    const wantedReplies = e.replies.map((r) => ({
      id: replyId(e.reference, codes[r.slot]!),
      testimony_id: id,
      structure_code: codes[r.slot]!,
      body: r.body,
      signature: r.signature ?? names.get(codes[r.slot]!) ?? codes[r.slot]!,
      created_at: r.createdAt,
    }));
    // Comparable text of links and replies: only needed against an experience stored before (or queued earlier in
    // this batch), never on a first import.
    const waiting = queued.get(id);
    const linksJson = before ? linksText(wantedLinks) : '';
    const repliesJson = before ? repliesText(wantedReplies) : '';
    if (
      before &&
      sameValues(before, values) &&
      (waiting ? linksText(waiting.links) : linksOf.get(id)) === linksJson &&
      (waiting ? repliesText(waiting.replies) : repliesOf.get(id)) === repliesJson
    ) {
      outcomes.push('unchanged');
      continue;
    }
    if (!before || waiting) {
      // The same experience twice in one batch: the later row wins, as it would across batches.
      outcomes.push(waiting ? 'updated' : 'inserted');
      const testimony = {
        id,
        reference: e.reference,
        // No tracking token: the author's private link belongs to the platform the experience came from.
        token_hash: '',
        email: null,
        contact_consent: 0,
        lang: 'fr' as const,
        pii_flags: '[]',
        mail_stopped_at: null,
        ...values,
      };
      queued.set(id, { testimony, links: wantedLinks, replies: wantedReplies });
      stored.set(e.reference, testimony);
    } else {
      await db.updateTable('testimonies').set(values).where('id', '=', id).execute();
      await db.deleteFrom('replies').where('testimony_id', '=', id).execute();
      await db.deleteFrom('testimony_structures').where('testimony_id', '=', id).execute();
      await db.insertInto('testimony_structures').values(wantedLinks).execute();
      if (wantedReplies.length) await db.insertInto('replies').values(wantedReplies).execute();
      outcomes.push('updated');
      stored.set(e.reference, { ...before, ...values });
      linksOf.set(id, linksJson);
      repliesOf.set(id, repliesJson);
    }
  }
  const news = [...queued.values()];
  await insertRows(db, ctx, 'testimonies', news.map((n) => n.testimony), 100);
  await insertRows(db, ctx, 'testimony_structures', news.flatMap((n) => n.links), 400);
  await insertRows(db, ctx, 'replies', news.flatMap((n) => n.replies), 300);
  return outcomes;
}

/**
 * Inserts new rows. On SQLite they go through one prepared better-sqlite3 statement per table, run row by row:
 * building and compiling Kysely's multi-row inserts cost more than SQLite's own work on a 500,000-row import
 * (DESIGN.md's budget: >= 20,000 rows/s). This is safe because the writers run inside the import's transaction,
 * which holds Kysely's one SQLite connection: the statements join that transaction (and its rollback on a dry
 * run), and nothing else runs on the connection meanwhile. PostgreSQL keeps the Kysely path (`chunk` rows per
 * statement). Every row of one call has the same columns, in the same order.
 */
async function insertRows<T extends keyof Database & string>(
  db: Db,
  ctx: WriteContext,
  table: T,
  rows: Insertable<Database[T]>[],
  chunk: number,
): Promise<void> {
  if (!rows.length) return;
  if (ctx.sqlite) {
    const columns = Object.keys(rows[0]!);
    const insert = ctx.statement(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    const values: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let c = 0; c < columns.length; c++) values[c] = (row as Record<string, unknown>)[columns[c]!] ?? null;
      insert.run(values);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

type Writer<K extends DatasetKind> = (db: Db, items: Item<RecordOf<K>>[], ctx: WriteContext) => Promise<Outcome[]>;

export const WRITERS: { [K in DatasetKind]: Writer<K> } = {
  structures: writeStructures,
  indicators: writeIndicators,
  results: writeResults,
  experiences: writeExperiences,
};
