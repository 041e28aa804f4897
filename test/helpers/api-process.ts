import { buildApp } from '../../server/app.js';
import { migrate, openDatabase } from '../../server/store/database.js';
import { seedDatabase } from '../../server/seed/index.js';

/** The real server on a free port, for browser tests; prints `listening URL` once ready. */
const store = await openDatabase({ dataDir: process.env.DATA_DIR });
await migrate(store.db);
await seedDatabase(store.db);
const app = await buildApp({ store, logger: false });
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`listening ${address}`);
const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
