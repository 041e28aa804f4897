import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  AgentScope,
  MaskRequest,
  ModerationCounts,
  ModerationStatus,
  ModerationTestimony,
  PiiFinding,
  PublishRequest,
  RejectionReason,
  ReplyRequest,
  Tag,
} from '../../src/contract/index.js';
import type { Database, TestimonyTable } from './schema.js';
import { newId, nowIso } from './ids.js';
import { readJson, STORED, toJson } from './json.js';
import { decodeCursor, encodeCursor } from './text.js';
import { InvalidCursorError } from './structures.js';
import { repliesOf, storyOf, structureRefs } from './testimonies.js';
import { scopedStructures, type AgentScopeCheck } from './agents.js';
import { writeAudit, type Actor } from './audit.js';
import { detectOnServer, findingsAfterEdit, maskFindings, MASK_TEXT, occurrences, ownEmailFindings, readFindings, withFindings } from '../moderation/masking.js';
import { enqueuePublished, enqueueRejected, enqueueReplied } from '../mail/outbox.js';

type Db = Kysely<Database> | Transaction<Database>;
export type TestimonyRow = Selectable<TestimonyTable>;

export async function findTestimony(db: Db, reference: string): Promise<TestimonyRow | undefined> {
  return db.selectFrom('testimonies').selectAll().where('reference', '=', reference).executeTakeFirst();
}

/** The testimony's structures, the first (the one that leads moderation) first. */
export async function testimonyStructureCodes(db: Db, testimonyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('testimony_structures')
    .select('structure_code')
    .where('testimony_id', '=', testimonyId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.structure_code);
}

/**
 * The findings an agent must deal with: those stored for the current text, plus the author's contact
 * e-mail wherever the story repeats it (it is never to be published, whatever a detector found).
 */
export function currentFindings(row: Pick<TestimonyRow, 'title' | 'body' | 'pii_flags' | 'email'>): PiiFinding[] {
  const text = { title: row.title, body: row.body };
  const stored = readFindings(row.pii_flags, text);
  return row.email ? withFindings(withFindings(stored, occurrences(text, [{ value: row.email, kind: 'email' }])), ownEmailFindings(text, row.email)) : stored;
}

/** Agent views of these rows, with what the token may do with each. */
export async function moderationViews(db: Db, rows: readonly TestimonyRow[], check: AgentScopeCheck): Promise<ModerationTestimony[]> {
  const ids = rows.map((r) => r.id);
  const [refs, replies] = await Promise.all([structureRefs(db, ids), repliesOf(db, ids)]);
  const views: ModerationTestimony[] = [];
  for (const row of rows) {
    const structures = refs.get(row.id) ?? [];
    const canReplyAs: string[] = [];
    for (const s of structures) if (await check.covers(s.code)) canReplyAs.push(s.code);
    views.push({
      reference: row.reference,
      status: row.status,
      ...storyOf(row),
      postcode: row.postcode,
      email: row.email,
      contactConsent: row.contact_consent === 1,
      lang: row.lang,
      structures,
      piiFlags: currentFindings(row),
      createdAt: row.created_at,
      moderatedAt: row.moderated_at,
      publishedAt: row.published_at,
      firstReplyAt: row.first_reply_at,
      rejectionReason: row.rejection_reason,
      replies: replies.get(row.id) ?? [],
      canModerate: structures[0] !== undefined && canReplyAs.includes(structures[0].code),
      canReplyAs,
    });
  }
  return views;
}

export interface QueueQuery {
  status: ModerationStatus;
  /** Only this structure's testimonies (already checked to be in scope). */
  structure?: string;
  limit?: number;
  cursor?: string;
}

/** The testimonies a scope sees (one of their structures is covered), filtered, with counts per status. */
export async function listModerationQueue(
  db: Kysely<Database>,
  scope: AgentScope,
  query: QueueQuery,
): Promise<{ rows: TestimonyRow[]; nextCursor: string | null; counts: ModerationCounts }> {
  const limit = query.limit ?? 20;
  const visible = () =>
    scopedStructures(db, scope)
      .selectFrom('testimonies as t')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('testimony_structures as ts')
            .select('ts.testimony_id')
            .whereRef('ts.testimony_id', '=', 't.id')
            .where(
              'ts.structure_code',
              'in',
              query.structure ? [query.structure] : eb.selectFrom('scope').select('scope.code'),
            ),
        ),
      );

  // Pending: oldest first (a fair queue). Published and rejected: the latest decisions first.
  const key = query.status === 'pending' ? 't.created_at' : query.status === 'published' ? 't.published_at' : 't.moderated_at';
  const direction = query.status === 'pending' ? 'asc' : 'desc';
  let q = visible().selectAll('t').where('t.status', '=', query.status);
  if (query.cursor) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) throw new InvalidCursorError();
    const [at, id] = after.map(String) as [string, string];
    const beyond = direction === 'asc' ? '>' : '<';
    q = q.where((eb) => eb.or([eb(key, beyond, at), eb.and([eb(key, '=', at), eb('t.id', beyond, id)])]));
  }
  const rows = await q.orderBy(key, direction).orderBy('t.id', direction).limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const lastKey = last ? (query.status === 'pending' ? last.created_at : query.status === 'published' ? last.published_at : last.moderated_at) : null;

  const grouped = await visible()
    .select(['t.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('t.status')
    .execute();
  const counts: ModerationCounts = { pending: 0, published: 0, rejected: 0 };
  for (const g of grouped) counts[g.status] += Number(g.n);

  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor([lastKey ?? '', last.id]) : null,
    counts,
  };
}

/** A state change the testimony's current state does not allow (409). */
export class ModerationConflict extends Error {
  constructor(readonly code: 'not_published' | 'not_concerned' | 'not_sub_structure' | 'already_concerned' | 'bad_finding') {
    super(code);
  }
}

async function saveText(trx: Transaction<Database>, id: string, text: { title: string; body: string }, findings: PiiFinding[]) {
  await trx
    .updateTable('testimonies')
    .set({ title: text.title, body: text.body, pii_flags: toJson(findings) })
    .where('id', '=', id)
    .execute();
}

/**
 * The agent's edit of the title and/or story: the edited fields go through the detector again, and what was
 * flagged stays flagged wherever it still appears (even in a form the detector would not recognise).
 */
function applyEdit(row: TestimonyRow, edit: { title?: string; body?: string }) {
  const before = { title: row.title, body: row.body };
  const after = { title: edit.title ?? row.title, body: edit.body ?? row.body };
  const detected = detectOnServer({
    ...(after.title !== before.title ? { title: after.title } : {}),
    ...(after.body !== before.body ? { body: after.body } : {}),
  });
  const findings = withFindings(findingsAfterEdit(before, currentFindings(row), after), detected);
  // The author's address stays masked whatever the agent's edit did with it.
  return { text: after, findings: withFindings(findings, ownEmailFindings(after, row.email)) };
}

/**
 * Masks personal data: the agent's edit, then the chosen findings (every one when neither is given). The
 * masked characters are overwritten: the unmasked text is not kept anywhere.
 */
export async function maskTestimony(db: Kysely<Database>, row: TestimonyRow, input: MaskRequest, actor: Actor): Promise<void> {
  const edited = input.title !== undefined || input.body !== undefined;
  const current = edited ? applyEdit(row, input) : { text: { title: row.title, body: row.body }, findings: currentFindings(row) };
  if (input.findings?.some((i) => i >= current.findings.length)) throw new ModerationConflict('bad_finding');
  const selected = input.findings ? new Set(input.findings) : edited ? new Set<number>() : undefined;
  const masked = maskFindings(current.text, current.findings, MASK_TEXT[row.lang], selected);
  await db.transaction().execute(async (trx) => {
    await saveText(trx, row.id, masked, masked.remaining);
    await writeAudit(trx, actor, {
      action: 'testimony.mask',
      targetType: 'testimony',
      targetId: row.reference,
      details: {
        edited: [...(input.title !== undefined ? ['title'] : []), ...(input.body !== undefined ? ['body'] : [])],
        masked: current.findings.length - masked.remaining.length,
        remaining: masked.remaining.length,
      },
    });
  });
}

/**
 * Publishes (or, for a published one, updates the text and tags). Whatever is still flagged is masked first:
 * flagged personal data is never published. The publication time is copied to every structure's row, which
 * is what the public listing reads.
 */
export async function publishTestimony(db: Kysely<Database>, row: TestimonyRow, input: PublishRequest, actor: Actor): Promise<void> {
  const current = applyEdit(row, input);
  const masked = maskFindings(current.text, current.findings, MASK_TEXT[row.lang]);
  const now = nowIso();
  const publishedAt = row.status === 'published' && row.published_at ? row.published_at : now;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('testimonies')
      .set({
        title: masked.title,
        body: masked.body,
        pii_flags: '[]',
        ...(input.tags ? { tags: toJson(input.tags) } : {}),
        status: 'published',
        rejection_reason: null,
        moderated_at: now,
        published_at: publishedAt,
      })
      .where('id', '=', row.id)
      .execute();
    await trx.updateTable('testimony_structures').set({ published_at: publishedAt }).where('testimony_id', '=', row.id).execute();
    // The author's e-mail (with consent) is written in this transaction: published and told, or neither.
    if (row.status !== 'published') await enqueuePublished(trx, row);
    await writeAudit(trx, actor, {
      action: row.status === 'published' ? 'testimony.update' : 'testimony.publish',
      targetType: 'testimony',
      targetId: row.reference,
      details: {
        from: row.status,
        masked: current.findings.length,
        edited: [...(input.title !== undefined ? ['title'] : []), ...(input.body !== undefined ? ['body'] : [])],
        ...(input.tags ? { tags: input.tags } : {}),
      },
    });
  });
}

/** Rejects with a reason of the charter; a published testimony leaves every public listing. */
export async function rejectTestimony(db: Kysely<Database>, row: TestimonyRow, reason: RejectionReason, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('testimonies')
      .set({ status: 'rejected', rejection_reason: reason, moderated_at: nowIso(), published_at: null })
      .where('id', '=', row.id)
      .execute();
    await trx.updateTable('testimony_structures').set({ published_at: null }).where('testimony_id', '=', row.id).execute();
    if (row.status !== 'rejected') await enqueueRejected(trx, row, reason);
    await writeAudit(trx, actor, {
      action: 'testimony.reject',
      targetType: 'testimony',
      targetId: row.reference,
      details: { from: row.status, reason },
    });
  });
}

export async function setTestimonyTags(db: Kysely<Database>, row: TestimonyRow, tags: Tag[], actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('testimonies').set({ tags: toJson(tags) }).where('id', '=', row.id).execute();
    await writeAudit(trx, actor, {
      action: 'testimony.tags',
      targetType: 'testimony',
      targetId: row.reference,
      details: { before: readJson(row.tags, STORED.tags), after: tags },
    });
  });
}

/**
 * The structure's public reply (a second one replaces the first, keeping its date, which the reply-delay
 * statistics use). Only on a published testimony, for one of its structures.
 */
export async function upsertReply(
  db: Kysely<Database>,
  row: TestimonyRow,
  structureCode: string,
  reply: ReplyRequest,
  actor: Actor,
): Promise<'created' | 'updated'> {
  if (row.status !== 'published') throw new ModerationConflict('not_published');
  const codes = await testimonyStructureCodes(db, row.id);
  if (!codes.includes(structureCode)) throw new ModerationConflict('not_concerned');
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('replies')
      .select('id')
      .where('testimony_id', '=', row.id)
      .where('structure_code', '=', structureCode)
      .executeTakeFirst();
    await trx
      .insertInto('replies')
      .values({ id: newId(), testimony_id: row.id, structure_code: structureCode, body: reply.body, signature: reply.signature, created_at: now })
      .onConflict((oc) => oc.columns(['testimony_id', 'structure_code']).doUpdateSet({ body: reply.body, signature: reply.signature }))
      .execute();
    // An edited reply keeps its first time: the reply delay is how long the citizen waited for an answer.
    await trx
      .updateTable('testimony_structures')
      .set({ replied_at: now })
      .where('testimony_id', '=', row.id)
      .where('structure_code', '=', structureCode)
      .where('replied_at', 'is', null)
      .execute();
    await trx
      .updateTable('testimonies')
      .set({ first_reply_at: row.first_reply_at ?? now })
      .where('id', '=', row.id)
      .where('first_reply_at', 'is', null)
      .execute();
    // The first reply of a structure is e-mailed; an edit of it is not (the author would get the same news twice).
    if (!existing) await enqueueReplied(trx, row, structureCode, reply);
    await writeAudit(trx, actor, {
      action: existing ? 'testimony.reply.update' : 'testimony.reply',
      targetType: 'testimony',
      targetId: row.reference,
      structureCode,
      details: { signature: reply.signature, length: reply.body.length },
    });
    return existing ? 'updated' : 'created';
  });
}

/** True when `descendant` sits below `ancestor` in the structures' hierarchy. */
export async function isSubStructure(db: Db, descendant: string, ancestor: string): Promise<boolean> {
  let current: string | null = descendant;
  for (let depth = 0; current && depth < 16; depth++) {
    const parent: { parent_code: string | null } | undefined = await db
      .selectFrom('structures')
      .select('parent_code')
      .where('code', '=', current)
      .executeTakeFirst();
    current = parent?.parent_code ?? null;
    if (current === ancestor) return true;
  }
  return false;
}

/** Hands the testimony from one of its structures to a sub-structure of it, keeping its place and dates. */
export async function reassignTestimony(db: Kysely<Database>, row: TestimonyRow, from: string, to: string, actor: Actor): Promise<void> {
  const codes = await testimonyStructureCodes(db, row.id);
  if (!codes.includes(from)) throw new ModerationConflict('not_concerned');
  if (codes.includes(to)) throw new ModerationConflict('already_concerned');
  if (!(await isSubStructure(db, to, from))) throw new ModerationConflict('not_sub_structure');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('testimony_structures')
      // The reply (if any) was the first structure's: the new one has not answered yet.
      .set({ structure_code: to, replied_at: null })
      .where('testimony_id', '=', row.id)
      .where('structure_code', '=', from)
      .execute();
    await writeAudit(trx, actor, {
      action: 'testimony.reassign',
      targetType: 'testimony',
      targetId: row.reference,
      structureCode: to,
      details: { from, to },
    });
  });
}
