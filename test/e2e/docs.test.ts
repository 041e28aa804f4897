/**
 * The documentation: generated pages match the code (`npm run docs -- --check`), the OpenAPI document a real
 * server serves is valid, no relative link in README.md or docs/ points to a missing file, and none leads outside
 * the repository (see `linksOutside` for the few outside sites allowed).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { openApiProblems } from '../../scripts/docs/api.mjs';
import { startServerProcess, type ServerProcess } from '../helpers/e2e.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('documentation', () => {
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess({ SEED: '0' });
  });
  after(async () => {
    await server?.dispose();
  });

  it('the OpenAPI document a running server serves is valid OpenAPI 3.1', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Record<string, unknown>;
    assert.deepEqual(openApiProblems(doc), []);
    assert.ok(Object.keys(doc.paths as object).length >= 7);
  });

  it('docs/elements and docs/api.md are up to date with the code (npm run docs)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docs.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || run.stdout);
  });

  it('the validity check catches what would break OpenAPI tools', () => {
    const broken = {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      paths: { '/things/{id}': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } } } },
      components: { schemas: {} },
    };
    assert.deepEqual(openApiProblems(broken), [
      'GET /things/{id}: no summary',
      'GET /things/{id}: path parameter {id} not declared',
      'GET /things/{id}.responses.200.content.application/json.schema: $ref #/components/schemas/Missing does not resolve',
    ]);
  });

  it('every relative link in README.md and docs/ leads to a file of the repository', () => {
    const broken: string[] = [];
    for (const file of docFiles()) {
      for (const target of linkTargets(readFileSync(join(ROOT, file), 'utf8'))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        const path = decodeURIComponent(target.split('#')[0]!);
        if (!existsSync(join(ROOT, dirname(file), path))) broken.push(`${file} → ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('README.md and docs/ point nowhere outside the repository', () => {
    const outside: string[] = [];
    for (const file of docFiles()) outside.push(...linksOutside(file, readFileSync(join(ROOT, file), 'utf8')).map((t) => `${file} → ${t}`));
    assert.deepEqual(outside, []);
  });

  it('the outside-link check names a ../ escape, an absolute path, file: and another site, and allows the rest', () => {
    const text = [
      'See [design](../shared/DESIGN.md), `../shared/DOMAIN.md`, [abs](/etc/passwd), [f](file:///tmp/x),',
      '[npm](https://www.npmjs.com/package/lit), <https://example.org/x> and [plain](http://www.gouv.fr/).',
      'Fine: [docs](docs/csp.md), <http://127.0.0.1:8080/>, <http://localhost:6006>, [recours](https://formulaire.defenseurdesdroits.fr/),',
      '[DSFR](https://www.systeme-de-design.gouv.fr/), [WCAG](https://www.w3.org/TR/WCAG21/), `https://API-HOST/widgets/spp-widgets.js`.',
    ].join('\n');
    assert.deepEqual(linksOutside('README.md', text), [
      '../shared/DESIGN.md',
      '/etc/passwd',
      'file:///tmp/x',
      'https://www.npmjs.com/package/lit',
      'http://www.gouv.fr/',
      'https://example.org/x',
      '../shared/DOMAIN.md',
    ]);
    assert.deepEqual(linksOutside('docs/elements/x.md', '[up](../embedding.md), [top](../../README.md), `../../package.json`'), []);
    assert.deepEqual(linksOutside('docs/x.md', '[out](../../shared/DESIGN.md)'), ['../../shared/DESIGN.md']);
  });
});

/** README.md, stories/README.md and every page under docs/. */
function docFiles(): string[] {
  return ['README.md', 'stories/README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true }).map(String).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
}

/** Targets of Markdown links `[text](target)` and autolinks `<scheme:...>`. */
function linkTargets(text: string): string[] {
  return [...[...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!), ...[...text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi)].map((m) => m[1]!)];
}

/**
 * What in a page leads outside the repository: a relative path (linked or quoted in backticks) that climbs above the
 * repository's root, an absolute file path, a `file:` link, or a link to another site. Allowed sites: a local
 * server (`127.0.0.1`, `localhost`: the reader's own `npm start`) and official references over https, the French
 * State's sites (`*.gouv.fr`), the Défenseur des droits (the recourse an accessibility statement must name) and the
 * W3C (`w3.org`: WCAG).
 */
function linksOutside(file: string, text: string): string[] {
  const found: string[] = [];
  const escapes = (path: string) => relative(ROOT, join(ROOT, dirname(file), path)).startsWith('..');
  for (const target of linkTargets(text)) {
    if (target.startsWith('#')) continue;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
    if (!scheme) {
      if (target.startsWith('/') || escapes(target.split('#')[0]!)) found.push(target);
    } else if (scheme === 'http' || scheme === 'https') {
      const host = new URL(target).hostname;
      const local = host === '127.0.0.1' || host === 'localhost';
      const official = scheme === 'https' && (host.endsWith('.gouv.fr') || host === 'gouv.fr' || host.endsWith('defenseurdesdroits.fr') || host === 'w3.org' || host.endsWith('.w3.org'));
      if (!local && !official) found.push(target);
    } else if (scheme !== 'mailto') {
      found.push(target);
    }
  }
  for (const [, path] of text.matchAll(/`(\.\.\/[^`\s]*)`/g)) if (escapes(path!)) found.push(path!);
  return found;
}
