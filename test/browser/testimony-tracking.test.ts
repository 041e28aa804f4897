import '../helpers/browser.js';
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, fakeFetch, json, problem, watchIntlFormatters, type FakeHandler } from '../helpers/browser.js';
import { tracking } from '../helpers/tracking.js';
import type { SppErrorDetail } from '../../src/internal/events.js';
import type { SppTestimonyTracking } from '../../src/elements/testimony-tracking/testimony-tracking.js';
import '../../src/elements/testimony-tracking/testimony-tracking.js';

const API = 'https://api.example.test';
const TOKEN = 'tok_0123456789abcdefghijkl';

const REPLY = {
  structure: { code: 'CAF-69', name: 'CAF du Rhône' },
  body: 'Merci pour votre retour. <b>Nous avons</b> renforcé l’accueil téléphonique le matin.',
  signature: 'L’équipe accueil de la CAF du Rhône',
  createdAt: '2026-03-10T14:00:00.000Z',
};

async function settle(el: HTMLElement & { updateComplete: Promise<boolean> }, ms = 30): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await delay(ms);
    await el.updateComplete;
    await nextFrame();
  }
}

const text = (el: Element, selector = '.root'): string => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function track(answer: FakeHandler, markup = html`<spp-testimony-tracking reference="SPP-7K3F-9QXM" token=${TOKEN} api=${API}></spp-testimony-tracking>`) {
  const calls = fakeFetch(answer);
  const el = await fixture<SppTestimonyTracking>(markup);
  await settle(el);
  return { el, calls };
}

/** Runs `body` with the page at another address of the same origin, then puts the address back. */
async function at(address: string, body: () => Promise<void>): Promise<void> {
  const before = location.href;
  history.replaceState(null, '', address);
  try {
    await body();
  } finally {
    history.replaceState(null, '', before);
  }
}

describe('<spp-testimony-tracking>', () => {
  it('says it is loading, busy, until the API answers', async () => {
    let answer: (r: Response) => void = () => {};
    const { el } = await track(() => new Promise<Response>((resolve) => (answer = resolve)));
    expect(el.shadowRoot!.querySelector('[part=tracking]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.contain('Chargement du suivi…');
    await expect(el).to.be.accessible();
    answer(json(tracking()));
    await settle(el);
    expect(el.shadowRoot!.querySelector('[aria-busy=true]')).to.equal(null);
    expect(text(el, '[part=status]')).to.contain('En cours de relecture');
  });

  it('shows a testimony in moderation, asking the API with the private token, in the page’s language', async () => {
    const { el, calls } = await track(() => json(tracking()));
    expect(calls).to.have.length(1);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).to.equal(`${API}/api/v1/testimonies/SPP-7K3F-9QXM`);
    expect(url.searchParams.get('token')).to.equal(TOKEN);
    expect(url.searchParams.get('lang')).to.equal('fr');
    expect(text(el, '[part=status]')).to.contain('En cours de relecture');
    expect(text(el, '[part=tracking]')).to.contain('Référence SPP-7K3F-9QXM');
    expect(text(el, '[part=tracking]')).to.contain('« Attente au téléphone »');
    expect(text(el, '[part=tracking]')).to.contain('Envoyé le 2 mars 2026');
    expect(text(el, '[part=tracking]')).to.contain('Service(s) concerné(s) : CAF du Rhône');
    expect(el.shadowRoot!.querySelector('[role=heading]')!.getAttribute('aria-level')).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('shows a published testimony without a reply yet', async () => {
    const { el } = await track(() => json(tracking({ status: 'published', publishedAt: '2026-03-05T09:00:00.000Z' })));
    expect(text(el, '[part=status]')).to.equal('✓ Publié Votre témoignage est publié depuis le 5 mars 2026. Le service n’a pas encore répondu.');
  });

  it('shows the service’s replies as text, with their sign-off', async () => {
    const { el } = await track(() => json(tracking({ status: 'answered', publishedAt: '2026-03-05T09:00:00.000Z', replies: [REPLY] })));
    expect(text(el, '[part=status]')).to.contain('Publié, avec une réponse');
    expect(text(el, '.reply')).to.contain('Réponse de CAF du Rhône, le 10 mars 2026');
    expect(text(el, '.reply')).to.contain('<b>Nous avons</b> renforcé');
    expect(el.shadowRoot!.querySelectorAll('.reply b')).to.have.length(0, 'rendered as text, never as HTML');
    expect(text(el, '.signature')).to.equal('L’équipe accueil de la CAF du Rhône');
    await expect(el).to.be.accessible();
  });

  it('writes its dates (the day in Paris) without any Intl formatter or plural rules (a formatter is a 100 to 200 ms task on a phone)', async () => {
    const watch = watchIntlFormatters();
    let shown: string;
    try {
      // 23:30 UTC on 9 March is 00:30 on the 10th in Paris; 22:30 UTC on 31 May is 00:30 on 1 June (summer time).
      const reply = { ...REPLY, createdAt: '2026-05-31T22:30:00.000Z' };
      const { el } = await track(() => json(tracking({ status: 'answered', createdAt: '2026-03-09T23:30:00.000Z', publishedAt: '2026-03-10T09:00:00.000Z', replies: [reply] })));
      shown = text(el);
    } finally {
      expect(watch.stop(), 'Intl formatters or plural rules made or used').to.deep.equal([]);
    }
    expect(shown).to.contain('10 mars 2026').and.contain('Réponse de CAF du Rhône, le 1 juin 2026');
  });

  it('gives the reason of a rejection in words', async () => {
    const { el } = await track(() => json(tracking({ status: 'rejected', rejectionReason: 'individual_complaint' })));
    expect(text(el, '[part=status]')).to.equal(
      '✕ Non publié Votre témoignage n’a pas été publié : il s’agissait d’une réclamation individuelle, à adresser directement au service.',
    );
  });

  it('reads the reference from the page’s /suivi/ address and the token from its fragment', async () => {
    await at(`/suivi/SPP-7K3F-9QXM#token=${TOKEN}`, async () => {
      const { el, calls } = await track(() => json(tracking()), html`<spp-testimony-tracking api=${API}></spp-testimony-tracking>`);
      expect(calls).to.have.length(1);
      const url = new URL(calls[0]!.url);
      expect(url.pathname).to.equal('/api/v1/testimonies/SPP-7K3F-9QXM');
      expect(url.searchParams.get('token')).to.equal(TOKEN);
      expect(text(el, '[part=status]')).to.contain('En cours de relecture');
    });
  });

  it('says the link is incomplete without asking the API: no token, a short token, a reference of another format', async () => {
    for (const markup of [
      html`<spp-testimony-tracking reference="SPP-7K3F-9QXM" api=${API}></spp-testimony-tracking>`,
      html`<spp-testimony-tracking reference="SPP-7K3F-9QXM" token="tok_short" api=${API}></spp-testimony-tracking>`,
      html`<spp-testimony-tracking reference="SPP-7K3F" token=${TOKEN} api=${API}></spp-testimony-tracking>`,
    ]) {
      const { el, calls } = await track(() => json(tracking()), markup);
      expect(calls).to.have.length(0);
      expect(text(el, '[part=tracking]')).to.contain('Ce lien de suivi est incomplet.');
      await expect(el).to.be.accessible();
    }
  });

  it('says when no testimony matches the link (unknown reference or wrong token), and tells the page', async () => {
    fakeFetch(() => problem(404));
    const el = document.createElement('spp-testimony-tracking');
    Object.assign(el, { reference: 'SPP-0000-0000', token: TOKEN, api: API });
    const failed = oneEvent(el, 'spp-error');
    document.body.append(el);
    try {
      const { detail } = (await failed) as CustomEvent<SppErrorDetail>;
      expect(detail.status).to.equal(404);
      await settle(el);
      expect(text(el, '[part=tracking]')).to.contain('Aucun témoignage ne correspond à ce lien.');
      expect(el.shadowRoot!.querySelector('button'), 'nothing to retry').to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('says when the status cannot be loaded; the keyboard reaches "Réessayer", and focus lands on the heading', async () => {
    let down = true;
    const { el } = await track(() => (down ? problem(503) : json(tracking())));
    await delay(2500); // the client's own retries
    await settle(el);
    expect(text(el, '[part=tracking]')).to.contain('Le suivi n’a pas pu être chargé.');
    await expect(el).to.be.accessible();
    down = false;
    await sendKeys({ press: 'Tab' });
    const retry = el.shadowRoot!.activeElement as HTMLElement | null;
    expect(retry?.textContent?.trim()).to.equal('Réessayer');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text(el, '[part=status]')).to.contain('En cours de relecture');
    expect(el.shadowRoot!.activeElement?.id, 'focus on the heading, not lost with the button').to.equal('tracking-title');
  });

  it('speaks English, and asks the API in English', async () => {
    const { el, calls } = await track(
      () => json(tracking({ status: 'rejected', rejectionReason: 'personal_data' })),
      html`<spp-testimony-tracking reference="SPP-7K3F-9QXM" token=${TOKEN} api=${API} lang="en" heading-level="3"></spp-testimony-tracking>`,
    );
    expect(new URL(calls[0]!.url).searchParams.get('lang')).to.equal('en');
    expect(text(el, '[role=heading]')).to.equal('Your testimony’s status');
    expect(el.shadowRoot!.querySelector('[role=heading]')!.getAttribute('aria-level')).to.equal('3');
    expect(text(el, '[part=status]')).to.contain('Your testimony was not published: it contained personal data.');
    expect((el.shadowRoot!.querySelector('.root') as HTMLElement).lang).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('asks again when its reference changes', async () => {
    const { el, calls } = await track((call) => json(tracking({ reference: new URL(call.url).pathname.split('/').pop()! })));
    el.reference = 'SPP-AAAA-BBBB';
    await settle(el);
    expect(calls).to.have.length(2);
    expect(text(el, '.reference')).to.equal('SPP-AAAA-BBBB');
  });
});
