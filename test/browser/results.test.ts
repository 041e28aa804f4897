import { delay, fakeFetch, json, offline, problem, realApi } from '../helpers/browser.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { ResultsResponse } from '../../src/contract/results.js';
import '../../src/elements/results/results.js';
import type { SppResults } from '../../src/elements/results/results.js';
import { CLOSE_MARGIN, isStale, statusOf, trendOf } from '../../src/elements/results/indicator-status.js';
import { formatDelta, formatPeriod, formatValue } from '../../src/elements/results/results-format.js';
import { RESULTS_FR } from '../../src/elements/results/results.strings.js';
import { RESULTS_EN } from '../../src/elements/results/results.strings.en.js';
import { CALLS, EMPTY, LICENCE, LOADED, NET, REPLY, SATISFIED, SCORE, WAITING, indicator, large, staleResults } from '../fixtures/results.js';

// Many modules load in a test page: keep every resource entry, to see when the chart chunk is requested.
performance.setResourceTimingBufferSize(100_000);
const requested = (pattern: RegExp) => performance.getEntriesByType('resource').some((entry) => pattern.test(entry.name));
const CHART_CHUNK = /\/chart\.js\/|line-chart/;
const QR_CHUNK = /qrcode-generator|results-qr/;

type ChartJs = typeof import('chart.js').Chart;
/** chart.js itself, to inspect the chart drawn on a canvas; imported only once the element has loaded it. */
const chartJs = async (): Promise<ChartJs> => (await import('chart.js')).Chart;

const NBSP = /[\u00a0\u202f]/g;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(NBSP, ' ').replace(/\s+/g, ' ').trim();

const shadow = (el: SppResults) => el.shadowRoot!;
const $ = (el: SppResults, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
const $$ = (el: SppResults, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const cardOf = (el: SppResults, label: string) => $$(el, '.indicator').find((card) => text(card.querySelector('h4')) === label)!;

/** Waits for a value to be there, and returns it. */
async function until<T>(probe: () => T | Promise<T>, message: string, timeout = 5000): Promise<NonNullable<T>> {
  let value: T | undefined;
  await waitUntil(async () => (value = await probe()), message, { timeout });
  return value!;
}

async function loaded(el: SppResults) {
  await waitUntil(() => $(el, 'article'), 'the results never rendered', { timeout: 5000 });
  await el.updateComplete; // every card drawn
}
const failed = (el: SppResults) => waitUntil(() => $(el, '[role="alert"]'), 'no error message', { timeout: 8000 });

/** Serves `body` for the results URL (and records the calls). */
function serve(body: unknown = LOADED) {
  return fakeFetch(() => json(body));
}

/** An element placed below a tall spacer: its history (and chart) start out of view. */
async function mountBelowFold(body: unknown = LOADED): Promise<SppResults> {
  serve(body);
  const wrapper = await fixture<HTMLElement>(html`<div><div class="spacer"></div><spp-results structure="PREF-69" api="https://api.test"></spp-results></div>`);
  (wrapper.querySelector('.spacer') as HTMLElement).style.height = '300vh';
  const el = wrapper.querySelector('spp-results')!;
  await loaded(el);
  return el;
}

async function mount(template = html`<spp-results structure="PREF-69" api="https://api.test"></spp-results>`, body: unknown = LOADED) {
  serve(body);
  const el = await fixture<SppResults>(template);
  await loaded(el);
  return el;
}

/** Scrolls the history into view and waits for chart.js to draw on the canvas. */
async function showChart(el: SppResults) {
  $(el, '.history')!.scrollIntoView();
  const canvas = (await until(() => $(el, 'canvas'), 'the history never loaded')) as HTMLCanvasElement;
  const Chart = await until(async () => (requested(CHART_CHUNK) ? await chartJs() : undefined), 'chart.js never loaded');
  const chart = await until(() => Chart.getChart(canvas), 'no chart on the canvas');
  return { canvas, chart, Chart };
}

afterEach(async () => {
  await emulateMedia({ media: 'screen', reducedMotion: 'no-preference', colorScheme: 'light' });
  await setViewport({ width: 800, height: 600 });
});

describe('<spp-results>', () => {
  it('is accessible with its results loaded, then with the chart and its table shown', async () => {
    const el = await mountBelowFold();
    await expect(el).to.be.accessible();
    // (the order matters: the next test checks chart.js was not requested before it scrolls)
  });

  it('requests the chart chunk only once the chart scrolls into view, then draws on a canvas with role img', async () => {
    const el = await mountBelowFold();
    await delay(200);
    expect(requested(CHART_CHUNK), 'chart.js requested while out of view').to.equal(false);
    expect($(el, 'canvas')).to.equal(null);

    const { canvas, chart } = await showChart(el);
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('Appels décrochés par un agent').and.contain('Voir les données');
    expect(chart.data.datasets[0]!.data).to.deep.equal(CALLS.points.map((p) => p.value));
    expect(chart.data.datasets.map((d: { label?: string }) => d.label)).to.deep.equal(['Notre résultat', 'Moyenne du réseau', 'Objectif']);
    ($(el, 'button[aria-controls="data"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'table'));
    await expect(el).to.be.accessible();
  });

  describe('an indicator card', () => {
    it('shows the value, period, badge, target, trend, network average and methodology (higher is better)', async () => {
      const el = await mount();
      const card = cardOf(el, 'Appels décrochés par un agent');
      expect(text(card.querySelector('.value'))).to.match(/^95,2 % /);
      expect(text(card.querySelector('.period'))).to.equal(formatPeriod(CALLS.points.at(-1)!.period, 'fr', RESULTS_FR));
      expect(text(card.querySelector('[part~="badge"]'))).to.equal('✓ Objectif atteint');
      expect(text(card)).to.contain('Objectif : 85,0 %').and.contain('Moyenne du réseau : 88,4 %');
      expect(text(card.querySelector('[part="trend"]'))).to.equal('↗ +1,2 point par rapport au trimestre précédent, en amélioration');
      const details = card.querySelector('details')!;
      expect(details.open).to.equal(false);
      expect(text(details.querySelector('summary'))).to.equal('Comment est-ce mesuré ?');
      expect(text(details)).to.contain(CALLS.methodology).and.contain('Source : Statistiques internes');
    });

    it('knows that lower is better: less waiting is good news, longer delays are not', async () => {
      const el = await mount();
      const waiting = cardOf(el, 'Temps d’attente moyen à l’accueil');
      expect(text(waiting.querySelector('.value'))).to.match(/^17 minutes/);
      expect(text(waiting.querySelector('[part~="badge"]'))).to.contain('Objectif atteint');
      expect(text(waiting.querySelector('[part="trend"]'))).to.equal('↘ −3 minutes par rapport au trimestre précédent, en amélioration');

      const licence = cardOf(el, 'Délai de délivrance des permis de conduire');
      expect(text(licence.querySelector('[part~="badge"]'))).to.contain('Objectif non atteint');
      expect(text(licence.querySelector('[part="trend"]'))).to.equal('↗ +3 jours par rapport au trimestre précédent, en recul');

      const reply = cardOf(el, 'Délai moyen de réponse à vos messages');
      expect(text(reply.querySelector('[part~="badge"]'))).to.contain('Proche de l’objectif');
      expect(text(reply.querySelector('[part="trend"]'))).to.equal('→ Stable par rapport au trimestre précédent');
    });

    it('says "données insuffisantes" under 100 answers or when nothing was measured, never a trend then', async () => {
      const el = await mount();
      const score = cardOf(el, 'Note moyenne donnée par les usagers');
      expect(text(score.querySelector('[part~="badge"]'))).to.contain('Données insuffisantes');
      expect(text(score)).to.contain('Seulement 60 réponses');
      expect(score.querySelector('[part="trend"]')).to.equal(null);
      // "/10" is spelled out for screen readers
      expect(text(score.querySelector('.value .sr-only'))).to.equal('8,4 sur 10');

      const net = cardOf(el, 'Taux net de satisfaction');
      expect(text(net.querySelector('.value'))).to.match(/^Non mesuré/);
      expect(text(net.querySelector('[part~="badge"]'))).to.contain('Données insuffisantes');

      const satisfied = cardOf(el, 'Usagers satisfaits');
      expect(text(satisfied)).to.contain('Sur 312 réponses.');
      expect(text(satisfied.querySelector('[part~="badge"]'))).to.contain('Proche de l’objectif');
    });

    it('groups indicators under "Qualité rendue" and "Qualité perçue", each badge in words and not colour alone', async () => {
      const el = await mount();
      const sections = $$(el, 'section[part="section"]');
      expect(sections.map((s) => text(s.querySelector('h3')))).to.deep.equal(['Qualité rendue', 'Qualité perçue']);
      expect(sections[0]!.querySelectorAll('.indicator')).to.have.length(4);
      expect(sections[1]!.querySelectorAll('.indicator')).to.have.length(3);
      for (const badge of $$(el, '[part~="badge"]')) expect(text(badge)).to.match(/Objectif|Proche|Données/);
    });
  });

  describe('status and trend rules', () => {
    const percentHigher = (value: number | null, sampleSize: number | null = null, family: 'performance' | 'satisfaction' = 'performance') =>
      indicator({ ...CALLS, family, values: [90, value], sampleSize: sampleSize ?? undefined });
    const minutesLower = (values: (number | null)[]) => indicator({ ...WAITING, values });

    it('higher is better: met at the target, close within 5 % of it, not met below', () => {
      expect(statusOf(percentHigher(85))).to.equal('met');
      expect(statusOf(percentHigher(85 * (1 - CLOSE_MARGIN)))).to.equal('close');
      expect(statusOf(percentHigher(84))).to.equal('close');
      expect(statusOf(percentHigher(80.7))).to.equal('not-met');
    });

    it('lower is better: met at or under the target, close up to 5 % over, not met beyond', () => {
      expect(statusOf(minutesLower([25, 20]))).to.equal('met');
      expect(statusOf(minutesLower([25, 21]))).to.equal('close');
      expect(statusOf(minutesLower([25, 21.5]))).to.equal('not-met');
    });

    it('insufficient when not measured or a survey has under 100 answers; no badge without a target', () => {
      expect(statusOf(percentHigher(null))).to.equal('insufficient');
      expect(statusOf(percentHigher(95, 99, 'satisfaction'))).to.equal('insufficient');
      expect(statusOf(percentHigher(95, 100, 'satisfaction'))).to.equal('met');
      expect(statusOf({ ...CALLS, target: null })).to.equal('no-target');
    });

    it('a trend is good or bad news depending on the direction, stable under 0.05, absent without two values', () => {
      expect(trendOf(percentHigher(92))).to.include({ movement: 'up', verdict: 'better' });
      expect(trendOf(percentHigher(88))).to.include({ movement: 'down', verdict: 'worse' });
      expect(trendOf(minutesLower([20, 18]))).to.include({ movement: 'down', verdict: 'better' });
      expect(trendOf(minutesLower([20, 22]))).to.include({ movement: 'up', verdict: 'worse' });
      expect(trendOf(percentHigher(90.04))).to.include({ movement: 'stable', verdict: 'same' });
      expect(trendOf(minutesLower([null, 18]))).to.equal(null);
      expect(trendOf(percentHigher(95, 50, 'satisfaction'))).to.equal(null);
    });

    it('results are stale once their last update is more than 12 months old', () => {
      const now = Date.parse('2026-11-26T12:00:00Z');
      expect(isStale('2025-11-27', now)).to.equal(false);
      expect(isStale('2025-11-25', now)).to.equal(true);
      expect(isStale(null, now)).to.equal(false);
    });
  });

  describe('formatting through Intl', () => {
    const fr = (v: number, unit: Parameters<typeof formatValue>[1], spoken = false) => formatValue(v, unit, 'fr', RESULTS_FR, spoken).replace(NBSP, ' ');
    const en = (v: number, unit: Parameters<typeof formatValue>[1], spoken = false) => formatValue(v, unit, 'en', RESULTS_EN, spoken).replace(NBSP, ' ');

    it('values in French and English, percentages and scores /10 always with one decimal (docs/wording.md)', () => {
      expect(fr(95.16, 'percent')).to.equal('95,2 %');
      expect(fr(85, 'percent')).to.equal('85,0 %');
      expect(en(95.16, 'percent')).to.equal('95.2%');
      expect(fr(8, 'score10')).to.equal('8,0/10');
      expect(fr(5, 'days')).to.equal('5 jours');
      expect(fr(4.6, 'days')).to.equal('4,6 jours');
      expect(en(1, 'days')).to.equal('1 day');
      expect(fr(12, 'minutes')).to.equal('12 minutes');
      expect(fr(7.8, 'score10')).to.equal('7,8/10');
      expect(fr(7.8, 'score10', true)).to.equal('7,8 sur 10');
      expect(en(7.8, 'score10', true)).to.equal('7.8 out of 10');
      expect(fr(31, 'points')).to.equal('31 points');
      expect(fr(1, 'points')).to.equal('1 point');
      expect(fr(-12, 'points')).to.equal('−12 points');
    });

    it('changes are signed, with a real minus sign, percentages change by points', () => {
      expect(formatDelta(1.16, 'percent', 'fr', RESULTS_FR)).to.equal('+1,2 point');
      expect(formatDelta(2.5, 'percent', 'fr', RESULTS_FR)).to.equal('+2,5 points');
      expect(formatDelta(1.16, 'percent', 'en', RESULTS_EN)).to.equal('+1.2 points');
      expect(formatDelta(-3, 'minutes', 'fr', RESULTS_FR).replace(NBSP, ' ')).to.equal('−3 minutes');
      expect(formatDelta(0.4, 'days', 'en', RESULTS_EN)).to.equal('+0.4 days');
      expect(formatDelta(-0.2, 'score10', 'fr', RESULTS_FR)).to.equal('−0,2 point');
    });

    it('periods in words', () => {
      expect(formatPeriod('2026-Q3', 'fr', RESULTS_FR)).to.equal('3e trimestre 2026');
      expect(formatPeriod('2026-Q1', 'fr', RESULTS_FR)).to.equal('1er trimestre 2026');
      expect(formatPeriod('2026-Q3', 'fr', RESULTS_FR, true)).to.equal('T3 2026');
      expect(formatPeriod('2026-Q3', 'en', RESULTS_EN)).to.equal('Q3 2026');
      expect(formatPeriod('2026-05', 'fr', RESULTS_FR)).to.equal('mai 2026');
      expect(formatPeriod('2026-05', 'en', RESULTS_EN)).to.equal('May 2026');
      expect(formatPeriod('2025', 'fr', RESULTS_FR)).to.equal('2025');
    });
  });

  describe('attributes', () => {
    it('header: structure name, network, update date in words, and the network link when network-href is set', async () => {
      const el = await mount(
        html`<spp-results structure="PREF-69" api="https://api.test" network-href="https://example.org/prefectures"></spp-results>`,
      );
      expect(text($(el, 'h2'))).to.equal('Préfecture du Rhône');
      const meta = text($(el, '.meta'));
      expect(meta).to.contain('Réseau : Préfectures').and.match(/Mis à jour le \d{1,2}(er)? [a-zéû]+ \d{4}/);
      const link = $(el, 'header a') as HTMLAnchorElement;
      expect(link.href).to.equal('https://example.org/prefectures');
      expect(text(link)).to.equal('Voir les résultats de tout le réseau Préfectures');
    });

    it('"Donnez votre avis" links to the testimony form only when feedback-href is set', async () => {
      const without = await mount();
      expect($(without, '.feedback')).to.equal(null);
      expect($(without, 'header a')).to.equal(null);
      const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" feedback-href="/temoigner"></spp-results>`);
      const link = $(el, '.feedback a') as HTMLAnchorElement;
      expect(text(link)).to.equal('Donnez votre avis');
      expect(link.getAttribute('href')).to.equal('/temoigner');
    });

    it('asks the API given by api for the structure given by structure, and reloads when it changes', async () => {
      const calls = serve();
      const el = await fixture<SppResults>(html`<spp-results structure="CAF 69/x" api="https://api.test/base/"></spp-results>`);
      await loaded(el);
      expect(calls[0]!.url).to.equal('https://api.test/base/api/v1/structures/CAF%2069%2Fx/results');
      const reloaded = oneEvent(el, 'spp-results-loaded');
      el.structure = 'CAF-69';
      const { detail } = await reloaded;
      expect(calls[1]!.url).to.equal('https://api.test/base/api/v1/structures/CAF-69/results');
      expect(detail).to.deep.equal({ structure: 'CAF-69', indicators: LOADED.indicators.length });
    });

    it('speaks English with lang="en", marks the language, and formats numbers the English way', async () => {
      const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" lang="en"></spp-results>`);
      expect($(el, '.root')!.getAttribute('lang')).to.equal('en');
      expect(text($(el, '.eyebrow'))).to.equal(RESULTS_EN.eyebrow);
      const card = cardOf(el, 'Appels décrochés par un agent');
      expect(text(card.querySelector('.value'))).to.match(/^95.2% Q\d \d{4}$/);
      expect(text(card.querySelector('[part~="badge"]'))).to.contain('Target met');
      expect(text(card.querySelector('[part="trend"]'))).to.equal('↗ +1.2 points on the previous quarter, improving');
      expect(text(card)).to.contain('Network average: 88.4%');
      await expect(el).to.be.accessible();
    });

    it('follows the page language without lang, and switches when lang changes', async () => {
      serve();
      const wrapper = await fixture<HTMLElement>(html`<div lang="en-GB"><spp-results structure="PREF-69" api="https://api.test"></spp-results></div>`);
      const el = wrapper.querySelector('spp-results')!;
      await loaded(el);
      expect(text($(el, 'h3'))).to.equal('Service delivered');
      el.lang = 'fr';
      await el.updateComplete;
      expect(text($(el, 'h3'))).to.equal('Qualité rendue');
      expect($(el, '.root')!.getAttribute('lang')).to.equal('fr');
    });

    it('theme="neutral" swaps the design tokens; --spp-* custom properties restyle it from the host page', async () => {
      const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" theme="neutral"></spp-results>`);
      expect(getComputedStyle(el).getPropertyValue('--_primary').trim()).to.equal('#2d4a66');
      el.style.setProperty('--spp-color-primary', 'rgb(10, 20, 30)');
      expect(getComputedStyle($(el, 'summary')!).color).to.equal('rgb(10, 20, 30)');
      await expect(el).to.be.accessible();
    });

    it('exposes parts a host page can restyle', async () => {
      const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" feedback-href="/avis"></spp-results>`);
      for (const part of ['base', 'header', 'title', 'section', 'indicator', 'value', 'badge', 'trend', 'methodology', 'history', 'button', 'link']) {
        expect($(el, `[part~="${part}"]`), part).to.exist;
      }
      expect($(el, '[part~="badge-met"]')).to.exist;
      expect($(el, '[part~="badge-insufficient"]')).to.exist;
    });
  });

  describe('states', () => {
    it('loading: a skeleton that reserves the space of the card, announced as busy', async () => {
      let answer!: (r: Response) => void;
      fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
      const wrapper = await fixture<HTMLElement>(html`<div><spp-results structure="PREF-69" api="https://api.test"></spp-results><p>après</p></div>`);
      const el = wrapper.querySelector('spp-results')!;
      await el.updateComplete;
      expect($(el, '.skeleton')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[role="status"]'))).to.equal('Chargement des résultats…');
      await expect(el).to.be.accessible();
      const loadingHeight = el.getBoundingClientRect().height;
      expect(loadingHeight).to.be.at.least(28 * 16);
      answer(json(EMPTY));
      await loaded(el);
      // A card smaller than the reserved space keeps it: the paragraph after it did not move.
      expect(el.getBoundingClientRect().height).to.equal(loadingHeight);
    });

    it('stale: warns when the latest update is more than 12 months old', async () => {
      const el = await mount(undefined, staleResults());
      const warning = $(el, '[part="warning"]');
      expect(text(warning)).to.contain('Ces résultats ont plus d’un an').and.contain('au moins une fois par an');
      await expect(el).to.be.accessible();
      const fresh = await mount();
      expect($(fresh, '[part="warning"]')).to.equal(null);
    });

    it('no results yet: says so in words, still inviting feedback', async () => {
      const el = await mount(html`<spp-results structure="MAIRIE-ST-EXEMPLE" api="https://api.test" feedback-href="/avis"></spp-results>`, EMPTY);
      expect(text($(el, '.empty'))).to.equal('Mairie de Saint-Exemple n’a pas encore publié de résultats de qualité de service.');
      expect($$(el, 'section')).to.have.length(0);
      expect($(el, '.feedback a')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('unknown structure (404): names the code, no retry, tells the host page', async () => {
      fakeFetch(() => problem(404, { detail: 'Aucune structure' }));
      const el = document.createElement('spp-results');
      el.structure = 'NOPE-1';
      el.api = 'https://api.test';
      const error = oneEvent(el, 'spp-error');
      await fixture(html`<div>${el}</div>`);
      expect((await error).detail).to.include({ kind: 'http', status: 404 });
      await failed(el);
      expect(text($(el, '[role="alert"]'))).to.contain('« NOPE-1 »');
      expect($(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('no structure attribute: tells the webmaster what to add, without calling the API', async () => {
      const calls = fakeFetch(() => json(LOADED));
      const el = await fixture<SppResults>(html`<spp-results api="https://api.test"></spp-results>`);
      await failed(el);
      expect(text($(el, '[role="alert"]'))).to.contain('attribut structure');
      expect(calls).to.have.length(0);
    });

    it('API down: a message and a retry button that recovers, focus moving to the results', async () => {
      let down = true;
      const calls = fakeFetch(() => (down ? offline() : json(LOADED)));
      const el = await fixture<SppResults>(html`<spp-results structure="PREF-69" api="https://api.test"></spp-results>`);
      await failed(el);
      expect(calls.length, 'the client retried before giving up').to.equal(3);
      expect(text($(el, '[role="alert"] p'))).to.contain('ne peuvent pas être affichés pour le moment');
      await expect(el).to.be.accessible();
      down = false;
      const retry = $(el, '[role="alert"] button')!;
      expect(text(retry)).to.equal('Réessayer');
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await loaded(el);
      await waitUntil(() => shadow(el).activeElement?.id === 'title', 'focus did not move to the results');
    });

    it('a 500 shows the error; retry recovers once the server is back', async () => {
      let status = 500;
      fakeFetch(() => (status === 500 ? problem(500) : json(LOADED)));
      const el = await fixture<SppResults>(html`<spp-results structure="PREF-69" api="https://api.test"></spp-results>`);
      await failed(el);
      status = 200;
      $(el, '[role="alert"] button')!.click();
      await loaded(el);
      expect($$(el, '.indicator')).to.have.length(7);
    });

    it('429: says there are too many requests and when to try again', async () => {
      fakeFetch(() => problem(429, {}, { 'Retry-After': '0' }));
      const el = await fixture<SppResults>(html`<spp-results structure="PREF-69" api="https://api.test"></spp-results>`);
      await failed(el);
      expect(text($(el, '[role="alert"] p'))).to.equal('Trop de demandes en ce moment. Réessayez dans 1 seconde.');
      expect($(el, '[role="alert"] button')).to.exist;
    });

    it('a malformed response is an error, never half rendered', async () => {
      const broken = { ...LOADED, indicators: [{ ...CALLS, points: [{ ...CALLS.points[0], value: 'beaucoup' }] }] };
      fakeFetch(() => json(broken));
      const el = await fixture<SppResults>(html`<spp-results structure="PREF-69" api="https://api.test"></spp-results>`);
      const error = await oneEvent(el, 'spp-error');
      expect(error.detail.kind).to.equal('malformed');
      await failed(el);
      expect(text($(el, '[role="alert"] p'))).to.contain('illisibles');
      expect($(el, 'article')).to.equal(null);
      expect($(el, '.indicator')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('HTML instead of JSON (a proxy error page) is treated as malformed too', async () => {
      fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
      const el = await fixture<SppResults>(html`<spp-results structure="PREF-69" api="https://api.test"></spp-results>`);
      await failed(el);
      expect(text($(el, '[role="alert"] p'))).to.contain('illisibles');
    });
  });

  describe('history chart and table', () => {
    it('the table shows the same values as the chart, with caption and headers, and toggles by keyboard', async () => {
      const el = await mount();
      const { chart } = await showChart(el);
      const toggle = $(el, 'button[aria-controls="data"]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '#data')!.hidden).to.equal(true);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, 'table'));
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(text(toggle)).to.equal('Masquer les données');
      expect(text($(el, 'caption'))).to.equal('Appels décrochés par un agent : résultats par période (objectif : 85,0 %)');
      expect($$(el, 'thead th').map(text)).to.deep.equal(['Période', 'Notre résultat', 'Moyenne du réseau']);
      const rows = $$(el, 'tbody tr');
      expect(rows).to.have.length(chart.data.labels!.length);
      const values = rows.map((row) => Number(text(row.querySelector('td')).replace(' %', '').replace(',', '.')));
      // The table rounds to the one decimal of percentages; the chart keeps the published value.
      expect(values).to.deep.equal(chart.data.datasets[0]!.data.map((v) => Math.round(Number(v) * 10) / 10));
      expect(rows.map((row) => row.querySelector('th')!.getAttribute('scope'))).to.deep.equal(rows.map(() => 'row'));
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect($(el, '#data')!.hidden).to.equal(true);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    });

    it('the picker switches the chart and the table to another indicator', async () => {
      const el = await mount();
      const { chart, canvas } = await showChart(el);
      $(el, 'button[aria-controls="data"]')!.click();
      const select = (await until(() => $(el, 'select'), 'no picker')) as HTMLSelectElement;
      expect(text(shadow(el).querySelector('label[for="indicator"]'))).to.equal('Indicateur');
      select.value = SATISFIED.code;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(chart.data.datasets[0]!.data).to.deep.equal(SATISFIED.points.map((p) => p.value));
      expect(canvas.getAttribute('aria-label')).to.contain('Usagers satisfaits');
      await waitUntil(() => text($(el, 'caption')).startsWith('Usagers satisfaits'));
      expect($$(el, 'thead th').map(text)).to.contain('Nombre de réponses');
    });

    it('writes "Non mesuré" on the chart where a period has no value, and nothing of the kind when none is missing', async () => {
      const drawn: string[] = [];
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
        drawn.push(text);
        return fillText.call(this, text, x, y, maxWidth);
      };
      try {
        const gap = { ...CALLS, points: CALLS.points.map((p, i) => (i === 2 ? { ...p, value: null } : p)) };
        const el = await mount(undefined, { ...LOADED, indicators: [gap, ...LOADED.indicators.slice(1)] });
        const { chart } = await showChart(el);
        expect(chart.data.datasets[0]!.data[2]).to.equal(null);
        await waitUntil(() => drawn.includes('Non mesuré'), 'no word drawn in the gap', { timeout: 3000 });
        el.remove();
        drawn.length = 0;
        const full = await mount();
        await showChart(full);
        await waitUntil(() => drawn.length > 0, 'nothing drawn');
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(drawn).not.to.include('Non mesuré');
      } finally {
        CanvasRenderingContext2D.prototype.fillText = fillText;
      }
    });

    it('colours come from the theme tokens and follow the theme', async () => {
      const el = await mount();
      const { chart } = await showChart(el);
      expect(chart.data.datasets[0]!.borderColor).to.equal('#000091');
      el.theme = 'neutral';
      await el.updateComplete;
      expect(chart.data.datasets[0]!.borderColor).to.equal('#2d4a66');
    });

    it('is destroyed when the element leaves the page, and drawn again when it comes back', async () => {
      const el = await mount();
      const { canvas, Chart } = await showChart(el);
      const parent = el.parentElement!;
      el.remove();
      expect(Chart.getChart(canvas)).to.equal(undefined);
      parent.append(el);
      await waitUntil(() => Chart.getChart($(el, 'canvas') as HTMLCanvasElement), 'chart not drawn again');
    });

    it('resizes with its container, shrinking as well as growing', async () => {
      const el = await mount();
      const wrapper = el.parentElement!;
      wrapper.style.width = '700px';
      const { canvas } = await showChart(el);
      await waitUntil(() => canvas.getBoundingClientRect().width > 600, 'did not fill 700 px');
      wrapper.style.width = '320px';
      await waitUntil(() => canvas.getBoundingClientRect().width <= 320 - 2, 'did not shrink to 320 px', { timeout: 3000 });
      expect(el.scrollWidth).to.be.at.most(320);
    });

    it('follows a switch to dark mode', async () => {
      const el = await mount();
      const { chart } = await showChart(el);
      await emulateMedia({ colorScheme: 'dark' });
      await waitUntil(() => chart.data.datasets[0]!.borderColor === '#8585f6', 'not recoloured for dark mode');
    });

    it('writes no style attribute (blocked by a strict CSP); only chart.js sizes its canvas, through the CSSOM', async () => {
      const el = await mount();
      await showChart(el);
      expect($$(el, '[style]').map((node) => node.localName)).to.deep.equal(['canvas']);
    });

    it('does not animate under prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await mount();
      const { chart } = await showChart(el);
      expect(chart.options.animation).to.equal(false);
    });

    it('animates otherwise', async () => {
      const el = await mount();
      const { chart } = await showChart(el);
      expect(chart.options.animation).to.not.equal(false);
    });

    it('draws a long list a few cards per frame, each frame laid out before the next cards, then says it is loaded', async () => {
      serve(large());
      const el = document.createElement('spp-results');
      el.setAttribute('structure', 'PREF-69');
      el.setAttribute('api', 'https://api.test');
      const loadedEvents: number[] = [];
      el.addEventListener('spp-results-loaded', () => loadedEvents.push($$(el, 'li.indicator').length));
      document.body.append(el);
      try {
        // Count the cards at every frame from the start until all 12 are there.
        const counts: number[] = [];
        while (!counts.length || counts.at(-1)! < 12) {
          await new Promise(requestAnimationFrame);
          counts.push($$(el, 'li.indicator').length);
          if (counts.length > 600) throw new Error(`never finished: ${counts.join(',')}`);
        }
        const perFrame = counts.slice(counts.findIndex((n) => n > 0));
        expect(perFrame[0], `cards in the first frame: ${perFrame.join(',')}`).to.be.at.most(2);
        const steps = perFrame.map((n, i) => n - (perFrame[i - 1] ?? 0)).slice(1);
        expect(Math.max(...steps), `cards added per frame: ${perFrame.join(',')}`).to.be.at.most(2);
        expect($(el, '.history'), 'the history waits for the last card').to.exist;
        await el.updateComplete;
        expect(loadedEvents).to.deep.equal([12]);
      } finally {
        el.remove();
      }
    });

    it('renders 12 indicators x 24 periods with one chart and a one-indicator table', async () => {
      const el = await mount(undefined, large());
      expect($$(el, '.indicator')).to.have.length(12);
      await showChart(el);
      expect($$(el, 'canvas')).to.have.length(1);
      $(el, 'button[aria-controls="data"]')!.click();
      await waitUntil(() => $(el, 'table'));
      expect($$(el, 'tbody tr')).to.have.length(24);
    });
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" network-href="/r" feedback-href="/a"></spp-results>`);
    await showChart(el);
    $(el, 'button[aria-controls="data"]')!.click();
    await waitUntil(() => $(el, 'table'));
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const node of $$(el, '.indicator, .history, header, .table')) expect(node.getBoundingClientRect().right, node.className).to.be.at.most(320);
  });

  describe('print and poster', () => {
    it('loads the QR code only when printing, pointing at results-url, as an image with a text alternative', async () => {
      const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" results-url="https://example.org/resultats"></spp-results>`);
      await delay(100);
      // (first of the print tests: nothing has printed in this page yet)
      expect(requested(QR_CHUNK), 'QR code loaded before printing').to.equal(false);
      expect($(el, '.qr svg')).to.equal(null);
      expect(getComputedStyle($(el, '.qr')!).display, 'the poster part is hidden on screen').to.equal('none');
      await emulateMedia({ media: 'print' });
      const svg = await until(() => $(el, '.qr svg'), 'no QR code when printing');
      const qr = $(el, '.qr')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')).to.equal('Code QR vers nos résultats en ligne');
      expect(svg.querySelector('path')!.getAttribute('d')).to.match(/^M\d+ \d+h\d+v1h-\d+z/);
      expect(text(qr.querySelector('figcaption'))).to.contain('https://example.org/resultats');
      expect(getComputedStyle(qr).display).to.equal('flex');
      expect(getComputedStyle($(el, '.history')!).display, 'no chart on paper').to.equal('none');
      await expect(el).to.be.accessible();
    });

    it('prints the address of the online results even before the QR code module has arrived', async () => {
      const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" results-url="https://example.org/r"></spp-results>`);
      await emulateMedia({ media: 'print' });
      // same task as the switch to print: the QR code cannot be there yet, its address in words is
      expect(getComputedStyle($(el, '.qr')!).display).to.equal('flex');
      expect(text($(el, '.qr figcaption'))).to.equal('Nos résultats à jour, en ligne : https://example.org/r');
    });

    it('poster shows the printed layout on screen, with the page URL when no results-url is given', async () => {
      const el = await mount(html`<spp-results structure="PREF-69" api="https://api.test" poster></spp-results>`);
      await until(() => $(el, '.qr svg'), 'no QR code on the poster');
      const qr = $(el, '.qr')!;
      expect(text(qr.querySelector('figcaption'))).to.contain(location.href.split('#')[0]);
      expect($(el, '.root')!.classList.contains('poster')).to.equal(true);
      expect(getComputedStyle($(el, 'details')!).display).to.equal('none');
      await expect(el).to.be.accessible();
    });
  });

  describe('the real API (demo data)', () => {
    it('shows a seeded prefecture with both sections', async () => {
      const el = await fixture<SppResults>(html`<spp-results structure="PREF-69" api=${await realApi()}></spp-results>`);
      await loaded(el);
      expect($$(el, 'section[part="section"] h3').map(text)).to.deep.equal(['Qualité rendue', 'Qualité perçue']);
      expect($$(el, '[part~="badge"]').length).to.be.greaterThan(0);
    });

    it('GEND-BRIOUDE is stale, MAIRIE-ST-EXEMPLE has no results, an unknown code is a 404', async () => {
      const api = await realApi();
      const stale = await fixture<SppResults>(html`<spp-results structure="GEND-BRIOUDE" api=${api}></spp-results>`);
      await loaded(stale);
      expect($(stale, '[part="warning"]')).to.exist;
      const empty = await fixture<SppResults>(html`<spp-results structure="MAIRIE-ST-EXEMPLE" api=${api}></spp-results>`);
      await loaded(empty);
      expect($(empty, '.empty')).to.exist;
      const unknown = await fixture<SppResults>(html`<spp-results structure="NOPE-404" api=${api}></spp-results>`);
      await failed(unknown);
      expect(text($(unknown, '[role="alert"]'))).to.contain('NOPE-404');
    });
  });

  it('fixtures match the API contract', () => {
    for (const body of [LOADED, EMPTY, staleResults(), large()]) expect(() => ResultsResponse.parse(body)).not.to.throw();
    expect([REPLY, LICENCE, SCORE, NET].every((i) => i.points.length > 1)).to.equal(true);
  });
});
