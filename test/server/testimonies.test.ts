import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SubmissionAccepted, TestimoniesPage, TestimonyTracking } from '../../src/contract/index.js';
import { newKey, postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

describe('testimonies', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const count = async () => Number((await server.store.db.selectFrom('testimonies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('stores a valid submission and answers 201 with a reference, a token and a tracking link', async () => {
    const before = await count();
    const res = await postTestimony(server.app, validSubmission());
    assert.equal(res.statusCode, 201);
    const accepted = SubmissionAccepted.parse(res.json());
    assert.match(accepted.reference, /^SPP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(accepted.status, 'pending');
    assert.ok(accepted.token.length >= 24);
    assert.ok(accepted.trackingUrl.includes(accepted.reference));
    assert.equal(res.headers.location, `/api/v1/testimonies/${accepted.reference}`);
    assert.equal(await count(), before + 1);
    const row = await server.store.db.selectFrom('testimonies').selectAll().where('reference', '=', accepted.reference).executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, accepted.token, 'only a hash of the token is stored');
    assert.equal(row.status, 'pending');
  });

  it('returns the first answer again for a repeated Idempotency-Key, and stores one testimony', async () => {
    const key = newKey();
    const before = await count();
    const first = await postTestimony(server.app, validSubmission(), key);
    const again = await postTestimony(server.app, validSubmission(), key);
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), first.json());
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(await count(), before + 1);
  });

  it('creates one testimony when the same key races in parallel', async () => {
    const key = newKey();
    const before = await count();
    const answers = await Promise.all(Array.from({ length: 8 }, () => postTestimony(server.app, validSubmission(), key)));
    assert.ok(answers.every((a) => a.statusCode === 201));
    assert.equal(new Set(answers.map((a) => a.json().reference)).size, 1);
    assert.equal(await count(), before + 1);
  });

  it('refuses the same key with a different body (422), storing nothing', async () => {
    const key = newKey();
    await postTestimony(server.app, validSubmission(), key);
    const before = await count();
    const res = await postTestimony(server.app, validSubmission({ title: 'Un autre titre' }), key);
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().errors[0].field, 'Idempotency-Key');
    assert.equal(await count(), before);
  });

  it('requires an Idempotency-Key header', async () => {
    const res = await postTestimony(server.app, validSubmission(), null);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'Idempotency-Key');
  });

  const invalid: [string, Record<string, unknown>, string, RegExp][] = [
    ['a missing feeling', { feeling: undefined }, 'feeling', /obligatoire/],
    ['an unknown feeling', { feeling: 'angry' }, 'feeling', /valeurs proposées/],
    ['no structure', { structures: [] }, 'structures', /au moins 1/],
    ['four structures', { structures: ['CAF-69', 'CAF-75', 'CPAM-33', 'PREF-69'] }, 'structures', /3 éléments au maximum/],
    ['the same structure twice', { structures: ['CAF-69', 'CAF-69'] }, 'structures', /qu’une fois/],
    ['a title of 121 characters', { title: 'x'.repeat(121) }, 'title', /120 caractères/],
    ['a blank title', { title: '   ' }, 'title', /obligatoire/],
    ['a story of 49 characters', { body: 'x'.repeat(49) }, 'body', /au moins 50 caractères/],
    ['a story of 5,001 characters', { body: 'x'.repeat(5001) }, 'body', /5\u202f000 caractères/],
    ['a malformed e-mail', { email: 'pas-un-mail', contactConsent: true }, 'email', /nom@exemple\.fr/],
    ['an e-mail without consent', { email: 'a@b.fr' }, 'contactConsent', /Cochez la case/],
    ['an unknown channel', { channels: [{ channel: 'pigeon' }] }, 'channels.0.channel', /valeurs proposées/],
    ['a malformed postcode', { postcode: '7501' }, 'postcode', /5 chiffres/],
    ['an unknown field', { rating: 5 }, 'rating', /Champ inconnu/],
  ];
  for (const [what, change, field, message] of invalid) {
    it(`answers 400 naming "${field}" for ${what}, and stores nothing`, async () => {
      const before = await count();
      const body = validSubmission(change);
      for (const [k, v] of Object.entries(change)) if (v === undefined) delete body[k];
      const res = await postTestimony(server.app, body);
      assert.equal(res.statusCode, 400);
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
      const error = res.json().errors.find((e: { field: string }) => e.field === field);
      assert.ok(error, `an error names ${field}: ${res.body}`);
      assert.match(error.message, message);
      assert.equal(await count(), before);
    });
  }

  it('answers in English when asked', async () => {
    const res = await postTestimony(server.app, validSubmission({ body: 'short' }), newKey(), { 'accept-language': 'en' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().errors[0].message, /"Your experience" needs at least 50 characters/);
  });

  it('refuses an unknown structure, naming its position', async () => {
    const res = await postTestimony(server.app, validSubmission({ structures: ['CAF-69', 'NOPE-1'] }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'structures.1');
    assert.equal(res.json().errors[0].code, 'unknown_structure');
  });

  it('answers 413 to 1 MB of text, storing nothing', async () => {
    const before = await count();
    const res = await postTestimony(server.app, validSubmission({ body: 'x'.repeat(1024 * 1024) }));
    assert.equal(res.statusCode, 413);
    assert.match(res.headers['content-type'] as string, /problem\+json/);
    assert.equal(await count(), before);
  });

  it('answers 400 to malformed JSON and 415 to another content type', async () => {
    const bad = await postTestimony(server.app, '{"feeling": ');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, '(body)');
    const text = await server.app.inject({
      method: 'POST',
      url: '/api/v1/testimonies',
      headers: { 'content-type': 'text/plain', 'idempotency-key': newKey() },
      payload: 'hello',
    });
    assert.equal(text.statusCode, 415);
  });

  it("shows the author the status with the right token only, and 404 otherwise", async () => {
    const accepted = SubmissionAccepted.parse((await postTestimony(server.app, validSubmission())).json());
    const ok = await server.app.inject(`/api/v1/testimonies/${accepted.reference}?token=${accepted.token}`);
    assert.equal(ok.statusCode, 200);
    const view = TestimonyTracking.parse(ok.json());
    assert.equal(view.status, 'pending');
    assert.equal(view.structures[0]?.name, 'CAF du Rhône');
    assert.equal(ok.headers['cache-control'], 'no-store');

    const wrong = await server.app.inject(`/api/v1/testimonies/${accepted.reference}?token=${'x'.repeat(32)}`);
    assert.equal(wrong.statusCode, 404);
    const unknown = await server.app.inject(`/api/v1/testimonies/SPP-0000-0000?token=${accepted.token}`);
    assert.equal(unknown.statusCode, 404);
    const missing = await server.app.inject(`/api/v1/testimonies/${accepted.reference}`);
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().errors[0].field, 'token');
  });

  it('lists published testimonies newest first with replies and statistics, never pending ones', async () => {
    const res = await server.app.inject('/api/v1/structures/CAF-69/testimonies');
    assert.equal(res.statusCode, 200);
    const page = TestimoniesPage.parse(res.json());
    assert.ok(page.items.length >= 2);
    const dates = page.items.map((t) => t.publishedAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(page.items.some((t) => t.replies.length > 0 && t.replies[0]!.signature));
    assert.ok(page.items.every((t) => t.title !== 'Attente au téléphone'), 'pending submissions are not published');
    assert.equal(page.stats.published, page.items.length);
    assert.ok(page.stats.responseRate !== null && page.stats.responseRate > 0);
    assert.ok(page.stats.medianReplyDays !== null);
    assert.ok(!JSON.stringify(page).includes('email'), 'no e-mail field in public output');
  });

  it('filters by feeling, channel and tag, and pages with a cursor', async () => {
    const negative = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/CAF-69/testimonies?feeling=negative')).json());
    assert.ok(negative.items.length > 0 && negative.items.every((t) => t.feeling === 'negative'));
    const phone = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/CAF-69/testimonies?channel=phone')).json());
    assert.ok(phone.items.every((t) => t.channels.some((c) => c.channel === 'phone')));
    const tagged = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/CAF-69/testimonies?tag=relation')).json());
    assert.ok(tagged.items.length > 0 && tagged.items.every((t) => t.tags.includes('relation')));

    const first = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/CAF-69/testimonies?limit=1')).json());
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor);
    const second = TestimoniesPage.parse(
      (await server.app.inject(`/api/v1/structures/CAF-69/testimonies?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)).json(),
    );
    assert.notEqual(second.items[0]?.reference, first.items[0]?.reference);
  });

  it('refuses bad filters and answers 404 for an unknown structure', async () => {
    const bad = await server.app.inject('/api/v1/structures/CAF-69/testimonies?feeling=happy');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'feeling');
    assert.equal((await server.app.inject('/api/v1/structures/NOPE-1/testimonies')).statusCode, 404);
  });
});
