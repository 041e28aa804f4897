import { ELEMENT_LOADERS } from '../../src/elements/catalog.js';
import { ENGAGEMENTS_FR } from '../../src/data/engagements.fr.js';
import { DEMO_IMPROVEMENTS } from '../../server/seed/improvements.js';
import { DEMO_TESTIMONIES } from '../../server/seed/testimonies.js';

/**
 * What the bench and the resilience tests need to know about each element, so both stay generic over
 * `src/elements/catalog.ts`: an element registered there and not described here still gets measured and
 * broken, with the default attributes and probes below.
 *
 * Probes are JavaScript expressions evaluated in the page (they travel as text: the page is not Node).
 * In scope: `el` (the element), `root` (its shadow root, or null before it upgrades) and `text` (the
 * shadow root's text as a reader meets it, whitespace collapsed; from the DOM, so CSS `text-transform` does not
 * change it; see `probeFunction`).
 */
export interface ElementSpec {
  tag: string;
  /** Attributes for the seeded demo data. */
  attributes: Record<string, string>;
  /** True once the element shows real content (data, or the bundled fallback), not a skeleton. */
  content: string;
  /** True once the element shows what it shows when the API fails: its fallback or an error message. */
  failure: string;
  /** What a page holding only this element may download, gzip bytes of JavaScript (DESIGN.md). */
  budget?: { bytes: number; label: string };
  /** The element talks to the API on its own (without user action); false when it can render without it. */
  needsApi: boolean;
  /**
   * The CSS its documentation tells the host page to add to reserve its space before the script arrives (README,
   * the element's JSDoc). A page following the docs has it, so the bench's pages do too.
   */
  reserve?: string;
}

/** The demo structure every bench and resilience page uses: results, local commitments, published testimonies with a reply. */
export const DEMO_STRUCTURE = 'CAF-69';

const KB = 1024;
const notBusy = `!root.querySelector('[aria-busy="true"]')`;
/** An error or status message the element wrote for the citizen (an alert, or a live status region with words). */
const announcedMessage = `[...root.querySelectorAll('[role="alert"], [role="status"], [aria-live]')].some((n) => n.textContent.trim().length >= 10)`;
const DEFAULT_CONTENT = `!!root && ${notBusy} && text.length >= 20`;

/** The emphasised words of the 9 engagements: in the sentences of the full banner and in the keywords of the compact one. */
const engagementKeywords = ENGAGEMENTS_FR.pillars.flatMap((p) => p.engagements.flatMap((e) => e.emphasis));
/** Case-insensitive: a keyword is shown capitalised in a list, or in lower case inside its sentence. */
const includesAllWords = (words: string[]) => words.map((w) => `text.toLowerCase().includes(${JSON.stringify(w.toLowerCase())})`).join(' && ');
/** Any of these texts; with none known (the seed changed), some text at least. */
const includesAny = (words: string[]) => (words.length ? `(${words.map((w) => `text.includes(${JSON.stringify(w)})`).join(' || ')})` : 'text.length >= 20');
const demoTestimonyTitles = DEMO_TESTIMONIES.filter((t) => t.publishedDaysAgo !== null && t.structures.includes(DEMO_STRUCTURE)).map(
  (t) => t.title,
);

const demoImprovementTexts = DEMO_IMPROVEMENTS.filter((i) => i.structure === DEMO_STRUCTURE).map((i) => i.weDid);

const KNOWN: Record<string, Omit<ElementSpec, 'tag'>> = {
  'spp-engagements': {
    reserve: `spp-engagements:not(:defined) { display: block; min-height: 30rem; } @media (max-width: 48em) { spp-engagements:not(:defined) { min-height: 40rem; } }`,
    attributes: { structure: DEMO_STRUCTURE },
    // The 9 engagements ship in the bundle: they are the content and also the fallback.
    content: `!!root && ${includesAllWords(engagementKeywords)}`,
    failure: `!!root && ${includesAllWords(engagementKeywords)}`,
    budget: { bytes: 12 * KB, label: '12 KB' },
    needsApi: false,
  },
  'spp-results': {
    reserve: `spp-results:not(:defined) { display: block; min-height: 40rem; }`,
    attributes: { structure: DEMO_STRUCTURE },
    content: `!!root && ${notBusy} && text.includes('Appels décrochés par un agent')`,
    failure: `!!root && ${notBusy} && ${announcedMessage}`,
    budget: { bytes: 18 * KB, label: '18 KB before its chart' },
    needsApi: true,
  },
  'spp-testimony-form': {
    reserve: `spp-testimony-form:not(:defined) { display: block; min-height: 40rem; }`,
    attributes: { structure: DEMO_STRUCTURE },
    // Step 1 (the feeling) needs nothing from the API: Positif / Neutre / Négatif.
    content: `!!root && root.querySelectorAll('input[type="radio"]').length >= 3`,
    failure: `!!root && root.querySelectorAll('input[type="radio"]').length >= 3`,
    budget: { bytes: 25 * KB, label: '25 KB' },
    needsApi: false,
  },
  'spp-testimonies': {
    reserve: `spp-testimonies:not(:defined) { display: block; min-height: 40rem; }`,
    attributes: { structure: DEMO_STRUCTURE },
    content: `!!root && ${notBusy} && ${includesAny(demoTestimonyTitles)}`,
    failure: `!!root && ${notBusy} && ${announcedMessage}`,
    needsApi: true,
  },
  'spp-testimony-tracking': {
    reserve: `spp-testimony-tracking:not(:defined) { display: block; min-height: 20rem; }`,
    // A link of the right shape that matches no testimony (tokens are kept hashed): the API is asked, says 404,
    // and the element says so; with the API failing, it says it could not load.
    attributes: { reference: 'SPP-0000-0000', token: 'no-such-token-0123456789' },
    content: `!!root && ${notBusy} && ${announcedMessage}`,
    failure: `!!root && ${notBusy} && ${announcedMessage}`,
    needsApi: true,
  },
  'spp-improvements': {
    reserve: `spp-improvements:not(:defined) { display: block; min-height: 40rem; }`,
    attributes: { structure: DEMO_STRUCTURE },
    content: `!!root && ${notBusy} && ${includesAny(demoImprovementTexts)}`,
    failure: `!!root && ${notBusy} && ${announcedMessage}`,
    needsApi: true,
  },
};

/** Every element the autoloader knows, in catalog order. */
export function elementSpecs(): ElementSpec[] {
  return Object.keys(ELEMENT_LOADERS).map((tag) => ({
    tag,
    ...(KNOWN[tag] ?? {
      attributes: { structure: DEMO_STRUCTURE },
      content: DEFAULT_CONTENT,
      failure: `!!root && ${notBusy} && (text.length >= 20 || ${announcedMessage})`,
      needsApi: true,
    }),
  }));
}

/** `<tag attr="value"></tag>`, attributes escaped. */
export function elementMarkup(spec: Pick<ElementSpec, 'tag' | 'attributes'>, extra: Record<string, string> = {}): string {
  const attrs = Object.entries({ ...spec.attributes, ...extra })
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<${spec.tag}${attrs}></${spec.tag}>`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * In-page source of a function `(root) => string`: the text of a shadow root as a reader meets it, whitespace
 * collapsed. Its text nodes, less those of a `<style>`, a `<script>` (a fragment's state block, JSON) and, while
 * scripting runs, a `<noscript>` (raw text then; with JavaScript off its content is parsed as elements and counts).
 * Nodes are joined by a space, so words of neighbouring elements do not run together.
 */
export const SHADOW_TEXT = `((root) => { let text = ''; const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); for (let node = walk.nextNode(); node; node = walk.nextNode()) { const parent = node.parentNode.localName; if (parent !== 'style' && parent !== 'script' && parent !== 'noscript') text += node.data + ' '; } return text.replace(/\\s+/g, ' ').trim(); })`;

/**
 * In-page source of a function `(el) => boolean` for a probe expression. Used by the bench's frame-by-frame
 * watch and by the tests' `waitForFunction`.
 *
 * `text` is `SHADOW_TEXT` of its shadow root. The bench runs the probe in every frame of a page slowed 4×: on a
 * results fragment of 12 × 24 points, `textContent` and its whitespace pass over the state block and the no-JS tables
 * cost 7 to 9 ms a frame against 2 to 3 on its static twin, work of the bench's own counted against the fragment.
 * Walking the text nodes costs 1 to 2 ms on both.
 */
export function probeFunction(expression: string): string {
  return `((el) => { const root = el.shadowRoot; const text = root ? ${SHADOW_TEXT}(root) : ''; return Boolean(${expression}); })`;
}
