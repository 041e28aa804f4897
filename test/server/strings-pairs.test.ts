import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Every French strings table (`X_FR` in `x.strings.ts`, the reference) has its English twin (`X_EN` in
 * `x.strings.en.ts`) with exactly the same keys, nested groups included. The type-check catches a key English lacks;
 * this also catches one English has that French lacks, and a table left without English.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Table = { [key: string]: string | Table };

/** The keys of `fr` missing in `en` and those of `en` that `fr` lacks, as dotted paths. */
function keyDifferences(fr: Table, en: Table, path = ''): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(fr), ...Object.keys(en)])) {
    const name = path + key;
    if (!(key in en)) out.push(`${name}: missing in English`);
    else if (!(key in fr)) out.push(`${name}: English only`);
    else if (typeof fr[key] !== typeof en[key]) out.push(`${name}: text in one language, group in the other`);
    else if (typeof fr[key] === 'object') out.push(...keyDifferences(fr[key] as Table, en[key] as Table, `${name}.`));
    else if (typeof fr[key] !== 'string') out.push(`${name}: not text`);
  }
  return out;
}

function frenchTables(): string[] {
  const files: string[] = [];
  for (const dir of ['src', 'src/contract', 'server']) {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: dir !== 'src/contract' })) {
      if (e.isFile() && (/\.strings\.ts$/.test(e.name) || (dir === 'src/contract' && e.name === 'labels.ts'))) {
        files.push(relative(ROOT, join(e.parentPath, e.name)));
      }
    }
  }
  return [...new Set(files)].sort();
}

const load = async (file: string) => (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;

/**
 * The form's French is two tables, `fr` for the first step (shipped with the element) and `frFlow` (shipped with the
 * rest of the flow); its English is one table, `en`, for both.
 */
const FORM = 'src/elements/testimony-form/testimony-form.strings.ts';
const FLOW = 'src/elements/testimony-form/flow.strings.ts';

describe('French and English strings tables hold the same keys', () => {
  it('finds a key missing on either side, in a nested group too', () => {
    assert.deepEqual(keyDifferences({ a: 'A', b: 'B', g: { x: 'X' } }, { a: 'A', c: 'C', g: { x: 'X', y: 'Y' } }), [
      'b: missing in English',
      'g.y: English only',
      'c: English only',
    ]);
  });

  it('every x.strings.ts table has an x.strings.en.ts twin with exactly its keys', async () => {
    const files = frenchTables();
    assert.ok(files.length >= 11, `found ${files.length} tables: ${files.join(', ')}`);
    for (const server of ['server/http/api.strings.ts', 'server/mail/mail.strings.ts', 'server/kit/kit.strings.ts', 'server/routes/pages.strings.ts']) assert.ok(files.includes(server), `${server} is compared`);
    const problems: string[] = [];
    let pairs = 0;
    for (const file of files) {
      if (file === FLOW) continue;
      const enFile = file.replace(/\.ts$/, '.en.ts');
      if (!existsSync(join(ROOT, enFile))) {
        problems.push(`${file}: no ${enFile}`);
        continue;
      }
      const fr = await load(file);
      const en = await load(enFile);
      if (file === FORM) {
        const french = { ...(fr.fr as Table), ...((await load(FLOW)).frFlow as Table) };
        problems.push(...keyDifferences(french, en.en as Table).map((p) => `${file} fr + frFlow.${p}`));
        pairs++;
        continue;
      }
      const frenchNames = Object.keys(fr).filter((name) => /_FR$/.test(name));
      if (!frenchNames.length) problems.push(`${file}: exports no X_FR table`);
      for (const name of frenchNames) {
        const twin = en[name.replace(/_FR$/, '_EN')];
        if (!twin) problems.push(`${file}: ${name} has no ${name.replace(/_FR$/, '_EN')} in ${enFile}`);
        else {
          pairs++;
          problems.push(...keyDifferences(fr[name] as Table, twin as Table).map((p) => `${file} ${name}.${p}`));
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(pairs >= 11, `${pairs} pairs compared`);
  });
});
