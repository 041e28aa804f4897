import { expect } from '@open-wc/testing';
import { fakeFetch, json, offline, problem, realApi, delay } from '../helpers/browser.js';
import { ApiError, backoffDelay, getJson, isTransient, parseRetryAfter, requestJson } from '../../src/client/http.js';
import { parserFor } from '../../src/internal/parse.js';
import { EngagementsResponse } from '../../src/contract/engagement.js';
import { StructuresPage } from '../../src/contract/structure.js';

const parseAny = (d: unknown) => d;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('API client', () => {
  it('parses a real API response with the contract schema', async () => {
    const api = await realApi();
    const doc = await getJson(`${api}/api/v1/engagements?lang=fr`, parserFor(EngagementsResponse));
    expect(doc.pillars.flatMap((p) => p.engagements)).to.have.length(9);
    const page = await getJson(`${api}/api/v1/structures?q=caf`, parserFor(StructuresPage));
    expect(page.items.length).to.be.greaterThan(0);
  });

  it('revalidates with the ETag of the first answer and serves the cached data on 304', async () => {
    const calls = fakeFetch((call, i) =>
      i === 0 ? json({ v: 1 }, 200, { ETag: 'W/"abc"' }) : new Response(null, { status: 304, headers: { ETag: 'W/"abc"' } }),
    );
    expect(await getJson('/x', parseAny)).to.deep.equal({ v: 1 });
    expect(await getJson('/x', parseAny)).to.deep.equal({ v: 1 });
    expect(calls[0]!.headers.get('If-None-Match')).to.equal(null);
    expect(calls[1]!.headers.get('If-None-Match')).to.equal('W/"abc"');
  });

  it('shares one request between concurrent identical GETs', async () => {
    const calls = fakeFetch(async () => {
      await delay(20);
      return json({ ok: true });
    });
    const [a, b] = await Promise.all([getJson('/same', parseAny), getJson('/same', parseAny)]);
    expect(a).to.deep.equal(b);
    expect(calls).to.have.length(1);
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    const retries: number[] = [];
    const calls = fakeFetch((_, i) => (i < 2 ? problem(500) : json({ ok: true })));
    const data = await getJson('/flaky', parseAny, { backoffMs: 5, onRetry: ({ attempt }) => retries.push(attempt) });
    expect(data).to.deep.equal({ ok: true });
    expect(calls).to.have.length(3);
    expect(retries).to.deep.equal([1, 2]);
  });

  it('gives up after the allowed retries with a transient http error', async () => {
    const calls = fakeFetch(() => problem(503));
    const error = await rejection(getJson('/down', parseAny, { retries: 1, backoffMs: 1 }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
    expect(isTransient(error)).to.equal(true);
    expect(calls).to.have.length(2);
  });

  it('honours Retry-After on 429', async () => {
    const delays: number[] = [];
    fakeFetch((_, i) => (i === 0 ? problem(429, {}, { 'Retry-After': '0' }) : json({ ok: 1 })));
    await getJson('/limited', parseAny, { onRetry: ({ delayMs }) => delays.push(delayMs) });
    expect(delays).to.deep.equal([0]);
  });

  it('does not retry a 400, and exposes the problem naming the field', async () => {
    const calls = fakeFetch(() =>
      problem(400, { errors: [{ field: 'title', code: 'too_big', message: 'Raccourcissez le texte.' }] }),
    );
    const error = await rejection(requestJson('/bad', parseAny, { method: 'POST', body: {}, retries: 3 }));
    expect(error.status).to.equal(400);
    expect(isTransient(error)).to.equal(false);
    expect(error.problem?.errors?.[0]?.field).to.equal('title');
    expect(calls).to.have.length(1);
  });

  it('reports the network being down as a network error', async () => {
    fakeFetch(() => offline());
    const error = await rejection(getJson('/offline', parseAny, { retries: 0 }));
    expect(error.kind).to.equal('network');
  });

  it('times out a slow server', async () => {
    fakeFetch(async () => {
      await delay(500);
      return json({});
    });
    const error = await rejection(getJson('/slow', parseAny, { timeoutMs: 50, retries: 0 }));
    expect(error.kind).to.equal('timeout');
  });

  it('treats invalid JSON, a wrong content type and a contract mismatch as malformed', async () => {
    fakeFetch(() => new Response('{"pillars": [', { headers: { 'Content-Type': 'application/json' } }));
    expect((await rejection(getJson('/a', parseAny, { retries: 0 }))).kind).to.equal('malformed');
    fakeFetch(() => new Response('<html>proxy error</html>', { headers: { 'Content-Type': 'text/html' } }));
    expect((await rejection(getJson('/b', parseAny, { retries: 0 }))).kind).to.equal('malformed');
    fakeFetch(() => json({ version: '2020', lang: 'fr', pillars: 'nope' }));
    expect((await rejection(getJson('/c', parserFor(EngagementsResponse), { retries: 0 }))).kind).to.equal('malformed');
  });

  it('stops retrying when aborted', async () => {
    fakeFetch(() => problem(500));
    const controller = new AbortController();
    const pending = getJson('/abort', parseAny, { retries: 5, backoffMs: 200, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect((await rejection(pending)).kind).to.equal('aborted');
  });

  it('reads Retry-After in seconds and as a date, and backs off exponentially otherwise', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).to.be.within(3000, 5000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    const transient = new ApiError('network', 'x');
    const d0 = backoffDelay(0, 1000, transient);
    const d3 = backoffDelay(3, 1000, transient);
    expect(d0).to.be.within(500, 1000);
    expect(d3).to.be.within(4000, 8000);
  });
});
