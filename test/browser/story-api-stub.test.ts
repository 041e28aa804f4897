import '../helpers/browser.js';
import { expect } from '@open-wc/testing';
import { ApiError, getJson, requestJson } from '../../src/client/http.js';
import { ResultsResponse } from '../../src/contract/results.js';
import { StructuresPage } from '../../src/contract/structure.js';
import { SubmissionAccepted, TestimoniesPage } from '../../src/contract/testimony.js';
import { EngagementsResponse } from '../../src/contract/engagement.js';
import { parserFor } from '../../src/internal/parse.js';
import { isStale } from '../../src/elements/results/indicator-status.js';
import { installApiStub, respond, simulateOffline, type InstalledStub } from '../../stories/support/api.js';
import { FIXTURE_CODES } from '../../stories/support/fixtures.js';

/**
 * The API stub stories run against: what element authors get when they write `parameters.api`. Answers go
 * through the real client and the real contract parsers, as an element's would.
 */
const API = 'https://api.example';
let stub: InstalledStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

const results = parserFor(ResultsResponse);

describe('stories/support/api: the demo API inside Storybook', () => {
  it('answers every public route with contract-valid demo data', async () => {
    stub = installApiStub();
    const engagements = await getJson(`${API}/api/v1/engagements?lang=en`, parserFor(EngagementsResponse));
    expect(engagements.lang).to.equal('en');
    expect(engagements.pillars.flatMap((p) => p.engagements)).to.have.length(9);

    const search = await getJson(`${API}/api/v1/structures?q=rhone`, parserFor(StructuresPage));
    expect(search.items.map((s) => s.code)).to.include.members(['CAF-69', 'PREF-69']);

    const caf = await getJson(`${API}/api/v1/structures/${FIXTURE_CODES.caf}/results`, results);
    expect(caf.indicators.length).to.be.greaterThan(3);
    expect(caf.indicators.every((i) => i.points.length === 12)).to.equal(true);
    // The "Loaded" story must not turn into a stale one as the calendar moves: fixtures are dated from today.
    expect(isStale(caf.updatedAt), `CAF results updated ${caf.updatedAt}`).to.equal(false);
    expect(Date.now() - Date.parse(caf.updatedAt!)).to.be.lessThan(120 * 24 * 3600 * 1000);

    const page = await getJson(`${API}/api/v1/structures/${FIXTURE_CODES.caf}/testimonies?feeling=negative`, parserFor(TestimoniesPage));
    expect(page.items.length).to.be.greaterThan(0);
    expect(page.items.every((t) => t.feeling === 'negative')).to.equal(true);
    expect(page.stats.published).to.be.greaterThan(page.items.length - 1);
  });

  it('gives the empty and stale structures their real shapes, and a 404 problem for an unknown code', async () => {
    stub = installApiStub();
    const empty = await getJson(`${API}/api/v1/structures/${FIXTURE_CODES.empty}/results`, results);
    expect(empty.indicators).to.deep.equal([]);
    expect(empty.updatedAt).to.equal(null);
    const stale = await getJson(`${API}/api/v1/structures/${FIXTURE_CODES.stale}/results`, results);
    // Stale by today's clock, whatever the day: its fixtures are dated from today, like the others.
    expect(isStale(stale.updatedAt), `stale results updated ${stale.updatedAt}`).to.equal(true);
    expect(Date.now() - Date.parse(stale.updatedAt!)).to.be.greaterThan(365 * 24 * 3600 * 1000);
    const error = await getJson(`${API}/api/v1/structures/${FIXTURE_CODES.unknown}/results`, results).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(404);
    expect((error as ApiError).problem?.title).to.equal('Introuvable');
  });

  it('validates a submitted testimony like the server: 201 when valid, 400 naming the field otherwise', async () => {
    stub = installApiStub();
    const good = {
      feeling: 'positive',
      structures: ['CAF-69'],
      channels: [],
      title: 'Accueil rapide',
      body: 'J’ai été reçu à l’heure et ma demande a été enregistrée en dix minutes, merci à l’agent.',
      postedAs: 'user',
    };
    const accepted = await requestJson(`${API}/api/v1/testimonies`, parserFor(SubmissionAccepted), { method: 'POST', body: good, headers: { 'Idempotency-Key': 'story-key-0001' } });
    expect(accepted.status).to.equal(201);
    expect(accepted.data.reference).to.match(/^SPP-/);

    const bad = await requestJson(`${API}/api/v1/testimonies`, parserFor(SubmissionAccepted), { method: 'POST', body: { ...good, body: 'trop court' } }).catch((e: unknown) => e);
    expect((bad as ApiError).status).to.equal(400);
    expect((bad as ApiError).problem?.errors?.map((e) => e.field)).to.deep.equal(['body']);
    expect(stub.calls.map((c) => c.method)).to.deep.equal(['POST', 'POST']);
  });

  it('lets a story override one route, and "*" every route it does not name', async () => {
    stub = installApiStub({
      'GET /api/v1/structures/:code/results': respond.problem(503),
      '*': respond.offline(),
    });
    const down = await getJson(`${API}/api/v1/structures/CAF-69/results`, results, { retries: 0 }).catch((e: unknown) => e);
    expect((down as ApiError).kind).to.equal('http');
    expect((down as ApiError).status).to.equal(503);
    const offline = await getJson(`${API}/api/v1/engagements`, parserFor(EngagementsResponse), { retries: 0 }).catch((e: unknown) => e);
    expect((offline as ApiError).kind).to.equal('network');
  });

  it('answers attempt by attempt with respond.sequence (a retry that succeeds)', async () => {
    stub = installApiStub({ 'GET /api/v1/structures/:code/results': respond.sequence(respond.rateLimited(0), respond.demo()) });
    const retries: number[] = [];
    const data = await getJson(`${API}/api/v1/structures/CAF-69/results`, results, { backoffMs: 1, onRetry: (r) => retries.push(r.error.status ?? 0) });
    expect(retries).to.deep.equal([429]);
    expect(data.structure.code).to.equal('CAF-69');
  });

  it('reports malformed and wrongly shaped answers as malformed, never as data', async () => {
    stub = installApiStub({ 'GET /api/v1/structures/:code/results': respond.malformed(), 'GET /api/v1/engagements': respond.wrongShape() });
    const broken = await getJson(`${API}/api/v1/structures/CAF-69/results`, results).catch((e: unknown) => e);
    expect((broken as ApiError).kind).to.equal('malformed');
    const shape = await getJson(`${API}/api/v1/engagements`, parserFor(EngagementsResponse)).catch((e: unknown) => e);
    expect((shape as ApiError).kind).to.equal('malformed');
  });

  it('keeps a pending request open until it is aborted, then lets the client time out', async () => {
    stub = installApiStub({ 'GET /api/v1/structures/:code/results': respond.pending() });
    const started = performance.now();
    const error = await getJson(`${API}/api/v1/structures/CAF-69/results`, results, { timeoutMs: 150, retries: 0 }).catch((e: unknown) => e);
    expect((error as ApiError).kind).to.equal('timeout');
    expect(performance.now() - started).to.be.greaterThan(140);
  });

  it('answers slowly with respond.slow', async () => {
    stub = installApiStub({ 'GET /api/v1/engagements': respond.slow(200) });
    const started = performance.now();
    await getJson(`${API}/api/v1/engagements`, parserFor(EngagementsResponse));
    expect(performance.now() - started).to.be.greaterThan(190);
  });

  it('puts the page offline and back', () => {
    const events: string[] = [];
    const listen = (e: Event) => events.push(e.type);
    window.addEventListener('offline', listen);
    window.addEventListener('online', listen);
    const undo = simulateOffline();
    expect(navigator.onLine).to.equal(false);
    undo();
    expect(navigator.onLine).to.equal(true);
    window.removeEventListener('offline', listen);
    window.removeEventListener('online', listen);
    expect(events).to.deep.equal(['offline', 'online']);
  });

  it('restores the real fetch', () => {
    const before = window.fetch;
    installApiStub().restore();
    expect(window.fetch).to.equal(before);
  });
});
