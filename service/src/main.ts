/**
 * `node service/dist/main.js`: the service from the environment.
 *
 * - `DATABASE_URL` a PostgreSQL server; else PGlite in `MEND_DATA_DIR` (default `./mend-data`).
 * - `MEND_JWKS_URL` (production) or `MEND_JWT_SECRET` (development); `MEND_JWT_ISSUER`, `MEND_JWT_AUDIENCE`.
 * - `MEND_ORIGINS` the console origins, comma-separated; `HOST` (default 127.0.0.1), `PORT` (default 8787).
 * - `MEND_SEED_TENANT` seed the demo data into this tenant when it is empty.
 *
 * Prints one line `mend-service listening <url>` when ready; stops cleanly on SIGTERM and SIGINT.
 */
import { startService } from './server.js';

const env = process.env;
const service = await startService({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.MEND_DATA_DIR ?? './mend-data',
  poolSize: env.MEND_POOL_SIZE ? Number(env.MEND_POOL_SIZE) : undefined,
  auth: { secret: env.MEND_JWT_SECRET, jwksUrl: env.MEND_JWKS_URL, issuer: env.MEND_JWT_ISSUER, audience: env.MEND_JWT_AUDIENCE },
  origins: (env.MEND_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  host: env.HOST ?? '127.0.0.1',
  port: env.PORT ? Number(env.PORT) : 8787,
  seedTenant: env.MEND_SEED_TENANT || undefined,
});
console.log(`mend-service listening ${service.url} (${service.db.kind})`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await service.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
