import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { medianRatioInterval } from '../../bench/report.js';
import { fragmentVerdict, type RenderResult } from '../../bench/render.js';

/**
 * The render section compares the median paint of a fragment page with its static twin's, on a machine where one
 * cold load differs from the next by a quarter: the report says how far that ratio could be from the one printed,
 * and a verdict does not call a ratio within budget while its interval still reaches past it.
 */

/** Loads scattered like this machine's (a paint time between `low` and `high` ms), reproducible. */
function loads(count: number, low: number, high: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 48271) % 2147483647;
    return low + ((high - low) * state) / 2147483647;
  });
}

describe('bench: ratio of medians and its interval', () => {
  it('brackets the ratio measured, the same interval for the same loads', () => {
    const fragment = loads(25, 500, 900, 7);
    const twin = loads(25, 450, 850, 11);
    const interval = medianRatioInterval(fragment, twin)!;
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const measured = sorted(fragment)[12]! / sorted(twin)[12]!;
    assert.ok(interval[0] < measured && measured < interval[1], `${measured} within ${interval}`);
    assert.deepEqual(medianRatioInterval(fragment, twin), interval, 'seeded: a report printed twice says the same');
  });

  it('narrows as loads are added, and is a point when every load takes the same time', () => {
    const width = (n: number) => {
      const [low, high] = medianRatioInterval(loads(n, 500, 900, 3), loads(n, 500, 900, 5))!;
      return high - low;
    };
    assert.ok(width(60) < width(6) / 2, `60 loads: ${width(60).toFixed(3)}, 6 loads: ${width(6).toFixed(3)}`);
    assert.deepEqual(medianRatioInterval([600, 600, 600], [500, 500, 500]), [1.2, 1.2]);
    assert.equal(medianRatioInterval([600, 610], [500, 510]), null, 'two loads say nothing about their scatter');
  });
});

describe('bench: fragment verdict', () => {
  const result = (ratio: number, interval: [number, number] | null): RenderResult =>
    ({
      fragmentRatio: ratio,
      fragmentInterval: interval,
      fragment: { clsMax: 0, longTasks: 1 },
      static: { longTasks: 1 },
    }) as unknown as RenderResult;

  it('says ok only when the whole interval is within 1.1×, unsure when it crosses', () => {
    assert.equal(fragmentVerdict(result(1.02, [0.95, 1.08])), 'ok');
    assert.equal(fragmentVerdict(result(1.09, [0.96, 1.2])), 'ok (unsure: interval crosses 1.1×)');
    assert.equal(fragmentVerdict(result(1.14, [1.02, 1.25])), 'OVER (painted, unsure: interval crosses 1.1×)');
    assert.equal(fragmentVerdict(result(1.3, [1.15, 1.45])), 'OVER (painted)');
    assert.equal(fragmentVerdict(result(1.05, null)), 'ok', 'too few loads for an interval: the ratio alone');
  });
});
