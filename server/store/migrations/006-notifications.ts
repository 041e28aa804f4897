import type { Kysely } from 'kysely';

/**
 * E-mail notifications (issue 18): the durable outbox, each structure's digest recipients, the extra tracking
 * tokens handed out in e-mails, and the citizen's "no more e-mails" mark.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // published | replied | rejected | digest
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('testimony_id', 'text', (c) => c.references('testimonies.id').onDelete('cascade'))
    .addColumn('structure_code', 'text')
    .addColumn('lang', 'text', (c) => c.notNull())
    // JSON: what the template needs (never the citizen's address: it is read from the testimony at send time).
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending | sent | failed | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_structure_idx').on('mail_outbox').columns(['structure_code', 'status']).execute();

  await db.schema
    .createTable('structure_notifications')
    .addColumn('structure_code', 'text', (c) => c.primaryKey().references('structures.code').onDelete('cascade'))
    // JSON array of addresses.
    .addColumn('digest_addresses', 'text', (c) => c.notNull())
    .addColumn('digest_hour', 'integer', (c) => c.notNull())
    // `YYYY-MM-DD` (Europe/Paris) of the last day a digest was considered: at most one a day, whatever the instances.
    .addColumn('last_digest_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('testimony_mail_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('testimony_id', 'text', (c) => c.notNull().references('testimonies.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('testimony_mail_tokens_testimony_idx').on('testimony_mail_tokens').column('testimony_id').execute();

  await db.schema.alterTable('testimonies').addColumn('mail_stopped_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('testimonies').dropColumn('mail_stopped_at').execute();
  await db.schema.dropTable('testimony_mail_tokens').execute();
  await db.schema.dropTable('structure_notifications').execute();
  await db.schema.dropTable('mail_outbox').execute();
}
