/**
 * Runs a TypeScript command of this repository compiled ahead instead of through tsx:
 *   node [node flags] server/cli/compiled.mjs server/cli/import.ts [its arguments]
 * tsx compiles every module on the fly in a loader thread of its own, which holds some 35 MB for the whole run:
 * `npm run import` has a memory budget (< 200 MB for a 500,000-row file, DESIGN.md), so it runs its command
 * bundled by esbuild (a dependency of tsx; about 0.3 s) into node_modules/.cache, packages left external.
 * The bundle is removed when the process exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node server/cli/compiled.mjs <command.ts> [arguments]');
  process.exit(1);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'node_modules/.cache/spp-cli');
mkdirSync(dir, { recursive: true });
const outfile = join(dir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
// esbuild runs in a process of its own: loaded here, it would stay in this process's memory for the whole run.
const options = { entryPoints: [resolve(entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' };
const built = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import('esbuild')).buildSync(${JSON.stringify(options)})`], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
process.on('exit', () => rmSync(outfile, { force: true }));
// The command reads its arguments as if it had been run itself.
process.argv = [process.argv[0], resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
