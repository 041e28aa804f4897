import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, Problem, SubmissionAccepted, TestimonyTracking } from '../../src/contract/index.js';
import { rateLimitFromEnv } from '../../server/http/rate-limit.js';
import { newKey, postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

async function countTestimonies(server: TestServer): Promise<number> {
  const row = await server.store.db.selectFrom('testimonies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('submissions: idempotency', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('replays the first answer when only the form signals differ between two tries', async () => {
    const key = newKey();
    const before = await countTestimonies(server);
    const first = await postTestimony(server.app, validSubmission({ form: { website: '', fillMs: 40_000 } }), key);
    const again = await postTestimony(server.app, validSubmission({ form: { website: '', fillMs: 95_000 } }), key);
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().reference, first.json().reference);
    assert.equal(await countTestimonies(server), before + 1);
  });

  it('stores one testimony for ten concurrent retries of one key, all answered with the same reference', async () => {
    const key = newKey();
    const before = await countTestimonies(server);
    const answers = await Promise.all(Array.from({ length: 10 }, () => postTestimony(server.app, validSubmission(), key)));
    assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([201]));
    assert.equal(new Set(answers.map((a) => a.json().reference)).size, 1);
    assert.equal(await countTestimonies(server), before + 1);
  });

  it('refuses a malformed key without storing anything', async () => {
    const before = await countTestimonies(server);
    const res = await postTestimony(server.app, validSubmission(), 'short');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'Idempotency-Key');
    assert.equal(await countTestimonies(server), before);
  });
});

describe('submissions: size and shape', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('accepts the longest story allowed, even in 4-byte characters', async () => {
    const res = await postTestimony(server.app, validSubmission({ body: '😀'.repeat(LIMITS.bodyMax / 2) }));
    assert.equal(res.statusCode, 201, res.body);
  });

  it('answers 413 problem+json to a body over the limit, storing nothing', async () => {
    const before = await countTestimonies(server);
    const res = await postTestimony(server.app, validSubmission({ body: 'é'.repeat(70_000) }));
    assert.equal(res.statusCode, 413);
    const problem = Problem.parse(res.json());
    assert.match(problem.detail ?? '', /trop volumineux/);
    assert.equal(await countTestimonies(server), before);
  });

  const unknownFields: [string, Record<string, unknown>, string][] = [
    ['at the top level', { author: 'Jean' }, 'author'],
    ['inside the form signals', { form: { website: '', fillMs: 9000, captcha: 'x' } }, 'form.captcha'],
    ['inside a channel', { channels: [{ channel: 'phone', rating: 3 }] }, 'channels.0.rating'],
  ];
  for (const [where, change, field] of unknownFields) {
    it(`refuses an unknown field ${where}, naming it`, async () => {
      const before = await countTestimonies(server);
      const res = await postTestimony(server.app, validSubmission(change));
      assert.equal(res.statusCode, 400);
      const error = Problem.parse(res.json()).errors?.find((e) => e.field === field);
      assert.ok(error, `an error names ${field}: ${res.body}`);
      assert.equal(error.code, 'unrecognized');
      assert.equal(await countTestimonies(server), before);
    });
  }

  it('refuses form signals of the wrong type, naming the field', async () => {
    const res = await postTestimony(server.app, validSubmission({ form: { fillMs: -5 } }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'form.fillMs');
  });
});

describe('submissions: honeypot and fill time', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const cases: [string, Record<string, unknown>][] = [
    ['a filled honeypot', { form: { website: 'http://spam.example', fillMs: 60_000 } }],
    ['a form filled faster than a person can', { form: { website: '', fillMs: LIMITS.minFillMs - 1 } }],
  ];
  for (const [what, change] of cases) {
    it(`answers ${what} like a success, stores no testimony, and its tracking link looks like a pending one`, async () => {
      const before = await countTestimonies(server);
      const res = await postTestimony(server.app, validSubmission(change));
      assert.equal(res.statusCode, 201);
      const decoy = SubmissionAccepted.parse(res.json());
      assert.match(decoy.reference, /^SPP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.equal(await countTestimonies(server), before);
      const view = await server.app.inject(`/api/v1/testimonies/${decoy.reference}?token=${decoy.token}`);
      assert.equal(view.statusCode, 200);
      const tracking = TestimonyTracking.parse(view.json());
      assert.equal(tracking.status, 'pending');
      assert.equal(tracking.title, validSubmission().title);
      assert.deepEqual(tracking.structures.map((s) => s.code), ['CAF-69']);
      // Same keys as a real testimony's view, so nothing tells them apart.
      const real = SubmissionAccepted.parse((await postTestimony(server.app, validSubmission())).json());
      const realView = await server.app.inject(`/api/v1/testimonies/${real.reference}?token=${real.token}`);
      assert.deepEqual(Object.keys(view.json()).sort(), Object.keys(realView.json()).sort());
      assert.deepEqual(view.headers['cache-control'], realView.headers['cache-control']);
      const wrong = await server.app.inject(`/api/v1/testimonies/${decoy.reference}?token=${'x'.repeat(43)}`);
      assert.equal(wrong.statusCode, 404, 'a wrong token is still a 404');
    });
  }

  it('stores a submission whose signals look human, and one that sends none (other API clients)', async () => {
    const before = await countTestimonies(server);
    const human = await postTestimony(server.app, validSubmission({ form: { website: '', fillMs: LIMITS.minFillMs } }));
    const plain = await postTestimony(server.app, validSubmission());
    assert.equal(human.statusCode, 201);
    assert.equal(plain.statusCode, 201);
    assert.equal(await countTestimonies(server), before + 2);
  });
});

describe('submissions: per-address rate limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ rateLimit: { max: 3, windowMs: 60_000 } });
  });
  after(() => server.close());

  it('answers 429 problem+json with Retry-After once an address is over the limit, storing nothing', async () => {
    const from = { remoteAddress: '203.0.113.7' };
    const post = (headers: Record<string, string> = {}) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/testimonies',
        ...from,
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), ...headers },
        payload: JSON.stringify(validSubmission()),
      });
    for (let i = 0; i < 3; i++) assert.equal((await post()).statusCode, 201);
    const before = await countTestimonies(server);
    const limited = await post();
    assert.equal(limited.statusCode, 429);
    assert.match(String(limited.headers['content-type']), /^application\/problem\+json/);
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After in seconds: ${limited.headers['retry-after']}`);
    const problem = Problem.parse(limited.json());
    assert.equal(problem.status, 429);
    assert.match(problem.detail ?? '', new RegExp(`réessayez dans ${retryAfter} s`));
    assert.equal(await countTestimonies(server), before);

    const english = await post({ 'accept-language': 'en' });
    assert.match(english.json().detail, /try again in \d+ s/);
  });

  it('answers a replay (same key, same body) at once even over the limit, without counting it', async () => {
    const quick = await startTestServer({ rateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const key = newKey();
      const first = await postTestimony(quick.app, validSubmission(), key);
      assert.equal(first.statusCode, 201);
      assert.equal((await postTestimony(quick.app, validSubmission())).statusCode, 201);
      assert.equal((await postTestimony(quick.app, validSubmission())).statusCode, 429, 'the address is over the limit');
      for (let i = 0; i < 3; i++) {
        const again = await postTestimony(quick.app, validSubmission(), key);
        assert.equal(again.statusCode, 201, 'the lost answer comes back');
        assert.equal(again.json().trackingUrl, first.json().trackingUrl);
        assert.equal(again.headers['idempotent-replayed'], 'true');
      }
      // Same key with another body is not a replay: it stays under the limit.
      assert.equal((await postTestimony(quick.app, validSubmission({ title: 'Autre titre' }), key)).statusCode, 429);
    } finally {
      await quick.close();
    }
  });

  it('limits each address separately and leaves reading routes alone', async () => {
    const other = await server.app.inject({
      method: 'POST',
      url: '/api/v1/testimonies',
      remoteAddress: '198.51.100.20',
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
      payload: JSON.stringify(validSubmission()),
    });
    assert.equal(other.statusCode, 201);
    for (let i = 0; i < 5; i++) {
      const read = await server.app.inject({ url: '/api/v1/structures/CAF-69', remoteAddress: '203.0.113.7' });
      assert.equal(read.statusCode, 200);
    }
  });

  it('lets the address submit again once the window has passed', async () => {
    const quick = await startTestServer({ rateLimit: { max: 1, windowMs: 300 } });
    try {
      assert.equal((await postTestimony(quick.app, validSubmission())).statusCode, 201);
      assert.equal((await postTestimony(quick.app, validSubmission())).statusCode, 429);
      await new Promise((r) => setTimeout(r, 350));
      assert.equal((await postTestimony(quick.app, validSubmission())).statusCode, 201);
    } finally {
      await quick.close();
    }
  });

  it('reads its settings from the environment, and RATE_LIMIT_MAX=0 turns it off', () => {
    assert.deepEqual(rateLimitFromEnv({}), { max: 20, windowMs: 600_000 });
    assert.deepEqual(rateLimitFromEnv({ RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '1000' }), { max: 5, windowMs: 1000 });
    assert.equal(rateLimitFromEnv({ RATE_LIMIT_MAX: '0' }), false);
    assert.throws(() => rateLimitFromEnv({ RATE_LIMIT_MAX: 'many' }), /RATE_LIMIT_MAX/);
  });
});
