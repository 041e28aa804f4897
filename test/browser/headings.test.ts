import '../helpers/browser.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { realApi } from '../helpers/browser.js';
import '../../src/elements/engagements/engagements.js';
import '../../src/elements/improvements/improvements.js';
import '../../src/elements/results/results.js';
import '../../src/elements/testimonies/testimonies.js';
import '../../src/elements/testimony-form/testimony-form.js';

/**
 * Every element follows one rule for its headings: `heading-level` when set; else one level below the nearest
 * heading before it on the page; else level 2.
 */
const ELEMENTS: [tag: string, attributes: string][] = [
  ['spp-engagements', 'structure="CAF-69"'],
  ['spp-improvements', 'structure="CAF-69-VLB"'],
  ['spp-results', 'structure="PREF-69"'],
  ['spp-testimonies', 'structure="CAF-69"'],
  ['spp-testimony-form', 'structure="CAF-69"'],
];

/** The level of the element's first heading, as assistive tech reads it (aria-level, else the tag). */
function firstHeadingLevel(el: Element): number | undefined {
  const heading = el.shadowRoot?.querySelector('h1,h2,h3,h4,h5,h6,[role="heading"]');
  if (!heading) return undefined;
  return Number(heading.getAttribute('aria-level')) || Number(heading.tagName.slice(1));
}

async function mount(tag: string, attributes: string, before: string): Promise<{ page: HTMLElement; el: Element }> {
  const api = await realApi();
  const page = await fixture<HTMLElement>(`<div>${before}<${tag} ${attributes} api="${api}"></${tag}></div>`);
  const el = page.querySelector(tag)!;
  await waitUntil(() => firstHeadingLevel(el) !== undefined, `${tag} shows a heading`, { timeout: 10_000 });
  return { page, el };
}

describe('headings: one rule for every element', () => {
  for (const [tag, attributes] of ELEMENTS) {
    describe(`<${tag}>`, () => {
      it('level 2 under the page’s <h1>, with no heading-order problem', async () => {
        const { page, el } = await mount(tag, attributes, '<h1>Ma mairie</h1>');
        expect(firstHeadingLevel(el)).to.equal(2);
        await expect(page).to.be.accessible({ ignoredRules: ['region'] });
      });

      it('one level below the nearest heading above it', async () => {
        const { el } = await mount(tag, attributes, '<h1>Ma mairie</h1><h2>Services</h2><section><h3>Accueil</h3><p>Texte</p></section>');
        expect(firstHeadingLevel(el)).to.equal(4);
      });

      it('a role="heading" above counts too', async () => {
        const { el } = await mount(tag, attributes, '<h1>Ma mairie</h1><div role="heading" aria-level="2">Vos avis</div>');
        expect(firstHeadingLevel(el)).to.equal(3);
      });

      it('level 2 with no heading above', async () => {
        const { el } = await mount(tag, attributes, '<p>Pas de titre</p>');
        expect(firstHeadingLevel(el)).to.equal(2);
      });

      it('heading-level, when set, wins', async () => {
        const { el } = await mount(tag, `${attributes} heading-level="3"`, '<h1>Ma mairie</h1>');
        expect(firstHeadingLevel(el)).to.equal(3);
      });
    });
  }
});
