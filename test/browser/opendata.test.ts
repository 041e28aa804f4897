import { fakeFetch, json, offline, type FakeCall } from '../helpers/browser.js';
import { expect } from '@open-wc/testing';
import { ApiError, getJson, type RequestOptions } from '../../src/client/http.js';
import { OPENDATA_PORTAL, fetchOpenDataResults as fetchWith, type OpenDataSource } from '../../src/client/opendata.js';
import { ResultsResponse } from '../../src/contract/results.js';
import { checkerFor } from '../../src/internal/json-check.js';
import { parserFor } from '../../src/internal/parse.js';

/** The adapter with the page's client, as `<spp-results>` hands it over. */
const fetchOpenDataResults = (code: string, source?: OpenDataSource, options?: RequestOptions) =>
  fetchWith({ getJson, ApiError, parseResults: parserFor(ResultsResponse), checkerFor }, code, source, options);

/** Responses recorded from an Explore API v2.1 portal, served by `fakeFetch`. */
const recorded: Record<string, unknown> = {};
before(async () => {
  for (const name of ['structures-PREF-06', 'structures-empty', 'resultats-PREF-06', 'indicateurs-PREF-06', 'error-dataset-not-found']) {
    recorded[name] = await (await fetch(`/test/fixtures/opendata/portal/${name}.json`)).json();
  }
});

const PORTAL = 'https://data.example.gouv.fr';

/** Answers like the portal: the dataset in the path picks the recording. */
function portal(overrides: Partial<Record<'structures' | 'results' | 'indicators', () => Response>> = {}) {
  return fakeFetch((call: FakeCall) => {
    const url = new URL(call.url);
    const dataset = /\/catalog\/datasets\/([^/]+)\/records$/.exec(url.pathname)?.[1];
    if (dataset === 'export-structures') return overrides.structures?.() ?? json(recorded['structures-PREF-06']);
    if (dataset === 'export-resultats') return overrides.results?.() ?? json(recorded['resultats-PREF-06']);
    if (dataset === 'export-indicateurs') return overrides.indicators?.() ?? json(recorded['indicateurs-PREF-06']);
    return json(recorded['error-dataset-not-found'], 404);
  });
}

const whereOf = (call: FakeCall) => new URL(call.url).searchParams.get('where');

describe('open-data portal adapter', () => {
  it('maps the recorded portal responses to the results contract', async () => {
    const calls = portal();
    const results = await fetchOpenDataResults('PREF-06', { portal: PORTAL });

    expect(results.structure).to.deep.equal({
      code: 'PREF-06',
      name: 'Préfecture des Alpes-Maritimes',
      network: { code: 'PREF', name: 'Préfectures' },
      level: 'department',
      parentCode: null,
      postcode: '06200',
      city: 'Nice',
    });
    expect(results.updatedAt).to.equal('2023-04-18');
    expect(results.indicators.map((i) => i.code)).to.deep.equal(['IND-12', 'IND-27', 'IND-31', 'IND-45']);
    const [calls12, satisfaction, delay, online] = results.indicators;
    expect(calls12!.label).to.equal('Appels décrochés par un agent');
    expect(calls12!.target).to.equal(85);
    expect(calls12!.points.map((p) => [p.period, p.periodStart, p.periodEnd, p.value])).to.deep.equal([
      ['2022-Q3', '2022-07-01', '2022-09-30', 94],
      ['2022-Q4', '2022-10-01', '2022-12-31', 95.16],
    ]);
    expect(satisfaction!.family).to.equal('satisfaction');
    expect(satisfaction!.points.map((p) => p.sampleSize)).to.deep.equal([412, 388]);
    // "29,5" as text from the portal reads as a French decimal; a duration is better lower.
    expect([delay!.unitType, delay!.unit, delay!.direction]).to.deep.equal(['days', 'jours', 'lower']);
    expect(delay!.points.map((p) => p.value)).to.deep.equal([27, 29.5]);
    // "n.c." is left out like the importer rejects it; an empty value is "not measured".
    expect(online!.points.map((p) => [p.period, p.value])).to.deep.equal([['2022-Q4', null]]);
    // IND-88 is not in the catalogue: without a unit it cannot be shown.

    expect(calls.map((c) => new URL(c.url).origin)).to.deep.equal([PORTAL, PORTAL, PORTAL]);
    expect(calls.map((c) => new URL(c.url).pathname)).to.deep.equal([
      '/api/explore/v2.1/catalog/datasets/export-structures/records',
      '/api/explore/v2.1/catalog/datasets/export-resultats/records',
      '/api/explore/v2.1/catalog/datasets/export-indicateurs/records',
    ]);
    // The portal's real field names (older recordings' records still read through the importer's aliases).
    expect(whereOf(calls[0]!)).to.equal('code_sp_de_la_structure="PREF-06"');
    expect(whereOf(calls[1]!)).to.equal('code_sp_structure="PREF-06"');
    expect(whereOf(calls[2]!)).to.equal(
      'code_sp_de_l_indicateur="IND-12" OR code_sp_de_l_indicateur="IND-27" OR code_sp_de_l_indicateur="IND-31" OR code_sp_de_l_indicateur="IND-45" OR code_sp_de_l_indicateur="IND-88"',
    );
    expect(calls.every((c) => c.method === 'GET' && !c.headers.has('authorization'))).to.equal(true);
  });

  it('uses the public portal and its datasets by default, and the configured ones when given', async () => {
    const calls = fakeFetch((call) =>
      call.url.includes('/datasets/structures-v2/') ? json(recorded['structures-PREF-06']) : json({ total_count: 0, results: [] }),
    );
    const results = await fetchOpenDataResults('PREF-06', { datasets: { structures: 'structures-v2' } });
    expect(results.indicators).to.deep.equal([]);
    expect(results.updatedAt).to.equal(null);
    expect(calls[0]!.url.startsWith(`${OPENDATA_PORTAL}/api/explore/v2.1/catalog/datasets/structures-v2/records?`)).to.equal(true);
    expect(calls[1]!.url).to.contain('/datasets/export-resultats/records?');
    expect(calls).to.have.length(2, 'no catalogue request when there is no result');
  });

  it('reads every page of a long list of results', async () => {
    const record = (n: number) => ({
      code_sp: 'PREF-06',
      code_indicateur: 'IND-12',
      valeur: 80 + (n % 20),
      periode: `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
      date_mise_a_jour: '2024-01-10',
    });
    const calls = portal({
      results: () => {
        const offset = Number(new URL(calls.at(-1)!.url).searchParams.get('offset'));
        const all = Array.from({ length: 130 }, (_, n) => record(n));
        return json({ total_count: 130, results: all.slice(offset, offset + 100) });
      },
    });
    const results = await fetchOpenDataResults('PREF-06', { portal: PORTAL });
    const offsets = calls.filter((c) => c.url.includes('export-resultats')).map((c) => new URL(c.url).searchParams.get('offset'));
    expect(offsets).to.deep.equal(['0', '100']);
    expect(results.indicators[0]!.points).to.have.length(130);
    expect(results.indicators[0]!.points[0]!.period).to.equal('2000-01');
  });

  it('answers 404 for a structure the portal does not know', async () => {
    portal({ structures: () => json(recorded['structures-empty']) });
    const error = await fetchOpenDataResults('PREF-99', { portal: PORTAL }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect([(error as ApiError).kind, (error as ApiError).status]).to.deep.equal(['http', 404]);
    expect((error as ApiError).problem?.title).to.equal('Structure inconnue');
  });

  it('never sends a code that is not a code SP+ to the portal', async () => {
    const calls = portal();
    const error = await fetchOpenDataResults('PREF-06" OR "1"="1', { portal: PORTAL }).catch((e: unknown) => e);
    expect((error as ApiError).status).to.equal(404);
    expect(calls).to.have.length(0);
  });

  it('reports a wrong dataset id, an unreachable portal and a malformed answer as API errors', async () => {
    portal({ results: () => json(recorded['error-dataset-not-found'], 404) });
    const missing = (await fetchOpenDataResults('PREF-06', { portal: PORTAL }, { retries: 0 }).catch((e: unknown) => e)) as ApiError;
    // A dataset the portal does not know is the page's configuration fault: not "unknown structure".
    expect([missing.kind, missing.status]).to.deep.equal(['config', 404]);
    expect(missing.message).to.contain('no dataset "export-resultats"');

    fakeFetch(offline);
    const down = (await fetchOpenDataResults('PREF-06', { portal: PORTAL }, { retries: 0 }).catch((e: unknown) => e)) as ApiError;
    expect(down.kind).to.equal('network');

    portal({ results: () => json({ records: 'not a page' }) });
    const malformed = (await fetchOpenDataResults('PREF-06', { portal: PORTAL }).catch((e: unknown) => e)) as ApiError;
    expect(malformed.kind).to.equal('malformed');
    // A page whose records are not objects is not half read either.
    portal({ results: () => json({ total_count: 1, results: [['PREF-06', 'délai', 12]] }) });
    const rows = (await fetchOpenDataResults('PREF-06', { portal: PORTAL }).catch((e: unknown) => e)) as ApiError;
    expect(rows.kind).to.equal('malformed');

    portal({ indicators: () => new Response('<html>maintenance</html>', { headers: { 'Content-Type': 'text/html' } }) });
    const html = (await fetchOpenDataResults('PREF-06', { portal: PORTAL }).catch((e: unknown) => e)) as ApiError;
    expect(html.kind).to.equal('malformed');
  });
});
