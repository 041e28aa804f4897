import type { TestimonyTracking } from '../../src/contract/testimony.js';

/** The author's tracking view of a testimony, contract-valid, as the API answers it; override any field. */
export const tracking = (over: Partial<TestimonyTracking> = {}): TestimonyTracking => ({
  reference: 'SPP-7K3F-9QXM',
  status: 'pending',
  feeling: 'negative',
  title: 'Attente au téléphone',
  structures: [{ code: 'CAF-69', name: 'CAF du Rhône' }],
  createdAt: '2026-03-02T10:00:00.000Z',
  publishedAt: null,
  rejectionReason: null,
  replies: [],
  ...over,
});
