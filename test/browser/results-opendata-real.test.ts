import { fakeFetch, json, type FakeCall } from '../helpers/browser.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/results/results.js';
import type { SppResults } from '../../src/elements/results/results.js';
import type { SppErrorDetail } from '../../src/internal/events.js';

/**
 * `<spp-results source="opendata">` against a fake Opendatasoft portal that holds the real datasets
 * (`export-resultats`, `export-indicateurs`, `export-structures`) with their real field names
 * (test/fixtures/opendata-real/portal/), and answers like Opendatasoft does: 404 for a dataset it does not
 * have, 400 for a field a dataset does not have.
 */
type Records = Record<string, unknown>[];
const stored: Record<string, unknown> = {};
before(async () => {
  for (const name of ['export-resultats', 'export-indicateurs', 'export-structures', 'error-404-dataset', 'error-400-field']) {
    stored[name] = await (await fetch(`/test/fixtures/opendata-real/portal/${name}.json`)).json();
  }
});

const PORTAL = 'https://data.example.gouv.fr';
const NBSP = /[\u00a0\u202f]/g;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(NBSP, ' ').replace(/\s+/g, ' ').trim();
const $ = (el: SppResults, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const cardOf = (el: SppResults, label: string) =>
  [...el.shadowRoot!.querySelectorAll('.indicator')].find((card) => text(card.querySelector('h4')) === label);

/** An Explore API v2.1 portal holding `datasets` (id → records). */
function portal(datasets: Record<string, Records> = {
  'export-resultats': stored['export-resultats'] as Records,
  'export-indicateurs': stored['export-indicateurs'] as Records,
  'export-structures': stored['export-structures'] as Records,
}) {
  return fakeFetch((call: FakeCall) => {
    const url = new URL(call.url);
    const id = /^\/api\/explore\/v2\.1\/catalog\/datasets\/([^/]+)\/records$/.exec(url.pathname)?.[1];
    if (url.origin !== PORTAL || !id) return json({ message: 'unexpected request' }, 500);
    const records = datasets[decodeURIComponent(id)];
    if (!records) {
      const body = stored['error-404-dataset'] as { message: string };
      return json({ ...body, message: `Unknown dataset: ${decodeURIComponent(id)}` }, 404);
    }
    const fields = new Set(Object.keys(records[0] ?? {}));
    const where = url.searchParams.get('where') ?? '';
    const tests = [...where.matchAll(/(\w+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const);
    const orderBy = url.searchParams.get('order_by');
    const unknown = [...tests.map(([field]) => field), ...(orderBy ? [orderBy] : [])].find((field) => !fields.has(field));
    if (unknown) {
      const body = stored['error-400-field'] as { message: string };
      return json({ ...body, message: `ODSQL query is malformed: Unknown field: ${unknown}` }, 400);
    }
    const found = records.filter((r) => !tests.length || tests.some(([field, value]) => String(r[field]) === value));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    return json({ total_count: found.length, results: found.slice(offset, offset + limit) });
  });
}

async function render(attributes: Record<string, string>): Promise<SppResults> {
  const el = document.createElement('spp-results');
  for (const [name, value] of Object.entries({ source: 'opendata', portal: PORTAL, ...attributes })) el.setAttribute(name, value);
  await fixture(html`<div>${el}</div>`);
  return el;
}

describe('<spp-results source="opendata"> on the real portal datasets', () => {
  it('renders with no dataset attribute from export-structures, export-resultats and export-indicateurs', async () => {
    const calls = portal();
    const el = await render({ structure: 'PREF-83' });
    await waitUntil(() => $(el, 'article') && el.shadowRoot!.querySelectorAll('.indicator').length === 2, 'the results never rendered');
    await el.updateComplete;

    expect(text($(el, 'h2'))).to.equal('Préfecture du Var');
    expect(text($(el, '.meta'))).to.contain('Réseau : Préfectures').and.contain('Mis à jour le 18 avril 2023');
    // The user-facing label; an annual value reads as its year.
    const calls01 = cardOf(el, 'Appels décrochés par un agent')!;
    expect(text(calls01.querySelector('.value'))).to.match(/^95,2 %/);
    expect(text(calls01.querySelector('.period'))).to.equal('2022');
    expect(text(calls01)).to.contain('par rapport à l’année précédente');
    const delay = cardOf(el, 'Délai pour obtenir votre titre de séjour')!;
    expect(text(delay.querySelector('.value'))).to.match(/^27 jours/);
    expect(text(delay.querySelector('.period'))).to.equal('1er trimestre 2023');

    expect(calls.map((c) => decodeURIComponent(new URL(c.url).pathname.split('/')[6]!))).to.deep.equal([
      'export-structures',
      'export-resultats',
      'export-indicateurs',
    ]);
    expect(calls.map((c) => new URL(c.url).searchParams.get('where'))).to.deep.equal([
      'code_sp_de_la_structure="PREF-83"',
      'code_sp_structure="PREF-83"',
      'code_sp_de_l_indicateur="IND-PREF-01" OR code_sp_de_l_indicateur="IND-PREF-02"',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a half-year value as its half-year', async () => {
    portal();
    const el = await render({ structure: 'PREF-83-TOULON' });
    await waitUntil(() => $(el, '.indicator .period'), 'the results never rendered');
    expect(text($(el, 'h2'))).to.equal('Sous-préfecture de Toulon');
    expect(text($(el, '.indicator .value'))).to.match(/^88,5 %/);
    expect(text($(el, '.indicator .period'))).to.equal('1er semestre 2023');
  });

  it('names the structure from its result rows when the portal has no structures dataset of the default id', async () => {
    const calls = portal({
      'export-resultats': stored['export-resultats'] as Records,
      'export-indicateurs': stored['export-indicateurs'] as Records,
    });
    const el = await render({ structure: 'PREF-83' });
    await waitUntil(() => $(el, 'article'), 'the results never rendered');
    expect(text($(el, 'h2'))).to.equal('Préfecture du Var');
    expect(text($(el, '.meta'))).to.contain('Réseau : Préfectures');
    expect(calls.filter((c) => c.url.includes('/export-structures/'))).to.have.length(1);
  });

  it('tells the webmaster, not the reader, when the portal does not know a dataset the page names (404)', async () => {
    portal();
    const el = document.createElement('spp-results');
    const error = oneEvent(el, 'spp-error');
    el.setAttribute('structure', 'PREF-83');
    el.setAttribute('source', 'opendata');
    el.setAttribute('portal', PORTAL);
    el.setAttribute('dataset-results', 'export-resultats-2019');
    await fixture(html`<div>${el}</div>`);
    const detail = ((await error) as CustomEvent<SppErrorDetail>).detail;
    expect(detail).to.include({ kind: 'config', status: 404 });
    expect(detail.message).to.contain('export-resultats-2019');
    await waitUntil(() => $(el, '[role="alert"]'), 'no error message');
    const message = text($(el, '[role="alert"]'));
    expect(message).to.contain('le portail de données ouvertes ne connaît pas le jeu de données ou le champ demandé');
    expect(message).to.contain('Webmestre');
    expect(message).to.not.contain('connexion');
    expect($(el, '[role="alert"] button'), 'retrying cannot help').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('tells the webmaster when a dataset does not have the fields asked for (400), in English too', async () => {
    // A results dataset published with other field names: `code_sp_structure` is not one of them.
    const renamed = (stored['export-resultats'] as Records).map(({ code_sp_structure, ...rest }) => ({ code_structure: code_sp_structure, ...rest }));
    portal({ 'export-resultats': renamed, 'export-indicateurs': stored['export-indicateurs'] as Records });
    const el = document.createElement('spp-results');
    const error = oneEvent(el, 'spp-error');
    for (const [name, value] of Object.entries({ structure: 'PREF-83', source: 'opendata', portal: PORTAL, lang: 'en' })) el.setAttribute(name, value);
    await fixture(html`<div>${el}</div>`);
    const detail = ((await error) as CustomEvent<SppErrorDetail>).detail;
    expect(detail).to.include({ kind: 'config', status: 400 });
    expect(detail.message).to.contain('"export-resultats" refused the fields of where=code_sp_structure="PREF-83"');
    await waitUntil(() => text($(el, '[role="alert"]')).includes('Webmaster'), 'no English configuration message');
    expect(text($(el, '[role="alert"]'))).to.contain('the open-data portal does not know the dataset or field').and.not.contain('connection');
  });
});
