/**
 * The one load lifecycle (`src/internal/load-controller.ts`) and the one failure-to-message function
 * (`src/internal/failure.ts`), seen from an element that uses them: a request the element no longer needs is
 * aborted and its answer, should it come anyway, is never shown; leaving the page aborts, coming back asks again.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../helpers/browser.js';
import '../../src/elements/improvements/improvements.js';
import type { SppImprovements } from '../../src/elements/improvements/improvements.js';
import type { ImprovementAction, ImprovementsResponse } from '../../src/contract/improvement.js';
import { ApiError } from '../../src/client/api-error.js';
import { failureMessage, type FailureStrings } from '../../src/internal/failure.js';

const action = (id: string): ImprovementAction => ({
  id,
  youSaid: `Vous nous avez dit ${id}.`,
  weDid: `Nous avons fait ${id}.`,
  engagement: { number: 2, keyword: 'Joignables' },
  tag: 'reactivity',
  status: 'done',
  date: '2025-03-01',
  updatedAt: '2025-03-01T09:00:00.000Z',
});
const plan = (code: string): ImprovementsResponse => ({ structure: { code, name: code }, items: [action(`plan-${code}`)] });

interface Pending {
  url: string;
  signal: AbortSignal;
  answer: () => void;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('the load lifecycle', () => {
  let pending: Pending[];
  let restore = () => {};
  // A server that answers only when told to, and answers even a request the page has given up (a late answer).
  beforeEach(() => {
    pending = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init: RequestInit = {}) =>
      new Promise<Response>((resolve) => {
        const url = String(input);
        const code = /structures\/([^/]+)\//.exec(url)![1]!;
        pending.push({
          url,
          signal: init.signal!,
          answer: () => resolve(new Response(JSON.stringify(plan(code)), { headers: { 'Content-Type': 'application/json' } })),
        });
      });
    restore = () => void (window.fetch = realFetch);
  });
  afterEach(() => restore());

  it('a new structure aborts the request in flight; its late answer is never shown', async () => {
    const el = await fixture<SppImprovements>(html`<spp-improvements structure="OLD-1" api="https://api.test"></spp-improvements>`);
    await waitUntil(() => pending.length === 1, 'no first request');
    el.structure = 'NEW-2';
    await waitUntil(() => pending.length === 2, 'no second request');
    expect(pending[0]!.signal.aborted, 'the first request is aborted').to.equal(true);
    pending[1]!.answer();
    await waitUntil(() => text(el).includes('plan-NEW-2'), 'the new plan is not shown');
    // The old server answers after all: nothing changes.
    pending[0]!.answer();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(text(el)).to.include('plan-NEW-2').and.not.include('plan-OLD-1');
  });

  it('leaving the page aborts the request; coming back asks again and shows the answer', async () => {
    const el = await fixture<SppImprovements>(html`<spp-improvements structure="MOVED-1" api="https://api.test"></spp-improvements>`);
    await waitUntil(() => pending.length === 1, 'no first request');
    const parent = el.parentElement!;
    el.remove();
    expect(pending[0]!.signal.aborted, 'the request is aborted on disconnect').to.equal(true);
    pending[0]!.answer();
    parent.append(el);
    await waitUntil(() => pending.length === 2, 'no new request on reconnect');
    expect(pending[1]!.url).to.include('/structures/MOVED-1/');
    pending[1]!.answer();
    await waitUntil(() => text(el).includes('plan-MOVED-1'), 'the plan is not shown');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
  });

  it('a completed load is not asked again when the element moves in the page', async () => {
    const el = await fixture<SppImprovements>(html`<spp-improvements structure="STAY-1" api="https://api.test"></spp-improvements>`);
    await waitUntil(() => pending.length === 1, 'no first request');
    pending[0]!.answer();
    await waitUntil(() => text(el).includes('plan-STAY-1'), 'the plan is not shown');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pending).to.have.length(1);
    expect(text(el)).to.include('plan-STAY-1');
  });
});

describe('failureMessage', () => {
  const s: FailureStrings = {
    down: 'Service en panne.',
    malformed: 'Réponse illisible.',
    offline: 'Hors ligne.',
    timeout: 'Trop lent.',
    tooMany: 'Trop de demandes.',
    config: 'Configuration à revoir.',
    notFound: 'Aucun service «\u00a0{code}\u00a0».',
    retryIn: 'Réessayez dans {delay}.',
    retrySoon: 'Réessayez bientôt.',
  };
  const say = (error: unknown, strings: FailureStrings = s, lang: 'fr' | 'en' = 'fr') => failureMessage(error, strings, lang, 'PREF-69');

  it('says one thing per kind of failure', () => {
    expect(say(new ApiError('network', 'x'))).to.equal('Hors ligne.');
    expect(say(new ApiError('timeout', 'x'))).to.equal('Trop lent.');
    expect(say(new ApiError('malformed', 'x'))).to.equal('Réponse illisible.');
    expect(say(new TypeError('not JSON'))).to.equal('Réponse illisible.');
    expect(say(new ApiError('config', 'x', 404))).to.equal('Configuration à revoir.');
    expect(say(new ApiError('http', 'x', 404))).to.equal('Aucun service «\u00a0PREF-69\u00a0».');
    expect(say(new ApiError('http', 'x', 400))).to.equal('Aucun service «\u00a0PREF-69\u00a0».');
    expect(say(new ApiError('http', 'x', 500))).to.equal('Service en panne.');
    expect(say(new ApiError('http', 'x', 503))).to.equal('Service en panne.');
  });

  it('a 429 says when to try again, from its Retry-After, in the page language', () => {
    expect(say(new ApiError('http', 'x', 429, undefined, 1500))).to.equal('Trop de demandes. Réessayez dans 2\u00a0secondes.');
    expect(say(new ApiError('http', 'x', 429, undefined, 1000), s, 'en')).to.equal('Trop de demandes. Réessayez dans 1 second.');
    expect(say(new ApiError('http', 'x', 429))).to.equal('Trop de demandes. Réessayez bientôt.');
  });

  it('a message left out falls back on the service failing', () => {
    const short: FailureStrings = { down: 'Service en panne.', malformed: 'Réponse illisible.' };
    for (const error of [new ApiError('network', 'x'), new ApiError('http', 'x', 429), new ApiError('http', 'x', 404), new ApiError('config', 'x')]) {
      expect(say(error, short)).to.equal('Service en panne.');
    }
  });
});
