/**
 * `<spp-results>` checks its response against a JSON Schema generated from the zod contract, without zod (its
 * 18 KB budget). These tests hold that copy to the contract: it is up to date, and on the fixtures, the seeded API's
 * own answers and hundreds of broken variants of them, it accepts and refuses exactly what the zod schema does.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { ResultsResponse } from '../../src/contract/results.js';
import { ResultsResponseSchema } from '../../src/contract/generated/results-response.js';
import { checkerFor, mismatch } from '../../src/internal/json-check.js';
import { GENERATED, jsonSchemaOf, moduleText } from '../../scripts/contract-json.js';
import { EMPTY, LOADED, large, staleResults } from '../fixtures/results.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every broken variant of `doc` one change away: each value removed, retyped, emptied, or given an odd neighbour. */
function* variants(doc: Json): Generator<{ change: string; doc: Json }> {
  const clone = () => structuredClone(doc);
  const paths: (string | number)[][] = [];
  const walk = (node: Json, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.slice(0, 2).forEach((child, i) => walk(child, [...path, i]));
    else if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(doc, []);
  const replacements: Json[] = [null, 'x', '', 42, 4.5, -1, true, [], {}, '2024-13', '2024-Q5', '2024-05-01', 'PREF-69', 'site', 'percent', 'lower'];
  for (const path of paths) {
    const set = (value: Json | undefined) => {
      const copy = clone();
      if (path.length === 0) return value as Json;
      let node = copy as Record<string | number, Json>;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
      const last = path.at(-1)!;
      if (value === undefined) {
        if (Array.isArray(node)) node.splice(last as number, 1);
        else delete node[last];
      } else node[last] = value;
      return copy;
    };
    const at = `/${path.join('/')}`;
    yield { change: `remove ${at}`, doc: set(undefined) };
    for (const value of replacements) yield { change: `${at} = ${JSON.stringify(value)}`, doc: set(value) };
    // An unknown key on every object (accepted by z.object, like the API adding a field).
    const copy = clone();
    let node = copy as Record<string | number, Json>;
    for (const key of path) node = node[key] as Record<string | number, Json>;
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      node.addedLater = 'ok';
      yield { change: `add ${at}/addedLater`, doc: copy };
    }
  }
}

function assertSameVerdicts(doc: Json): number {
  let compared = 0;
  for (const { change, doc: variant } of [{ change: 'unchanged', doc }, ...variants(doc)]) {
    const zodSays = ResultsResponse.safeParse(variant).success;
    const at = mismatch(ResultsResponseSchema, variant);
    assert.equal(at === undefined, zodSays, `${change}: zod ${zodSays ? 'accepts' : 'refuses'} it, the JSON Schema check ${at === undefined ? 'accepts' : `refuses it at ${at}`}`);
    compared++;
  }
  return compared;
}

describe('the results contract checked without zod', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('the committed JSON Schema copies are what npm run contract:json writes from the zod schemas', () => {
    for (const entry of GENERATED) {
      const committed = readFileSync(new URL(`../../${entry.file}`, import.meta.url), 'utf8');
      assert.equal(committed, moduleText(entry), `${entry.file} is stale: run npm run contract:json`);
    }
  });

  it('accepts and refuses exactly what zod does, on the fixtures and every one-change variant of them', () => {
    let compared = 0;
    for (const doc of [LOADED, EMPTY, staleResults(), large()]) compared += assertSameVerdicts(doc as unknown as Json);
    assert.ok(compared > 800, `only ${compared} documents compared`);
  });

  it('accepts and refuses exactly what zod does on the seeded API answers and their variants', async () => {
    const list = await server.app.inject('/api/v1/structures?limit=50');
    const codes = (list.json() as { items: { code: string }[] }).items.map((s) => s.code);
    let withResults = 0;
    for (const code of codes) {
      if (withResults >= 4) break;
      const res = await server.app.inject(`/api/v1/structures/${encodeURIComponent(code)}/results`);
      if (res.statusCode !== 200) continue;
      const doc = res.json() as Json;
      assert.equal(mismatch(ResultsResponseSchema, doc), undefined, `${code}: the API's own answer is refused`);
      if ((doc as { indicators: unknown[] }).indicators.length) withResults++;
      assertSameVerdicts(doc);
    }
    assert.ok(withResults >= 4, `only ${withResults} seeded structures with results`);
  });

  it('names where a response departs from the contract', () => {
    const parse = checkerFor(ResultsResponseSchema);
    const broken = structuredClone(LOADED) as unknown as { indicators: { points: { value: unknown }[] }[] };
    broken.indicators[1]!.points[2]!.value = 'beaucoup';
    assert.throws(() => parse(broken), /at \/indicators\/1\/points\/2\/value$/);
    assert.throws(() => parse('<html>Bad gateway</html>'), /at \/$/);
    assert.throws(() => parse({ ...LOADED, indicators: undefined }), /at \/indicators$/);
    assert.equal(parse(LOADED), LOADED);
  });

  it('refuses to generate a schema with a rule the browser checker would not honour', () => {
    assert.throws(() => jsonSchemaOf(z.object({ email: z.string().check(z.email()) })), /\/email: .*keyword "format"/);
    assert.throws(() => jsonSchemaOf(z.object({ n: z.number().check(z.multipleOf(2)) })), /keyword "multipleOf"/);
  });
});
