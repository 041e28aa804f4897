/**
 * The package as an integrator receives it (`npm run build`): the custom-elements manifest lists every element
 * with a complete public API (summary, attributes, events, parts, CSS properties, all described) that matches the
 * source, each tag is in `HTMLElementTagNameMap`, and the generated React 19 typings type-check in a consumer
 * project and reject a wrong attribute value. The npm package is the browser library only: `npm pack` ships `dist/`
 * and its dependencies are what the published files import (the server is the `server/` workspace, never installed
 * by an integrator).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ELEMENT_LOADERS } from '../../src/elements/catalog.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const COMMON_ATTRIBUTES = ['structure', 'api', 'lang', 'theme'];

interface Item {
  name: string;
  description?: string;
  fieldName?: string;
  type?: { text: string };
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** Server-side packages: an app that installs the widgets must never receive one of them. */
const SERVER_PACKAGES = [
  'fastify', '@fastify/cors', '@fastify/rate-limit', '@fastify/static', 'better-sqlite3', 'pg', 'ioredis', 'kysely',
  'tsx', 'nodemailer', 'pdfkit', '@resvg/resvg-js', 'source-sans-pro',
];

/** The package a bare import specifier names (`lit/decorators.js` → `lit`, `@lit/task` → `@lit/task`); null if relative. */
function packageOf(specifier: string): string | null {
  if (/^[./]|^node:|^[a-z]+:\/\//.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every file under `dir`, as absolute paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `src/elements/<name>/<name>.ts`: the files the build turns into element modules. */
const elementFolders = readdirSync(join(ROOT, 'src/elements'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'src/elements', d.name, `${d.name}.ts`)))
  .map((d) => d.name);

/** Every source file of an element's folder, concatenated (element, styles, strings, helpers). */
function folderSource(name: string): string {
  const dir = join(ROOT, 'src/elements', name);
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('the package: contents, dependencies, custom-elements manifest, tag map and React typings', () => {
  let manifest: Manifest;
  let elements: { module: string; declaration: Declaration }[];

  before(() => {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    assert.equal(build.status, 0, 'npm run build failed');
    manifest = JSON.parse(readFileSync(join(ROOT, 'dist/custom-elements.json'), 'utf8')) as Manifest;
    elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((declaration) => ({ module: m.path, declaration })));
  });

  it('ships the manifest and the JSX typings where package.json says', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { customElements: string; exports: Record<string, unknown>; files: string[] };
    assert.ok(existsSync(join(ROOT, pkg.customElements)), `customElements points to ${pkg.customElements}, which the build did not write`);
    assert.deepEqual(pkg.exports['./jsx'], { types: './dist/types/jsx.d.ts' });
    assert.ok(existsSync(join(ROOT, 'dist/types/jsx.d.ts')));
    assert.ok(pkg.files.includes('dist'));
  });

  it('lists every element the build ships and the autoloader knows, by tag', () => {
    const tags = elements.map((e) => e.declaration.tagName).sort();
    assert.deepEqual(tags, elementFolders.map((name) => `spp-${name}`).sort(), 'one manifest entry per src/elements/<name>/<name>.ts, tagged spp-<name>');
    assert.deepEqual(Object.keys(ELEMENT_LOADERS).sort(), tags, 'src/elements/catalog.ts registers exactly the documented elements');
    const stray = manifest.modules.map((m) => m.path).filter((path) => /\.(stories|test)\.ts$|\.styles[.-]|\.strings[.-]/.test(path));
    assert.deepEqual(stray, [], 'no story, test, styles or strings module in the manifest');
  });

  it('documents, per element, a @summary, the common attributes, events, parts and CSS properties, each described', () => {
    const problems: string[] = [];
    for (const { declaration: d } of elements) {
      const tag = d.tagName!;
      if (!d.summary?.trim()) problems.push(`${tag}: no @summary`);
      const attributes = (d.attributes ?? []).map((a) => a.name);
      for (const name of COMMON_ATTRIBUTES) if (!attributes.includes(name)) problems.push(`${tag}: common attribute "${name}" missing`);
      if (!d.events?.length) problems.push(`${tag}: no @fires`);
      if (!d.cssParts?.length) problems.push(`${tag}: no @csspart`);
      if (!d.cssProperties?.length) problems.push(`${tag}: no @cssprop`);
      for (const [kind, items] of Object.entries({ attribute: d.attributes, event: d.events, part: d.cssParts, 'CSS property': d.cssProperties })) {
        for (const item of items ?? []) if (!item.description?.trim()) problems.push(`${tag}: ${kind} "${item.name}" has no description`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('documents exactly the events, parts and custom properties the source uses', () => {
    const theme = readFileSync(join(ROOT, 'src/internal/theme.ts'), 'utf8');
    const problems: string[] = [];
    for (const { module, declaration: d } of elements) {
      const tag = d.tagName!;
      const source = folderSource(module.split('/')[2]!);
      const code = source.replace(/\/\*\*[\s\S]*?\*\//g, ''); // JSDoc aside: what the code does, not what it claims
      const fired = new Set([...code.matchAll(/(?:emit\(\s*this\s*,|new CustomEvent(?:<[^>]*>)?\()\s*['"`](spp-[\w-]+)['"`]/g)].map((m) => m[1]!));
      if (/\breportError\(/.test(code)) fired.add('spp-error');
      const documentedEvents = new Set((d.events ?? []).map((e) => e.name));
      for (const name of fired) if (!documentedEvents.has(name)) problems.push(`${tag}: fires ${name} without @fires`);
      for (const name of documentedEvents) if (!fired.has(name) && !code.includes(`'${name}'`)) problems.push(`${tag}: @fires ${name}, which the code never fires`);

      const staticParts = new Set([...code.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1]!.trim().split(/\s+/)));
      const documentedParts = new Set((d.cssParts ?? []).map((p) => p.name));
      for (const name of staticParts) if (!documentedParts.has(name)) problems.push(`${tag}: part="${name}" without @csspart`);
      for (const name of documentedParts) if (!new RegExp(`\\b${name}\\b`).test(code)) problems.push(`${tag}: @csspart ${name}, which the template never sets`);

      const read = new Set([...code.matchAll(/var\(\s*(--spp-[\w-]+)/g)].map((m) => m[1]!));
      const documentedProps = new Set((d.cssProperties ?? []).map((p) => p.name));
      for (const name of read) if (!documentedProps.has(name)) problems.push(`${tag}: its styles read ${name} without @cssprop`);
      for (const name of documentedProps) if (!code.includes(name) && !theme.includes(name)) problems.push(`${tag}: @cssprop ${name}, which no style reads`);
    }
    assert.deepEqual(problems, []);
  });

  it('packs dist/ only (npm adds package.json and the README)', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, `npm pack --dry-run failed: ${pack.stderr}`);
    const [tarball] = JSON.parse(pack.stdout) as { files: { path: string }[] }[];
    const paths = tarball!.files.map((f) => f.path);
    const outside = paths.filter((path) => !path.startsWith('dist/') && !/^(package\.json|README(\.md)?|LICEN[CS]E(\.md|\.txt)?)$/i.test(path));
    assert.deepEqual(outside, [], 'the tarball holds nothing but dist/ and what npm always adds');
    for (const path of ['dist/spp-widgets.js', 'dist/custom-elements.json', 'dist/types/spp-widgets.d.ts', 'dist/types/jsx.d.ts']) {
      assert.ok(paths.includes(path), `the tarball lacks ${path}`);
    }
  });

  it('depends on exactly the packages the published files import, none of them server code', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string>; workspaces?: string[] };
    const dependencies = Object.keys(pkg.dependencies ?? {}).sort();
    assert.deepEqual(dependencies.filter((name) => SERVER_PACKAGES.includes(name)), [], 'a server package is a dependency of the widget library');

    // The built modules are bundles: they import nothing by package name, so nothing is needed at run time.
    const bareInJs = new Set<string>();
    for (const file of filesUnder(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`]([@a-z][\w@/.-]*)["'`]/g)) bareInJs.add(m[1]!);
    }
    assert.deepEqual([...bareInJs], [], 'the built modules import packages by name: a consumer would need them installed');

    // The declaration files do import packages by name (the elements extend LitElement, the contract is zod/mini).
    const typeImports = new Set<string>();
    for (const file of filesUnder(join(ROOT, 'dist/types')).filter((f) => f.endsWith('.d.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
        const name = packageOf(m[1]!);
        if (name && name !== pkg.name) typeImports.add(name);
      }
    }
    assert.deepEqual(dependencies, [...typeImports].sort(), 'dependencies are the packages dist/types imports, no more, no fewer');

    const server = JSON.parse(readFileSync(join(ROOT, 'server/package.json'), 'utf8')) as { private?: boolean; dependencies?: Record<string, string> };
    assert.ok(pkg.workspaces?.includes('server'), 'server/ is a workspace of the root package');
    assert.equal(server.private, true, 'the server package is never published');
    for (const name of ['fastify', 'kysely', 'better-sqlite3', 'pg', 'tsx']) assert.ok(server.dependencies?.[name], `server/package.json lacks ${name}`);
  });

  it('gives an app that installs it a handful of packages (npm ls --omit=dev of the root alone)', () => {
    const ls = spawnSync('npm', ['ls', '--omit=dev', '--workspaces=false', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(ls.status, 0, `npm ls failed: ${ls.stderr}`);
    const installed = [...new Set(ls.stdout.split('\n').slice(1).filter(Boolean).map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)))].sort();
    assert.deepEqual(installed.filter((name) => SERVER_PACKAGES.includes(name)), [], 'a server package reaches a consumer');
    assert.ok(installed.includes('lit'), `npm ls lists what a consumer gets: ${installed.join(', ')}`);
    assert.ok(installed.length <= 10, `a consumer installs ${installed.length} packages: ${installed.join(', ')}`);
  });

  describe('in a TypeScript + React 19 project', () => {
    const project = join(ROOT, '.tmp', 'jsx-consumer');
    after(() => rmSync(project, { recursive: true, force: true }));

    it('types document.createElement for every tag and every element in JSX, and refuses a wrong theme', () => {
      rmSync(project, { recursive: true, force: true });
      mkdirSync(join(project, 'node_modules/react'), { recursive: true });
      // The shape of @types/react 19 that the typings build on (not installed here: the repository has no React).
      writeFileSync(
        join(project, 'node_modules/react/index.d.ts'),
        [
          'export interface HTMLAttributes<T> { id?: string; className?: string; lang?: string; hidden?: boolean; children?: unknown; onClick?: (event: MouseEvent & { currentTarget: T }) => void }',
          'export interface ClassAttributes<T> { key?: string | number; ref?: { current: T | null } | ((instance: T | null) => void) }',
          'export type DetailedHTMLProps<E extends HTMLAttributes<T>, T> = ClassAttributes<T> & E;',
          'export namespace JSX { interface Element {} interface IntrinsicElements {} interface IntrinsicAttributes { key?: string | number } }',
        ].join('\n'),
      );
      writeFileSync(
        join(project, 'node_modules/react/jsx-runtime.d.ts'),
        "import type { JSX as ReactJSX } from './index.js';\nexport namespace JSX { interface Element extends ReactJSX.Element {} interface IntrinsicElements extends ReactJSX.IntrinsicElements {} interface IntrinsicAttributes extends ReactJSX.IntrinsicAttributes {} }\nexport declare function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;\nexport declare function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;\n",
      );
      writeFileSync(join(project, 'node_modules/react/package.json'), JSON.stringify({ name: 'react', version: '19.0.0', types: 'index.d.ts' }));

      const types = join(ROOT, 'dist/types');
      const lines = [`import type {} from '${types}/jsx.js';`];
      for (const { module, declaration: d } of elements) {
        const id = d.name;
        const tag = d.tagName!;
        const fires = new Set((d.events ?? []).map((e) => e.name));
        lines.push(
          `import type { ${id} } from '${types}/${module.replace(/^src\//, '').replace(/\.ts$/, '.js')}';`,
          `export const made${id}: ${id} = document.createElement('${tag}');`,
          `export const jsx${id} = <${tag} structure="CAF-69" theme="neutral" lang="en" api="https://api.example"${fires.has('spp-error') ? ' onspp-error={(event) => console.log(event.detail.kind)}' : ''} />;`,
          `// @ts-expect-error theme is 'dsfr' | 'neutral'`,
          `export const wrong${id} = <${tag} theme="blue" />;`,
        );
      }
      writeFileSync(join(project, 'consumer.tsx'), `${lines.join('\n')}\n`);
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'bundler',
            jsx: 'react-jsx',
            strict: true,
            noEmit: true,
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            types: [],
            baseUrl: '.',
            // Our declaration files live outside this project: they must find the same React.
            paths: { react: ['./node_modules/react/index.d.ts'], 'react/jsx-runtime': ['./node_modules/react/jsx-runtime.d.ts'] },
            skipLibCheck: false,
          },
          files: ['consumer.tsx', `${types}/jsx.d.ts`],
        }),
      );
      const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(project, 'tsconfig.json')], { encoding: 'utf8' });
      assert.equal(tsc.status, 0, `a React 19 project using the elements does not type-check:\n${tsc.stdout}${tsc.stderr}`);
    });
  });
});
