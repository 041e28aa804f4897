import type { Kysely } from 'kysely';
import { ENGAGEMENTS_EN } from '../../src/data/engagements.en.js';
import { ENGAGEMENTS_FR } from '../../src/data/engagements.fr.js';
import type { Database } from '../store/schema.js';
import { saveEngagements } from '../store/engagements.js';
import { upsertStructure } from '../store/structures.js';
import { newId, newReference, newToken, sha256 } from '../store/ids.js';
import { DEMO_INDICATORS } from './indicators.js';
import { generateHistory, lastQuarters } from './results.js';
import { DEMO_NETWORKS, DEMO_STRUCTURES } from './structures.js';
import { DEMO_TESTIMONIES } from './testimonies.js';
import { DEMO_IMPROVEMENTS } from './improvements.js';

const DAY_MS = 24 * 3600 * 1000;
const QUARTERS = 12;

/**
 * True once the demo data is in (a second start reuses the data and never seeds twice), and also when real open
 * data was imported first (`npm run import`): demo rows must not mix into a real database.
 */
export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', 'in', ['seeded_at', 'opendata_imported_at'])
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Loads the engagements, the demo structures with their commitments, 12 quarters of results and a few
 * testimonies with replies and a few improvement plans, in one transaction. Dates are relative to `now` so the demo never looks stale,
 * except the one structure that is stale on purpose.
 */
export async function seedDatabase(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  if (await isSeeded(db)) return false;
  await db.transaction().execute(async (trx) => {
    await saveEngagements(trx, ENGAGEMENTS_FR);
    await saveEngagements(trx, ENGAGEMENTS_EN);

    await trx
      .insertInto('indicators')
      .values(
        DEMO_INDICATORS.map((i, position) => ({
          code: i.code,
          network_code: null,
          label: i.label,
          original_label: i.originalLabel,
          family: i.family,
          unit_type: i.unitType,
          unit: i.unit,
          direction: i.direction,
          target: i.target,
          methodology: i.methodology,
          sources: i.sources,
          position,
        })),
      )
      .execute();

    for (const s of DEMO_STRUCTURES) {
      await upsertStructure(trx, s, DEMO_NETWORKS[s.networkCode] ?? s.networkCode);
      if (s.commitments.length) {
        await trx
          .insertInto('local_commitments')
          .values(
            s.commitments.map((c, position) => ({
              id: newId(),
              structure_code: s.code,
              engagement: c.engagement,
              text: c.text,
              since: c.since ?? null,
              position,
            })),
          )
          .execute();
      }
      const end = new Date(now.getTime() - (s.staleMonths ?? 0) * 30 * DAY_MS);
      const quarters = lastQuarters(end, QUARTERS);
      for (const code of s.indicators) {
        const indicator = DEMO_INDICATORS.find((i) => i.code === code);
        if (!indicator) throw new Error(`Seed: unknown indicator ${code} for ${s.code}`);
        const points = generateHistory(indicator, s.code, quarters).filter((p) => Date.parse(p.updatedAt) <= now.getTime());
        if (!points.length) continue;
        await trx
          .insertInto('results')
          .values(
            points.map((p) => ({
              structure_code: s.code,
              indicator_code: code,
              period: p.period,
              period_start: p.periodStart,
              period_end: p.periodEnd,
              value: p.value,
              sample_size: p.sampleSize,
              network_average: p.networkAverage,
              updated_at: p.updatedAt,
            })),
          )
          .execute();
      }
    }

    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
    for (const t of DEMO_TESTIMONIES) {
      const id = newId();
      const publishedAt = t.publishedDaysAgo === null ? null : at(t.publishedDaysAgo);
      await trx
        .insertInto('testimonies')
        .values({
          id,
          reference: newReference(),
          token_hash: sha256(newToken()),
          status: publishedAt ? 'published' : 'pending',
          feeling: t.feeling,
          title: t.title,
          body: t.body,
          channels: JSON.stringify(t.channels),
          tags: JSON.stringify(t.tags),
          posted_as: t.postedAs,
          postcode: null,
          email: null,
          contact_consent: 0,
          lang: 'fr',
          pii_flags: '[]',
          rejection_reason: null,
          created_at: at(t.writtenDaysAgo),
          moderated_at: publishedAt,
          published_at: publishedAt,
          first_reply_at: t.reply ? at(t.reply.daysAgo) : null,
        })
        .execute();
      await trx
        .insertInto('testimony_structures')
        .values(
          t.structures.map((code, position) => ({
            testimony_id: id,
            structure_code: code,
            position,
            published_at: publishedAt,
            replied_at: t.reply?.structure === code ? at(t.reply.daysAgo) : null,
          })),
        )
        .execute();
      if (t.reply) {
        await trx
          .insertInto('replies')
          .values({
            id: newId(),
            testimony_id: id,
            structure_code: t.reply.structure,
            body: t.reply.body,
            signature: t.reply.signature,
            created_at: at(t.reply.daysAgo),
          })
          .execute();
      }
    }

    await trx
      .insertInto('improvement_actions')
      .values(
        DEMO_IMPROVEMENTS.map((a) => ({
          id: newId(),
          structure_code: a.structure,
          engagement: a.engagement,
          tag: a.tag,
          you_said: a.youSaid,
          we_did: a.weDid,
          status: a.status,
          status_date: at(a.daysAgo).slice(0, 10),
          created_at: at(Math.max(a.daysAgo, 0)),
          updated_at: at(Math.max(a.daysAgo, 0)),
        })),
      )
      .execute();

    await trx.insertInto('meta').values({ key: 'seeded_at', value: now.toISOString() }).execute();
  });
  return true;
}
