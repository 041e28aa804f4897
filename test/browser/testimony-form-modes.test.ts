import '../helpers/browser.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeFetch, json } from '../helpers/browser.js';
import { $, $$, API, button, fakeApi, field, focused, mount, next, settle, stepTitle, text, tracking } from '../helpers/testimony-form.js';
import type { SppTestimonyForm } from '../../src/elements/testimony-form/testimony-form.js';

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

const TOKEN = 'tok_0123456789abcdefghijkl';

describe('<spp-testimony-form mode="floating">', () => {
  const floating = () => mount(html`<spp-testimony-form mode="floating" structure="CAF-69" api=${API}></spp-testimony-form>`);

  it('shows only a corner button of at least 44 px, fixed to the viewport, taking no room in the page', async () => {
    fakeApi();
    const el = await floating();
    const fab = $(el, '.fab');
    const box = fab.getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
    expect(getComputedStyle(fab).position).to.equal('fixed');
    expect(Math.round(window.innerHeight - box.bottom)).to.equal(16);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('opens a modal dialog with focus inside, keeps focus there, and Escape closes it with focus back on the button', async () => {
    fakeApi();
    const el = await floating();
    const fab = $<HTMLButtonElement>(el, '.fab');
    fab.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(fab.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)).to.equal('form-title');
    await expect(el).to.be.accessible();

    for (let i = 0; i < 15; i++) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot!.activeElement;
      expect(document.activeElement === el, 'focus stays in the element').to.equal(true);
      expect(!!active && dialog.contains(active), `tab ${i + 1} stays in the dialog`).to.equal(true);
    }

    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal('BUTTON');
    expect(el.shadowRoot!.activeElement === fab, 'focus back on the corner button').to.equal(true);
  });

  it('keeps what was typed when closed with its button, and the form works inside', async () => {
    fakeApi();
    const el = await floating();
    $<HTMLButtonElement>(el, '.fab').click();
    await settle(el);
    field(el, 'Neutre').click();
    await next(el);
    expect(stepTitle(el)).to.contain('Étape 2 sur 6');
    button(el, 'Fermer').click();
    await settle(el);
    expect(el.shadowRoot!.activeElement === $(el, '.fab'), 'focus back on the corner button').to.equal(true);
    $<HTMLButtonElement>(el, '.fab').click();
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 2 sur 6');
  });
});

describe('<spp-testimony-form mode="link">', () => {
  it('is only a link to the full-page form the API hosts, and fetches nothing', async () => {
    const calls = fakeFetch(() => json({}));
    const el = await mount(html`<spp-testimony-form mode="link" structure="CAF-69" api=${API}></spp-testimony-form>`);
    const link = $<HTMLAnchorElement>(el, 'a[part=link]');
    expect(link.href).to.equal(`${API}/form/CAF-69`);
    expect(link.textContent!.trim()).to.equal('Donner mon avis sur ce service');
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
    expect(calls).to.have.length(0);
    expect($$(el, 'form')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('links to the English page in English', async () => {
    fakeFetch(() => json({}));
    const el = await mount(html`<spp-testimony-form mode="link" structure="CAF-69" api=${API} lang="en"></spp-testimony-form>`);
    expect($<HTMLAnchorElement>(el, 'a[part=link]').href).to.equal(`${API}/form/CAF-69?lang=en`);
    expect(text(el, 'a')).to.equal('Give my opinion on this service');
  });
});

describe('<spp-testimony-form mode="tracking">', () => {
  it('shows <spp-testimony-tracking> with its reference, token, api, language and heading level', async () => {
    await import('../../src/elements/testimony-tracking/testimony-tracking.js');
    const calls = fakeFetch(() => json(tracking({ status: 'rejected', rejectionReason: 'personal_data' })));
    const el = await mount(
      html`<spp-testimony-form mode="tracking" reference="SPP-7K3F-9QXM" token=${TOKEN} api=${API} lang="en" heading-level="3"></spp-testimony-form>`,
    );
    const child = el.querySelector('spp-testimony-tracking')!;
    expect(child.slot).to.equal('tracking');
    expect(child.getAttribute('reference')).to.equal('SPP-7K3F-9QXM');
    expect(child.getAttribute('heading-level')).to.equal('3');
    expect($$(el, 'slot[name=tracking]')).to.have.length(1);
    await settle(el);
    await child.updateComplete;
    expect(calls).to.have.length(1);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).to.equal(`${API}/api/v1/testimonies/SPP-7K3F-9QXM`);
    expect(url.searchParams.get('token')).to.equal(TOKEN);
    expect(url.searchParams.get('lang')).to.equal('en');
    expect(child.shadowRoot!.textContent).to.contain('Your testimony was not published: it contained personal data.');
    expect(localStorage.length, 'no draft started').to.equal(0);
    await expect(el).to.be.accessible();

    el.reference = 'SPP-AAAA-BBBB';
    await settle(el);
    expect(child.getAttribute('reference'), 'a new reference is handed on').to.equal('SPP-AAAA-BBBB');
    expect(el.querySelectorAll('spp-testimony-tracking')).to.have.length(1);
  });
});

describe('<spp-testimony-form>: theme and host styling', () => {
  it('takes the neutral theme and the host’s --spp-* properties', async () => {
    fakeApi();
    const el: SppTestimonyForm = await mount(html`<spp-testimony-form structure="CAF-69" api=${API} theme="neutral" style="--spp-color-primary: rgb(1, 2, 3)"></spp-testimony-form>`);
    const primary = $(el, 'button[part=button]');
    expect(getComputedStyle(primary).backgroundColor).to.equal('rgb(1, 2, 3)');
    await expect(el).to.be.accessible();
  });
});
