import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import { newId, nowIso } from './ids.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who acted: an agent token, or the command line (`cli`). */
export interface Actor {
  id: string;
  name: string;
}

export const CLI_ACTOR: Actor = { id: 'cli', name: 'ligne de commande' };

export interface AuditEntry {
  action: string;
  targetType: 'testimony' | 'structure' | 'improvement' | 'token';
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
      details: JSON.stringify(entry.details ?? {}),
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
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
