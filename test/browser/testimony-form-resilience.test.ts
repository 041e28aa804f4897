import '../helpers/browser.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { delay, json, offline, problem, realApi, type FakeCall } from '../helpers/browser.js';
import { SubmissionAccepted, TestimonyTracking } from '../../src/contract/testimony.js';
import { loadDraft } from '../../src/elements/testimony-form/draft.js';
import type { SppTestimonyForm } from '../../src/elements/testimony-form/testimony-form.js';
import {
  $,
  $$,
  API,
  accepted,
  button,
  complete,
  fakeApi,
  field,
  mount,
  next,
  posts,
  seedDraft,
  settle,
  stepTitle,
  text,
} from '../helpers/testimony-form.js';

const realFetch = window.fetch.bind(window);

/** Sends a fake call on to the real API server, as the browser would have. */
async function forward(call: FakeCall, api: string): Promise<Response> {
  const url = new URL(call.url);
  return realFetch(`${api}${url.pathname}${url.search}`, {
    method: call.method,
    headers: call.headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
}

let onLine: boolean | undefined;
function setOnline(value: boolean | undefined): void {
  onLine = value;
  if (value === undefined) delete (navigator as unknown as Record<string, unknown>).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => onLine });
}

const keyOf = (call: FakeCall) => call.headers.get('Idempotency-Key');

beforeEach(() => localStorage.clear());
afterEach(() => {
  setOnline(undefined);
  localStorage.clear();
});

describe('<spp-testimony-form>: nothing lost', () => {
  it('restores the draft, at its step, after the element is created again (a reload)', async () => {
    fakeApi();
    const first = await mount();
    field(first, 'Négatif').click();
    await next(first);
    await next(first);
    field(first, 'Courrier').click();
    await settle(first);
    first.remove();

    const again = await mount();
    expect(stepTitle(again)).to.equal('Étape 3 sur 6 Vos moyens de contact');
    expect(field<HTMLInputElement>(again, 'Courrier').checked).to.equal(true);
    expect(text(again)).to.contain('Votre brouillon a été restauré.');
    await expect(again).to.be.accessible();
  });

  it('lets the citizen discard a restored draft, and undo that', async () => {
    fakeApi();
    seedDraft('CAF-69', complete(), 3);
    const el = await mount();
    button(el, 'Effacer le brouillon et recommencer').click();
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 1 sur 6');
    expect(loadDraft('CAF-69')).to.equal(undefined);
    expect(text(el, '[role=status]')).to.equal('Brouillon effacé.');
    button(el, 'Annuler').click();
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 4 sur 6');
    expect(field<HTMLInputElement>(el, 'Titre de votre témoignage').value).to.equal('Attente au téléphone');
    expect(loadDraft('CAF-69')?.state.title).to.equal('Attente au téléphone');
  });

  it('keeps one draft per structure', async () => {
    fakeApi();
    seedDraft('CAF-69', complete(), 3);
    const other = await mount(html`<spp-testimony-form structure="CPAM-33" api=${API}></spp-testimony-form>`);
    expect(stepTitle(other)).to.contain('Étape 1 sur 6');
    expect(loadDraft('CAF-69')?.state.title).to.equal('Attente au téléphone');
  });

  it('survives a server that fails twice, with a visible retry status, and the real API stores it once', async () => {
    const api = await realApi();
    const statuses: string[] = [];
    let el!: SppTestimonyForm;
    const calls = fakeApi(async (call) => {
      statuses.push(text(el, '[role=status]'));
      const attempt = posts(calls).length;
      if (attempt === 1) return problem(500);
      if (attempt === 2) return offline();
      return forward(call, api);
    });
    seedDraft('CAF-69', complete({ title: 'Deux échecs puis un succès' }), 5);
    el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    const { detail } = await oneEvent(el, 'spp-submitted');
    await settle(el);

    const sent = posts(calls);
    expect(sent).to.have.length(3);
    expect(new Set(sent.map(keyOf)).size).to.equal(1, 'one Idempotency-Key for every try');
    expect(statuses[0]).to.equal('Envoi en cours…');
    expect(statuses[1]).to.match(/^Le serveur ne répond pas correctement\. Nouvel essai dans \d+ s… Votre texte est conservé\.$/);
    expect(statuses[2]).to.match(/^La connexion a échoué\. Nouvel essai dans \d+ s…/);
    expect(text(el, '.reference')).to.equal(detail.reference);

    const token = new URL(detail.trackingUrl).hash.replace('#token=', '');
    const view = TestimonyTracking.parse(await (await realFetch(`${api}/api/v1/testimonies/${detail.reference}?token=${token}`)).json());
    expect(view.title).to.equal('Deux échecs puis un succès');
    // The same key again: the server answers with the same testimony instead of storing a second one.
    const replay = await realFetch(`${api}/api/v1/testimonies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': keyOf(sent[2]!)! },
      body: JSON.stringify(sent[2]!.body),
    });
    expect(replay.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(SubmissionAccepted.parse(await replay.json()).reference).to.equal(detail.reference);
  });

  it('stores one testimony when the server got the first try but its answer was lost', async () => {
    const api = await realApi();
    const references: string[] = [];
    const calls = fakeApi(async (call) => {
      const response = await forward(call, api);
      references.push(SubmissionAccepted.parse(await response.clone().json()).reference);
      if (references.length === 1) return offline(); // stored, but the citizen never hears back
      return response;
    });
    seedDraft('CAF-69', complete({ title: 'Réponse perdue' }), 5);
    const el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    const { detail } = await oneEvent(el, 'spp-submitted');
    expect(posts(calls)).to.have.length(2);
    expect(references[1]).to.equal(references[0], 'the retry is answered with the first testimony');
    expect(detail.reference).to.equal(references[0]);
  });

  it('explains a 429 kindly and waits as long as Retry-After says', async () => {
    const times: number[] = [];
    let el!: SppTestimonyForm;
    let status = '';
    const calls = fakeApi(() => {
      times.push(performance.now());
      if (times.length === 2) status = text(el, '[role=status]');
      return times.length === 1 ? problem(429, { detail: 'Trop d’envois' }, { 'Retry-After': '1' }) : json(accepted(), 201);
    });
    seedDraft('CAF-69', complete(), 5);
    el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    await oneEvent(el, 'spp-submitted');
    expect(posts(calls)).to.have.length(2);
    expect(times[1]! - times[0]!).to.be.at.least(950);
    expect(status).to.equal('Beaucoup d’envois viennent de votre connexion en ce moment. Nous réessayons dans 1 s, sans rien perdre de votre texte.');
  });

  it('keeps the testimony in the outbox while offline, tells the citizen, and sends it when the browser is back online', async () => {
    const calls = fakeApi();
    setOnline(false);
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    const queued = oneEvent(el, 'spp-queued');
    button(el, 'Envoyer mon témoignage').click();
    expect((await queued).detail).to.deep.equal({ reason: 'offline' });
    await settle(el);
    expect(posts(calls)).to.have.length(0);
    expect(text(el, '[part=queued]')).to.contain('Vous semblez hors ligne. Votre témoignage est enregistré sur cet appareil');
    expect(JSON.parse(localStorage.getItem('spp-testimony:outbox')!)).to.have.length(1);
    await expect(el).to.be.accessible();

    setOnline(true);
    const submitted = oneEvent(el, 'spp-submitted');
    window.dispatchEvent(new Event('online'));
    await submitted;
    await settle(el);
    expect(posts(calls)).to.have.length(1);
    expect(text(el, '#result-title')).to.equal('Merci, votre témoignage a bien été reçu');
    expect(JSON.parse(localStorage.getItem('spp-testimony:outbox')!)).to.deep.equal([]);
    expect(loadDraft('CAF-69')).to.equal(undefined);
  });

  it('sends what waits in the outbox on the next page load, and tells the citizen on any page with the form', async () => {
    setOnline(false);
    fakeApi();
    seedDraft('CAF-69', complete({ title: 'Écrit hors ligne' }), 5);
    const offlinePage = await mount();
    button(offlinePage, 'Envoyer mon témoignage').click();
    await oneEvent(offlinePage, 'spp-queued');
    offlinePage.remove();

    setOnline(true);
    const calls = fakeApi(() => json(accepted('SPP-NEXT-LOAD'), 201));
    const otherPage = await fixture<SppTestimonyForm>(html`<spp-testimony-form structure="CPAM-33" api=${API}></spp-testimony-form>`);
    await delay(200);
    await settle(otherPage);
    expect(posts(calls)).to.have.length(1);
    expect(text(otherPage, '[part=receipt]')).to.contain('Votre témoignage « Écrit hors ligne » envoyé plus tôt a bien été reçu. Votre référence : SPP-NEXT-LOAD.');
    expect(loadDraft('CAF-69')).to.equal(undefined, 'the draft goes once the server has it');
    button(otherPage, 'Masquer ce message').click();
    await settle(otherPage);
    expect($$(otherPage, '[part=receipt]')).to.have.length(0);
  });

  it('keeps the testimony when the service stays down, then sends it on request', async () => {
    let down = true;
    const calls = fakeApi(() => (down ? problem(503) : json(accepted(), 201)));
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    const queued = await oneEvent(el, 'spp-queued');
    expect(queued.detail.reason).to.equal('server');
    await settle(el);
    expect(posts(calls)).to.have.length(4, 'the first try and three retries');
    expect(text(el, '[part=queued]')).to.contain('Le service est momentanément indisponible');
    down = false;
    button(el, 'Réessayer maintenant').click();
    await oneEvent(el, 'spp-submitted');
    expect(new Set(posts(calls).map(keyOf)).size).to.equal(1);
  });

  it('never sends twice on a double click and an Enter', async () => {
    const calls = fakeApi(async () => {
      await delay(150);
      return json(accepted(), 201);
    });
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    const submit = button(el, 'Envoyer mon témoignage');
    submit.click();
    submit.click();
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await oneEvent(el, 'spp-submitted');
    await delay(300);
    expect(posts(calls)).to.have.length(1);
  });

  it('sends once when two forms hold the same draft (like two tabs) and both are sent', async () => {
    const calls = fakeApi(async () => {
      await delay(100);
      return json(accepted(), 201);
    });
    seedDraft('CAF-69', complete(), 5);
    const wrapper = await fixture(html`<div>
      <spp-testimony-form structure="CAF-69" api=${API}></spp-testimony-form>
      <spp-testimony-form structure="CAF-69" api=${API}></spp-testimony-form>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('spp-testimony-form')];
    await settle(a!);
    await settle(b!);
    button(a!, 'Envoyer mon témoignage').click();
    button(b!, 'Envoyer mon témoignage').click();
    await Promise.all([oneEvent(a!, 'spp-submitted'), oneEvent(b!, 'spp-submitted')]);
    expect(posts(calls)).to.have.length(1);
    await settle(b!);
    expect(text(b!, '.reference')).to.equal(text(a!, '.reference'));
  });

  it('offers to send an edited version when the server already has another one under the same key (422)', async () => {
    const calls = fakeApi(() =>
      posts(calls).length === 1
        ? problem(422, { errors: [{ field: 'Idempotency-Key', code: 'reused', message: 'Utilisez une nouvelle clé.' }] })
        : json(accepted('SPP-NEWV-ERSN'), 201),
    );
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    await delay(100);
    await settle(el);
    expect(text(el, '#key-reused')).to.contain('Une version précédente de ce témoignage a déjà été reçue.');
    button(el, 'Envoyer cette version aussi').click();
    await oneEvent(el, 'spp-submitted');
    const [first, second] = posts(calls);
    expect(keyOf(second!)).to.not.equal(keyOf(first!));
  });

  it('keeps the text and says so when the service refuses for another reason', async () => {
    fakeApi(() => problem(403, { detail: 'Interdit' }));
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    await delay(100);
    await settle(el);
    expect(text(el, '[role=status]')).to.equal('Le service a refusé l’envoi (403). Votre texte est conservé ; réessayez plus tard.');
    expect(loadDraft('CAF-69')?.state.title).to.equal('Attente au téléphone');
  });

  it('treats a malformed answer as "not confirmed": kept in the outbox, asked again later', async () => {
    let malformed = true;
    const calls = fakeApi(() => (malformed ? new Response('<html>proxy error</html>', { status: 201, headers: { 'Content-Type': 'text/html' } }) : json(accepted(), 201)));
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    await oneEvent(el, 'spp-queued');
    malformed = false;
    button(el, 'Réessayer maintenant').click();
    await oneEvent(el, 'spp-submitted');
    expect(new Set(posts(calls).map(keyOf)).size).to.equal(1);
  });
});
