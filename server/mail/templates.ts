import { MAIL_KINDS, type Lang, type RejectionReason } from '../../src/contract/index.js';
import { format, LOCALE, strings } from '../i18n.js';
import { MAIL_FR } from './mail.strings.js';
import { MAIL_EN } from './mail.strings.en.js';
import { escapeHtml } from '../http/html.js';

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

const MAIL = strings(MAIL_FR, MAIL_EN);

const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));

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
  const t = MAIL[lang];
  if (payload.kind === 'digest') {
    const total = payload.pending.length + payload.unanswered.length;
    const blocks: Block[] = [{ p: t.hello }, { p: format(t.digestIntro, { name: payload.structure.name }) }];
    if (payload.pending.length) {
      blocks.push(
        { h: format(t.digestPending, { count: payload.pending.length }) },
        { list: payload.pending.map((x) => `${x.reference} (${t.digestSince} ${day(x.createdAt, lang)})`) },
      );
    }
    if (payload.unanswered.length) {
      blocks.push(
        { h: format(t.digestUnanswered, { count: payload.unanswered.length, days: payload.unansweredDays }) },
        { list: payload.unanswered.map((x) => `${x.reference} (${t.digestPublishedOn} ${day(x.publishedAt, lang)})`) },
      );
    }
    if (links.agent) blocks.push({ link: t.digestOpen, href: links.agent });
    const subject = format(total > 1 ? t.digestSubject_other : t.digestSubject_one, { name: payload.structure.name, count: total });
    return render(lang, subject, blocks, t.digestFooter);
  }
  const citizenLinks: Block[] = [
    ...(links.tracking ? [{ link: t.follow, href: links.tracking }] : []),
    ...(links.unsubscribe ? [{ link: t.stop, href: links.unsubscribe }] : []),
  ];
  const reference = payload.reference;
  const ref: Block = { p: format(t.reference, { reference }) };
  switch (payload.kind) {
    case 'published':
      return render(
        lang,
        format(t.publishedSubject, { reference }),
        [{ p: t.hello }, { p: format(t.publishedBody, { names: payload.structures.join(', ') }) }, ref, ...citizenLinks],
        t.footer,
      );
    case 'replied':
      return render(
        lang,
        format(t.repliedSubject, { reference }),
        [{ p: t.hello }, { p: format(t.repliedBody, { name: payload.structure }) }, { quote: payload.body, by: payload.signature }, ref, ...citizenLinks],
        t.footer,
      );
    case 'rejected': {
      const blocks: Block[] = [{ p: t.hello }, { p: `${t.rejectedBody} ${t[`reason-${payload.reason}`]}` }, { p: t[`instead-${payload.reason}`] }];
      const c = payload.contact;
      if (payload.reason === 'individual_complaint' && c) {
        blocks.push({ list: [c.name, ...(c.phone ? [c.phone] : []), ...(c.address ? [c.address] : []), ...(c.url ? [c.url] : [])] });
      }
      return render(lang, format(t.rejectedSubject, { reference }), [...blocks, ref, ...citizenLinks], t.footer);
    }
  }
}

export function renderTestMail(lang: Lang): RenderedMail {
  return render(lang, MAIL[lang].testSubject, [{ p: MAIL[lang].hello }, { p: MAIL[lang].testBody }], new Date().toISOString());
}
