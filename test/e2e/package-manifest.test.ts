/**
 * The package as an integrator receives it (`npm run build`): the custom-elements manifest lists every element
 * with a complete public API (summary, attributes, events, parts, CSS properties, all described) that matches the
 * source, each tag is in `HTMLElementTagNameMap`, and the generated React 19 typings type-check in a consumer
 * project and reject a wrong attribute value.
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

describe('the package: custom-elements manifest, tag map and React typings', () => {
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
