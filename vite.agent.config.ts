import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyLitTemplates } from './scripts/minify-lit-templates.js';

/**
 * The agent page's module (`/agent`), built apart from the widgets into one self-contained file,
 * `dist/spp-agent.js` (and its English strings, `dist/assets/*.strings.en-*.js`). Sharing chunks with the widgets would split their common code (Lit, the base element)
 * into more files, which every host page would then pay for; the agent page needs none of the widgets, and
 * the autoloader never loads it. Run by the widgets build (`vite build`) once its own output is written.
 */
const root = import.meta.dirname;

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [minifyLitTemplates(resolve(root, 'src'))],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: { entry: { 'spp-agent': resolve(root, 'src/agent/index.ts') }, formats: ['es'] },
    rolldownOptions: {
      treeshake: { manualPureFunctions: ['z'] },
      // English strings are chunks of their own (`src/internal/i18n.ts`), downloaded only by `/agent?lang=en`.
      output: { minify: true, comments: false, entryFileNames: '[name].js', chunkFileNames: 'assets/[name]-[hash].js' },
    },
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
});
