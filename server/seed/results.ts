import type { UnitType } from '../../src/contract/index.js';
import type { DemoIndicator } from './indicators.js';

export interface GeneratedPoint {
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  sampleSize: number | null;
  networkAverage: number | null;
  updatedAt: string;
}

/** Small deterministic PRNG (mulberry32): the same seed always gives the same demo history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export interface Quarter {
  period: string;
  start: string;
  end: string;
}

/** The `count` complete quarters ending before `endBefore`, oldest first. */
export function lastQuarters(endBefore: Date, count: number): Quarter[] {
  let year = endBefore.getUTCFullYear();
  let q = Math.floor(endBefore.getUTCMonth() / 3); // current quarter index 0..3; the previous one is complete
  const out: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    q -= 1;
    if (q < 0) {
      q = 3;
      year -= 1;
    }
    const start = new Date(Date.UTC(year, q * 3, 1));
    const end = new Date(Date.UTC(year, q * 3 + 3, 0));
    out.unshift({ period: `${year}-Q${q + 1}`, start: iso(start), end: iso(end) });
  }
  return out;
}

function round(value: number, unit: UnitType): number {
  switch (unit) {
    case 'percent':
      return Math.min(100, Math.max(0, Math.round(value * 100) / 100));
    case 'days':
    case 'score10':
      return Math.max(0, Math.round(value * 10) / 10);
    case 'minutes':
    case 'points':
      return Math.round(value);
  }
}

/**
 * A plausible history: a random walk around the indicator's typical value with a slow improvement, survey
 * sample sizes (sometimes under 100), a network average, and values published two weeks after each quarter, with
 * no quarter left out.
 */
export function generateHistory(indicator: DemoIndicator, structureCode: string, quarters: Quarter[]): GeneratedPoint[] {
  const random = prng(hashString(`${structureCode}/${indicator.code}`));
  const bias = (random() - 0.5) * indicator.spread * 2;
  let value = indicator.base + bias;
  const improve = (indicator.direction === 'higher' ? 1 : -1) * indicator.spread * 0.08;
  return quarters.map((quarter, index) => {
    value += (random() - 0.5) * indicator.spread + improve;
    const published = new Date(Date.parse(quarter.end) + 15 * 24 * 3600 * 1000);
    const sampleSize = indicator.surveyed ? Math.round(60 + random() * 500) : null;
    // Every quarter is measured: a gap early in a demo history showed as a lone first point, then nothing. The
    // draw that used to decide it is kept so the values (and the tests and stories quoting them) stay the same.
    if (index === 1) random();
    const average = indicator.base + (random() - 0.5) * indicator.spread * 0.5;
    return {
      period: quarter.period,
      periodStart: quarter.start,
      periodEnd: quarter.end,
      value: round(value, indicator.unitType),
      sampleSize,
      networkAverage: round(average, indicator.unitType),
      updatedAt: iso(published),
    };
  });
}
