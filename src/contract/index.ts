/**
 * The API v1 contract: one zod (mini) schema per payload. The server validates with it, the widgets parse
 * responses with it, and `/api/openapi.json` is generated from it. Add a field here once; the rest follows.
 * `generated/` holds JSON Schema copies for pages checked without zod (`npm run contract:json`; a test fails when stale).
 */
export * from './common.js';
export * from './engagement.js';
export * from './structure.js';
export * from './results.js';
export * from './testimony.js';
export * from './problem.js';
export * from './text-rules.js';
export * from './messages.js';
export * from './pii.js';
export * from './pii-detect.js';
export * from './improvement.js';
export * from './admin.js';
export * from './notifications.js';
