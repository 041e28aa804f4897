import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdminCommitment, AuditPage, CreatedTokenView, ResultsUploadReport, Structure, SubStructures, TokenList } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken, submitTestimony } from '../helpers/admin.js';

/**
 * The routes a structure's team runs its presence with: local commitments, sub-structures, agents' tokens (manager),
 * audit log (manager), testimonies export, results upload. Each: 401 without a token, 403 outside the token's
 * structures, 403 for an agent on a manager's route, every write audited.
 */
describe('admin API: commitments, tokens, audit, sub-structures, export, results upload', () => {
  let server: TestServer;
  let manager: string;
  let agent: string;
  let cpamManager: string;
  before(async () => {
    server = await startTestServer();
    manager = await agentToken(server.store, ['CAF-69'], 'Responsable CAF du Rhône', 'manager');
    agent = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
    cpamManager = await agentToken(server.store, ['CPAM-33'], 'Responsable CPAM', 'manager');
  });
  after(() => server.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string | null, body?: unknown) => admin(server.app, method, url, token, body);
  const publicStructure = async (code: string) => Structure.parse((await server.app.inject({ url: `/api/v1/structures/${code}` })).json());

  describe('scope and role of every new route', () => {
    const routes: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: (code: string) => string; body?: unknown; managerOnly: boolean }[] = [
      { method: 'GET', url: (c) => `/api/v1/admin/structures/${c}/sub-structures`, managerOnly: false },
      { method: 'GET', url: (c) => `/api/v1/admin/structures/${c}/commitments`, managerOnly: false },
      { method: 'POST', url: (c) => `/api/v1/admin/structures/${c}/commitments`, body: { engagement: 2, text: 'Un numéro gratuit.' }, managerOnly: false },
      { method: 'PUT', url: (c) => `/api/v1/admin/structures/${c}/commitments/x1`, body: { engagement: 2, text: 'Un numéro gratuit.' }, managerOnly: false },
      { method: 'DELETE', url: (c) => `/api/v1/admin/structures/${c}/commitments/x1`, managerOnly: false },
      { method: 'GET', url: (c) => `/api/v1/admin/structures/${c}/testimonies.csv`, managerOnly: false },
      { method: 'POST', url: (c) => `/api/v1/admin/structures/${c}/results.csv`, body: { csv: 'x', check: true }, managerOnly: false },
      { method: 'GET', url: (c) => `/api/v1/admin/structures/${c}/tokens`, managerOnly: true },
      { method: 'POST', url: (c) => `/api/v1/admin/structures/${c}/tokens`, body: { name: 'Nouvel agent' }, managerOnly: true },
      { method: 'DELETE', url: (c) => `/api/v1/admin/structures/${c}/tokens/0123456789ab`, managerOnly: true },
      { method: 'GET', url: (c) => `/api/v1/admin/structures/${c}/audit`, managerOnly: true },
    ];
    for (const route of routes) {
      it(`${route.method} ${route.url('{code}')}: 401 without a token, 403 across structures${route.managerOnly ? ', 403 for an agent' : ''}`, async () => {
        const none = await call(route.method, route.url('CAF-69'), null, route.body);
        assert.equal(none.statusCode, 401);
        assert.match(String(none.headers['www-authenticate']), /^Bearer/);
        const revokedLike = await call(route.method, route.url('CAF-69'), 'spp_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ', route.body);
        assert.equal(revokedLike.statusCode, 401);
        const across = await call(route.method, route.url('CAF-69'), cpamManager, route.body);
        assert.equal(across.statusCode, 403, across.body);
        assert.match(across.headers['content-type'] as string, /problem\+json/);
        if (route.managerOnly) {
          const asAgent = await call(route.method, route.url('CAF-69'), agent, route.body);
          assert.equal(asAgent.statusCode, 403, asAgent.body);
          assert.match(asAgent.json().detail, /responsable/);
        }
      });
    }
  });

  it('commitments: 201 with an id, shown by the public structure under its engagement; PUT, DELETE 204; all audited', async () => {
    const res = await call('POST', '/api/v1/admin/structures/CAF-69-VLB/commitments', agent, { engagement: 2, text: 'Rappel sous 24 h si vous nous laissez un message.' });
    assert.equal(res.statusCode, 201, res.body);
    const created = AdminCommitment.parse(res.json());
    assert.equal(created.engagement, 2);
    assert.match(String(res.headers.location), new RegExp(`/commitments/${created.id}$`));
    assert.ok((await publicStructure('CAF-69-VLB')).commitments.some((c) => c.engagement === 2 && c.text === created.text), 'public banner data');

    const put = await call('PUT', `/api/v1/admin/structures/CAF-69-VLB/commitments/${created.id}`, agent, { engagement: 3, text: 'Un conseiller vous accompagne.' });
    assert.equal(put.statusCode, 200);
    assert.equal(AdminCommitment.parse(put.json()).engagement, 3);
    const shown = (await publicStructure('CAF-69-VLB')).commitments;
    assert.ok(shown.some((c) => c.engagement === 3 && c.text === 'Un conseiller vous accompagne.'));
    assert.ok(!shown.some((c) => c.text === created.text));

    assert.equal((await call('PUT', `/api/v1/admin/structures/CAF-69/commitments/${created.id}`, agent, { engagement: 3, text: 'x' })).statusCode, 404, 'addressed under its own structure');
    const del = await call('DELETE', `/api/v1/admin/structures/CAF-69-VLB/commitments/${created.id}`, agent);
    assert.equal(del.statusCode, 204);
    assert.ok(!(await publicStructure('CAF-69-VLB')).commitments.some((c) => c.text === 'Un conseiller vous accompagne.'));
    assert.equal((await call('DELETE', `/api/v1/admin/structures/CAF-69-VLB/commitments/${created.id}`, agent)).statusCode, 404);

    const audit = await server.store.db.selectFrom('audit_log').select(['action', 'structure_code']).where('target_id', '=', created.id).orderBy('created_at').execute();
    assert.deepEqual(audit.map((a) => a.action), ['commitment.create', 'commitment.update', 'commitment.delete']);
    assert.ok(audit.every((a) => a.structure_code === 'CAF-69-VLB'));
  });

  it('commitments: 400 naming the field for a bad engagement number or an empty text; nothing stored', async () => {
    const before = (await publicStructure('CAF-69')).commitments.length;
    for (const [body, field] of [
      [{ engagement: 10, text: 'Hors des 9 engagements' }, 'engagement'],
      [{ engagement: 0, text: 'Hors des 9 engagements' }, 'engagement'],
      [{ engagement: 2, text: '   ' }, 'text'],
      [{ engagement: 2 }, 'text'],
    ] as const) {
      const res = await call('POST', '/api/v1/admin/structures/CAF-69/commitments', agent, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.ok(res.json().errors.some((e: { field: string }) => e.field === field), res.body);
    }
    assert.equal((await publicStructure('CAF-69')).commitments.length, before);
    assert.equal((await call('POST', '/api/v1/admin/structures/NOPE-1/commitments', agent, { engagement: 2, text: 'x' })).statusCode, 404);
  });

  it('tokens: a manager creates an agent token (secret once), lists it without secrets, revokes it: refused at once', async () => {
    const res = await call('POST', '/api/v1/admin/structures/CAF-69-VLB/tokens', manager, { name: 'Agent d’accueil Villeurbanne' });
    assert.equal(res.statusCode, 201, res.body);
    const created = CreatedTokenView.parse(res.json());
    assert.equal(created.role, 'agent');
    assert.deepEqual(created.scope, { kind: 'structures', codes: ['CAF-69-VLB'] });
    const me = await call('GET', '/api/v1/admin/me', created.token);
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().role, 'agent');

    const list = await call('GET', '/api/v1/admin/structures/CAF-69/tokens', manager);
    assert.equal(list.statusCode, 200);
    const tokens = TokenList.parse(list.json()).items;
    assert.ok(tokens.some((t) => t.id === created.id && t.revokedAt === null), 'a sub-structure’s token is listed');
    assert.ok(!list.body.includes(created.token.split('_').slice(2).join('_')), 'never the secret');
    assert.ok(!tokens.some((t) => t.scope.codes.includes('CPAM-33')), 'no other structure’s token');

    assert.equal((await call('DELETE', `/api/v1/admin/structures/CAF-69/tokens/${created.id}`, agent)).statusCode, 403, 'an agent cannot revoke');
    assert.equal((await call('DELETE', `/api/v1/admin/structures/CAF-69/tokens/${created.id}`, manager)).statusCode, 204);
    assert.equal((await call('GET', '/api/v1/admin/me', created.token)).statusCode, 401, 'refused at once');
    const revoked = TokenList.parse((await call('GET', '/api/v1/admin/structures/CAF-69/tokens', manager)).json()).items.find((t) => t.id === created.id);
    assert.ok(revoked?.revokedAt);

    const actions = await server.store.db.selectFrom('audit_log').select(['action', 'actor_name']).where('target_id', '=', created.id).orderBy('created_at').execute();
    assert.deepEqual(actions, [
      { action: 'token.create', actor_name: 'Responsable CAF du Rhône' },
      { action: 'token.revoke', actor_name: 'Responsable CAF du Rhône' },
    ]);
    assert.equal((await call('POST', '/api/v1/admin/structures/CAF-69/tokens', manager, { name: '' })).statusCode, 400);
  });

  it('tokens: a manager cannot revoke another structure’s token nor a manager’s token', async () => {
    const cpamAgent = CreatedTokenView.parse((await call('POST', '/api/v1/admin/structures/CPAM-33/tokens', cpamManager, { name: 'Agent CPAM' })).json());
    assert.equal((await call('DELETE', `/api/v1/admin/structures/CAF-69/tokens/${cpamAgent.id}`, manager)).statusCode, 404);
    assert.equal((await call('DELETE', `/api/v1/admin/structures/CPAM-33/tokens/${cpamAgent.id}`, manager)).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/admin/me', cpamAgent.token)).statusCode, 200, 'still works');
    const managerId = (await call('GET', '/api/v1/admin/me', manager)).json().token.id as string;
    assert.equal((await call('DELETE', `/api/v1/admin/structures/CAF-69/tokens/${managerId}`, manager)).statusCode, 403);
  });

  it('audit: a manager pages through who did what, when, on what, for the structure and its sub-structures only', async () => {
    await call('POST', '/api/v1/admin/structures/CAF-69/commitments', agent, { engagement: 1, text: 'Le droit à l’erreur s’applique.' });
    await call('POST', '/api/v1/admin/structures/CPAM-33/commitments', cpamManager, { engagement: 1, text: 'CPAM' });
    const { reference } = await submitTestimony(server.app, { structures: ['CAF-69'] });
    assert.equal((await call('POST', `/api/v1/admin/testimonies/${reference}/publish`, agent, {})).statusCode, 200);

    const first = await call('GET', '/api/v1/admin/structures/CAF-69/audit?limit=2', manager);
    assert.equal(first.statusCode, 200, first.body);
    const page = AuditPage.parse(first.json());
    assert.equal(page.items.length, 2);
    assert.deepEqual(page.items[0]!.target, { type: 'testimony', id: reference }, 'a testimony’s moderation belongs to its structures');
    assert.equal(page.items[0]!.actor.name, 'Agent CAF du Rhône');
    assert.ok(page.nextCursor);
    const all: AuditPage['items'] = [...page.items];
    let cursor: string | null = page.nextCursor;
    while (cursor) {
      const next = AuditPage.parse((await call('GET', `/api/v1/admin/structures/CAF-69/audit?limit=50&cursor=${encodeURIComponent(cursor)}`, manager)).json());
      all.push(...next.items);
      cursor = next.nextCursor;
    }
    const actions = new Set(all.map((a) => a.action));
    for (const action of ['commitment.create', 'commitment.update', 'commitment.delete', 'token.create', 'token.revoke', 'testimony.publish']) assert.ok(actions.has(action), action);
    assert.ok(!all.some((a) => a.structure === 'CPAM-33'), 'nothing of another structure');
    const times = all.map((a) => a.at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    assert.equal((await call('GET', '/api/v1/admin/structures/CAF-69/audit?cursor=nope', manager)).statusCode, 400);
  });

  it('sub-structures: lists the structures under one, to re-assign a testimony there', async () => {
    const res = await call('GET', '/api/v1/admin/structures/CAF-69/sub-structures', agent);
    assert.equal(res.statusCode, 200);
    const subs = SubStructures.parse(res.json());
    assert.ok(subs.items.some((s) => s.code === 'CAF-69-VLB'));
    assert.ok(!subs.items.some((s) => s.code === 'CAF-69'));
    const { reference } = await submitTestimony(server.app, { structures: ['CAF-69'] });
    const moved = await call('POST', `/api/v1/admin/testimonies/${reference}/reassign`, agent, { from: 'CAF-69', to: subs.items[0]!.code });
    assert.equal(moved.statusCode, 200);
  });

  it('export: text/csv with a BOM, `;`, the columns of the real experiences export, published testimonies only, never an e-mail', async () => {
    const published = await submitTestimony(server.app, { structures: ['CAF-69-VLB'], title: 'Accueil; très "aimable"', email: 'usager@example.org', contactConsent: true });
    const pending = await submitTestimony(server.app, { structures: ['CAF-69-VLB'], title: 'Encore en modération' });
    assert.equal((await call('POST', `/api/v1/admin/testimonies/${published.reference}/publish`, agent, { tags: ['reactivity'] })).statusCode, 200);
    const res = await call('GET', '/api/v1/admin/structures/CAF-69/testimonies.csv', agent);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="temoignages-CAF-69\.csv"/);
    const bytes = res.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = bytes.subarray(3).toString('utf8');
    const [header, ...rows] = text.trimEnd().split('\r\n');
    assert.equal(
      header,
      'id_experience;etat_experience;ecrit_le;date_de_publication;titre;description;poste_comme;ressenti_usager;intitule_typologie_1;intitule_typologie_2;intitule_typologie_3;reponse_structure_1;reponse_structure_2;reponse_structure_3;reactivite;relation;information_explication;accessibilite;simplicite_complexite;pays;code_postal_usager;date_de_premiere_reponse',
    );
    const line = rows.find((r) => r.startsWith(published.reference));
    assert.ok(line, 'the published one');
    assert.ok(line.includes(';"Accueil; très ""aimable""";'), line);
    assert.ok(line.includes(';Négatif;CAF du Rhône – accueil de Villeurbanne;'), line);
    assert.ok(line.includes(';Publiée;'), line);
    assert.ok(!rows.some((r) => r.startsWith(pending.reference)), 'not a pending one');
    assert.ok(!text.includes('usager@example.org'));
  });

  it('results upload: checks every line first (nothing written on an error), then writes; rows of another structure refused; audited', async () => {
    // The real `export-resultats` format (field ids): an annual value updated in January 2032 covers 2031.
    const header = 'code_sp_du_resultat;intitule_du_reseau;typologie;intitule_de_la_structure;code_sp_structure;code_sp_de_l_indicateur;titre_original_de_l_indicateur;valeur;frequence;date_de_mise_a_jour';
    const caf = "Caisses d'allocations familiales;Caisse d'allocations familiales";
    const row = (id: string, structure: string, name: string, indicator: string, value: string) =>
      `${id};${caf};${name};${structure};${indicator};Taux de décroché téléphonique;${value};Annuelle;15/01/2032`;
    const good = [header, row('RES-T1', 'CAF-69', 'CAF du Rhône', 'IND-DECROCHE', '91,5'), row('RES-T2', 'CAF-69-VLB', 'CAF du Rhône – accueil de Villeurbanne', 'IND-DECROCHE', '88')].join('\n');
    const bad = [
      header,
      row('RES-T1', 'CAF-69', 'CAF du Rhône', 'IND-DECROCHE', '91,5'),
      `RES-T3;Caisses primaires d'assurance maladie;Caisse primaire d'assurance maladie;CPAM de la Gironde;CPAM-33;IND-DECROCHE;Taux de décroché téléphonique;50;Annuelle;15/01/2032`,
      row('RES-T4', 'CAF-69', 'CAF du Rhône', 'IND-NOPE', '12'),
    ].join('\n');
    const stored = () => server.store.db.selectFrom('results').select(['structure_code', 'value']).where('period', '=', '2031').execute();

    const refused = await call('POST', '/api/v1/admin/structures/CAF-69/results.csv', agent, { csv: bad });
    assert.equal(refused.statusCode, 422, refused.body);
    const report = ResultsUploadReport.parse(refused.json());
    assert.equal(report.written, false);
    assert.deepEqual(report.errors.map((e) => e.line), [3, 4]);
    assert.match(report.errors[0]!.message, /CPAM-33/);
    assert.deepEqual(await stored(), [], 'nothing written, not even the good line');

    const checked = ResultsUploadReport.parse((await call('POST', '/api/v1/admin/structures/CAF-69/results.csv', agent, { csv: good, check: true })).json());
    assert.deepEqual(checked, { written: false, rows: 2, errors: [] });
    assert.deepEqual(await stored(), []);

    const done = await call('POST', '/api/v1/admin/structures/CAF-69/results.csv', agent, { csv: good });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(ResultsUploadReport.parse(done.json()), { written: true, rows: 2, errors: [] });
    assert.deepEqual((await stored()).map((r) => [r.structure_code, Number(r.value)]).sort(), [['CAF-69', 91.5], ['CAF-69-VLB', 88]]);
    const results = (await server.app.inject({ url: '/api/v1/structures/CAF-69/results' })).body;
    assert.match(results, /91\.5/);
    const audit = await server.store.db.selectFrom('audit_log').select('action').where('action', '=', 'results.upload').execute();
    assert.equal(audit.length, 1);

    const notResults = ResultsUploadReport.parse((await call('POST', '/api/v1/admin/structures/CAF-69/results.csv', agent, { csv: 'a;b\n1;2' })).json());
    assert.equal(notResults.written, false);
    assert.ok(notResults.errors.length >= 1);
  });

  it('the CLI makes a manager token (--role manager) that the manager routes accept', async () => {
    const { runAdmin } = await import('../../server/cli/admin.js');
    const out: string[] = [];
    const previous = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    Object.assign(process.env, server.databaseEnv);
    try {
      assert.equal(await runAdmin(['token', 'create', '--name', 'Responsable', '--structure', 'CAF-69', '--role', 'manager', '--json'], (t) => out.push(t)), 0);
      assert.equal(await runAdmin(['token', 'create', '--name', 'X', '--structure', 'CAF-69', '--role', 'boss'], (t) => out.push(t)), 2);
    } finally {
      for (const [k, v] of Object.entries(previous)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
    const created = JSON.parse(out[0]!) as { token: string; role: string };
    assert.equal(created.role, 'manager');
    assert.equal((await call('GET', '/api/v1/admin/structures/CAF-69/audit', created.token)).statusCode, 200);
  });
});

describe('admin API: an improvement action cites the testimonies that prompted it', () => {
  let server: TestServer;
  let agent: string;
  before(async () => {
    server = await startTestServer();
    agent = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
  });
  after(() => server.close());

  const ACTION = { youSaid: 'L’attente au téléphone est trop longue.', weDid: 'Un rappel automatique est proposé.', engagement: 2, status: 'done', date: '2025-03-01' };
  const plan = async () => (await server.app.inject({ url: '/api/v1/structures/CAF-69-VLB/improvements' })).json() as { items: { id: string; testimonies?: { count: number; published: { reference: string; title: string }[] } }[] };

  it('"suite à N témoignages": counts every cited testimony, shows only the published ones; 400 for another structure’s', async () => {
    const published = await submitTestimony(server.app, { structures: ['CAF-69-VLB'], title: 'Quarante minutes au téléphone' });
    const pending = await submitTestimony(server.app, { structures: ['CAF-69-VLB'] });
    const elsewhere = await submitTestimony(server.app, { structures: ['CPAM-33'] });
    assert.equal((await admin(server.app, 'POST', `/api/v1/admin/testimonies/${published.reference}/publish`, agent, {})).statusCode, 200);

    const refused = await admin(server.app, 'POST', '/api/v1/admin/structures/CAF-69-VLB/improvements', agent, { ...ACTION, testimonies: [published.reference, elsewhere.reference] });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(refused.json().errors.map((e: { field: string }) => e.field), ['testimonies.1']);

    const res = await admin(server.app, 'POST', '/api/v1/admin/structures/CAF-69-VLB/improvements', agent, { ...ACTION, testimonies: [published.reference, pending.reference] });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    assert.deepEqual(res.json().testimonies, { count: 2, published: [{ reference: published.reference, title: 'Quarante minutes au téléphone' }] });
    const shown = (await plan()).items.find((i) => i.id === id)!;
    assert.deepEqual(shown.testimonies, { count: 2, published: [{ reference: published.reference, title: 'Quarante minutes au téléphone' }] });

    // An update without `testimonies` keeps them; with a list, replaces them.
    await admin(server.app, 'PUT', `/api/v1/admin/structures/CAF-69-VLB/improvements/${id}`, agent, ACTION);
    assert.equal((await plan()).items.find((i) => i.id === id)!.testimonies!.count, 2);
    await admin(server.app, 'PUT', `/api/v1/admin/structures/CAF-69-VLB/improvements/${id}`, agent, { ...ACTION, testimonies: [pending.reference] });
    assert.deepEqual((await plan()).items.find((i) => i.id === id)!.testimonies, { count: 1, published: [] });
    assert.equal((await admin(server.app, 'DELETE', `/api/v1/admin/structures/CAF-69-VLB/improvements/${id}`, agent)).statusCode, 204);
  });
});
