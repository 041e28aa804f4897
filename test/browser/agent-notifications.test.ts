import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeFetch, json, problem, type FakeCall } from '../helpers/browser.js';
import { AgentApi } from '../../src/agent/agent-api.js';
import '../../src/agent/agent-app.js';
import type { SppAgentApp } from '../../src/agent/agent-app.js';
import type { SppAgentNotifications } from '../../src/agent/notifications-panel.js';
import type { AgentProfile } from '../../src/contract/admin.js';
import type { MailDelivery, NotificationSettingsView } from '../../src/contract/notifications.js';

const API = 'https://api.test';
const TOKEN = 'spp_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const STRUCTURES = [
  { code: 'PREF-69', name: 'Préfecture du Rhône' },
  { code: 'PREF-69-VILLEFRANCHE', name: 'Sous-préfecture de Villefranche' },
];
const PATH = '/api/v1/admin/structures/PREF-69/notifications';
const REFUSED = '550 5.1.1 Recipient address rejected: User unknown';

type Handler = (call: FakeCall, path: string) => Response | Promise<Response> | undefined;
const api = (handler: Handler) => fakeFetch(async (call) => (await handler(call, new URL(call.url).pathname)) ?? problem(404));

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Node | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (host: HTMLElement, name: RegExp) => [...root(host).querySelectorAll<HTMLButtonElement>('button')].find((b) => name.test(text(b)))!;
const input = (el: HTMLElement, i: number) => root(el).querySelector<HTMLInputElement>(`#notif-address-${i}`)!;

async function mount(lang = 'fr'): Promise<SppAgentNotifications> {
  const el = document.createElement('spp-agent-notifications');
  Object.assign(el, { api: new AgentApi(API, TOKEN), structures: STRUCTURES });
  el.setAttribute('lang', lang);
  await fixture<HTMLDivElement>(html`<div></div>`).then((host) => host.append(el));
  await el.updateComplete;
  return el;
}

const failedDigest: MailDelivery = {
  id: 'm1',
  kind: 'digest',
  reference: null,
  status: 'failed',
  attempts: 6,
  lastError: REFUSED,
  createdAt: '2025-03-04T07:00:00.000Z',
  nextAttemptAt: null,
};
const failedReply: MailDelivery = { ...failedDigest, id: 'm2', kind: 'replied', reference: 'SPP-AB12-CD34', attempts: 5, lastError: '554 5.7.1 Message refused' };
const pendingOne: MailDelivery = { ...failedDigest, id: 'm3', kind: 'published', reference: 'SPP-ZZ99-YY88', status: 'pending', attempts: 1, lastError: null, nextAttemptAt: '2025-03-04T08:00:00.000Z' };

const view = (over: Partial<NotificationSettingsView> = {}): NotificationSettingsView => ({
  digestAddresses: ['accueil@rhone.gouv.fr'],
  digestHour: 8,
  delivery: { pending: 1, failed: 2, items: [pendingOne, failedReply, failedDigest] },
  ...over,
});

describe('<spp-agent-notifications>', () => {
  it('is accessible; lists the failed e-mails with the server’s answer; a recipient and the hour entered with the keyboard are saved and announced', async () => {
    let current = view();
    const calls = api((call, path) => {
      if (path !== PATH) return undefined;
      if (call.method === 'PUT') {
        current = { ...current, ...(call.body as object) };
        return json(current);
      }
      return json(current);
    });
    const el = await mount();
    await waitUntil(() => input(el, 0)?.value === 'accueil@rhone.gouv.fr', 'the recipients did not show');
    expect(root(el).querySelector<HTMLSelectElement>('#notif-hour')!.value).to.equal('8');
    expect(text(root(el).querySelector('#notif-delivery-counts'))).to.equal('1 en attente d’envoi · 2 en échec');
    const rows = [...root(el).querySelectorAll('#notif-failed tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text));
    expect(rows).to.have.length(2);
    expect(rows[0]!.slice(0, 2)).to.deep.equal(['SPP-AB12-CD34', 'Réponse publiée']);
    expect(rows[0]![4]).to.equal('554 5.7.1 Message refused');
    expect(rows[1]!.slice(0, 2)).to.deep.equal(['—', 'Synthèse quotidienne']);
    expect(rows[1]![4]).to.equal(REFUSED);
    expect(text(root(el).querySelector('#notif-failed'))).not.to.include('SPP-ZZ99-YY88');
    await expect(el).to.be.accessible();

    // Add a second recipient with the keyboard: the new input takes the focus.
    buttonNamed(el, /^Ajouter une adresse$/).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement === input(el, 1), 'the new address did not take the focus');
    expect(text(root(el).querySelector('label[for="notif-address-1"]'))).to.equal('Adresse 2');
    await sendKeys({ type: 'direction@rhone.gouv.fr' });
    const hour = root(el).querySelector<HTMLSelectElement>('#notif-hour')!;
    hour.focus();
    hour.value = '17';
    hour.dispatchEvent(new Event('change'));
    input(el, 1).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('Synthèse enregistrée'), 'no confirmation');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).to.deep.equal({ digestAddresses: ['accueil@rhone.gouv.fr', 'direction@rhone.gouv.fr'], digestHour: 17 });
    expect(put.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Synthèse enregistrée : 2 destinataires, envoi chaque jour après 17 h.');

    // Removing one, saving an empty list stops the digest (blank inputs are dropped).
    buttonNamed(el, /^Retirer : accueil@rhone\.gouv\.fr$/).click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(input(el, 0));
    expect(input(el, 0).value).to.equal('direction@rhone.gouv.fr');
    buttonNamed(el, /^Retirer : direction@rhone\.gouv\.fr$/).click();
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('notif-add');
    buttonNamed(el, /^Ajouter une adresse$/).click();
    buttonNamed(el, /^Enregistrer la synthèse$/).click();
    await waitUntil(() => text(root(el).querySelector('[role="status"]')).includes('0 destinataire'));
    expect(calls.filter((c) => c.method === 'PUT')[1]!.body).to.deep.equal({ digestAddresses: [], digestHour: 17 });
    expect(text(root(el))).to.include('Aucun destinataire');
    await expect(el).to.be.accessible();
  });

  it('names a wrong address by its input before sending anything, with an error summary that takes the focus', async () => {
    const calls = api((_call, path) => (path === PATH ? json(view()) : undefined));
    const el = await mount();
    await waitUntil(() => input(el, 0));
    buttonNamed(el, /^Ajouter une adresse$/).click();
    await el.updateComplete;
    input(el, 1).value = 'direction@';
    input(el, 1).dispatchEvent(new Event('input'));
    buttonNamed(el, /^Enregistrer la synthèse$/).click();
    await waitUntil(() => root(el).querySelector('#notif-errors'));
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('notif-errors');
    expect(input(el, 0).getAttribute('aria-invalid')).to.equal('false');
    expect(input(el, 1).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 1).getAttribute('aria-describedby')).to.equal('notif-address-1-error');
    expect(text(root(el).querySelector('#notif-address-1-error'))).to.include('adresse e-mail complète');
    expect(calls.filter((c) => c.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();

    // The summary's link leads to the input.
    root(el).querySelector<HTMLAnchorElement>('#notif-errors a')!.click();
    expect(root(el).activeElement).to.equal(input(el, 1));
  });

  it('shows the server’s 400 field errors by their fields', async () => {
    api((call, path) => {
      if (path !== PATH) return undefined;
      if (call.method === 'PUT') {
        return problem(400, {
          detail: 'Un champ est invalide.',
          errors: [
            { field: 'digestAddresses.1', code: 'invalid_format', message: '« Destinataire de la synthèse » : domaine refusé par le serveur.' },
            { field: 'digestHour', code: 'too_big', message: '« Heure d’envoi » doit valoir au plus 23.' },
          ],
        });
      }
      return json(view({ digestAddresses: ['accueil@rhone.gouv.fr', 'x@exemple.fr'] }));
    });
    const el = await mount();
    await waitUntil(() => input(el, 1)?.value === 'x@exemple.fr');
    buttonNamed(el, /^Enregistrer la synthèse$/).click();
    await waitUntil(() => root(el).querySelector('#notif-errors'), 'no error summary');
    expect(text(root(el).querySelector('#notif-address-1-error'))).to.include('domaine refusé');
    expect(input(el, 1).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 0).getAttribute('aria-invalid')).to.equal('false');
    const hour = root(el).querySelector('#notif-hour')!;
    expect(hour.getAttribute('aria-invalid')).to.equal('true');
    expect(hour.getAttribute('aria-describedby')).to.equal('notif-hour-error');
    expect(text(root(el).querySelector('#notif-hour-error'))).to.include('au plus 23');
    expect(text(root(el).querySelector('#notif-errors'))).to.include('2 erreurs');
    // The addresses typed are kept.
    expect(input(el, 1).value).to.equal('x@exemple.fr');
    await expect(el).to.be.accessible();
  });

  it('a load failure says so and offers to retry', async () => {
    let fail = true;
    const calls = api((_call, path) => (path !== PATH ? undefined : fail ? problem(500, { detail: 'Erreur du serveur.' }) : json(view({ delivery: { pending: 0, failed: 0, items: [] } }))));
    const el = await mount();
    await waitUntil(() => text(root(el).querySelector('[role="alert"] p')).includes('Le chargement a échoué'), 'no load error', { timeout: 5000 });
    expect(root(el).querySelector('#notif-form')).to.equal(null);
    await expect(el).to.be.accessible();
    fail = false;
    const before = calls.length;
    buttonNamed(el, /^Réessayer$/).click();
    await waitUntil(() => input(el, 0)?.value === 'accueil@rhone.gouv.fr', 'the retry did not show the settings');
    expect(calls.length).to.be.greaterThan(before);
    expect(text(root(el))).to.include('Aucun e-mail en échec.');
  });

  it('speaks English', async () => {
    api((_call, path) => (path === PATH ? json(view()) : undefined));
    const el = await mount('en');
    await waitUntil(() => input(el, 0));
    expect(text(root(el).querySelector('h2'))).to.equal('E-mail notifications');
    expect(text(root(el).querySelector('#notif-delivery-counts'))).to.equal('1 waiting to be sent · 2 failed');
    expect(text(root(el).querySelector('#notif-failed tbody tr'))).to.include('Reply published');
    expect(text(root(el).querySelector('label[for="notif-hour"]'))).to.equal('Sending hour (Paris time)');
    await expect(el).to.be.accessible();
  });

  describe('in <spp-agent-app>', () => {
    afterEach(() => sessionStorage.clear());
    const profile = (role: 'agent' | 'manager'): AgentProfile => ({
      token: { id: '0123456789ab', name: 'Responsable', createdAt: '2025-01-01T00:00:00.000Z' },
      role,
      scope: { kind: 'structures', codes: ['PREF-69'] },
      structures: [STRUCTURES[0]!],
      structuresTruncated: false,
    });
    for (const role of ['agent', 'manager'] as const) {
      it(`${role}: ${role === 'manager' ? 'shows' : 'neither shows nor asks for'} the e-mail notifications`, async () => {
        const calls = api((_call, path) => {
          if (path === '/api/v1/admin/me') return json(profile(role));
          if (path.startsWith('/api/v1/admin/testimonies')) return json({ items: [], nextCursor: null, counts: { pending: 0, published: 0, rejected: 0 } });
          if (path.endsWith('/commitments')) return json({ structure: 'PREF-69', items: [] });
          if (path.endsWith('/tokens')) return json({ structure: 'PREF-69', items: [] });
          if (path.endsWith('/audit')) return json({ structure: 'PREF-69', items: [], nextCursor: null });
          if (path === PATH) return role === 'manager' ? json(view()) : problem(403);
          return undefined;
        });
        sessionStorage.setItem('spp-agent-token', TOKEN);
        const app = await fixture<SppAgentApp>(html`<spp-agent-app api=${API} lang="fr"></spp-agent-app>`);
        await waitUntil(() => root(app).querySelector('spp-agent-commitments'), 'not signed in');
        const panel = root(app).querySelector('spp-agent-notifications');
        if (role === 'agent') {
          expect(panel).to.equal(null);
          expect(calls.some((c) => c.url.endsWith('/notifications'))).to.equal(false);
        } else {
          await waitUntil(() => panel && input(panel, 0)?.value === 'accueil@rhone.gouv.fr', 'the manager does not see the settings');
          expect(text(root(panel!).querySelector('h2'))).to.equal('Notifications par e-mail');
        }
      });
    }
  });
});
