/**
 * Every story renders in Chromium without a console error, an uncaught error or a Storybook error screen,
 * is free of WCAG 2.1 A/AA axe violations (colour contrast aside: axe misreads it in shadow roots), and does
 * not overflow a 320 px wide screen (RGAA 10.11). Stories are read from the built Storybook's `index.json`,
 * so a story added tomorrow is covered without touching this file.
 *
 * It builds its own static Storybook under `.tmp/` (set `STORYBOOK_STATIC=dir` to test an existing build).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/e2e.js';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function buildStorybook(): string {
  if (process.env.STORYBOOK_STATIC) return resolve(process.env.STORYBOOK_STATIC);
  const out = join(ROOT, '.tmp', 'storybook-smoke');
  const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
  const manifest = spawnSync('npm', ['run', '--silent', 'storybook:manifest'], { cwd: ROOT, env, stdio: 'inherit' });
  assert.equal(manifest.status, 0, 'the custom-elements manifest for Storybook could not be generated');
  const build = spawnSync('npx', ['storybook', 'build', '--quiet', '--output-dir', out], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  assert.equal(build.status, 0, 'storybook build failed');
  return out;
}

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

const staticDir = buildStorybook();
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

/** Waits until the story's API requests are over (the stub counts them) and nothing happened for `quietMs`. */
async function settle(page: Page, quietMs = 1100, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    ({ quiet }) => {
      const activity = (window as unknown as { __sppApiActivity?: { inflight: number; hanging: number; lastChange: number } }).__sppApiActivity;
      if (!activity) return true;
      return activity.inflight === activity.hanging && performance.now() - activity.lastChange >= quiet;
    },
    { quiet: quietMs },
    { timeout: timeoutMs, polling: 100 },
  );
}

describe('Storybook: every story renders cleanly', { concurrency: 1 }, () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    server = await serveStatic(staticDir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'fr-FR' });
    // The static Storybook must not reach the network: anything not from its own server is refused and reported.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('finds the stories in index.json', () => {
    assert.ok(stories.length > 0, 'index.json lists no story');
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name}`, async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      page.on('requestfailed', (request) => {
        if (!request.url().startsWith(server.url)) problems.push(`network request left Storybook: ${request.url()}`);
      });
      try {
        await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`, { waitUntil: 'load' });
        // (the a11y addon's own axe run is switched off: two axe runs at once fail; this test runs it)
        await page.waitForFunction(
          () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
          undefined,
          { timeout: 15_000 },
        );
        await settle(page);
        const shown = await page.evaluate(() => ({
          error: document.body.classList.contains('sb-show-errordisplay'),
          message: document.querySelector('#error-message')?.textContent ?? '',
          empty: !document.querySelector('#storybook-root :not(#root-inner)') && !document.querySelector('#storybook-root')?.textContent?.trim(),
        }));
        assert.ok(!shown.error, `Storybook shows an error: ${shown.message}`);
        assert.ok(!shown.empty, 'the story rendered nothing');

        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const result = await axe.run(
            { include: ['#storybook-root'] },
            {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
              rules: { 'color-contrast': { enabled: false } },
            },
          );
          return result.violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        });
        assert.deepEqual(violations, [], `axe violations:\n${violations.join('\n')}`);

        await page.setViewportSize({ width: 320, height: 640 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `at 320 px the page scrolls sideways by ${overflow} px`);

        assert.deepEqual(problems, [], `errors while rendering:\n${problems.join('\n')}`);
      } finally {
        await page.close();
      }
    });
  }
});

