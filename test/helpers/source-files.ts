import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (what the paths below are relative to). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Folders that hold no source of ours: packages, builds, scratch files, database folders (`src/data/` aside). */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.tmp', 'data']);

/**
 * The files below `dir` (relative to the root, `/`-separated) whose name `wanted` accepts: the one walk of the
 * architecture tests (import rules, import graph, file sizes). `src/data/` (the engagements' data) is walked.
 */
export function sourceFiles(dir: string, wanted: (name: string) => boolean): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) || path === 'src/data') files.push(...sourceFiles(path, wanted));
    } else if (entry.isFile() && wanted(entry.name)) files.push(path);
  }
  return files;
}
