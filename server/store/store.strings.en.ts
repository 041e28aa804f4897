import type { StoreStrings } from './store.strings.js';

/** English of `store.strings.ts`, key for key. */
export const STORE_EN: StoreStrings = {
  engagementNumber: 'Commitment {number}',
};
