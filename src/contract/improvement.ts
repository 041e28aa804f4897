import * as z from 'zod/mini';
import { Count, IsoDate, IsoDateTime, TestimonyReference } from './common.js';
import { cleanText } from './text-rules.js';
import { EngagementNumber } from './engagement.js';
import { StructureRef, Tag } from './testimony.js';

/**
 * The improvement plan (continuous improvement, the fourth pillar): "Vous nous avez dit... Nous avons fait...".
 * Each action answers what users said, is linked to one of the 9 engagements and, when it fits, to one of the
 * 5 general tags, and carries a status with its date (planned for, started on, done on).
 */
export const IMPROVEMENT_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const ImprovementStatus = z.enum(IMPROVEMENT_STATUSES);
export type ImprovementStatus = z.infer<typeof ImprovementStatus>;

export const IMPROVEMENT_LIMITS = { youSaidMax: 1000, weDidMax: 2000 } as const;

export const ImprovementAction = z.object({
  id: z.string(),
  /** "Vous nous avez dit..." */
  youSaid: z.string(),
  /** "Nous avons fait..." (or are doing, or plan to do, depending on the status). */
  weDid: z.string(),
  engagement: z.object({
    number: EngagementNumber,
    /** The engagement's short label in the requested language ("Joignables"). */
    keyword: z.string(),
  }),
  tag: z.nullable(Tag),
  status: ImprovementStatus,
  /** Planned for, started on, or done on. */
  date: IsoDate,
  updatedAt: IsoDateTime,
  /**
   * The testimonies that prompted it ("suite à N témoignages"): how many, and the published ones (the others are
   * counted, never shown). Absent from answers of servers older than this field.
   */
  testimonies: z.optional(
    z.object({
      count: Count,
      published: z.array(z.object({ reference: z.string(), title: z.string() })),
    }),
  ),
});
export type ImprovementAction = z.infer<typeof ImprovementAction>;

/** `GET /api/v1/structures/{code}/improvements?lang=`: newest date first. */
export const ImprovementsResponse = z.object({
  structure: StructureRef,
  items: z.array(ImprovementAction),
});
export type ImprovementsResponse = z.infer<typeof ImprovementsResponse>;

const text = (max: number) => z.string().check(cleanText(), z.trim(), z.minLength(1), z.maxLength(max));

/** Body of `POST` / `PUT /api/v1/admin/structures/{code}/improvements[/{id}]`. */
export const ImprovementInput = z.strictObject({
  youSaid: text(IMPROVEMENT_LIMITS.youSaidMax),
  weDid: text(IMPROVEMENT_LIMITS.weDidMax),
  engagement: EngagementNumber,
  tag: z.optional(z.nullable(Tag)),
  status: ImprovementStatus,
  date: IsoDate,
  /** References (`SPP-XXXX-XXXX`) of the structure's testimonies that prompted the action; on update, replaces the list. */
  testimonies: z.optional(
    z
      .array(TestimonyReference)
      .check(z.maxLength(50), z.refine((refs) => new Set(refs).size === refs.length, { message: 'duplicate' })),
  ),
});
export type ImprovementInput = z.infer<typeof ImprovementInput>;
