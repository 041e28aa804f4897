import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EngagementsResponse } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// The seed types straight apostrophes; our text has the typographic one (docs/wording.md), the words are the same.
const SEED = readFileSync(new URL('../fixtures/seed/kit-de-communication-services-publics-plus.txt', import.meta.url), 'utf8').replace(/'/g, '’');

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
    // Section V prints one citizen's words before "→ Engagement 6" and "→ Engagement 7": both show them.
    const [six, seven] = [doc.pillars[1]!.engagements[2]!, doc.pillars[2]!.engagements[0]!];
    assert.deepEqual([six.number, seven.number], [6, 7]);
    assert.match(six.quote ?? '', /^En tant qu’utilisateur/);
    assert.equal(six.quote, seven.quote);
    const illustrations = SEED.slice(SEED.lastIndexOf('V. Illustrations'));
    const lines = illustrations.split('\n').filter((line) => line.trim());
    const at = lines.findIndex((line) => line.startsWith('→ **Engagement 6 :'));
    assert.deepEqual([lines[at - 1], lines[at + 1]!.slice(0, 18)], [six.quote, '→ **Engagement 7 :']);
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
