import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SubmissionAccepted } from '../../src/contract/index.js';
import { postTestimony, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';
import { admin, agentToken } from '../helpers/admin.js';
import { testDialect } from '../helpers/database.js';

/** Every file SQLite keeps for this database (main file, WAL, shared memory), as one buffer. */
const databaseBytes = (dir: string) => Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));

describe('masked personal data is gone from the database files (SQLite)', { skip: testDialect !== 'sqlite' && 'SQLite files only' }, () => {
  let server: TestServer;
  let caf: string;
  before(async () => {
    server = await startTestServer();
    caf = await agentToken(server.store, ['CAF-69'], 'Agent CAF');
  });
  after(() => server.close());

  const submitWith = async (marker: string) => {
    const res = await postTestimony(server.app, validSubmission({ body: `Écrivez-moi à ${marker}@exemple.fr ou rappelez-moi, j’attends depuis des semaines une réponse.` }));
    return SubmissionAccepted.parse(res.json()).reference;
  };

  it('after a mask, neither the main file nor the WAL holds the masked address', async () => {
    const marker = `zqxmarker${Date.now()}`;
    const reference = await submitWith(marker);
    assert.ok(databaseBytes(server.dataDir).includes(marker), 'the address is on disk before the mask');
    const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/mask`, caf, {});
    assert.equal(res.statusCode, 200);
    assert.ok(!(res.json() as { body: string }).body.includes(marker));
    assert.ok(!databaseBytes(server.dataDir).includes(marker), 'no copy left in the database files');
  });

  it('after an agent’s own edit that removes it, and after a publication that masks it, same', async () => {
    const edited = `zqyedit${Date.now()}`;
    const first = await submitWith(edited);
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${first}/mask`, caf, {
      body: 'Écrivez-moi, j’attends depuis des semaines une réponse à mon courrier.',
    });
    assert.ok(!databaseBytes(server.dataDir).includes(edited));

    const published = `zqzpub${Date.now()}`;
    const second = await submitWith(published);
    assert.equal((await admin(server.app, 'POST', `/api/v1/admin/testimonies/${second}/publish`, caf, {})).statusCode, 200);
    assert.ok(!databaseBytes(server.dataDir).includes(published));
  });
});
