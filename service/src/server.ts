/**
 * Start the service: open the database (PGlite in a data folder, or `DATABASE_URL`), apply the
 * migrations, optionally seed the demo, listen on HTTP. Used by `main.ts`, the tests, the bench
 * and `npm start`.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { tokenVerifier, type AuthConfig } from './auth.js';
import { migrate, openDb, type Db } from './db.js';
import { EventHub } from './events.js';
import { seedDemo } from './seed.js';

export { seedDemo, DEMO_TEAM } from './seed.js';
export { devToken } from './auth.js';
export { migrate } from './db.js';
export { Store } from './store.js';
import { Store } from './store.js';

export interface ServiceOptions {
  /** `postgres://...`; without it, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data folder (default `memory://`, a throw-away database). */
  dataDir?: string;
  poolSize?: number;
  auth: AuthConfig;
  /** Console origins CORS allows (exact). */
  origins?: string[];
  host?: string;
  /** 0: a free port. */
  port?: number;
  /** Seed the library's demo data into this tenant when it is empty. */
  seedTenant?: string;
  /**
   * Let a signed-in user restore their tenant's demo data (`POST /v1/demo/reset`): for the demo
   * (`npm start`) and the tests, never for real agents' data. Off by default (the route does not exist).
   */
  demoReset?: boolean;
  now?: () => number;
}

export interface RunningService {
  url: string;
  port: number;
  db: Db;
  store: Store;
  hub: EventHub;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, poolSize: options.poolSize });
  await migrate(db, MIGRATIONS_DIR);
  const store = new Store(db, options.now);
  if (options.seedTenant) await seedDemo(store, options.seedTenant);
  const hub = new EventHub(store);
  await hub.start();
  const app = createApp({ store, hub, verify: tokenVerifier(options.auth), origins: options.origins ?? [], demoReset: options.demoReset });
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    store,
    hub,
    async close() {
      await hub.close();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
