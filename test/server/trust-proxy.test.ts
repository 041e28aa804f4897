import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { trustProxyFromEnv } from '../../server/http/trust-proxy.js';
import { newKey, startTestServer, validSubmission, type TestServer } from '../helpers/server.js';

const LOAD_BALANCER = '10.0.0.5';

describe('client addresses behind a load balancer (per-address limit)', () => {
  let behindBalancer: TestServer;
  let direct: TestServer;
  before(async () => {
    behindBalancer = await startTestServer({ trustProxy: 'uniquelocal', rateLimit: { max: 1, windowMs: 60_000 } });
    direct = await startTestServer({ trustProxy: false, rateLimit: { max: 1, windowMs: 60_000 } });
  });
  after(async () => {
    await behindBalancer?.close();
    await direct?.close();
  });

  /** A submission as the load balancer forwards it: the client's claimed header, then the address it saw. */
  const forwarded = (server: TestServer, forwardedFor: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/testimonies',
      remoteAddress: LOAD_BALANCER,
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify(validSubmission()),
    });

  it('limits each citizen behind the balancer separately', async () => {
    assert.equal((await forwarded(behindBalancer, '198.51.100.1')).statusCode, 201);
    assert.equal((await forwarded(behindBalancer, '198.51.100.2')).statusCode, 201, 'another citizen, same balancer');
    assert.equal((await forwarded(behindBalancer, '198.51.100.1')).statusCode, 429);
  });

  it('ignores an address a client writes into X-Forwarded-For itself', async () => {
    assert.equal((await forwarded(behindBalancer, '192.0.2.9')).statusCode, 201);
    // The balancer appends what it saw (192.0.2.9) after whatever the client sent.
    assert.equal((await forwarded(behindBalancer, '203.0.113.99, 192.0.2.9')).statusCode, 429);
  });

  it('without TRUST_PROXY, takes the socket address and never the header', async () => {
    assert.equal((await forwarded(direct, '198.51.100.1')).statusCode, 201);
    assert.equal((await forwarded(direct, '198.51.100.2')).statusCode, 429, 'the header is not believed');
  });

  it('reads TRUST_PROXY', () => {
    assert.equal(trustProxyFromEnv(undefined), false);
    assert.equal(trustProxyFromEnv('0'), false);
    assert.equal(trustProxyFromEnv('1'), true);
    assert.equal(trustProxyFromEnv(' 10.0.0.0/8, 172.16.0.0/12 '), '10.0.0.0/8, 172.16.0.0/12');
  });
});
