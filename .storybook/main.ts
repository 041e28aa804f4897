import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for designers and element authors. Every story runs without a server (see `stories/support/`);
 * controls and descriptions come from the custom-elements manifest (`npm run manifest:storybook` writes it
 * before `storybook` and `build-storybook`).
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    // The package's own vite.config.ts is a library build (entries, lib mode): Storybook gets a plain one.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
};

export default config;
