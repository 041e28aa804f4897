import { migrate, withStartupLock, type DatabaseHandle } from './store/database.js';
import { seedDatabase } from './seed/index.js';

export interface Prepared {
  /** Migrations applied by this call (empty when the schema was already current). */
  applied: string[];
  /** True when this call loaded the demo data. */
  seeded: boolean;
}

/**
 * Brings a database to the state the server expects: schema migrated, demo data loaded once. Safe when several
 * instances start together on one database (they take turns), and on every restart (nothing is done twice).
 */
export async function prepareDatabase(store: DatabaseHandle, options: { seed?: boolean } = {}): Promise<Prepared> {
  return withStartupLock(store, async () => {
    const applied = await migrate(store.db);
    const seeded = options.seed === false ? false : await seedDatabase(store.db);
    return { applied, seeded };
  });
}
