/**
 * Shared by the `<spp-testimony-form>` browser tests: contract-valid fixtures, a fake API, and ways to drive
 * the form through its shadow root the way a person would (labels, buttons, typed text).
 */
import { fixture, html, nextFrame } from '@open-wc/testing';
import type { Structure, StructuresPage } from '../../src/contract/structure.js';
import type { SubmissionAccepted } from '../../src/contract/testimony.js';
import { saveDraft, emptyState, type FormState } from '../../src/elements/testimony-form/draft.js';
import type { SppTestimonyForm } from '../../src/elements/testimony-form/testimony-form.js';
import '../../src/elements/testimony-form/testimony-form.js';
import { delay, fakeFetch, json, type FakeCall, type FakeHandler } from './browser.js';

// The element loads these on demand; the dev server compiles them on first request, which can take longer
// than a test's patience. Loading them once here keeps every test's timing about the form, not the compiler.
await Promise.all([
  import('../../src/elements/testimony-form/flow.js'),
  import('../../src/elements/testimony-form/structure-picker.js'),
  import('../../src/elements/testimony-form/testimony-form.strings.en.js'),
]);

export const API = 'https://api.example.test';

export const CAF_69: Structure = {
  code: 'CAF-69',
  name: 'CAF du Rhône',
  network: { code: 'CAF', name: 'Caisses d’allocations familiales' },
  level: 'department',
  parentCode: 'CAF',
  postcode: '69003',
  city: 'Lyon',
  contact: { phone: '32 30', url: 'https://www.caf.fr/allocataires/caf-du-rhone', address: '67 boulevard Vivier-Merle, 69003 Lyon' },
  commitments: [],
};

export const SEARCH: StructuresPage = {
  items: [
    { code: 'CPAM-33', name: 'CPAM de la Gironde', network: { code: 'CPAM', name: 'Assurance maladie' }, level: 'department', parentCode: null, postcode: '33000', city: 'Bordeaux' },
    { code: 'PREF-69', name: 'Préfecture du Rhône', network: { code: 'PREF', name: 'Préfectures' }, level: 'department', parentCode: null, postcode: '69003', city: 'Lyon' },
    { code: 'SIP-PARIS-11', name: 'Service des impôts des particuliers Paris 11e', network: { code: 'DGFIP-SIP', name: 'Impôts' }, level: 'site', parentCode: null, postcode: '75011', city: 'Paris' },
  ],
  nextCursor: null,
};

export const accepted = (reference = 'SPP-7K3F-9QXM'): SubmissionAccepted => ({
  reference,
  token: 'tok_0123456789abcdefghijkl',
  status: 'pending',
  createdAt: '2026-03-02T10:00:00.000Z',
  trackingUrl: `${API}/suivi/${reference}#token=tok_0123456789abcdefghijkl`,
});

export { tracking } from './tracking.js';

export const STORY = 'J’ai attendu quarante minutes au téléphone avant de parler à quelqu’un, puis la ligne a coupé deux fois.';

/** A complete, valid testimony. */
export const complete = (over: Partial<FormState> = {}): FormState => ({
  ...emptyState(),
  feeling: 'negative',
  structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }],
  channels: [{ channel: 'phone', feeling: 'negative' }],
  title: 'Attente au téléphone',
  body: STORY,
  ...over,
});

/** A draft started a minute ago (so the form has no reason to wait before sending). */
export function seedDraft(structure: string, state: Partial<FormState>, step = 0, key?: string): string {
  const draft = saveDraft(structure, { ...emptyState(), ...state }, step, key ? { key, startedAt: Date.now() - 60_000 } : { key: `spp-test-${Math.random().toString(16).slice(2)}`, startedAt: Date.now() - 60_000 });
  return draft!.key;
}

/** The fake API: the structure, the search, and whatever `post` answers to submissions. */
export function fakeApi(post: FakeHandler = () => json(accepted(), 201), extra?: (call: FakeCall) => Response | undefined): FakeCall[] {
  return fakeFetch((call, index) => {
    const url = new URL(call.url);
    const custom = extra?.(call);
    if (custom) return custom;
    if (call.method === 'POST' && url.pathname === '/api/v1/testimonies') return post(call, index);
    if (url.pathname === '/api/v1/structures/CAF-69') return json(CAF_69);
    if (url.pathname === '/api/v1/structures') return json(SEARCH);
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
  });
}

export const posts = (calls: FakeCall[]) => calls.filter((c) => c.method === 'POST');

export async function mount(markup = html`<spp-testimony-form structure="CAF-69" api=${API}></spp-testimony-form>`): Promise<SppTestimonyForm> {
  const el = await fixture<SppTestimonyForm>(markup);
  await settle(el);
  return el;
}

/** Lets lazy modules, fetches and renders finish. */
export async function settle(el: SppTestimonyForm, ms = 30): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await delay(ms);
    await el.updateComplete;
    await nextFrame();
  }
}

export const $ = <T extends Element = HTMLElement>(el: SppTestimonyForm, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in:\n${el.shadowRoot!.textContent?.replace(/\s+/g, ' ')}`);
  return found;
};
export const $$ = <T extends Element = HTMLElement>(el: SppTestimonyForm, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const text = (el: SppTestimonyForm, selector = '.root'): string => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The id of the element that has focus inside the shadow root (an id, not the node: a failed comparison of
 * two nodes makes the assertion library print the whole element tree).
 */
export const focused = (el: SppTestimonyForm): string | undefined => el.shadowRoot!.activeElement?.id || el.shadowRoot!.activeElement?.tagName;

export function button(el: SppTestimonyForm, label: string | RegExp): HTMLButtonElement {
  const match = $$<HTMLButtonElement>(el, 'button').find((b) => (typeof label === 'string' ? b.textContent!.trim() === label : label.test(b.textContent!)));
  if (!match) throw new Error(`no button "${label}" in: ${$$(el, 'button').map((b) => b.textContent!.trim()).join(' | ')}`);
  return match;
}

/** The control labelled `label` (a `<label for>` in the shadow root). */
export function field<T extends HTMLElement = HTMLInputElement>(el: SppTestimonyForm, label: string | RegExp): T {
  const labels = $$<HTMLLabelElement>(el, 'label');
  const match = labels.find((l) => (typeof label === 'string' ? l.textContent!.replace(/\s+/g, ' ').trim().startsWith(label) : label.test(l.textContent!)));
  if (!match) throw new Error(`no field "${label}" in: ${labels.map((l) => l.textContent!.trim()).join(' | ')}`);
  return el.shadowRoot!.getElementById(match.htmlFor) as T;
}

export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export async function next(el: SppTestimonyForm): Promise<void> {
  button(el, /^(Continuer|Continue)$/).click();
  await settle(el);
}

export const stepTitle = (el: SppTestimonyForm): string => text(el, '#step-title');

/** From a fresh form on CAF-69, fills every step validly up to the review. */
export async function fillToReview(el: SppTestimonyForm): Promise<void> {
  field(el, 'Négatif').click();
  await next(el);
  await next(el); // the structure is prefilled
  field(el, 'Téléphone').click();
  await settle(el);
  await next(el);
  type(field(el, 'Titre de votre témoignage'), 'Attente au téléphone');
  type(field<HTMLTextAreaElement>(el, 'Racontez votre expérience'), STORY);
  await next(el);
  await next(el);
}
