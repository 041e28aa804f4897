import { fakeFetch, json, type FakeCall } from '../helpers/browser.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/results/results.js';
import type { SppResults, SppResultsLoadedDetail } from '../../src/elements/results/results.js';
import { LOADED } from '../fixtures/results.js';

/** Responses recorded from an Explore API v2.1 portal (test/fixtures/opendata/portal/). */
const recorded: Record<string, unknown> = {};
before(async () => {
  for (const name of ['structures-PREF-06', 'structures-empty', 'resultats-PREF-06', 'indicateurs-PREF-06']) {
    recorded[name] = await (await fetch(`/test/fixtures/opendata/portal/${name}.json`)).json();
  }
});

const PORTAL = 'https://data.example.gouv.fr';
const NBSP = /[\u00a0\u202f]/g;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(NBSP, ' ').replace(/\s+/g, ' ').trim();
const $ = (el: SppResults, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const cardOf = (el: SppResults, label: string) =>
  [...el.shadowRoot!.querySelectorAll('.indicator')].find((card) => text(card.querySelector('h4')) === label);
const adapterRequested = () => performance.getEntriesByType('resource').some((e) => /\/client\/opendata\./.test(e.name));

/** Our API at https://api.test, the portal at PORTAL (the dataset in the path picks the recording). */
function network(structures = 'structures-PREF-06') {
  return fakeFetch((call: FakeCall) => {
    const url = new URL(call.url);
    if (url.origin === 'https://api.test') return json(LOADED);
    const dataset = /\/catalog\/datasets\/([^/]+)\/records$/.exec(url.pathname)?.[1];
    if (url.origin !== PORTAL || !dataset) return json({ message: 'unexpected request' }, 500);
    if (dataset === 'export-structures') return json(recorded[structures]);
    if (dataset === 'export-resultats') return json(recorded['resultats-PREF-06']);
    if (dataset === 'export-indicateurs') return json(recorded['indicateurs-PREF-06']);
    return json({ error_code: 'DatasetNotFound' }, 404);
  });
}

describe('<spp-results source="opendata">', () => {
  // First in the file: the page has not imported the adapter yet.
  it('reads our API without source, and never downloads the portal adapter then', async () => {
    const calls = network();
    const el = await fixture<SppResults>(html`<spp-results structure="PREF-69" api="https://api.test"></spp-results>`);
    await waitUntil(() => $(el, 'article'), 'the results never rendered');
    expect(calls.map((c) => new URL(c.url).origin)).to.deep.equal(['https://api.test']);
    expect(adapterRequested()).to.equal(false);
  });

  it('renders a structure from the recorded portal responses', async () => {
    const calls = network();
    const el = document.createElement('spp-results');
    el.setAttribute('structure', 'PREF-06');
    el.setAttribute('source', 'opendata');
    el.setAttribute('portal', PORTAL);
    const loaded = oneEvent(el, 'spp-results-loaded');
    await fixture(html`<div>${el}</div>`);
    expect(((await loaded) as CustomEvent<SppResultsLoadedDetail>).detail).to.deep.equal({ structure: 'PREF-06', indicators: 4 });
    await el.updateComplete;

    expect(text($(el, 'h2'))).to.equal('Préfecture des Alpes-Maritimes');
    expect(text($(el, '.meta'))).to.contain('Réseau : Préfectures').and.contain('Mis à jour le 18 avril 2023');
    const calls12 = cardOf(el, 'Appels décrochés par un agent')!;
    expect(text(calls12.querySelector('.value'))).to.match(/^95,2 % /);
    expect(text(calls12.querySelector('[part~="badge"]'))).to.equal('✓ Objectif atteint');
    expect(text(calls12)).to.contain('Objectif : 85,0 %');
    // A duration from the catalogue: lower is better, so 29,5 days against a target of 60 is met.
    const delay = cardOf(el, 'Délai pour obtenir votre titre de séjour')!;
    expect(text(delay.querySelector('.value'))).to.match(/^29,5 jours/);
    expect(text(delay.querySelector('[part~="badge"]'))).to.equal('✓ Objectif atteint');
    expect(text(delay.querySelector('details'))).to.contain("Nombre moyen de jours entre le dépôt d'un dossier complet");
    expect(cardOf(el, 'Usagers satisfaits de l\'accueil')).to.not.equal(undefined);

    expect(calls.every((c) => new URL(c.url).origin === PORTAL)).to.equal(true);
    expect(adapterRequested()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says the structure is unknown when the portal does not have it', async () => {
    network('structures-empty');
    const el = document.createElement('spp-results');
    el.setAttribute('structure', 'PREF-99');
    el.setAttribute('source', 'opendata');
    el.setAttribute('portal', PORTAL);
    const error = oneEvent(el, 'spp-error');
    await fixture(html`<div>${el}</div>`);
    expect((await error).detail).to.include({ kind: 'http', status: 404 });
    await waitUntil(() => $(el, '[role="alert"]'), 'no error message');
    expect(text($(el, '[role="alert"]'))).to.contain('« PREF-99 »');
  });

  it('reads the datasets the page names, and reloads when the source changes', async () => {
    const calls = fakeFetch((call) => {
      const url = new URL(call.url);
      if (url.origin === 'https://api.test') return json(LOADED);
      if (url.pathname.includes('/datasets/structures-2024/')) return json(recorded['structures-PREF-06']);
      if (url.pathname.includes('/datasets/resultats-2024/')) return json(recorded['resultats-PREF-06']);
      if (url.pathname.includes('/datasets/catalogue-2024/')) return json(recorded['indicateurs-PREF-06']);
      return json({ error_code: 'DatasetNotFound' }, 404);
    });
    const el = await fixture<SppResults>(html`
      <spp-results structure="PREF-06" api="https://api.test" portal=${PORTAL}
        dataset-structures="structures-2024" dataset-indicators="catalogue-2024" dataset-results="resultats-2024"></spp-results>
    `);
    await waitUntil(() => $(el, 'article'), 'the API results never rendered');
    expect(calls).to.have.length(1);
    el.setAttribute('source', 'opendata');
    await waitUntil(() => text($(el, 'h2')) === 'Préfecture des Alpes-Maritimes', 'the portal results never rendered');
    expect(calls.slice(1).map((c) => new URL(c.url).pathname.split('/')[6])).to.deep.equal([
      'structures-2024',
      'resultats-2024',
      'catalogue-2024',
    ]);
  });
});
