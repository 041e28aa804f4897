import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { fakeFetch, json, offline, problem, realApi, watchIntlFormatters } from '../helpers/browser.js';
import '../../src/elements/improvements/improvements.js';
import type { SppImprovements } from '../../src/elements/improvements/improvements.js';
import type { ImprovementAction, ImprovementsResponse } from '../../src/contract/improvement.js';

function action(id: string, overrides: Partial<ImprovementAction> = {}): ImprovementAction {
  return {
    id,
    youSaid: `Vous nous avez dit ${id}.`,
    weDid: `Nous avons fait ${id}.`,
    engagement: { number: 2, keyword: 'Joignables' },
    tag: 'reactivity',
    status: 'done',
    date: '2025-03-01',
    updatedAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

const plan = (items: ImprovementAction[]): ImprovementsResponse => ({ structure: { code: 'PREF-69', name: 'Préfecture du Rhône' }, items });

const root = (el: SppImprovements) => el.shadowRoot!;
const text = (el: SppImprovements) => root(el).textContent!.replace(/\s+/g, ' ');
async function settled(el: SppImprovements): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !root(el).querySelector('.loading'), 'still loading', { timeout: 8000 });
}
async function mount(markup = html`<spp-improvements structure="PREF-69" api="https://api.test"></spp-improvements>`): Promise<SppImprovements> {
  const el = await fixture<SppImprovements>(markup);
  await settled(el);
  return el;
}

describe('<spp-improvements>', () => {
  it('says "suite à N témoignages" under an action and lists the published ones, linked with testimonies-href; accessible', async () => {
    fakeFetch(() =>
      json(
        plan([
          action('a', { testimonies: { count: 3, published: [{ reference: 'SPP-AAAA-BBBB', title: 'Quarante minutes au téléphone' }] } }),
          action('b', { testimonies: { count: 1, published: [] } }),
          action('c', { testimonies: { count: 0, published: [] } }),
        ]),
      ),
    );
    const el = await mount(html`<spp-improvements structure="PREF-69" api="https://api.test" testimonies-href="#temoignages"></spp-improvements>`);
    const cited = [...root(el).querySelectorAll('[part="cited"]')].map((c) => c.textContent!.replace(/[ \n\t]+/g, ' ').trim());
    expect(cited).to.deep.equal(['Suite à 3\u00a0témoignages\u00a0: Quarante minutes au téléphone', 'Suite à 1\u00a0témoignage']);
    const link = root(el).querySelector<HTMLAnchorElement>('[part="cited-link"]')!;
    expect(link.getAttribute('href')).to.equal('#temoignages');
    expect(link.textContent).to.equal('Quarante minutes au téléphone');
    await expect(el).to.be.accessible();

    fakeFetch(() => json(plan([action('a', { testimonies: { count: 2, published: [{ reference: 'SPP-AAAA-BBBB', title: 'Attente' }] } })])));
    const english = await mount(html`<spp-improvements structure="PREF-69" api="https://api.test" lang="en"></spp-improvements>`);
    expect(root(english).querySelector('[part="cited"]')!.textContent!.replace(/[ \n\t]+/g, ' ').trim()).to.equal('Following 2\u00a0experiences: Attente');
    expect(root(english).querySelector('[part="cited-link"]'), 'no link without testimonies-href').to.equal(null);
  });

  it('is accessible with the real API’s plan', async () => {
    const api = await realApi();
    const el = await mount(html`<spp-improvements structure="PREF-69" api=${api}></spp-improvements>`);
    expect(root(el).querySelectorAll('[part="item"]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the loading, empty and error states, in English and the neutral theme', async () => {
    fakeFetch(() => new Promise<Response>(() => {}));
    const loading = await fixture<SppImprovements>(html`<spp-improvements structure="PREF-69" api="https://api.test"></spp-improvements>`);
    expect(text(loading)).to.include('Chargement du plan d’amélioration');
    await expect(loading).to.be.accessible();

    fakeFetch(() => json(plan([])));
    const empty = await mount(html`<spp-improvements structure="PREF-69" api="https://api.test" lang="en" theme="neutral"></spp-improvements>`);
    expect(text(empty)).to.include('has not published any improvement action yet');
    await expect(empty).to.be.accessible();

    fakeFetch(() => problem(500));
    const error = await mount();
    await expect(error).to.be.accessible();
  });

  it('groups the actions done, in progress and planned, each with what users said and what was done', async () => {
    const calls = fakeFetch(() =>
      json(
        plan([
          action('planifiee', { status: 'planned', date: '2025-09-01', tag: null }),
          action('encours', { status: 'in_progress', date: '2025-05-10', engagement: { number: 3, keyword: 'Accompagnement' } }),
          action('faite-1', { date: '2025-04-01' }),
          action('faite-2', { date: '2025-02-01', tag: 'simplicity' }),
        ]),
      ),
    );
    const el = await mount();
    expect(calls[0]!.url).to.equal('https://api.test/api/v1/structures/PREF-69/improvements?lang=fr');
    const heading = root(el).querySelector('[part="heading"]')!;
    expect(heading.textContent).to.equal('Vous nous avez dit… Nous avons fait…');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('4 actions d’amélioration\u00a0: 2 réalisées, 1 en cours, 1 prévue.');
    const groups = [...root(el).querySelectorAll('[part="group"]')].map((g) => ({
      heading: g.querySelector('[role="heading"]')!.textContent!.trim(),
      level: g.querySelector('[role="heading"]')!.getAttribute('aria-level'),
      items: [...g.querySelectorAll('.did')].map((d) => d.textContent),
    }));
    expect(groups).to.deep.equal([
      { heading: 'Réalisé', level: '3', items: ['Nous avons fait faite-1.', 'Nous avons fait faite-2.'] },
      { heading: 'En cours', level: '3', items: ['Nous avons fait encours.'] },
      { heading: 'Prévu', level: '3', items: ['Nous avons fait planifiee.'] },
    ]);
    const inProgress = root(el).querySelectorAll('[part="item"]')[2]!.textContent!.replace(/\s+/g, ' ');
    expect(inProgress).to.include('En cours depuis le 10 mai 2025').and.include('Nous faisons').and.include('Engagement n° 3 : Accompagnement');
    const planned = root(el).querySelectorAll('[part="item"]')[3]!.textContent!;
    expect(planned).to.include('Prévu pour le 1 septembre 2025').and.include('Nous allons faire').and.not.include('Thème');
    expect(root(el).querySelectorAll('[part="item"]')[1]!.textContent!.replace(/\s+/g, ' ')).to.include('Thème : simplicité / complexité');
  });

  it('writes its dates in French and in English without any Intl formatter or plural rules (a formatter is a 100 to 200 ms task on a phone)', async () => {
    fakeFetch(() => json(plan([action('a', { date: '2026-11-26' }), action('b', { status: 'planned', date: '2027-01-01' })])));
    const watch = watchIntlFormatters();
    let french: string, english: string;
    try {
      french = text(await mount());
      english = text(await mount(html`<spp-improvements structure="PREF-69" api="https://api.test" lang="en"></spp-improvements>`));
    } finally {
      expect(watch.stop(), 'Intl formatters or plural rules made or used').to.deep.equal([]);
    }
    expect(french).to.include('26 novembre 2026').and.include('Prévu pour le 1 janvier 2027');
    expect(english).to.include('26 November 2026').and.include('1 January 2027');
  });

  it('renders hostile text literally', async () => {
    const hostile = '<img src=x onerror="window.__pwnedImprovements = true">';
    fakeFetch(() => json(plan([action('x', { youSaid: hostile, weDid: `<script>window.__pwnedImprovements = true</script>`, engagement: { number: 1, keyword: '<b>k</b>' } })])));
    const el = await mount();
    expect(root(el).querySelector('.said')!.textContent).to.equal(hostile);
    expect(root(el).querySelectorAll('img, script, b')).to.have.length(0);
    expect((window as unknown as { __pwnedImprovements?: boolean }).__pwnedImprovements).to.equal(undefined);
  });

  it('asks again in the new language when lang changes, and speaks English', async () => {
    const calls = fakeFetch((call) =>
      json(plan([action('a', { engagement: { number: 2, keyword: call.url.endsWith('lang=en') ? 'Reachable' : 'Joignables' } })])),
    );
    const el = await mount();
    el.lang = 'en';
    await settled(el);
    await waitUntil(() => text(el).includes('Reachable'));
    expect(calls.at(-1)!.url).to.match(/lang=en$/);
    expect(text(el)).to.include('You told us… We did…').and.include('1 improvement action: 1 done.').and.include('Done on 1 March 2025').and.include('Commitment 2: Reachable');
  });

  it('offline: says so, fires spp-error, and "Réessayer" loads the plan', async () => {
    let online = false;
    fakeFetch(() => (online ? json(plan([action('a')])) : offline()));
    const el = await fixture<SppImprovements>(html`<spp-improvements structure="PREF-69" api="https://api.test"></spp-improvements>`);
    const event = await oneEvent(el, 'spp-error');
    expect(event.detail.kind).to.equal('network');
    await settled(el);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.include('vérifiez votre connexion internet');
    online = true;
    root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await settled(el);
    expect(root(el).querySelectorAll('[part="item"]')).to.have.length(1);
  });

  it('an unknown structure: names the code, offers no retry', async () => {
    fakeFetch(() => problem(404));
    const el = await mount(html`<spp-improvements structure="NOPE-1" api="https://api.test"></spp-improvements>`);
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include('«\u00a0NOPE-1\u00a0»');
    expect(alert.querySelector('button')).to.equal(null);
  });

  it('a malformed answer is an error, never half a plan', async () => {
    fakeFetch(() => json({ structure: { code: 'PREF-69', name: 'x' }, items: [{ id: 1 }] }));
    const el = await mount();
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.include('réponse du service est inattendue');
    expect(root(el).querySelectorAll('[part="item"]')).to.have.length(0);
  });

  it('keeps the 40rem its docs tell the host page to reserve while loading and on error, and lets it go once the plan is there', async () => {
    await setViewport({ width: 412, height: 823 });
    try {
      const height = (el: SppImprovements) => el.getBoundingClientRect().height;
      /** Blank space between the bottom of the element's last piece of content and the element's own bottom. */
      const blankBelow = (el: SppImprovements) => {
        const last = root(el).querySelector('.root')!.lastElementChild!;
        return el.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom;
      };
      fakeFetch(() => new Promise<Response>(() => {}));
      const loading = await fixture<SppImprovements>(html`<spp-improvements structure="PREF-69" api="https://api.test"></spp-improvements>`);
      expect(height(loading), 'loading').to.equal(640);
      fakeFetch(() => problem(500));
      expect(height(await mount()), 'an error').to.equal(640);
      // One action is shorter than the reservation: no blank band is left under it once it is shown.
      fakeFetch(() => json(plan([action('a')])));
      const one = await mount();
      expect(height(one), 'a plan of one action').to.be.below(640);
      expect(blankBelow(one), 'blank space under a plan of one action').to.be.below(1);
      fakeFetch(() => json(plan([])));
      const empty = await mount();
      expect(height(empty), 'no action yet').to.be.below(640);
      expect(blankBelow(empty), 'blank space under the empty message').to.be.below(1);
      // A longer plan grows past it.
      fakeFetch(() => json(plan(['a', 'b', 'c'].map((id) => action(id)))));
      expect(height(await mount()), 'a plan of three actions').to.be.above(640);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('heading-level sets the plan’s heading and its groups’ levels', async () => {
    fakeFetch(() => json(plan([action('a')])));
    const el = await mount(html`<spp-improvements structure="PREF-69" api="https://api.test" heading-level="3"></spp-improvements>`);
    expect(root(el).querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect(root(el).querySelector('.group-heading')!.getAttribute('aria-level')).to.equal('4');
  });
});
