import * as z from 'zod/mini';
import { Cursor, IsoDate, StructureCode } from './common.js';
import { EngagementNumber } from './engagement.js';

export const Network = z.object({
  /** Short network code ("CAF", "DGFIP-SIP", "PREF"). */
  code: z.string(),
  /** "Caisses d'allocations familiales" */
  name: z.string(),
});
export type Network = z.infer<typeof Network>;

/** Where a structure sits in its network: the network head, a department level, or a local site. */
export const STRUCTURE_LEVELS = ['network', 'department', 'site'] as const;
export const StructureLevel = z.enum(STRUCTURE_LEVELS);
export type StructureLevel = z.infer<typeof StructureLevel>;

export const StructureSummary = z.object({
  code: StructureCode,
  name: z.string(),
  network: Network,
  level: StructureLevel,
  parentCode: z.nullable(StructureCode),
  postcode: z.nullable(z.string()),
  city: z.nullable(z.string()),
});
export type StructureSummary = z.infer<typeof StructureSummary>;

/** A structure's own commitment under one of the 9 engagements ("Notre numéro est gratuit depuis..."). */
export const LocalCommitment = z.object({
  engagement: EngagementNumber,
  text: z.string(),
  since: z.nullable(IsoDate),
});
export type LocalCommitment = z.infer<typeof LocalCommitment>;

export const Contact = z.object({
  phone: z.nullable(z.string()),
  url: z.nullable(z.string()),
  address: z.nullable(z.string()),
});
export type Contact = z.infer<typeof Contact>;

/** `GET /api/v1/structures/{code}` */
export const Structure = z.object({
  ...StructureSummary.shape,
  contact: Contact,
  commitments: z.array(LocalCommitment),
});
export type Structure = z.infer<typeof Structure>;

/** `GET /api/v1/structures?q=&network=&limit=&cursor=` */
export const StructuresPage = z.object({
  items: z.array(StructureSummary),
  nextCursor: Cursor,
});
export type StructuresPage = z.infer<typeof StructuresPage>;

export const StructuresQuery = z.strictObject({
  q: z.optional(z.string().check(z.maxLength(100))),
  network: z.optional(z.string().check(z.maxLength(40))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type StructuresQuery = z.infer<typeof StructuresQuery>;
