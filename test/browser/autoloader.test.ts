import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { allowWarnings, delay } from '../helpers/browser.js';
import { createAutoloader } from '../../src/internal/autoloader.js';
import { defineElement } from '../../src/internal/define.js';

let counter = 0;
/** A unique tag per test: custom elements cannot be undefined once defined. */
const uniqueTag = () => `spp-test-${Date.now()}-${++counter}`;

function loaderFor(tag: string, log: string[]) {
  return async () => {
    log.push(tag);
    defineElement(tag, class extends HTMLElement {});
  };
}

describe('autoloader', () => {
  it('loads only the elements present on the page', async () => {
    const present = uniqueTag();
    const absent = uniqueTag();
    const log: string[] = [];
    const root = await fixture(html`<div></div>`);
    root.innerHTML = `<${present}></${present}>`;
    const loader = createAutoloader({ [present]: loaderFor(present, log), [absent]: loaderFor(absent, log) }, root);
    await loader.ready;
    expect(log).to.deep.equal([present]);
    expect(customElements.get(present)).to.exist;
    expect(customElements.get(absent)).to.equal(undefined);
    loader.disconnect();
  });

  it('loads an element added later, once, even when added many times', async () => {
    const tag = uniqueTag();
    const log: string[] = [];
    const root = await fixture(html`<div></div>`);
    const loader = createAutoloader({ [tag]: loaderFor(tag, log) }, root);
    await loader.ready;
    expect(log).to.deep.equal([]);
    const wrapper = document.createElement('section');
    wrapper.innerHTML = `<p><${tag}></${tag}></p><${tag}></${tag}>`;
    root.append(wrapper);
    root.append(document.createElement(tag));
    await customElements.whenDefined(tag);
    await delay(10);
    expect(log).to.deep.equal([tag]);
    loader.disconnect();
  });

  it('loads an element far below the fold only once the page scrolls near it, and `ready` waits for it', async () => {
    const near = uniqueTag();
    const far = uniqueTag();
    const log: string[] = [];
    const root = await fixture(html`<div><div class="spacer"></div></div>`);
    root.prepend(document.createElement(near));
    (root.querySelector('.spacer') as HTMLElement).style.height = `${innerHeight * 3}px`;
    const farElement = document.createElement(far);
    root.append(farElement);
    const loader = createAutoloader({ [near]: loaderFor(near, log), [far]: loaderFor(far, log) }, root);
    let ready = false;
    void loader.ready.then(() => (ready = true));
    await customElements.whenDefined(near);
    await delay(200);
    expect(log, 'three screens down: not loaded yet').to.deep.equal([near]);
    expect(customElements.get(far)).to.equal(undefined);
    expect(ready, '`ready` still waits for the far element').to.equal(false);
    farElement.scrollIntoView();
    await loader.ready;
    expect(log).to.deep.equal([near, far]);
    expect(customElements.get(far)).to.exist;
    scrollTo(0, 0);
    loader.disconnect();
  });

  it('loads an element half a screen below the fold before the reader reaches it', async () => {
    const tag = uniqueTag();
    const log: string[] = [];
    const root = await fixture(html`<div><div class="spacer"></div></div>`);
    (root.querySelector('.spacer') as HTMLElement).style.height = `${innerHeight * 1.3}px`;
    root.append(document.createElement(tag));
    const loader = createAutoloader({ [tag]: loaderFor(tag, log) }, root);
    await loader.ready;
    expect(log).to.deep.equal([tag]);
    loader.disconnect();
  });

  it('loads every element found at the first key pressed, so a keyboard user never tabs past an empty one', async () => {
    const tag = uniqueTag();
    const log: string[] = [];
    const root = await fixture(html`<div><div class="spacer"></div></div>`);
    (root.querySelector('.spacer') as HTMLElement).style.height = `${innerHeight * 3}px`;
    root.append(document.createElement(tag));
    const loader = createAutoloader({ [tag]: loaderFor(tag, log) }, root);
    await delay(100);
    expect(log).to.deep.equal([]);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    await loader.ready;
    expect(log).to.deep.equal([tag]);
    expect(scrollY, 'without scrolling').to.equal(0);
    loader.disconnect();
  });

  it('loads an element whose content the server rendered (a fragment) when the reader starts using it, not when it is on screen', async () => {
    // The adoption code the autoloader asks for on finding a fragment; here once, before the watchers wait on it.
    await import('../../src/internal/ssr.js');
    const uses: [string, (el: HTMLElement) => void][] = [
      ['the pointer over it', (el) => el.shadowRoot!.querySelector('p')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }))],
      ['the focus entering it', (el) => el.shadowRoot!.querySelector('button')!.focus()],
      ['a click alone on its button', (el) => el.shadowRoot!.querySelector('button')!.click()],
      ['the page changing an attribute', (el) => el.setAttribute('lang', 'en')],
      ['a key pressed on the page', () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }))],
    ];
    for (const [what, use] of uses) {
      const tag = uniqueTag();
      const log: string[] = [];
      const root = await fixture(html`<div></div>`);
      const el = document.createElement(tag);
      el.attachShadow({ mode: 'open' }).innerHTML = '<p>Contenu rendu par le serveur</p><button type="button">Pourquoi ?</button>';
      root.append(el);
      const loader = createAutoloader({ [tag]: loaderFor(tag, log) }, root);
      await delay(150);
      expect(log, `${what}: on screen but not used yet, not loaded`).to.deep.equal([]);
      use(el);
      await loader.ready;
      expect(log, what).to.deep.equal([tag]);
      loader.disconnect();
    }
  });

  it('retries a module that failed to load the next time the tag appears', async () => {
    const tag = uniqueTag();
    let attempts = 0;
    const root = await fixture(html`<div></div>`);
    const originalError = console.error;
    console.error = () => {};
    try {
      const loader = createAutoloader(
        {
          [tag]: async () => {
            attempts++;
            if (attempts === 1) throw new Error('network cut');
            defineElement(tag, class extends HTMLElement {});
          },
        },
        root,
      );
      root.append(document.createElement(tag));
      // The first attempt comes once the element is seen near the viewport (a frame later): waited for, not timed
      // (a fixed 10 ms was too short for a busy CI machine, which then counted one attempt where two were due).
      await waitUntil(() => attempts === 1, 'the first attempt to load the module', { timeout: 5000 });
      await delay(0);
      expect(customElements.get(tag)).to.equal(undefined);
      await loader.discover();
      expect(attempts).to.equal(2);
      expect(customElements.get(tag)).to.exist;
      loader.disconnect();
    } finally {
      console.error = originalError;
    }
  });

  it('defines a tag in a task after the call (a module evaluates in one task, the element upgrades in the next)', async () => {
    const tag = uniqueTag();
    const el = await fixture(`<${tag}></${tag}>`);
    let upgraded = false;
    defineElement(
      tag,
      class extends HTMLElement {
        connectedCallback() {
          upgraded = true;
        }
      },
    );
    await Promise.resolve();
    expect(customElements.get(tag), 'not in the same task').to.equal(undefined);
    expect(el.matches(':defined'), 'its reserved space still holds').to.equal(false);
    await customElements.whenDefined(tag);
    expect(upgraded).to.equal(true);
    expect(el.matches(':defined')).to.equal(true);
  });

  it('warns once, without throwing, when a tag is defined twice', async function () {
    allowWarnings(this, /already defined/);
    const tag = uniqueTag();
    const seen: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      seen.push(args.join(' '));
      warn(...args);
    };
    try {
      defineElement(tag, class extends HTMLElement {});
      expect(() => defineElement(tag, class extends HTMLElement {})).not.to.throw();
      defineElement(tag, class extends HTMLElement {});
      expect(seen.filter((s) => s.includes('already defined'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
