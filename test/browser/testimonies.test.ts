import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, fakeFetch, json, offline, problem, realApi, watchIntlFormatters, type FakeCall } from '../helpers/browser.js';
import '../../src/elements/testimonies/testimonies.js';
import type { SppTestimonies } from '../../src/elements/testimonies/testimonies.js';
import type { PublishedTestimony, TestimoniesPage, TestimonyStats } from '../../src/contract/testimony.js';

const HOSTILE = '<img src=x onerror="window.__pwned = true">';

function testimony(n: number, overrides: Partial<PublishedTestimony> = {}): PublishedTestimony {
  return {
    reference: `SPP-TEST-${String(n).padStart(4, '0')}`,
    feeling: 'negative',
    title: `Témoignage numéro ${n}`,
    body: `Le récit numéro ${n}, assez long pour ressembler à un vrai témoignage d’usager.`,
    channels: [{ channel: 'phone', feeling: 'negative' }],
    tags: ['reactivity'],
    postedAs: 'user',
    structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }],
    createdAt: '2025-03-01T09:00:00.000Z',
    publishedAt: `2025-03-${String(28 - n).padStart(2, '0')}T09:00:00.000Z`,
    replies: [],
    ...overrides,
  };
}

const STATS: TestimonyStats = { published: 12, answered: 9, responseRate: 0.75, medianReplyDays: 3 };

function page(items: PublishedTestimony[], nextCursor: string | null = null, stats: TestimonyStats = STATS): TestimoniesPage {
  return { items, nextCursor, stats };
}

const root = (el: SppTestimonies) => el.shadowRoot!;
const text = (el: SppTestimonies) => root(el).textContent!.replace(/\s+/g, ' ');
const status = (el: SppTestimonies) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const titles = (el: SppTestimonies) => [...root(el).querySelectorAll('.title')].map((t) => t.textContent!.trim());
async function settled(el: SppTestimonies): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !root(el).querySelector('.loading'), 'still loading', { timeout: 8000 });
}

async function mount(markup = html`<spp-testimonies structure="CAF-69" api="https://api.test"></spp-testimonies>`): Promise<SppTestimonies> {
  const el = await fixture<SppTestimonies>(markup);
  await settled(el);
  return el;
}

describe('<spp-testimonies>', () => {
  it('is accessible with the real API’s data (stats, filters, experiences and replies)', async () => {
    const api = await realApi();
    const el = await mount(html`<spp-testimonies structure="CAF-69" api=${api}></spp-testimonies>`);
    expect(titles(el).length).to.be.greaterThan(0);
    expect(root(el).querySelector('.reply')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible in English, in the neutral theme, and in the loading, empty and error states', async () => {
    fakeFetch(() => json(page([testimony(1)])));
    const el = await mount(html`<spp-testimonies structure="CAF-69" api="https://api.test" lang="en" theme="neutral"></spp-testimonies>`);
    expect(text(el)).to.include('Response rate');
    await expect(el).to.be.accessible();

    fakeFetch(() => new Promise<Response>(() => {}));
    const loading = await fixture<SppTestimonies>(html`<spp-testimonies structure="CAF-69" api="https://api.test"></spp-testimonies>`);
    expect(root(loading).querySelector('[aria-busy="true"]')).to.exist;
    await expect(loading).to.be.accessible();

    fakeFetch(() => json(page([], null, { published: 0, answered: 0, responseRate: null, medianReplyDays: null })));
    const empty = await mount();
    await expect(empty).to.be.accessible();

    fakeFetch(() => problem(404));
    const error = await mount();
    await expect(error).to.be.accessible();
  });

  it('shows the experiences newest first as the API gives them, with the stats and each structure’s reply', async () => {
    const calls = fakeFetch(() =>
      json(
        page([
          testimony(1, {
            structures: [
              { code: 'CAF-69', name: 'CAF du Rhône' },
              { code: 'CPAM-33', name: 'CPAM de la Gironde' },
            ],
            replies: [
              { structure: { code: 'CPAM-33', name: 'CPAM de la Gironde' }, body: 'Réponse CPAM.', signature: 'La CPAM', createdAt: '2025-03-29T09:00:00.000Z' },
              { structure: { code: 'CAF-69', name: 'CAF du Rhône' }, body: 'Réponse CAF.', signature: 'Le service relation allocataires', createdAt: '2025-03-30T09:00:00.000Z' },
            ],
          }),
          testimony(2, { feeling: 'positive', postedAs: 'helper' }),
        ]),
      ),
    );
    const el = await mount();
    expect(calls[0]!.url).to.equal('https://api.test/api/v1/structures/CAF-69/testimonies?limit=10');
    expect(titles(el)).to.deep.equal(['Témoignage numéro 1', 'Témoignage numéro 2']);
    const stats = root(el).querySelector('[part="stats"]')!.textContent!.replace(/\s+/g, ' ');
    expect(stats).to.include('12').and.include('75,0 %').and.include('3 jours');
    const replies = [...root(el).querySelectorAll('article')[0]!.querySelectorAll('.reply-from')].map((r) => r.textContent);
    expect(replies).to.deep.equal(['Réponse de CAF du Rhône', 'Réponse de CPAM de la Gironde'], 'the host structure’s reply first');
    expect(text(el)).to.include('Le service relation allocataires');
    expect(root(el).querySelectorAll('article')[1]!.textContent).to.include('Pas encore de réponse');
    expect(root(el).querySelectorAll('article')[1]!.textContent).to.include('accompagne');
    expect(root(el).querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('2', 'level 2 by default (no heading above it here), like every element');
  });

  it('writes its dates, counts, rate and delay, in French and in English, without any Intl formatter or plural rules (a formatter is a 100 to 200 ms task on a phone)', async () => {
    const stats: TestimonyStats = { published: 1234, answered: 1000, responseRate: 0.8104, medianReplyDays: 1.5 };
    const reply = { structure: { code: 'CAF-69', name: 'CAF du Rhône' }, body: 'Réponse.', signature: 'Le service', createdAt: '2026-03-29T22:30:00.000Z' };
    // 22:30 UTC on 28 March is still the 28th in Paris (winter time), 22:30 UTC on 29 March is the 30th (summer time).
    fakeFetch(() => json(page([testimony(1, { publishedAt: '2026-03-28T22:30:00.000Z', replies: [reply] })], null, stats)));
    const watch = watchIntlFormatters();
    let french: string, english: string;
    try {
      // Raw text: the no-break spaces are part of what is checked.
      french = root(await mount()).textContent!;
      english = root(await mount(html`<spp-testimonies structure="CAF-69" api="https://api.test" lang="en"></spp-testimonies>`)).textContent!;
    } finally {
      expect(watch.stop(), 'Intl formatters or plural rules made or used').to.deep.equal([]);
    }
    expect(french).to.include('1\u202f234').and.include('81,0\u00a0%').and.match(/1,5\u00a0jour(?!s)/).and.include('Publié le 28 mars 2026').and.include('30 mars 2026');
    expect(english).to.include('1,234').and.include('81.0%').and.include('1.5 days').and.include('Published on 28 March 2026').and.include('30 March 2026');
  });

  it('renders hostile text literally, never as HTML', async () => {
    fakeFetch(() =>
      json(
        page([
          testimony(1, {
            title: HOSTILE,
            body: `${HOSTILE}\n<script>window.__pwned = true</script>`,
            replies: [{ structure: { code: 'CAF-69', name: '<b>CAF</b>' }, body: HOSTILE, signature: '<i>sig</i>', createdAt: '2025-03-30T09:00:00.000Z' }],
          }),
        ]),
      ),
    );
    const el = await mount();
    expect(titles(el)).to.deep.equal([HOSTILE]);
    expect(root(el).querySelectorAll('img, script, b, i')).to.have.length(0);
    expect(text(el)).to.include('<b>CAF</b>').and.include('<i>sig</i>');
    await delay(50);
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('filters by feeling, channel and theme with labelled selects, and announces the result', async () => {
    const calls = fakeFetch((call) => {
      const url = new URL(call.url);
      return url.searchParams.get('tag') === 'relation'
        ? json(page([]))
        : url.searchParams.get('feeling') === 'positive'
          ? json(page([testimony(3, { feeling: 'positive' })]))
          : json(page([testimony(1), testimony(2)], 'next-1'));
    });
    const el = await mount();
    for (const [id, label] of [
      ['filter-feeling', 'Ressenti'],
      ['filter-channel', 'Moyen de contact'],
      ['filter-tag', 'Thème'],
    ]) {
      expect(root(el).querySelector(`label[for="${id}"]`)!.textContent).to.equal(label);
    }
    expect(root(el).querySelector('legend')!.textContent).to.equal('Filtrer les témoignages');

    const feeling = root(el).querySelector<HTMLSelectElement>('#filter-feeling')!;
    feeling.value = 'positive';
    feeling.dispatchEvent(new Event('change'));
    await settled(el);
    expect(new URL(calls.at(-1)!.url).searchParams.get('feeling')).to.equal('positive');
    expect(titles(el)).to.deep.equal(['Témoignage numéro 3']);
    expect(status(el)).to.equal('1 témoignage affiché.');
    expect(root(el).querySelector('#filter-feeling')).to.equal(feeling, 'the select stays (and keeps the focus)');

    const tag = root(el).querySelector<HTMLSelectElement>('#filter-tag')!;
    tag.value = 'relation';
    tag.dispatchEvent(new Event('change'));
    await settled(el);
    const query = new URL(calls.at(-1)!.url).searchParams;
    expect(query.get('feeling')).to.equal('positive');
    expect(query.get('tag')).to.equal('relation');
    expect(text(el)).to.include('Aucun témoignage ne correspond à ces critères');
    expect(status(el)).to.include('Aucun témoignage ne correspond');

    root(el).querySelector<HTMLButtonElement>('.link-button')!.click();
    await settled(el);
    expect(new URL(calls.at(-1)!.url).search).to.equal('?limit=10');
    expect(status(el)).to.equal('2 témoignages affichés. D’autres sont disponibles avec «\u00a0Voir plus\u00a0».');
    expect(root(el).querySelector('.link-button')).to.equal(null);
    expect(root(el).activeElement).to.equal(root(el).querySelector('#filter-feeling'), 'focus stays in the form');
  });

  it('changes a filter with the keyboard alone', async () => {
    const calls = fakeFetch(() => json(page([testimony(1)])));
    const el = await mount();
    root(el).querySelector<HTMLSelectElement>('#filter-channel')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settled(el);
    await waitUntil(() => calls.length === 2, 'no request after the keyboard change');
    expect(new URL(calls[1]!.url).searchParams.get('channel')).to.equal('counter');
  });

  it('"Voir plus" appends the next page with the cursor and moves the focus to the first new experience', async () => {
    const calls = fakeFetch((call) =>
      new URL(call.url).searchParams.get('cursor') === 'next-1' ? json(page([testimony(3), testimony(4)])) : json(page([testimony(1), testimony(2)], 'next-1')),
    );
    const el = await mount();
    const more = root(el).querySelector<HTMLButtonElement>('[part="more"]')!;
    expect(more.textContent!.trim()).to.equal('Voir plus de témoignages');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(el).length === 4, 'the next page was not appended');
    expect(new URL(calls[1]!.url).searchParams.get('cursor')).to.equal('next-1');
    expect(titles(el)).to.deep.equal(['Témoignage numéro 1', 'Témoignage numéro 2', 'Témoignage numéro 3', 'Témoignage numéro 4']);
    await waitUntil(() => root(el).activeElement?.getAttribute('data-index') === '2', 'focus did not move to the first new experience');
    expect(root(el).activeElement!.textContent).to.include('Témoignage numéro 3');
    expect(status(el)).to.equal('2 témoignages de plus affichés.');
    expect(root(el).querySelector('[part="more"]')).to.equal(null, 'no button after the last page');
  });

  it('keeps what is shown when "Voir plus" fails, says so, and tries again', async () => {
    let failing = true;
    fakeFetch((call) => {
      if (!new URL(call.url).searchParams.has('cursor')) return json(page([testimony(1)], 'next-1'));
      return failing ? offline() : json(page([testimony(2)]));
    });
    const el = await mount();
    root(el).querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await waitUntil(() => root(el).querySelector('.more-error'), 'no error shown', { timeout: 8000 });
    expect(root(el).querySelector('.more-error')!.getAttribute('role')).to.equal('alert');
    expect(root(el).querySelector('.more-error')!.textContent).to.include('vérifiez votre connexion');
    expect(titles(el)).to.deep.equal(['Témoignage numéro 1']);
    failing = false;
    const retry = root(el).querySelector<HTMLButtonElement>('[part="more"]')!;
    expect(retry.textContent!.trim()).to.equal('Réessayer');
    retry.click();
    await waitUntil(() => titles(el).length === 2);
    expect(root(el).querySelector('.more-error')).to.equal(null);
  });

  it('ignores a second click on "Voir plus" while the page is loading', async () => {
    let release!: () => void;
    const calls = fakeFetch((call) => {
      if (!new URL(call.url).searchParams.has('cursor')) return json(page([testimony(1)], 'next-1'));
      return new Promise<Response>((resolve) => (release = () => resolve(json(page([testimony(2)])))));
    });
    const el = await mount();
    const more = root(el).querySelector<HTMLButtonElement>('[part="more"]')!;
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    more.click();
    more.click();
    release();
    await waitUntil(() => titles(el).length === 2);
    expect(calls.filter((c) => c.url.includes('cursor'))).to.have.length(1);
    expect(titles(el)).to.deep.equal(['Témoignage numéro 1', 'Témoignage numéro 2'], 'no page appended twice');
  });

  it('shows a loading state, then the empty state when nothing is published', async () => {
    let answer!: () => void;
    fakeFetch(() => new Promise<Response>((resolve) => (answer = () => resolve(json(page([], null, { published: 0, answered: 0, responseRate: null, medianReplyDays: null }))))));
    const el = await fixture<SppTestimonies>(html`<spp-testimonies structure="CAF-69" api="https://api.test"></spp-testimonies>`);
    expect(text(el)).to.include('Chargement des témoignages');
    answer();
    await settled(el);
    expect(text(el)).to.include('Aucun témoignage n’a encore été publié');
    expect(root(el).querySelector('[part="stats"]')).to.equal(null);
    expect(root(el).querySelector('form')).to.equal(null);
  });

  const failures: [string, () => Response, RegExp, boolean][] = [
    ['the API is down (500, after retrying)', () => problem(500), /momentanément indisponible/, true],
    ['too many requests (429)', () => problem(429, {}, { 'Retry-After': '0' }), /Trop de demandes/, true],
    ['a malformed answer', () => new Response('{"items": [', { headers: { 'Content-Type': 'application/json' } }), /réponse du service est inattendue/, true],
    ['an answer that breaks the contract', () => json({ items: [{ title: 1 }] }), /réponse du service est inattendue/, true],
    ['an unknown structure (404)', () => problem(404), /Aucun service ne porte le code «\sCAF-69\s»/, false],
  ];
  for (const [what, answer, message, retry] of failures) {
    it(`says what happened when ${what}, and fires spp-error`, async () => {
      fakeFetch(answer);
      const el = await fixture<SppTestimonies>(html`<spp-testimonies structure="CAF-69" api="https://api.test"></spp-testimonies>`);
      const event = await oneEvent(el, 'spp-error');
      await settled(el);
      expect(event.detail.kind).to.be.a('string');
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.match(message);
      expect(!!alert.querySelector('button')).to.equal(retry);
      expect(titles(el)).to.deep.equal([]);
    });
  }

  it('offline, then back: "Réessayer" loads the experiences and announces them', async () => {
    let online = false;
    fakeFetch(() => (online ? json(page([testimony(1)])) : offline()));
    const el = await fixture<SppTestimonies>(html`<spp-testimonies structure="CAF-69" api="https://api.test"></spp-testimonies>`);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error', { timeout: 8000 });
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.include('vérifiez votre connexion internet');
    online = true;
    root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await settled(el);
    await waitUntil(() => titles(el).length === 1);
    expect(status(el)).to.equal('1 témoignage affiché.');
  });

  it('without a structure, explains the missing attribute and asks nothing of the API', async () => {
    const calls: FakeCall[] = fakeFetch(() => json(page([])));
    const el = await fixture<SppTestimonies>(html`<spp-testimonies api="https://api.test"></spp-testimonies>`);
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.include('ajoutez l’attribut structure');
    expect(calls).to.have.length(0);
  });

  it('loads again when the structure changes, and drops an answer that arrives too late', async () => {
    const resolvers: ((r: Response) => void)[] = [];
    fakeFetch(() => new Promise<Response>((resolve) => resolvers.push(resolve)));
    const el = await fixture<SppTestimonies>(html`<spp-testimonies structure="CAF-69" api="https://api.test"></spp-testimonies>`);
    el.structure = 'CPAM-33';
    await el.updateComplete;
    await waitUntil(() => resolvers.length === 2);
    resolvers[1]!(json(page([testimony(9, { title: 'De la CPAM' })])));
    await settled(el);
    resolvers[0]!(json(page([testimony(1, { title: 'De la CAF, trop tard' })])));
    await delay(20);
    expect(titles(el)).to.deep.equal(['De la CPAM']);
  });

  it('speaks English with lang="en", with numbers and dates in English', async () => {
    fakeFetch(() => json(page([testimony(1, { feeling: 'positive' })], 'next', { published: 4, answered: 1, responseRate: 0.25, medianReplyDays: 0.4 })));
    const el = await mount(html`<spp-testimonies structure="CAF-69" api="https://api.test" lang="en"></spp-testimonies>`);
    expect(root(el).querySelector('.root')!.getAttribute('lang')).to.equal('en');
    expect(text(el)).to.include('25.0%').and.include('less than a day').and.include('Positive').and.include('Published on 27 March 2025');
    expect(root(el).querySelector('[part="more"]')!.textContent!.trim()).to.equal('Show more experiences');
  });

  it('honours page-size and heading-level', async () => {
    const calls = fakeFetch(() => json(page([testimony(1)])));
    const el = await mount(html`<spp-testimonies structure="CAF-69" api="https://api.test" page-size="25" heading-level="4"></spp-testimonies>`);
    expect(new URL(calls[0]!.url).searchParams.get('limit')).to.equal('25');
    expect(root(el).querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('4');
  });

  it('reflows at 320 px without sideways scrolling', async () => {
    fakeFetch(() => json(page([testimony(1, { title: 'Un titre '.repeat(12) })], 'next')));
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><spp-testimonies structure="CAF-69" api="https://api.test"></spp-testimonies></div>`);
    const el = wrapper.querySelector('spp-testimonies') as SppTestimonies;
    await settled(el);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(root(el).querySelector('.root')!.scrollWidth).to.be.at.most(320);
  });
});
