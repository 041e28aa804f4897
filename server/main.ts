import { buildApp } from './app.js';
import { openDatabase } from './store/database.js';
import { purgeIdempotencyKeys } from './store/testimonies.js';
import { purgeDecoys } from './store/decoys.js';
import { prepareDatabase } from './prepare.js';
import { join, resolve } from 'node:path';
import { createMailTransport } from './mail/transport.js';
import { MailWorker, mailTimingsFromEnv } from './mail/worker.js';
import { warmUpFragments } from './fragments/render.js';
import { configuredPublicUrl } from './http/origin.js';

/**
 * `npm start`: opens the database (SQLite under DATA_DIR, or DATABASE_URL=postgres://...), migrates it,
 * seeds the demo data on first start, and serves on HOST:PORT until Ctrl-C.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const store = await openDatabase({ dataDir: process.env.DATA_DIR, databaseUrl: process.env.DATABASE_URL });
  const { applied, seeded } = await prepareDatabase(store, { seed: process.env.SEED !== '0' });
  await purgeIdempotencyKeys(store.db);
  await purgeDecoys(store.db);

  const app = await buildApp({
    store,
    publicUrl: process.env.PUBLIC_URL,
    logger: process.env.LOG_LEVEL === 'silent' ? false : { level: process.env.LOG_LEVEL ?? 'info' },
  });
  // Instances may run for months: expired idempotency records (which hold tracking tokens) go hourly, not only
  // at start. Several instances purging the same rows is harmless.
  const purge = setInterval(() => {
    purgeIdempotencyKeys(store.db).catch((error: unknown) => app.log.warn({ err: error }, 'idempotency purge failed'));
  }, 3600_000);
  purge.unref();

  // E-mails: sent by a worker in this process from the durable outbox (SMTP_URL), or kept as .eml files.
  const timings = mailTimingsFromEnv();
  const transport = createMailTransport({
    smtpUrl: process.env.SMTP_URL || undefined,
    mailDir: join(resolve(process.env.DATA_DIR ?? 'data'), 'mail'),
    timeoutMs: timings.timeoutMs,
  });
  const mailWorker = new MailWorker({
    store,
    transport,
    from: process.env.MAIL_FROM || 'Services Publics+ <ne-pas-repondre@services-publics-plus.invalid>',
    // The links in e-mails must be absolute: PUBLIC_URL read as the routes read it (`publicOrigin`).
    publicUrl: configuredPublicUrl(process.env.PUBLIC_URL) ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    ...timings,
    log: (level, message, data) => app.log[level](data ?? {}, message),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await mailWorker.stop();
      transport.close();
      await store.close();
      process.exit(0);
    } catch (error) {
      app.log.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port, host });
  mailWorker.start();
  // The fragments' renderer, loaded now rather than by the first reader of a fragment (docs/fragments.md).
  if (process.env.FRAGMENTS_WARM_UP !== '0') warmUpFragments().catch((error: unknown) => app.log.warn({ err: error }, 'fragments warm-up failed'));
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  console.log(
    [
      `Services Publics+ widgets on ${origin}`,
      `  data: ${store.dialect} ${store.location}${applied.length ? ` (migrated: ${applied.join(', ')})` : ''}${seeded ? ' (demo data seeded)' : ''}`,
      `  mail: ${transport.describe}`,
      `  demo: ${origin}/   script: ${origin}/widgets/spp-widgets.js   API: ${origin}/api/v1/engagements   docs: ${origin}/api/openapi.json`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
