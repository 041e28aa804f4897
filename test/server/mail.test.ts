import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { NotificationSettingsView, TestimonyTracking } from '../../src/contract/index.js';
import { createMailTransport } from '../../server/mail/transport.js';
import { MailWorker } from '../../server/mail/worker.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken, submitTestimony } from '../helpers/admin.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

const PUBLIC = 'https://avis.example.fr';
const REPLY = {
  body: 'Merci pour votre message : une ligne directe est ouverte pour les dossiers de prime d’activité.',
  signature: 'Le service relation allocataires de la CAF du Rhône',
};

/** Everything the server and the worker log, to check no address ever shows. */
const logs: string[] = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    logs.push(String(chunk));
    done();
  },
});

let counter = 0;
const address = (who = 'citoyen') => `${who}.${process.pid}.${++counter}@exemple.fr`;

describe('e-mail notifications through a real SMTP server', () => {
  let server: TestServer;
  let smtp: TestSmtp;
  let worker: MailWorker;
  let caf69: string;
  let caf69Agent: string;
  let cpam: string;

  const newWorker = (overrides: Partial<ConstructorParameters<typeof MailWorker>[0]> = {}) =>
    new MailWorker({
      store: server.store,
      transport: createMailTransport({ smtpUrl: smtp.url, mailDir: join(server.dataDir, 'mail'), timeoutMs: 5000 }),
      from: 'Services Publics+ <ne-pas-repondre@example.fr>',
      publicUrl: PUBLIC,
      retryBaseMs: 1,
      maxAttempts: 3,
      log: (level, message, data) => logs.push(`${level} ${message} ${JSON.stringify(data ?? {})}`),
      ...overrides,
    });

  before(async () => {
    server = await startTestServer({ logger: { level: 'info', stream: logStream } });
    smtp = await startSmtp({ refuse: (a) => a.startsWith('inconnu') });
    worker = newWorker();
    // Notification settings are a manager's business; moderation is open to both roles.
    caf69 = await agentToken(server.store, ['CAF-69'], 'Responsable CAF du Rhône', 'manager');
    caf69Agent = await agentToken(server.store, ['CAF-69'], 'Agent CAF du Rhône');
    cpam = await agentToken(server.store, ['CPAM-33'], 'Responsable CPAM', 'manager');
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const publish = (reference: string) => admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, caf69, {});
  const sentTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));

  it('published, then answered: one e-mail each to the author, with the reference, a working tracking link and a one-click stop', async () => {
    const to = address();
    const { reference } = await submitTestimony(server.app, { email: to, contactConsent: true });
    await worker.runOnce();
    assert.equal(smtp.received.length, 0, 'nothing before an action');

    assert.equal((await publish(reference)).statusCode, 200);
    await worker.runOnce();
    await worker.runOnce();
    assert.equal(smtp.received.length, 1);
    const [published] = smtp.received;
    assert.deepEqual(published!.to, [to]);
    assert.match(published!.text, /a été relu et publié/);
    assert.match(published!.text, new RegExp(reference));
    assert.ok(!published!.text.includes(to), 'the address is not in the body');
    assert.ok(!published!.text.includes('quarante minutes'), 'nor the story');
    assert.match(published!.header('content-type') ?? '', /multipart\/alternative/, 'plain text and HTML');
    assert.doesNotMatch(published!.raw, /<img|<script|src=/i, 'no remote image, no script');

    // The link opens the author's private view (a token of its own, not the submission's).
    const link = /https:\/\/avis\.example\.fr\/suivi\/(SPP-[0-9A-Z-]+)#token=([A-Za-z0-9_-]+)/.exec(published!.text);
    assert.ok(link, published!.text);
    assert.equal(link[1], reference);
    const tracking = await server.app.inject({ url: `/api/v1/testimonies/${reference}?token=${link[2]}` });
    assert.equal(tracking.statusCode, 200);
    assert.equal(TestimonyTracking.parse(tracking.json()).status, 'published');
    assert.match(published!.header('list-unsubscribe') ?? '', new RegExp(`^<${PUBLIC}/mail/stop/${reference}\\?token=[A-Za-z0-9_-]+>$`));
    assert.equal(published!.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');

    const res = await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, REPLY);
    assert.equal(res.statusCode, 201);
    // Editing the reply is not news: no second e-mail.
    await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, { ...REPLY, body: `${REPLY.body} Bonne journée.` });
    await worker.runOnce();
    assert.equal(smtp.received.length, 2);
    const answered = smtp.received[1]!;
    assert.deepEqual(answered.to, [to]);
    assert.match(answered.text, /CAF du Rhône a répondu à votre témoignage/);
    assert.match(answered.text, /une ligne directe est ouverte/);
    assert.match(answered.text, /Le service relation allocataires de la CAF du Rhône/);
    assert.doesNotMatch(answered.text, /Bonne journée/, 'the first reply, as it was when it was written');
  });

  it('not published (individual complaint), in English: the reason, the structure’s contact, in the author’s language', async () => {
    const to = address('author');
    const { reference } = await submitTestimony(server.app, { email: to, contactConsent: true, lang: 'en' });
    const res = await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/reject`, caf69, { reason: 'individual_complaint' });
    assert.equal(res.statusCode, 200);
    await worker.runOnce();
    const mails = sentTo(to);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /was reviewed and not published/);
    assert.match(mails[0]!.text, /an individual complaint/);
    assert.match(mails[0]!.text, /contact the service directly/);
    assert.match(mails[0]!.text, /32 30/);
    assert.match(mails[0]!.text, /\/suivi\/SPP-[0-9A-Z-]+\?lang=en#token=/);
  });

  it('no address or no consent: no e-mail; a malformed address or one without consent is a 400 naming the field', async () => {
    const { reference } = await submitTestimony(server.app);
    await publish(reference);
    await worker.runOnce();
    assert.equal(smtp.received.length, 0);

    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/v1/testimonies',
      headers: { 'content-type': 'application/json', 'idempotency-key': `mail-bad-${Date.now()}` },
      payload: JSON.stringify({ feeling: 'negative', structures: ['CAF-69'], channels: [{ channel: 'phone', feeling: 'negative' }], title: 'Attente', body: 'J’ai attendu quarante minutes au téléphone avant de pouvoir parler à quelqu’un.', postedAs: 'user', email: 'pas-une-adresse', contactConsent: true }),
    });
    assert.equal(bad.statusCode, 400);
    assert.ok((bad.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'email'));
    const noConsent = await server.app.inject({
      method: 'POST',
      url: '/api/v1/testimonies',
      headers: { 'content-type': 'application/json', 'idempotency-key': `mail-noconsent-${Date.now()}` },
      payload: JSON.stringify({ feeling: 'negative', structures: ['CAF-69'], channels: [{ channel: 'phone', feeling: 'negative' }], title: 'Attente', body: 'J’ai attendu quarante minutes au téléphone avant de pouvoir parler à quelqu’un.', postedAs: 'user', email: address() }),
    });
    assert.equal(noConsent.statusCode, 400);
    assert.ok((noConsent.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'contactConsent'));
  });

  it('one-click stop (RFC 8058 POST): no further e-mail about that testimony; a page with a button on GET, which changes nothing', async () => {
    const to = address();
    const { reference } = await submitTestimony(server.app, { email: to, contactConsent: true });
    await publish(reference);
    await worker.runOnce();
    const stop = /<https?:\/\/[^/]+(\/mail\/stop\/[^>]+)>/.exec(sentTo(to)[0]!.header('list-unsubscribe') ?? '')![1]!;

    const page = await server.app.inject({ url: stop });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post"/);
    assert.ok(page.headers['content-security-policy']);
    assert.doesNotMatch(page.body, /style="/);
    const stillOn = await server.store.db.selectFrom('testimonies').select('mail_stopped_at').where('reference', '=', reference).executeTakeFirstOrThrow();
    assert.equal(stillOn.mail_stopped_at, null, 'opening the link (as a mail scanner does) stops nothing');

    // The reply is written before the stop: the pending e-mail is dropped too.
    await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${reference}/replies/CAF-69`, caf69, REPLY);
    const oneClick = await server.app.inject({
      method: 'POST',
      url: stop,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.statusCode, 200);
    assert.match(oneClick.body, /ne recevrez plus/);
    await worker.runOnce();
    assert.equal(sentTo(to).length, 1, 'only the e-mail sent before the stop');

    const forged = await server.app.inject({ method: 'POST', url: stop.replace(/token=[^&]+/, 'token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') });
    assert.equal(forged.statusCode, 404);
  });

  it('an address the SMTP server refuses: retried, then failed and visible to the manager (no address shown), the testimony untouched', async () => {
    const to = address('inconnu');
    const { reference, token } = await submitTestimony(server.app, { email: to, contactConsent: true });
    await publish(reference);
    for (let i = 0; i < 5; i++) {
      await worker.runOnce();
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(smtp.received.length, 0);
    const res = await admin(server.app, 'GET', '/api/v1/admin/structures/CAF-69/notifications', caf69);
    assert.equal(res.statusCode, 200);
    const view = NotificationSettingsView.parse(res.json());
    const failed = view.delivery.items.find((d) => d.reference === reference);
    assert.ok(failed, JSON.stringify(view));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 3);
    assert.match(failed.lastError ?? '', /550/);
    assert.ok(view.delivery.failed >= 1);
    assert.ok(!res.body.includes(to), 'the address is not in the answer');
    const tracking = await server.app.inject({ url: `/api/v1/testimonies/${reference}?token=${token}` });
    assert.equal(TestimonyTracking.parse(tracking.json()).status, 'published');
  });

  it('digest settings: GET/PUT scoped to the token, each write audited without the addresses, invalid input named', async () => {
    const url = '/api/v1/admin/structures/CAF-69/notifications';
    const initial = NotificationSettingsView.parse((await admin(server.app, 'GET', url, caf69)).json());
    assert.deepEqual([initial.digestAddresses, initial.digestHour], [[], 8]);
    assert.equal((await admin(server.app, 'GET', url, cpam)).statusCode, 403);
    assert.equal((await admin(server.app, 'PUT', url, cpam, { digestAddresses: [], digestHour: 8 })).statusCode, 403);
    assert.equal((await admin(server.app, 'GET', url, null)).statusCode, 401);
    // An agent of the structure (not its manager) may neither read nor change who is told.
    assert.equal((await admin(server.app, 'GET', url, caf69Agent)).statusCode, 403);
    assert.equal((await admin(server.app, 'PUT', url, caf69Agent, { digestAddresses: [], digestHour: 8 })).statusCode, 403);
    assert.equal((await admin(server.app, 'GET', '/api/v1/admin/structures/NOPE-1/notifications', caf69)).statusCode, 404);

    const bad = await admin(server.app, 'PUT', url, caf69, { digestAddresses: ['ok@exemple.fr', 'pas une adresse'], digestHour: 24 });
    assert.equal(bad.statusCode, 400);
    const fields = (bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    assert.ok(fields.includes('digestAddresses.1'), fields.join());
    assert.ok(fields.includes('digestHour'), fields.join());

    const a = address('accueil');
    const b = address('responsable');
    const put = await admin(server.app, 'PUT', url, caf69, { digestAddresses: [a, b], digestHour: 9 });
    assert.equal(put.statusCode, 200);
    const view = NotificationSettingsView.parse(put.json());
    assert.deepEqual([view.digestAddresses, view.digestHour], [[a, b], 9]);
    const audit = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'structure.notifications').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.structure_code, 'CAF-69');
    assert.deepEqual(JSON.parse(audit[0]!.details), { digestAddresses: 2, digestHour: 9 });
    await admin(server.app, 'PUT', url, caf69, { digestAddresses: [], digestHour: 8 });
  });

  it('daily digest: one e-mail at the structure’s hour to its addresses, listing what waits; none twice a day, none when nothing waits', async () => {
    const a = address('accueil');
    const b = address('responsable');
    // A structure no demo testimony concerns: what waits is what this test creates.
    const quiet = await server.store.db
      .selectFrom('structures as s')
      .select('s.code')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('testimony_structures as ts').select('ts.testimony_id').whereRef('ts.structure_code', '=', 's.code'))))
      .orderBy('s.code')
      .executeTakeFirstOrThrow();
    const code = quiet.code;
    const vlb = await agentToken(server.store, [code], 'Responsable', 'manager');
    await admin(server.app, 'PUT', `/api/v1/admin/structures/${code}/notifications`, vlb, { digestAddresses: [a, b], digestHour: 8 });
    // Days after today (the testimony's real dates): 05:00 UTC is before 8:00 in Paris, 09:00 UTC after, in any season.
    const day = (offset: number, utcHour: number) => {
      const d = new Date();
      d.setUTCDate(d.getUTCDate() + offset);
      d.setUTCHours(utcHour, 0, 0, 0);
      return d;
    };
    let now = day(1, 5);
    const digestWorker = newWorker({ now: () => now, unansweredDays: 7 });
    const digestsTo = () => smtp.received.filter((m) => m.to.includes(a));

    await digestWorker.runOnce();
    assert.equal(smtp.received.length, 0, 'nothing waits yet');
    const { reference } = await submitTestimony(server.app, { structures: [code] });
    await digestWorker.runOnce();
    assert.equal(smtp.received.length, 0, 'not before 8:00');
    now = day(1, 9);
    await digestWorker.runOnce();
    await digestWorker.runOnce();
    assert.equal(digestsTo().length, 1);
    const [digest] = digestsTo();
    assert.deepEqual(digest!.to.sort(), [a, b].sort());
    assert.match(digest!.text, /À modérer \(1\)/);
    assert.match(digest!.text, new RegExp(reference));
    assert.match(digest!.text, /https:\/\/avis\.example\.fr\/agent/);
    assert.doesNotMatch(digest!.text, /Attente au téléphone/, 'no testimony text in a digest');
    const kept = await server.store.db.selectFrom('mail_outbox').select(['payload', 'status']).where('kind', '=', 'digest').execute();
    assert.ok(kept.every((r) => r.status === 'sent' && !r.payload.includes('@')), 'a sent digest keeps no address');

    // Next day, still pending: one more. Then published today, so recent: nothing waits, no digest.
    now = day(2, 9);
    await digestWorker.runOnce();
    assert.equal(digestsTo().length, 2);
    assert.equal((await admin(server.app, 'POST', `/api/v1/admin/testimonies/${reference}/publish`, vlb, {})).statusCode, 200);
    now = day(3, 9);
    await digestWorker.runOnce();
    assert.equal(digestsTo().length, 2, digestsTo()[2]?.text);
    // Published more than 7 days ago without a reply: listed.
    now = day(10, 9);
    await digestWorker.runOnce();
    const late = digestsTo();
    assert.equal(late.length, 3);
    assert.match(late[2]!.text, /Publiés sans réponse depuis plus de 7 jours \(1\)/);
  });

  it('without SMTP_URL: the e-mail is kept as a .eml file under DATA_DIR/mail', async () => {
    const to = address();
    const mailDir = join(server.dataDir, 'mail');
    const emlWorker = newWorker({ transport: createMailTransport({ mailDir }) });
    const { reference } = await submitTestimony(server.app, { email: to, contactConsent: true });
    await publish(reference);
    await emlWorker.runOnce();
    assert.ok(existsSync(mailDir));
    const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    const mine = files.map((f) => readFileSync(join(mailDir, f), 'utf8')).filter((m) => m.includes(reference));
    assert.equal(mine.length, 1);
    assert.match(mine[0]!, new RegExp(`^To: ${to.replace(/\./g, '\\.')}$`, 'm'));
    assert.match(mine[0]!, /^List-Unsubscribe:\s+<https:\/\/avis\.example\.fr\/mail\/stop\//m);
  });

  it('no address in any log line or audit entry', async () => {
    const all = logs.join('\n');
    assert.ok(logs.length > 0);
    assert.doesNotMatch(all, /@exemple\.fr/);
    const audit = await server.store.db.selectFrom('audit_log').select('details').execute();
    assert.doesNotMatch(JSON.stringify(audit), /@exemple\.fr/);
  });
});
