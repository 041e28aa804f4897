import * as z from 'zod/mini';
import { Count, Cursor, IsoDateTime, PageLimit, StructureCode } from './common.js';
import { cleanText } from './text-rules.js';
import { CHANNELS, FEELINGS, LIMITS, POSTED_AS } from './testimony-values.js';

export { CHANNELS, FEELINGS, LIMITS, POSTED_AS };

export const Feeling = z.enum(FEELINGS);
export type Feeling = z.infer<typeof Feeling>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** The 5 general tags: accessibilité, information/explication, relation, réactivité, simplicité/complexité. */
export const TAGS = ['accessibility', 'information', 'relation', 'reactivity', 'simplicity'] as const;
export const Tag = z.enum(TAGS);
export type Tag = z.infer<typeof Tag>;

export const PostedAs = z.enum(POSTED_AS);
export type PostedAs = z.infer<typeof PostedAs>;

/** Reasons of the moderation charter. */
export const REJECTION_REASONS = [
  'personal_data',
  'insults',
  'out_of_scope',
  'individual_complaint',
  'duplicate',
  'spam',
] as const;
export const RejectionReason = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof RejectionReason>;

/** As the author sees it: in moderation → published (no reply yet) → answered; or rejected. */
export const TESTIMONY_STATUSES = ['pending', 'published', 'answered', 'rejected'] as const;
export const TestimonyStatus = z.enum(TESTIMONY_STATUSES);
export type TestimonyStatus = z.infer<typeof TestimonyStatus>;

export const ChannelUse = z.strictObject({
  channel: Channel,
  feeling: z.optional(Feeling),
});
export type ChannelUse = z.infer<typeof ChannelUse>;

const trimmed = (min: number, max: number) =>
  z.string().check(cleanText(), z.trim(), z.minLength(min), z.maxLength(max));

const unique = <T>(items: T[]) => new Set(items).size === items.length;

/**
 * Anti-abuse signals the form sends with a submission; checked, never stored.
 * - `website`: a honeypot. The form renders an input of that name that people never see nor reach (inert,
 *   off-screen); a script that fills every field fills it too.
 * - `fillMs`: milliseconds since the citizen first touched this testimony (kept with the draft across reloads).
 * A submission that fills the honeypot, or arrives faster than `LIMITS.minFillMs`, gets an answer that looks
 * like success but stores nothing, so a bot learns nothing. Clients that omit the object are not affected
 * (other API clients are held back by the per-address rate limit).
 */
export const FormSignals = z.strictObject({
  website: z.optional(z.string().check(z.maxLength(500))),
  fillMs: z.optional(Count),
});
export type FormSignals = z.infer<typeof FormSignals>;

/** `POST /api/v1/testimonies` body. Unknown fields are refused. */
export const TestimonySubmission = z
  .strictObject({
    feeling: Feeling,
    structures: z
      .array(StructureCode)
      .check(z.minLength(1), z.maxLength(LIMITS.structuresMax), z.refine(unique, { message: 'duplicate' })),
    channels: z
      .array(ChannelUse)
      .check(
        z.maxLength(CHANNELS.length),
        z.refine((uses) => unique(uses.map((u) => u.channel)), { message: 'duplicate' }),
      ),
    title: trimmed(1, LIMITS.titleMax),
    body: trimmed(LIMITS.bodyMin, LIMITS.bodyMax),
    postedAs: PostedAs,
    /** Only to be contacted; never published. */
    email: z.optional(z.email().check(z.maxLength(LIMITS.emailMax))),
    /** Must be true when an e-mail is given. */
    contactConsent: z.optional(z.boolean()),
    postcode: z.optional(z.string().check(z.regex(/^\d{5}$/))),
    lang: z.optional(z.enum(['fr', 'en'])),
    form: z.optional(FormSignals),
  })
  .check(
    z.refine((s) => s.email === undefined || s.contactConsent === true, {
      message: 'consent_required',
      path: ['contactConsent'],
    }),
  );
export type TestimonySubmission = z.infer<typeof TestimonySubmission>;

/** 201 answer to a submission. The token is shown once; only its hash is stored. */
export const SubmissionAccepted = z.object({
  reference: z.string(),
  token: z.string(),
  status: TestimonyStatus,
  createdAt: IsoDateTime,
  /** Private link to the author's view of the status. */
  trackingUrl: z.string(),
});
export type SubmissionAccepted = z.infer<typeof SubmissionAccepted>;

export const StructureRef = z.object({ code: StructureCode, name: z.string() });
export type StructureRef = z.infer<typeof StructureRef>;

/** A structure's public reply, with its sign-off. */
export const Reply = z.object({
  structure: StructureRef,
  body: z.string(),
  signature: z.string(),
  createdAt: IsoDateTime,
});
export type Reply = z.infer<typeof Reply>;

/** `GET /api/v1/testimonies/{reference}?token=`: the author's private view. */
export const TestimonyTracking = z.object({
  reference: z.string(),
  status: TestimonyStatus,
  feeling: Feeling,
  title: z.string(),
  structures: z.array(StructureRef),
  createdAt: IsoDateTime,
  publishedAt: z.nullable(IsoDateTime),
  rejectionReason: z.nullable(RejectionReason),
  replies: z.array(Reply),
});
export type TestimonyTracking = z.infer<typeof TestimonyTracking>;

/** A published, anonymised experience. Never carries the e-mail or unmasked personal data. */
export const PublishedTestimony = z.object({
  reference: z.string(),
  feeling: Feeling,
  title: z.string(),
  body: z.string(),
  channels: z.array(ChannelUse),
  tags: z.array(Tag),
  postedAs: PostedAs,
  structures: z.array(StructureRef),
  createdAt: IsoDateTime,
  publishedAt: IsoDateTime,
  replies: z.array(Reply),
});
export type PublishedTestimony = z.infer<typeof PublishedTestimony>;

export const TestimonyStats = z.object({
  published: Count,
  answered: Count,
  /** answered / published, 0..1; `null` when nothing is published. */
  responseRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** Median days from publication to the first reply; `null` without replies. */
  medianReplyDays: z.nullable(z.number().check(z.minimum(0))),
});
export type TestimonyStats = z.infer<typeof TestimonyStats>;

/** `GET /api/v1/structures/{code}/testimonies?feeling=&channel=&tag=&cursor=` */
export const TestimoniesPage = z.object({
  items: z.array(PublishedTestimony),
  nextCursor: Cursor,
  stats: TestimonyStats,
});
export type TestimoniesPage = z.infer<typeof TestimoniesPage>;

export const TestimoniesQuery = z.strictObject({
  feeling: z.optional(Feeling),
  channel: z.optional(Channel),
  tag: z.optional(Tag),
  limit: PageLimit,
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type TestimoniesQuery = z.infer<typeof TestimoniesQuery>;

export const TrackingQuery = z.strictObject({ token: z.string().check(z.minLength(16), z.maxLength(128)) });

/** `Idempotency-Key` header: any client-generated unique string (a UUID is fine). */
export const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{8,128}$/));
