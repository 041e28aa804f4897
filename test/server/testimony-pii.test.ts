import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { PiiFinding, SubmissionAccepted } from '../../src/contract/index.js';
import { postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

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
