import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResultsResponse, Structure, StructuresPage } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('structures and results', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ url, headers });

  it('finds CAF structures by "caf", whatever the case', async () => {
    const page = StructuresPage.parse((await get('/api/v1/structures?q=CaF')).json());
    assert.ok(page.items.length >= 3);
    assert.ok(page.items.every((s) => s.network.code === 'CAF'));
  });

  it('ignores accents and matches several words (name, city, postcode)', async () => {
    const byAccent = StructuresPage.parse((await get('/api/v1/structures?q=pr%C3%89FECTURE%20lyon')).json());
    assert.deepEqual(byAccent.items.map((s) => s.code), ['PREF-69']);
    const byPostcode = StructuresPage.parse((await get('/api/v1/structures?q=75011')).json());
    assert.deepEqual(byPostcode.items.map((s) => s.code), ['SIP-PARIS-11']);
  });

  it('matches nothing for a query of punctuation only, and everything for an empty one', async () => {
    const punctuation = StructuresPage.parse((await get('/api/v1/structures?q=%25_%25')).json());
    assert.equal(punctuation.items.length, 0);
    const empty = StructuresPage.parse((await get('/api/v1/structures?q=')).json());
    assert.ok(empty.items.length > 0);
  });

  it('filters by network', async () => {
    const page = StructuresPage.parse((await get('/api/v1/structures?network=cpam')).json());
    assert.deepEqual(page.items.map((s) => s.code).sort(), ['CPAM-33', 'CPAM-59']);
  });

  it('pages with a cursor until the end, without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/structures?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = StructuresPage.parse((await get(url)).json());
      seen.push(...page.items.map((s) => s.code));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    const all = StructuresPage.parse((await get('/api/v1/structures?limit=100')).json());
    assert.deepEqual(seen, all.items.map((s) => s.code));
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(all.items.length >= 20, 'about 20 demo structures');
  });

  it('rejects a forged cursor and an out-of-range limit, naming the field', async () => {
    const forged = await get('/api/v1/structures?cursor=bm90LWEtY3Vyc29y');
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json().errors[0].field, 'cursor');
    const limit = await get('/api/v1/structures?limit=1000');
    assert.equal(limit.statusCode, 400);
    assert.equal(limit.json().errors[0].field, 'limit');
    assert.match(limit.json().errors[0].message, /au plus 100/);
  });

  it('accepts ?lang=en where the query schema does not list it, and answers in English before and after validation', async () => {
    const forged = await get('/api/v1/structures?cursor=bm90LWEtY3Vyc29y&lang=en');
    assert.equal(forged.statusCode, 400);
    assert.match(forged.json().errors[0].message, /^"Pagination cursor" is not one this API gave/);
    const limit = await get('/api/v1/structures?limit=0&lang=en');
    assert.equal(limit.statusCode, 400);
    assert.equal(limit.json().errors[0].field, 'limit');
    assert.match(limit.json().detail, /^Check these fields: limit\.$/);
    const page = await get('/api/v1/structures?q=caf&lang=en');
    assert.equal(page.statusCode, 200);
    assert.ok(StructuresPage.parse(page.json()).items.length >= 3);
    const unknownField = await get('/api/v1/structures?colour=blue&lang=en');
    assert.equal(unknownField.statusCode, 400);
    assert.deepEqual(unknownField.json().errors.map((e: { field: string }) => e.field), ['colour']);
  });

  it('returns one structure with its network and local commitments', async () => {
    const res = await get('/api/v1/structures/CAF-69');
    assert.equal(res.statusCode, 200);
    const s = Structure.parse(res.json());
    assert.equal(s.name, 'CAF du Rhône');
    assert.equal(s.network.code, 'CAF');
    assert.equal(s.parentCode, 'CNAF');
    assert.ok(s.commitments.some((c) => c.engagement === 2 && /gratuit/.test(c.text)));
  });

  it('answers 404 as a problem for an unknown structure, in the asked language', async () => {
    const res = await get('/api/v1/structures/NOPE-1', { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /problem\+json/);
    assert.match(res.json().detail, /No structure has the SP\+ code "NOPE-1"/);
  });

  it('refuses a malformed structure code with 400 naming "code"', async () => {
    const res = await get('/api/v1/structures/%3Cscript%3E');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'code');
  });

  it('returns 8+ quarters of results in both families, with units, direction, targets and methodology', async () => {
    const res = await get('/api/v1/structures/CAF-69/results');
    assert.equal(res.statusCode, 200);
    const results = ResultsResponse.parse(res.json());
    assert.equal(results.structure.code, 'CAF-69');
    assert.ok(results.updatedAt);
    const families = new Set(results.indicators.map((i) => i.family));
    assert.deepEqual([...families].sort(), ['performance', 'satisfaction']);
    for (const indicator of results.indicators) {
      assert.ok(indicator.points.length >= 8, `${indicator.code} has ${indicator.points.length} periods`);
      assert.ok(indicator.methodology.length > 20);
      const starts = indicator.points.map((p) => p.periodStart);
      assert.deepEqual(starts, [...starts].sort(), 'oldest first');
    }
    const waiting = results.indicators.find((i) => i.unitType === 'minutes');
    assert.equal(waiting?.direction, 'lower');
  });

  it('returns an empty list for a structure with no published results, and 404 for an unknown one', async () => {
    const empty = ResultsResponse.parse((await get('/api/v1/structures/MAIRIE-ST-EXEMPLE/results')).json());
    assert.deepEqual(empty.indicators, []);
    assert.equal(empty.updatedAt, null);
    assert.equal((await get('/api/v1/structures/NOPE-1/results')).statusCode, 404);
  });

  it('keeps one structure stale on purpose (last results more than 12 months old)', async () => {
    const stale = ResultsResponse.parse((await get('/api/v1/structures/GEND-BRIOUDE/results')).json());
    const ageDays = (Date.now() - Date.parse(stale.updatedAt!)) / 86400000;
    assert.ok(ageDays > 365, `updated ${Math.round(ageDays)} days ago`);
  });
});
