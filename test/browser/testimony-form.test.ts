import '../helpers/browser.js';
import { expect, html, oneEvent } from '@open-wc/testing';
import { delay, json, problem } from '../helpers/browser.js';
import { loadDraft } from '../../src/elements/testimony-form/draft.js';
import { formatCount } from '../../src/contract/count.js';
import { LOCALE } from '../../src/contract/locale.js';
import {
  $,
  $$,
  API,
  accepted,
  button,
  complete,
  fakeApi,
  field,
  fillToReview,
  focused,
  mount,
  next,
  posts,
  seedDraft,
  settle,
  STORY,
  stepTitle,
  text,
  type,
} from '../helpers/testimony-form.js';

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('<spp-testimony-form>: the steps', () => {
  it('is accessible on its first step, and says plainly it is not a complaints desk, with the service’s contact', async () => {
    fakeApi();
    const el = await mount();
    await expect(el).to.be.accessible();
    expect(stepTitle(el)).to.equal('Étape 1 sur 6 Votre ressenti');
    const notice = text(el, '[part="notice"]');
    expect(notice).to.contain('Ce n’est pas un service de réclamation');
    expect(notice).to.contain('contactez directement CAF du Rhône : téléphone 32 30, site internet.');
    expect($<HTMLAnchorElement>(el, '[part="notice"] a').href).to.equal(CAF_URL);
  });

  it('asks for the feeling in a fieldset with a legend, with nothing chosen in advance', async () => {
    fakeApi();
    const el = await mount();
    expect(text(el, 'fieldset legend')).to.equal('De façon générale, comment cela s’est-il passé ? *');
    const radios = $$<HTMLInputElement>(el, 'input[type=radio][name=feeling]');
    expect(radios.map((r) => r.value)).to.deep.equal(['positive', 'neutral', 'negative']);
    expect(radios.some((r) => r.checked)).to.equal(false);
  });

  it('refuses to go on without a feeling: summary focused, linked to the field, field marked invalid only then', async () => {
    fakeApi();
    const el = await mount();
    const first = field(el, 'Positif');
    expect(first.hasAttribute('aria-invalid')).to.equal(false);
    await next(el);
    const summary = $(el, '#error-summary');
    expect(focused(el)).to.equal(summary.id);
    expect(text(el, '#error-summary')).to.contain('« Votre ressenti » est obligatoire.');
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    const fieldset = $(el, 'fieldset');
    expect(fieldset.getAttribute('aria-describedby')).to.equal('err-feeling');
    expect(text(el, '#err-feeling')).to.equal('Erreur : « Votre ressenti » est obligatoire.');
    await expect(el).to.be.accessible();

    $<HTMLAnchorElement>(el, '#error-summary a').click();
    await settle(el);
    expect(focused(el)).to.equal(first.id);
    expect(stepTitle(el)).to.contain('Étape 1 sur 6');
  });

  it('moves to the next step with its title focused, and back again', async () => {
    fakeApi();
    const el = await mount();
    field(el, 'Positif').click();
    await next(el);
    expect(stepTitle(el)).to.equal('Étape 2 sur 6 Le service concerné');
    expect(focused(el)).to.equal('step-title');
    expect($(el, '.fill').classList.contains('fill-2')).to.equal(true);
    button(el, 'Précédent').click();
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 1 sur 6');
    expect(field<HTMLInputElement>(el, 'Positif').checked).to.equal(true);
  });

  it('shows the structure of the page as chosen on step 2, and lets the citizen add others (up to 3) with the keyboard', async () => {
    const calls = fakeApi();
    seedDraft('CAF-69', { feeling: 'positive', structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }] }, 1);
    const el = await mount();
    expect(text(el, '.chosen')).to.contain('CAF du Rhône');
    expect($$(el, '[role=combobox]')).to.have.length(0);
    button(el, 'Ajouter un autre service concerné').click();
    await settle(el);
    const combo = $<HTMLInputElement>(el, '[role=combobox]');
    expect(focused(el)).to.equal(combo.id);
    type(combo, 'lyon');
    await settle(el, 120);
    await delay(250);
    await settle(el);
    const searches = calls.filter((c) => c.url.includes('/api/v1/structures?'));
    expect(searches).to.have.length(1);
    expect(new URL(searches[0]!.url).searchParams.get('q')).to.equal('lyon');
    expect(combo.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    combo.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    combo.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await settle(el);
    expect(combo.getAttribute('aria-activedescendant')).to.equal('picker-option-1');
    expect($(el, '#picker-option-1').getAttribute('aria-selected')).to.equal('true');
    combo.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    await settle(el);
    expect(text(el, '.chosen')).to.contain('Préfecture du Rhône');
    expect(text(el, '[role=status]')).to.contain('Préfecture du Rhône ajouté.');
    expect(loadDraft('CAF-69')!.state.structures.map((s) => s.code)).to.deep.equal(['CAF-69', 'PREF-69']);

    button(el, 'Retirer CAF du Rhône').click();
    await settle(el);
    expect(text(el, '.chosen')).not.to.contain('CAF du Rhône');
  });

  it('searches the structure when the page names none, once per pause in typing, and says when nothing matches', async () => {
    const calls = fakeApi(undefined, (call) => {
      const q = new URL(call.url).searchParams.get('q');
      return q === 'zzz' ? json({ items: [], nextCursor: null }) : undefined;
    });
    seedDraft('', { feeling: 'neutral' }, 1);
    const el = await mount(html`<spp-testimony-form api=${API}></spp-testimony-form>`);
    const combo = $<HTMLInputElement>(el, '[role=combobox]');
    expect(field(el, 'Rechercher un service')).to.equal(combo);
    for (const q of ['c', 'ca', 'caf']) type(combo, q);
    await delay(400);
    await settle(el);
    expect(calls.filter((c) => c.url.includes('/api/v1/structures?'))).to.have.length(1);
    expect($$(el, '[role=option]')).to.have.length(3);
    type(combo, 'zzz');
    await delay(400);
    await settle(el);
    expect(text(el, '.picker')).to.contain('Aucun service ne correspond à « zzz »');
    expect(combo.getAttribute('aria-expanded')).to.equal('false');

    await next(el);
    expect(text(el, '#error-summary')).to.contain('« Service concerné » : choisissez au moins 1 élément.');
    expect(combo.getAttribute('aria-invalid')).to.equal('true');
    expect(combo.getAttribute('aria-describedby')).to.contain('err-structures');
  });

  it('says when the search does not answer, and searches again on request', async () => {
    let fail = true;
    fakeApi(undefined, (call) => (call.url.includes('/api/v1/structures?') && fail ? problem(503) : undefined));
    seedDraft('', { feeling: 'neutral' }, 1);
    const el = await mount(html`<spp-testimony-form api=${API}></spp-testimony-form>`);
    type($<HTMLInputElement>(el, '[role=combobox]'), 'caf');
    await delay(2500); // the client retries a GET twice before giving up
    await settle(el);
    expect(text(el, '.picker')).to.contain('La recherche ne répond pas pour le moment.');
    fail = false;
    button(el, 'Relancer la recherche').click();
    await delay(100);
    await settle(el);
    expect($$(el, '[role=option]')).to.have.length(3);
  });

  it('records the channels used, each with an optional feeling', async () => {
    fakeApi();
    seedDraft('CAF-69', { feeling: 'negative', structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }] }, 2);
    const el = await mount();
    expect(text(el, 'legend')).to.equal('Comment avez-vous contacté le service ?');
    field(el, 'Téléphone').click();
    field(el, 'Accueil physique').click();
    await settle(el);
    const select = field<HTMLSelectElement>(el, 'Ressenti pour « Téléphone »');
    select.value = 'negative';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    await expect(el).to.be.accessible();
    expect(loadDraft('CAF-69')!.state.channels).to.deep.equal([{ channel: 'counter' }, { channel: 'phone', feeling: 'negative' }]);
    field(el, 'Accueil physique').click();
    await settle(el);
    expect(loadDraft('CAF-69')!.state.channels).to.deep.equal([{ channel: 'phone', feeling: 'negative' }]);
  });

  it('checks the title and the story with live counters, errors shown once the field is left or on continue', async () => {
    fakeApi();
    seedDraft('CAF-69', { feeling: 'negative', structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }] }, 3);
    const el = await mount();
    const title = field(el, 'Titre de votre témoignage');
    const story = field<HTMLTextAreaElement>(el, 'Racontez votre expérience');
    expect(title.getAttribute('aria-describedby')).to.equal('hint-title');

    type(title, 'x'.repeat(125));
    await settle(el);
    expect(text(el, '.count')).to.equal('125 caractères : 5 de trop');
    expect(title.hasAttribute('aria-invalid')).to.equal(false);
    title.dispatchEvent(new Event('blur'));
    await settle(el);
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.equal('hint-title err-title');
    expect(text(el, '#err-title')).to.contain('ne doit pas dépasser 120 caractères');

    type(title, 'Attente au téléphone');
    type(story, 'Trop court.');
    await settle(el);
    expect(title.hasAttribute('aria-invalid')).to.equal(false);
    expect($$(el, '.count')[1]!.textContent).to.equal('11 caractères, encore 39 au minimum');
    expect($$(el, '.count')[1]!.getAttribute('aria-hidden')).to.equal('true');
    await next(el);
    expect(text(el, '#error-summary')).to.contain('« Votre expérience » doit contenir au moins 50 caractères');
    expect(story.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('writes its counts as French does: singular for 0 and 1, digits grouped like the hint’s "5 000"', async () => {
    fakeApi();
    seedDraft('CAF-69', { feeling: 'negative', structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }] }, 3);
    const el = await mount();
    const story = field<HTMLTextAreaElement>(el, 'Racontez votre expérience');
    const counter = () => $$(el, '.count')[1]!.textContent!;
    for (const [typed, shown] of [
      ['', '0 caractère, encore 50 au minimum'],
      ['a', '1 caractère, encore 49 au minimum'],
      ['ab', '2 caractères, encore 48 au minimum'],
      ['a'.repeat(1234), '1\u202f234 sur 5\u202f000 caractères'],
      ['a'.repeat(5001), '5\u202f001 caractères\u00a0: 1 de trop'],
    ] as const) {
      type(story, typed);
      await settle(el);
      expect(counter()).to.equal(shown);
    }
    expect($(el, '#hint-body').textContent).to.contain('Entre 50 et 5\u202f000 caractères');
  });

  it('says its counts and limits ("5 000") without creating any Intl number formatter, a 100 to 200 ms task on a phone', async () => {
    const Real = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      made++;
      return new Real(...args);
    } as unknown as typeof Intl.NumberFormat;
    try {
      fakeApi();
      seedDraft('CAF-69', { feeling: 'negative', structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }] }, 3);
      const el = await mount();
      type(field<HTMLTextAreaElement>(el, 'Racontez votre expérience'), 'a'.repeat(5001));
      await settle(el);
      expect($$(el, '.count')[1]!.textContent).to.equal('5\u202f001 caractères\u00a0: 1 de trop');
      await next(el);
      expect($(el, '#error-summary')!.textContent).to.contain('ne doit pas dépasser 5\u202f000 caractères');
      expect(made, 'Intl.NumberFormat created').to.equal(0);
    } finally {
      Intl.NumberFormat = Real;
    }
  });

  it('groups the digits of a count exactly as Intl does, in French and in English', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const n of [0, 7, 42, 999, 1000, 5000, 12345, 999999, 1000000, 1234567, Number.MAX_SAFE_INTEGER]) {
        expect(formatCount(n, lang), `${n} in ${lang}`).to.equal(new Intl.NumberFormat(LOCALE[lang]).format(n));
      }
      // Anything but a whole count is Intl's: decimals, negatives.
      for (const n of [-1234, 1234.5]) expect(formatCount(n, lang)).to.equal(new Intl.NumberFormat(LOCALE[lang]).format(n));
    }
  });

  it('announces the counters politely once typing pauses, not on every key', async () => {
    fakeApi();
    seedDraft('CAF-69', { feeling: 'negative', structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }] }, 3);
    const el = await mount();
    const live = $(el, '[aria-live=polite]');
    const story = field<HTMLTextAreaElement>(el, 'Racontez votre expérience');
    for (const n of [10, 20, 30]) {
      type(story, 'a'.repeat(n));
      await delay(100);
    }
    expect(live.textContent).to.equal('');
    await delay(1300);
    await settle(el);
    expect(live.textContent).to.equal('30 caractères, encore 20 au minimum.');
  });

  it('asks who is writing, and checks the optional e-mail and its consent', async () => {
    fakeApi();
    seedDraft('CAF-69', complete(), 4);
    const el = await mount();
    expect(field<HTMLInputElement>(el, 'en tant qu’usager').checked).to.equal(true);
    const email = field(el, 'Adresse e-mail (facultatif)');
    expect(email.getAttribute('autocomplete')).to.equal('email');
    expect(email.type).to.equal('email');
    type(email, 'pas-une-adresse');
    email.dispatchEvent(new Event('blur'));
    await settle(el);
    expect(text(el, '#err-email')).to.contain('nom@exemple.fr');
    type(email, 'jeanne@exemple.fr');
    await next(el);
    expect(text(el, '#error-summary')).to.contain('Cochez la case pour accepter d’être contacté');
    $<HTMLAnchorElement>(el, '#error-summary a').click();
    await settle(el);
    const consent = field<HTMLInputElement>(el, 'J’accepte que le service me contacte');
    expect(focused(el)).to.equal(consent.id);
    consent.click();
    field(el, 'en tant qu’aidant').click();
    await settle(el);
    await expect(el).to.be.accessible();
    await next(el);
    expect(stepTitle(el)).to.equal('Étape 6 sur 6 Vérifiez et envoyez');
  });

  it('shows everything on the review step, with a way back to each part', async () => {
    fakeApi();
    seedDraft('CAF-69', complete({ email: 'jeanne@exemple.fr', contactConsent: true, postedAs: 'helper' }), 5);
    const el = await mount();
    const review = text(el, '[part=review]');
    for (const expected of ['Négatif', 'CAF du Rhône', 'Téléphone (Négatif)', 'Attente au téléphone', STORY, 'en tant qu’aidant', 'jeanne@exemple.fr (vous acceptez d’être contacté)']) {
      expect(review).to.contain(expected);
    }
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, 'button[aria-label]').find((b) => b.getAttribute('aria-label')!.replace(/\s+/g, ' ') === 'Modifier « Titre »')!.click();
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 4 sur 6');
    expect(focused(el)).to.equal('step-title');
  });

  it('says in words that agree what was left empty: no "Non renseigné" for an e-mail address', async () => {
    fakeApi();
    seedDraft('CAF-69', complete({ email: '', channels: [] }), 5);
    const el = await mount();
    const review = text(el, '[part=review]');
    expect(review).to.contain('Moyens de contact Vous n’avez rien indiqué');
    expect(review).to.contain('Adresse e-mail Aucune adresse : le service ne pourra pas vous recontacter');
    expect(review).not.to.contain('Non renseigné');
  });

  it('sends a valid testimony once, then shows the reference and the private tracking link', async () => {
    const calls = fakeApi();
    const key = seedDraft('CAF-69', complete({ email: 'jeanne@exemple.fr', contactConsent: true }), 5);
    const el = await mount();
    const submitted = oneEvent(el, 'spp-submitted');
    button(el, 'Envoyer mon témoignage').click();
    const event = await submitted;
    await settle(el);
    expect(event.detail).to.deep.equal({ reference: 'SPP-7K3F-9QXM', trackingUrl: accepted().trackingUrl });
    const [post] = posts(calls);
    expect(posts(calls)).to.have.length(1);
    expect(post!.headers.get('Idempotency-Key')).to.equal(key);
    expect(post!.headers.get('Accept-Language')).to.equal('fr');
    expect(post!.body).to.deep.include({
      feeling: 'negative',
      structures: ['CAF-69'],
      channels: [{ channel: 'phone', feeling: 'negative' }],
      title: 'Attente au téléphone',
      body: STORY,
      postedAs: 'user',
      email: 'jeanne@exemple.fr',
      contactConsent: true,
      lang: 'fr',
    });
    const form = (post!.body as { form: { website: string; fillMs: number } }).form;
    expect(form.website).to.equal('');
    expect(form.fillMs).to.be.greaterThan(50_000);

    expect(text(el, '#result-title')).to.equal('Merci, votre témoignage a bien été reçu');
    expect(focused(el)).to.equal('result-title');
    expect(text(el, '.reference')).to.equal('SPP-7K3F-9QXM');
    expect($<HTMLAnchorElement>(el, '[part=tracking-link]').href).to.equal(accepted().trackingUrl);
    expect(loadDraft('CAF-69')).to.equal(undefined);
    await expect(el).to.be.accessible();

    button(el, 'Écrire un autre témoignage').click();
    await settle(el);
    expect(stepTitle(el)).to.contain('Étape 1 sur 6');
    expect($$<HTMLInputElement>(el, 'input[name=feeling]').some((r) => r.checked)).to.equal(false);
  });

  it('is accessible at every step of a complete run', async () => {
    fakeApi();
    const el = await mount();
    await expect(el).to.be.accessible();
    field(el, 'Négatif').click();
    await next(el);
    await expect(el).to.be.accessible();
    await next(el);
    field(el, 'Courrier').click();
    await settle(el);
    await expect(el).to.be.accessible();
    await next(el);
    type(field(el, 'Titre de votre témoignage'), 'Un courrier resté sans réponse');
    type(field<HTMLTextAreaElement>(el, 'Racontez votre expérience'), STORY);
    await settle(el);
    await expect(el).to.be.accessible();
    await next(el);
    await expect(el).to.be.accessible();
    await next(el);
    expect(stepTitle(el)).to.contain('Étape 6 sur 6');
    await expect(el).to.be.accessible();
  });

  it('waits until a person could have written it before sending a form filled in a flash', async () => {
    const calls = fakeApi();
    const el = await mount();
    const started = Date.now();
    await fillToReview(el);
    button(el, 'Envoyer mon témoignage').click();
    await settle(el);
    expect(text(el, '[role=status]')).to.equal('Envoi en cours…');
    expect(button(el, 'Envoi en cours…').disabled).to.equal(true);
    await oneEvent(el, 'spp-submitted');
    const [post] = posts(calls);
    expect(Date.now() - started).to.be.at.least(2900);
    expect((post!.body as { form: { fillMs: number } }).form.fillMs).to.be.at.least(3000);
  });

  it('puts the server’s 400 back on the fields it names, on their step', async () => {
    fakeApi(() =>
      problem(400, {
        errors: [{ field: 'structures.0', code: 'unknown_structure', message: 'Aucun service n’a le code SP+ « CAF-69 » : choisissez à nouveau le service dans la liste.' }],
      }),
    );
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    await settle(el, 60);
    expect(stepTitle(el)).to.contain('Étape 2 sur 6');
    expect(focused(el)).to.equal('error-summary');
    expect(text(el, '#error-summary')).to.contain('choisissez à nouveau le service dans la liste');
    expect(text(el, '#err-structures')).to.contain('Aucun service n’a le code SP+ « CAF-69 »');
    expect(text(el, '[role=status]')).to.contain('Corrigez les champs signalés');
    expect(loadDraft('CAF-69')!.state.title).to.equal('Attente au téléphone', 'the draft is kept');
    await expect(el).to.be.accessible();
  });

  it('maps a server error on the title back to step 4', async () => {
    fakeApi(() => problem(400, { errors: [{ field: 'title', code: 'too_big', message: '« Titre » ne doit pas dépasser 120 caractères : raccourcissez le texte.' }] }));
    seedDraft('CAF-69', complete(), 5);
    const el = await mount();
    button(el, 'Envoyer mon témoignage').click();
    await settle(el, 60);
    expect(stepTitle(el)).to.contain('Étape 4 sur 6');
    expect(field(el, 'Titre de votre témoignage').getAttribute('aria-invalid')).to.equal('true');
    type(field(el, 'Titre de votre témoignage'), 'Plus court');
    await settle(el);
    expect(field(el, 'Titre de votre témoignage').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('speaks English when asked, with English errors from the same contract', async () => {
    fakeApi();
    const el = await mount(html`<spp-testimony-form structure="CAF-69" api=${API} lang="en"></spp-testimony-form>`);
    expect($(el, '.root').getAttribute('lang')).to.equal('en');
    expect(stepTitle(el)).to.equal('Step 1 of 6 How it went');
    expect(text(el, '[part=notice]')).to.contain('This is not a complaints desk');
    await next(el);
    expect(text(el, '#error-summary')).to.contain('"Your feeling" is required.');
    await expect(el).to.be.accessible();
  });

  it('falls back to general advice when the structure cannot be loaded, reports it, and still works', async () => {
    fakeApi(undefined, (call) => (call.url.endsWith('/api/v1/structures/CAF-69?lang=fr') ? problem(500) : undefined));
    const errors: string[] = [];
    document.addEventListener('spp-error', (e) => errors.push(e.detail.kind), { once: true });
    const el = await mount();
    await delay(2500);
    await settle(el);
    expect(text(el, '[part=notice]')).to.contain('Pour votre dossier, contactez directement le service concerné.');
    expect(errors).to.deep.equal(['http']);
    field(el, 'Positif').click();
    await next(el);
    expect(text(el, '.chosen')).to.contain('CAF-69');
  });
});

const CAF_URL = 'https://www.caf.fr/allocataires/caf-du-rhone';
