import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { ROOT, sourceFiles } from '../helpers/source-files.js';

/**
 * The architecture's arrows (docs/architecture.md), read from the code itself: every relative import of every file
 * in `src/` and `server/` is classified by the part it leaves and the part it reaches, and checked against the one
 * table below. A new arrow is a design decision: it goes into the table and the document together.
 */
const isCode = (name: string) => /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts');

/** Which parts each part may import (its own files are always allowed). `elements/*` is any one element's folder. */
export const ALLOWED: Record<string, readonly string[]> = {
  contract: [],
  data: ['contract'],
  opendata: ['contract'],
  client: ['contract', 'opendata'],
  internal: ['contract', 'client'],
  'elements/*': ['client', 'contract', 'data', 'internal', 'opendata'],
  // The catalog of elements (src/elements/catalog.ts) names every element's module, lazily.
  elements: ['elements/*', 'internal'],
  agent: ['client', 'contract', 'data', 'internal', 'opendata'],
  'spp-widgets': ['elements', 'internal'],
  server: ['contract', 'data', 'opendata', 'server/fragments'],
  // Server-side rendering goes through the elements' own templates, from this one folder only.
  'server/fragments': ['server', 'contract', 'data', 'opendata', 'elements', 'elements/*', 'internal', 'client'],
};

/** The part a repository path belongs to: `server`, `server/fragments`, `contract`, `elements/results`... */
export function partOf(path: string): string {
  const [top, second, third] = path.split('/');
  if (top === 'server') return second === 'fragments' && third !== undefined ? 'server/fragments' : 'server';
  if (second === 'elements') return third !== undefined && path.split('/').length > 3 ? `elements/${third}` : 'elements';
  return (second ?? '').replace(/\.[cm]?[jt]s$/, '');
}

/** Is an arrow from part `from` to part `to` allowed? Parts are the names `partOf` returns. */
export function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  const key = from.startsWith('elements/') ? 'elements/*' : from;
  const targets = ALLOWED[key];
  if (!targets) return false;
  return targets.includes(to) || (to.startsWith('elements/') && targets.includes('elements/*'));
}

/**
 * Relative import specifiers of a source text: static imports, re-exports and dynamic `import('./x')`. A whole
 * `import type { … }` statement is left out: it is erased from the build and makes no arrow at run time (a type
 * handed in by the caller, as `client/opendata.ts` does with the JSON checker's type).
 */
export function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;])(import|export)\s([^'";]*?)from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    if (!(m[1] === 'import' && /^type\s/.test(m[2]!))) found.push(m[3]!);
  }
  for (const m of text.matchAll(/(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

describe('architecture: the allowed arrows between parts', () => {
  it('classifies paths into the parts of the architecture', () => {
    assert.equal(partOf('src/contract/testimony.ts'), 'contract');
    assert.equal(partOf('src/elements/results/results.ts'), 'elements/results');
    assert.equal(partOf('src/elements/catalog.ts'), 'elements');
    assert.equal(partOf('src/spp-widgets.ts'), 'spp-widgets');
    assert.equal(partOf('server/routes/admin.ts'), 'server');
    assert.equal(partOf('server/fragments/render.ts'), 'server/fragments');
  });

  it('refuses the arrows that must never be', () => {
    assert.equal(allowed('contract', 'internal'), false, 'the contract imports nothing of ours');
    assert.equal(allowed('server', 'elements/results'), false, 'the server never runs browser code');
    assert.equal(allowed('server', 'client'), false);
    assert.equal(allowed('elements/results', 'elements/testimonies'), false, 'an element never reaches into another');
    assert.equal(allowed('client', 'internal'), false);
    assert.equal(allowed('elements/results', 'agent'), false);
    assert.equal(allowed('elements/results', 'internal'), true);
    assert.equal(allowed('server/fragments', 'elements/results'), true, 'SSR through the elements’ own templates');
  });

  it('finds static, side-effect, re-exported and dynamic relative imports, and neither type-only nor package imports', () => {
    const text = [
      "import { a } from '../contract/a.js';",
      "import type { B } from './b.js';",
      "import './side.js';",
      "export { c } from '../internal/c.js';",
      "const d = await import('../client/d.js');",
      "import { html } from 'lit';",
      "import type { E } from '../internal/e.js';",
    ].join('\n');
    assert.deepEqual(relativeImports(text).sort(), ['../client/d.js', '../contract/a.js', '../internal/c.js', './side.js']);
  });

  it('holds for every import of every file in src/ and server/', () => {
    const files = [...sourceFiles('src', isCode), ...sourceFiles('server', isCode)];
    assert.ok(files.length > 150, `read ${files.length} files`);
    const broken: string[] = [];
    for (const file of files) {
      const from = partOf(file);
      for (const spec of relativeImports(readFileSync(join(ROOT, file), 'utf8'))) {
        const target = posix.normalize(posix.join(dirname(file).split('\\').join('/'), spec));
        if (!target.startsWith('src/') && !target.startsWith('server/')) continue;
        const to = partOf(target);
        if (!allowed(from, to)) broken.push(`${file} → ${target} (${from} → ${to})`);
      }
    }
    assert.deepEqual(broken, [], `arrows the architecture forbids:\n${broken.join('\n')}`);
  });
});
