#!/usr/bin/env node
/**
 * `npm run docs`: writes the generated part of `docs/`:
 * - `docs/elements/<tag>.md` and `docs/elements/README.md` from the custom-elements manifest (JSDoc headers);
 * - `docs/api.md` from the OpenAPI document the server builds from the contract.
 * `npm run docs -- --check` writes nothing and fails when a committed page is out of date (the e2e suite runs it).
 * Runs under tsx (`node --import tsx`): the OpenAPI document comes from the server's own code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { apiReference, openApiProblems } from './docs/api.mjs';
import { customElements, elementPage, elementsIndex } from './docs/elements.mjs';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');

function manifest() {
  // The analyzer writes under its working directory, whatever the path looks like.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = mkdtempSync(join(root, '.tmp', 'docs-manifest-'));
  try {
    const run = spawnSync(process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet', '--outdir', relative(root, out)], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) throw new Error('cem analyze failed');
    return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function openApi() {
  const { buildApp } = await import('../server/app.ts');
  const { openDatabase } = await import('../server/store/database.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'spp-docs-db-'));
  const store = await openDatabase({ dataDir });
  const app = await buildApp({ store, logger: false });
  try {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`/api/openapi.json answered ${response.statusCode}`);
    return response.json();
  } finally {
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const pages = new Map();
const elements = customElements(manifest());
pages.set('docs/elements/README.md', elementsIndex(elements));
for (const element of elements) pages.set(`docs/elements/${element.declaration.tagName}.md`, elementPage(element));

const doc = await openApi();
const problems = openApiProblems(doc);
if (problems.length) {
  console.error(`/api/openapi.json is not a valid OpenAPI 3.1 document:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
pages.set('docs/api.md', apiReference(doc));

const normalise = (text) => `${text.trimEnd()}\n`;
const stale = [];
for (const [path, text] of pages) {
  const file = join(root, path);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === normalise(text)) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, normalise(text));
  }
}
// Pages of elements that no longer exist.
const elementsDir = join(root, 'docs/elements');
for (const name of existsSync(elementsDir) ? readdirSync(elementsDir) : []) {
  const path = `docs/elements/${name}`;
  if (!name.endsWith('.md') || pages.has(path)) continue;
  stale.push(path);
  if (!check) rmSync(join(root, path));
}

if (check && stale.length) {
  console.error(`Out of date (run \`npm run docs\` and commit): ${stale.map((p) => relative(root, join(root, p))).join(', ')}`);
  process.exit(1);
}
console.log(check ? 'docs are up to date' : stale.length ? `docs written: ${stale.join(', ')}` : 'docs already up to date');
