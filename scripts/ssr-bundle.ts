import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The elements the server renders as fragments (server/fragments/render.ts), bundled as the browser gets them:
 * Lit's hydration compares templates by a digest of their strings, and the build squeezes the whitespace of every
 * `html` template (`minify-lit-templates.ts`), so the server must render the same strings. esbuild bundles the
 * elements with that same transform, Lit left external (the server renderer and the elements must share one Lit).
 *
 * Made by the widgets' build (`vite build`, next to `dist/`, so the two always match) into `dist-ssr/`: not in
 * `dist/` (served under /widgets/ and packed for npm). A server with no `dist-ssr/` (development) makes it at its
 * first fragment; only that path needs `typescript` (a dev dependency), never a built server.
 */
export const SSR_TAGS = ['spp-engagements', 'spp-results', 'spp-testimonies', 'spp-improvements'] as const;

const ROOT = resolve(import.meta.dirname, '..');
/** Where the build writes the bundle; `lit` resolves from there to the root's node_modules. */
export const SSR_BUNDLE = join(ROOT, 'dist-ssr', 'elements.mjs');

export async function buildSsrBundle(file = SSR_BUNDLE): Promise<string> {
  const [{ build }, { minifyTemplates }] = await Promise.all([import('esbuild'), import('./minify-lit-templates.js')]);
  const entry = [
    ...SSR_TAGS.map((tag) => `import './src/elements/${tag.slice(4)}/${tag.slice(4)}.ts';`),
    // What a results fragment shows without JavaScript in place of its chart (server/fragments/render.ts).
    `export { NOSCRIPT_CSS, resultsWithoutScript } from './src/elements/results/results-noscript.ts';`,
  ].join('\n');
  const out = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    tsconfig: join(ROOT, 'tsconfig.json'),
    external: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'spp-minify-lit-templates',
        setup(bundle) {
          bundle.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => ({ contents: minifyTemplates(await readFile(path, 'utf8')), loader: 'ts' }));
        },
      },
    ],
  });
  await mkdir(resolve(file, '..'), { recursive: true });
  await writeFile(file, out.outputFiles[0]!.text);
  return file;
}
