import type { Kysely } from 'kysely';

/**
 * The listening loop: agent tokens, the audit log of every admin action, and the improvement plan.
 * Dialect-neutral like 001 (text ids made by the app, ISO text timestamps, JSON as text): the same file runs on
 * SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_codes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('structure_code', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_created_idx').on('audit_log').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target_type', 'target_id']).execute();

  await db.schema
    .createTable('improvement_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_code', 'text', (c) => c.notNull().references('structures.code').onDelete('cascade'))
    .addColumn('engagement', 'integer', (c) => c.notNull())
    .addColumn('tag', 'text')
    .addColumn('you_said', 'text', (c) => c.notNull())
    .addColumn('we_did', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('improvement_actions_structure_idx')
    .on('improvement_actions')
    .columns(['structure_code', 'status_date', 'id'])
    .execute();

  // One public reply per structure and testimony: an agent's second reply replaces the first (an upsert),
  // and two agents replying at once cannot leave two.
  await db.schema
    .createIndex('replies_structure_unique')
    .on('replies')
    .columns(['testimony_id', 'structure_code'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('replies_structure_unique').ifExists().execute();
  for (const table of ['improvement_actions', 'audit_log', 'agent_tokens']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
