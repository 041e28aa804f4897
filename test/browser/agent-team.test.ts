import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeFetch, json, problem, type FakeCall } from '../helpers/browser.js';
import { AgentApi } from '../../src/agent/agent-api.js';
import '../../src/agent/agent-app.js';
import type { SppAgentApp } from '../../src/agent/agent-app.js';
import type { SppAgentAudit } from '../../src/agent/audit-panel.js';
import type { SppAgentCommitments } from '../../src/agent/commitments-panel.js';
import type { SppAgentImprovements } from '../../src/agent/improvements-panel.js';
import type { ImprovementAction } from '../../src/contract/improvement.js';
import type { SppAgentReassign } from '../../src/agent/reassign-panel.js';
import type { SppAgentResults } from '../../src/agent/results-panel.js';
import type { SppAgentTokens } from '../../src/agent/tokens-panel.js';
import type { AdminCommitment, AgentProfile, AuditPage, ModerationTestimony, TokenView } from '../../src/contract/admin.js';
import type { ResultsResponse } from '../../src/contract/results.js';

const API = 'https://api.test';
const TOKEN = 'spp_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const SECRET = 'spp_fedcba987654_ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjih';
const STRUCTURES = [
  { code: 'PREF-69', name: 'Préfecture du Rhône' },
  { code: 'PREF-69-VILLEFRANCHE', name: 'Sous-préfecture de Villefranche' },
];

type Handler = (call: FakeCall, path: string) => Response | Promise<Response> | undefined;
const api = (handler: Handler) =>
  fakeFetch(async (call) => (await handler(call, new URL(call.url).pathname + new URL(call.url).search)) ?? problem(404));

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Node | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (host: HTMLElement, name: RegExp) => [...root(host).querySelectorAll<HTMLButtonElement>('button')].find((b) => name.test(text(b)))!;

async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(tag: string, lang = 'fr', extra: Partial<Record<string, unknown>> = {}): Promise<T> {
  const el = document.createElement(tag) as T;
  Object.assign(el, { api: new AgentApi(API, TOKEN), structures: STRUCTURES, ...extra });
  el.setAttribute('lang', lang);
  await fixture<HTMLDivElement>(html`<div></div>`).then((host) => host.append(el));
  await el.updateComplete;
  return el;
}

const commitment = (id: string, engagement: number, words: string): AdminCommitment => ({ id, engagement, text: words, position: 0, since: null });

describe('/agent team screens', () => {
  describe('<spp-agent-commitments>', () => {
    it('is accessible; lists, adds, edits and deletes (after confirming) a structure’s local commitments', async () => {
      let items = [commitment('c1', 2, 'Nous vous rappelons sous 24 heures ouvrées.')];
      const calls = api((call, path) => {
        if (path === '/api/v1/admin/structures/PREF-69/commitments' && call.method === 'GET') return json({ structure: 'PREF-69', items });
        if (path === '/api/v1/admin/structures/PREF-69/commitments' && call.method === 'POST') {
          const made = commitment('c2', (call.body as { engagement: number }).engagement, (call.body as { text: string }).text);
          items = [...items, made];
          return json(made, 201);
        }
        if (path === '/api/v1/admin/structures/PREF-69/commitments/c1' && call.method === 'PUT') {
          items = [{ ...items[0]!, ...(call.body as object) }, ...items.slice(1)];
          return json(items[0]);
        }
        if (path === '/api/v1/admin/structures/PREF-69/commitments/c1' && call.method === 'DELETE') {
          items = items.filter((c) => c.id !== 'c1');
          return new Response(null, { status: 204 });
        }
        return undefined;
      });
      const el = await mount<SppAgentCommitments>('spp-agent-commitments');
      await waitUntil(() => text(root(el).querySelector('.items')).includes('24 heures'), 'the list did not show');
      expect(text(root(el).querySelector('.items'))).to.include('2. Joignables');
      await expect(el).to.be.accessible();

      // Add, with the keyboard.
      root(el).querySelector<HTMLSelectElement>('#commitment-engagement')!.value = '3';
      root(el).querySelector<HTMLTextAreaElement>('#commitment-text')!.focus();
      await sendKeys({ type: 'Un conseiller vous accompagne dans vos démarches.' });
      buttonNamed(el, /^Ajouter l’engagement$/).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('ajouté'), 'no confirmation');
      const post = calls.find((c) => c.method === 'POST')!;
      expect(post.body).to.deep.equal({ engagement: 3, text: 'Un conseiller vous accompagne dans vos démarches.' });
      expect(post.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
      expect(text(root(el).querySelector('.items'))).to.include('Un conseiller');

      // Edit: the form takes the commitment's values.
      buttonNamed(el, /^Modifier : Nous vous rappelons/).click();
      await el.updateComplete;
      expect(text(root(el).querySelector('#commitment-form-title'))).to.equal('Modifier l’engagement local');
      const area = root(el).querySelector<HTMLTextAreaElement>('#commitment-text')!;
      expect(area.value).to.equal('Nous vous rappelons sous 24 heures ouvrées.');
      expect(root(el).activeElement).to.equal(area);
      area.value = 'Nous vous rappelons sous 4 heures.';
      buttonNamed(el, /^Enregistrer l’engagement$/).click();
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('modifié'));
      expect(calls.find((c) => c.method === 'PUT')!.body).to.deep.equal({ engagement: 2, text: 'Nous vous rappelons sous 4 heures.' });

      // Delete asks for a confirmation first.
      buttonNamed(el, /^Supprimer : Nous vous rappelons sous 4 heures/).click();
      await el.updateComplete;
      expect(calls.some((c) => c.method === 'DELETE')).to.equal(false);
      buttonNamed(el, /^Confirmer la suppression/).click();
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('supprimé'));
      expect(text(root(el).querySelector('.items'))).not.to.include('4 heures');
      await expect(el).to.be.accessible();
    });

    it('a list that cannot be read says so in one alert with a retry that reads it again', async () => {
      let fail = true;
      api((call, path) => {
        if (path === '/api/v1/admin/structures/PREF-69/commitments' && call.method === 'GET') {
          return fail ? problem(503) : json({ structure: 'PREF-69', items: [commitment('c1', 2, 'Rappel sous 24 heures.')] });
        }
        return undefined;
      });
      const el = await mount<SppAgentCommitments>('spp-agent-commitments');
      await waitUntil(() => root(el).querySelector('.message.error[role="alert"] button'));
      expect(root(el).querySelector('.items')).to.equal(null);
      fail = false;
      buttonNamed(el, /Réessayer/).click();
      await waitUntil(() => text(root(el)).includes('Rappel sous 24 heures.'));
      expect(root(el).querySelector('.message.error')).to.equal(null);
    });

    it('names an empty text before sending anything, with an error summary that takes the focus', async () => {
      const calls = api((call, path) => (path.endsWith('/commitments') && call.method === 'GET' ? json({ structure: 'PREF-69', items: [] }) : undefined));
      const el = await mount<SppAgentCommitments>('spp-agent-commitments');
      await waitUntil(() => text(root(el)).includes('Aucun engagement local'));
      buttonNamed(el, /^Ajouter l’engagement$/).click();
      await waitUntil(() => root(el).querySelector('#commitment-errors'));
      await el.updateComplete;
      expect(root(el).activeElement?.id).to.equal('commitment-errors');
      const area = root(el).querySelector('#commitment-text')!;
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expect(area.getAttribute('aria-describedby')).to.include('commitment-text-error');
      expect(calls.filter((c) => c.method === 'POST')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('speaks English', async () => {
      api((call, path) => (path.endsWith('/commitments') ? json({ structure: 'PREF-69', items: [] }) : undefined));
      const el = await mount<SppAgentCommitments>('spp-agent-commitments', 'en');
      await waitUntil(() => text(root(el)).includes('No local commitment'));
      expect(text(root(el).querySelector('h2'))).to.equal('Local commitments');
    });
  });

  describe('<spp-agent-improvements>: edit, delete, cited testimonies', () => {
    const ACTION: ImprovementAction = {
      id: 'imp-1',
      youSaid: 'Les créneaux partent en quelques minutes.',
      weDid: 'Des créneaux supplémentaires chaque lundi.',
      engagement: { number: 2, keyword: 'Joignables' },
      tag: null,
      status: 'in_progress',
      date: '2025-03-01',
      updatedAt: '2025-03-01T09:00:00.000Z',
      testimonies: { count: 2, published: [{ reference: 'SPP-AAAA-BBBB', title: 'Créneaux introuvables' }] },
    };

    it('cites testimonies by reference on a new action, edits one (keeping its cited ones unless changed), deletes one after confirming', async () => {
      let items = [ACTION];
      const calls = api((call, path) => {
        if (path.startsWith('/api/v1/structures/PREF-69/improvements')) return json({ structure: STRUCTURES[0], items });
        if (path === '/api/v1/admin/structures/PREF-69/improvements' && call.method === 'POST') {
          const body = call.body as { youSaid: string; weDid: string };
          const added = { ...ACTION, id: 'imp-2', youSaid: body.youSaid, weDid: body.weDid, testimonies: { count: 2, published: [] } };
          items = [added, ...items];
          return json(added, 201);
        }
        if (path === '/api/v1/admin/structures/PREF-69/improvements/imp-1' && call.method === 'PUT') {
          items = items.map((a) => (a.id === 'imp-1' ? { ...a, weDid: (call.body as { weDid: string }).weDid } : a));
          return json(items.find((a) => a.id === 'imp-1'));
        }
        if (path === '/api/v1/admin/structures/PREF-69/improvements/imp-1' && call.method === 'DELETE') {
          items = items.filter((a) => a.id !== 'imp-1');
          return new Response(null, { status: 204 });
        }
        return undefined;
      });
      const el = await mount<SppAgentImprovements>('spp-agent-improvements');
      await waitUntil(() => text(root(el)).includes('Suite à 2 témoignages'), 'the cited count did not show');
      await expect(el).to.be.accessible();

      root(el).querySelector<HTMLTextAreaElement>('#improvement-youSaid')!.value = 'On attend dehors.';
      root(el).querySelector<HTMLTextAreaElement>('#improvement-weDid')!.value = 'Un ticket par SMS.';
      root(el).querySelector<HTMLInputElement>('#improvement-testimonies')!.value = 'spp-cccc-dddd, SPP-EEEE-FFFF';
      buttonNamed(el, /^Ajouter au plan$/).click();
      await waitUntil(() => calls.some((c) => c.method === 'POST'));
      expect((calls.find((c) => c.method === 'POST')!.body as { testimonies: string[] }).testimonies).to.deep.equal(['SPP-CCCC-DDDD', 'SPP-EEEE-FFFF']);
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('ajoutée'));

      buttonNamed(el, /^Modifier : Des créneaux supplémentaires/).click();
      await el.updateComplete;
      expect(text(root(el).querySelector('#improvement-form-title'))).to.equal('Modifier l’action');
      expect(root(el).querySelector<HTMLTextAreaElement>('#improvement-weDid')!.value).to.equal(ACTION.weDid);
      expect(root(el).querySelector<HTMLSelectElement>('#improvement-status')!.value).to.equal('in_progress');
      expect(root(el).querySelector<HTMLInputElement>('#improvement-testimonies')!.value).to.equal('SPP-AAAA-BBBB');
      root(el).querySelector<HTMLTextAreaElement>('#improvement-weDid')!.value = 'Des créneaux le lundi et le jeudi.';
      buttonNamed(el, /^Enregistrer l’action$/).click();
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('Action modifiée'));
      const put = calls.find((c) => c.method === 'PUT')!.body as Record<string, unknown>;
      expect(put.weDid).to.equal('Des créneaux le lundi et le jeudi.');
      expect('testimonies' in put, 'the cited list was not changed: not sent').to.equal(false);

      buttonNamed(el, /^Supprimer : Des créneaux le lundi/).click();
      await el.updateComplete;
      expect(calls.some((c) => c.method === 'DELETE')).to.equal(false);
      buttonNamed(el, /^Confirmer la suppression : Des créneaux le lundi/).click();
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('supprimée'));
      expect(text(root(el))).not.to.include('Des créneaux le lundi');
      await expect(el).to.be.accessible();
    });

    it('leaving the page while the plan loads drops its late answer, and coming back asks again', async () => {
      let answerFirst: (r: Response) => void = () => {};
      const plan = (weDid: string) => json({ structure: STRUCTURES[0], items: [{ ...ACTION, weDid }] });
      let asked = 0;
      const calls = api((_call, path) => {
        if (!path.startsWith('/api/v1/structures/PREF-69/improvements')) return undefined;
        return ++asked === 1 ? new Promise<Response>((resolve) => (answerFirst = resolve)) : plan('Réponse fraîche.');
      });
      const el = await mount<SppAgentImprovements>('spp-agent-improvements');
      await waitUntil(() => asked === 1, 'the plan was not asked');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitUntil(() => asked === 2, 'coming back did not ask again');
      await waitUntil(() => text(root(el)).includes('Réponse fraîche.'), 'the new answer did not show');
      answerFirst(plan('Réponse périmée.'));
      await new Promise((done) => setTimeout(done, 100));
      await el.updateComplete;
      expect(text(root(el))).to.include('Réponse fraîche.');
      expect(text(root(el))).not.to.include('Réponse périmée.');
      expect(calls.filter((c) => c.url.includes('/improvements'))).to.have.length(2);
    });
  });

  describe('<spp-agent-tokens>', () => {
    it('is accessible; creates an agent’s token whose secret shows once, then revokes a token after confirming', async () => {
      let items: TokenView[] = [
        { id: 'aaaaaaaaaaaa', name: 'Claire – accueil', role: 'agent', scope: { kind: 'structures', codes: ['PREF-69'] }, createdAt: '2025-01-02T10:00:00.000Z', revokedAt: null },
      ];
      const calls = api((call, path) => {
        if (path === '/api/v1/admin/structures/PREF-69/tokens' && call.method === 'GET') return json({ structure: 'PREF-69', items });
        if (path === '/api/v1/admin/structures/PREF-69/tokens' && call.method === 'POST') {
          const view: TokenView = { id: 'fedcba987654', name: (call.body as { name: string }).name, role: 'agent', scope: { kind: 'structures', codes: ['PREF-69'] }, createdAt: '2025-02-01T10:00:00.000Z', revokedAt: null };
          items = [view, ...items];
          return json({ ...view, token: SECRET }, 201);
        }
        if (path === '/api/v1/admin/structures/PREF-69/tokens/aaaaaaaaaaaa' && call.method === 'DELETE') {
          items = items.map((t) => (t.id === 'aaaaaaaaaaaa' ? { ...t, revokedAt: '2025-02-02T10:00:00.000Z' } : t));
          return new Response(null, { status: 204 });
        }
        return undefined;
      });
      const el = await mount<SppAgentTokens>('spp-agent-tokens');
      await waitUntil(() => text(root(el)).includes('Claire – accueil'));
      await expect(el).to.be.accessible();

      root(el).querySelector<HTMLInputElement>('#tokens-name')!.focus();
      await sendKeys({ type: 'Karim – standard' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector<HTMLInputElement>('#tokens-secret'), 'no secret shown');
      const secret = root(el).querySelector<HTMLInputElement>('#tokens-secret')!;
      expect(secret.value).to.equal(SECRET);
      expect(secret.readOnly).to.equal(true);
      expect(text(root(el))).to.include('il ne sera plus jamais affiché');
      await waitUntil(() => root(el).activeElement === secret, 'focus on the secret');
      expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ name: 'Karim – standard' });
      await expect(el).to.be.accessible();

      buttonNamed(el, /^J’ai transmis le jeton/).click();
      await el.updateComplete;
      expect(root(el).querySelector('#tokens-secret')).to.equal(null);
      expect(root(el).innerHTML).not.to.include(SECRET.slice(20));

      buttonNamed(el, /^Révoquer : Claire/).click();
      await el.updateComplete;
      expect(calls.some((c) => c.method === 'DELETE')).to.equal(false);
      buttonNamed(el, /^Confirmer la révocation : Claire/).click();
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('révoqué'));
      expect(text(root(el).querySelector('.items'))).to.match(/Claire – accueil · Révoqué le/);
    });

    it('asks for a name before creating anything; shows the API’s refusal', async () => {
      const calls = api((call, path) =>
        path.endsWith('/tokens') && call.method === 'GET'
          ? json({ structure: 'PREF-69', items: [] })
          : path.endsWith('/tokens')
            ? problem(403, { detail: 'Seul un jeton de responsable peut faire cela.' })
            : undefined,
      );
      const el = await mount<SppAgentTokens>('spp-agent-tokens');
      await waitUntil(() => text(root(el)).includes('Aucun jeton'));
      buttonNamed(el, /^Créer le jeton$/).click();
      await el.updateComplete;
      expect(text(root(el).querySelector('#tokens-name-error'))).to.include('Saisissez le nom');
      expect(calls.filter((c) => c.method === 'POST')).to.have.length(0);
      root(el).querySelector<HTMLInputElement>('#tokens-name')!.value = 'X';
      buttonNamed(el, /^Créer le jeton$/).click();
      await waitUntil(() => text(root(el).querySelector('[role="alert"]')).includes('responsable'));
    });
  });

  describe('<spp-agent-audit>', () => {
    it('is accessible; shows who did what, when, on what, and pages on', async () => {
      const page = (n: number, cursor: string | null): AuditPage => ({
        structure: 'PREF-69',
        items: [
          { at: '2025-03-0' + n + 'T10:00:00.000Z', actor: { id: 'aaaaaaaaaaaa', name: 'Claire – accueil' }, action: n === 1 ? 'commitment.create' : 'token.revoke', target: { type: 'commitment', id: 'c' + n }, structure: 'PREF-69', details: { text: 'Rappel sous 24 h' } },
        ],
        nextCursor: cursor,
      });
      const calls = api((_call, path) => (path.startsWith('/api/v1/admin/structures/PREF-69/audit') ? json(path.includes('cursor=') ? page(2, null) : page(1, 'next')) : undefined));
      const el = await mount<SppAgentAudit>('spp-agent-audit');
      await waitUntil(() => root(el).querySelector('tbody tr'));
      const first = text(root(el).querySelector('tbody tr'));
      expect(first).to.include('Claire – accueil');
      expect(first).to.include('Engagement local ajouté');
      expect(first).to.include('Rappel sous 24 h');
      expect(root(el).querySelectorAll('th[scope="col"]')).to.have.length(4);
      await expect(el).to.be.accessible();
      buttonNamed(el, /^Afficher les suivantes$/).click();
      await waitUntil(() => root(el).querySelectorAll('tbody tr').length === 2);
      expect(text(root(el).querySelectorAll('tbody tr')[1])).to.include('Jeton révoqué');
      expect(calls.at(-1)!.url).to.include('cursor=next');
      expect(buttonNamed(el, /^Afficher les suivantes$/)).to.equal(undefined);
    });
  });

  describe('<spp-agent-results>', () => {
    const RESULTS: ResultsResponse = {
      structure: { code: 'PREF-69', name: 'Préfecture du Rhône', network: { code: 'PREF', name: 'Préfectures' }, level: 'department', parentCode: null, postcode: '69003', city: 'Lyon' },
      updatedAt: null,
      indicators: [
        { code: 'IND-DECROCHE', label: 'Taux de décroché téléphonique', family: 'performance', unitType: 'percent', unit: '%', direction: 'higher', target: 85, methodology: 'm', sources: null, points: [] },
      ],
    } as unknown as ResultsResponse;

    it('is accessible; publishes a period typed per indicator', async () => {
      const calls = api((call, path) => {
        if (path === '/api/v1/structures/PREF-69/results') return json(RESULTS);
        if (path === '/api/v1/admin/structures/PREF-69/results' && call.method === 'PUT') return json({ structure: 'PREF-69', stored: 1, updatedAt: '2025-04-01' });
        return undefined;
      });
      const el = await mount<SppAgentResults>('spp-agent-results');
      await waitUntil(() => root(el).querySelector('#results-value-0'));
      await expect(el).to.be.accessible();
      expect(text(root(el).querySelector('label[for="results-value-0"]'))).to.equal('Valeur : Taux de décroché téléphonique (%)');
      root(el).querySelector<HTMLInputElement>('#results-period')!.value = '2025-x';
      buttonNamed(el, /^Publier les valeurs$/).click();
      await waitUntil(() => root(el).querySelector('#results-period-error'));
      expect(calls.filter((c) => c.method === 'PUT')).to.have.length(0);
      root(el).querySelector<HTMLInputElement>('#results-period')!.value = '2025-q1';
      root(el).querySelector<HTMLInputElement>('#results-value-0')!.value = '95,16';
      buttonNamed(el, /^Publier les valeurs$/).click();
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('1 valeur'));
      expect(calls.find((c) => c.method === 'PUT')!.body).to.deep.equal({ results: [{ indicator: 'IND-DECROCHE', period: '2025-Q1', value: 95.16 }] });
    });

    it('uploads a CSV: lists each wrong line by number (nothing stored), then publishes a right file', async () => {
      let answer: () => Response = () => json({ written: false, rows: 3, errors: [{ line: 3, message: 'code_sp : structure CPAM-33 is not one this upload may write' }] }, 422);
      const calls = api((call, path) => {
        if (path === '/api/v1/structures/PREF-69/results') return json(RESULTS);
        if (path === '/api/v1/admin/structures/PREF-69/results.csv') return answer();
        return undefined;
      });
      const el = await mount<SppAgentResults>('spp-agent-results');
      await waitUntil(() => root(el).querySelector('#results-value-0'));
      buttonNamed(el, /^Vérifier et publier$/).click();
      await el.updateComplete;
      expect(text(root(el).querySelector('#results-file-error'))).to.include('Choisissez un fichier');

      const csv = 'code_sp;code_indicateur;valeur;periode;date_mise_a_jour\nPREF-69;IND-DECROCHE;91,5;2025;2026-01-10\n';
      const input = root(el).querySelector<HTMLInputElement>('#results-file')!;
      const files = new DataTransfer();
      files.items.add(new File([csv], 'resultats.csv', { type: 'text/csv' }));
      input.files = files.files;
      buttonNamed(el, /^Vérifier et publier$/).click();
      await waitUntil(() => root(el).querySelector('#results-report'));
      await el.updateComplete;
      expect(text(root(el).querySelector('#results-report'))).to.include('Rien n’a été enregistré');
      expect(text(root(el).querySelector('#results-report li'))).to.equal('Ligne 3 : code_sp : structure CPAM-33 is not one this upload may write');
      expect(root(el).activeElement?.id).to.equal('results-report');
      expect((calls.find((c) => c.url.endsWith('results.csv'))!.body as { csv: string }).csv).to.equal(csv);
      await expect(el).to.be.accessible();

      answer = () => json({ written: true, rows: 1, errors: [] });
      buttonNamed(el, /^Vérifier et publier$/).click();
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('1 ligne enregistrée'));
      expect(root(el).querySelector('#results-report')).to.equal(null);
    });
  });

  describe('<spp-agent-reassign>', () => {
    it('lists the sub-structures and re-assigns the testimony to one', async () => {
      const testimony: ModerationTestimony = {
        reference: 'SPP-AAAA-BBBB',
        status: 'pending',
        feeling: 'negative',
        title: 'Titre de séjour en attente',
        body: 'J’attends une réponse depuis trois mois.',
        channels: [{ channel: 'phone', feeling: 'negative' }],
        tags: [],
        postedAs: 'user',
        postcode: '69400',
        email: null,
        contactConsent: false,
        lang: 'fr',
        structures: [{ code: 'PREF-69', name: 'Préfecture du Rhône' }],
        piiFlags: [],
        createdAt: '2025-03-01T09:00:00.000Z',
        moderatedAt: null,
        publishedAt: null,
        firstReplyAt: null,
        rejectionReason: null,
        replies: [],
        canModerate: true,
        canReplyAs: ['PREF-69'],
      };
      const calls = api((call, path) => {
        if (path === '/api/v1/admin/structures/PREF-69/sub-structures') return json({ structure: 'PREF-69', items: [STRUCTURES[1]] });
        if (path === '/api/v1/admin/testimonies/SPP-AAAA-BBBB/reassign') return json({ ...testimony, structures: [STRUCTURES[1]] });
        return undefined;
      });
      const el = await mount<SppAgentReassign>('spp-agent-reassign', 'fr', { testimony, structures: [] });
      await waitUntil(() => root(el).querySelector('#reassign-to'));
      await expect(el).to.be.accessible();
      expect(text(root(el).querySelector('#reassign-to'))).to.include('Sous-préfecture de Villefranche');
      const changed = oneEvent(el, 'spp-agent-changed');
      buttonNamed(el, /^Réaffecter$/).click();
      const event = (await changed) as CustomEvent<ModerationTestimony>;
      expect(event.detail.structures[0]!.code).to.equal('PREF-69-VILLEFRANCHE');
      expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ from: 'PREF-69', to: 'PREF-69-VILLEFRANCHE' });
      await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('réaffecté à Sous-préfecture de Villefranche'));
    });
  });

  describe('in English', () => {
    it('every team screen speaks English and is accessible', async () => {
      api((_call, path) => {
        if (path.endsWith('/commitments')) return json({ structure: 'PREF-69', items: [] });
        if (path.endsWith('/tokens')) return json({ structure: 'PREF-69', items: [] });
        if (path.includes('/audit')) return json({ structure: 'PREF-69', items: [], nextCursor: null });
        if (path.endsWith('/results')) return json({ structure: { code: 'PREF-69', name: 'Préfecture du Rhône', network: { code: 'PREF', name: 'Préfectures' }, level: 'department', parentCode: null, postcode: null, city: null }, updatedAt: null, indicators: [] });
        return undefined;
      });
      for (const [tag, heading, body] of [
        ['spp-agent-commitments', 'Local commitments', 'No local commitment'],
        ['spp-agent-tokens', 'Agents’ access tokens', 'No token for this structure'],
        ['spp-agent-audit', 'Audit log', 'No action recorded'],
        ['spp-agent-results', 'Publish results', 'Upload a CSV file'],
        ['spp-agent-export', 'CSV export', 'Download the CSV file'],
      ] as const) {
        const el = await mount<HTMLElement & { updateComplete: Promise<boolean> }>(tag, 'en');
        await waitUntil(() => text(root(el)).includes(body), `${tag}: ${body}`);
        expect(text(root(el).querySelector('h2')), tag).to.equal(heading);
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('<spp-agent-app> by role', () => {
    afterEach(() => sessionStorage.clear());
    const profile = (role: 'agent' | 'manager'): AgentProfile => ({
      token: { id: '0123456789ab', name: 'Responsable', createdAt: '2025-01-01T00:00:00.000Z' },
      role,
      scope: { kind: 'structures', codes: ['PREF-69'] },
      structures: [STRUCTURES[0]!],
      structuresTruncated: false,
    });
    for (const role of ['agent', 'manager'] as const) {
      it(`${role}: ${role === 'manager' ? 'shows' : 'does not show'} the tokens and the audit log`, async () => {
        api((_call, path) => {
          if (path === '/api/v1/admin/me') return json(profile(role));
          if (path.startsWith('/api/v1/admin/testimonies')) return json({ items: [], nextCursor: null, counts: { pending: 0, published: 0, rejected: 0 } });
          if (path.endsWith('/commitments')) return json({ structure: 'PREF-69', items: [] });
          if (path.endsWith('/tokens')) return json({ structure: 'PREF-69', items: [] });
          if (path.includes('/audit')) return json({ structure: 'PREF-69', items: [], nextCursor: null });
          return undefined;
        });
        sessionStorage.setItem('spp-agent-token', TOKEN);
        const app = await fixture<SppAgentApp>(html`<spp-agent-app api=${API} lang="fr"></spp-agent-app>`);
        await waitUntil(() => root(app).querySelector('spp-agent-commitments'), 'not signed in');
        expect(!!root(app).querySelector('spp-agent-tokens')).to.equal(role === 'manager');
        expect(!!root(app).querySelector('spp-agent-audit')).to.equal(role === 'manager');
        expect(root(app).querySelector('spp-agent-results')).to.not.equal(null);
        expect(root(app).querySelector('spp-agent-export')).to.not.equal(null);
      });
    }
  });
});
