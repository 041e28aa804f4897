import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeFetch, json, offline, problem, type FakeCall } from '../helpers/browser.js';
import '../../src/agent/agent-app.js';
import type { SppAgentApp } from '../../src/agent/agent-app.js';
import type { SppAgentTestimony } from '../../src/agent/testimony-panel.js';
import type { AgentProfile, ModerationQueue, ModerationTestimony } from '../../src/contract/admin.js';

const API = 'https://api.test';
const TOKEN = 'spp_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const BODY = 'Appelez-moi au 06 12 34 56 78, j’attends une réponse depuis trois mois sur mon dossier.';

const PROFILE: AgentProfile = {
  token: { id: '0123456789ab', name: 'Accueil préfecture', createdAt: '2025-01-01T00:00:00.000Z' },
  scope: { kind: 'structures', codes: ['PREF-69'] },
  structures: [{ code: 'PREF-69', name: 'Préfecture du Rhône' }],
  structuresTruncated: false,
};

function testimony(overrides: Partial<ModerationTestimony> = {}): ModerationTestimony {
  return {
    reference: 'SPP-AAAA-BBBB',
    status: 'pending',
    feeling: 'negative',
    title: 'Titre de séjour en attente',
    body: BODY,
    channels: [{ channel: 'phone', feeling: 'negative' }],
    tags: [],
    postedAs: 'user',
    postcode: '69003',
    email: 'camille@example.org',
    contactConsent: true,
    lang: 'fr',
    structures: [{ code: 'PREF-69', name: 'Préfecture du Rhône' }],
    piiFlags: [{ field: 'body', kind: 'phone', start: 15, end: 29 }],
    createdAt: '2025-03-01T09:00:00.000Z',
    moderatedAt: null,
    publishedAt: null,
    firstReplyAt: null,
    rejectionReason: null,
    replies: [],
    canModerate: true,
    canReplyAs: ['PREF-69'],
    ...overrides,
  };
}

const queue = (items: ModerationTestimony[]): ModerationQueue => ({ items, nextCursor: null, counts: { pending: items.length, published: 3, rejected: 1 } });

type Handler = (call: FakeCall) => Response | Promise<Response> | undefined;

/** The admin API: `me` and the queue by default; `extra` answers the rest (or overrides). */
function adminApi(extra: Handler = () => undefined, items = [testimony()]) {
  return fakeFetch(async (call) => {
    const answer = await extra(call);
    if (answer) return answer;
    const path = new URL(call.url).pathname;
    if (path === '/api/v1/admin/me') return json(PROFILE);
    if (path === '/api/v1/admin/testimonies') return json(queue(items));
    return problem(404);
  });
}

const root = (el: HTMLElement) => el.shadowRoot!;
const panel = (app: SppAgentApp) => root(app).querySelector<SppAgentTestimony>('spp-agent-testimony')!;
const inPanel = <T extends Element>(app: SppAgentApp, selector: string) => root(panel(app)).querySelector<T>(selector);
const buttonNamed = (host: HTMLElement, name: RegExp) =>
  [...root(host).querySelectorAll<HTMLButtonElement>('button')].find((b) => name.test(b.textContent!.replace(/\s+/g, ' ').trim()))!;

async function mountApp(): Promise<SppAgentApp> {
  const app = await fixture<SppAgentApp>(html`<spp-agent-app api=${API} lang="fr"></spp-agent-app>`);
  await app.updateComplete;
  return app;
}

async function signedIn(extra?: Handler, items?: ModerationTestimony[]): Promise<{ app: SppAgentApp; calls: FakeCall[] }> {
  const calls = adminApi(extra, items);
  sessionStorage.setItem('spp-agent-token', TOKEN);
  const app = await mountApp();
  await waitUntil(() => root(app).querySelector('.queue-item'), 'the queue did not show', { timeout: 5000 });
  return { app, calls };
}

async function openFirst(app: SppAgentApp): Promise<void> {
  root(app).querySelector<HTMLButtonElement>('.queue-item')!.click();
  await waitUntil(() => panel(app) && inPanel(app, 'h2'), 'no testimony panel');
  await panel(app).updateComplete;
}

describe('/agent: <spp-agent-app>', () => {
  afterEach(() => sessionStorage.clear());

  it('is accessible signed out', async () => {
    adminApi();
    const app = await mountApp();
    await expect(app).to.be.accessible();
  });

  it('is accessible signed in, with a testimony open', async () => {
    const { app: working } = await signedIn();
    await openFirst(working);
    await expect(working).to.be.accessible();
    await expect(panel(working)).to.be.accessible();
  });

  it('signs in with a token typed in a labelled field, keeps it in sessionStorage only, and sends it as Bearer', async () => {
    const calls = adminApi();
    const app = await mountApp();
    const input = root(app).querySelector<HTMLInputElement>('#token')!;
    expect(root(app).querySelector('label[for="token"]')!.textContent).to.equal('Jeton d’accès');
    expect(input.type).to.equal('password');
    input.focus();
    await sendKeys({ type: TOKEN });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(app).querySelector('.queue-item'), 'not signed in');
    expect(calls[0]!.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
    expect(sessionStorage.getItem('spp-agent-token')).to.equal(TOKEN);
    expect(localStorage.getItem('spp-agent-token')).to.equal(null);
    await waitUntil(() => root(app).activeElement?.id === 'queue-title', 'focus did not move to the queue');
    expect(root(app).textContent).to.include('Connecté : Accueil préfecture');
  });

  it('names the problem when the token is empty or refused, and stores nothing', async () => {
    adminApi((call) => (new URL(call.url).pathname === '/api/v1/admin/me' ? problem(401) : undefined));
    const app = await mountApp();
    root(app).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await app.updateComplete;
    const input = root(app).querySelector<HTMLInputElement>('#token')!;
    expect(root(app).querySelector('#token-error')!.textContent).to.include('Saisissez votre jeton');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.include('token-error');
    expect(root(app).activeElement).to.equal(input);

    input.value = 'spp_bad';
    root(app).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(app).querySelector('#token-error')?.textContent?.includes('révoqué'));
    expect(sessionStorage.getItem('spp-agent-token')).to.equal(null);
  });

  it('a stored token that was revoked meanwhile: back to sign-in, saying why', async () => {
    adminApi((call) => (new URL(call.url).pathname === '/api/v1/admin/me' ? problem(401) : undefined));
    sessionStorage.setItem('spp-agent-token', TOKEN);
    const app = await mountApp();
    await waitUntil(() => root(app).querySelector('#token-error'));
    expect(root(app).querySelector('#token-error')!.textContent).to.include('n’est plus valide');
    expect(sessionStorage.getItem('spp-agent-token')).to.equal(null);
  });

  it('opens a testimony from the queue with the keyboard and moves the focus to it', async () => {
    const { app } = await signedIn();
    const item = root(app).querySelector<HTMLButtonElement>('.queue-item')!;
    expect(item.textContent).to.include('1 donnée personnelle signalée');
    item.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => panel(app) && root(panel(app)).activeElement?.id === 'detail-title', 'focus did not move to the testimony');
    expect(item.getAttribute('aria-current')).to.equal('true');
    const facts = inPanel(app, 'dl')!.textContent!;
    expect(facts).to.include('camille@example.org').and.include('accepte d’être contacté');
    expect(inPanel(app, 'mark')!.textContent).to.equal('06 12 34 56 78');
  });

  it('masks one flagged item, announces it and puts the focus back in the personal-data section', async () => {
    const masked = testimony({ body: BODY.replace('06 12 34 56 78', '[donnée masquée]'), piiFlags: [] });
    const { app, calls } = await signedIn((call) => (call.url.endsWith('/mask') ? json(masked) : undefined));
    await openFirst(app);
    const mask = buttonNamed(panel(app), /^Masquer : Numéro de téléphone dans le récit$/);
    expect(mask, 'the button says what it masks').to.exist;
    mask.click();
    await waitUntil(() => inPanel(app, '[role="status"]')?.textContent === 'Données masquées.');
    const call = calls.find((c) => c.url.endsWith('/mask'))!;
    expect(call.method).to.equal('POST');
    expect(call.body).to.deep.equal({ findings: [0] });
    expect(root(panel(app)).activeElement?.id).to.equal('pii-title');
    expect(inPanel<HTMLTextAreaElement>(app, '#edit-body-input')!.value).to.include('[donnée masquée]');
  });

  it('publishes once with the chosen tags and the edited text, even on a double click', async () => {
    let release!: () => void;
    const { app, calls } = await signedIn((call) =>
      call.url.endsWith('/publish')
        ? new Promise<Response>((resolve) => (release = () => resolve(json(testimony({ status: 'published', tags: ['relation'], publishedAt: '2025-03-02T09:00:00.000Z' })))))
        : undefined,
    );
    await openFirst(app);
    root(panel(app)).querySelector<HTMLInputElement>('input[value="relation"]')!.click();
    const title = inPanel<HTMLInputElement>(app, '#edit-title-input')!;
    title.value = 'Titre reformulé';
    title.dispatchEvent(new InputEvent('input'));
    const publish = buttonNamed(panel(app), /^Publier$/);
    publish.click();
    publish.click();
    await panel(app).updateComplete;
    expect(publish.getAttribute('aria-disabled')).to.equal('true');
    release();
    await waitUntil(() => inPanel(app, '[role="status"]')?.textContent === 'Témoignage publié.');
    const publishes = calls.filter((c) => c.url.endsWith('/publish'));
    expect(publishes).to.have.length(1);
    expect(publishes[0]!.body).to.deep.equal({ tags: ['relation'], title: 'Titre reformulé' });
    expect(root(app).querySelector('.queue-item')!.textContent).to.include('Publié');
    expect(root(app).querySelector('#status')!.textContent).to.include('Publié (4)');
  });

  it('refuses to reject without a reason, then rejects with the chosen one', async () => {
    const { app, calls } = await signedIn((call) => (call.url.endsWith('/reject') ? json(testimony({ status: 'rejected', rejectionReason: 'spam' })) : undefined));
    await openFirst(app);
    buttonNamed(panel(app), /^Refuser$/).click();
    await panel(app).updateComplete;
    expect(inPanel(app, '#reason-error')!.textContent).to.include('Choisissez un motif');
    expect(root(panel(app)).activeElement).to.equal(inPanel(app, 'input[name="reason"]'));
    expect(calls.some((c) => c.url.endsWith('/reject'))).to.equal(false);
    inPanel<HTMLInputElement>(app, 'input[value="spam"]')!.click();
    buttonNamed(panel(app), /^Refuser$/).click();
    await waitUntil(() => inPanel(app, '[role="status"]')?.textContent === 'Témoignage refusé.');
    expect(calls.find((c) => c.url.endsWith('/reject'))!.body).to.deep.equal({ reason: 'spam' });
  });

  it('replies for the structure with a signature; a failed reply keeps what the agent typed', async () => {
    let online = false;
    const published = testimony({ status: 'published', publishedAt: '2025-03-02T09:00:00.000Z', piiFlags: [] });
    const answered = testimony({
      ...published,
      replies: [{ structure: { code: 'PREF-69', name: 'Préfecture du Rhône' }, body: 'Merci, nous regardons.', signature: 'Le service accueil', createdAt: '2025-03-03T09:00:00.000Z' }],
    });
    const { app, calls } = await signedIn((call) => (call.url.includes('/replies/') ? (online ? json(answered, 201) : offline()) : undefined), [published]);
    await openFirst(app);
    buttonNamed(panel(app), /^Publier la réponse$/).click();
    await panel(app).updateComplete;
    expect(inPanel(app, '#reply-error-PREF-69')!.textContent).to.include('Écrivez la réponse et la signature');
    expect(root(panel(app)).activeElement?.id).to.equal('reply-body-PREF-69');

    const body = inPanel<HTMLTextAreaElement>(app, '#reply-body-PREF-69')!;
    body.value = 'Merci, nous regardons.';
    body.dispatchEvent(new InputEvent('input'));
    const signature = inPanel<HTMLInputElement>(app, '#reply-signature-PREF-69')!;
    signature.value = 'Le service accueil';
    signature.dispatchEvent(new InputEvent('input'));
    buttonNamed(panel(app), /^Publier la réponse$/).click();
    await waitUntil(() => inPanel(app, '[role="alert"]')?.textContent?.includes('injoignable'));
    expect(inPanel<HTMLTextAreaElement>(app, '#reply-body-PREF-69')!.value).to.equal('Merci, nous regardons.', 'nothing typed is lost');

    online = true;
    buttonNamed(panel(app), /^Publier la réponse$/).click();
    await waitUntil(() => inPanel(app, '[role="status"]')?.textContent === 'Réponse publiée.');
    const put = calls.filter((c) => c.url.endsWith('/replies/PREF-69')).at(-1)!;
    expect(put.method).to.equal('PUT');
    expect(put.body).to.deep.equal({ body: 'Merci, nous regardons.', signature: 'Le service accueil' });
    expect(buttonNamed(panel(app), /^Mettre à jour la réponse$/)).to.exist;
  });

  it('signs out, saying why, when the token is revoked during an action', async () => {
    const { app } = await signedIn((call) => (call.url.endsWith('/publish') ? problem(401) : undefined));
    await openFirst(app);
    buttonNamed(panel(app), /^Publier$/).click();
    await waitUntil(() => root(app).querySelector('#token-error'), 'not signed out');
    expect(root(app).querySelector('#token-error')!.textContent).to.include('n’est plus valide');
    expect(sessionStorage.getItem('spp-agent-token')).to.equal(null);
  });

  it('shows a 403 or 409 answer in words, and stays signed in', async () => {
    const { app } = await signedIn((call) =>
      call.url.endsWith('/tags') ? problem(403, { detail: 'Votre jeton ne couvre pas la structure « CAF-75 ».' }) : undefined,
    );
    await openFirst(app);
    buttonNamed(panel(app), /^Enregistrer les thèmes$/).click();
    await waitUntil(() => inPanel(app, '[role="alert"]')?.textContent?.includes('CAF-75'));
    expect(root(app).querySelector('.queue-item')).to.exist;
  });

  it('for a shared testimony led by another structure: no moderation controls, a reply form for mine only', async () => {
    const shared = testimony({
      status: 'published',
      publishedAt: '2025-03-02T09:00:00.000Z',
      structures: [
        { code: 'CAF-69', name: 'CAF du Rhône' },
        { code: 'PREF-69', name: 'Préfecture du Rhône' },
      ],
      canModerate: false,
      canReplyAs: ['PREF-69'],
      piiFlags: [],
    });
    const { app } = await signedIn(undefined, [shared]);
    await openFirst(app);
    expect(root(panel(app)).textContent).to.include('La modération de ce témoignage revient à CAF du Rhône');
    expect(buttonNamed(panel(app), /^Publier$/)).to.equal(undefined);
    expect(inPanel(app, '#reply-body-PREF-69')).to.exist;
    expect(inPanel(app, '#reply-body-CAF-69')).to.equal(null);
    expect(root(panel(app)).textContent).to.include('Réponse réservée à CAF du Rhône');
  });

  it('shows what a citizen typed as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwnedAgent = true">';
    const { app } = await signedIn(undefined, [testimony({ title: hostile, body: `${hostile} suite du récit assez longue pour un témoignage.`, email: '<b>x</b>@example.org', piiFlags: [] })]);
    await openFirst(app);
    expect(inPanel(app, 'h2')!.textContent).to.equal(hostile);
    expect(root(panel(app)).querySelectorAll('img, b')).to.have.length(0);
    expect(root(app).querySelectorAll('img')).to.have.length(0);
    expect((window as unknown as { __pwnedAgent?: boolean }).__pwnedAgent).to.equal(undefined);
  });

  it('signs out on request: the token leaves sessionStorage and the focus goes to the token field', async () => {
    const { app } = await signedIn();
    buttonNamed(app, /^Se déconnecter$/).click();
    await app.updateComplete;
    await waitUntil(() => root(app).activeElement?.id === 'token');
    expect(sessionStorage.getItem('spp-agent-token')).to.equal(null);
  });
});
