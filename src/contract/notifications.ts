import * as z from 'zod/mini';
import { IsoDateTime } from './common.js';
import { LIMITS } from './testimony-values.js';

/**
 * E-mail notifications of a structure (issue 18): who gets its daily digest of testimonies waiting for
 * moderation or a reply, at what hour, and the e-mails that could not be delivered.
 */
export const NOTIFICATION_LIMITS = { digestAddressesMax: 20 } as const;

/** Body of `PUT /api/v1/admin/structures/{code}/notifications`. An empty list stops the digest. */
export const NotificationSettings = z.strictObject({
  digestAddresses: z
    .array(z.email().check(z.maxLength(LIMITS.emailMax)))
    .check(z.maxLength(NOTIFICATION_LIMITS.digestAddressesMax)),
  /** Hour of the day (Europe/Paris, 0-23) after which the day's digest is sent. */
  digestHour: z.int().check(z.gte(0), z.lte(23)),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const MAIL_KINDS = ['published', 'replied', 'rejected', 'digest'] as const;
export const MailKind = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKind>;

/** An e-mail not delivered (yet): never its address. */
export const MailDelivery = z.object({
  id: z.string(),
  kind: MailKind,
  /** The testimony it is about (none for a digest). */
  reference: z.nullable(z.string()),
  status: z.enum(['pending', 'failed']),
  attempts: z.int(),
  /** Why the last attempt failed (the SMTP server's answer, addresses removed). */
  lastError: z.nullable(z.string()),
  createdAt: IsoDateTime,
  nextAttemptAt: z.nullable(IsoDateTime),
});
export type MailDelivery = z.infer<typeof MailDelivery>;

/** `GET /api/v1/admin/structures/{code}/notifications`: the settings, and what is waiting or failed. */
export const NotificationSettingsView = z.object({
  digestAddresses: z.array(z.string()),
  digestHour: z.int(),
  /** E-mails about this structure still to be sent, and those given up on after every retry (latest first). */
  delivery: z.object({
    pending: z.int(),
    failed: z.int(),
    items: z.array(MailDelivery),
  }),
});
export type NotificationSettingsView = z.infer<typeof NotificationSettingsView>;
