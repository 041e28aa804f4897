import '../helpers/browser.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, fakeFetch, json, problem } from '../helpers/browser.js';
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
  const track = async (answer: () => Response, attrs = html`<spp-testimony-form mode="tracking" reference="SPP-7K3F-9QXM" token=${TOKEN} api=${API}></spp-testimony-form>`) => {
    const calls = fakeFetch(answer);
    const el = await mount(attrs);
    await settle(el);
    return { el, calls };
  };

  it('shows a testimony in moderation, asking the API with the private token', async () => {
    const { el, calls } = await track(() => json(tracking()));
    expect(calls).to.have.length(1);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).to.equal('/api/v1/testimonies/SPP-7K3F-9QXM');
    expect(url.searchParams.get('token')).to.equal(TOKEN);
    expect(text(el, '[part=status]')).to.contain('En cours de relecture');
    expect(text(el, '[part=tracking]')).to.contain('« Attente au téléphone »');
    expect(text(el, '[part=tracking]')).to.contain('Envoyé le 2 mars 2026');
    await expect(el).to.be.accessible();
  });

  it('shows a published testimony without a reply yet', async () => {
    const { el } = await track(() => json(tracking({ status: 'published', publishedAt: '2026-03-05T09:00:00.000Z' })));
    expect(text(el, '[part=status]')).to.equal('✓ Publié Votre témoignage est publié depuis le 5 mars 2026. Le service n’a pas encore répondu.');
  });

  it('shows the service’s replies as text, with their sign-off', async () => {
    const reply = {
      structure: { code: 'CAF-69', name: 'CAF du Rhône' },
      body: 'Merci pour votre retour. <b>Nous avons</b> renforcé l’accueil téléphonique le matin.',
      signature: 'L’équipe accueil de la CAF du Rhône',
      createdAt: '2026-03-10T14:00:00.000Z',
    };
    const { el } = await track(() => json(tracking({ status: 'answered', publishedAt: '2026-03-05T09:00:00.000Z', replies: [reply] })));
    expect(text(el, '[part=status]')).to.contain('Publié, avec une réponse');
    expect(text(el, '.reply')).to.contain('Réponse de CAF du Rhône, le 10 mars 2026');
    expect(text(el, '.reply')).to.contain('<b>Nous avons</b> renforcé');
    expect($$(el, '.reply b')).to.have.length(0, 'rendered as text, never as HTML');
    expect(text(el, '.signature')).to.equal('L’équipe accueil de la CAF du Rhône');
    await expect(el).to.be.accessible();
  });

  it('gives the reason of a rejection in words', async () => {
    const { el } = await track(() => json(tracking({ status: 'rejected', rejectionReason: 'individual_complaint' })));
    expect(text(el, '[part=status]')).to.equal(
      '✕ Non publié Votre témoignage n’a pas été publié : il s’agissait d’une réclamation individuelle, à adresser directement au service.',
    );
  });

  it('reads the token from the link’s fragment when no attribute gives it', async () => {
    const before = location.href;
    history.replaceState(null, '', `#token=${TOKEN}`);
    try {
      const { calls } = await track(() => json(tracking()), html`<spp-testimony-form mode="tracking" reference="SPP-7K3F-9QXM" api=${API}></spp-testimony-form>`);
      expect(new URL(calls[0]!.url).searchParams.get('token')).to.equal(TOKEN);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('says the link is incomplete without asking the API', async () => {
    const { el, calls } = await track(() => json(tracking()), html`<spp-testimony-form mode="tracking" reference="SPP-7K3F-9QXM" api=${API}></spp-testimony-form>`);
    expect(calls).to.have.length(0);
    expect(text(el, '[part=tracking]')).to.contain('Ce lien de suivi est incomplet.');
  });

  it('says when the link matches nothing (wrong token)', async () => {
    const { el } = await track(() => problem(404));
    expect(text(el, '[part=tracking]')).to.contain('Aucun témoignage ne correspond à ce lien.');
  });

  it('says when the status cannot be loaded, and tries again on request', async () => {
    let down = true;
    const { el } = await track(() => (down ? problem(503) : json(tracking())));
    await delay(2500); // the client's own retries
    await settle(el);
    expect(text(el, '[part=tracking]')).to.contain('Le suivi n’a pas pu être chargé.');
    down = false;
    button(el, 'Réessayer').click();
    await delay(50);
    await settle(el);
    expect(text(el, '[part=status]')).to.contain('En cours de relecture');
  });

  it('speaks English', async () => {
    const { el } = await track(
      () => json(tracking({ status: 'rejected', rejectionReason: 'personal_data' })),
      html`<spp-testimony-form mode="tracking" reference="SPP-7K3F-9QXM" token=${TOKEN} api=${API} lang="en"></spp-testimony-form>`,
    );
    expect(text(el, '[part=status]')).to.contain('Your testimony was not published: it contained personal data.');
    expect(($(el, '.root') as HTMLElement).lang).to.equal('en');
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
