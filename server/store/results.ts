import type { Kysely } from 'kysely';
import type { Indicator, ResultsResponse } from '../../src/contract/index.js';
import type { Database } from './schema.js';
import { getStructureSummary } from './structures.js';

/** A structure's indicators with every published value, oldest period first. `undefined` if unknown. */
export async function getResults(db: Kysely<Database>, code: string): Promise<ResultsResponse | undefined> {
  const structure = await getStructureSummary(db, code);
  if (!structure) return undefined;
  // Two queries rather than one join: an indicator's methodology and sources (most of the bytes) come once, not
  // once per published period.
  const [indicatorRows, rows] = await Promise.all([
    db
      .selectFrom('indicators as i')
      .select(['i.code', 'i.label', 'i.family', 'i.unit_type', 'i.unit', 'i.direction', 'i.target', 'i.methodology', 'i.sources'])
      .where('i.code', 'in', (eb) => eb.selectFrom('results as r').select('r.indicator_code').where('r.structure_code', '=', code))
      .orderBy('i.position')
      .orderBy('i.code')
      .execute(),
    db
      .selectFrom('results as r')
      .select(['r.indicator_code', 'r.period', 'r.period_start', 'r.period_end', 'r.value', 'r.sample_size', 'r.network_average', 'r.updated_at'])
      .where('r.structure_code', '=', code)
      .orderBy('r.period_start')
      .execute(),
  ]);

  const indicators = new Map<string, Indicator>();
  for (const row of indicatorRows) {
    indicators.set(row.code, {
      code: row.code,
      label: row.label,
      family: row.family,
      unitType: row.unit_type,
      unit: row.unit,
      direction: row.direction,
      target: row.target === null ? null : Number(row.target),
      methodology: row.methodology,
      sources: row.sources,
      points: [],
    });
  }
  let updatedAt: string | null = null;
  for (const row of rows) {
    const indicator = indicators.get(row.indicator_code);
    // Only when an indicator was deleted between the two reads: its values go with it.
    if (!indicator) continue;
    indicator.points.push({
      period: row.period,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      value: row.value === null ? null : Number(row.value),
      sampleSize: row.sample_size === null ? null : Number(row.sample_size),
      networkAverage: row.network_average === null ? null : Number(row.network_average),
      updatedAt: row.updated_at,
    });
    if (updatedAt === null || row.updated_at > updatedAt) updatedAt = row.updated_at;
  }
  return { structure, updatedAt, indicators: [...indicators.values()] };
}
