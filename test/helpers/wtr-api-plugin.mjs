import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the real API server (its own process, a fresh SQLite file, demo data) for the browser tests, and
 * serves its URL at `/__spp/api`. Tests that need the real thing use it; failure modes use a fake fetch.
 */
export function apiServerPlugin() {
  let child;
  let dataDir;
  let url;
  return {
    name: 'spp-real-api',
    async serverStart() {
      dataDir = mkdtempSync(join(tmpdir(), 'spp-wtr-'));
      child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/api-process.ts'], {
        // Every browser test posts from 127.0.0.1: a generous limit (429 handling is tested with a fake fetch).
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '10000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /listening (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`API server exited (${code}) before listening`)));
      });
    },
    async serverStop() {
      child?.kill('SIGTERM');
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    serve(context) {
      if (context.path === '/__spp/api') return { body: JSON.stringify({ url }), type: 'application/json' };
    },
  };
}
