import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeFetch, json, offline, problem, type FakeCall } from '../helpers/browser.js';
import '../../src/agent/agent-app.js';
import type { SppAgentApp } from '../../src/agent/agent-app.js';
import type { SppAgentImprovements } from '../../src/agent/improvements-panel.js';
import type { SppAgentTestimony } from '../../src/agent/testimony-panel.js';
import type { AgentProfile, ModerationQueue, ModerationTestimony } from '../../src/contract/admin.js';
import type { ImprovementAction, ImprovementInput } from '../../src/contract/improvement.js';

const API = 'https://api.test';
const TOKEN = 'spp_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const BODY = 'Appelez-moi au 06 12 34 56 78, j’attends une réponse depuis trois mois sur mon dossier.';

const PROFILE: AgentProfile = {
  token: { id: '0123456789ab', name: 'Accueil préfecture', createdAt: '2025-01-01T00:00:00.000Z' },
  role: 'agent',
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

type Handler = (call: FakeCall) => Response | Promise<Response | undefined> | undefined;

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

  it('links each of its structures to their communication kit on the API host', async () => {
    const { app } = await signedIn();
    const link = [...root(app).querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent === 'Préfecture du Rhône');
    expect(link, 'a link named after the structure').to.exist;
    expect(link!.getAttribute('href')).to.equal(`${API}/kit/PREF-69`);
    expect(link!.parentElement!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Kit de communication : Préfecture du Rhône');
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
    expect(root(app).textContent).to.include('Connecté\u00a0: Accueil préfecture');
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

describe('/agent: the improvement plan (<spp-agent-improvements>)', () => {
  afterEach(() => sessionStorage.clear());

  const ACTION: ImprovementAction = {
    id: 'imp-1',
    youSaid: 'L’attente au guichet est trop longue le lundi matin.',
    weDid: 'Nous ouvrons un deuxième guichet le lundi de 8 h 30 à 12 h.',
    engagement: { number: 4, keyword: 'Orientons' },
    tag: 'reactivity',
    status: 'in_progress',
    date: '2025-02-03',
    updatedAt: '2025-02-03T09:00:00.000Z',
  };

  /** The admin API plus a plan held in memory: GET lists it, POST adds to it, PUT replaces an action. */
  function planApi(initial: ImprovementAction[] = [ACTION], override: Handler = () => undefined) {
    let plan = [...initial];
    const calls = adminApi(async (call) => {
      const answer = await override(call);
      if (answer) return answer;
      const path = new URL(call.url).pathname;
      if (path === '/api/v1/structures/PREF-69/improvements') return json({ structure: PROFILE.structures[0], items: plan });
      if (path === '/api/v1/admin/structures/PREF-69/improvements' && call.method === 'POST') {
        const body = call.body as ImprovementInput;
        const added: ImprovementAction = { ...body, id: `imp-${plan.length + 1}`, tag: body.tag ?? null, engagement: { number: body.engagement, keyword: 'Accompagnement' }, updatedAt: '2025-03-01T09:00:00.000Z', testimonies: { count: body.testimonies?.length ?? 0, published: [] } };
        plan = [added, ...plan];
        return json(added, 201);
      }
      const put = /^\/api\/v1\/admin\/structures\/PREF-69\/improvements\/([\w-]+)$/.exec(path);
      if (put && call.method === 'PUT') {
        const body = call.body as ImprovementInput;
        plan = plan.map((a) => (a.id === put[1] ? { ...a, ...body, tag: body.tag ?? null, engagement: a.engagement, testimonies: a.testimonies } : a));
        return json(plan.find((a) => a.id === put[1]));
      }
      return undefined;
    });
    return calls;
  }

  const plan = (app: SppAgentApp) => root(app).querySelector<SppAgentImprovements>('spp-agent-improvements')!;
  const inPlan = <T extends Element>(app: SppAgentApp, selector: string) => root(plan(app)).querySelector<T>(selector);

  async function planShown(override?: Handler, initial?: ImprovementAction[]): Promise<{ app: SppAgentApp; calls: FakeCall[] }> {
    const calls = planApi(initial, override);
    sessionStorage.setItem('spp-agent-token', TOKEN);
    const app = await mountApp();
    await waitUntil(() => plan(app) && (inPlan(app, '.plan') || /Aucune action/.test(root(plan(app)).textContent!)), 'the plan did not show', { timeout: 5000 });
    return { app, calls };
  }

  async function type(app: SppAgentApp, id: string, text: string) {
    inPlan<HTMLElement>(app, `#${id}`)!.focus();
    await sendKeys({ type: text });
  }

  it('lists the structure’s actions, read with the token, and is accessible', async () => {
    const { app, calls } = await planShown();
    const read = calls.find((c) => c.url.includes('/structures/PREF-69/improvements'))!;
    expect(read.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
    const item = inPlan(app, '.plan li')!;
    expect(item.textContent).to.include(ACTION.youSaid);
    expect(item.textContent).to.include(ACTION.weDid);
    expect(item.textContent!.replace(/\s+/g, ' ')).to.include('4. Orientons · En cours · 3 février 2025');
    await expect(plan(app)).to.be.accessible();
  });

  it('introduces each action as its status says: done, in progress or planned', async () => {
    const { app } = await planShown(undefined, [
      { ...ACTION, id: 'imp-1', status: 'done', weDid: 'Un guichet ouvert.' },
      { ...ACTION, id: 'imp-2', status: 'in_progress', weDid: 'Un rappel par SMS.' },
      { ...ACTION, id: 'imp-3', status: 'planned', weDid: 'Une borne d’accueil.' },
    ]);
    const said = [...root(plan(app)).querySelectorAll('.plan li')].map((li) => li.querySelectorAll('p')[1]!.textContent!.replace(/\s+/g, ' ').trim());
    expect(said).to.deep.equal(['Nous avons fait… Un guichet ouvert.', 'Nous faisons… Un rappel par SMS.', 'Nous allons faire… Une borne d’accueil.']);
  });

  it('an empty form names each missing field, focuses the summary, and sends nothing', async () => {
    const { app, calls } = await planShown();
    const before = calls.length;
    buttonNamed(plan(app), /^Ajouter au plan$/).click();
    await waitUntil(() => root(plan(app)).activeElement?.id === 'improvement-errors', 'the error summary did not take the focus');
    const summary = inPlan(app, '#improvement-errors')!.textContent!;
    expect(summary).to.include('Vous nous avez dit');
    expect(summary).to.include('Nous avons fait');
    for (const field of ['youSaid', 'weDid']) {
      const control = inPlan(app, `#improvement-${field}`)!;
      expect(control.getAttribute('aria-invalid'), field).to.equal('true');
      expect(control.getAttribute('aria-describedby'), field).to.equal(`improvement-${field}-error`);
    }
    expect(calls.length).to.equal(before);
    await expect(plan(app)).to.be.accessible();
  });

  it('adds an action typed with the keyboard, once even if clicked twice, and shows it in the plan', async () => {
    const { app, calls } = await planShown(undefined, []);
    await type(app, 'improvement-youSaid', 'Les horaires ne sont pas affichés à l’entrée.');
    await type(app, 'improvement-weDid', 'Les horaires sont affichés à l’entrée et sur le site.');
    inPlan<HTMLSelectElement>(app, '#improvement-engagement')!.value = '3';
    inPlan<HTMLSelectElement>(app, '#improvement-status')!.value = 'done';
    const submit = buttonNamed(plan(app), /^Ajouter au plan$/);
    submit.click();
    submit.click();
    await waitUntil(() => inPlan(app, '.plan li'), 'the new action is not listed');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.deep.include({
      youSaid: 'Les horaires ne sont pas affichés à l’entrée.',
      weDid: 'Les horaires sont affichés à l’entrée et sur le site.',
      engagement: 3,
      tag: null,
      status: 'done',
    });
    expect((posts[0]!.body as ImprovementInput).date).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(inPlan(app, '[role="status"]')!.textContent).to.include('Action ajoutée au plan');
    expect(inPlan<HTMLTextAreaElement>(app, '#improvement-youSaid')!.value, 'the form is emptied').to.equal('');
  });

  it('shows the server’s field errors next to the fields, and keeps what was typed', async () => {
    const refuse: Handler = (call) =>
      call.method === 'POST'
        ? problem(400, { errors: [{ field: 'date', code: 'invalid_format', message: 'Date : utilisez le format AAAA-MM-JJ.' }] })
        : undefined;
    const { app } = await planShown(refuse);
    await type(app, 'improvement-youSaid', 'Texte reçu.');
    await type(app, 'improvement-weDid', 'Action faite.');
    buttonNamed(plan(app), /^Ajouter au plan$/).click();
    await waitUntil(() => inPlan(app, '#improvement-date-error'), 'no error next to the date');
    expect(inPlan(app, '#improvement-date-error')!.textContent).to.equal('Date : utilisez le format AAAA-MM-JJ.');
    expect(inPlan<HTMLTextAreaElement>(app, '#improvement-youSaid')!.value).to.equal('Texte reçu.');
  });

  it('marks an action done today, in one request', async () => {
    const { app, calls } = await planShown();
    buttonNamed(plan(app), /^Marquer comme réalisée aujourd’hui/).click();
    await waitUntil(() => /Réalisée/.test(inPlan(app, '.plan li')!.textContent!), 'the action is not shown done');
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts).to.have.length(1);
    expect(puts[0]!.url).to.match(/\/improvements\/imp-1$/);
    expect(puts[0]!.body).to.deep.include({ youSaid: ACTION.youSaid, weDid: ACTION.weDid, engagement: 4, tag: 'reactivity', status: 'done' });
    expect(buttonNamed(plan(app), /^Marquer comme réalisée/)).to.equal(undefined);
  });

  it('with a token over more structures than the profile lists, offers no plan screen and reads no plan', async () => {
    const network: AgentProfile = { ...PROFILE, scope: { kind: 'network', codes: ['CAF'] }, structuresTruncated: true };
    const calls = planApi([ACTION], (call) => (new URL(call.url).pathname === '/api/v1/admin/me' ? json(network) : undefined));
    sessionStorage.setItem('spp-agent-token', TOKEN);
    const app = await mountApp();
    await waitUntil(() => root(app).querySelector('.queue-item'), 'the queue did not show', { timeout: 5000 });
    await app.updateComplete;
    expect(plan(app)).to.equal(null);
    expect(calls.some((c) => c.url.includes('/improvements'))).to.equal(false);
  });

  it('a plan that cannot be read says so and offers to retry; a revoked token signs the agent out', async () => {
    let down = true;
    planApi([ACTION], (call) => (down && call.url.includes('/structures/PREF-69/improvements') ? problem(500) : undefined));
    sessionStorage.setItem('spp-agent-token', TOKEN);
    const app = await mountApp();
    await waitUntil(() => plan(app) && /n’a pas pu être chargé/.test(root(plan(app)).textContent!), 'no load error', { timeout: 5000 });
    down = false;
    buttonNamed(plan(app), /^Réessayer$/).click();
    await waitUntil(() => inPlan(app, '.plan li'), 'the retry did not show the plan');

    sessionStorage.clear();
    const refused = await planShown((call) => (call.method === 'POST' ? problem(401) : undefined));
    await type(refused.app, 'improvement-youSaid', 'Texte.');
    await type(refused.app, 'improvement-weDid', 'Action.');
    buttonNamed(plan(refused.app), /^Ajouter au plan$/).click();
    await waitUntil(() => root(refused.app).querySelector('#token'), 'not signed out');
  });
});
