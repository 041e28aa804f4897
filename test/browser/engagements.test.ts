import { delay, fakeFetch, json, offline, problem, realApi } from '../helpers/browser.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { PROGRAMME_URL, type SppEngagements } from '../../src/elements/engagements/engagements.js';
import { LOCAL_COMMITMENTS_GRACE_MS } from '../../src/elements/engagements/local-commitments.js';
import type { SppErrorDetail } from '../../src/internal/events.js';

/** The committed copy of the official communication kit (the seed document), served by the test runner. */
const SEED_URL = '/test/fixtures/seed/kit-de-communication-services-publics-plus.txt';

/**
 * The 9 engagements of the seed's article "version longue" (its first list), with the words it sets in bold. The
 * seed types straight apostrophes; the banner shows the same words with the typographic one (docs/wording.md).
 */
let SEED: { text: string; bold: string[] }[] = [];
/** Section V of the seed: the citizen's words printed just before "→ **Engagement 2 :". */
let SEED_QUOTE_2 = '';
/** Section V: the words printed before "→ **Engagement 6 :", which illustrate engagements 6 and 7 together. */
let SEED_QUOTE_6 = '';
const typographic = (text: string) => text.replace(/'/g, '’');

before(async () => {
  const kit = typographic(await (await fetch(SEED_URL)).text());
  const article = kit.slice(kit.indexOf('\nLes nouveaux engagements Services Publics +\n'));
  SEED = article
    .split('\n')
    .filter((line) => /^- \d /.test(line))
    .slice(0, 9)
    .map((line) => {
      const body = line.replace(/^- \d /, '');
      return { text: body.replace(/\*\*/g, ''), bold: [...body.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]!) };
    });
  const illustrations = kit.slice(kit.lastIndexOf('V. Illustrations'));
  const before2 = illustrations.slice(0, illustrations.indexOf('→ **Engagement 2 :')).trim().split('\n');
  SEED_QUOTE_2 = before2[before2.length - 1]!.trim();
  const before6 = illustrations.slice(0, illustrations.indexOf('→ **Engagement 6 :')).trim().split('\n');
  SEED_QUOTE_6 = before6[before6.length - 1]!.trim();
  expect(illustrations.slice(illustrations.indexOf('→ **Engagement 6 :')).split('\n')[2]).to.match(/^→ \*\*Engagement 7 :/);
  expect(SEED.map((e) => e.text.slice(0, 12))).to.have.length(9);
  expect(SEED_QUOTE_2).to.match(/^Je me sens un peu seule/);
});

const root = (el: SppEngagements) => el.shadowRoot!;
const all = (el: SppEngagements, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const one = (el: SppEngagements, selector: string) => root(el).querySelector<HTMLElement>(selector);
const engagements = (el: SppEngagements) => all(el, '[part~="engagement"]');
const texts = (el: SppEngagements) => all(el, '[part="text"]').map((p) => p.textContent);
const numbers = (el: SppEngagements) => all(el, '[part="number"]').map((n) => n.textContent!.replace(/\D/g, ''));
const headings = (el: SppEngagements) =>
  all(el, '[role="heading"]').map((h) => [h.getAttribute('aria-level'), h.textContent!.trim()] as const);
const numberOf = (li: HTMLElement) => li.querySelector('[part="number"]')!.textContent!.replace(/\D/g, '');
const itemOf = (el: SppEngagements, n: number) => engagements(el).find((li) => numberOf(li) === String(n))!;
const toggles = (el: SppEngagements) => all(el, '[part="toggle"]');

/** Collects `spp-error` details fired by the element. */
function errorsOf(el: HTMLElement): SppErrorDetail[] {
  const seen: SppErrorDetail[] = [];
  el.addEventListener('spp-error', (e) => seen.push(e.detail));
  return seen;
}

/** A structure answer as the contract describes it (`Structure`), with commitments under engagements 2 and 5. */
const structureAnswer = (commitments: unknown[] = [{ engagement: 2, text: 'Notre numéro est gratuit depuis 2021.', since: '2021-01-01' }]) => ({
  code: 'TEST-1',
  name: 'Mairie de Test',
  network: { code: 'COMMUNE', name: 'Communes' },
  level: 'site',
  parentCode: null,
  postcode: '74000',
  city: 'Annecy',
  contact: { phone: null, url: null, address: null },
  commitments,
});

/** Element created with its attributes before it connects, like a host page's markup. */
async function banner(attributes: Record<string, string> = {}): Promise<SppEngagements> {
  const el = document.createElement('spp-engagements');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Waits for the English chunk (a dynamic import) and the render that follows. */
async function english(attributes: Record<string, string> = {}): Promise<SppEngagements> {
  const el = await banner({ lang: 'en', ...attributes });
  await waitUntil(() => one(el, '.root')?.childElementCount, 'English never rendered');
  await el.updateComplete;
  return el;
}

describe('<spp-engagements>', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  describe('accessibility', () => {
    for (const variant of ['full', 'compact', 'badge']) {
      for (const theme of ['dsfr', 'neutral']) {
        for (const lang of ['fr', 'en']) {
          it(`is accessible: ${variant}, ${theme}, ${lang}`, async () => {
            const el = lang === 'en' ? await english({ variant, theme }) : await banner({ variant, theme, lang });
            await expect(el).to.be.accessible();
          });
        }
      }
    }

    for (const theme of ['dsfr', 'neutral']) {
      it(`is accessible in dark mode, opened, spotlit and with commitments (${theme})`, async () => {
        await emulateMedia({ colorScheme: 'dark' });
        fakeFetch(() => json(structureAnswer()));
        const el = await banner({ theme, highlight: '2,6', structure: 'TEST-1' });
        await waitUntil(() => one(el, '[part="commitment"]'));
        toggles(el)[0]!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        const compact = await banner({ theme, variant: 'compact', highlight: '7' });
        one(compact, '[part="toggle"]')!.click();
        await compact.updateComplete;
        await expect(compact).to.be.accessible();
      });
    }

    it('marks its language on the content, whatever the page speaks', async () => {
      expect(one(await banner(), '.root')!.lang).to.equal('fr');
      expect(one(await english(), '.root')!.lang).to.equal('en');
      const inEnglishPage = await fixture<HTMLDivElement>(html`<div lang="en-GB"><spp-engagements></spp-engagements></div>`);
      const el = inEnglishPage.querySelector('spp-engagements')!;
      await waitUntil(() => one(el, '.root')?.childElementCount);
      expect(one(el, '.root')!.lang).to.equal('en');
    });
  });

  describe('full (default)', () => {
    it('shows the 3 groups and the 9 engagements in the seed’s exact French wording', async () => {
      const el = await banner();
      expect(headings(el)).to.deep.equal([
        ['2', 'Nos engagements Services Publics+'],
        ['3', 'Des services publics + proches'],
        ['3', 'Des services publics + efficaces'],
        ['3', 'Des services publics + simples'],
      ]);
      const groups = all(el, '[part="group"]');
      expect(groups.map((g) => g.querySelectorAll('ol > li').length)).to.deep.equal([3, 3, 3]);
      expect(numbers(el)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(texts(el)).to.deep.equal(SEED.map((e) => e.text));
    });

    it('emphasises the keywords of the official text, as text only', async () => {
      const el = await banner();
      const bold = all(el, '[part="text"]').map((p) => [...p.querySelectorAll('strong')].map((s) => s.textContent));
      expect(bold).to.deep.equal(SEED.map((e) => e.bold));
      for (const strong of all(el, 'strong')) expect(strong.children.length, 'no markup inside').to.equal(0);
    });

    it('renders at once from the bundle, without asking the API anything when no structure is set', async () => {
      const calls = fakeFetch(() => json({}));
      const el = await banner();
      expect(engagements(el)).to.have.length(9);
      await delay(50);
      expect(calls, 'the wording is not fetched').to.have.length(0);
    });

    it('reveals the citizen’s words with "Pourquoi cet engagement ?" under every engagement', async () => {
      const el = await banner();
      expect(toggles(el)).to.have.length(9);
      const button = itemOf(el, 2).querySelector<HTMLButtonElement>('[part="toggle"]')!;
      expect(button.textContent!.replace(/\s+/g, ' ')).to.match(/^ ?Pourquoi cet engagement\s\? \(engagement 2\)/);
      const quote = root(el).getElementById(button.getAttribute('aria-controls')!)!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(quote.hidden).to.equal(true);
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(quote.hidden).to.equal(false);
      expect(quote.textContent!.trim()).to.equal(`«\u00a0${SEED_QUOTE_2}\u00a0»`);
      expect(itemOf(el, 3).querySelector<HTMLElement>('[part="quote"]')!.hidden, 'the others stay closed').to.equal(true);
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(quote.hidden).to.equal(true);
    });

    it('gives engagement 6 the words section V of the kit places before it, shared with engagement 7', async () => {
      const el = await banner();
      const six = itemOf(el, 6).querySelector<HTMLButtonElement>('[part="toggle"]')!;
      const seven = itemOf(el, 7).querySelector<HTMLButtonElement>('[part="toggle"]')!;
      expect(six.textContent!.replace(/\s+/g, ' ')).to.match(/^ ?Pourquoi cet engagement\s\? \(engagement 6\)/);
      six.click();
      seven.click();
      await el.updateComplete;
      const words = [six, seven].map((b: HTMLButtonElement) => root(el).getElementById(b.getAttribute('aria-controls')!)!.textContent!.trim());
      expect(words).to.deep.equal([`«\u00a0${SEED_QUOTE_6}\u00a0»`, `«\u00a0${SEED_QUOTE_6}\u00a0»`]);
      expect(SEED_QUOTE_6).to.match(/^En tant qu’utilisateur/);
    });

    it('opens and closes a quote from the keyboard, focus staying on the button', async () => {
      const before = await fixture<HTMLButtonElement>(html`<button>avant</button>`);
      const el = await banner();
      before.focus();
      await sendKeys({ press: 'Tab' });
      const first = toggles(el)[0]!;
      expect(root(el).activeElement).to.equal(first);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(first.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(first.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(toggles(el)[1]);
      expect(getComputedStyle(toggles(el)[1]!).outlineStyle, 'visible focus').to.equal('solid');
    });
  });

  describe('highlight', () => {
    it('spotlights the chosen engagements and keeps every other one listed', async () => {
      const el = await banner({ highlight: '6,7' });
      expect(engagements(el)).to.have.length(9);
      const spotlit = all(el, '[part~="highlighted"]');
      expect(spotlit.map(numberOf)).to.deep.equal(['6', '7']);
      for (const li of spotlit) expect(li.querySelector('.flag')!.textContent, 'said in words, not only colour').to.equal('À la une');
      expect(getComputedStyle(itemOf(el, 6)).backgroundColor).not.to.equal(getComputedStyle(itemOf(el, 5)).backgroundColor);
    });

    it('ignores numbers that are not engagements', async () => {
      const el = await banner({ highlight: '0, 12, x, 3;-1' });
      expect(all(el, '[part~="highlighted"]').map(numberOf)).to.deep.equal(['3']);
    });

    it('follows attribute changes', async () => {
      const el = await banner({ highlight: '1' });
      el.setAttribute('highlight', '9');
      await el.updateComplete;
      expect(all(el, '[part~="highlighted"]')).to.have.length(1);
      expect(itemOf(el, 9).getAttribute('part')).to.equal('engagement highlighted');
    });
  });

  describe('heading-level', () => {
    it('fits the host page’s outline: the banner at the level, its groups one below', async () => {
      const el = await banner({ 'heading-level': '4' });
      expect(headings(el).map(([level]) => level)).to.deep.equal(['4', '5', '5', '5']);
    });

    it('stays within 1 to 6 and falls back to 2 on nonsense', async () => {
      expect(headings(await banner({ 'heading-level': '6' })).map(([l]) => l)).to.deep.equal(['6', '6', '6', '6']);
      expect(headings(await banner({ 'heading-level': '9' })).map(([l]) => l)[0]).to.equal('6');
      expect(headings(await banner({ 'heading-level': 'abc' })).map(([l]) => l)).to.deep.equal(['2', '3', '3', '3']);
    });
  });

  describe('compact', () => {
    it('names the programme and the 9 keywords in one strip, the full list behind a disclosure', async () => {
      const el = await banner({ variant: 'compact', highlight: '5' });
      expect(one(el, '[role="heading"]')!.textContent).to.equal('Services Publics+');
      const keywords = all(el, '[part~="keyword"]').map((k) => k.textContent!.replace(/Engagement \d, /, '').trim());
      expect(keywords).to.deep.equal([
        'Bienveillance',
        'Joignables',
        'Accompagnement',
        'Orientons',
        'Réponse et suivi',
        'Résultats',
        'Avis',
        'Amélioration continue',
        'Éco-responsables',
      ]);
      expect(all(el, '[part~="keyword"][part~="highlighted"]').map((k) => k.textContent)).to.have.length(1);
      const button = one(el, '[part="toggle"]')!;
      expect(button.textContent!.trim()).to.equal('Les 9 engagements en détail');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const panel = root(el).getElementById(button.getAttribute('aria-controls')!)!;
      expect(panel.hidden).to.equal(true);
      expect(engagements(el)).to.have.length(0);

      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      expect(texts(el)).to.deep.equal(SEED.map((e) => e.text));
      expect(headings(el).map(([l]) => l)).to.deep.equal(['2', '3', '3', '3']);
    });

    it('expands and folds from the keyboard', async () => {
      const before = await fixture<HTMLButtonElement>(html`<button>avant</button>`);
      const el = await banner({ variant: 'compact' });
      before.focus();
      await sendKeys({ press: 'Tab' });
      const button = one(el, '[part="toggle"]')!;
      expect(root(el).activeElement).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(engagements(el)).to.have.length(9);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).activeElement, 'focus stays on the button').to.equal(button);
    });
  });

  describe('badge', () => {
    it('is a small mark with the count, linking to the programme by default', async () => {
      const calls = fakeFetch(() => json(structureAnswer()));
      const el = await banner({ variant: 'badge', structure: 'TEST-1' });
      const link = one(el, 'a[part="badge"]') as HTMLAnchorElement;
      expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('+Services Publics+ 9 engagements');
      expect(link.href).to.equal(PROGRAMME_URL);
      await delay(50);
      expect(calls, 'a badge shows no commitments, so asks nothing').to.have.length(0);
    });

    it('links where `href` says, but never to script', async () => {
      const el = await banner({ variant: 'badge', href: '/nos-engagements.html' });
      expect((one(el, 'a') as HTMLAnchorElement).href).to.equal(new URL('/nos-engagements.html', location.href).href);
      el.href = ' JavaScript:alert(1)';
      await el.updateComplete;
      expect((one(el, 'a') as HTMLAnchorElement).href).to.equal(PROGRAMME_URL);
    });

    it('speaks English with lang="en"', async () => {
      const el = await english({ variant: 'badge' });
      expect(one(el, 'a')!.textContent!.replace(/\s+/g, ' ')).to.contain('9 commitments');
    });
  });

  describe('lang="en"', () => {
    it('shows our English translation and says it is one', async () => {
      const el = await english();
      expect(headings(el).map(([, text]) => text)).to.deep.equal([
        'Our Services Publics+ commitments',
        'Closer public services',
        'More efficient public services',
        'Simpler public services',
      ]);
      expect(texts(el)[1]).to.equal('We can be reached by phone or in person, and we make your online procedures easier');
      expect(one(el, '.note')!.textContent).to.equal('Our translation: the official text is in French.');
      expect(toggles(el)[0]!.textContent).to.contain('Why this commitment?');
    });

    it('switches language when the attribute changes', async () => {
      const el = await banner();
      el.lang = 'en';
      await waitUntil(() => one(el, '[role="heading"]')?.textContent === 'Our Services Publics+ commitments');
      el.lang = 'fr';
      await el.updateComplete;
      expect(texts(el)).to.deep.equal(SEED.map((e) => e.text));
    });
  });

  describe('structure: local commitments', () => {
    it('shows CAF-69’s commitments under engagements 2 and 3, from the real API', async () => {
      const errors: SppErrorDetail[] = [];
      const el = await banner({ structure: 'CAF-69', api: await realApi() });
      el.addEventListener('spp-error', (e) => errors.push(e.detail));
      await waitUntil(() => all(el, '[part="commitment"]').length === 2, 'commitments never came');
      const under = (n: number) => [...itemOf(el, n).querySelectorAll('[part="commitment"]')].map((c) => c.textContent);
      expect(under(2)).to.deep.equal(['Notre numéro 32 30 est gratuit depuis le 1er janvier 2021.']);
      expect(under(3)).to.deep.equal(['Un rendez-vous avec un conseiller sous 5 jours ouvrés, à l’accueil ou par visio.']);
      for (const n of [1, 4, 5, 6, 7, 8, 9]) expect(under(n)).to.deep.equal([]);
      expect(itemOf(el, 2).querySelector('.by')!.textContent).to.equal('Engagement local – CAF du Rhône');
      expect(errors).to.deep.equal([]);
    });

    it('keeps its reserved space empty until they arrive, then shows the banner once, with them', async () => {
      await setViewport({ width: 412, height: 823 });
      fakeFetch(async () => {
        await delay(300);
        return json(structureAnswer());
      });
      const el = await banner({ structure: 'TEST-1' });
      const reserved = parseFloat(getComputedStyle(el).minHeight);
      expect(reserved, 'one column: the 40rem the docs tell the host page to reserve').to.equal(640);
      expect(engagements(el), 'nothing shown yet').to.have.length(0);
      expect(el.getBoundingClientRect().height, 'the space stays reserved').to.equal(reserved);
      await waitUntil(() => engagements(el).length === 9, 'the banner never showed');
      // The first render that shows engagements already holds the commitment: nothing is inserted among them.
      expect(all(el, '[part="commitment"]').map((c) => c.textContent)).to.deep.equal(['Notre numéro est gratuit depuis 2021.']);
    });

    it('inserts the commitments of an API slower than the grace period when they come', async function () {
      this.timeout(8000);
      const errors: SppErrorDetail[] = [];
      fakeFetch(async () => {
        await delay(LOCAL_COMMITMENTS_GRACE_MS + 800);
        return json(structureAnswer());
      });
      const el = await banner({ structure: 'TEST-1' });
      el.addEventListener('spp-error', (e) => errors.push(e.detail));
      await waitUntil(() => engagements(el).length === 9, 'the banner never showed', { timeout: LOCAL_COMMITMENTS_GRACE_MS + 700 });
      expect(one(el, '[part="commitment"]'), 'shown without them at first').to.equal(null);
      await waitUntil(() => one(el, '[part="commitment"]'), 'the late commitments never came', { timeout: 3000 });
      expect(texts(el)).to.deep.equal(SEED.map((e) => e.text));
      expect(errors).to.deep.equal([]);
    });

    it('does not wait for them in the compact strip, where they are folded away', async () => {
      fakeFetch(() => new Promise<Response>(() => {}));
      const el = await banner({ structure: 'TEST-1', variant: 'compact' });
      expect(all(el, '[part~="keyword"]').length).to.equal(9);
    });

    it('asks `GET /api/v1/structures/{code}` on the `api` base, code encoded', async () => {
      const calls = fakeFetch(() => json(structureAnswer()));
      const el = await banner({ structure: 'A/B?c', api: 'https://api.example.test/base/' });
      await waitUntil(() => calls.length === 1);
      expect(calls[0]!.url).to.equal('https://api.example.test/base/api/v1/structures/A%2FB%3Fc');
      expect(calls[0]!.method).to.equal('GET');
      await waitUntil(() => one(el, '[part="commitment"]'));
    });

    it('renders commitments as text, never as HTML, and marks them French in an English banner', async () => {
      fakeFetch(() => json(structureAnswer([{ engagement: 5, text: '<img src=x onerror="window.hacked=1">Réponse <b>sous 48 h</b>', since: null }])));
      const el = await english({ structure: 'TEST-1' });
      await waitUntil(() => one(el, '[part="commitment"]'));
      const commitment = one(el, '[part="commitment"]')!;
      expect(commitment.textContent).to.equal('<img src=x onerror="window.hacked=1">Réponse <b>sous 48 h</b>');
      expect(commitment.children.length).to.equal(0);
      expect(commitment.lang).to.equal('fr');
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });

    it('drops the answer for a structure that is no longer the one asked for', async () => {
      fakeFetch(async (call) => {
        if (call.url.endsWith('/OLD')) {
          await delay(150);
          return json({ ...structureAnswer([{ engagement: 1, text: 'ancien', since: null }]), name: 'Ancienne' });
        }
        return json(structureAnswer([{ engagement: 9, text: 'nouveau', since: null }]));
      });
      const el = await banner({ structure: 'OLD', api: 'https://api.example.test' });
      el.structure = 'NEW';
      await waitUntil(() => one(el, '[part="commitment"]'));
      await delay(250);
      expect(all(el, '[part="commitment"]').map((c) => c.textContent)).to.deep.equal(['nouveau']);
    });

    it('clears the commitments when the structure is removed', async () => {
      fakeFetch(() => json(structureAnswer()));
      const el = await banner({ structure: 'TEST-1' });
      await waitUntil(() => one(el, '[part="commitment"]'));
      el.removeAttribute('structure');
      el.structure = '';
      await el.updateComplete;
      expect(one(el, '[part="commitment"]')).to.equal(null);
    });
  });

  describe('the API failing never takes the banner down', () => {
    const failures: [string, () => Response | Promise<Response>, Partial<SppErrorDetail>][] = [
      ['down (network error)', offline, { kind: 'network' }],
      ['answering 500', () => problem(500), { kind: 'http', status: 500 }],
      ['answering 404 (unknown structure)', () => problem(404), { kind: 'http', status: 404 }],
      ['answering 429', () => problem(429, {}, { 'Retry-After': '30' }), { kind: 'http', status: 429 }],
      ['answering invalid JSON', () => new Response('{"name": "Mairie', { headers: { 'Content-Type': 'application/json' } }), { kind: 'malformed' }],
      ['answering HTML', () => new Response('<h1>Maintenance</h1>', { headers: { 'Content-Type': 'text/html' } }), { kind: 'malformed' }],
      ['answering JSON without commitments', () => json({ name: 'Mairie' }), { kind: 'malformed' }],
      ['answering commitments that are not a list', () => json(structureAnswer('gratuit' as never)), { kind: 'malformed' }],
      ['answering null', () => json(null), { kind: 'malformed' }],
    ];
    for (const [label, answer, expected] of failures) {
      it(`shows the 9 engagements and reports spp-error when the API is ${label}`, async () => {
        fakeFetch(answer);
        const el = document.createElement('spp-engagements');
        el.structure = 'TEST-1';
        const error = oneEvent(el, 'spp-error');
        await fixture<HTMLDivElement>(html`<div></div>`).then((wrapper) => wrapper.append(el));
        const started = performance.now();
        const { detail } = (await error) as CustomEvent<SppErrorDetail>;
        expect(detail).to.include(expected);
        expect(detail.message).to.be.a('string').and.not.equal('');
        await el.updateComplete;
        expect(texts(el), 'shown as soon as the API failed').to.deep.equal(SEED.map((e) => e.text));
        expect(performance.now() - started, 'without waiting out the grace period').to.be.below(LOCAL_COMMITMENTS_GRACE_MS);
        expect(one(el, '[part="commitment"]')).to.equal(null);
      });
    }

    it('shows no commitment at all when one of them is malformed (never half an answer)', async () => {
      fakeFetch(() =>
        json(
          structureAnswer([
            { engagement: 2, text: 'valide', since: null },
            { engagement: '3', text: 'numéro en texte', since: null },
          ]),
        ),
      );
      const el = await banner({ structure: 'TEST-1' });
      const errors = errorsOf(el);
      await waitUntil(() => errors.length === 1);
      expect(errors[0]!.kind).to.equal('malformed');
      expect(one(el, '[part="commitment"]')).to.equal(null);
    });

    it('shows the banner without commitments after 1 s without an answer, and gives up at 5 s', async function () {
      this.timeout(12000);
      fakeFetch(() => new Promise<Response>(() => {}));
      const started = performance.now();
      const el = await banner({ structure: 'TEST-1' });
      const errors = errorsOf(el);
      expect(engagements(el), 'its space kept empty while waiting').to.have.length(0);
      await waitUntil(() => engagements(el).length === 9, 'the banner never showed', { timeout: 3000, interval: 20 });
      expect(performance.now() - started, 'shown after the grace period').to.be.within(LOCAL_COMMITMENTS_GRACE_MS - 50, LOCAL_COMMITMENTS_GRACE_MS + 700);
      await delay(2500 - (performance.now() - started));
      expect(errors, 'still waiting at 2.5 s').to.deep.equal([]);
      expect(engagements(el)).to.have.length(9);
      await waitUntil(() => errors.length === 1, 'no timeout reported', { timeout: 5000 });
      expect(performance.now() - started).to.be.within(4900, 7000);
      expect(errors[0]!.kind).to.equal('timeout');
      expect(texts(el)).to.deep.equal(SEED.map((e) => e.text));
    });

    it('does not ask again on every render', async () => {
      const calls = fakeFetch(() => problem(503));
      const el = await banner({ structure: 'TEST-1' });
      await waitUntil(() => calls.length === 1);
      el.highlight = '4';
      await el.updateComplete;
      toggles(el)[0]!.click();
      await el.updateComplete;
      await delay(50);
      expect(calls).to.have.length(1);
    });
  });

  describe('layout', () => {
    it('reflows to one column at 320 px without horizontal scrolling', async () => {
      await setViewport({ width: 320, height: 640 });
      for (const variant of ['full', 'compact', 'badge']) {
        const el = await banner({ variant });
        if (variant === 'compact') {
          one(el, '[part="toggle"]')!.click();
          await el.updateComplete;
        }
        const lefts = all(el, '[part="group"]').map((g) => g.getBoundingClientRect().left);
        expect(new Set(lefts).size, `${variant}: one column`).to.be.at.most(1);
        expect(el.scrollWidth, `${variant}: no horizontal scroll`).to.be.at.most(320);
        expect(one(el, '.root')!.scrollWidth).to.be.at.most(el.clientWidth);
      }
    });

    it('puts the 3 groups side by side on a wide page', async () => {
      await setViewport({ width: 1200, height: 800 });
      const el = await banner();
      const tops = all(el, '[part="group"]').map((g) => g.getBoundingClientRect().top);
      expect(new Set(tops).size).to.equal(1);
    });

    it('reserves its space before rendering, never more than it then takes', async () => {
      await setViewport({ width: 1200, height: 800 });
      for (const [variant, minimum] of [
        ['full', 300],
        ['compact', 60],
        ['badge', 40],
      ] as const) {
        const el = await banner({ variant });
        const reserved = parseFloat(getComputedStyle(el).minHeight);
        expect(reserved, `${variant} reserves space`).to.be.at.least(minimum);
        const content = one(el, '.root')!.getBoundingClientRect().height;
        expect(content, `${variant}: its content fills the reservation`).to.be.at.least(reserved);
      }
    });
  });
});
