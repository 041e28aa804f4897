import '../helpers/browser.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SppTestimonyForm } from '../../src/elements/testimony-form/testimony-form.js';
import { API, fakeApi, posts, settle, STORY, stepTitle, text } from '../helpers/testimony-form.js';

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

/** Presses Tab until the focused control inside the form matches, as a keyboard user would. */
async function tabTo(el: SppTestimonyForm, matches: (active: HTMLElement) => boolean, what: string): Promise<HTMLElement> {
  for (let i = 0; i < 30; i++) {
    await sendKeys({ press: 'Tab' });
    const active = el.shadowRoot!.activeElement as HTMLElement | null;
    if (active && matches(active)) return active;
  }
  throw new Error(`Tab never reached ${what}`);
}
const labelled = (el: SppTestimonyForm, text: string) => (active: HTMLElement) =>
  !!active.id && el.shadowRoot!.querySelector(`label[for="${active.id}"]`)?.textContent?.includes(text) === true;
const buttonNamed = (name: string) => (active: HTMLElement) => active.tagName === 'BUTTON' && active.textContent!.trim() === name;

describe('<spp-testimony-form>: keyboard only', () => {
  it('can be completed and sent with the keyboard alone, the structure found with the search', async () => {
    const calls = fakeApi();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="before">Avant le formulaire</button>
      <spp-testimony-form api=${API}></spp-testimony-form>
    </div>`);
    const el = wrapper.querySelector('spp-testimony-form')!;
    await settle(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

    // Step 1: the radio group is one Tab stop; arrows choose.
    await tabTo(el, (a) => a.getAttribute('name') === 'feeling', 'the feeling');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value=negative]')!.checked).to.equal(true);
    await sendKeys({ press: 'Enter' }); // submits the step from the radio
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 2 sur 6');

    // Step 2: search, arrows, Enter.
    await tabTo(el, (a) => a.getAttribute('role') === 'combobox', 'the search');
    await sendKeys({ type: 'lyon' });
    await new Promise((r) => setTimeout(r, 400));
    await settle(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text(el, '.chosen')).to.contain('CPAM de la Gironde');
    await tabTo(el, buttonNamed('Continuer'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 3 sur 6');

    // Step 3: a checkbox with Space, its feeling with the arrows.
    await tabTo(el, labelled(el, 'Téléphone'), 'the phone channel');
    await sendKeys({ press: 'Space' });
    await settle(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    await tabTo(el, buttonNamed('Continuer'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 4 sur 6');

    // Step 4: typed text.
    await tabTo(el, labelled(el, 'Titre de votre témoignage'), 'the title');
    await sendKeys({ type: 'Attente au téléphone' });
    await tabTo(el, labelled(el, 'Racontez votre expérience'), 'the story');
    await sendKeys({ type: STORY });
    await tabTo(el, buttonNamed('Continuer'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 5 sur 6');

    // Step 5: nothing required beyond the default; continue.
    await tabTo(el, buttonNamed('Continuer'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 6 sur 6');

    // Step 6: send.
    await tabTo(el, buttonNamed('Envoyer mon témoignage'), 'Send');
    const submitted = oneEvent(el, 'spp-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    const [post] = posts(calls);
    expect(posts(calls)).to.have.length(1);
    expect(post!.body).to.deep.include({
      feeling: 'negative',
      structures: ['CPAM-33'],
      channels: [{ channel: 'phone', feeling: 'positive' }],
      title: 'Attente au téléphone',
      body: STORY,
      postedAs: 'user',
    });
    await settle(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('result-title');
  });

  it('reaches an error from the summary with the keyboard', async () => {
    fakeApi();
    const el = await fixture<SppTestimonyForm>(html`<spp-testimony-form structure="CAF-69" api=${API}></spp-testimony-form>`);
    await settle(el);
    await tabTo(el, buttonNamed('Continuer'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('error-summary');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('feeling');
  });
});
