import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ModerationTestimony, TestimoniesPage, TestimonyTracking } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken, submitTestimony } from '../helpers/admin.js';

const REPLY = {
  body: 'Merci pour votre message : nous avons ajouté une ligne directe pour les dossiers de prime d’activité.',
  signature: 'Le service relation allocataires de la CAF du Rhône',
};

describe('admin API: public replies, per structure', () => {
  let server: TestServer;
  let caf69: string;
  let cpam: string;

  before(async () => {
    server = await startTestServer();
    caf69 = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
    cpam = await agentToken(server.store, ['CPAM-33'], 'Agent CPAM');
  });
  after(() => server.close());

  async function published(structures: string[] = ['CAF-69']) {
    const submitted = await submitTestimony(server.app, { structures });
    const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${submitted.reference}/publish`, caf69, {});
    assert.equal(res.statusCode, 200);
    return submitted;
  }
  const tracking = async (reference: string, token: string) =>
    TestimonyTracking.parse((await server.app.inject({ url: `/api/v1/testimonies/${reference}?token=${token}` })).json());

  it('201: the reply is public on the structure’s listing, and the author sees "answered" with it', async () => {
    const { reference, token } = await published();
    assert.equal((await tracking(reference, token)).status, 'published');
    const res = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, REPLY);
    assert.equal(res.statusCode, 201);
    const view = ModerationTestimony.parse(res.json());
    assert.equal(view.replies.length, 1);
    assert.ok(view.firstReplyAt);

    const author = await tracking(reference, token);
    assert.equal(author.status, 'answered');
    assert.equal(author.replies[0]!.body, REPLY.body);
    assert.equal(author.replies[0]!.signature, REPLY.signature);
    assert.equal(author.replies[0]!.structure.code, 'CAF-69');

    const page = TestimoniesPage.parse((await server.app.inject({ url: '/api/v1/structures/CAF-69/testimonies?limit=50' })).json());
    const item = page.items.find((i) => i.reference === reference)!;
    assert.equal(item.replies[0]!.signature, REPLY.signature);
    assert.ok(page.stats.answered >= 1 && page.stats.medianReplyDays !== null);

    const audit = await server.store.db.selectFrom('audit_log').selectAll().where('target_id', '=', reference).where('action', '=', 'testimony.reply').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.structure_code, 'CAF-69');
  });

  it('200: a second reply replaces the text and keeps the first date (one reply per structure)', async () => {
    const { reference } = await published();
    const first = ModerationTestimony.parse((await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, REPLY)).json());
    const res = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, { ...REPLY, body: 'Texte corrigé de la réponse.' });
    assert.equal(res.statusCode, 200);
    const second = ModerationTestimony.parse(res.json());
    assert.equal(second.replies.length, 1);
    assert.equal(second.replies[0]!.body, 'Texte corrigé de la réponse.');
    assert.equal(second.replies[0]!.createdAt, first.replies[0]!.createdAt);
    assert.equal(second.firstReplyAt, first.firstReplyAt);
  });

  it('403 for a token of another structure', async () => {
    const { reference } = await published();
    const res = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, cpam, REPLY);
    assert.equal(res.statusCode, 403);
  });

  it('a shared testimony: each structure replies for itself, never for the other', async () => {
    const { reference, token } = await published(['CAF-69', 'CPAM-33']);
    const asOther = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, cpam, REPLY);
    assert.equal(asOther.statusCode, 403, 'CPAM cannot sign for the CAF');
    assert.match(asOther.json().detail, /CAF-69/);
    const own = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CPAM-33`, cpam, {
      body: 'La CPAM a bien reçu votre témoignage.',
      signature: 'CPAM de la Gironde',
    });
    assert.equal(own.statusCode, 201);
    await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, REPLY);
    const author = await tracking(reference, token);
    assert.deepEqual(author.replies.map((r) => r.structure.code).sort(), ['CAF-69', 'CPAM-33']);
  });

  it('409 before publication: nothing is answered in public while in moderation', async () => {
    const { reference, token } = await submitTestimony(server.app);
    const res = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, REPLY);
    assert.equal(res.statusCode, 409);
    assert.equal((await tracking(reference, token)).replies.length, 0);
  });

  it('400 naming the field: a structure not concerned, an empty signature, a reply too long', async () => {
    const { reference } = await published();
    const other = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69-VLB`, caf69, REPLY);
    assert.equal(other.statusCode, 400);
    assert.equal(other.json().errors[0].field, 'structure');
    const unsigned = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, { body: REPLY.body, signature: '  ' });
    assert.equal(unsigned.statusCode, 400);
    assert.equal(unsigned.json().errors[0].field, 'signature');
    const long = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, { ...REPLY, body: 'x'.repeat(5001) });
    assert.equal(long.statusCode, 400);
    assert.equal(long.json().errors[0].field, 'body');
  });

  it('a rejected testimony shows its author no reply, even one written while it was published', async () => {
    const { reference, token } = await published();
    await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, REPLY);
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reject`, caf69, { reason: 'duplicate' });
    const author = await tracking(reference, token);
    assert.equal(author.status, 'rejected');
    assert.deepEqual(author.replies, []);
  });

  it('the response rate counts each structure’s own first reply: a shared testimony, a reply, an edit', async () => {
    const stats = async (code: string) =>
      TestimoniesPage.parse((await server.app.inject({ url: `/api/v1/structures/${code}/testimonies` })).json()).stats;
    const [caf0, cpam0] = [await stats('CAF-69'), await stats('CPAM-33')];
    const { reference } = await published(['CAF-69', 'CPAM-33']);
    const [caf1, cpam1] = [await stats('CAF-69'), await stats('CPAM-33')];
    assert.deepEqual([caf1.published, caf1.answered], [caf0.published + 1, caf0.answered]);
    assert.deepEqual([cpam1.published, cpam1.answered], [cpam0.published + 1, cpam0.answered]);

    // The CPAM answers: only the CPAM's rate moves.
    assert.equal((await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CPAM-33`, cpam, REPLY)).statusCode, 201);
    const [caf2, cpam2] = [await stats('CAF-69'), await stats('CPAM-33')];
    assert.equal(caf2.answered, caf1.answered);
    assert.equal(cpam2.answered, cpam1.answered + 1);
    assert.equal(cpam2.responseRate, cpam2.answered / cpam2.published);

    // Editing the reply neither counts it twice nor moves its time (the delay is the citizen's wait).
    const edit = { ...REPLY, body: `${REPLY.body} Précision : la ligne est ouverte du lundi au vendredi.` };
    assert.equal((await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CPAM-33`, cpam, edit)).statusCode, 200);
    assert.deepEqual(await stats('CPAM-33'), cpam2);
  });
});
