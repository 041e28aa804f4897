import { MAIL_KINDS, type Lang, type RejectionReason } from '../../src/contract/index.js';

/**
 * The e-mails, in French and English: plain text and a simple HTML twin (one column, system fonts, no remote
 * image, no script), readable on a phone. A citizen's e-mail carries the reference, the tracking link and the
 * way to stop e-mails, and nothing else personal: not the address, not the story.
 */

export interface StructureContact {
  name: string;
  phone: string | null;
  url: string | null;
  address: string | null;
}

export type MailPayload =
  | { kind: 'published'; reference: string; token: string; structures: string[] }
  | { kind: 'replied'; reference: string; token: string; structure: string; body: string; signature: string }
  | { kind: 'rejected'; reference: string; token: string; reason: RejectionReason; contact: StructureContact | null }
  | {
      kind: 'digest';
      structure: { code: string; name: string };
      recipients: string[];
      day: string;
      unansweredDays: number;
      pending: { reference: string; createdAt: string }[];
      unanswered: { reference: string; publishedAt: string }[];
    };

/** A narrow check of a stored payload: an object of a known kind (the outbox wrote it from the type above). */
export function isMailPayload(value: unknown): value is MailPayload {
  const kind: unknown = typeof value === 'object' && value !== null && 'kind' in value ? value.kind : undefined;
  return MAIL_KINDS.some((k) => k === kind);
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailLinks {
  /** The author's private tracking page (citizen e-mails). */
  tracking?: string;
  /** One-click stop (citizen e-mails): also in the `List-Unsubscribe` header. */
  unsubscribe?: string;
  /** The moderation screen (digests). */
  agent?: string;
}

const REASONS: Record<Lang, Record<RejectionReason, string>> = {
  fr: {
    personal_data: 'il contenait des données personnelles.',
    insults: 'il contenait des propos injurieux.',
    out_of_scope: 'il ne concernait pas un service public.',
    individual_complaint: 'il s’agissait d’une réclamation individuelle, à adresser directement au service.',
    duplicate: 'il faisait doublon avec un autre témoignage.',
    spam: 'il a été considéré comme indésirable.',
  },
  en: {
    personal_data: 'it contained personal data.',
    insults: 'it contained insults.',
    out_of_scope: 'it was not about a public service.',
    individual_complaint: 'it was an individual complaint, to be sent to the service directly.',
    duplicate: 'it duplicated another testimony.',
    spam: 'it was considered unwanted.',
  },
};

const INSTEAD: Record<Lang, Record<RejectionReason, string>> = {
  fr: {
    personal_data: 'Vous pouvez raconter à nouveau votre expérience sans nom, adresse, numéro de dossier ni coordonnées.',
    insults: 'Vous pouvez raconter à nouveau votre expérience en termes respectueux\u00a0: elle sera relue.',
    out_of_scope: 'Services Publics+ recueille les expériences vécues avec un service public.',
    individual_complaint: 'Pour que votre situation soit traitée, adressez-vous directement au service\u00a0:',
    duplicate: 'Votre expérience figure déjà dans un autre témoignage.',
    spam: 'Si c’est une erreur, vous pouvez raconter à nouveau votre expérience.',
  },
  en: {
    personal_data: 'You may tell your experience again without names, addresses, file numbers or contact details.',
    insults: 'You may tell your experience again in respectful words: it will be reviewed.',
    out_of_scope: 'Services Publics+ collects experiences with a public service.',
    individual_complaint: 'To have your situation dealt with, contact the service directly:',
    duplicate: 'Your experience is already in another testimony.',
    spam: 'If this is a mistake, you may tell your experience again.',
  },
};

const T = {
  fr: {
    hello: 'Bonjour,',
    reference: 'Référence',
    follow: 'Suivre votre témoignage',
    stop: 'Ne plus recevoir d’e-mails sur ce témoignage',
    footer: 'Vous recevez cet e-mail parce que vous avez accepté d’être contacté au sujet de ce témoignage sur Services Publics+.',
    published: {
      subject: (ref: string) => `Votre témoignage ${ref} est publié`,
      body: (names: string) => `Votre témoignage sur ${names} a été relu et publié. Le service peut maintenant y répondre publiquement.`,
    },
    replied: {
      subject: (ref: string) => `Réponse du service à votre témoignage ${ref}`,
      body: (name: string) => `${name} a répondu à votre témoignage\u00a0:`,
    },
    rejected: {
      subject: (ref: string) => `Votre témoignage ${ref} n’a pas été publié`,
      body: 'Votre témoignage a été relu et n’a pas été publié selon la charte de modération\u00a0:',
    },
    digest: {
      subject: (name: string, n: number) => `${name} : ${n} témoignage${n > 1 ? 's' : ''} en attente`,
      intro: (name: string) => `Voici les témoignages qui attendent ${name} aujourd’hui.`,
      pending: (n: number) => `À modérer (${n})`,
      unanswered: (n: number, days: number) => `Publiés sans réponse depuis plus de ${days} jours (${n})`,
      since: 'reçu le',
      publishedOn: 'publié le',
      open: 'Ouvrir l’espace agent',
      footer: 'Vous recevez ce récapitulatif quotidien parce que le responsable de la structure a indiqué votre adresse. Il peut la retirer.',
    },
    test: {
      subject: 'Services Publics+ : e-mail de test',
      body: 'Cet e-mail de test confirme que le serveur Services Publics+ peut envoyer des e-mails.',
    },
  },
  en: {
    hello: 'Hello,',
    reference: 'Reference',
    follow: 'Follow your testimony',
    stop: 'Stop e-mails about this testimony',
    footer: 'You receive this e-mail because you agreed to be contacted about this testimony on Services Publics+.',
    published: {
      subject: (ref: string) => `Your testimony ${ref} is published`,
      body: (names: string) => `Your testimony about ${names} was reviewed and published. The service may now reply to it publicly.`,
    },
    replied: {
      subject: (ref: string) => `The service replied to your testimony ${ref}`,
      body: (name: string) => `${name} replied to your testimony:`,
    },
    rejected: {
      subject: (ref: string) => `Your testimony ${ref} was not published`,
      body: 'Your testimony was reviewed and not published, under the moderation charter:',
    },
    digest: {
      subject: (name: string, n: number) => `${name}: ${n} testimon${n > 1 ? 'ies' : 'y'} waiting`,
      intro: (name: string) => `Here are the testimonies waiting for ${name} today.`,
      pending: (n: number) => `To moderate (${n})`,
      unanswered: (n: number, days: number) => `Published without a reply for more than ${days} days (${n})`,
      since: 'received on',
      publishedOn: 'published on',
      open: 'Open the agent area',
      footer: 'You receive this daily summary because the structure’s manager gave your address. They can remove it.',
    },
    test: {
      subject: 'Services Publics+: test e-mail',
      body: 'This test e-mail confirms that the Services Publics+ server can send e-mails.',
    },
  },
} as const;

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));

/** A block of the message: a paragraph, a quote, a list, a link (rendered in both forms from one description). */
type Block =
  | { p: string }
  | { quote: string; by?: string }
  | { h: string }
  | { list: string[] }
  | { link: string; href: string };

function text(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ('p' in b) return b.p;
      if ('h' in b) return `${b.h}\n${'-'.repeat(Math.min(b.h.length, 60))}`;
      if ('quote' in b) return `${b.quote.split('\n').map((l) => `> ${l}`).join('\n')}${b.by ? `\n> -- ${b.by}` : ''}`;
      if ('list' in b) return b.list.map((item) => `- ${item}`).join('\n');
      return `${b.link} :\n${b.href}`;
    })
    .join('\n\n');
}

// Inline styles are fine in an e-mail (no CSP applies; many clients drop <style>): kept few and readable.
function html(lang: Lang, subject: string, blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p).replace(/\n/g, '<br>')}</p>`;
      if ('h' in b) return `<h2 style="font-size:1.1em;margin:1.5em 0 .5em">${escapeHtml(b.h)}</h2>`;
      if ('quote' in b) {
        return `<blockquote style="margin:1em 0;padding:.5em 1em;border-left:4px solid #000091;background:#f5f5fe">${escapeHtml(b.quote).replace(/\n/g, '<br>')}${b.by ? `<br><em>${escapeHtml(b.by)}</em>` : ''}</blockquote>`;
      }
      if ('list' in b) return `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      return `<p><a href="${escapeHtml(b.href)}" style="color:#000091">${escapeHtml(b.link)}</a></p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#161616;background:#ffffff">
<div style="max-width:600px;margin:0 auto">
<p style="font-weight:bold;color:#000091">Services Publics+</p>
${body}
</div>
</body>
</html>
`;
}

function render(lang: Lang, subject: string, blocks: Block[], footer: string): RenderedMail {
  const all = [...blocks, { p: footer }];
  return { subject, text: `${text(all)}\n`, html: html(lang, subject, all) };
}

export function renderMail(payload: MailPayload, lang: Lang, links: MailLinks): RenderedMail {
  const t = T[lang];
  if (payload.kind === 'digest') {
    const d = t.digest;
    const total = payload.pending.length + payload.unanswered.length;
    const blocks: Block[] = [{ p: t.hello }, { p: d.intro(payload.structure.name) }];
    if (payload.pending.length) {
      blocks.push({ h: d.pending(payload.pending.length) }, { list: payload.pending.map((x) => `${x.reference} (${d.since} ${day(x.createdAt, lang)})`) });
    }
    if (payload.unanswered.length) {
      blocks.push(
        { h: d.unanswered(payload.unanswered.length, payload.unansweredDays) },
        { list: payload.unanswered.map((x) => `${x.reference} (${d.publishedOn} ${day(x.publishedAt, lang)})`) },
      );
    }
    if (links.agent) blocks.push({ link: d.open, href: links.agent });
    return render(lang, d.subject(payload.structure.name, total), blocks, d.footer);
  }
  const citizenLinks: Block[] = [
    ...(links.tracking ? [{ link: t.follow, href: links.tracking }] : []),
    ...(links.unsubscribe ? [{ link: t.stop, href: links.unsubscribe }] : []),
  ];
  const ref: Block = { p: `${t.reference} : ${payload.reference}`.replace(' :', lang === 'en' ? ':' : '\u00a0:') };
  switch (payload.kind) {
    case 'published':
      return render(lang, t.published.subject(payload.reference), [{ p: t.hello }, { p: t.published.body(payload.structures.join(', ')) }, ref, ...citizenLinks], t.footer);
    case 'replied':
      return render(
        lang,
        t.replied.subject(payload.reference),
        [{ p: t.hello }, { p: t.replied.body(payload.structure) }, { quote: payload.body, by: payload.signature }, ref, ...citizenLinks],
        t.footer,
      );
    case 'rejected': {
      const blocks: Block[] = [{ p: t.hello }, { p: `${t.rejected.body} ${REASONS[lang][payload.reason]}` }, { p: INSTEAD[lang][payload.reason] }];
      const c = payload.contact;
      if (payload.reason === 'individual_complaint' && c) {
        blocks.push({ list: [c.name, ...(c.phone ? [c.phone] : []), ...(c.address ? [c.address] : []), ...(c.url ? [c.url] : [])] });
      }
      return render(lang, t.rejected.subject(payload.reference), [...blocks, ref, ...citizenLinks], t.footer);
    }
  }
}

export function renderTestMail(lang: Lang): RenderedMail {
  return render(lang, T[lang].test.subject, [{ p: T[lang].hello }, { p: T[lang].test.body }], new Date().toISOString());
}
