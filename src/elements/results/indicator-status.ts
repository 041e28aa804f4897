import type { Indicator, ResultPoint } from '../../contract/results.js';

/**
 * How an indicator's latest value compares with its target and with the previous period. Pure functions, so
 * the rules a citizen relies on are tested without rendering anything.
 */

export type IndicatorStatus = 'met' | 'close' | 'not-met' | 'insufficient' | 'no-target';

/** Under this many answers a satisfaction value is not significant (the State observatory's rule). */
export const MIN_SAMPLE_SIZE = 100;

/**
 * "Proche de l'objectif": not met, but missing the target by at most 5 % of the target's size. Higher is
 * better, target 85 %: from 80.75 % (included) to 85 % (excluded). Lower is better, target 20 minutes: above
 * 20 and up to 21. Relative to the target so that it means the same for 85 %, 5 days and 30 points.
 */
export const CLOSE_MARGIN = 0.05;

/** A change smaller than this (in the indicator's unit) rounds to zero at one decimal: "stable". */
export const STABLE_BELOW = 0.05;

/** The most recent period, even when it was not measured (it is what the structure published last). */
export const latestPoint = (indicator: Indicator): ResultPoint | undefined => indicator.points.at(-1);

/** A value a citizen can rely on: measured, and for a survey, on enough answers. */
export function isSignificant(indicator: Indicator, point: ResultPoint | undefined): point is ResultPoint & { value: number } {
  if (!point || point.value === null) return false;
  return !(indicator.family === 'satisfaction' && point.sampleSize !== null && point.sampleSize < MIN_SAMPLE_SIZE);
}

export function statusOf(indicator: Indicator, point: ResultPoint | undefined = latestPoint(indicator)): IndicatorStatus {
  if (!isSignificant(indicator, point)) return 'insufficient';
  const { target, direction } = indicator;
  if (target === null) return 'no-target';
  // How far the value is on the good side of the target (negative: short of it), in the indicator's unit.
  const ahead = direction === 'higher' ? point.value - target : target - point.value;
  if (ahead >= 0) return 'met';
  return -ahead <= Math.abs(target) * CLOSE_MARGIN ? 'close' : 'not-met';
}

export interface Trend {
  /** Latest minus previous, in the indicator's unit (percentage points for a percentage). */
  delta: number;
  /** Where the number went. */
  movement: 'up' | 'down' | 'stable';
  /** Whether that is good news, knowing whether higher or lower is better. */
  verdict: 'better' | 'worse' | 'same';
  previous: ResultPoint;
}

/** The change since the previous published period; `null` when either value is missing or not significant. */
export function trendOf(indicator: Indicator): Trend | null {
  const latest = indicator.points.at(-1);
  const previous = indicator.points.at(-2);
  if (!previous || !isSignificant(indicator, latest) || !isSignificant(indicator, previous)) return null;
  const delta = latest.value - previous.value;
  if (Math.abs(delta) < STABLE_BELOW) return { delta: 0, movement: 'stable', verdict: 'same', previous };
  const movement = delta > 0 ? 'up' : 'down';
  const better = (movement === 'up') === (indicator.direction === 'higher');
  return { delta, movement, verdict: better ? 'better' : 'worse', previous };
}

/** Results must be published at least once a year: older than 12 months is stale. */
export function isStale(updatedAt: string | null, now = Date.now()): boolean {
  if (!updatedAt) return false;
  const published = new Date(`${updatedAt.slice(0, 10)}T00:00:00Z`);
  published.setUTCMonth(published.getUTCMonth() + 12);
  return !Number.isNaN(published.getTime()) && published.getTime() < now;
}
