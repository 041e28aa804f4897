import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResultsPublished, ResultsResponse } from '../../src/contract/index.js';
import { periodBounds } from '../../server/store/results-publishing.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken } from '../helpers/admin.js';

describe('admin API: publishing results', () => {
  let server: TestServer;
  let caf69: string;
  before(async () => {
    server = await startTestServer();
    caf69 = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
  });
  after(() => server.close());

  const results = async (code: string) => ResultsResponse.parse((await server.app.inject({ url: `/api/v1/structures/${code}/results` })).json());
  const publication = { results: [{ indicator: 'IND-DECROCHE', period: '2031-Q2', value: 91.5, sampleSize: null, networkAverage: 88.2 }] };

  it('200: stores the values; the public results show them at once, dated today; audited', async () => {
    const res = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69/results', caf69, publication);
    assert.equal(res.statusCode, 200);
    const body = ResultsPublished.parse(res.json());
    assert.equal(body.stored, 1);
    assert.equal(body.updatedAt, new Date().toISOString().slice(0, 10));
    const point = (await results('CAF-69')).indicators.find((i) => i.code === 'IND-DECROCHE')!.points.at(-1)!;
    assert.deepEqual(point, {
      period: '2031-Q2',
      periodStart: '2031-04-01',
      periodEnd: '2031-06-30',
      value: 91.5,
      sampleSize: null,
      networkAverage: 88.2,
      updatedAt: body.updatedAt,
    });
    const audit = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'results.publish').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.structure_code, 'CAF-69');
  });

  it('200: corrects an existing value instead of adding a second one', async () => {
    await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69/results', caf69, { results: [{ ...publication.results[0]!, value: 92 }] });
    const points = (await results('CAF-69')).indicators.find((i) => i.code === 'IND-DECROCHE')!.points.filter((p) => p.period === '2031-Q2');
    assert.equal(points.length, 1);
    assert.equal(points[0]!.value, 92);
  });

  it('200 for a sub-structure of my structure', async () => {
    const res = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69-VLB/results', caf69, publication);
    assert.equal(res.statusCode, 200);
  });

  it('403 for another structure, and nothing is stored', async () => {
    const before = await results('CAF-75');
    const res = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-75/results', caf69, publication);
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await results('CAF-75'), before);
  });

  it('400 naming each unknown indicator, storing none of the rows; 404 for an unknown structure', async () => {
    const res = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69/results', caf69, {
      results: [{ indicator: 'IND-27', period: '2031-Q3', value: 80 }, { indicator: 'IND-NOPE', period: '2031-Q3', value: 1 }],
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field), ['results.1.indicator']);
    const ind27 = (await results('CAF-69')).indicators.find((i) => i.code === 'IND-27')!;
    assert.ok(!ind27.points.some((p) => p.period === '2031-Q3'));
    const unknown = await admin(server.app, 'PUT', '/api/v1/admin/structures/NOPE-1/results', caf69, publication);
    assert.equal(unknown.statusCode, 404);
  });

  it('400 naming the field for a malformed period or an empty publication', async () => {
    const res = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69/results', caf69, {
      results: [{ indicator: 'IND-27', period: '2031-Q5', value: 80 }],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'results.0.period');
    const empty = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69/results', caf69, { results: [] });
    assert.equal(empty.json().errors[0].field, 'results');
  });

  it('turns years, half-years, quarters and months into their first and last day', () => {
    assert.deepEqual(periodBounds('2024'), { start: '2024-01-01', end: '2024-12-31' });
    assert.deepEqual(periodBounds('2024-Q1'), { start: '2024-01-01', end: '2024-03-31' });
    assert.deepEqual(periodBounds('2024-02'), { start: '2024-02-01', end: '2024-02-29' });
    assert.deepEqual(periodBounds('2023-Q4'), { start: '2023-10-01', end: '2023-12-31' });
    // Half-years, as the open data's "semestrielle" values are published.
    assert.deepEqual(periodBounds('2024-S1'), { start: '2024-01-01', end: '2024-06-30' });
    assert.deepEqual(periodBounds('2024-S2'), { start: '2024-07-01', end: '2024-12-31' });
  });
});
