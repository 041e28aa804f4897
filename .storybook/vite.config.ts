import { defineConfig } from 'vite';

/** Storybook's Vite settings: the widgets' browser code, without the package's library-mode build. */
export default defineConfig({
  publicDir: false,
  // Storybook's own preview bundle (with axe) is large by nature; the widgets' budgets are measured elsewhere.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  esbuild: { target: 'es2022' },
  // Browser code must not reference Node globals.
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'development') },
});
