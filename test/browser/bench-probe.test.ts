import { expect, fixture, html } from '@open-wc/testing';
import { probeFunction } from '../helpers/elements.js';

/*
 * The probes of test/helpers/elements.ts decide when an element "shows its content": the bench times the first frame
 * where its probe holds, the resilience tests wait for it. `text` must be what a reader can meet: a fragment's state
 * block (JSON in a `<script>`), its styles, and its no-JS tables (raw text in `<noscript>` while scripting runs) are
 * not content on screen, and reading them in every frame made the bench's own work heavier on a fragment's page than
 * on its static twin.
 */

const probe = (expression: string) => new Function(`return ${probeFunction(expression)}`)() as (el: Element) => boolean;
const sees = (phrase: string) => probe(`!!root && text.includes(${JSON.stringify(phrase)})`);

async function hostWith(shadowMarkup: string): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<div></div>`);
  el.attachShadow({ mode: 'open' }).innerHTML = shadowMarkup;
  return el;
}

describe('bench and resilience probes: the text of a shadow root', () => {
  it('holds once the phrase is in the shadow root as text, its whitespace collapsed', async () => {
    const el = await hostWith('<section><h3>Appels\n   décrochés</h3> <p>par un <b>agent</b></p></section>');
    expect(sees('Appels décrochés par un agent')(el)).to.equal(true);
    expect(sees('Usagers satisfaits')(el)).to.equal(false);
  });

  it('does not hold on text only a state block, a style or a noscript carries', async () => {
    const el = await hostWith(
      '<style>/* Appels décrochés par un agent */</style>' +
        '<script type="application/json" data-spp-state>{"label":"Appels décrochés par un agent"}</script>' +
        '<noscript><table><caption>Appels décrochés par un agent</caption></table></noscript>' +
        '<p>Nos résultats</p>',
    );
    expect(sees('Appels décrochés par un agent')(el)).to.equal(false);
    expect(sees('Nos résultats')(el)).to.equal(true);
  });

  it('is false before the element has a shadow root', async () => {
    const el = await fixture<HTMLElement>(html`<div>Appels décrochés par un agent</div>`);
    expect(sees('Appels décrochés par un agent')(el)).to.equal(false);
  });
});
