import { existsSync } from 'node:fs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { apiServerPlugin } from './test/helpers/wtr-api-plugin.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium.mjs';

const executablePath = CHROMIUM_PATH;
if (!existsSync(executablePath)) {
  console.error(
    `Browser tests need Chromium, not found at ${executablePath}.\n` +
      `Install it (Debian: apt-get install -y chromium) or point CHROME_PATH at a Chromium or Chrome binary.`,
  );
  process.exit(1);
}

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/browser/**/*.test.ts'],
  // Lit's development build: its warnings make a test fail (see test/helpers/browser.ts).
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), apiServerPlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  concurrency: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 600000,
  testFramework: { config: { timeout: 15000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(process.env.SPP_TEST_COUNTS)],
};
