import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-initial.js';
import * as m002 from './002-agents.js';
import * as m003 from './003-import.js';
import * as m004 from './004-reply-delays.js';
import * as m005 from './005-roles-commitments.js';
import * as m006 from './006-notifications.js';
import * as m007 from './007-decoys.js';

/**
 * Migrations live in code (no folder scan at run time, so the server runs the same from a bundle or tsx).
 * Append new ones here; never edit one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-agents': m002,
  '003-import': m003,
  '004-reply-delays': m004,
  '005-roles-commitments': m005,
  '006-notifications': m006,
  '007-decoys': m007,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
