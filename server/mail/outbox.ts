import { type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Lang, MailDelivery, MailKind, NotificationSettings, NotificationSettingsView, RejectionReason } from '../../src/contract/index.js';
import type { Database, MailOutboxTable } from '../store/schema.js';
import type { DatabaseHandle } from '../store/database.js';
import { newId, newToken, nowIso, sameDigest, sha256 } from '../store/ids.js';
import { readJson, STORED, toJson } from '../store/json.js';
import type { MailPayload, StructureContact } from './templates.js';

/**
 * The durable outbox: an e-mail is a row written in the same transaction as the action that causes it
 * (publish, reply, reject, the day's digest), so an action never commits without its e-mail, nor an e-mail
 * without its action. The worker (`worker.ts`) claims due rows, sends them, and marks each sent once the
 * SMTP server accepted it.
 */

type Db = Kysely<Database> | Transaction<Database>;
export type OutboxRow = Selectable<MailOutboxTable>;

/** The testimony fields that decide whether its author gets e-mails. */
export interface MailableTestimony {
  id: string;
  reference: string;
  email: string | null;
  contact_consent: number;
  mail_stopped_at: string | null;
  lang: Lang;
}

const wantsMail = (t: MailableTestimony) => Boolean(t.email) && t.contact_consent === 1 && !t.mail_stopped_at;

async function insertMail(trx: Db, values: { kind: MailKind; testimonyId: string | null; structureCode: string | null; lang: Lang; payload: MailPayload }) {
  const now = nowIso();
  await trx
    .insertInto('mail_outbox')
    .values({
      id: newId(),
      kind: values.kind,
      testimony_id: values.testimonyId,
      structure_code: values.structureCode,
      lang: values.lang,
      payload: toJson(values.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      locked_by: null,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
}

/**
 * A fresh tracking token for the e-mail (the submission's own is kept only as a hash): it opens the tracking
 * page and the one-click stop. Kept in clear in the pending row only; removed once the row is done.
 */
async function mailToken(trx: Db, testimonyId: string): Promise<string> {
  const token = newToken();
  await trx.insertInto('testimony_mail_tokens').values({ token_hash: sha256(token), testimony_id: testimonyId, created_at: nowIso() }).execute();
  return token;
}

async function structureNames(trx: Db, testimonyId: string): Promise<{ code: string; name: string }[]> {
  return trx
    .selectFrom('testimony_structures as ts')
    .innerJoin('structures as s', 's.code', 'ts.structure_code')
    .select(['s.code', 's.name'])
    .where('ts.testimony_id', '=', testimonyId)
    .orderBy('ts.position')
    .execute();
}

/** Call inside the action's transaction, after its change. Nothing when the author gave no address or consent. */
export async function enqueuePublished(trx: Db, t: MailableTestimony): Promise<void> {
  if (!wantsMail(t)) return;
  const structures = await structureNames(trx, t.id);
  const token = await mailToken(trx, t.id);
  await insertMail(trx, {
    kind: 'published',
    testimonyId: t.id,
    structureCode: structures[0]?.code ?? null,
    lang: t.lang,
    payload: { kind: 'published', reference: t.reference, token, structures: structures.map((s) => s.name) },
  });
}

export async function enqueueReplied(trx: Db, t: MailableTestimony, structureCode: string, reply: { body: string; signature: string }): Promise<void> {
  if (!wantsMail(t)) return;
  const structure = await trx.selectFrom('structures').select('name').where('code', '=', structureCode).executeTakeFirst();
  const token = await mailToken(trx, t.id);
  await insertMail(trx, {
    kind: 'replied',
    testimonyId: t.id,
    structureCode,
    lang: t.lang,
    payload: { kind: 'replied', reference: t.reference, token, structure: structure?.name ?? structureCode, body: reply.body, signature: reply.signature },
  });
}

export async function enqueueRejected(trx: Db, t: MailableTestimony, reason: RejectionReason): Promise<void> {
  if (!wantsMail(t)) return;
  const first = (await structureNames(trx, t.id))[0];
  const row = first
    ? await trx
        .selectFrom('structures')
        .select(['name', 'contact_phone', 'contact_url', 'contact_address'])
        .where('code', '=', first.code)
        .executeTakeFirst()
    : undefined;
  const contact: StructureContact | null = row ? { name: row.name, phone: row.contact_phone, url: row.contact_url, address: row.contact_address } : null;
  const token = await mailToken(trx, t.id);
  await insertMail(trx, {
    kind: 'rejected',
    testimonyId: t.id,
    structureCode: first?.code ?? null,
    lang: t.lang,
    payload: { kind: 'rejected', reference: t.reference, token, reason, contact },
  });
}

/**
 * Claims up to `limit` due e-mails for `worker` until `leaseUntil`: nobody else takes them meanwhile. On
 * PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`, and the lease is re-checked on the row as updated,
 * so two instances never claim one row; on SQLite the single writer makes the update atomic.
 */
export async function claimDue(store: DatabaseHandle, worker: string, now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
  const due = (db: Kysely<Database>) =>
    db
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .orderBy('next_attempt_at')
      .limit(limit);
  const picked = store.dialect === 'postgres' ? due(store.db).forUpdate().skipLocked() : due(store.db);
  return store.db
    .updateTable('mail_outbox')
    .set((eb) => ({ locked_until: leaseUntil, locked_by: worker, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', picked)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returningAll()
    .execute();
}

/** Drops the token and a digest's addresses from a finished row's payload: they were needed only to send it. */
function withoutToken(payload: OutboxRow['payload']): string {
  const { token: _token, recipients: _recipients, ...kept } = readJson(payload, STORED.details);
  return toJson(kept);
}

export async function markSent(db: Db, row: OutboxRow, worker: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: nowIso(), locked_until: null, last_error: null, payload: withoutToken(row.payload) })
    .where('id', '=', row.id)
    .where('locked_by', '=', worker)
    .execute();
}

/** Nothing to send any more (the author stopped e-mails, or removed the address): never sent, kept for the record. */
export async function markCancelled(db: Db, row: OutboxRow, worker: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'cancelled', locked_until: null, payload: withoutToken(row.payload) })
    .where('id', '=', row.id)
    .where('locked_by', '=', worker)
    .execute();
}

/** A failed attempt: retried at `retryAt`, or given up (`failed`, shown to the manager) when null. */
export async function markAttemptFailed(db: Db, row: OutboxRow, worker: string, error: string, retryAt: string | null): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set(
      retryAt
        ? { last_error: error, next_attempt_at: retryAt, locked_until: null }
        : { status: 'failed', last_error: error, locked_until: null, payload: withoutToken(row.payload) },
    )
    .where('id', '=', row.id)
    .where('locked_by', '=', worker)
    .execute();
}

/** The author's address now (it may have asked to stop since the e-mail was written). */
export async function citizenAddress(db: Db, testimonyId: string): Promise<string | null> {
  const t = await db
    .selectFrom('testimonies')
    .select(['id', 'reference', 'email', 'contact_consent', 'mail_stopped_at', 'lang'])
    .where('id', '=', testimonyId)
    .executeTakeFirst();
  return t && wantsMail(t) ? t.email : null;
}

/** True when `token` is one of the tracking tokens handed out in this testimony's e-mails. */
export async function isMailToken(db: Db, testimonyId: string, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('testimony_mail_tokens')
    .select('testimony_id')
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  return row?.testimony_id === testimonyId;
}

/**
 * One-click stop: no more e-mails about this testimony, pending ones included. Needs the submission's token
 * or one handed out in an e-mail; false when neither matches.
 */
export async function stopMail(db: Kysely<Database>, reference: string, token: string): Promise<boolean> {
  const t = await db.selectFrom('testimonies').select(['id', 'token_hash']).where('reference', '=', reference).executeTakeFirst();
  if (!t) return false;
  if (!sameDigest(t.token_hash, sha256(token)) && !(await isMailToken(db, t.id, token))) return false;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('testimonies').set({ mail_stopped_at: nowIso() }).where('id', '=', t.id).where('mail_stopped_at', 'is', null).execute();
    await trx
      .updateTable('mail_outbox')
      .set({ status: 'cancelled' })
      .where('testimony_id', '=', t.id)
      .where('status', '=', 'pending')
      .where('kind', '!=', 'digest')
      .execute();
  });
  return true;
}

// ---- a structure's digest settings and delivery state ----

export const DEFAULT_DIGEST_HOUR = 8;

export async function getNotificationSettings(db: Db, structureCode: string): Promise<NotificationSettings> {
  const row = await db.selectFrom('structure_notifications').selectAll().where('structure_code', '=', structureCode).executeTakeFirst();
  return row
    ? { digestAddresses: readJson(row.digest_addresses, STORED.strings), digestHour: row.digest_hour }
    : { digestAddresses: [], digestHour: DEFAULT_DIGEST_HOUR };
}

export async function putNotificationSettings(trx: Db, structureCode: string, settings: NotificationSettings): Promise<void> {
  const addresses = toJson([...new Set(settings.digestAddresses.map((a) => a.trim()))]);
  const now = nowIso();
  await trx
    .insertInto('structure_notifications')
    .values({ structure_code: structureCode, digest_addresses: addresses, digest_hour: settings.digestHour, last_digest_on: null, updated_at: now })
    .onConflict((oc) => oc.column('structure_code').doUpdateSet({ digest_addresses: addresses, digest_hour: settings.digestHour, updated_at: now }))
    .execute();
}

const toDelivery = (r: Pick<OutboxRow, 'id' | 'kind' | 'status' | 'attempts' | 'last_error' | 'created_at' | 'next_attempt_at'> & { reference: string | null }): MailDelivery => ({
  id: r.id,
  kind: r.kind,
  reference: r.reference,
  status: r.status === 'failed' ? 'failed' : 'pending',
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
});

/** The settings, plus this structure's e-mails still waiting or given up on (latest first, at most 50). */
export async function notificationView(db: Kysely<Database>, structureCode: string): Promise<NotificationSettingsView> {
  const settings = await getNotificationSettings(db, structureCode);
  const counts = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('structure_code', '=', structureCode)
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute();
  const items = await db
    .selectFrom('mail_outbox as m')
    .leftJoin('testimonies as t', 't.id', 'm.testimony_id')
    .select(['m.id', 'm.kind', 'm.status', 'm.attempts', 'm.last_error', 'm.created_at', 'm.next_attempt_at', 't.reference'])
    .where('m.structure_code', '=', structureCode)
    .where('m.status', 'in', ['pending', 'failed'])
    .orderBy('m.created_at', 'desc')
    .limit(50)
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return { ...settings, delivery: { pending: count('pending'), failed: count('failed'), items: items.map(toDelivery) } };
}

// ---- the daily digest ----

/** `YYYY-MM-DD` and the hour in Europe/Paris: the digest hour is the agents' local time. */
export function parisClock(at: Date): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/**
 * For every structure whose digest hour has come today: takes the day (a conditional update, so one instance
 * only wins it), and in the same transaction writes the digest when something waits. Returns how many were written.
 */
export async function scheduleDigests(db: Kysely<Database>, at: Date, unansweredDays: number): Promise<number> {
  const { day, hour } = parisClock(at);
  const candidates = await db
    .selectFrom('structure_notifications as n')
    .innerJoin('structures as s', 's.code', 'n.structure_code')
    .select(['n.structure_code', 'n.digest_addresses', 's.name'])
    .where('n.digest_hour', '<=', hour)
    .where('n.digest_addresses', '!=', '[]')
    .where((eb) => eb.or([eb('n.last_digest_on', 'is', null), eb('n.last_digest_on', '<', day)]))
    .execute();
  const before = new Date(at.getTime() - unansweredDays * 86_400_000).toISOString();
  let written = 0;
  for (const c of candidates) {
    written += await db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('structure_notifications')
        .set({ last_digest_on: day })
        .where('structure_code', '=', c.structure_code)
        .where((eb) => eb.or([eb('last_digest_on', 'is', null), eb('last_digest_on', '<', day)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) return 0;
      // Waiting for moderation: this structure leads it (it is the testimony's first structure).
      const pending = await trx
        .selectFrom('testimonies as t')
        .innerJoin('testimony_structures as ts', 'ts.testimony_id', 't.id')
        .select(['t.reference', 't.created_at'])
        .where('ts.structure_code', '=', c.structure_code)
        .where('ts.position', '=', 0)
        .where('t.status', '=', 'pending')
        .orderBy('t.created_at')
        .limit(100)
        .execute();
      const unanswered = await trx
        .selectFrom('testimony_structures as ts')
        .innerJoin('testimonies as t', 't.id', 'ts.testimony_id')
        .select(['t.reference', 'ts.published_at'])
        .where('ts.structure_code', '=', c.structure_code)
        .where('ts.published_at', 'is not', null)
        .where('ts.published_at', '<', before)
        .where('ts.replied_at', 'is', null)
        .orderBy('ts.published_at')
        .limit(100)
        .execute();
      if (!pending.length && !unanswered.length) return 0;
      await insertMail(trx, {
        kind: 'digest',
        testimonyId: null,
        structureCode: c.structure_code,
        lang: 'fr',
        payload: {
          kind: 'digest',
          structure: { code: c.structure_code, name: c.name },
          recipients: readJson(c.digest_addresses, STORED.strings),
          day,
          unansweredDays,
          pending: pending.map((p) => ({ reference: p.reference, createdAt: p.created_at })),
          unanswered: unanswered.map((u) => ({ reference: u.reference, publishedAt: u.published_at! })),
        },
      });
      return 1;
    });
  }
  return written;
}

