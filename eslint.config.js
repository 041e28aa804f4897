// ESLint (flat config), run by `npm run lint` after the TypeScript compiler.
// typescript-eslint's recommended rules everywhere (not the type-aware set: tsc already type-checks, and a second
// type-aware pass would double the lint time on CI), Lit's and lit-a11y's recommended rules on the elements' templates.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserCode = [
  'src/**/*.{ts,js}',
  'test/browser/**/*.{ts,js}',
  'stories/**/*.{ts,js}',
  '.storybook/**/*.{ts,js}',
  'demo/**/*.js',
  'server/kit/assets/**/*.js', // served to the browser by the kit pages
];
const nodeCode = [
  'server/**/*.{ts,js,mjs}',
  'scripts/**/*.{ts,js,mjs}',
  'bench/**/*.{ts,js,mjs}',
  'test/server/**/*.ts',
  'test/e2e/**/*.ts',
  'test/soak/**/*.ts',
  'test/helpers/**/*.{ts,mjs}',
  'test/fixtures/**/*.ts',
  '*.{js,mjs,ts}',
];
// lit-a11y's no-redundant-role, except `role="list"` on <ul>/<ol>: the lists here are styled with `list-style: none`,
// which makes WebKit (VoiceOver) drop their list semantics; the explicit role is the known fix, not a redundancy.
const noRedundantRole = litA11y.rules['no-redundant-role'];
const noRedundantRoleButList = {
  ...noRedundantRole,
  create(context) {
    const report = (descriptor) => {
      if (descriptor.data?.role === 'list' && ['ul', 'ol'].includes(descriptor.data.tagName)) return;
      context.report(descriptor);
    };
    return noRedundantRole.create(Object.create(context, { report: { value: report } }));
  },
};

const templates = ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-ssr/', 'storybook-static/', 'coverage/', 'data/', '.tmp/', 'bench/results/', '.storybook/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: browserCode, languageOptions: { globals: globals.browser } },
  { files: nodeCode, ignores: ['server/kit/assets/**'], languageOptions: { globals: globals.node } },
  { files: templates, ...lit.configs['flat/recommended'] },
  { files: templates, ...litA11y.configs.recommended },
  {
    files: templates,
    plugins: { spp: { rules: { 'no-redundant-role': noRedundantRoleButList } } },
    rules: { 'lit-a11y/no-redundant-role': 'off', 'spp/no-redundant-role': 'error' },
  },
  {
    rules: {
      // A leading underscore names what is deliberately left out (`const { lang: _ignored, ...rest } = query`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `let el!: T` read by a callback written before the assignment cannot become a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['test/browser/**/*.ts'],
    // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
