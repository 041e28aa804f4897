import type { DatabaseHandle } from '../store/database.js';

/**
 * What every route module receives. Its own module, so that `app.ts` imports the routes and no route imports
 * `app.ts` back (test/server/import-graph.test.ts keeps it so).
 */
export interface ApiContext {
  store: DatabaseHandle;
  /** `PUBLIC_URL` as `configuredPublicUrl` reads it (no trailing slash; unset when empty). */
  publicUrl?: string;
}
