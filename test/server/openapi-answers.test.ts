import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { agentToken, submitTestimony } from '../helpers/admin.js';

/**
 * The OpenAPI document `@fastify/swagger` generates from the route schemas describes what the server really
 * answers: every documented GET is called (public ones, the author's tracking view, the admin ones with a
 * manager's token) and each answer is checked against the schema the document gives for its status.
 */

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

describe('OpenAPI document against real answers', () => {
  let server: TestServer;
  let doc: Doc;
  let reference: string;
  let token: string;
  let manager: string;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const compiled = new Map<string, ValidateFunction>();

  /** The documented schema of this answer: its `$ref`s resolve inside the document's own components. */
  function validatorFor(path: string, method: string, status: number, contentType: string): ValidateFunction {
    const responses = doc.paths[path]?.[method]?.responses;
    assert.ok(responses?.[status], `${method.toUpperCase()} ${path} documents a ${status}`);
    const content = responses[status]!.content ?? {};
    const type = Object.keys(content).find((t) => contentType.startsWith(t));
    assert.ok(type, `${method.toUpperCase()} ${path} ${status} documents ${contentType} (has ${Object.keys(content).join(', ')})`);
    const key = `${method} ${path} ${status} ${type}`;
    if (!compiled.has(key)) compiled.set(key, ajv.compile({ ...(content[type]!.schema as object), components: doc.components }));
    return compiled.get(key)!;
  }

  async function check(method: 'GET' | 'POST', path: string, url: string, headers: Record<string, string> = {}, payload?: unknown) {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload: payload as object } : {}) });
    const validate = validatorFor(path, method.toLowerCase(), res.statusCode, String(res.headers['content-type']));
    const body: unknown = String(res.headers['content-type']).includes('json') ? res.json() : res.body;
    assert.ok(validate(body), `${method} ${url} ${res.statusCode}: ${ajv.errorsText(validate.errors)}`);
    return res.statusCode;
  }

  before(async () => {
    server = await startTestServer();
    doc = (await server.app.inject({ url: '/api/openapi.json' })).json() as Doc;
    ({ reference, token } = await submitTestimony(server.app));
    manager = await agentToken(server.store, ['CAF-69'], 'openapi test', 'manager');
  });
  after(() => server.close());

  it('every documented GET answers 200 with a body its documented schema accepts, in French and in English', async () => {
    const gets = Object.entries(doc.paths).filter(([path, methods]) => methods.get && !path.includes('{id}'));
    assert.ok(gets.length >= 14, `${gets.length} GET routes documented`);
    let checked = 0;
    for (const [path] of gets) {
      const url = path.replace('{code}', 'CAF-69').replace('{reference}', reference) + (path === '/api/v1/testimonies/{reference}' ? `?token=${token}` : '');
      const headers: Record<string, string> = path.startsWith('/api/v1/admin/') ? { authorization: `Bearer ${manager}` } : {};
      for (const lang of ['fr', 'en']) {
        const status = await check('GET', path, `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, headers);
        assert.equal(status, 200, `GET ${url} (${lang})`);
        checked++;
      }
    }
    assert.equal(checked, gets.length * 2);
  });

  it('a submission, its replay and refusals answer as documented', async () => {
    const submission = {
      feeling: 'positive',
      structures: ['CAF-69'],
      channels: [{ channel: 'counter', feeling: 'positive' }],
      title: 'Accueil au guichet',
      body: 'L’agent a pris le temps de tout m’expliquer et mon dossier a été réglé dans la semaine, merci.',
      postedAs: 'user',
    };
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'openapi-answers-1' };
    assert.equal(await check('POST', '/api/v1/testimonies', '/api/v1/testimonies', headers, submission), 201);
    assert.equal(await check('POST', '/api/v1/testimonies', '/api/v1/testimonies', headers, submission), 201);
    assert.equal(await check('POST', '/api/v1/testimonies', '/api/v1/testimonies', headers, { ...submission, title: '' }), 400);
    assert.equal(await check('GET', '/api/v1/structures', '/api/v1/structures?limit=abc'), 400);
    assert.equal(await check('GET', '/api/v1/structures/{code}', '/api/v1/structures/NOPE-1'), 404);
    assert.equal(await check('GET', '/api/v1/admin/me', '/api/v1/admin/me'), 401);
  });

  it('the check itself fails on an answer that does not match', () => {
    const validate = validatorFor('/api/v1/structures/{code}', 'get', 200, 'application/json');
    assert.equal(validate({ code: 'CAF-69' }), false);
    assert.equal(validatorFor('/api/v1/structures/{code}', 'get', 404, 'application/problem+json')({ status: 'not a number' }), false);
  });
});
