import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ROOT, sourceFiles } from '../helpers/source-files.js';

/**
 * Issue 20: no source file over 500 lines in `src/` or `server/`, so that a newcomer reads each room in one sitting.
 * String tables, data tables and generated files are lists, not logic: they are left out.
 */
const MAX_LINES = 500;
const isSource = (name: string) => /\.(ts|js|mjs|cjs|css|html)$/.test(name);

/** Left out: string tables (`x.strings.ts`, `x.strings.en.ts`, `x.en.ts`), data tables, generated files. */
const excluded = (file: string): boolean =>
  /\.strings[^/]*\.ts$/.test(file) ||
  file.endsWith('.en.ts') ||
  file.startsWith('src/data/') ||
  file.includes('/generated/');

const lineCount = (text: string): number => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

describe('source file sizes (issue 20)', () => {
  const files = [...sourceFiles('src', isSource), ...sourceFiles('server', isSource)].map((f) => f.split(sep).join('/'));

  it('reads the elements, the agent app and the server, and leaves out only tables, generated files and the form', () => {
    for (const file of ['src/elements/results/results.ts', 'server/import/importer.ts', 'server/import/writer.ts', 'server/app.ts']) {
      assert.ok(files.includes(file), `${file} is measured`);
      assert.ok(!excluded(file), `${file} is not left out`);
    }
    for (const file of ['src/elements/results/results.strings.ts', 'src/elements/results/results.strings.en.ts', 'src/data/engagements.fr.ts']) {
      assert.ok(files.includes(file) && excluded(file), `${file} is a table, left out`);
    }
    assert.ok(files.length > 100, `${files.length} files found`);
  });

  it(`finds no file over ${MAX_LINES} lines in src/ or server/`, () => {
    const over = files
      .filter((file) => !excluded(file))
      .map((file) => ({ file, lines: lineCount(readFileSync(join(ROOT, file), 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    assert.deepEqual(over, [], `split these files along a real seam (one concern per module):\n${over.join('\n')}`);
  });

  it('counts lines as `wc -l` does', () => {
    assert.equal(lineCount(''), 0);
    assert.equal(lineCount('a\n'), 1);
    assert.equal(lineCount('a\nb'), 2);
    assert.equal(lineCount(`${'x\n'.repeat(501)}`), 501);
  });
});
