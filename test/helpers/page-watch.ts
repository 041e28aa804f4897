import type { Page } from 'playwright-core';

/** Page helpers shared by the bench and the browser-level tests. */

/**
 * Tracks requests in flight; `quiet()` resolves once none has been for `quietMs` (or after `timeoutMs`):
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

/** Scrolls each matching element through the viewport, most of a screen at a time, so anything lazy in it starts. */
export async function scrollThrough(page: Page, selector: string): Promise<void> {
  const screen = page.viewportSize()?.height ?? 800;
  for (const handle of await page.$$(selector)) {
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    const steps = box ? Math.ceil(box.height / (screen * 0.8)) : 1;
    for (let i = 0; i < steps; i++) {
      await page.waitForTimeout(250);
      await page.mouse.wheel(0, screen * 0.8);
    }
    await page.waitForTimeout(250);
  }
}
