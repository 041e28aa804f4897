import Fastify from 'fastify';

/**
 * The API bench's baseline: a bare Fastify route (no validation, no database, no hooks) answering a small
 * JSON object, in its own process like the real server. Prints `listening URL` once ready.
 */
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok', service: 'bare' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${address}`);
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
