import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A phone-sized viewport (Lighthouse's mobile one), where the widgets matter most and CPU is scarcest. */
export const PHONE_VIEWPORT = { width: 412, height: 823 };

/** A fresh context: empty HTTP cache, no storage, like a first visit. */
export async function coldPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Resolves once no request has been in flight for `quietMs` (or after `timeoutMs`, whichever first):
 * lazy chunks and API calls triggered by a render are done.
 */
export function trackNetwork(page: Page): { quiet(quietMs?: number, timeoutMs?: number): Promise<void> } {
  let inflight = 0;
  let lastChange = Date.now();
  page.on('request', () => {
    inflight++;
    lastChange = Date.now();
  });
  const done = () => {
    inflight = Math.max(0, inflight - 1);
    lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async quiet(quietMs = 500, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inflight === 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** Scrolls each matching element through the viewport, a screen at a time, so anything lazy in it starts. */
export async function scrollThrough(page: Page, selector: string): Promise<void> {
  const handles = await page.$$(selector);
  for (const handle of handles) {
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    const steps = box ? Math.ceil(box.height / (PHONE_VIEWPORT.height * 0.8)) : 1;
    for (let i = 0; i < steps; i++) {
      await page.waitForTimeout(250);
      await page.mouse.wheel(0, PHONE_VIEWPORT.height * 0.8);
    }
    await page.waitForTimeout(250);
  }
}

/** The Chromium version, for the report header. */
export function chromiumVersion(browser: Browser): string {
  return browser.version();
}
