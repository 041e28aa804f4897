import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Issue 20: the server's modules import each other one way. `app.ts` builds the app from the routes; a route
 * module never imports `app.ts` back (what routes share, `ApiContext`, is in `http/context.ts`), and no chain of
 * imports inside `server/` comes back to where it started. Type-only imports count: a reader follows them too.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function serverFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== 'node_modules') out.push(...serverFiles(path));
    else if (entry.isFile() && /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** `from './x.js'`, `import('./x.js')`, `export ... from`: relative specifiers, resolved to the `.ts` file. */
export function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)).replace(/\.js$/, '.ts').split('\\').join('/'));
}

function graph(): Map<string, string[]> {
  const files = serverFiles('server');
  const known = new Set(files);
  return new Map(files.map((f) => [f, importsOf(f, readFileSync(join(ROOT, f), 'utf8')).filter((i) => known.has(i))]));
}

/** Every cycle, each once, as the chain of files that closes it. */
export function cycles(edges: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next));
        const key = [...loop].sort().join(' ');
        if (!found.has(key)) found.set(key, [...loop, next]);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return [...found.values()];
}

describe('server import graph (issue 20)', () => {
  const edges = graph();

  it('reads the whole server: app.ts imports the route modules', () => {
    assert.ok(edges.size > 50, `${edges.size} files`);
    assert.ok(edges.get('server/app.ts')!.includes('server/routes/structures.ts'));
  });

  it('no route module imports app.ts', () => {
    const offenders = [...edges].filter(([file, to]) => file.startsWith('server/routes/') && to.includes('server/app.ts')).map(([f]) => f);
    assert.deepEqual(offenders, []);
  });

  it('has no import cycle', () => {
    assert.deepEqual(cycles(edges).map((c) => c.join(' -> ')), []);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const loop = new Map([
      ['server/app.ts', ['server/routes/a.ts']],
      ['server/routes/a.ts', ['server/http/context.ts', 'server/app.ts']],
      ['server/http/context.ts', []],
    ]);
    assert.deepEqual(cycles(loop), [['server/app.ts', 'server/routes/a.ts', 'server/app.ts']]);
    assert.deepEqual(importsOf('server/routes/a.ts', "import type { X } from '../app.js';\nconst m = await import('./b.js');"), [
      'server/app.ts',
      'server/routes/b.ts',
    ]);
  });
});
