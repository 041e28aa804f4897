import { defineElementPlugin, litStatePlugin, literalTypes } from './scripts/manifest/cem-plugins.mjs';

/**
 * One configuration for every `cem analyze` run (`npm run build` writes `dist/custom-elements.json`, Storybook
 * its own copy): the elements, plus the base class whose common attributes (`structure`, `api`, `lang`,
 * `theme`) every element inherits; never stories, tests, styles, strings or the catalog.
 */
const types = literalTypes();

export default {
  litelement: true,
  globs: ['src/elements/**/*.ts', 'src/internal/base-element.ts'],
  exclude: [
    // `results.styles.ts`, `results.strings.ts`, `results.strings.en.ts`, `results-history.strings.ts`...
    'src/elements/**/*.styles*.ts',
    'src/elements/**/*.strings*.ts',
    'src/elements/**/*.test.ts',
    'src/elements/**/*.stories.ts',
    'src/elements/catalog.ts',
  ],
  outdir: 'dist',
  // package.json's `customElements` field is written by hand: the analyzer must not rewrite it.
  packagejson: false,
  overrideModuleCreation: types.createModules,
  plugins: [defineElementPlugin(), litStatePlugin(), types.plugin],
};
