import type { Browser, Page } from 'playwright-core';
import { elementMarkup, probeFunction, type ElementSpec } from '../test/helpers/elements.js';
import { hostPageHtml, type HostServer } from '../test/helpers/host-pages.js';
import { trackNetwork } from '../test/helpers/page-watch.js';
import { coldPage } from './browser.js';
import { count, median, medianRatioInterval, ms, percentile, progress, ratio, table } from './report.js';

/**
 * Render: a first visit to a phone-sized page holding one widget, in Chromium with the CPU slowed 4× (CDP
 * `Emulation.setCPUThrottlingRate`), next to a static HTML page of the same content measured the same way in
 * the same run. The static page is the widget's own rendered shadow tree, snapshotted after a load and
 * served as declarative shadow DOM with its styles: same markup, same CSS, no JavaScript.
 *
 * "Content painted" is when the first animation frame in which the element's content probe holds runs its
 * callbacks (a `requestAnimationFrame` loop installed before any page script): that frame paints the content.
 * Times are from navigation start; "from script" subtracts the moment the widgets' script was requested.
 * Long tasks come from the `longtask` PerformanceObserver, layout shift from `layout-shift` entries
 * (CLS: the largest session window, as Chromium computes it), both from navigation until the page settled.
 */

export const CPU_THROTTLING = 4;

export interface RenderCase {
  /** Report label, e.g. `<spp-results>` or `<spp-results> 12×24`. */
  name: string;
  spec: ElementSpec;
}

interface Shift {
  start: number;
  value: number;
  sources: string[];
}

export interface LongFrame {
  start: number;
  duration: number;
  /** The scripts that ran longest in the frame: file, what invoked it, ms. */
  scripts: { source: string; invoker: string; duration: number }[];
}

export interface RenderSample {
  contentAt: number | null;
  scriptStart: number | null;
  definedAt: number | null;
  fcp: number | null;
  longTasks: { start: number; duration: number }[];
  /** Calls creating an `Intl` formatter that took over 5 ms (the first one loads the browser's locale data). */
  intlCalls: { start: number; duration: number }[];
  /** Long animation frames (> 50 ms) with their script attribution. */
  frames: LongFrame[];
  shifts: Shift[];
  cls: number;
  /**
   * Fragment pages only: the reader's first use (the pointer over the element), which loads the element and adopts
   * the fragment (`wanted`, src/internal/ssr.ts): ms from the pointer to the first frame with the element adopted,
   * and the long tasks of that moment (not counted in `longTasks`, which are the page's load).
   */
  use?: { adoptedIn: number; longTasks: number[] };
}

export interface RenderSummary {
  runs: RenderSample[];
  /** Median over runs, ms from navigation start. */
  contentAt: number | null;
  /** Median over runs of content painted minus script requested. */
  fromScript: number | null;
  definedAt: number | null;
  /** Most long tasks (> 50 ms) seen in one run, and the longest task of all runs. */
  longTasks: number;
  longestTask: number;
  /** Median over runs of the slowest `Intl` formatter creation (one native call), or null when none was slow. */
  intlCall: number | null;
  /** Most long tasks in one run that did not contain such a call. */
  longTasksBesidesIntl: number;
  /** The longest animation frame of all runs and what ran in it; the longest one in which a script ran. */
  longestFrame: LongFrame | null;
  longestScriptFrame: LongFrame | null;
  clsMedian: number;
  clsMax: number;
  /** Runs in which the content never showed. */
  failures: number;
  /** Fragment pages: median ms from the first use to adopted, most long tasks then in one run, the longest. */
  use: { adoptedIn: number | null; longTasks: number; longest: number } | null;
}

export interface RenderResult {
  name: string;
  tag: string;
  widget: RenderSummary;
  static: RenderSummary;
  /** Widget content time over static content time (both from navigation start). */
  ratio: number | null;
  /**
   * The same page holding the element's server-rendered fragment (`GET /fragments/{tag}`, docs/fragments.md) and
   * the script that adopts it; null for an element or attributes the fragments do not serve.
   */
  fragment: RenderSummary | null;
  /** Fragment + script content time over the static twin's (median over median: the budget's figure). */
  fragmentRatio: number | null;
  /**
   * Where that ratio could lie given the scatter of the loads (90% bootstrap interval of the ratio of medians): on
   * 2 shared cores it spans ±0.12× with 60 loads a side, so a ratio near 1.1× says little until the interval is clear.
   */
  fragmentInterval: [number, number] | null;
  /**
   * How far one cold load is from another on this machine: each fragment load over the static load just before it
   * (interleaved), their median and quartiles. Not the budget's figure; says how much the ratio above can be trusted.
   */
  fragmentPaired: { median: number; q1: number; q3: number } | null;
}

/** Each fragment load over the static load of the same round, when both showed the content. */
function pairedRatios(fragment: RenderSample[], staticRuns: RenderSample[]): RenderResult['fragmentPaired'] {
  const ratios = fragment
    .map((run, i) => {
      const twin = staticRuns[i]?.contentAt;
      return run.contentAt !== null && twin ? run.contentAt / twin : null;
    })
    .filter((value): value is number => value !== null);
  return ratios.length ? { median: median(ratios)!, q1: percentile(ratios, 25)!, q3: percentile(ratios, 75)! } : null;
}

/** Issue 21's budgets for "fragment + script" against the static twin. */
export const FRAGMENT_BUDGET = { ratio: 1.1 };

/** The fragment of this element as the API serves it, or null when it serves none (a tag or attribute it does not take). */
async function fetchFragment(apiOrigin: string, spec: ElementSpec): Promise<string | null> {
  const query = new URLSearchParams(Object.entries(spec.attributes).filter(([name]) => name !== 'api'));
  const response = await fetch(`${apiOrigin}/fragments/${spec.tag}?${query}`);
  if (response.status !== 200) return null;
  const html = await response.text();
  return html.includes('shadowrootmode') ? html : null;
}

function instrumentation(spec: ElementSpec): string {
  return `(() => {
  const probe = ${probeFunction(spec.content)};
  const tag = ${JSON.stringify(spec.tag)};
  const state = (window.__bench = { contentAt: null, definedAt: null, longTasks: [], intlCalls: [], frames: [], shifts: [] });
  // The first Intl formatter of a page loads the browser's locale data in one native call: time each creation.
  for (const name of ['NumberFormat', 'DateTimeFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat']) {
    const original = Intl[name];
    if (!original) continue;
    Intl[name] = new Proxy(original, {
      construct(target, args, newTarget) {
        const start = performance.now();
        const made = Reflect.construct(target, args, newTarget === Intl[name] ? target : newTarget);
        const duration = performance.now() - start;
        if (duration > 5) state.intlCalls.push({ start, duration });
        return made;
      },
    });
  }
  const describe = (node) => node.nodeName + (node.id ? '#' + node.id : '');
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch (error) {}
  };
  observe('longtask', (e) => state.longTasks.push({ start: e.startTime, duration: e.duration }));
  // Long animation frames name the scripts that made a frame long: which module, which callback.
  observe('long-animation-frame', (e) => {
    if (e.duration <= 50) return;
    const scripts = (e.scripts || [])
      .map((s) => ({ source: (s.sourceURL || '').replace(/^.*\\//, '') || '(page)', invoker: s.invoker, duration: Math.round(s.duration) }))
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3);
    state.frames.push({ start: e.startTime, duration: e.duration, scripts });
  });
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) state.shifts.push({ start: e.startTime, value: e.value, sources: (e.sources || []).map((s) => (s.node ? describe(s.node) : '?')) });
  });
  customElements.whenDefined(tag).then(() => { state.definedAt = performance.now(); });
  document.addEventListener('pointerover', () => { state.usedAt ??= performance.now(); }, true);
  // performance.now(), not the frame's start time: after a long task the callback runs well past the frame's
  // start, and the content that task rendered is painted only now.
  // Shown, not only in the DOM: no text of the content under visibility: hidden (a fragment not yet adopted hides
  // the results cards of a family until the family is parsed, src/elements/results/results.styles.ts).
  const shown = (el) => [...(el.shadowRoot?.querySelectorAll('*') ?? [])].every((c) => c.localName === 'style' || c.localName === 'script' || getComputedStyle(c).visibility !== 'hidden' || !c.textContent.trim());
  const frame = () => {
    const el = document.querySelector(tag);
    if (el && probe(el) && shown(el)) { state.contentAt = performance.now(); return; }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
}

/** Chromium's CLS: the largest sum of shifts within a session window (gaps < 1 s, window < 5 s). */
export function cumulativeLayoutShift(shifts: Shift[]): number {
  let best = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.start - b.start)) {
    if (shift.start - previous > 1000 || shift.start - windowStart > 5000) {
      current = 0;
      windowStart = shift.start;
    }
    current += shift.value;
    previous = shift.start;
    best = Math.max(best, current);
  }
  return best;
}

async function loadOnce(
  browser: Browser,
  url: string,
  spec: ElementSpec,
  throttle: number,
  use = false,
): Promise<{ sample: RenderSample; page: Page; close(): Promise<void> }> {
  const { context, page } = await coldPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(instrumentation(spec));
  const network = trackNetwork(page);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const shown = await page
    .waitForFunction('window.__bench.contentAt !== null', undefined, { timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  // Settle: lazy chunks and late API answers done, then a second more of (throttled) frames.
  await network.quiet(500, 20_000);
  await page.waitForTimeout(1000);
  const raw = await page.evaluate(() => {
    const state = (window as unknown as { __bench: Omit<RenderSample, 'scriptStart' | 'fcp' | 'cls'> }).__bench;
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widgets/spp-widgets.js'));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { ...state, scriptStart: script ? script.startTime : null, fcp: fcp ? fcp.startTime : null };
  });
  if (!Array.isArray(raw.shifts)) throw new Error(`the bench instrumentation did not run on ${url}`);
  const sample: RenderSample = { ...raw, longTasks: [...raw.longTasks], contentAt: shown ? raw.contentAt : null, cls: cumulativeLayoutShift(raw.shifts) };
  if (use && shown) {
    // The reader moves the pointer over the element (its corner, not a button): it loads and adopts its fragment.
    await page.hover(spec.tag, { position: { x: 1, y: 1 } });
    await page.waitForFunction(
      `(() => { const el = document.querySelector(${JSON.stringify(spec.tag)}); const b = window.__bench;
        if (!customElements.get(el.localName) || el._$needsHydration || el.shadowRoot.querySelector('script[data-spp-state]')) return false;
        return (b.adoptedAt ??= performance.now()); })()`,
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    await page.waitForTimeout(1000);
    const after = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { usedAt: number; adoptedAt: number; longTasks: { start: number; duration: number }[]; shifts: Shift[] } }).__bench;
      return { usedAt: b.usedAt, adoptedAt: b.adoptedAt, longTasks: b.longTasks, shifts: b.shifts };
    });
    sample.use = {
      adoptedIn: after.adoptedAt - after.usedAt,
      longTasks: after.longTasks.filter((t) => t.start >= after.usedAt && t.duration > 50).map((t) => t.duration),
    };
    // Adopting must not move anything either: its shifts count in the page's CLS.
    sample.shifts = after.shifts;
    sample.cls = cumulativeLayoutShift(after.shifts);
  }
  return { sample, page, close: () => context.close() };
}

/** The element's rendered shadow tree as declarative shadow DOM, its adopted styles inlined. */
async function snapshotAsStaticHtml(page: Page, tag: string): Promise<string> {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector)!;
    const root = el.shadowRoot!;
    const css = [...root.adoptedStyleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
    const attributes = [...el.attributes].map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
    return `<${el.localName}${attributes}><template shadowrootmode="open"><style>${css}</style>${root.innerHTML}</template>${el.innerHTML}</${el.localName}>`;
  }, tag);
}

const longest = (frames: LongFrame[]) => frames.reduce<LongFrame | null>((a, b) => (!a || b.duration > a.duration ? b : a), null);

function summarize(runs: RenderSample[]): RenderSummary {
  const shown = runs.filter((r) => r.contentAt !== null);
  return {
    runs,
    contentAt: median(shown.map((r) => r.contentAt!)),
    fromScript: median(shown.filter((r) => r.scriptStart !== null).map((r) => r.contentAt! - r.scriptStart!)),
    definedAt: median(runs.filter((r) => r.definedAt !== null).map((r) => r.definedAt!)),
    longTasks: Math.max(0, ...runs.map((r) => r.longTasks.filter((t) => t.duration > 50).length)),
    longestTask: Math.max(0, ...runs.flatMap((r) => r.longTasks.map((t) => t.duration))),
    intlCall: median(runs.filter((r) => r.intlCalls.length).map((r) => Math.max(...r.intlCalls.map((c) => c.duration)))),
    longTasksBesidesIntl: Math.max(
      0,
      ...runs.map(
        (r) => r.longTasks.filter((t) => t.duration > 50 && !r.intlCalls.some((c) => c.start >= t.start && c.start <= t.start + t.duration)).length,
      ),
    ),
    longestFrame: longest(runs.flatMap((r) => r.frames)),
    longestScriptFrame: longest(runs.flatMap((r) => r.frames).filter((f) => f.scripts.length > 0)),
    clsMedian: median(runs.map((r) => r.cls)) ?? 0,
    clsMax: Math.max(0, ...runs.map((r) => r.cls)),
    failures: runs.length - shown.length,
    use: runs.some((r) => r.use)
      ? {
          adoptedIn: median(runs.flatMap((r) => (r.use ? [r.use.adoptedIn] : []))),
          longTasks: Math.max(0, ...runs.map((r) => r.use?.longTasks.length ?? 0)),
          longest: Math.max(0, ...runs.flatMap((r) => r.use?.longTasks ?? [])),
        }
      : null,
  };
}

export async function measureRender(browser: Browser, host: HostServer, apiOrigin: string, renderCase: RenderCase, runs: number): Promise<RenderResult> {
  const { spec } = renderCase;
  const slug = encodeURIComponent(renderCase.name);
  // The host page reserves the element's space as its docs tell webmasters to (`:not(:defined)` CSS): without it
  // the page paints the text after the element before the script arrives, and any widget, however well it holds
  // its own space once defined, then pushes that text down. What the element does after it is defined, and
  // whether the documented reservation is enough, is what this measures. The static twin gets the same CSS.
  const head = spec.reserve ? `<style>${spec.reserve}</style>` : '';
  const widgetUrl = host.page(`/render/${slug}.html`, hostPageHtml({ scriptUrl: `${apiOrigin}/widgets/spp-widgets.js`, widgets: elementMarkup(spec), head }));

  // An unthrottled first load: warms the server, and gives the rendered content for the static twin.
  const warm = await loadOnce(browser, widgetUrl, spec, 1);
  if (warm.sample.contentAt === null) progress(`render: ${renderCase.name} never showed its content (probe: ${spec.content})`);
  const snapshot = await snapshotAsStaticHtml(warm.page, spec.tag);
  await warm.close();
  const staticUrl = host.page(`/render/${slug}.static.html`, hostPageHtml({ widgets: snapshot, head }));
  const fragment = await fetchFragment(apiOrigin, spec);
  // The fragment brings the widgets' script, as the last node of its shadow root (docs/fragments.md): the page
  // has no script line of its own, which the browser would request before its first paint.
  const fragmentUrl = fragment ? host.page(`/render/${slug}.fragment.html`, hostPageHtml({ widgets: fragment, head })) : null;

  const widgetRuns: RenderSample[] = [];
  const staticRuns: RenderSample[] = [];
  const fragmentRuns: RenderSample[] = [];
  // Interleaved, so that a busy moment of the machine weighs on every side alike.
  for (let i = 0; i < runs; i++) {
    for (const [url, into] of [
      [widgetUrl, widgetRuns],
      [staticUrl, staticRuns],
      [fragmentUrl, fragmentRuns],
    ] as const) {
      if (!url) continue;
      const run = await loadOnce(browser, url, spec, CPU_THROTTLING, into === fragmentRuns);
      into.push(run.sample);
      await run.close();
    }
  }
  const widget = summarize(widgetRuns);
  const staticPage = summarize(staticRuns);
  const withFragment = fragmentUrl ? summarize(fragmentRuns) : null;
  const painted = (samples: RenderSample[]) => samples.flatMap((run) => (run.contentAt === null ? [] : [run.contentAt]));
  const over = (summary: RenderSummary | null) => (summary?.contentAt != null && staticPage.contentAt ? summary.contentAt / staticPage.contentAt : null);
  return {
    name: renderCase.name,
    tag: spec.tag,
    widget,
    static: staticPage,
    ratio: over(widget),
    fragment: withFragment,
    fragmentRatio: over(withFragment),
    fragmentInterval: withFragment ? medianRatioInterval(painted(fragmentRuns), painted(staticRuns)) : null,
    fragmentPaired: withFragment ? pairedRatios(fragmentRuns, staticRuns) : null,
  };
}

/** Fragment + script against the static twin: content painted within 1.1×, CLS 0, no more long tasks than the twin. */
export function fragmentVerdict(r: RenderResult): string {
  const f = r.fragment;
  if (!f) return 'no fragment';
  const misses = [
    ...(r.fragmentRatio === null || r.fragmentRatio > FRAGMENT_BUDGET.ratio ? ['painted'] : []),
    ...(f.clsMax > 0 ? ['CLS'] : []),
    ...(f.longTasks > r.static.longTasks ? ['long tasks'] : []),
  ];
  // A paint ratio whose interval reaches the other side of the budget is a reading, not yet a verdict.
  const interval = r.fragmentInterval;
  const unsure = interval && interval[0] <= FRAGMENT_BUDGET.ratio && interval[1] > FRAGMENT_BUDGET.ratio ? ', unsure: interval crosses 1.1×' : '';
  return misses.length ? `OVER (${misses.join(', ')}${unsure})` : unsure ? `ok (${unsure.slice(2)})` : 'ok';
}

export async function runRenderSection(browser: Browser, host: HostServer, apiOrigin: string, cases: RenderCase[], runs: number): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  for (const renderCase of cases) {
    progress(`render: ${renderCase.name} (${runs} cold loads each, widget and static, CPU ${CPU_THROTTLING}× slower)`);
    results.push(await measureRender(browser, host, apiOrigin, renderCase, runs));
  }
  return results;
}

const cls = (value: number) => value.toFixed(3);

export function formatRender(results: RenderResult[], runs: number): string {
  if (!results.length) return '  No element is registered in src/elements/catalog.ts yet: nothing to render.';
  const rows = [
    ['element', 'content painted', 'from script', 'static page', 'ratio', 'long tasks >50 ms', 'longest', 'CLS (max)', 'static CLS'],
  ];
  for (const r of results) {
    const w = r.widget;
    rows.push([
      r.name + (w.failures ? ` (${w.failures}/${runs} runs: content never shown)` : ''),
      ms(w.contentAt),
      ms(w.fromScript),
      ms(r.static.contentAt),
      ratio(r.ratio),
      `${count(w.longTasks)} ${w.longTasks ? 'OVER' : 'ok'}`,
      ms(w.longestTask),
      `${cls(w.clsMedian)} (${cls(w.clsMax)}) ${w.clsMax > 0 ? 'OVER' : 'ok'}`,
      cls(r.static.clsMax),
    ]);
  }
  const describeFrame = (frame: LongFrame) =>
    `${Math.round(frame.duration)} ms at ${Math.round(frame.start)} ms: ` +
    (frame.scripts.length ? frame.scripts.map((s) => `${s.source} (${s.invoker.replace(/^https?:\/\/[^/]+/, '')}) ${s.duration} ms`).join(', ') : 'no script (parsing, style, layout)');
  const culprits = results
    .filter((r) => r.widget.longestFrame)
    .map((r) => {
      const longest = r.widget.longestFrame!;
      const withScript = r.widget.longestScriptFrame;
      const extra = withScript && withScript !== longest ? `; longest with a script ${describeFrame(withScript)}` : '';
      return `  ${r.name}: ${describeFrame(longest)}${extra}`;
    });
  const intl = results.map(
    (r) =>
      `  ${r.name}: ${r.widget.intlCall === null ? 'no slow Intl call' : `first Intl formatter ${ms(r.widget.intlCall)} in one call`}; ` +
      `long tasks >50 ms without an Intl call in them: ${count(r.widget.longTasksBesidesIntl)}; static page: ${count(r.static.longTasks)} long tasks, longest ${ms(r.static.longestTask)}`,
  );
  const fragmentRows = [['element', 'fragment + script', 'static page', 'ratio (≤ 1.1) (90% interval)', 'load by load (q1–q3)', 'CLS (max)', 'long tasks >50 ms (static)', 'longest', 'verdict']];
  for (const r of results) {
    const f = r.fragment;
    if (!f) continue;
    fragmentRows.push([
      r.name + (f.failures ? ` (${f.failures}/${runs} runs: content never shown)` : ''),
      ms(f.contentAt),
      ms(r.static.contentAt),
      ratio(r.fragmentRatio) + (r.fragmentInterval ? ` (${ratio(r.fragmentInterval[0])}–${ratio(r.fragmentInterval[1])})` : ''),
      r.fragmentPaired ? `${ratio(r.fragmentPaired.median)} (${ratio(r.fragmentPaired.q1)}–${ratio(r.fragmentPaired.q3)})` : '–',
      `${cls(f.clsMedian)} (${cls(f.clsMax)})`,
      `${count(f.longTasks)} (${count(r.static.longTasks)})`,
      ms(f.longestTask),
      fragmentVerdict(r),
    ]);
  }
  const uses = results
    .filter((r) => r.fragment?.use)
    .map((r) => {
      const use = r.fragment!.use!;
      return `  ${r.name}: adopted ${ms(use.adoptedIn)} after the pointer came over it; long tasks then: ${count(use.longTasks)}${use.longTasks ? `, longest ${ms(use.longest)}` : ''}`;
    });
  return [
    table(rows),
    ...(fragmentRows.length > 1
      ? [
          '  Fragment + script (the server-rendered fragment in the page; the script adopts it when the reader starts using it)',
          '  next to the static twin; long tasks of the page load, CLS including the adoption. "Load by load": each fragment',
          '  load over the static load just before it, median and quartiles: how far one cold load is from the next here.',
          '  The interval: where the ratio of medians could lie given that scatter (bootstrap, 90%); on 2 shared cores it',
          '  spans about ±0.3× with 5 loads and ±0.12× with 60 (BENCH_RUNS): a verdict says "unsure" while it crosses 1.1×.',
          table(fragmentRows),
        ]
      : []),
    ...(uses.length ? ['  First use of a fragment (the element loaded, evaluated and hydrated then; not a budget, what the reader waits):', ...uses] : []),
    ...(culprits.length ? ['  Longest animation frame of the widget pages, and the scripts that ran in it (Long Animation Frames API):', ...culprits] : []),
    '  What no script can split: the first Intl formatter of a page (the browser loads its locale data in one native call),',
    '  and the parsing and layout a static page of the same content already does:',
    ...intl,
    `  Medians of ${runs} cold loads each; budgets: no long task over 50 ms, layout shift 0. Times from navigation start;`,
    '  "from script": since the widgets\' script was requested. Static page: the same rendered markup and CSS, no JS.',
  ].join('\n');
}
