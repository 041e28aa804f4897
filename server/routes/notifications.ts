import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotificationSettings, NotificationSettingsView, Problem, REFERENCE_PATTERN, StructurePath } from '../../src/contract/index.js';
import type { ApiContext } from '../http/context.js';
import { queryLang, strings } from '../i18n.js';
import { PAGES_FR } from './pages.strings.js';
import { PAGES_EN } from './pages.strings.en.js';
import { requireManager } from '../http/agent-auth.js';
import type { RouteDef } from '../http/route.js';
import { writeAudit } from '../store/audit.js';
import { notificationView, putNotificationSettings, stopMail } from '../mail/outbox.js';
import { escapeHtml, sendHtml } from '../http/html.js';
import { adminRoute, requireKnownStructure } from './admin-route.js';

/**
 * A structure's e-mail notifications (issue 18): who gets its daily digest and when, and the e-mails that
 * wait or failed. Scoped like every admin route and a manager's business (an agent's token gets 403); each change
 * is in the audit log (without the addresses).
 */
export function notificationRoutes({ store }: ApiContext): RouteDef[] {
  const params = StructurePath;
  const responses = {
    200: { description: 'The digest settings and the e-mails of this structure still waiting or failed', schema: NotificationSettingsView },
    404: { description: 'Unknown structure', schema: Problem },
  };
  return [
    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/structures/:code/notifications',
      summary: 'Who gets the structure\'s daily digest, and its e-mails not delivered yet',
      description:
        '`delivery` lists the e-mails about this structure still waiting to be sent and those given up on after every retry (an address the SMTP server refuses, for instance), latest first; never the addresses.',
      params,
      responses,
      handler: async ({ agent, params: p, lang }) => {
        await requireKnownStructure(store, agent, p.code, lang);
        requireManager(agent, lang);
        return notificationView(store.db, p.code);
      },
    }),
    adminRoute(store, {
      method: 'PUT',
      url: '/api/v1/admin/structures/:code/notifications',
      summary: 'Set who gets the structure\'s daily digest, and at what hour (Europe/Paris)',
      description:
        'One e-mail a day, after `digestHour`, listing the testimonies waiting for moderation and those published without a reply for several days; none when nothing waits. An empty list stops it.',
      params,
      body: NotificationSettings,
      responses: { ...responses, 400: { description: 'A field is missing or invalid; each failing field is named', schema: Problem } },
      handler: async ({ agent, params: p, body, lang }) => {
        await requireKnownStructure(store, agent, p.code, lang);
        requireManager(agent, lang);
        await store.db.transaction().execute(async (trx) => {
          await putNotificationSettings(trx, p.code, body);
          await writeAudit(trx, agent.actor, {
            action: 'structure.notifications',
            targetType: 'structure',
            targetId: p.code,
            structureCode: p.code,
            // How many addresses, never which ones.
            details: { digestAddresses: new Set(body.digestAddresses).size, digestHour: body.digestHour },
          });
        });
        return notificationView(store.db, p.code);
      },
    }),
  ];
}

const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'";

const PAGES = strings(PAGES_FR, PAGES_EN);

function page(reply: FastifyReply, status: number, lang: 'fr' | 'en', main: string): FastifyReply {
  const html = `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${PAGES[lang].stopTitle} – Services Publics+</title>
    <link rel="stylesheet" href="/form-page.css" />
  </head>
  <body>
    <header class="bar"><p class="brand">Services Publics+</p></header>
    <main class="page">
      <h1>${PAGES[lang].stopTitle}</h1>
${main}
    </main>
  </body>
</html>
`;
  return sendHtml(reply, status, html, { csp: CSP, cache: 'no-store' });
}

interface StopRequest {
  Params: { reference: string };
  Querystring: { token?: string; lang?: string };
}

/**
 * `/mail/stop/{reference}?token=`: the one-click stop of a citizen's e-mails. GET shows a confirmation button
 * (link scanners of mail providers open links: a GET must not act); POST acts, from that button or straight
 * from the mail client (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`, RFC 8058).
 */
export async function registerMailStopPage(app: FastifyInstance, { store }: ApiContext): Promise<void> {
  await app.register(async (scope) => {
    // RFC 8058 posts `List-Unsubscribe=One-Click` form-encoded; the body carries nothing else we need.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    const valid = (r: { params: StopRequest['Params']; query: StopRequest['Querystring'] }) =>
      REFERENCE_PATTERN.test(r.params.reference) && typeof r.query.token === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(r.query.token);

    scope.get<StopRequest>('/mail/stop/:reference', async (request, reply) => {
      const lang = queryLang(request.query);
      const t = PAGES.in(lang);
      if (!valid(request)) return page(reply, 404, lang, `      <p>${t('stopBad')}</p>`);
      const action = `/mail/stop/${request.params.reference}?token=${encodeURIComponent(request.query.token!)}${lang === 'en' ? '&lang=en' : ''}`;
      return page(
        reply,
        200,
        lang,
        `      <p>${escapeHtml(t('stopAsk', { ref: request.params.reference }))}</p>
      <form method="post" action="${escapeHtml(action)}"><button type="submit">${t('stopButton')}</button></form>`,
      );
    });

    scope.post<StopRequest>('/mail/stop/:reference', async (request, reply) => {
      const lang = queryLang(request.query);
      const t = PAGES.in(lang);
      if (!valid(request) || !(await stopMail(store.db, request.params.reference, request.query.token!))) {
        return page(reply, 404, lang, `      <p>${t('stopBad')}</p>`);
      }
      return page(reply, 200, lang, `      <p role="status">${escapeHtml(t('stopDone', { ref: request.params.reference }))}</p>`);
    });
  });
}
