import * as z from 'zod/mini';
import { Count, IsoDate, StructurePath } from './common.js';
import { StructureSummary } from './structure.js';

/** "qualité rendue" (performance) or "qualité perçue" (satisfaction). */
export const INDICATOR_FAMILIES = ['performance', 'satisfaction'] as const;
export const IndicatorFamily = z.enum(INDICATOR_FAMILIES);
export type IndicatorFamily = z.infer<typeof IndicatorFamily>;

/** How a value reads: 95.16 % / 5 jours / 12 minutes / 7,8 /10 / +42 points. */
export const UNIT_TYPES = ['percent', 'days', 'minutes', 'score10', 'points'] as const;
export const UnitType = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof UnitType>;

/** Whether a higher value is better (calls answered) or a lower one (waiting time). */
export const DIRECTIONS = ['higher', 'lower'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const ResultPoint = z.object({
  /** Period id: `2024-Q3` for a quarter, `2024-S1` for a half-year, `2024` for a year, `2024-05` for a month. */
  period: z.string().check(z.regex(/^\d{4}(-Q[1-4]|-S[12]|-(0[1-9]|1[0-2]))?$/)),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** `null` when not measured for that period. */
  value: z.nullable(z.number()),
  /** Number of answers behind a satisfaction value; under 100 the value is "données insuffisantes". */
  sampleSize: z.nullable(Count),
  networkAverage: z.nullable(z.number()),
  /** When this value was published. */
  updatedAt: IsoDate,
});
export type ResultPoint = z.infer<typeof ResultPoint>;

export const Indicator = z.object({
  code: z.string(),
  /** The user-facing label ("Taux de décroché téléphonique"). */
  label: z.string(),
  family: IndicatorFamily,
  unitType: UnitType,
  /** Display unit as published ("%", "jours", "minutes", "/10", "points"). */
  unit: z.string(),
  direction: Direction,
  target: z.nullable(z.number()),
  methodology: z.string(),
  sources: z.nullable(z.string()),
  /** Oldest first. */
  points: z.array(ResultPoint),
});
export type Indicator = z.infer<typeof Indicator>;

/** `GET /api/v1/structures/{code}/results` */
export const ResultsResponse = z.object({
  structure: StructureSummary,
  /** Latest `updatedAt` over all points; `null` when nothing is published yet. */
  updatedAt: z.nullable(IsoDate),
  indicators: z.array(Indicator),
});
export type ResultsResponse = z.infer<typeof ResultsResponse>;

/** `/structures/{code}/results`: the path parameters of every structure route (see `StructurePath`). */
export const ResultsPath = StructurePath;
