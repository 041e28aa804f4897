/**
 * The statuses and limits of an improvement action, without schemas: code that must not load zod with its own
 * module (`<spp-improvements>`, which loads its parser when it asks the API) imports these; `improvement.ts`
 * builds the schemas from them and re-exports them.
 */

export const IMPROVEMENT_STATUSES = ['planned', 'in_progress', 'done'] as const;

export const IMPROVEMENT_LIMITS = { youSaidMax: 1000, weDidMax: 2000 } as const;
