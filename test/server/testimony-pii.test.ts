import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { PiiFinding, SubmissionAccepted } from '../../src/contract/index.js';
import { postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';
import { admin, agentToken } from '../helpers/admin.js';

const StoredFlags = z.array(PiiFinding);

describe('submissions: personal data flagged for the moderator', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const storedRow = async (reference: string) =>
    server.store.db.selectFrom('testimonies').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();

  it('stores the positions of what it found in the title and the story, never the text itself', async () => {
    const title = 'Rappelez-moi au 06 12 34 56 78';
    const body =
      'Mon numéro d’allocataire est 1234567 et mon adresse jean.dupont@exemple.fr ; j’attends depuis trois mois une réponse.';
    const res = await postTestimony(server.app, validSubmission({ title, body }));
    assert.equal(res.statusCode, 201);
    const row = await storedRow(SubmissionAccepted.parse(res.json()).reference);
    const flags = StoredFlags.parse(JSON.parse(row.pii_flags));
    assert.deepEqual(
      flags.map((f) => `${f.field}:${f.kind}`),
      ['title:phone', 'body:file_number', 'body:email'],
    );
    const texts = flags.map((f) => (f.field === 'title' ? row.title : row.body).slice(f.start, f.end));
    assert.deepEqual(texts, ['06 12 34 56 78', '1234567', 'jean.dupont@exemple.fr']);
    assert.ok(!row.pii_flags.includes('06 12'), 'the matched text is not copied into the flags');
  });

  it('counts positions in the stored (trimmed) text', async () => {
    const res = await postTestimony(server.app, validSubmission({ title: '   Appel au 0612345678   ' }));
    const row = await storedRow(res.json().reference);
    const [flag] = StoredFlags.parse(JSON.parse(row.pii_flags));
    assert.equal(row.title.slice(flag!.start, flag!.end), '0612345678');
  });

  it('stores an empty list for a testimony without personal data', async () => {
    const res = await postTestimony(server.app, validSubmission({ body: 'Le 12/03/2024 j’ai payé 150 € au guichet de 75011 Paris, et on m’a très bien reçu.' }));
    const row = await storedRow(res.json().reference);
    assert.deepEqual(JSON.parse(row.pii_flags), []);
  });
});

describe('personal data however written: shown to the moderator, never published', () => {
  let server: TestServer;
  let agent: string;
  before(async () => {
    server = await startTestServer();
    agent = await agentToken(server.store, ['CAF-69'], 'Agent CAF');
  });
  after(() => server.close());

  const detail = async (reference: string) => {
    const res = await admin(server.app, 'GET', `/api/v1/admin/testimonies/${reference}`, agent);
    assert.equal(res.statusCode, 200);
    return res.json() as { title: string; body: string; piiFlags: PiiFinding[] };
  };

  it('flags disguised e-mails and phones, names, addresses, plates and birth dates for the moderator', async () => {
    const body =
      'Mme Martin puis Jean Dupont m’ont reçu. Rappelez-moi au 06\u200b12\u200b34\u200b56\u200b78 ou au ０７ １２ ３４ ５６ ７８, ' +
      'écrivez à paul (at) exemple (dot) fr. J’habite au 12 rue de la Paix, 75002 Paris, je suis née le 12/03/1985, voiture AB-123-CD.';
    const res = await postTestimony(server.app, validSubmission({ body }));
    assert.equal(res.statusCode, 201);
    const view = await detail(SubmissionAccepted.parse(res.json()).reference);
    assert.deepEqual(
      view.piiFlags.map((f) => `${f.kind}: ${view.body.slice(f.start, f.end)}`),
      [
        'name: Martin',
        'name: Jean Dupont',
        'phone: 06\u200b12\u200b34\u200b56\u200b78',
        'phone: ０７ １２ ３４ ５６ ７８',
        'email: paul (at) exemple (dot) fr',
        'address: 12 rue de la Paix, 75002 Paris',
        'birth_date: 12/03/1985',
        'plate: AB-123-CD',
      ],
    );
  });

  it('masks the author’s own address before publication, however the story spells it', async () => {
    const email = 'claire.morel@exemple.fr';
    const body = `Répondez-moi à C L A I R E . M O R E L @ exemple . fr ou à Claire.Morel(at)Exemple(dot)FR, j’attends depuis trois mois une réponse.`;
    const res = await postTestimony(server.app, validSubmission({ body, email, contactConsent: true }));
    const { reference } = SubmissionAccepted.parse(res.json());
    const view = await detail(reference);
    assert.equal(view.piiFlags.filter((f) => f.kind === 'email').length, 2);
    const published = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, agent, {});
    assert.equal(published.statusCode, 200);
    const page = (await server.app.inject({ url: '/api/v1/structures/CAF-69/testimonies' })).json() as { items: { reference: string; body: string }[] };
    const text = page.items.find((i) => i.reference === reference)!.body;
    assert.equal(text, 'Répondez-moi à [donnée masquée] ou à [donnée masquée], j’attends depuis trois mois une réponse.');
  });

  it('keeps it masked when the agent’s edit writes it again in another form', async () => {
    const email = 'paul.girard@exemple.fr';
    const res = await postTestimony(server.app, validSubmission({ email, contactConsent: true }));
    const { reference } = SubmissionAccepted.parse(res.json());
    const edit = 'J’ai attendu quarante minutes. Contact : p a u l . g i r a r d @ exemple . fr pour la suite.';
    const published = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, agent, { body: edit });
    assert.equal(published.statusCode, 200);
    const page = (await server.app.inject({ url: '/api/v1/structures/CAF-69/testimonies' })).json() as { items: { reference: string; body: string }[] };
    assert.equal(page.items.find((i) => i.reference === reference)!.body, 'J’ai attendu quarante minutes. Contact : [donnée masquée] pour la suite.');
  });
});
