/** Texts the store writes into the answers it builds, in French: the reference table (English in `store.strings.en.ts`). */
export const STORE_FR = {
  /** An improvement action's engagement when no wording of the engagements is stored. */
  engagementNumber: 'Engagement {number}',
};

export type StoreStrings = typeof STORE_FR;
