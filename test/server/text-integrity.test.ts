import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SubmissionAccepted, TestimonyTracking } from '../../src/contract/index.js';
import { postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';
import { admin, agentToken } from '../helpers/admin.js';

/** The field errors of a 400 problem, as `field: code`. */
const fieldErrors = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  assert.equal(res.statusCode, 400);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  return ((res.json() as { errors?: { field: string; code: string; message: string }[] }).errors ?? []).map((e) => `${e.field}: ${e.code}`);
};

describe('text rules: NUL and lone surrogates refused, everything else byte-exact (same on every database)', () => {
  let server: TestServer;
  let caf: string;
  before(async () => {
    server = await startTestServer();
    caf = await agentToken(server.store, ['CAF-69', 'CAF-69-VLB'], 'Agent CAF');
  });
  after(() => server.close());

  it('400 naming the field for a NUL in the story, with a message that says what to do', async () => {
    const res = await postTestimony(server.app, validSubmission({ body: 'J’ai attendu quarante minutes\u0000 au téléphone avant de parler à quelqu’un.' }));
    assert.deepEqual(fieldErrors(res), ['body: forbidden_character']);
    assert.match((res.json() as { errors: { message: string }[] }).errors[0]!.message, /caractère invalide/);
  });

  it('400 for a lone high or low surrogate in the title (JSON escapes)', async () => {
    for (const title of ['Attente \ud83d au guichet', 'Attente \ude00 au guichet', 'fin\ud800']) {
      const res = await postTestimony(server.app, validSubmission({ title }));
      assert.deepEqual(fieldErrors(res), ['title: forbidden_character'], JSON.stringify(title));
    }
  });

  it('400 for a NUL in a field the schema would otherwise ignore or in the e-mail', async () => {
    const res = await postTestimony(server.app, validSubmission({ email: 'a\u0000b@exemple.fr', contactConsent: true }));
    assert.deepEqual(fieldErrors(res), ['email: forbidden_character']);
  });

  it('400 (not 500) for a NUL in a search, and for a cursor hiding one', async () => {
    assert.deepEqual(fieldErrors(await server.app.inject({ url: '/api/v1/structures?q=caf%00' })), ['q: forbidden_character']);
    const cursor = Buffer.from(JSON.stringify(['CAF\u0000', 'x'])).toString('base64url');
    assert.deepEqual(fieldErrors(await server.app.inject({ url: `/api/v1/structures?cursor=${cursor}` })), ['cursor: invalid_format']);
  });

  it('400 for a NUL in an agent’s edit and in an improvement', async () => {
    const { reference } = SubmissionAccepted.parse((await postTestimony(server.app, validSubmission())).json());
    const mask = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, caf, { body: 'Texte\u0000 modifié par l’agent, assez long.' });
    assert.deepEqual(fieldErrors(mask), ['body: forbidden_character']);
    const action = await admin(server.app, 'POST', '/api/v1/admin/structures/CAF-69-VLB/improvements', caf, {
      youSaid: 'Vous\u0000 attendiez', weDid: 'Un ticket', engagement: 2, status: 'done', date: '2025-03-01',
    });
    assert.deepEqual(fieldErrors(action), ['youSaid: forbidden_character']);
  });

  it('stores and returns every other character exactly as sent', async () => {
    const title = 'e\u0301te\u0301 👩🏽‍💻 \u200bzéro\u200d\ufeff \u202eRTL\u202c 𝔘𝔫𝔦 ﬁ Ａ１ \u2028ligne';
    const body = `${title}\tet une tabulation,\r\nun CRLF, des guillemets « » " ' \\ et un emoji 🇫🇷 : l’attente a été longue.`;
    const res = await postTestimony(server.app, validSubmission({ title, body }));
    assert.equal(res.statusCode, 201);
    const accepted = SubmissionAccepted.parse(res.json());
    const tracking = TestimonyTracking.parse(
      (await server.app.inject({ url: `/api/v1/testimonies/${accepted.reference}?token=${accepted.token}` })).json(),
    );
    assert.equal(tracking.title, title);
    const detail = await admin(server.app, 'GET', `/api/v1/admin/testimonies/${accepted.reference}`, caf);
    assert.equal(detail.statusCode, 200);
    const view = detail.json() as { title: string; body: string };
    assert.equal(view.title, title);
    assert.equal(view.body, body);
    assert.equal(Buffer.from(view.body, 'utf8').toString('hex'), Buffer.from(body, 'utf8').toString('hex'));
  });
});

describe('real calendar dates', () => {
  let server: TestServer;
  let caf: string;
  before(async () => {
    server = await startTestServer();
    caf = await agentToken(server.store, ['CAF-69-VLB'], 'Agent CAF');
  });
  after(() => server.close());

  const action = (date: string) =>
    admin(server.app, 'POST', '/api/v1/admin/structures/CAF-69-VLB/improvements', caf, {
      youSaid: 'Vous attendiez dehors.', weDid: 'Un ticket par SMS.', engagement: 2, status: 'planned', date,
    });

  it('refuses a date that is not on the calendar, naming the field', async () => {
    for (const date of ['2026-99-99', '2026-02-31', '2025-02-29', '2026-04-31', '2026-00-10', '2026-13-01']) {
      const res = await action(date);
      const errors = fieldErrors(res);
      assert.equal(errors.length, 1, date);
      assert.match(errors[0]!, /^date: (invalid_format|not_a_date)$/, date);
    }
  });

  it('accepts real days, 29 February of a leap year included', async () => {
    for (const date of ['2024-02-29', '2026-12-31', '2026-01-01']) assert.equal((await action(date)).statusCode, 201, date);
  });

  it('refuses a result period of month 13', async () => {
    const res = await admin(server.app, 'PUT', '/api/v1/admin/structures/CAF-69-VLB/results', caf, {
      results: [{ indicator: 'satisfaction', period: '2024-13', value: 80 }],
    });
    assert.deepEqual(fieldErrors(res), ['results.0.period: invalid_format']);
  });
});
