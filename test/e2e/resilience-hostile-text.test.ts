import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createAgentToken } from '../../server/store/agents.js';
import { openDatabase } from '../../server/store/database.js';
import { launchChromium, startServerProcess, type ServerProcess } from '../helpers/e2e.js';
import { elementMarkup, elementSpecs } from '../helpers/elements.js';
import { startHostServer, type HostServer } from '../helpers/host-pages.js';
import { recordedPage, shadowText, waitForProbe } from '../helpers/resilience.js';

/**
 * What a citizen types is data, never markup: hostile text goes through the public API, the moderation
 * (publish, public reply) and back out of the public API unchanged, and `<spp-testimonies>` shows it exactly
 * as typed, running nothing. Any script that runs sets `window.__pwned`, which a trap records.
 */
const STRUCTURE = 'CAF-69';
const PADDING = ' Ce texte sert à vérifier que le service affiche ce que les usagers écrivent, tel quel.';
const LONG_WORD = 'Anticonstitutionnellement'.repeat(12);

interface HostileCase {
  name: string;
  title: string;
  body: string;
  reply: string;
}

const CASES: HostileCase[] = [
  {
    name: 'script tags',
    title: '<script>window.__pwned = "title"</script>',
    body: `<script>window.__pwned = "body"</script>${PADDING}`,
    reply: `</p><script>window.__pwned = "reply"</script>${PADDING}`,
  },
  {
    name: 'event-handler attributes',
    title: '<img src=x onerror="window.__pwned=\'img\'">',
    body: `"><svg onload="window.__pwned='svg'"></svg><div onmouseover="window.__pwned='hover'">survol</div>${PADDING}`,
    reply: `' onfocus='window.__pwned="focus"' autofocus x='${PADDING}`,
  },
  {
    name: 'javascript: URLs',
    title: 'javascript:window.__pwned="url"',
    body: `<a href="javascript:window.__pwned='link'">cliquez ici</a> ou javascript:window.__pwned=1 en clair.${PADDING}`,
    reply: `Voir [ce lien](javascript:window.__pwned='md') et <a href=javascript:void(window.__pwned='a')>là</a>.${PADDING}`,
  },
  {
    name: 'template and entity look-alikes',
    title: '${window.__pwned = "tpl"} {{constructor.constructor("window.__pwned=1")()}}',
    body: `&lt;b&gt;pas du gras&lt;/b&gt; &amp; &#x3C;script&#x3E; <!-- commentaire --> <![CDATA[ x ]]>${PADDING}`,
    reply: `<style>*{display:none}</style><template><script>window.__pwned='template'</script></template>${PADDING}`,
  },
  {
    name: 'unicode direction tricks',
    // RIGHT-TO-LEFT OVERRIDE makes "exe.txt" read "txt.exe"; isolates and marks left unclosed on purpose.
    title: 'Facture \u202Etxt.exe \u2066isolé \u200Fmarque',
    body: `Pièce jointe\u202E gnp.exe ouverte\u202C, puis \u2067texte\u2069 et un caractère de largeur nulle\u200B ici.${PADDING}`,
    reply: `Réponse \u202Eà l'envers sans fermeture${PADDING}`,
  },
  {
    name: 'very long words',
    title: LONG_WORD.slice(0, 120),
    body: `${LONG_WORD} ${'https://exemple.fr/' + 'chemin/'.repeat(40)}${PADDING}`,
    reply: `${LONG_WORD}${PADDING}`,
  },
];

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

const testimoniesSpec = elementSpecs().find((s) => s.tag === 'spp-testimonies');

describe('resilience: hostile text, submitted, moderated and shown', () => {
  let server: ServerProcess;
  let token: string;
  const references = new Map<string, string>();

  before(async () => {
    server = await startServerProcess();
    const store = await openDatabase({ dataDir: server.dataDir });
    try {
      token = (await createAgentToken(store.db, 'résilience', { kind: 'structures', codes: [STRUCTURE] })).secret;
    } finally {
      await store.close();
    }
  });
  after(async () => {
    await server?.dispose();
  });

  const api = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  it('is stored and published exactly as typed, replies included', async () => {
    for (const [index, c] of CASES.entries()) {
      const accepted = await api(
        'POST',
        '/api/v1/testimonies',
        { feeling: 'negative', structures: [STRUCTURE], channels: [], title: c.title, body: c.body, postedAs: 'user' },
        { 'idempotency-key': `hostile-text-${index}-${Date.now()}` },
      );
      const reference = accepted.reference as string;
      references.set(c.name, reference);
      const auth = { authorization: `Bearer ${token}` };
      const published = await api('POST', `/api/v1/admin/testimonies/${reference}/publish`, {}, auth);
      assert.deepEqual([published.title, published.body], [c.title, c.body], `${c.name}: what the moderator publishes`);
      await api('PUT', `/api/v1/admin/testimonies/${reference}/replies/${STRUCTURE}`, { body: c.reply, signature: '<b>Le service</b>' }, auth);
    }
    const page = (await (await fetch(`${server.url}/api/v1/structures/${STRUCTURE}/testimonies?limit=50`)).json()) as {
      items: { reference: string; title: string; body: string; replies: { body: string; signature: string }[] }[];
    };
    for (const c of CASES) {
      const item = page.items.find((i) => i.reference === references.get(c.name));
      assert.ok(item, `${c.name}: in the public list`);
      assert.deepEqual(
        { title: item.title, body: item.body, reply: item.replies[0]?.body, signature: item.replies[0]?.signature },
        { title: c.title, body: c.body, reply: c.reply, signature: '<b>Le service</b>' },
        `${c.name}: as typed in the public API`,
      );
    }
  });

  describe('shown by <spp-testimonies>', { skip: testimoniesSpec ? false : '<spp-testimonies> is not in src/elements/catalog.ts yet' }, () => {
    let host: HostServer;
    let browser: Browser;
    before(async () => {
      host = await startHostServer();
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await host?.close();
    });

    it('runs nothing, shows every text exactly as typed, and lets no word overflow at 320 px', async () => {
      assert.equal(references.size, CASES.length, 'the submissions of the previous test');
      const recorded = await recordedPage(browser);
      try {
        const { page } = recorded;
        await page.setViewportSize({ width: 320, height: 800 });
        // Any script that runs sets window.__pwned: record every write, whatever the value.
        await page.addInitScript(`(() => {
          const writes = (window.__pwnedWrites = []);
          Object.defineProperty(window, '__pwned', { configurable: false, get: () => undefined, set: (v) => writes.push(String(v)) });
        })();`);
        const url = host.page('/hostile-text.html', {
          body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script type="module" src="${server.url}/widgets/spp-widgets.js"></script></head>
<body><main>${elementMarkup(testimoniesSpec!)}</main></body></html>`,
        });
        await page.goto(url, { waitUntil: 'load' });
        const shown = await waitForProbe(page, testimoniesSpec!, 'content', 20_000);
        assert.notEqual(shown, null, `<spp-testimonies> shows the list: ${await shadowText(page, 'spp-testimonies')}`);
        // Hover and focus everything, so that an injected handler would have its chance.
        const interactive = page.locator('spp-testimonies a, spp-testimonies button, spp-testimonies p, spp-testimonies li');
        for (let i = 0; i < Math.min(await interactive.count(), 60); i++) await interactive.nth(i).hover({ timeout: 1000 }).catch(() => {});

        const found = (await page.evaluate(`(() => {
          const root = document.querySelector('spp-testimonies').shadowRoot;
          const texts = [...root.querySelectorAll('*')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim());
          const dangerous = [...root.querySelectorAll('script, iframe, object, embed, style:not([data-spp]), [onerror], [onload], [onmouseover], [onfocus], a[href^="javascript:" i]')]
            .map((e) => e.outerHTML.slice(0, 120));
          const host = document.querySelector('spp-testimonies');
          return { texts, dangerous, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, hostWidth: host.getBoundingClientRect().width };
        })()`)) as { texts: string[]; dangerous: string[]; overflow: number };

        const missing: string[] = [];
        for (const c of CASES) {
          for (const [field, value] of [
            ['title', c.title],
            ['body', c.body],
            ['reply', c.reply],
          ] as const) {
            if (!found.texts.includes(collapse(value))) missing.push(`${c.name} (${field}): ${JSON.stringify(value.slice(0, 60))}`);
          }
        }
        assert.deepEqual(missing, [], 'texts not shown exactly as typed (one element holding exactly that text)');
        assert.deepEqual(found.dangerous, [], 'markup from user text became live elements');
        assert.deepEqual(await page.evaluate('window.__pwnedWrites'), [], 'scripts from user text ran');
        assert.ok(found.overflow <= 0, `the page scrolls sideways by ${found.overflow} px at 320 px (a long word or URL does not wrap)`);
        assert.deepEqual((await recorded.record()).errors, [], 'errors thrown to the host page');
      } finally {
        await recorded.close();
      }
    });
  });
});
