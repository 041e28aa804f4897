import type { Kysely, Transaction } from 'kysely';
import type { AgentScope } from '../../src/contract/index.js';
import { scopedStructures } from './agents.js';
import { decodeCursor, encodeCursor } from './text.js';
import { InvalidCursorError } from './structures.js';
import type { Database } from './schema.js';
import { newId, nowIso } from './ids.js';
import { readJson, STORED, toJson } from './json.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who acted: an agent token, or the command line (`cli`). */
export interface Actor {
  id: string;
  name: string;
}

export const CLI_ACTOR: Actor = { id: 'cli', name: 'ligne de commande' };

export interface AuditEntry {
  action: string;
  targetType: 'testimony' | 'structure' | 'improvement' | 'token' | 'commitment';
  targetId: string;
  structureCode?: string | null;
  /** What changed. Never an e-mail address or the text that was masked. */
  details?: Record<string, unknown>;
}

/** Written in the same transaction as the action, so no action happens without its audit row. */
export async function writeAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      structure_code: entry.structureCode ?? null,
      details: toJson(entry.details ?? {}),
      created_at: nowIso(),
    })
    .execute();
}

export interface AuditRecord {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  target: string;
  structureCode: string | null;
  details: Record<string, unknown>;
}

/** Newest first. */
export async function listAudit(db: Kysely<Database>, options: { limit?: number; actorId?: string } = {}): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (options.actorId) q = q.where('actor_id', '=', options.actorId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
  return rows.map((r) => ({
    at: r.created_at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: `${r.target_type}:${r.target_id}`,
    structureCode: r.structure_code,
    details: readJson(r.details, STORED.details),
  }));
}

export interface StructureAuditRecord {
  at: string;
  actor: { id: string; name: string };
  action: string;
  target: { type: string; id: string };
  structure: string | null;
  details: Record<string, unknown>;
}

/**
 * The actions on a structure and its sub-structures, newest first: those written with one of their codes, and
 * those on a testimony that concerns one of them (moderation rows name the testimony, not a structure).
 * `cursor` is the `nextCursor` of the previous page; an unreadable one throws `InvalidCursorError`.
 */
export async function listStructureAudit(
  db: Kysely<Database>,
  structureCode: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<{ items: StructureAuditRecord[]; nextCursor: string | null }> {
  const limit = options.limit ?? 50;
  const scope: AgentScope = { kind: 'structures', codes: [structureCode] };
  let after: (string | number)[] | undefined;
  if (options.cursor) {
    after = decodeCursor(options.cursor, 2);
    if (!after) throw new InvalidCursorError();
  }
  let q = scopedStructures(db, scope)
    .selectFrom('audit_log as a')
    .selectAll('a')
    .where((eb) =>
      eb.or([
        eb('a.structure_code', 'in', eb.selectFrom('scope').select('scope.code')),
        eb.and([
          eb('a.target_type', '=', 'testimony'),
          eb(
            'a.target_id',
            'in',
            eb
              .selectFrom('testimonies as t')
              .innerJoin('testimony_structures as ts', 'ts.testimony_id', 't.id')
              .select('t.reference')
              .where('ts.structure_code', 'in', eb.selectFrom('scope').select('scope.code')),
          ),
        ]),
      ]),
    );
  if (after) {
    const [at, id] = after as [string, string];
    q = q.where((eb) => eb.or([eb('a.created_at', '<', at), eb.and([eb('a.created_at', '=', at), eb('a.id', '<', id)])]));
  }
  const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      at: r.created_at,
      actor: { id: r.actor_id, name: r.actor_name },
      action: r.action,
      target: { type: r.target_type, id: r.target_id },
      structure: r.structure_code,
      details: readJson(r.details, STORED.details),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}
