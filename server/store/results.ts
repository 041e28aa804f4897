import type { Kysely } from 'kysely';
import type { Direction, Indicator, IndicatorFamily, ResultsResponse, UnitType } from '../../src/contract/index.js';
import type { Database } from './schema.js';
import { getStructureSummary } from './structures.js';

/** A structure's indicators with every published value, oldest period first. `undefined` if unknown. */
export async function getResults(db: Kysely<Database>, code: string): Promise<ResultsResponse | undefined> {
  const structure = await getStructureSummary(db, code);
  if (!structure) return undefined;
  const rows = await db
    .selectFrom('results as r')
    .innerJoin('indicators as i', 'i.code', 'r.indicator_code')
    .select([
      'i.code',
      'i.label',
      'i.family',
      'i.unit_type',
      'i.unit',
      'i.direction',
      'i.target',
      'i.methodology',
      'i.sources',
      'i.position',
      'r.period',
      'r.period_start',
      'r.period_end',
      'r.value',
      'r.sample_size',
      'r.network_average',
      'r.updated_at',
    ])
    .where('r.structure_code', '=', code)
    .orderBy('i.position')
    .orderBy('i.code')
    .orderBy('r.period_start')
    .execute();

  const indicators = new Map<string, Indicator>();
  let updatedAt: string | null = null;
  for (const row of rows) {
    let indicator = indicators.get(row.code);
    if (!indicator) {
      indicator = {
        code: row.code,
        label: row.label,
        family: row.family as IndicatorFamily,
        unitType: row.unit_type as UnitType,
        unit: row.unit,
        direction: row.direction as Direction,
        target: row.target === null ? null : Number(row.target),
        methodology: row.methodology,
        sources: row.sources,
        points: [],
      };
      indicators.set(row.code, indicator);
    }
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
