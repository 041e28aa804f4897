#!/usr/bin/env node
/** After the build: gzip and brotli copies of every text asset, served as-is by the server (preCompressed). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '..', 'dist');
for (const name of readdirSync(dist, { recursive: true }).map(String)) {
  if (!/\.(js|json|css|svg)$/.test(name)) continue;
  const file = join(dist, name);
  const data = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
