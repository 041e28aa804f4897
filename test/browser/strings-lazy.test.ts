import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/testimonies/testimonies.js';
import '../../src/elements/improvements/improvements.js';

/**
 * English strings are a download of their own (`lazyStrings`, src/internal/i18n.ts): a French element never asks
 * for them; an English one shows English once they are here, never French first. No `structure`: the element
 * answers with its own words at once, without the API.
 */
const downloaded = (name: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(name));
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('strings: French in the bundle, English downloaded only when spoken', () => {
  it('French elements never download an English table', async () => {
    const testimonies = await fixture(html`<spp-testimonies lang="fr"></spp-testimonies>`);
    const improvements = await fixture(html`<spp-improvements lang="fr"></spp-improvements>`);
    await waitUntil(() => text(testimonies).includes('Aucun service indiqué') && text(improvements).includes('Aucun service indiqué'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(downloaded('.strings.en'), 'an English table was downloaded by a French page').to.equal(false);
    expect(downloaded('labels.en')).to.equal(false);
  });

  for (const [tag, table] of [
    ['spp-testimonies', 'testimonies.strings.en'],
    ['spp-improvements', 'improvements.strings.en'],
  ] as const) {
    it(`<${tag} lang="en"> downloads ${table} and shows English, with no French before`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement(tag);
      el.setAttribute('lang', 'en');
      const seen: string[] = [];
      const watch = new MutationObserver(() => seen.push(text(el)));
      host.append(el);
      watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      await waitUntil(() => text(el).includes('No service given'), 'English never showed');
      watch.disconnect();
      expect(downloaded(table)).to.equal(true);
      expect(seen.filter((t) => t.includes('Aucun'))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
