import type { Kysely } from 'kysely';

/**
 * A submission dropped by the anti-abuse checks (honeypot, too fast) gets an answer that looks like success; its
 * tracking link must look like a pending testimony too, or a bot learns it was caught by fetching it. The decoy
 * keeps only what that view shows: no story, no e-mail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decoy_testimonies')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('feeling', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** JSON array of structure codes, in the submitted order. */
    .addColumn('structures', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decoy_testimonies_created_idx').on('decoy_testimonies').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('decoy_testimonies').execute();
}
