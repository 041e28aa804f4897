import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';

/** One message ready to go. `id` names it (Message-ID, `.eml` file), so a resend after a crash is the same message. */
export interface OutgoingMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  /** For `npm start`'s banner: where messages go (never a password). */
  describe: string;
  /** Resolves once the SMTP server accepted the message (or the file is on disk); rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface TransportOptions {
  /** `smtp://host:port`, `smtps://user:pass@host` (`SMTP_URL`); none keeps `.eml` files. */
  smtpUrl?: string;
  /** Folder of the `.eml` files when there is no SMTP server (default `DATA_DIR/mail`). */
  mailDir: string;
  /** Connection, greeting and socket timeout (ms). */
  timeoutMs?: number;
}

const messageId = (id: string) => `<${id}@services-publics-plus.invalid>`;

/** The SMTP server's answer or the network error, without any address (they are never written to logs). */
export function describeMailError(error: unknown): string {
  const e = error as { message?: unknown; responseCode?: unknown; code?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const code = typeof e?.responseCode === 'number' ? `${e.responseCode} ` : typeof e?.code === 'string' ? `${e.code} ` : '';
  return `${code}${message}`.replace(/[^\s<>()"',;:@]+@[^\s<>()"',;:]+/g, '[adresse]').slice(0, 300);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

export function createMailTransport(options: TransportOptions): MailTransport {
  const timeout = options.timeoutMs ?? 30_000;
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      // The SMTP dialogue names the recipients: nodemailer's own logger stays off.
      logger: false,
    });
    return {
      describe: `SMTP ${redactUrl(options.smtpUrl)}`,
      async send(mail) {
        await transporter.sendMail({ ...mail, messageId: messageId(mail.id) });
      },
      close: () => transporter.close(),
    };
  }
  const dir = resolve(options.mailDir);
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `no SMTP_URL: e-mails kept as .eml files in ${dir}`,
    async send(mail) {
      const info = await transporter.sendMail({ ...mail, messageId: messageId(mail.id) });
      mkdirSync(dir, { recursive: true });
      // Written aside then renamed: a reader never sees half a message, and a resend replaces, not doubles.
      const file = join(dir, `${mail.id}.eml`);
      writeFileSync(`${file}.tmp`, info.message as Buffer);
      renameSync(`${file}.tmp`, file);
    },
    close: () => transporter.close(),
  };
}
