import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLighthouse, medianRun, parseLighthouse, withinLighthouseBudget, type LighthouseResult } from '../../bench/lighthouse.js';

/**
 * The bench's Lighthouse section reads Lighthouse's JSON report and prints it next to the budgets. Lighthouse
 * itself never runs here (it takes minutes): the fixture is a real Lighthouse 12.2.3 report of `/mairie` (mobile
 * preset, on a loaded machine), cut down to the audits the section reads.
 */

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'lighthouse', 'mairie-mobile.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const report = (): any => JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('bench: Lighthouse section', () => {
  it('reads scores, TBT, LCP, CLS and boot-up from a Lighthouse report', () => {
    const f = parseLighthouse(report());
    assert.equal(f.performance, 54);
    assert.equal(f.accessibility, 100);
    assert.equal(Math.round(f.tbtMs!), 8495);
    assert.equal(Math.round(f.lcpMs!), 2954);
    assert.equal(f.cls!.toFixed(3), '0.048');
    assert.equal(Math.round(f.bootupMs!), 6168);
    assert.deepEqual(f.topScripts[0], { url: '/widgets/assets/define-Wu-8Ietv.js', ms: 6080 }, 'the script booting longest first, origin stripped');
    assert.equal(f.topScripts.length, 3);
    assert.deepEqual(f.failedAccessibility, []);
    assert.deepEqual(f.uncompressed, []);
    assert.equal(f.cpuIndex, 186, 'the machine was loaded (benchmarkIndex 185.5)');
    assert.equal(withinLighthouseBudget(f), false, 'performance 54 and TBT 8.5 s are over the budgets');
  });

  it('names failed accessibility audits and uncompressed files, and checks each budget', () => {
    const lhr = report();
    lhr.audits['aria-hidden-focus'].score = 0;
    lhr.audits['uses-text-compression'].details.items = [{ url: 'http://127.0.0.1:8080/demo.css', wastedBytes: 3200 }];
    const f = parseLighthouse(lhr);
    assert.deepEqual(f.failedAccessibility, ['aria-hidden-focus']);
    assert.deepEqual(f.uncompressed, ['/demo.css']);

    const good = { ...f, performance: 97, accessibility: 100, tbtMs: 120, cls: 0 };
    assert.equal(withinLighthouseBudget(good), true);
    assert.equal(withinLighthouseBudget({ ...good, performance: 94 }), false, 'performance >= 95');
    assert.equal(withinLighthouseBudget({ ...good, accessibility: 98 }), false, 'accessibility 100');
    assert.equal(withinLighthouseBudget({ ...good, tbtMs: 151 }), false, 'TBT <= 150 ms');
    assert.equal(withinLighthouseBudget({ ...good, cls: 0.02 }), true, 'a page: CLS is reported, not a budget');
    assert.equal(withinLighthouseBudget({ ...good, cls: 0.02 }, 'fragment + script'), false, 'fragment + script: CLS 0');
  });

  it('keeps the run of median TBT among several runs of a page, a run without TBT counting as the worst', () => {
    const f = parseLighthouse(report());
    const runs = [
      { ...f, tbtMs: 240, performance: 93 },
      { ...f, tbtMs: 80, performance: 99 },
      { ...f, tbtMs: null, performance: null },
      { ...f, tbtMs: 121, performance: 98 },
      { ...f, tbtMs: 160, performance: 96 },
    ];
    assert.equal(medianRun(runs).tbtMs, 160, 'the third of 80, 121, 160, 240, none');
    assert.equal(medianRun(runs.slice(0, 2)).tbtMs, 80, 'of two runs, the better one');
    assert.equal(medianRun(runs.slice(1, 4)).performance, 98, 'the whole figures of that run, not a mix');
  });

  it('survives a report Lighthouse could not score (a page that failed to load)', () => {
    const f = parseLighthouse({ runtimeError: { code: 'FAILED_DOCUMENT_REQUEST', message: 'Lighthouse was unable to reliably load the page' }, categories: { performance: { score: null } }, audits: {} });
    assert.equal(f.performance, null);
    assert.equal(f.tbtMs, null);
    assert.equal(f.error, 'Lighthouse was unable to reliably load the page');
    assert.equal(withinLighthouseBudget(f), false);
  });

  it('prints one row per page next to the budgets, with why a row is over or skipped', () => {
    const f = parseLighthouse(report());
    const results: LighthouseResult[] = [
      { name: '/mairie', kind: 'page', url: 'http://127.0.0.1:8080/mairie', figures: f, withinBudget: false },
      { name: '<spp-results>', kind: 'fragment + script', url: '', skipped: 'no fragment on this server (GET /fragments/spp-results answered 404 application/problem+json)' },
    ];
    const text = formatLighthouse(results);
    assert.match(text, /performance >= 95, accessibility 100, TBT <= 150 ms/);
    const row = text.split('\n').find((l) => l.trimStart().startsWith('/mairie'))!;
    assert.match(row, /\/mairie\s+page\s+54\s+100\s+8495 ms\s+2954 ms\s+0\.048\s+6168 ms\s+186\s+OVER/);
    assert.match(text, /<spp-results>\s+fragment \+ script\s+–.*skipped/);
    assert.match(text, /<spp-results> \(fragment \+ script\): no fragment on this server/);
    assert.match(text, /\/mairie \(page\): most boot-up: \/widgets\/assets\/define-Wu-8Ietv\.js 6080 ms/);
  });
});
