import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Route } from 'playwright-core';
import { e2eHooks, type ServerProcess } from '../helpers/e2e.js';
import { elementMarkup, elementSpecs } from '../helpers/elements.js';
import type { HostServer } from '../helpers/host-pages.js';
import { allElementsPage, FAULTS, fulfill, late, recordedPage, runFault, shadowText, sleep, waitForProbe, type Fault } from '../helpers/resilience.js';

/**
 * `npm run soak`: the long variants of the resilience suite, not run in CI. Every short fault again, several
 * rounds; faults the API recovers from (the elements must then show their content); a very slow API; the API
 * coming back after an outage (the retry the element offers must work); and hundreds of mount/unmount cycles
 * that must not leak memory (charts destroyed, listeners removed).
 */
const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 3);
const specs = elementSpecs();
const noElements = specs.length ? false : 'no element is registered in src/elements/catalog.ts yet';

/** Fails the first `failures` requests to each URL, then lets them through. */
function failingFirst(failures: number, fail: (route: Route) => Promise<void>): (route: Route) => Promise<void> {
  const seen = new Map<string, number>();
  return async (route) => {
    const url = route.request().url();
    const n = (seen.get(url) ?? 0) + 1;
    seen.set(url, n);
    if (n <= failures) return fail(route);
    await route.continue().catch(() => {});
  };
}

const RECOVERING: (() => Fault)[] = [
  () => ({
    name: 'API flapping (two 503s per URL, then fine)',
    expect: 'content',
    settleMs: 30_000,
    handle: failingFirst(2, (route) => fulfill(route, 503, 'application/problem+json', '{"title":"Service indisponible","status":503}')),
  }),
  () => ({
    name: '429 with Retry-After: 1, then fine',
    expect: 'content',
    settleMs: 30_000,
    handle: failingFirst(1, (route) =>
      route
        .fulfill({ status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '1', 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After' }, body: '{"title":"Trop de requêtes","status":429}' })
        .catch(() => {}),
    ),
  }),
  () => ({ name: 'API slow but within the timeout (6 s)', expect: 'content', settleMs: 30_000, handle: (route) => late(route, 6_000) }),
  () => ({ name: 'API very slow (every answer 40 s late)', settleMs: 120_000, observeMs: 125_000, handle: (route) => late(route, 40_000) }),
];

describe('soak: faults, rounds and recoveries', { skip: noElements }, () => {
  let server: ServerProcess;
  let host: HostServer;
  let browser: Browser;

  e2eHooks({ host: true }, (started) => ({ server, host, browser } = started));

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: every short fault, side by side`, async () => {
      const outcomes = await Promise.all(FAULTS.map((fault, index) => runFault(browser, host, server.url, specs, fault, 100 * round + index)));
      for (const outcome of outcomes) {
        assert.deepEqual(outcome.elements.filter((e) => e.settledAfterMs === null).map((e) => `${outcome.fault}: <${e.tag}> ${e.text}`), []);
        assert.deepEqual(outcome.record.errors, [], outcome.fault);
      }
    });
  }

  for (const [index, make] of RECOVERING.entries()) {
    const fault = make();
    it(`${fault.name}: each element ends ${fault.expect === 'content' ? 'with its content' : 'in its fallback or error state'}`, async () => {
      const outcome = await runFault(browser, host, server.url, specs, make(), 200 + index);
      assert.deepEqual(outcome.elements.filter((e) => e.settledAfterMs === null).map((e) => `<${e.tag}> ${e.text}`), []);
      assert.deepEqual(outcome.record.errors, []);
    });
  }

  it('API down, then back: the retry each element offers brings its content', async () => {
    const recorded = await recordedPage(browser);
    try {
      const { page } = recorded;
      let down = true;
      await page.route(`${server.url}/api/**`, (route) => (down ? route.abort('connectionrefused').catch(() => {}) : route.continue().catch(() => {})));
      await page.goto(allElementsPage(host, '/soak-back.html', server.url, specs), { waitUntil: 'load' });
      for (const spec of specs) assert.notEqual(await waitForProbe(page, spec, 'failure', 30_000), null, `<${spec.tag}> shows its failure state`);
      down = false;
      const missing: string[] = [];
      for (const spec of specs) {
        // A retry button in the element's own words (Réessayer / Retry), when it has one.
        const retry = page.locator(`${spec.tag} button`, { hasText: /réessayer|retry/i });
        if (await retry.count()) await retry.first().click();
        if ((await waitForProbe(page, spec, 'content', 30_000)) === null) missing.push(`<${spec.tag}>: ${await shadowText(page, spec.tag)}`);
      }
      assert.deepEqual(missing, [], 'elements that did not recover once the API came back');
      assert.deepEqual((await recorded.record()).errors, []);
    } finally {
      await recorded.close();
    }
  });

  it('300 mount/unmount cycles of every element do not leak memory', async (t) => {
    const recorded = await recordedPage(browser);
    try {
      const { page, context } = recorded;
      await page.goto(allElementsPage(host, '/soak-cycles.html', server.url, specs), { waitUntil: 'load' });
      for (const spec of specs) assert.notEqual(await waitForProbe(page, spec, 'content', 30_000), null, `<${spec.tag}> renders`);
      const cdp = await context.newCDPSession(page);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
      };
      const markup = specs.map((s) => elementMarkup(s)).join('');
      const cycle = async (times: number) => {
        for (let i = 0; i < times; i++) {
          await page.evaluate((html) => {
            const main = document.querySelector('main')!;
            for (const el of main.querySelectorAll('[data-cycle]')) el.remove();
            const box = document.createElement('div');
            box.dataset.cycle = '';
            box.innerHTML = html;
            main.append(box);
          }, markup);
          await sleep(50);
        }
        for (const spec of specs) await waitForProbe(page, spec, 'content', 30_000);
      };
      await cycle(30); // warm-up: caches, compiled templates, ETag cache entries
      const before = await heap();
      await cycle(300);
      const afterCycles = await heap();
      const growth = afterCycles - before;
      t.diagnostic(`JS heap after warm-up ${(before / 1024 / 1024).toFixed(1)} MB, after 300 cycles ${(afterCycles / 1024 / 1024).toFixed(1)} MB`);
      assert.ok(growth < 5 * 1024 * 1024, `JS heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB over 300 cycles`);
      assert.deepEqual((await recorded.record()).errors, []);
    } finally {
      await recorded.close();
    }
  });
});
