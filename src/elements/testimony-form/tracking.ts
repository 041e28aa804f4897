import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../contract/common.js';
import { TestimonyTracking, type RejectionReason, type TestimonyStatus } from '../../contract/testimony.js';
import { ApiError, getJson } from '../../client/http.js';
import { apiUrl } from '../../internal/config.js';
import { format } from '../../internal/i18n.js';
import { formatDate } from '../../internal/intl.js';
import { parserFor } from '../../internal/parse.js';

/**
 * The author's private view of a testimony (`mode="tracking"`): loaded only on the tracking page, from the
 * `reference` and `token` attributes or from the link itself (`/suivi/{reference}#token=…`; the token stays
 * in the fragment, so it is never sent to a server in a page request nor in a Referer).
 */

const STRINGS = {
  fr: {
    title: 'Suivi de votre témoignage',
    loading: 'Chargement du suivi…',
    missing: 'Ce lien de suivi est incomplet. Ouvrez le lien reçu après l’envoi de votre témoignage, en entier.',
    notFound: 'Aucun témoignage ne correspond à ce lien. Vérifiez que vous avez copié le lien en entier.',
    failed: 'Le suivi n’a pas pu être chargé. Vérifiez votre connexion puis réessayez.',
    retry: 'Réessayer',
    reference: 'Référence',
    sentOn: 'Envoyé le {date}',
    about: 'Service(s) concerné(s)\u00a0: {names}',
    status: {
      pending: 'En cours de relecture',
      published: 'Publié',
      answered: 'Publié, avec une réponse',
      rejected: 'Non publié',
    },
    statusText: {
      pending: 'Votre témoignage est relu avant publication, pour vérifier qu’il respecte la charte (pas de données personnelles, pas de propos injurieux). Cela prend en général quelques jours.',
      published: 'Votre témoignage est publié depuis le {date}. Le service n’a pas encore répondu.',
      answered: 'Votre témoignage est publié depuis le {date}, et le service y a répondu.',
      rejected: 'Votre témoignage n’a pas été publié\u00a0: {reason}',
    },
    reasons: {
      personal_data: 'il contenait des données personnelles.',
      insults: 'il contenait des propos injurieux.',
      out_of_scope: 'il ne concernait pas un service public.',
      individual_complaint: 'il s’agissait d’une réclamation individuelle, à adresser directement au service.',
      duplicate: 'il faisait doublon avec un autre témoignage.',
      spam: 'il a été considéré comme indésirable.',
    },
    unknownReason: 'il ne respectait pas la charte de modération.',
    replies: 'Réponse du service',
    replyFrom: 'Réponse de {name}, le {date}',
  },
  en: {
    title: 'Your testimony’s status',
    loading: 'Loading the status…',
    missing: 'This tracking link is incomplete. Open the whole link you received after sending your testimony.',
    notFound: 'No testimony matches this link. Check that you copied the whole link.',
    failed: 'The status could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    reference: 'Reference',
    sentOn: 'Sent on {date}',
    about: 'Service(s) concerned: {names}',
    status: {
      pending: 'Being reviewed',
      published: 'Published',
      answered: 'Published, with a reply',
      rejected: 'Not published',
    },
    statusText: {
      pending: 'Your testimony is reviewed before publication, to check that it follows the charter (no personal data, no insults). This usually takes a few days.',
      published: 'Your testimony has been published since {date}. The service has not replied yet.',
      answered: 'Your testimony has been published since {date}, and the service has replied.',
      rejected: 'Your testimony was not published: {reason}',
    },
    reasons: {
      personal_data: 'it contained personal data.',
      insults: 'it contained insults.',
      out_of_scope: 'it was not about a public service.',
      individual_complaint: 'it was an individual complaint, to be sent to the service directly.',
      duplicate: 'it duplicated another testimony.',
      spam: 'it was considered unwanted.',
    },
    unknownReason: 'it did not follow the moderation charter.',
    replies: 'Reply from the service',
    replyFrom: 'Reply from {name}, on {date}',
  },
} satisfies Record<Lang, unknown>;

const parseTracking = parserFor(TestimonyTracking);

export type TrackingState =
  | { kind: 'missing' }
  | { kind: 'loading' }
  | { kind: 'found'; view: TestimonyTracking }
  | { kind: 'not-found' }
  | { kind: 'failed' };

/** Reference and token from the attributes, else from the page's address (`/suivi/REF#token=…`). */
export function trackingTarget(reference: string, token: string, location: Location): { reference: string; token: string } {
  const fromPath = /\/suivi\/(SPP-[0-9A-Z]{4}-[0-9A-Z]{4})\/?$/.exec(location.pathname)?.[1] ?? '';
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  return { reference: reference || fromPath, token: token || fromHash };
}

export async function loadTracking(api: string, reference: string, token: string, lang: Lang): Promise<TrackingState> {
  if (!/^SPP-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(reference) || token.length < 16) return { kind: 'missing' };
  try {
    const path = `/api/v1/testimonies/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}&lang=${lang}`;
    return { kind: 'found', view: await getJson(apiUrl(api, path), parseTracking) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: 'not-found' };
    return { kind: 'failed' };
  }
}

const STATUS_ICON: Record<TestimonyStatus, string> = { pending: '…', published: '✓', answered: '✓', rejected: '✕' };

export function renderTracking(state: TrackingState, lang: Lang, level: number, onRetry: () => void): TemplateResult {
  const s = STRINGS[lang];
  const title = html`<div role="heading" aria-level=${level} class="title" id="tracking-title">${s.title}</div>`;
  if (state.kind !== 'found') {
    const message = { missing: s.missing, loading: s.loading, 'not-found': s.notFound, failed: s.failed }[state.kind];
    return html`<section class="tracking" part="tracking" aria-labelledby="tracking-title" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
      ${title}
      <p class=${state.kind === 'loading' ? 'muted' : 'notice warning'}>${message}</p>
      ${state.kind === 'failed' ? html`<button type="button" class="button secondary" @click=${onRetry}>${s.retry}</button>` : nothing}
    </section>`;
  }
  const v = state.view;
  const published = v.publishedAt ? formatDate(v.publishedAt, lang) : '';
  const reason = v.rejectionReason ? s.reasons[v.rejectionReason as RejectionReason] : s.unknownReason;
  return html`<section class="tracking" part="tracking" aria-labelledby="tracking-title">
    ${title}
    <p>${s.reference} <strong class="reference">${v.reference}</strong> · ${format(s.sentOn, { date: formatDate(v.createdAt, lang) })}</p>
    <p class="quote">«\u00a0${v.title}\u00a0»</p>
    ${v.structures.length ? html`<p class="muted">${format(s.about, { names: v.structures.map((x) => x.name).join(', ') })}</p>` : nothing}
    <div class="status status-${v.status}" part="status">
      <p class="status-label"><span aria-hidden="true" class="status-icon">${STATUS_ICON[v.status]}</span> <strong>${s.status[v.status]}</strong></p>
      <p>${format(s.statusText[v.status], { date: published, reason })}</p>
    </div>
    ${v.replies.map(
      (r) => html`<article class="reply" aria-label=${format(s.replyFrom, { name: r.structure.name, date: formatDate(r.createdAt, lang) })}>
        <p class="reply-from"><strong>${format(s.replyFrom, { name: r.structure.name, date: formatDate(r.createdAt, lang) })}</strong></p>
        <p class="story">${r.body}</p>
        <p class="signature">${r.signature}</p>
      </article>`,
    )}
  </section>`;
}
