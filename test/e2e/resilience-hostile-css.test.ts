import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { e2eHooks, type ServerProcess } from '../helpers/e2e.js';
import { elementMarkup, elementSpecs, type ElementSpec } from '../helpers/elements.js';
import { hostPageHtml, type HostServer } from '../helpers/host-pages.js';
import { scrollThrough, trackNetwork } from '../helpers/page-watch.js';
import { recordedPage, shadowText, waitForProbe } from '../helpers/resilience.js';

/**
 * A CMS theme at its worst: `!important` on every element for fonts, colours, display, spacing of text.
 * Shadow DOM keeps selectors out, but inherited properties and the host element itself are exposed: each
 * element must look the same as on a plain page. Compared node by node inside each shadow root (computed
 * styles that make the look, and geometry relative to the element), then pixel for pixel.
 *
 * Out of scope on purpose: the host element's own box (margin, padding, border, background, float,
 * transform on `spp-*` itself) is the host page's to decide, and the root font size (`html { font-size }`) scales
 * `rem` as designed: it is also how a reader's own text-size setting reaches the widgets.
 */
export const HOSTILE_CSS = `
* {
  font-family: "Comic Sans MS", "Comic Neue", cursive !important;
  font-weight: 900 !important;
  font-style: italic !important;
  color: red !important;
  background: yellow !important;
  display: inline !important;
  line-height: 3 !important;
  letter-spacing: 3px !important;
  word-spacing: 9px !important;
  text-transform: uppercase !important;
  text-align: right !important;
  text-decoration: underline wavy !important;
  text-shadow: 2px 2px 0 blue !important;
  text-indent: 40px !important;
  white-space: nowrap !important;
  list-style: square inside !important;
  cursor: crosshair !important;
  box-sizing: content-box !important;
  visibility: visible !important;
}
/* Not on html: the root font size is what rem scales with, the user's own text size setting included. */
body, body * { font-size: 31px !important; }
div, p, span, ul, li, h1, h2, h3, h4, section, article, a, button, input, label, table, td, th, details, summary, canvas, svg {
  all: unset !important;
  display: flex !important;
  color: magenta !important;
}
[hidden] { display: block !important; }
button { min-height: 80px !important; }
`;

/**
 * Pins the frame around each element at the same pixel on both pages (the hostile page's text above it is
 * taller), so only the hostile rules differ and the screenshots line up to the pixel. Its bottom padding keeps
 * the page's own (hostile) text out of the last, partly covered row of a screenshot of a fractional height.
 */
const FRAME_CSS = `
.frame { display: block !important; position: absolute !important; top: 0 !important; left: 0 !important; z-index: 1 !important;
  width: 360px !important; margin: 0 !important; padding: 0 0 4px !important; border: 0 !important; transform: none !important;
  background: #fff !important; font-size: 16px !important; line-height: 1.5 !important; text-indent: 0 !important; letter-spacing: normal !important;
  word-spacing: normal !important; text-align: start !important; white-space: normal !important; }
/* The element's own box belongs to the host page (see above): the same on both pages. */
.frame > * { background: transparent !important; }
`;

const STYLE_PROPERTIES = [
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'color',
  'background-color',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-decoration-line',
  'text-shadow',
  'text-indent',
  'white-space',
  'list-style-type',
  'visibility',
  'cursor',
];

interface NodeStyle {
  path: string;
  box: number[];
  style: Record<string, string>;
}

/**
 * Every element of the shadow tree: where it sits relative to the host, and the computed styles that make its
 * look. Sent as text: a function compiled by tsx would carry helpers the page does not have.
 */
async function fingerprint(page: Page, tag: string): Promise<NodeStyle[]> {
  return page.evaluate(`(() => {
    const properties = ${JSON.stringify(STYLE_PROPERTIES)};
    const host = document.querySelector(${JSON.stringify(tag)});
    const origin = host.getBoundingClientRect();
    const out = [];
    const walk = (node, path) => {
      const rect = node.getBoundingClientRect();
      const computed = getComputedStyle(node);
      const style = {};
      for (const p of properties) style[p] = computed.getPropertyValue(p);
      // A node without a box (display: none, an <option>) reports 0,0: nothing to compare but its styles.
      const box = rect.width || rect.height ? [rect.x - origin.x, rect.y - origin.y, rect.width, rect.height].map(Math.round) : [];
      out.push({ path, box, style });
      [...node.children].forEach((child, i) => {
        const classes = typeof child.className === 'string' && child.className.trim() ? '.' + child.className.trim().split(/\\s+/).join('.') : '';
        walk(child, path + ' > ' + child.localName + classes + ':' + i);
      });
    };
    [...host.shadowRoot.children].forEach((child, i) => walk(child, child.localName + ':' + i));
    return out;
  })()`);
}

function differences(clean: NodeStyle[], hostile: NodeStyle[]): string[] {
  const out: string[] = [];
  if (clean.length !== hostile.length) out.push(`${clean.length} nodes on the plain page, ${hostile.length} under hostile CSS`);
  for (let i = 0; i < Math.min(clean.length, hostile.length); i++) {
    const a = clean[i]!;
    const b = hostile[i]!;
    if (a.box.join() !== b.box.join()) out.push(`${a.path}: box ${a.box.join(',') || 'none'} became ${b.box.join(',') || 'none'}`);
    for (const p of STYLE_PROPERTIES) if (a.style[p] !== b.style[p]) out.push(`${a.path}: ${p} "${a.style[p]}" became "${b.style[p]}"`);
  }
  return out;
}

const specs = elementSpecs();
const noElements = specs.length ? false : 'no element is registered in src/elements/catalog.ts yet';

describe('resilience: a host page with aggressive global CSS', { skip: noElements }, () => {
  let server: ServerProcess;
  let host: HostServer;
  let browser: Browser;

  e2eHooks({ host: true }, (started) => ({ server, host, browser } = started));

  async function render(spec: ElementSpec, hostile: boolean) {
    const url = host.page(`/css-${spec.tag}-${hostile ? 'hostile' : 'plain'}.html`, {
      body: hostPageHtml({
        scriptUrl: `${server.url}/widgets/spp-widgets.js`,
        widgets: `<div class="frame">${elementMarkup(spec)}</div>`,
        head: `<style>${hostile ? HOSTILE_CSS : ''}${FRAME_CSS}</style>`,
      }),
    });
    const recorded = await recordedPage(browser, { reducedMotion: true });
    const { page } = recorded;
    const network = trackNetwork(page);
    await page.goto(url, { waitUntil: 'load' });
    const shown = await waitForProbe(page, spec, 'content', 15_000);
    assert.ok(shown !== null, `<${spec.tag}> shows its content ${hostile ? 'under hostile CSS' : 'on a plain page'}: ${await shadowText(page, spec.tag)}`);
    await scrollThrough(page, spec.tag);
    await network.quiet(500);
    await page.evaluate((t) => document.querySelector(t)!.scrollIntoView(), spec.tag);
    await page.waitForTimeout(300);
    const styles = await fingerprint(page, spec.tag);
    const pixels = await page.locator(spec.tag).screenshot({ animations: 'disabled' });
    const record = await recorded.record();
    await recorded.close();
    return { styles, pixels, record };
  }

  for (const spec of specs) {
    it(`<${spec.tag}> looks the same under hostile !important rules`, async () => {
      const plain = await render(spec, false);
      const hostile = await render(spec, true);
      assert.deepEqual(differences(plain.styles, hostile.styles).slice(0, 15), [], 'shadow nodes whose look changed');
      assert.ok(plain.pixels.equals(hostile.pixels), 'the screenshots of the element differ');
      assert.deepEqual([...plain.record.errors, ...hostile.record.errors], [], 'errors thrown to the host page');
    });
  }
});
