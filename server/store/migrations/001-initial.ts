import { sql, type Kysely } from 'kysely';

/** Column types valid on both SQLite and PostgreSQL ("double precision" gets REAL affinity in SQLite). */
const DOUBLE = sql`double precision`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('engagement_versions')
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_versions_pk', ['version', 'lang'])
    .execute();

  await db.schema
    .createTable('networks')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('structures')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('network_code', 'text', (c) => c.notNull().references('networks.code'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('postcode', 'text')
    .addColumn('city', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_url', 'text')
    .addColumn('contact_address', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('structures_network_idx').on('structures').columns(['network_code', 'code']).execute();
  await db.schema.createIndex('structures_parent_idx').on('structures').column('parent_code').execute();

  await db.schema
    .createTable('local_commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_code', 'text', (c) => c.notNull().references('structures.code').onDelete('cascade'))
    .addColumn('engagement', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('local_commitments_structure_idx')
    .on('local_commitments')
    .columns(['structure_code', 'position'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('network_code', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('original_label', 'text')
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('target', DOUBLE)
    .addColumn('methodology', 'text', (c) => c.notNull())
    .addColumn('sources', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('results')
    .addColumn('structure_code', 'text', (c) => c.notNull().references('structures.code').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('value', DOUBLE)
    .addColumn('sample_size', 'integer')
    .addColumn('network_average', DOUBLE)
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('results_pk', ['structure_code', 'indicator_code', 'period'])
    .execute();

  await db.schema
    .createTable('testimonies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('feeling', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('posted_as', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text')
    .addColumn('email', 'text')
    .addColumn('contact_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('pii_flags', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('first_reply_at', 'text')
    .execute();
  await db.schema.createIndex('testimonies_status_idx').on('testimonies').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('testimony_structures')
    .addColumn('testimony_id', 'text', (c) => c.notNull().references('testimonies.id').onDelete('cascade'))
    .addColumn('structure_code', 'text', (c) => c.notNull().references('structures.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('testimony_structures_pk', ['testimony_id', 'structure_code'])
    .execute();
  await db.schema
    .createIndex('testimony_structures_published_idx')
    .on('testimony_structures')
    .columns(['structure_code', 'published_at', 'testimony_id'])
    .execute();

  await db.schema
    .createTable('replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('testimony_id', 'text', (c) => c.notNull().references('testimonies.id').onDelete('cascade'))
    .addColumn('structure_code', 'text', (c) => c.notNull().references('structures.code'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('replies_testimony_idx').on('replies').columns(['testimony_id', 'created_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'replies',
    'testimony_structures',
    'testimonies',
    'results',
    'indicators',
    'local_commitments',
    'structures',
    'networks',
    'engagement_versions',
    'meta',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
