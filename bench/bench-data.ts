import type { Kysely } from 'kysely';
import { migrate, openDatabase } from '../server/store/database.js';
import type { Database } from '../server/store/schema.js';
import { upsertStructure } from '../server/store/structures.js';
import { seedDatabase } from '../server/seed/index.js';
import { DEMO_INDICATORS, type DemoIndicator } from '../server/seed/indicators.js';
import { generateHistory, lastQuarters } from '../server/seed/results.js';

/** The issue 4 case: a structure publishing 12 indicators over 24 quarters (the demo ones publish 4 to 6 over 12). */
export const LARGE_RESULTS_STRUCTURE = 'BENCH-12X24';
export const LARGE_RESULTS_SHAPE = { indicators: 12, periods: 24 } as const;

/** Two more indicators on top of the demo catalogue's ten, so a structure can publish twelve. */
const EXTRA_INDICATORS: DemoIndicator[] = [
  {
    ...DEMO_INDICATORS.find((i) => i.code === 'IND-DECROCHE')!,
    code: 'IND-BENCH-RAPPEL',
    label: 'Rappels effectués dans la journée',
    originalLabel: 'Taux de rappel J+0',
  },
  {
    ...DEMO_INDICATORS.find((i) => i.code === 'IND-27')!,
    code: 'IND-BENCH-ACCUEIL',
    label: 'Usagers satisfaits de l’accueil sur place',
    originalLabel: 'Satisfaction accueil physique',
  },
];

/**
 * The data the size and render pages use: the demo seed, plus {@link LARGE_RESULTS_STRUCTURE}, written into
 * a SQLite file under `dataDir` that the real server process then opens (it sees the seed and does not reseed).
 */
export async function prepareBenchData(dataDir: string): Promise<void> {
  const store = await openDatabase({ dataDir });
  try {
    await migrate(store.db);
    await seedDatabase(store.db);
    await addLargeResultsStructure(store.db);
  } finally {
    await store.close();
  }
}

async function addLargeResultsStructure(db: Kysely<Database>): Promise<void> {
  const exists = await db.selectFrom('structures').select('code').where('code', '=', LARGE_RESULTS_STRUCTURE).executeTakeFirst();
  if (exists) return;
  const indicators = [...DEMO_INDICATORS, ...EXTRA_INDICATORS].slice(0, LARGE_RESULTS_SHAPE.indicators);
  const quarters = lastQuarters(new Date(), LARGE_RESULTS_SHAPE.periods);
  await db.transaction().execute(async (trx) => {
    const position = DEMO_INDICATORS.length;
    for (const [index, indicator] of EXTRA_INDICATORS.entries()) {
      await trx
        .insertInto('indicators')
        .values({
          code: indicator.code,
          network_code: null,
          label: indicator.label,
          original_label: indicator.originalLabel,
          family: indicator.family,
          unit_type: indicator.unitType,
          unit: indicator.unit,
          direction: indicator.direction,
          target: indicator.target,
          methodology: indicator.methodology,
          sources: indicator.sources,
          position: position + index,
        })
        .execute();
    }
    await upsertStructure(
      trx,
      { code: LARGE_RESULTS_STRUCTURE, name: 'CAF de démonstration (12 indicateurs, 24 trimestres)', networkCode: 'CAF', level: 'site', parentCode: 'CAF-69', postcode: '69003', city: 'Lyon' },
      "Caisses d'allocations familiales",
    );
    for (const indicator of indicators) {
      const points = generateHistory(indicator, LARGE_RESULTS_STRUCTURE, quarters);
      await trx
        .insertInto('results')
        .values(
          points.map((p) => ({
            structure_code: LARGE_RESULTS_STRUCTURE,
            indicator_code: indicator.code,
            period: p.period,
            period_start: p.periodStart,
            period_end: p.periodEnd,
            // Every quarter measured: the chart and table hold the full 24 points.
            value: p.value ?? p.networkAverage,
            sample_size: p.sampleSize,
            network_average: p.networkAverage,
            updated_at: p.updatedAt,
          })),
        )
        .execute();
    }
  });
}
