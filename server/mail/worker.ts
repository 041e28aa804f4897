import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../store/database.js';
import { citizenAddress, claimDue, markAttemptFailed, markCancelled, markSent, scheduleDigests, type OutboxRow } from './outbox.js';
import { readJson } from '../store/json.js';
import { isMailPayload, renderMail } from './templates.js';
import { describeMailError, type MailTransport } from './transport.js';

export interface MailWorkerOptions {
  store: DatabaseHandle;
  transport: MailTransport;
  /** `MAIL_FROM`. */
  from: string;
  /** Origin of the links in e-mails (`PUBLIC_URL`, else the server's own address). */
  publicUrl: string;
  /** How often the outbox is polled (ms). */
  pollMs?: number;
  /** First retry delay (ms), doubled at each failure up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Attempts before an e-mail is marked failed (visible to the structure's manager). */
  maxAttempts?: number;
  /** How long a claimed e-mail is reserved for this worker: longer than one SMTP dialogue can last. */
  leaseMs?: number;
  /** Published testimonies without a reply for more than this many days are listed in the digest. */
  unansweredDays?: number;
  /** Tells about failures and progress; never given an address. */
  log?: (level: 'info' | 'warn', message: string, data?: Record<string, unknown>) => void;
  now?: () => Date;
}

/** The worker's timings from the environment (`MAIL_*`), so an outage test can compress the time honestly. */
export function mailTimingsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<MailWorkerOptions, 'pollMs' | 'retryBaseMs' | 'retryMaxMs' | 'maxAttempts' | 'leaseMs' | 'unansweredDays'> & { timeoutMs?: number } {
  const num = (name: string) => (env[name] !== undefined && env[name] !== '' && Number.isFinite(Number(env[name])) ? Number(env[name]) : undefined);
  return {
    pollMs: num('MAIL_POLL_MS'),
    retryBaseMs: num('MAIL_RETRY_BASE_MS'),
    retryMaxMs: num('MAIL_RETRY_MAX_MS'),
    maxAttempts: num('MAIL_MAX_ATTEMPTS'),
    leaseMs: num('MAIL_LEASE_MS'),
    unansweredDays: num('MAIL_DIGEST_UNANSWERED_DAYS'),
    timeoutMs: num('MAIL_TIMEOUT_MS'),
  };
}

/**
 * Sends what the outbox holds, in the server process. At least once by construction (the sent mark comes after
 * the SMTP server's acceptance), and once in practice: a claim (lease) keeps other workers off a row while it is
 * sent, and a resend after a crash can only happen if the process died between the server's "250 OK" and the mark.
 */
export class MailWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly o: Required<Omit<MailWorkerOptions, 'log'>> & Pick<MailWorkerOptions, 'log'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(options: MailWorkerOptions) {
    this.o = {
      pollMs: 2_000,
      retryBaseMs: 30_000,
      retryMaxMs: 3_600_000,
      maxAttempts: 10,
      leaseMs: 5 * 60_000,
      unansweredDays: 7,
      now: () => new Date(),
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    } as MailWorker['o'];
  }

  start(): void {
    this.stopped = false;
    this.nudge();
  }

  /** Runs a pass now (an action just wrote an e-mail), or right after the current one. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.o.log?.('warn', 'mail worker pass failed', { error: describeMailError(error) }))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.nudge();
        } else {
          this.timer = setTimeout(() => this.nudge(), this.o.pollMs);
          this.timer.unref();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: writes the digests whose hour has come, then sends every due e-mail. */
  async runOnce(): Promise<{ sent: number; failed: number }> {
    await scheduleDigests(this.o.store.db, this.o.now(), this.o.unansweredDays);
    let sent = 0;
    let failed = 0;
    for (;;) {
      const now = this.o.now();
      // One at a time: a claim never waits behind other sends, so its lease covers one SMTP dialogue only.
      const rows = await claimDue(this.o.store, this.id, now.toISOString(), new Date(now.getTime() + this.o.leaseMs).toISOString(), 1);
      if (!rows.length) break;
      for (const row of rows) {
        if (await this.deliver(row)) sent++;
        else failed++;
      }
      if (this.stopped) break;
    }
    return { sent, failed };
  }

  private async deliver(row: OutboxRow): Promise<boolean> {
    const { store, transport, publicUrl } = this.o;
    const payload = readJson(row.payload, isMailPayload);
    const lang = row.lang;
    let to: string[];
    const headers: Record<string, string> = {};
    let links;
    if (payload.kind === 'digest') {
      to = payload.recipients;
      links = { agent: `${publicUrl}/agent` };
    } else {
      const address = row.testimony_id ? await citizenAddress(store.db, row.testimony_id) : null;
      if (!address) {
        await markCancelled(store.db, row, this.id);
        return true;
      }
      to = [address];
      const langQuery = lang === 'en' ? '?lang=en' : '';
      const token = encodeURIComponent(payload.token);
      const unsubscribe = `${publicUrl}/mail/stop/${payload.reference}?token=${token}${lang === 'en' ? '&lang=en' : ''}`;
      links = { tracking: `${publicUrl}/suivi/${payload.reference}${langQuery}#token=${token}`, unsubscribe };
      // RFC 2369 and RFC 8058: mail clients show an "unsubscribe" button that POSTs here without opening a page.
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const mail = renderMail(payload, lang, links);
    try {
      await transport.send({ id: row.id, from: this.o.from, to, subject: mail.subject, text: mail.text, html: mail.html, headers });
    } catch (error) {
      const reason = describeMailError(error);
      const giveUp = row.attempts >= this.o.maxAttempts;
      const delay = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** Math.max(0, row.attempts - 1));
      const retryAt = giveUp ? null : new Date(this.o.now().getTime() + delay).toISOString();
      await markAttemptFailed(store.db, row, this.id, reason, retryAt);
      this.o.log?.('warn', giveUp ? 'e-mail given up after every retry' : 'e-mail not sent, will retry', {
        mail: row.id,
        kind: row.kind,
        attempts: row.attempts,
        error: reason,
        ...(retryAt ? { retryAt } : {}),
      });
      return false;
    }
    await markSent(store.db, row, this.id);
    this.o.log?.('info', 'e-mail sent', { mail: row.id, kind: row.kind, attempts: row.attempts });
    return true;
  }
}
