import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';
import { elementSpecs } from '../helpers/elements.js';
import { startHostServer, type HostServer } from '../helpers/host-pages.js';
import { FAULTS, runFault, type FaultOutcome } from '../helpers/resilience.js';

/**
 * A webmaster's page holding every element, served from its own origin, while the API fails in each way a
 * real network does. Each element must end in its fallback or its error state, and nothing may reach the
 * host page as an uncaught error. The faults run side by side (one browser context each) so the slowest
 * (10 s answers, past the client's timeout and retries) sets the suite's length.
 */
const specs = elementSpecs();
const noElements = specs.length ? false : 'no element is registered in src/elements/catalog.ts yet';

describe('resilience: every element survives a failing API', { skip: noElements }, () => {
  let server: ServerProcess;
  let host: HostServer;
  let browser: Browser;
  let outcomes: Promise<FaultOutcome[]>;

  before(async () => {
    server = await startServerProcess();
    host = await startHostServer();
    browser = await launchChromium();
    outcomes = Promise.all(FAULTS.map((fault, index) => runFault(browser, host, server.url, specs, fault, index)));
    // Attach a handler now: the `it`s below await it one by one.
    outcomes.catch(() => {});
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await server?.dispose();
  });

  for (const [index, fault] of FAULTS.entries()) {
    it(`${fault.name}: each element shows its fallback or error state, the page gets no uncaught error`, async (t) => {
      const outcome = (await outcomes)[index]!;
      for (const e of outcome.elements) t.diagnostic(`<${e.tag}> settled after ${e.settledAfterMs === null ? 'never' : `${e.settledAfterMs} ms`}`);
      t.diagnostic(`spp-error events: ${outcome.record.sppErrors.length}`);
      const stuck = outcome.elements.filter((e) => e.settledAfterMs === null);
      assert.deepEqual(
        stuck.map((e) => `<${e.tag}> still shows: ${e.text || '(nothing)'}`),
        [],
        `elements that never showed a fallback or an error state within ${fault.settleMs / 1000} s`,
      );
      assert.deepEqual(outcome.record.errors, [], 'errors thrown to the host page');
    });
  }
});
