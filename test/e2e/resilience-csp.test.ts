import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { e2eHooks, type ServerProcess } from '../helpers/e2e.js';
import { elementMarkup, elementSpecs } from '../helpers/elements.js';
import { hostPageHtml, type HostServer } from '../helpers/host-pages.js';
import { recordedPage, shadowText, waitForProbe } from '../helpers/resilience.js';
import { scrollThrough } from '../helpers/page-watch.js';

/**
 * The strictest policy a webmaster can reasonably set while embedding the widgets: nothing inline, nothing
 * evaluated, scripts and API calls only from the API origin. This exact policy is the one `docs/csp.md`
 * documents: keep them in step.
 */
export function strictHostPolicy(apiOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src ${apiOrigin}`,
    `connect-src ${apiOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** The same, plus Trusted Types: no string may reach an HTML or script sink (what a hardened State site sets). */
export function trustedTypesPolicy(apiOrigin: string): string {
  return `${strictHostPolicy(apiOrigin)}; require-trusted-types-for 'script'`;
}

/**
 * Trusted Types with the policy names allowed listed: Lit's `lit-html` policy is the only one the widgets create
 * (a host that uses Lit itself adds `'allow-duplicates'`: both copies of Lit create `lit-html`).
 */
export function namedTrustedTypesPolicy(apiOrigin: string): string {
  return `${trustedTypesPolicy(apiOrigin)}; trusted-types lit-html`;
}

const specs = elementSpecs();
const noElements = specs.length ? false : 'no element is registered in src/elements/catalog.ts yet';

describe('resilience: a host page with a strict Content-Security-Policy', { skip: noElements }, () => {
  let server: ServerProcess;
  let host: HostServer;
  let browser: Browser;

  e2eHooks({ host: true }, (started) => ({ server, host, browser } = started));

  for (const [index, [name, policy]] of ([
    ["default-src 'self', scripts and API from the API origin, no unsafe-inline, no unsafe-eval", strictHostPolicy],
    ['the same with Trusted Types required', trustedTypesPolicy],
    ["the same with Trusted Types policies restricted to Lit's lit-html", namedTrustedTypesPolicy],
  ] as const).entries()) {
    it(`every element renders with no violation under ${name}`, async () => {
      const csp = policy(server.url);
      const url = host.page(`/csp-${index}.html`, {
        body: hostPageHtml({ scriptUrl: `${server.url}/widgets/spp-widgets.js`, widgets: specs.map((s) => elementMarkup(s)).join('\n') }),
        headers: { 'content-security-policy': csp },
      });
      const recorded = await recordedPage(browser);
      try {
        const { page } = recorded;
        await page.goto(url, { waitUntil: 'load' });
        const missing: string[] = [];
        for (const spec of specs) {
          if ((await waitForProbe(page, spec, 'content', 15_000)) === null) missing.push(`<${spec.tag}>: ${await shadowText(page, spec.tag)}`);
        }
        // Lazy parts (the results chart) load and draw once scrolled to: they must obey the policy too.
        await scrollThrough(page, specs.map((s) => s.tag).join(','));
        await page.waitForTimeout(1500);
        const record = await recorded.record();
        assert.deepEqual(record.violations, [], `CSP violations under: ${csp}`);
        assert.deepEqual(missing, [], 'elements that did not render their content');
        assert.deepEqual(record.errors, [], 'errors thrown to the host page');
      } finally {
        await recorded.close();
      }
    });
  }
});
