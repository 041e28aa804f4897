import '../helpers/browser.js';
import { expect } from '@open-wc/testing';
import { delay, fakeFetch, json, offline, problem } from '../helpers/browser.js';
import { Outbox } from '../../src/client/outbox.js';
import { localStore } from '../../src/client/local-store.js';

const parse = (data: unknown) => data as { reference: string };
const entry = (id: string) => ({ id, url: 'https://api.example.test/api/v1/testimonies', body: { title: 'x' }, meta: { title: 'x' } });

describe('outbox', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('keeps an entry across instances (a reload) until the server acknowledges it, then keeps a receipt', async () => {
    const first = new Outbox('test-outbox', parse);
    first.put(entry('spp-key-00000001'));
    const later = new Outbox('test-outbox', parse);
    expect(later.pending().map((e) => e.id)).to.deep.equal(['spp-key-00000001']);
    const calls = fakeFetch(() => json({ reference: 'SPP-AAAA-BBBB' }, 201));
    const outcome = await later.deliver('spp-key-00000001');
    expect(outcome.kind).to.equal('delivered');
    expect(calls[0]!.headers.get('Idempotency-Key')).to.equal('spp-key-00000001');
    expect(later.pending()).to.deep.equal([]);
    expect(new Outbox('test-outbox', parse).receipt('spp-key-00000001')?.response).to.deep.equal({ reference: 'SPP-AAAA-BBBB' });
  });

  it('keeps the entry on a network error, a 5xx, a 429 or a malformed answer, and marks a 4xx as refused', async () => {
    const outbox = new Outbox('test-outbox', parse);
    const answers = [() => offline(), () => problem(503), () => problem(429, {}, { 'Retry-After': '30' }), () => new Response('oops', { status: 201 }), () => problem(400)];
    for (const answer of answers.slice(0, 4)) {
      fakeFetch(answer);
      outbox.put(entry('spp-key-00000002'));
      expect((await outbox.deliver('spp-key-00000002')).kind).to.equal('queued');
      expect(outbox.pending()).to.have.length(1);
    }
    fakeFetch(answers[4]!);
    expect((await outbox.deliver('spp-key-00000002')).kind).to.equal('refused');
    expect(outbox.pending()).to.have.length(0);
    expect(outbox.get('spp-key-00000002')?.failure?.status).to.equal(400, 'refused, but what was typed is still there');
  });

  it('sends an entry once when two tabs deliver it at the same time (Web Locks)', async () => {
    const calls = fakeFetch(async () => {
      await delay(100);
      return json({ reference: 'SPP-AAAA-CCCC' }, 201);
    });
    const tabA = new Outbox('test-outbox', parse);
    const tabB = new Outbox('test-outbox', parse);
    tabA.put(entry('spp-key-00000003'));
    const [a, b] = await Promise.all([tabA.deliver('spp-key-00000003'), tabB.deliver('spp-key-00000003')]);
    expect(calls).to.have.length(1);
    expect(a.kind).to.equal('delivered');
    expect(b.kind).to.equal('delivered', 'the second tab finds the first one’s receipt');
  });

  it('sends an entry once across two tabs without Web Locks too (lease in localStorage)', async () => {
    const locks = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks');
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    try {
      const calls = fakeFetch(async () => {
        await delay(100);
        return json({ reference: 'SPP-AAAA-DDDD' }, 201);
      });
      const tabA = new Outbox('test-outbox', parse);
      const tabB = new Outbox('test-outbox', parse);
      tabA.put(entry('spp-key-00000004'));
      const outcomes = await Promise.all([tabA.deliver('spp-key-00000004'), tabB.deliver('spp-key-00000004')]);
      expect(calls).to.have.length(1);
      expect(outcomes.map((o) => o.kind)).to.deep.equal(['delivered', 'delivered']);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).locks;
      if (locks) expect(navigator.locks).to.not.equal(undefined);
    }
  });

  it('shares one delivery between two calls in the same tab (a double click)', async () => {
    const calls = fakeFetch(async () => {
      await delay(50);
      return json({ reference: 'SPP-AAAA-EEEE' }, 201);
    });
    const outbox = new Outbox('test-outbox', parse);
    outbox.put(entry('spp-key-00000005'));
    const [a, b] = [outbox.deliver('spp-key-00000005'), outbox.deliver('spp-key-00000005')];
    expect(a).to.equal(b);
    await a;
    expect(calls).to.have.length(1);
  });

  it('tells subscribers about changes made by another tab', async () => {
    const outbox = new Outbox('test-outbox', parse);
    let changes = 0;
    outbox.subscribe(() => changes++);
    outbox.start();
    window.dispatchEvent(new StorageEvent('storage', { key: 'test-outbox:receipts' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'unrelated' }));
    expect(changes).to.equal(1);
  });

  it('forgets confirmations a day after they were seen, and unseen ones after 30 days', () => {
    const day = 24 * 3600_000;
    const receipt = (id: string, ageDays: number, seen: boolean) => ({ id, meta: {}, response: { reference: id }, deliveredAt: Date.now() - ageDays * day, seen });
    localStorage.setItem(
      'test-outbox:receipts',
      JSON.stringify([receipt('seen-today', 0.5, true), receipt('seen-old', 2, true), receipt('unseen-old', 20, false), receipt('unseen-too-old', 31, false)]),
    );
    const outbox = new Outbox('test-outbox', parse);
    outbox.start();
    expect(outbox.receipts().map((r) => r.id)).to.deep.equal(['seen-today', 'unseen-old']);
  });

  it('says whether the browser keeps what it stores', () => {
    expect(localStore().persistent).to.equal(true);
  });
});
