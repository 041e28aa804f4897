/**
 * Every package `npm ci` installs supports every Node version the README promises, so a fresh install prints no
 * `EBADENGINE` warning and nothing breaks on the oldest Node we claim. Reads the `engines` field npm recorded for each
 * package in package-lock.json and checks that the README's range lies inside it (semver `subset`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The Node range the README states, as written after "Node versions:" in backticks. */
export function readmeNodeRange(readme: string): string {
  const match = /Node versions: `([^`]+)`/.exec(readme);
  if (!match || !semver.validRange(match[1]!)) throw new Error('the README does not state "Node versions: `<semver range>`"');
  return match[1]!;
}

interface LockPackage {
  version?: string;
  engines?: unknown;
  optional?: boolean;
}

/** Packages of a lockfile whose `engines.node` leaves out part of `range`, as "name@version wants X". */
export function enginesOutside(lock: { packages: Record<string, LockPackage> }, range: string): string[] {
  const problems: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    if (!path) continue; // the project itself
    const engines = pkg.engines;
    // Old packages may carry an array of strings; npm ignores those, and so do we.
    const node = engines && typeof engines === 'object' && !Array.isArray(engines) ? (engines as { node?: unknown }).node : undefined;
    if (typeof node !== 'string' || !node.trim()) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const wanted = semver.validRange(node);
    if (!wanted || !semver.subset(range, wanted)) problems.push(`${name}@${pkg.version} wants node ${node}`);
  }
  return problems.sort();
}

describe('Node versions', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const range = readmeNodeRange(readme);

  it('package.json declares the Node range the README states', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    assert.ok(semver.satisfies('20.19.0', range), 'Node 20.19 (this project\'s CI runs Node 20) is in the range');
    assert.ok(semver.subset(range, pkg.engines.node) && semver.subset(pkg.engines.node, range), `package.json engines.node is ${pkg.engines.node}`);
  });

  it('every package in package-lock.json supports every Node version the README states (no EBADENGINE)', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
    assert.ok(Object.keys(lock.packages).length > 100, 'package-lock.json lists the installed tree');
    assert.deepEqual(enginesOutside(lock, range), []);
  });

  it('the check names a package that wants a newer Node, and accepts ranges that cover the stated one', () => {
    const lock = {
      packages: {
        '': { version: '0.1.0', engines: { node: '>=20.19' } },
        'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
        'node_modules/a/node_modules/glob': { version: '13.0.0', engines: { node: '20 || >=22' } },
        'node_modules/old': { version: '1.0.0', engines: ['node >= 0.4'] },
        'node_modules/any': { version: '1.0.0', engines: { node: '*' } },
        'node_modules/vite': { version: '8.0.0', engines: { node: '^20.19.0 || >=22.12.0' } },
        'node_modules/tight': { version: '1.0.0', engines: { node: '^20.20.0 || >=22' } },
        'node_modules/capped': { version: '1.0.0', engines: { node: '20.x || 22.x || 24.x' } },
      },
    };
    assert.deepEqual(enginesOutside(lock, '^20.19.0 || ^22.13.0 || ^24.0.0'), ['cookie@2.0.2 wants node >=22', 'tight@1.0.0 wants node ^20.20.0 || >=22']);
    assert.deepEqual(enginesOutside(lock, '>=20.19.0'), [
      'capped@1.0.0 wants node 20.x || 22.x || 24.x',
      'cookie@2.0.2 wants node >=22',
      'glob@13.0.0 wants node 20 || >=22',
      'tight@1.0.0 wants node ^20.20.0 || >=22',
      'vite@8.0.0 wants node ^20.19.0 || >=22.12.0',
    ]);
  });
});
