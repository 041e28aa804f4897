import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { minifyLitTemplates } from './scripts/minify-lit-templates.js';
import { buildSsrBundle } from './scripts/ssr-bundle.js';

/**
 * The widgets build: ES modules only. `dist/spp-widgets.js` (the autoloader, stable URL) plus one hashed module
 * per element and shared hashed chunks under `dist/assets/`. Each element is `src/elements/<name>/<name>.ts`.
 *
 * Library mode, because an app build wraps every dynamic import in a preload helper that would cost each page
 * ~0.7 KB; `output.minify: true` because library mode otherwise keeps whitespace.
 */
const root = import.meta.dirname;

/**
 * Lit's production build keeps two long developer-facing error messages in `css-tag.js` (thrown only when a
 * template misuses `css`, which the type-checker already prevents here). Every element's first download carries
 * them, so they ship as short ones: the banner's 12 KB budget has no room for 120 bytes of prose. The build fails
 * if Lit's wording changes, so this never silently stops applying.
 *
 * It also drops Lit's hooks for the old web-components polyfills (ShadyDOM/ShadyCSS, for browsers without shadow
 * DOM: the elements ship ES2022, which no such browser runs) and the global version registries
 * (`litHtmlVersions`…, read only by Lit's development build to warn about two copies): bytes every page pays for
 * nothing, freed for the autoloader's viewport check. The hydration hook (`litElementHydrateSupport`) stays.
 */
function shortLitErrors(): Plugin {
  const cssTag: [string, string][] = [
    ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"lit: use css"'],
    [
      `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
      `"lit: not css: "+t`,
    ],
    ['(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&', ''],
  ];
  const litHtml: [string, string][] = [
    ['"invalid template strings array"', '"lit: not strings"'],
    [',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', ';'],
  ];
  const reactiveElement: [string, string][] = [
    ['p=a.reactiveElementPolyfillSupport,', ''],
    [',p?.({ReactiveElement:y}),(a.reactiveElementVersions??=[]).push("2.1.2");', ';'],
    // The decorators' metadata: no element here uses decorators (`static properties` only).
    ['Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;', ''],
    [
      'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
      '',
    ],
  ];
  const litElement: [string, string][] = [
    ['const o=s.litElementPolyfillSupport;o?.({LitElement:i});', ''],
    ['(s.litElementVersions??=[]).push("4.2.2");', ''],
  ];
  return {
    name: 'spp-short-lit-errors',
    apply: 'build',
    transform(code, id) {
      // lit-html's one message too (thrown only for a template tag called by hand): bytes the fragment adoption needed.
      const list = /[\\/]lit-html[\\/]lit-html\.js$/.test(id)
        ? litHtml
        : /[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/.test(id)
          ? cssTag
          : /[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/.test(id)
            ? reactiveElement
            : /[\\/]lit-element[\\/]lit-element\.js$/.test(id)
              ? litElement
              : undefined;
      if (!list) return null;
      for (const [long, short] of list) {
        if (!code.includes(long)) this.error(`Lit's ${id.split(/[\\/]/).pop()} no longer holds ${long.slice(0, 40)}…: update shortLitErrors()`);
        code = code.replace(long, short);
      }
      return { code, map: null };
    },
  };
}

/**
 * The fragment adoption module (`src/internal/ssr.ts`) gets its own copy of lit-html, for
 * `@lit-labs/ssr-client`'s `hydrate()`: sharing the elements' copy would make the shared chunk export Lit's private
 * internals to it, bytes that every page would download (the banner's 12 KB budget), fragments or not. The two
 * copies cooperate: templates are plain objects and `nothing`/`noChange` are global symbols; the parts that
 * `hydrate()` creates then render that element's later updates.
 */
const HYDRATE_COPY = '?spp-hydrate';
function hydrateLitHtmlCopy(): Plugin {
  const fromSsrClient = /[\\/]@lit-labs[\\/]ssr-client[\\/]/;
  return {
    name: 'spp-hydrate-lit-html-copy',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !(fromSsrClient.test(importer) || importer.endsWith(HYDRATE_COPY))) return null;
      if (!/^(lit-html(\/|$)|\.\.?\/)/.test(source)) return null;
      const resolved = await this.resolve(source, importer.replace(HYDRATE_COPY, ''), { skipSelf: true });
      if (!resolved || !/[\\/]lit-html[\\/]/.test(resolved.id)) return null;
      return resolved.id + HYDRATE_COPY;
    },
    load(id) {
      return id.endsWith(HYDRATE_COPY) ? readFileSync(id.slice(0, -HYDRATE_COPY.length), 'utf8') : null;
    },
  };
}

/** Builds the agent page's module (`vite.agent.config.ts`) after the widgets, so `vite build` makes both. */
function agentPage(): Plugin {
  return {
    name: 'spp-agent-page',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: resolve(root, 'vite.agent.config.ts') });
      // The elements the server renders as fragments, with the same templates as this build (dist-ssr/).
      await buildSsrBundle();
    },
  };
}

const elementsDir = resolve(root, 'src/elements');
const elementEntries = Object.fromEntries(
  readdirSync(elementsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(elementsDir, d.name, `${d.name}.ts`)))
    .map((d) => [`spp-${d.name}`, resolve(elementsDir, d.name, `${d.name}.ts`)]),
);

export default defineConfig({
  publicDir: false,
  // Lit templates keep their source whitespace otherwise (the budgets are measured on what ships).
  plugins: [hydrateLitHtmlCopy(), minifyLitTemplates(resolve(root, 'src')), shortLitErrors(), agentPage()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: {
        'spp-widgets': resolve(root, 'src/spp-widgets.ts'),
        ...elementEntries,
      },
      formats: ['es'],
    },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      // Contract schemas are made by zod calls at module level: let unused ones be dropped.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        minify: true,
        // `@__PURE__` marks have done their work once the bundle is tree-shaken (licence comments were already dropped).
        comments: false,
        entryFileNames: (chunk) => (chunk.name === 'spp-widgets' ? 'spp-widgets.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/[name]-[hash].js',
        // Fewer, larger shared chunks: every extra file on a page costs its own gzip stream and import line. The
        // parse chunk holds zod and the schemas several elements parse with; the `Intl` helpers are a chunk of their
        // own because `<spp-results>` formats numbers but checks its response without zod (its 18 KB budget). The one
        // load lifecycle and failure views (used by every element that fetches, all of which format with `Intl`) join
        // that chunk, with the JSON checker (results and the form's first step both check with it): one file fewer on those
        // pages (the results page at 18,400 bytes gzip, under its 18,432). Their
        // dependencies (Lit, i18n) stay where they are, which rolldown allows only with 'allow-extension' entries.
        codeSplitting: {
          groups: [
            {
              name: 'parse',
              test: /node_modules[\\/]zod[\\/]|src[\\/]contract[\\/](common|engagement|structure)\.ts$|src[\\/]internal[\\/]parse\.ts$/,
            },
            { name: 'intl', test: /src[\\/]internal[\\/](intl|failure|load-controller|load-view|json-check)\.ts$|src[\\/]contract[\\/]locale\.ts$/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  // Browser code must not reference Node globals (a plain page has no `process`).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
});
