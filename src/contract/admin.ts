import * as z from 'zod/mini';
import { cleanText } from './text-rules.js';
import { Count, Cursor, IsoDate, IsoDateTime, Lang, PageLimit, StructureCode, TestimonyReference } from './common.js';
import { PiiFinding } from './pii.js';
import { ResultPoint } from './results.js';
import {
  ChannelUse,
  Feeling,
  LIMITS,
  PostedAs,
  RejectionReason,
  Reply,
  StructureRef,
  Tag,
  TAGS,
} from './testimony.js';

/**
 * The admin API (`/api/v1/admin/...`, `Authorization: Bearer <agent token>`): moderation, public replies,
 * results publishing and the improvement plan. A token is scoped to structures (each listed code and its
 * sub-structures) or to networks (every structure of the network and their sub-structures).
 */

export const AGENT_SCOPE_KINDS = ['structures', 'network'] as const;
export const AgentScopeKind = z.enum(AGENT_SCOPE_KINDS);
export type AgentScopeKind = z.infer<typeof AgentScopeKind>;

export const AgentScope = z.object({ kind: AgentScopeKind, codes: z.array(z.string()) });
export type AgentScope = z.infer<typeof AgentScope>;

/**
 * `agent`: moderates, replies, keeps the improvement plan and the local commitments. `manager`: also creates and
 * revokes the agents' tokens of its structures and reads their audit log.
 */
export const AGENT_ROLES = ['agent', 'manager'] as const;
export const AgentRole = z.enum(AGENT_ROLES);
export type AgentRole = z.infer<typeof AgentRole>;

/** `GET /api/v1/admin/me`: who the token is and what it covers. */
export const AgentProfile = z.object({
  token: z.object({ id: z.string(), name: z.string(), createdAt: IsoDateTime }),
  role: AgentRole,
  scope: AgentScope,
  /** The structures covered, by name (at most 500; see `structuresTruncated`). */
  structures: z.array(StructureRef),
  structuresTruncated: z.boolean(),
});
export type AgentProfile = z.infer<typeof AgentProfile>;

/** Where a testimony is in moderation ("answered" is a published one with a reply). */
export const MODERATION_STATUSES = ['pending', 'published', 'rejected'] as const;
export const ModerationStatus = z.enum(MODERATION_STATUSES);
export type ModerationStatus = z.infer<typeof ModerationStatus>;

/** A testimony as an agent sees it: everything, including the e-mail and the personal-data findings. */
export const ModerationTestimony = z.object({
  reference: z.string(),
  status: ModerationStatus,
  feeling: Feeling,
  title: z.string(),
  body: z.string(),
  channels: z.array(ChannelUse),
  tags: z.array(Tag),
  postedAs: PostedAs,
  postcode: z.nullable(z.string()),
  /** Only to contact the author, who consented; never in a public response. */
  email: z.nullable(z.string()),
  contactConsent: z.boolean(),
  lang: Lang,
  /** The first one leads: moderating needs a token covering it. */
  structures: z.array(StructureRef),
  /** Personal data found in the current title and story (positions in the text). */
  piiFlags: z.array(PiiFinding),
  createdAt: IsoDateTime,
  moderatedAt: z.nullable(IsoDateTime),
  publishedAt: z.nullable(IsoDateTime),
  firstReplyAt: z.nullable(IsoDateTime),
  rejectionReason: z.nullable(RejectionReason),
  replies: z.array(Reply),
  /** This token may publish, reject, mask, tag and re-assign it (it covers the first structure). */
  canModerate: z.boolean(),
  /** Structures of the testimony this token may reply for. */
  canReplyAs: z.array(StructureCode),
});
export type ModerationTestimony = z.infer<typeof ModerationTestimony>;

export const ModerationCounts = z.object({
  pending: Count,
  published: Count,
  rejected: Count,
});
export type ModerationCounts = z.infer<typeof ModerationCounts>;

/** `GET /api/v1/admin/testimonies?status=&structure=&cursor=`: pending oldest first, the others newest first. */
export const ModerationQueue = z.object({
  items: z.array(ModerationTestimony),
  nextCursor: Cursor,
  counts: ModerationCounts,
});
export type ModerationQueue = z.infer<typeof ModerationQueue>;

export const ModerationQuery = z.strictObject({
  status: z.optional(ModerationStatus),
  structure: z.optional(StructureCode),
  limit: PageLimit,
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type ModerationQuery = z.infer<typeof ModerationQuery>;

const edited = (max: number) => z.string().check(cleanText(), z.trim(), z.minLength(1), z.maxLength(max));
const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const TagList = z.array(Tag).check(z.maxLength(TAGS.length), z.refine(unique, { message: 'duplicate' }));

/** `POST .../publish`: optionally with the agent's masked title and story, and the tags. */
export const PublishRequest = z.strictObject({
  title: z.optional(edited(LIMITS.titleMax)),
  body: z.optional(edited(LIMITS.bodyMax)),
  tags: z.optional(TagList),
});
export type PublishRequest = z.infer<typeof PublishRequest>;

/** `POST .../reject` with a reason of the moderation charter. */
export const RejectRequest = z.strictObject({ reason: RejectionReason });
export type RejectRequest = z.infer<typeof RejectRequest>;

/**
 * `POST .../mask`: replace personal data before publishing. Either the agent's own edit of the title and/or
 * story (what was flagged stays flagged wherever it still appears), or the findings to mask (indexes into
 * `piiFlags`), not both; with neither, every finding is masked.
 */
export const MaskRequest = z
  .strictObject({
    findings: z.optional(z.array(Count).check(z.maxLength(200))),
    title: z.optional(edited(LIMITS.titleMax)),
    body: z.optional(edited(LIMITS.bodyMax)),
  })
  .check(
    // Indexes point into the current text: they mean nothing once the text is replaced in the same request.
    z.refine((m) => m.findings === undefined || (m.title === undefined && m.body === undefined), {
      message: 'findings_or_text',
      path: ['findings'],
    }),
  );
export type MaskRequest = z.infer<typeof MaskRequest>;

/** `PUT .../tags`: the general tags (replaces the previous ones). */
export const TagsRequest = z.strictObject({ tags: TagList });
export type TagsRequest = z.infer<typeof TagsRequest>;

export const REPLY_LIMITS = { bodyMax: 5000, signatureMax: 200 } as const;

/** `PUT .../replies/{structure}`: the structure's public reply and its sign-off (replaces a previous one). */
export const ReplyRequest = z.strictObject({
  body: edited(REPLY_LIMITS.bodyMax),
  signature: edited(REPLY_LIMITS.signatureMax),
});
export type ReplyRequest = z.infer<typeof ReplyRequest>;

/** `POST .../reassign`: hand the testimony from one of its structures to a sub-structure of it. */
export const ReassignRequest = z.strictObject({ from: StructureCode, to: StructureCode });
export type ReassignRequest = z.infer<typeof ReassignRequest>;

export const ReplyPath = z.strictObject({ reference: TestimonyReference, structure: StructureCode });

/** `PUT /api/v1/admin/structures/{code}/results`: new or corrected values (one row per indicator and period). */
export const ResultsPublication = z.strictObject({
  results: z
    .array(
      z.strictObject({
        indicator: z.string().check(z.minLength(1), z.maxLength(64)),
        period: ResultPoint.shape.period,
        value: z.nullable(z.number()),
        sampleSize: z.optional(z.nullable(Count)),
        networkAverage: z.optional(z.nullable(z.number())),
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});
export type ResultsPublication = z.infer<typeof ResultsPublication>;

export const ResultsPublished = z.object({
  structure: StructureCode,
  stored: Count,
  updatedAt: IsoDate,
});
export type ResultsPublished = z.infer<typeof ResultsPublished>;

export const ImprovementPath = z.strictObject({ code: StructureCode, id: z.string().check(z.minLength(1), z.maxLength(64)) });

/** `.../structures/{code}/sub-structures`: the structures directly under one (to re-assign a testimony to). */
export const SubStructures = z.object({ structure: StructureCode, items: z.array(StructureRef) });
export type SubStructures = z.infer<typeof SubStructures>;

export const COMMITMENT_LIMITS = { textMax: 500 } as const;

/** Body of `POST` / `PUT /api/v1/admin/structures/{code}/commitments[/{id}]`: a local commitment. */
export const CommitmentInput = z.strictObject({
  engagement: z.number().check(z.int(), z.minimum(1), z.maximum(9)),
  text: edited(COMMITMENT_LIMITS.textMax),
  /** Shown in this order under its engagement (lowest first); by default after the others. */
  position: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1000))),
  since: z.optional(z.nullable(IsoDate)),
});
export type CommitmentInput = z.infer<typeof CommitmentInput>;

export const AdminCommitment = z.object({
  id: z.string(),
  engagement: z.number().check(z.int(), z.minimum(1), z.maximum(9)),
  text: z.string(),
  position: z.number().check(z.int()),
  since: z.nullable(IsoDate),
});
export type AdminCommitment = z.infer<typeof AdminCommitment>;

/** `GET .../commitments`: by engagement, then position. */
export const CommitmentList = z.object({ structure: StructureCode, items: z.array(AdminCommitment) });
export type CommitmentList = z.infer<typeof CommitmentList>;

export const CommitmentPath = z.strictObject({ code: StructureCode, id: z.string().check(z.minLength(1), z.maxLength(64)) });

/** Body of `POST /api/v1/admin/structures/{code}/tokens` (manager): an agent's token for this structure. */
export const TokenRequest = z.strictObject({ name: edited(120) });
export type TokenRequest = z.infer<typeof TokenRequest>;

/** A token as a manager sees it: never its secret. */
export const TokenView = z.object({
  id: z.string(),
  name: z.string(),
  role: AgentRole,
  scope: AgentScope,
  createdAt: IsoDateTime,
  revokedAt: z.nullable(IsoDateTime),
});
export type TokenView = z.infer<typeof TokenView>;

/** The 201 of `POST .../tokens`: `token` is the secret, shown this once (only a hash is kept). */
export const CreatedTokenView = z.object({ ...TokenView.shape, token: z.string() });
export type CreatedTokenView = z.infer<typeof CreatedTokenView>;

/** `GET .../tokens`: the tokens scoped to this structure or its sub-structures, newest first. */
export const TokenList = z.object({ structure: StructureCode, items: z.array(TokenView) });
export type TokenList = z.infer<typeof TokenList>;

export const TokenPath = z.strictObject({ code: StructureCode, id: z.string().check(z.regex(/^[0-9a-f]{12}$/)) });

/** One admin action: who (token id and name), what, when, on what. */
export const AuditRecord = z.object({
  at: IsoDateTime,
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  structure: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditQuery = z.strictObject({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** `GET .../audit` (manager): the actions on this structure and its sub-structures, newest first. */
export const AuditPage = z.object({ structure: StructureCode, items: z.array(AuditRecord), nextCursor: Cursor });
export type AuditPage = z.infer<typeof AuditPage>;

/** `POST .../results.csv` answer: the check of every line, and whether anything was written. */
export const ResultsUploadReport = z.object({
  written: z.boolean(),
  rows: Count,
  errors: z.array(z.object({ line: z.number().check(z.int()), message: z.string() })),
});
export type ResultsUploadReport = z.infer<typeof ResultsUploadReport>;
