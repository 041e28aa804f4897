import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { installApiStub, simulateOffline, type ApiStub } from '../stories/support/api.js';
import { componentDescription, elementArgTypes, manifestEvents, type Manifest } from './manifest.js';

// Written by `npm run storybook:manifest` (run before `storybook` and `build-storybook`). Read through a glob so
// Storybook still starts, without controls, if someone launches it directly.
const generated = import.meta.glob<Manifest>('./generated/custom-elements.json', { eager: true, import: 'default' });
const manifest: Manifest = Object.values(generated)[0] ?? { schemaVersion: '1.0.0', modules: [] };
setCustomElementsManifest(manifest);

// French first: elements without a `lang` attribute speak the page's language.
document.documentElement.lang = 'fr';

const preview: Preview = {
  parameters: {
    docs: {
      // Storybook 10 no longer derives these from the manifest by itself: controls, their types and the
      // descriptions all come from each element's JSDoc header through the manifest.
      extractArgTypes: (tag: string) => elementArgTypes(manifest, tag),
      extractComponentDescription: (tag: string) => componentDescription(manifest, tag),
    },
    actions: { handles: manifestEvents(manifest) },
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: {
      options: {
        reflow320: { name: '320 px (RGAA reflow)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        phone: { name: 'Phone 375 px', styles: { width: '375px', height: '740px' }, type: 'mobile' },
        tablet: { name: 'Tablet 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
    a11y: {
      // Axe misreads colours inside shadow roots (false contrast failures); contrast is checked by the
      // browser tests on rendered colours instead. Every other rule runs on every story.
      config: { rules: [{ id: 'color-contrast', enabled: false }] },
    },
  },
  globalTypes: {
    pageLang: {
      description: "Language of the host page (elements without a lang attribute follow it)",
      toolbar: {
        title: 'Page',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Page en français' },
          { value: 'en', title: 'Page in English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { pageLang: 'fr' },
  /**
   * Before every story: the demo API replaces `fetch` (overridden by the story's `parameters.api`), the page
   * goes offline when `parameters.offline` is set, and everything is undone before the next story.
   */
  beforeEach(context) {
    document.documentElement.lang = String(context.globals.pageLang ?? 'fr');
    const stub = installApiStub((context.parameters.api ?? {}) as ApiStub);
    const online = context.parameters.offline ? simulateOffline() : undefined;
    return () => {
      online?.();
      stub.restore();
    };
  },
  decorators: [
    withActions,
    // `--spp-*` controls: custom properties inherit, so setting them on a wrapper themes the element.
    (story, context) => {
      const custom = Object.fromEntries(
        Object.entries(context.args).filter(([name, value]) => name.startsWith('--') && typeof value === 'string' && value !== ''),
      ) as Record<string, string>;
      return Object.keys(custom).length ? html`<div class="spp-story-theme" style=${styleMap(custom)}>${story()}</div>` : story();
    },
  ],
};

export default preview;
