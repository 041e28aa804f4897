import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ModerationQueue, ModerationTestimony, TestimoniesPage, TestimonyTracking, type PiiFinding } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken, submitTestimony } from '../helpers/admin.js';

const STORY_WITH_PHONE = 'Le conseiller m’a dit de rappeler au 06 12 34 56 78 mais personne ne répond jamais à ce numéro.';

describe('admin API: moderation', () => {
  let server: TestServer;
  let caf69: string; // covers CAF-69 and its site CAF-69-VLB
  let cpam: string; // another network entirely
  let cafNetwork: string;

  before(async () => {
    server = await startTestServer();
    caf69 = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
    cpam = await agentToken(server.store, ['CPAM-33'], 'Agent CPAM de la Gironde');
    cafNetwork = await agentToken(server.store, { kind: 'network', codes: ['CAF'] }, 'Tête de réseau CAF');
  });
  after(() => server.close());

  const view = (res: { json(): unknown }) => ModerationTestimony.parse(res.json());
  const tracking = async (reference: string, token: string) =>
    TestimonyTracking.parse((await server.app.inject({ url: `/api/v1/testimonies/${reference}?token=${token}` })).json());
  const publicList = async (code: string) =>
    TestimoniesPage.parse((await server.app.inject({ url: `/api/v1/structures/${code}/testimonies?limit=50` })).json());
  const flag = (reference: string, findings: PiiFinding[]) =>
    server.store.db.updateTable('testimonies').set({ pii_flags: JSON.stringify(findings) }).where('reference', '=', reference).execute();
  const auditOf = (reference: string) =>
    server.store.db.selectFrom('audit_log').selectAll().where('target_id', '=', reference).orderBy('created_at').execute();

  describe('GET /admin/testimonies (the queue)', () => {
    it('200: lists the pending testimonies of my structures and sub-structures, oldest first, with the e-mail', async () => {
      const first = await submitTestimony(server.app, { title: 'Premier en attente', email: 'premier@example.org', contactConsent: true });
      const site = await submitTestimony(server.app, { title: 'Sur le site de Villeurbanne', structures: ['CAF-69-VLB'] });
      const elsewhere = await submitTestimony(server.app, { title: 'À la CPAM', structures: ['CPAM-33'] });
      const res = await admin(server.app, 'GET', '/api/v1/admin/testimonies?limit=50', caf69);
      assert.equal(res.statusCode, 200);
      const queue = ModerationQueue.parse(res.json());
      const refs = queue.items.map((i) => i.reference);
      assert.ok(refs.includes(first.reference) && refs.includes(site.reference));
      assert.ok(!refs.includes(elsewhere.reference), 'not another structure’s testimony');
      assert.ok(queue.items.every((i) => i.status === 'pending'));
      const created = queue.items.map((i) => i.createdAt);
      assert.deepEqual(created, [...created].sort(), 'oldest first');
      assert.equal(queue.items.find((i) => i.reference === first.reference)!.email, 'premier@example.org');
      assert.ok(queue.counts.pending >= 2 && queue.counts.published >= 2, JSON.stringify(queue.counts));
      // The seed holds a pending CAF-75 testimony: CAF-69's token must not see it.
      assert.ok(queue.items.every((i) => i.structures.some((s) => s.code.startsWith('CAF-69'))));
    });

    it('200: pages with a cursor, without repeating or skipping anything', async () => {
      const all = ModerationQueue.parse((await admin(server.app, 'GET', '/api/v1/admin/testimonies?limit=50', cafNetwork)).json());
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/admin/testimonies?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = ModerationQueue.parse((await admin(server.app, 'GET', url, cafNetwork)).json());
        seen.push(...page.items.map((i) => i.reference));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.items.map((i) => i.reference));
    });

    it('200: published ones with status=published, filtered to one structure', async () => {
      const res = await admin(server.app, 'GET', '/api/v1/admin/testimonies?status=published&structure=CAF-69-VLB', caf69);
      const queue = ModerationQueue.parse(res.json());
      assert.ok(queue.items.length >= 2);
      assert.ok(queue.items.every((i) => i.status === 'published' && i.structures.some((s) => s.code === 'CAF-69-VLB')));
    });

    it('403 when asking for another structure’s queue; 400 for an unreadable cursor', async () => {
      const res = await admin(server.app, 'GET', '/api/v1/admin/testimonies?structure=CPAM-33', caf69);
      assert.equal(res.statusCode, 403);
      assert.match(res.json().detail, /CPAM-33/);
      const parent = await admin(server.app, 'GET', '/api/v1/admin/testimonies?structure=CNAF', caf69);
      assert.equal(parent.statusCode, 403, 'a structure token does not cover its parent');
      const bad = await admin(server.app, 'GET', '/api/v1/admin/testimonies?cursor=garbage', caf69);
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'cursor');
    });
  });

  describe('GET /admin/testimonies/{reference}', () => {
    it('200 for my structure, 403 for another’s, 404 for an unknown reference', async () => {
      const { reference } = await submitTestimony(server.app);
      const mine = await admin(server.app, 'GET', `/api/v1/admin/testimonies/${reference}`, caf69);
      assert.equal(mine.statusCode, 200);
      assert.equal(view(mine).canModerate, true);
      assert.deepEqual(view(mine).canReplyAs, ['CAF-69']);
      assert.equal((await admin(server.app, 'GET', `/api/v1/admin/testimonies/${reference}`, cpam)).statusCode, 403);
      assert.equal((await admin(server.app, 'GET', '/api/v1/admin/testimonies/SPP-0000-0000', caf69)).statusCode, 404);
    });
  });

  describe('POST /admin/testimonies/{reference}/publish', () => {
    it('403 for a token of another structure, and nothing changes', async () => {
      const { reference, token } = await submitTestimony(server.app);
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, cpam, {});
      assert.equal(res.statusCode, 403);
      assert.equal((await tracking(reference, token)).status, 'pending');
      assert.equal((await auditOf(reference)).length, 0);
    });

    it('200: publishes with tags; the public listing of each structure and the author’s view show it; audited', async () => {
      const { reference, token } = await submitTestimony(server.app, { structures: ['CAF-69', 'CAF-69-VLB'], title: 'Publié par le test' });
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, { tags: ['reactivity', 'relation'] });
      assert.equal(res.statusCode, 200);
      const after = view(res);
      assert.equal(after.status, 'published');
      assert.deepEqual(after.tags, ['reactivity', 'relation']);
      assert.ok(after.publishedAt);
      const rows = await server.store.db
        .selectFrom('testimony_structures as ts')
        .innerJoin('testimonies as t', 't.id', 'ts.testimony_id')
        .select(['ts.published_at'])
        .where('t.reference', '=', reference)
        .execute();
      assert.deepEqual(rows.map((r) => r.published_at), [after.publishedAt, after.publishedAt]);
      for (const code of ['CAF-69', 'CAF-69-VLB']) {
        const item = (await publicList(code)).items.find((i) => i.reference === reference);
        assert.ok(item, `listed on ${code}`);
        assert.deepEqual(item.tags, ['reactivity', 'relation']);
      }
      const author = await tracking(reference, token);
      assert.equal(author.status, 'published');
      assert.equal(author.publishedAt, after.publishedAt);
      const audit = await auditOf(reference);
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.action, 'testimony.publish');
      assert.equal(audit[0]!.actor_name, 'Agent CAF du Rhône');
      assert.match(audit[0]!.created_at, /^\d{4}-\d{2}-\d{2}T/);
    });

    it('200: masks whatever is still flagged before publishing, and takes the agent’s edited text', async () => {
      const { reference } = await submitTestimony(server.app, { body: STORY_WITH_PHONE });
      const start = STORY_WITH_PHONE.indexOf('06 12');
      await flag(reference, [{ field: 'body', kind: 'phone', start, end: start + 14 }]);
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, { title: 'Un numéro qui ne répond pas' });
      const after = view(res);
      assert.equal(after.title, 'Un numéro qui ne répond pas');
      assert.ok(!after.body.includes('06 12 34 56 78'));
      assert.match(after.body, /rappeler au \[donnée masquée\] mais/);
      assert.deepEqual(after.piiFlags, []);
    });

    it('403 for the second structure of a shared testimony: moderation belongs to the first', async () => {
      const { reference } = await submitTestimony(server.app, { structures: ['CAF-69', 'CPAM-33'] });
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, cpam, {});
      assert.equal(res.statusCode, 403);
      assert.match(res.json().detail, /revient à « CAF-69 »/);
      const read = view(await admin(server.app, 'GET', `/api/v1/admin/testimonies/${reference}`, cpam));
      assert.equal(read.canModerate, false);
      assert.deepEqual(read.canReplyAs, ['CPAM-33']);
      assert.equal((await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, {})).statusCode, 200);
    });

    it('400 naming the field for an unknown tag or an empty title', async () => {
      const { reference } = await submitTestimony(server.app);
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, { tags: ['bruit'], title: ' ' });
      assert.equal(res.statusCode, 400);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      assert.ok(fields.includes('tags.0') && fields.includes('title'), fields.join());
    });
  });

  describe('POST /admin/testimonies/{reference}/reject', () => {
    it('403 for a token of another structure', async () => {
      const { reference } = await submitTestimony(server.app);
      assert.equal((await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reject`, cpam, { reason: 'spam' })).statusCode, 403);
    });

    it('200: rejects with a reason the author sees; a published one leaves the public listing', async () => {
      const { reference, token } = await submitTestimony(server.app, { title: 'Bientôt retiré' });
      await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, {});
      assert.ok((await publicList('CAF-69')).items.some((i) => i.reference === reference));
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reject`, caf69, { reason: 'individual_complaint' });
      assert.equal(res.statusCode, 200);
      assert.equal(view(res).status, 'rejected');
      assert.ok(!(await publicList('CAF-69')).items.some((i) => i.reference === reference));
      const author = await tracking(reference, token);
      assert.equal(author.status, 'rejected');
      assert.equal(author.rejectionReason, 'individual_complaint');
      assert.deepEqual((await auditOf(reference)).map((a) => a.action), ['testimony.publish', 'testimony.reject']);
    });

    it('400 naming "reason" for a reason outside the charter', async () => {
      const { reference } = await submitTestimony(server.app);
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reject`, caf69, { reason: 'boring' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].field, 'reason');
    });
  });

  describe('POST /admin/testimonies/{reference}/mask', () => {
    it('403 for a token of another structure, and the text is untouched', async () => {
      const { reference } = await submitTestimony(server.app, { body: STORY_WITH_PHONE });
      assert.equal((await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, cpam, {})).statusCode, 403);
      const row = await server.store.db.selectFrom('testimonies').select('body').where('reference', '=', reference).executeTakeFirstOrThrow();
      assert.equal(row.body, STORY_WITH_PHONE);
    });

    it('200: masks one chosen finding, keeps the other flagged at its new position, and overwrites the original', async () => {
      const body = 'Écrivez à jean.dupont@example.org ou appelez le 06 12 34 56 78 pour le suivi du dossier en cours.';
      const { reference } = await submitTestimony(server.app, { body });
      const email = { field: 'body' as const, kind: 'email' as const, start: body.indexOf('jean'), end: body.indexOf('jean') + 23 };
      const phone = { field: 'body' as const, kind: 'phone' as const, start: body.indexOf('06 12'), end: body.indexOf('06 12') + 14 };
      await flag(reference, [email, phone]);
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, caf69, { findings: [0] });
      assert.equal(res.statusCode, 200);
      const after = view(res);
      assert.ok(!after.body.includes('jean.dupont'));
      assert.equal(after.piiFlags.length, 1);
      const [left] = after.piiFlags;
      assert.equal(after.body.slice(left!.start, left!.end), '06 12 34 56 78');
      const stored = await server.store.db.selectFrom('testimonies').select('body').where('reference', '=', reference).executeTakeFirstOrThrow();
      assert.ok(!stored.body.includes('jean.dupont'), 'the unmasked text is not kept');
      const audit = await auditOf(reference);
      assert.equal(audit[0]!.action, 'testimony.mask');
      assert.ok(!audit[0]!.details.includes('jean.dupont'), 'the audit log does not copy the personal data');
    });

    it('200: the agent’s own edit; text still holding flagged data stays flagged, and publishing masks it', async () => {
      const { reference } = await submitTestimony(server.app, { body: STORY_WITH_PHONE });
      const start = STORY_WITH_PHONE.indexOf('06 12');
      await flag(reference, [{ field: 'body', kind: 'phone', start, end: start + 14 }]);
      const edited = 'J’ai rappelé le 06 12 34 56 78 plusieurs fois, sans jamais obtenir de réponse de la part du service.';
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, caf69, { body: edited });
      const after = view(res);
      assert.equal(after.body, edited);
      assert.equal(after.piiFlags.length, 1, 'the number is still flagged in the new text');
      assert.equal(edited.slice(after.piiFlags[0]!.start, after.piiFlags[0]!.end), '06 12 34 56 78');
      const published = view(await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, {}));
      assert.ok(!published.body.includes('06 12 34 56 78'));
    });

    it('runs the detector on the agent’s edit: personal data typed by the agent is flagged too', async () => {
      const { reference } = await submitTestimony(server.app);
      const edited = 'Votre conseillère, joignable au 04 72 00 00 00, a été très patiente avec moi au téléphone hier.';
      const after = view(await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, caf69, { body: edited }));
      assert.deepEqual(after.piiFlags.map((f) => [f.kind, edited.slice(f.start, f.end)]), [['phone', '04 72 00 00 00']]);
    });

    it('flags the author’s contact e-mail wherever the story repeats it', async () => {
      const body = 'Vous pouvez me répondre directement sur camille.martin@example.org, je consulte souvent ma boîte.';
      const { reference } = await submitTestimony(server.app, { body, email: 'Camille.Martin@example.org', contactConsent: true });
      const before = view(await admin(server.app, 'GET', `/api/v1/admin/testimonies/${reference}`, caf69));
      assert.equal(before.piiFlags.length, 1);
      assert.equal(before.piiFlags[0]!.kind, 'email');
      const published = view(await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, {}));
      assert.ok(!published.body.toLowerCase().includes('camille.martin'));
    });

    it('400 naming "findings" for an unknown index, or for indexes sent with an edited text', async () => {
      const { reference } = await submitTestimony(server.app);
      const unknown = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, caf69, { findings: [3] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field, 'findings');
      const both = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, caf69, { findings: [0], title: 'Nouveau titre' });
      assert.equal(both.statusCode, 400);
      assert.equal(both.json().errors[0].field, 'findings');
    });
  });

  describe('PUT /admin/testimonies/{reference}/tags', () => {
    it('403 for a token of another structure', async () => {
      const { reference } = await submitTestimony(server.app);
      assert.equal((await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/tags`, cpam, { tags: ['relation'] })).statusCode, 403);
    });

    it('200: replaces the tags; the public listing filters by them once published', async () => {
      const { reference } = await submitTestimony(server.app);
      await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, {});
      const res = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/tags`, caf69, { tags: ['accessibility', 'simplicity'] });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(view(res).tags, ['accessibility', 'simplicity']);
      const filtered = TestimoniesPage.parse((await server.app.inject({ url: '/api/v1/structures/CAF-69/testimonies?tag=simplicity&limit=50' })).json());
      assert.ok(filtered.items.some((i) => i.reference === reference));
    });

    it('400 for the same tag twice or a tag outside the 5 general ones', async () => {
      const { reference } = await submitTestimony(server.app);
      const twice = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/tags`, caf69, { tags: ['relation', 'relation'] });
      assert.equal(twice.statusCode, 400);
      assert.equal(twice.json().errors[0].field, 'tags');
      const unknown = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/tags`, caf69, { tags: ['météo'] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field, 'tags.0');
    });
  });

  describe('POST /admin/testimonies/{reference}/reassign', () => {
    it('403 for a token of another structure', async () => {
      const { reference } = await submitTestimony(server.app);
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reassign`, cpam, { from: 'CAF-69', to: 'CAF-69-VLB' });
      assert.equal(res.statusCode, 403);
    });

    it('200: hands the testimony to a sub-structure, which then lists it', async () => {
      const { reference } = await submitTestimony(server.app);
      const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reassign`, caf69, { from: 'CAF-69', to: 'CAF-69-VLB' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(view(res).structures.map((s) => s.code), ['CAF-69-VLB']);
      const queue = ModerationQueue.parse((await admin(server.app, 'GET', '/api/v1/admin/testimonies?structure=CAF-69-VLB&limit=50', caf69)).json());
      assert.ok(queue.items.some((i) => i.reference === reference));
      assert.equal((await auditOf(reference))[0]!.action, 'testimony.reassign');
    });

    it('400 for a structure that is not below the original; 409 for one already concerned', async () => {
      const { reference } = await submitTestimony(server.app, { structures: ['CAF-69', 'CAF-69-VLB'] });
      const sideways = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reassign`, cafNetwork, { from: 'CAF-69', to: 'CAF-75' });
      assert.equal(sideways.statusCode, 400);
      assert.equal(sideways.json().errors[0].field, 'to');
      const taken = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reassign`, caf69, { from: 'CAF-69', to: 'CAF-69-VLB' });
      assert.equal(taken.statusCode, 409);
    });
  });
});
