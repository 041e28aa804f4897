import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { delay, fakeFetch, realApi } from '../helpers/browser.js';
import { elementMarkup, elementSpecs } from '../helpers/elements.js';
import { hostPageBody } from '../helpers/host-page-html.js';
import { ELEMENT_LOADERS } from '../../src/elements/catalog.js';

/*
 * DESIGN.md budget: layout shift caused by a widget = 0. Here each element loads CAF-69's data from the real API
 * on a phone-sized screen, each answer 300 ms late (a slow network).
 *
 * First, as on the bench's pages: in the middle of a host page's text, with the `:not(:defined)` reservation its
 * docs give (`test/helpers/elements.ts`), the element's module loaded only once that page has painted. A loading
 * state of another height than the reservation, or data that make the element taller than the reserved space
 * while the text below it is on screen, move that text; data inserted among content already shown moves the
 * content below it.
 *
 * Then alone at the top of the page: nothing of the page follows it, so the only layout shifts possible are of
 * the element's own content, which a reader sees jump (buttons pushed down by a notice growing a line, a heading
 * moved by a skeleton of another size).
 *
 * The module of each element is imported by the first describe, after its page is in place: the upgrade is part
 * of what is measured.
 */

interface Shift {
  value: number;
  at: number;
}

/** Layout shifts from now on (no user input: the tests do not touch the page). */
function watchShifts(): { shifts: Shift[]; stop(): void } {
  const shifts: Shift[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) shifts.push({ value: entry.value, at: Math.round(entry.startTime) });
    }
  });
  observer.observe({ type: 'layout-shift' });
  return { shifts, stop: () => observer.disconnect() };
}

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const notBusy = (el: HTMLElement) => !root(el).querySelector('[aria-busy="true"]');

const cases: [string, string, (el: HTMLElement) => boolean][] = [
  // The 9 engagements, with CAF-69's local commitments under engagements 2 and 3.
  ['spp-engagements', 'its local commitments arrive', (el) => root(el).querySelectorAll('[part="commitment"]').length === 2],
  // The notice names the service, its phone and site once they are fetched: a line more than the general advice.
  ['spp-testimony-form', 'the service’s contact arrives', (el) => text(el).includes('CAF du Rhône')],
  ['spp-testimonies', 'its testimonies arrive', (el) => notBusy(el) && root(el).querySelectorAll('[part~="item"], li').length > 0],
  ['spp-improvements', 'its plan arrives', (el) => notBusy(el) && root(el).querySelectorAll('[part="item"]').length > 0],
  ['spp-results', 'its results arrive', (el) => notBusy(el) && text(el).includes('Appels décrochés par un agent')],
];

/** Answers of the real API, each 300 ms late. */
async function slowRealApi(): Promise<string> {
  const api = await realApi();
  const network = window.fetch.bind(window);
  fakeFetch(async (call) => {
    await delay(300);
    return network(call.url, { method: call.method, headers: call.headers });
  });
  return api;
}

describe('layout shift of a host page while an element loads (its documented reservation in place)', () => {
  before(async () => {
    await setViewport({ width: 412, height: 823 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const [tag, when, loaded] of cases) {
    it(`<${tag}>: neither the page nor the element moves when ${when}`, async () => {
      const spec = elementSpecs().find((s) => s.tag === tag)!;
      expect(customElements.get(tag), 'the module is not loaded yet').to.equal(undefined);
      const api = await slowRealApi();
      localStorage.clear();
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.innerHTML = `<style>${spec.reserve ?? ''}</style>${hostPageBody(elementMarkup(spec, { api }))}`;
      const el = wrapper.querySelector<HTMLElement>(tag)!;
      // The page painted with the reservation, as before the script arrives.
      await nextFrame();
      await nextFrame();
      const watch = watchShifts();
      try {
        await ELEMENT_LOADERS[tag]!();
        await waitUntil(() => el.shadowRoot && loaded(el), `${tag} never showed its data`, { timeout: 5000 });
        await delay(500);
        expect(watch.shifts, `layout shifts around and inside <${tag}>`).to.deep.equal([]);
      } finally {
        watch.stop();
      }
    });
  }
});

describe('layout shift while an element loads its data', () => {
  before(async () => {
    await setViewport({ width: 412, height: 823 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  // Not the banner: alone at the top of the page, Chromium reported no shift when the commitments of the code
  // before the fix were inserted under engagements 2 and 3; in the host page above it did (the bench's 0.049).
  for (const [tag, when, loaded] of cases.filter(([tag]) => tag !== 'spp-engagements')) {
    it(`<${tag}>: nothing it shows moves when ${when}`, async () => {
      await ELEMENT_LOADERS[tag]!();
      const api = await slowRealApi();
      localStorage.clear();
      const watch = watchShifts();
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = document.createElement(tag);
        el.setAttribute('structure', 'CAF-69');
        el.setAttribute('api', api);
        wrapper.append(el);
        await waitUntil(() => el.shadowRoot && loaded(el), `${tag} never showed its data`, { timeout: 5000 });
        // Late work (a second batch of cards, a chunk, fonts) gets its frames too.
        await delay(500);
        expect(watch.shifts, `layout shifts of <${tag}>'s content`).to.deep.equal([]);
      } finally {
        watch.stop();
      }
    });
  }
});
