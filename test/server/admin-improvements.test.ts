import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ImprovementAction, ImprovementsResponse } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken } from '../helpers/admin.js';

const ACTION = {
  youSaid: 'Vous attendiez dehors, sous la pluie, avant l’ouverture de l’accueil.',
  weDid: 'Un ticket par SMS vous prévient quand votre tour approche : vous attendez où vous voulez.',
  engagement: 2,
  tag: 'accessibility',
  status: 'done',
  date: '2025-03-01',
};

describe('admin API: the improvement plan, and its public route', () => {
  let server: TestServer;
  let caf69: string;
  let cpam: string;
  before(async () => {
    server = await startTestServer();
    caf69 = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
    cpam = await agentToken(server.store, ['CPAM-33'], 'Agent CPAM');
  });
  after(() => server.close());

  const plan = async (code: string, lang = 'fr') =>
    ImprovementsResponse.parse((await server.app.inject({ url: `/api/v1/structures/${code}/improvements?lang=${lang}` })).json());
  const create = (code: string, token: string, body: unknown = ACTION) => admin(server.app, 'POST', `/api/v1/admin/structures/${code}/improvements`, token, body);

  it('201: creates an action, shown on the public plan with its engagement label; audited', async () => {
    const res = await create('CAF-69-VLB', caf69);
    assert.equal(res.statusCode, 201);
    const action = ImprovementAction.parse(res.json());
    assert.match(String(res.headers.location), new RegExp(`/improvements/${action.id}$`));
    const publicPlan = await plan('CAF-69-VLB');
    assert.equal(publicPlan.structure.name, 'CAF du Rhône – accueil de Villeurbanne');
    assert.deepEqual(publicPlan.items.find((i) => i.id === action.id), action);
    assert.deepEqual(action.engagement, { number: 2, keyword: 'Joignables' });
    assert.equal(action.tag, 'accessibility');
    assert.equal((await plan('CAF-69-VLB', 'en')).items.find((i) => i.id === action.id)!.engagement.keyword, (await server.app.inject({ url: '/api/v1/engagements?lang=en' })).json().pillars[0].engagements[1].keyword);
    const audit = await server.store.db.selectFrom('audit_log').selectAll().where('target_id', '=', action.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['improvement.create']);
  });

  it('lists the latest date first and answers an empty plan for a structure without actions', async () => {
    const older = ImprovementAction.parse((await create('CAF-69', caf69, { ...ACTION, date: '2024-01-15', status: 'done' })).json());
    const newer = ImprovementAction.parse((await create('CAF-69', caf69, { ...ACTION, date: '2099-06-30', status: 'planned', tag: null })).json());
    const items = (await plan('CAF-69')).items;
    const dates = items.map((i) => i.date);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'latest date first');
    assert.ok(items.findIndex((i) => i.id === newer.id) < items.findIndex((i) => i.id === older.id));
    assert.equal(newer.tag, null);
    assert.deepEqual((await plan('CPAM-59')).items, []);
    assert.equal((await server.app.inject({ url: '/api/v1/structures/NOPE-1/improvements' })).statusCode, 404);
  });

  it('403 for another structure’s plan: create, update and delete', async () => {
    const id = ImprovementAction.parse((await create('CAF-69', caf69)).json()).id;
    assert.equal((await create('CAF-69', cpam)).statusCode, 403);
    assert.equal((await admin(server.app, 'PUT', `/api/v1/admin/structures/CAF-69/improvements/${id}`, cpam, ACTION)).statusCode, 403);
    assert.equal((await admin(server.app, 'DELETE', `/api/v1/admin/structures/CAF-69/improvements/${id}`, cpam)).statusCode, 403);
    assert.ok((await plan('CAF-69')).items.some((i) => i.id === id), 'still there');
  });

  it('200: updates the status and date; 404 when the action belongs to another structure', async () => {
    const id = ImprovementAction.parse((await create('CAF-69', caf69, { ...ACTION, status: 'in_progress' })).json()).id;
    const res = await admin(server.app, 'PUT', `/api/v1/admin/structures/CAF-69/improvements/${id}`, caf69, { ...ACTION, status: 'done', date: '2025-09-01' });
    assert.equal(res.statusCode, 200);
    const updated = ImprovementAction.parse(res.json());
    assert.equal(updated.status, 'done');
    assert.equal(updated.date, '2025-09-01');
    const elsewhere = await admin(server.app, 'PUT', `/api/v1/admin/structures/CAF-69-VLB/improvements/${id}`, caf69, ACTION);
    assert.equal(elsewhere.statusCode, 404, 'an action is addressed under its own structure');
  });

  it('204: deletes; the public plan no longer shows it', async () => {
    const id = ImprovementAction.parse((await create('CAF-69', caf69)).json()).id;
    const res = await admin(server.app, 'DELETE', `/api/v1/admin/structures/CAF-69/improvements/${id}`, caf69);
    assert.equal(res.statusCode, 204);
    assert.ok(!(await plan('CAF-69')).items.some((i) => i.id === id));
    assert.equal((await admin(server.app, 'DELETE', `/api/v1/admin/structures/CAF-69/improvements/${id}`, caf69)).statusCode, 404);
  });

  it('400 naming each field: engagement 10, unknown status, malformed date, empty text', async () => {
    const res = await create('CAF-69', caf69, { ...ACTION, engagement: 10, status: 'someday', date: '1er mars', weDid: ' ' });
    assert.equal(res.statusCode, 400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['date', 'engagement', 'status', 'weDid']);
  });
});
