import type { Kysely } from 'kysely';
import type { ResultsPublication } from '../../src/contract/index.js';
import type { Database } from './schema.js';
import { writeAudit, type Actor } from './audit.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** First and last day of a period id: `2024` (year), `2024-S1` (half-year), `2024-Q3` (quarter) or `2024-05` (month). */
export function periodBounds(period: string): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const quarter = /-Q([1-4])$/.exec(period);
  const half = /-S([12])$/.exec(period);
  const month = /-(\d{2})$/.exec(period);
  const [first, count] = quarter
    ? [(Number(quarter[1]) - 1) * 3, 3]
    : half
      ? [(Number(half[1]) - 1) * 6, 6]
      : month
        ? [Number(month[1]) - 1, 1]
        : [0, 12];
  return { start: iso(new Date(Date.UTC(year, first, 1))), end: iso(new Date(Date.UTC(year, first + count, 0))) };
}

/** Indicator codes of the publication that the catalogue does not know, with their index. */
export async function unknownIndicators(db: Kysely<Database>, publication: ResultsPublication): Promise<{ index: number; code: string }[]> {
  const codes = [...new Set(publication.results.map((r) => r.indicator))];
  const known = new Set((await db.selectFrom('indicators').select('code').where('code', 'in', codes).execute()).map((r) => r.code));
  return publication.results.flatMap((r, index) => (known.has(r.indicator) ? [] : [{ index, code: r.indicator }]));
}

/**
 * Stores new or corrected values (one row per indicator and period), all or none, dated today: the results
 * card shows them at once. Returns the publication date.
 */
export async function publishResults(db: Kysely<Database>, structureCode: string, publication: ResultsPublication, actor: Actor): Promise<string> {
  const today = iso(new Date());
  await db.transaction().execute(async (trx) => {
    for (const r of publication.results) {
      const { start, end } = periodBounds(r.period);
      const values = {
        period_start: start,
        period_end: end,
        value: r.value,
        sample_size: r.sampleSize ?? null,
        network_average: r.networkAverage ?? null,
        updated_at: today,
      };
      await trx
        .insertInto('results')
        .values({ structure_code: structureCode, indicator_code: r.indicator, period: r.period, ...values })
        .onConflict((oc) => oc.columns(['structure_code', 'indicator_code', 'period']).doUpdateSet(values))
        .execute();
    }
    await writeAudit(trx, actor, {
      action: 'results.publish',
      targetType: 'structure',
      targetId: structureCode,
      structureCode,
      details: {
        rows: publication.results.length,
        indicators: [...new Set(publication.results.map((r) => r.indicator))],
        periods: [...new Set(publication.results.map((r) => r.period))],
      },
    });
  });
  return today;
}
