#!/usr/bin/env node
/**
 * Part of `npm start`: builds the widgets when `dist/` is missing or older than the sources, so a fresh
 * clone starts with one command and a second start does not rebuild for nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const entry = join(root, 'dist', 'spp-widgets.js');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const stat = statSync(join(dir, String(name)));
    if (stat.isFile()) latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(join(root, 'src')), statSync(join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(entry) && statSync(entry).mtimeMs >= sources) process.exit(0);

console.log(existsSync(entry) ? 'Sources changed: rebuilding the widgets...' : 'Building the widgets (first start)...');
const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
