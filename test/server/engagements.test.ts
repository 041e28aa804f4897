import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EngagementsResponse } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SEED = readFileSync(new URL('../fixtures/seed/kit-de-communication-services-publics-plus.txt', import.meta.url), 'utf8');

describe('GET /api/v1/engagements', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('returns the 9 engagements in 3 pillars of 3, numbered 1 to 9', async () => {
    const res = await server.app.inject('/api/v1/engagements');
    assert.equal(res.statusCode, 200);
    const doc = EngagementsResponse.parse(res.json());
    assert.deepEqual(doc.pillars.map((p) => p.id), ['proches', 'efficaces', 'simples']);
    assert.deepEqual(doc.pillars.map((p) => p.title), [
      'Des services publics + proches',
      'Des services publics + efficaces',
      'Des services publics + simples',
    ]);
    assert.deepEqual(doc.pillars.flatMap((p) => p.engagements.map((e) => e.number)), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(doc.lang, 'fr');
    assert.equal(doc.translated, false);
  });

  it('uses the exact French wording of the seed document, and its bold keywords', async () => {
    const doc = EngagementsResponse.parse((await server.app.inject('/api/v1/engagements?lang=fr')).json());
    for (const engagement of doc.pillars.flatMap((p) => p.engagements)) {
      // The seed writes the text with ** around the keywords; strip them to compare the wording.
      const plain = SEED.replace(/\*\*/g, '');
      assert.ok(plain.includes(`${engagement.number} ${engagement.text}`), `engagement ${engagement.number} wording`);
      for (const word of engagement.emphasis) {
        assert.ok(engagement.text.includes(word), `emphasis "${word}" is in the text`);
        assert.ok(SEED.includes(`**${word}**`), `"${word}" is bold in the seed`);
      }
      if (engagement.quote) assert.ok(SEED.includes(engagement.quote), `quote of ${engagement.number} comes from the seed`);
    }
    const six = doc.pillars[1]!.engagements[2]!;
    assert.equal(six.number, 6);
    assert.equal(six.quote, null, 'engagement 6 has no quote of its own');
  });

  it('answers in English, marked as our translation', async () => {
    const doc = EngagementsResponse.parse((await server.app.inject('/api/v1/engagements?lang=en')).json());
    assert.equal(doc.lang, 'en');
    assert.equal(doc.translated, true);
    assert.equal(doc.pillars[0]!.title, 'Closer public services');
    assert.equal(doc.pillars.flatMap((p) => p.engagements).length, 9);
  });

  it('refuses an unknown language with a problem naming the field', async () => {
    const res = await server.app.inject('/api/v1/engagements?lang=de');
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(res.json().errors[0].field, 'lang');
  });

  it('refuses unknown query parameters', async () => {
    const res = await server.app.inject('/api/v1/engagements?foo=1');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'foo');
    assert.equal(res.json().errors[0].code, 'unrecognized');
  });
});
