import * as z from 'zod/mini';
import { Lang } from './common.js';

/** The three groups the 9 engagements are presented in: "Des services publics + proches / efficaces / simples". */
export const PILLARS = ['proches', 'efficaces', 'simples'] as const;
export const Pillar = z.enum(PILLARS);
export type Pillar = z.infer<typeof Pillar>;

export const EngagementNumber = z.number().check(z.int(), z.minimum(1), z.maximum(9));

export const Engagement = z.object({
  number: EngagementNumber,
  pillar: Pillar,
  /** Short label: the keyword in bold in the official text ("bienveillance"). */
  keyword: z.string(),
  /** The full official wording. */
  text: z.string(),
  /** Substrings of `text` shown emphasised (the bold keywords of the official text), in order. */
  emphasis: z.array(z.string()),
  /** A citizen's words illustrating the engagement (seed, section V); `null` when the seed has none. */
  quote: z.nullable(z.string()),
});
export type Engagement = z.infer<typeof Engagement>;

export const PillarGroup = z.object({
  id: Pillar,
  /** "Des services publics + proches" */
  title: z.string(),
  engagements: z.array(Engagement),
});
export type PillarGroup = z.infer<typeof PillarGroup>;

/** `GET /api/v1/engagements?lang=`, and the same shape ships inside the bundle. */
export const EngagementsResponse = z.object({
  /** Version of the wording (the list was revised in 2023; data, not templates, carries it). */
  version: z.string(),
  lang: Lang,
  /** True when the text is our own translation (there is no official English version). */
  translated: z.boolean(),
  pillars: z.array(PillarGroup),
});
export type EngagementsResponse = z.infer<typeof EngagementsResponse>;
