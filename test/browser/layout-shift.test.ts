import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { delay, fakeFetch, realApi } from '../helpers/browser.js';
import '../../src/elements/improvements/improvements.js';
import '../../src/elements/results/results.js';
import '../../src/elements/testimonies/testimonies.js';
import '../../src/elements/testimony-form/testimony-form.js';

/*
 * DESIGN.md budget: layout shift caused by a widget = 0. Here each element loads CAF-69's data from the real API
 * on a phone-sized screen, each answer 300 ms late (a slow network), alone at the top of the page: nothing of the page follows it, so the only layout
 * shifts possible are of the element's own content, which a reader sees jump (buttons pushed down by a notice
 * growing a line, a heading moved by a skeleton of another size). The engagements banner's commitments are
 * covered in its own file (the first list shown already holds them). Growth of the element itself
 * against the page is what the host page's `:not(:defined)` reservation and `npm run bench -- render` cover.
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
  // The notice names the service, its phone and site once they are fetched: a line more than the general advice.
  ['spp-testimony-form', 'the service’s contact arrives', (el) => text(el).includes('CAF du Rhône')],
  ['spp-testimonies', 'its testimonies arrive', (el) => notBusy(el) && root(el).querySelectorAll('[part~="item"], li').length > 0],
  ['spp-improvements', 'its plan arrives', (el) => notBusy(el) && root(el).querySelectorAll('[part="item"]').length > 0],
  ['spp-results', 'its results arrive', (el) => notBusy(el) && text(el).includes('Appels décrochés par un agent')],
];

describe('layout shift while an element loads its data', () => {
  before(async () => {
    await setViewport({ width: 412, height: 823 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const [tag, when, loaded] of cases) {
    it(`<${tag}>: nothing it shows moves when ${when}`, async () => {
      const api = await realApi();
      localStorage.clear();
      const network = window.fetch.bind(window);
      fakeFetch(async (call) => {
        await delay(300);
        return network(call.url, { method: call.method, headers: call.headers });
      });
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
