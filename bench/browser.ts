import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A phone-sized viewport (Lighthouse's mobile one), where the widgets matter most and CPU is scarcest. */
export const PHONE_VIEWPORT = { width: 412, height: 823 };

/** A fresh context: empty HTTP cache, no storage, like a first visit. */
export async function coldPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return { context, page };
}
