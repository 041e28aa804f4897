import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * DESIGN.md: the contract is the spine, imported by the widgets, the agent app, the server and the scripts; it
 * imports nothing of ours (no `src/internal`, `src/client`, `src/elements`, `server`...), only itself and zod.
 * Otherwise the server would pull browser code through it, or a browser chunk would pull what the contract drags.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTRACT = join(ROOT, 'src/contract');
const ALLOWED_PACKAGES = new Set(['zod', 'zod/mini']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every module `text` (a file at `file`) imports, re-exports from or loads with `import()`, that is not allowed. */
function forbiddenImports(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => {
      if (!specifier.startsWith('.')) return !ALLOWED_PACKAGES.has(specifier);
      const target = relative(CONTRACT, resolve(dirname(file), specifier));
      return target.startsWith('..') || target.startsWith(sep);
    });
}

describe('the contract imports nothing of ours', () => {
  it('finds a forbidden import in every form it can take (the check itself)', () => {
    const file = join(CONTRACT, 'generated/x.ts');
    assert.deepEqual(forbiddenImports(file, "import type { JsonSchema } from '../../internal/json-check.js';"), ['../../internal/json-check.js']);
    assert.deepEqual(forbiddenImports(file, "export { ApiError } from '../../client/api-error.js';"), ['../../client/api-error.js']);
    assert.deepEqual(forbiddenImports(file, "const m = await import('lit');"), ['lit']);
    assert.deepEqual(forbiddenImports(file, "import * as z from 'zod/mini';\nimport type { JsonSchema } from '../json-schema.js';"), []);
  });

  it('every file under src/contract imports only src/contract and zod', () => {
    const found = files(CONTRACT).flatMap((file) =>
      forbiddenImports(file, readFileSync(file, 'utf8')).map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    assert.ok(files(CONTRACT).length > 10, 'no contract files found');
    assert.deepEqual(found, []);
  });
});
