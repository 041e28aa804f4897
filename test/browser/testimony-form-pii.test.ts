import '../helpers/browser.js';
import { expect, html } from '@open-wc/testing';
import { loadDraft } from '../../src/elements/testimony-form/draft.js';
import { $, $$, API, button, complete, fakeApi, field, focused, mount, posts, seedDraft, settle, STORY, text, type } from '../helpers/testimony-form.js';

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

const storyStep = async (body = '', title = 'Attente au téléphone') => {
  fakeApi();
  seedDraft('CAF-69', complete({ title, body }), 3);
  return mount();
};

describe('<spp-testimony-form>: personal data check', () => {
  it('warns inline, showing what it found and where, linked to the field', async () => {
    const el = await storyStep();
    type(field<HTMLTextAreaElement>(el, 'Racontez votre expérience'), `${STORY} Rappelez-moi au 06 12 34 56 78.`);
    await settle(el);
    const warning = $(el, '#pii-warning');
    expect(text(el, '#pii-warning')).to.contain('Attention : données personnelles');
    expect(text(el, '#pii-warning')).to.contain('numéro de téléphone dans le récit : « 06 12 34 56 78 »');
    expect(field(el, 'Racontez votre expérience').getAttribute('aria-describedby')).to.contain('pii-warning');
    expect(field(el, 'Titre de votre témoignage').getAttribute('aria-describedby')).not.to.contain('pii-warning');
    expect(warning.getAttribute('part')).to.equal('pii-warning');
    await expect(el).to.be.accessible();
  });

  it('finds e-mail, NIR, IBAN and file numbers in the title and the story', async () => {
    const el = await storyStep(
      `${STORY} Mon NIR 1 85 05 78 006 084 91, IBAN FR76 3000 6000 0112 3456 7890 189, numéro d’allocataire 1234567.`,
      'Écrivez à jeanne@exemple.fr',
    );
    const items = $$(el, '#pii-warning li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      'adresse e-mail dans le titre : « jeanne@exemple.fr »',
      'numéro de sécurité sociale dans le récit : « 1 85 05 78 006 084 91 »',
      'IBAN dans le récit : « FR76 3000 6000 0112 3456 7890 189 »',
      'numéro de dossier dans le récit : « 1234567 »',
    ]);
  });

  it('does not warn about dates, amounts or postcodes', async () => {
    const el = await storyStep(`${STORY} Le 12/03/2024 à 10h30, au guichet de 69003 Lyon, on m’a demandé 150,50 € pour 2 dossiers.`);
    expect($$(el, '#pii-warning')).to.have.length(0);
  });

  it('masks what it found on request, keeps the rest as typed, saves it, and says so', async () => {
    const el = await storyStep(`${STORY} Rappelez-moi au 06 12 34 56 78 ou à jeanne@exemple.fr, merci.`);
    button(el, 'Masquer ces données').click();
    await settle(el);
    const story = field<HTMLTextAreaElement>(el, 'Racontez votre expérience');
    expect(story.value).to.equal(`${STORY} Rappelez-moi au [masqué] ou à [masqué], merci.`);
    expect(loadDraft('CAF-69')!.state.body).to.equal(story.value);
    expect(text(el, '#pii-warning')).to.equal('Les données personnelles ont été remplacées par « [masqué] ».');
    expect(focused(el)).to.equal('pii-warning');
  });

  it('finds data disguised with invisible characters or full-width digits, names and addresses; the draft keeps only the masked text', async () => {
    const el = await storyStep(
      `${STORY} Écrivez à jeanne\u200b@exemple.fr ou au ０６ １２ ３４ ５６ ７８. Reçue par Mme Martin puis Jean Dupont, j’habite 12 rue de la Paix.`,
    );
    // The first-names list arrives in a chunk of its own.
    for (let i = 0; i < 50 && !text(el, '#pii-warning').includes('Jean Dupont'); i++) await settle(el, 20);
    const items = $$(el, '#pii-warning li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      'adresse e-mail dans le récit : « jeanne\u200b@exemple.fr »',
      'numéro de téléphone dans le récit : « ０６ １２ ３４ ５６ ７８ »',
      'nom de personne dans le récit : « Martin »',
      'nom de personne dans le récit : « Jean Dupont »',
      'adresse postale dans le récit : « 12 rue de la Paix »',
    ]);
    button(el, 'Masquer ces données').click();
    await settle(el);
    const masked = `${STORY} Écrivez à [masqué] ou au [masqué]. Reçue par Mme [masqué] puis [masqué], j’habite [masqué].`;
    expect(field<HTMLTextAreaElement>(el, 'Racontez votre expérience').value).to.equal(masked);
    expect(loadDraft('CAF-69')!.state.body).to.equal(masked);
    const stored = JSON.stringify({ ...localStorage });
    for (const secret of ['jeanne', '０６', 'Martin', 'Dupont', 'Paix']) expect(stored, secret).not.to.contain(secret);
  });

  it('announces the finding politely once typing pauses', async () => {
    const el = await storyStep();
    type(field<HTMLTextAreaElement>(el, 'Racontez votre expérience'), `${STORY} IBAN FR76 3000 6000 0112 3456 7890 189`);
    await new Promise((r) => setTimeout(r, 1400));
    await settle(el);
    expect(text(el, '[aria-live=polite]')).to.contain('Attention : données personnelles : IBAN.');
  });

  it('does not block sending: the warning is repeated on the review, and the testimony goes as written', async () => {
    const calls = fakeApi();
    const body = `${STORY} Mon dossier n°20231145 est bloqué.`;
    seedDraft('CAF-69', complete({ body }), 5);
    const el = await mount();
    expect(text(el, '#pii-warning')).to.contain('numéro de dossier dans le récit : « 20231145 »');
    button(el, 'Envoyer mon témoignage').click();
    await settle(el, 60);
    expect((posts(calls)[0]!.body as { body: string }).body).to.equal(body);
    expect(text(el, '#result-title')).to.contain('bien été reçu');
  });

  it('masks in English with the English placeholder', async () => {
    fakeApi();
    seedDraft('CAF-69', complete({ body: `${STORY} Call me on 06 12 34 56 78.` }), 3);
    const el = await mount(html`<spp-testimony-form structure="CAF-69" api=${API} lang="en"></spp-testimony-form>`);
    expect(text(el, '#pii-warning')).to.contain('phone number in the story: “06 12 34 56 78”');
    button(el, 'Hide this data').click();
    await settle(el);
    expect(field<HTMLTextAreaElement>(el, 'Tell us about your experience').value).to.contain('Call me on [hidden].');
  });
});
