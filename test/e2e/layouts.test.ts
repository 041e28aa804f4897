/**
 * The widgets fill the space the host page gives them, on the two demo pages, at 320, 375, 768 and 1280 px: once
 * every widget has its data (and the results chart is drawn), the real server's pages are measured in Chromium.
 * - In every grid of more than one column inside a widget (and every wrapping row of boxes made to grow), each row
 *   of children covers at least 3/4 of its width: no empty track at the end of a row of result cards, no
 *   engagements group or filter alone on half a row.
 * - No blank band under the last piece of content of a widget or of any box inside it: a reservation meant for
 *   loading (a min-height) does not stay once the content is there.
 * - No widget is wider than the page (320 px reflow); the badge's words are never broken over two lines.
 * Full-page screenshots of /, /mairie, /configurator and /agent at each width are saved in a temporary folder
 * (its path is printed) for a person to look at.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const WIDTHS = [320, 375, 768, 1280];
const DEMO_PAGES = ['/', '/mairie'];
const OTHER_PAGES = ['/configurator', '/agent'];
/** Blank space allowed under a box's last child: more than a line of text is a hole in the page. */
const MAX_BLANK_PX = 32;
/** Share of a multi-column grid's width each row of its children must cover. */
const MIN_ROW_COVER = 0.75;

const SHOTS = mkdtempSync(join(tmpdir(), 'spp-layouts-'));

interface Finding {
  widget: string;
  problem: string;
}

/** Waits until every widget shows its data: nothing busy, the results chart drawn. */
async function settle(page: Page): Promise<void> {
  const count = await page.locator('spp-engagements, spp-results, spp-improvements, spp-testimonies, spp-testimony-form').count();
  for (let i = 0; i < count; i++) {
    const widget = page.locator('spp-engagements, spp-results, spp-improvements, spp-testimonies, spp-testimony-form').nth(i);
    await widget.scrollIntoViewIfNeeded();
    // The chart is made when the history is on screen (on a phone it is far below the card's top).
    await widget.evaluate((el) => el.shadowRoot?.querySelector('.history-body')?.scrollIntoView({ block: 'center' }));
    // Kept on screen while waiting: a fragment adopted meanwhile, or the fonts, can move it out of view again (the
    // /mairie page at 320 px once timed out on a busy CI machine, cause not seen; the error now says what was left).
    await page
      .waitForFunction(
        (el) => {
          const root = el?.shadowRoot;
          if (!root || root.querySelector('[aria-busy="true"]') || !root.firstElementChild) return false;
          const history = root.querySelector('.history-body');
          if (!history || !!history.querySelector('canvas') || history.textContent!.trim().length > 0) return true;
          history.scrollIntoView({ block: 'center' });
          return false;
        },
        await widget.elementHandle(),
        { timeout: 15_000, polling: 250 },
      )
      .catch(async (error: Error) => {
        const state = await widget.evaluate((el) => {
          const root = el.shadowRoot;
          const history = root?.querySelector('.history-body');
          return `${el.localName} (defined ${!!customElements.get(el.localName)}, shadow root ${!!root}, busy ${!!root?.querySelector('[aria-busy="true"]')}, history ${history ? history.innerHTML.slice(0, 200) : 'none'})`;
        });
        throw new Error(`${state} never settled: ${error.message}`);
      });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  // The chart's and the fonts' last frames.
  await page.waitForTimeout(400);
}

/** Measures every widget on the page (runs in the page). */
function measure(limits: { maxBlank: number; minCover: number }): Finding[] {
  const findings: Finding[] = [];
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && style.position !== 'absolute' && style.position !== 'fixed' && box.width > 0 && box.height > 0;
  };
  const px = (value: string) => Number.parseFloat(value) || 0;
  /** The box inside padding and border. */
  const contentBox = (el: Element) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      left: box.left + px(style.borderLeftWidth) + px(style.paddingLeft),
      right: box.right - px(style.borderRightWidth) - px(style.paddingRight),
      bottom: box.bottom - px(style.borderBottomWidth) - px(style.paddingBottom),
    };
  };
  const label = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const pageWidth = document.documentElement.clientWidth;

  for (const widget of document.querySelectorAll<HTMLElement>('spp-engagements, spp-results, spp-improvements, spp-testimonies, spp-testimony-form')) {
    const name = `${widget.localName}${widget.getAttribute('variant') ? `[variant=${widget.getAttribute('variant')}]` : ''}`;
    const hostBox = widget.getBoundingClientRect();
    if (hostBox.right > pageWidth + 0.5) findings.push({ widget: name, problem: `wider than the page: ends at ${Math.round(hostBox.right)} px of ${pageWidth}` });
    const root = widget.shadowRoot!;
    const tops = [...root.children].filter((c) => c.localName !== 'style' && visible(c));
    // The widget's own box against its content.
    const lowest = Math.max(...tops.map((c) => c.getBoundingClientRect().bottom));
    const blankUnderWidget = contentBox(widget).bottom - lowest;
    if (blankUnderWidget > limits.maxBlank) findings.push({ widget: name, problem: `${Math.round(blankUnderWidget)} px blank under its content` });

    // The badge may go onto two lines on a phone, item by item, never into a block of words broken in two.
    for (const badge of root.querySelectorAll('[part="badge"]')) {
      const walker = document.createTreeWalker(badge, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) findings.push({ widget: name, problem: `the badge's "${node.textContent!.trim()}" is broken over ${lines.size} lines` });
      }
    }

    for (const el of root.querySelectorAll('*')) {
      if (!visible(el) || el.localName === 'svg' || el.closest('svg, select, details:not([open])')) continue;
      const style = getComputedStyle(el);
      if (!/block|grid|flex/.test(style.display) || style.display.startsWith('inline')) continue;
      const children = [...el.children].filter(visible);
      if (!children.length) continue;
      // Text flows around inline children: only boxes laid out as blocks are compared.
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (text || children.some((c) => getComputedStyle(c).display.startsWith('inline'))) continue;
      const inner = contentBox(el);
      // A blank band under the last child (the parent is not stretched by a grid or flex row it sits in).
      const blank = inner.bottom - Math.max(...children.map((c) => c.getBoundingClientRect().bottom + px(getComputedStyle(c).marginBottom)));
      if (blank > limits.maxBlank && el.getBoundingClientRect().height > 2 * limits.maxBlank) {
        const parent = el.parentElement ? getComputedStyle(el.parentElement) : undefined;
        const stretched = parent && /grid|flex/.test(parent.display) && !(parent.display.includes('flex') && parent.flexDirection.startsWith('column'));
        if (!stretched) findings.push({ widget: name, problem: `${Math.round(blank)} px blank under the last child of ${label(el)}` });
      }
      // Rows of a grid of more than one column, or of a wrapping row of boxes made to grow.
      const grid = style.display.endsWith('grid') && style.gridTemplateColumns.trim().split(/\s+/).length > 1;
      const wrapping = style.display.endsWith('flex') && style.flexDirection.startsWith('row') && style.flexWrap === 'wrap' && children.every((c) => Number(getComputedStyle(c).flexGrow) > 0);
      if (grid || wrapping) {
        const width = inner.right - inner.left;
        const rows = new Map<number, DOMRect[]>();
        for (const child of children) {
          const box = child.getBoundingClientRect();
          const top = Math.round(box.top);
          rows.set(top, [...(rows.get(top) ?? []), box]);
        }
        for (const [top, boxes] of rows) {
          const covered = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
          if (covered < limits.minCover * width) {
            findings.push({ widget: name, problem: `a row of ${label(el)} at y=${top} covers ${Math.round(covered)} of ${Math.round(width)} px` });
          }
        }
      }
    }
  }
  return findings;
}

describe('layouts: the widgets fill their space on the demo pages at 320, 375, 768 and 1280 px', () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    console.log(`# screenshots in ${SHOTS}`);
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  for (const width of WIDTHS) {
    for (const path of DEMO_PAGES) {
      it(`${path} at ${width} px: every row of cards is filled, no blank band under any content, nothing wider than the page`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        // tsx names the measuring function's inner arrows through an `__name` helper the page does not have.
        await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        try {
          const page = await context.newPage();
          await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
          await settle(page);
          const findings = await page.evaluate(measure, { maxBlank: MAX_BLANK_PX, minCover: MIN_ROW_COVER });
          await page.screenshot({ path: join(SHOTS, `${path === '/' ? 'state' : path.slice(1)}-${width}.png`), fullPage: true });
          assert.deepEqual(
            findings.map((f) => `${f.widget}: ${f.problem}`),
            [],
          );
          // The page itself: no sideways scroll.
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal scroll');
        } finally {
          await context.close();
        }
      });
    }
  }

  for (const width of [375, 1280]) {
    it(`/configurator and /agent at ${width} px: screenshots for a person to look at, no sideways scroll`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        for (const path of OTHER_PAGES) {
          const page = await context.newPage();
          await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
          await page.waitForTimeout(500);
          await page.screenshot({ path: join(SHOTS, `${path.slice(1)}-${width}.png`), fullPage: true });
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${path}: no horizontal scroll`);
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  }
});
