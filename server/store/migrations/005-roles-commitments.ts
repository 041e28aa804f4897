import type { Kysely } from 'kysely';

/**
 * A structure's team runs its presence from `/agent`:
 * - tokens get a role: `agent` (moderate, reply, plan, commitments) or `manager` (also creates and revokes the
 *   agents' tokens of its structures and reads their audit log); every token made before is an agent. A token
 *   made by a manager remembers who made it.
 * - the audit log is read per structure (newest first), so it gets that index.
 * - an improvement action may cite the testimonies that prompted it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agent_tokens').addColumn('role', 'text', (c) => c.notNull().defaultTo('agent')).execute();
  await db.schema.alterTable('agent_tokens').addColumn('created_by', 'text').execute();
  await db.schema
    .createIndex('audit_log_structure_idx')
    .on('audit_log')
    .columns(['structure_code', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('improvement_testimonies')
    .addColumn('improvement_id', 'text', (c) => c.notNull().references('improvement_actions.id').onDelete('cascade'))
    .addColumn('testimony_id', 'text', (c) => c.notNull().references('testimonies.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('improvement_testimonies_pk', ['improvement_id', 'testimony_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('improvement_testimonies').ifExists().execute();
  await db.schema.dropIndex('audit_log_structure_idx').execute();
  await db.schema.alterTable('agent_tokens').dropColumn('created_by').execute();
  await db.schema.alterTable('agent_tokens').dropColumn('role').execute();
}
