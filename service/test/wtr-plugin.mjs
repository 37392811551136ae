// A @web/test-runner plugin that gives the browser tests the real Mend service, on PGlite and on a
// throw-away PostgreSQL (scripts/pg.mjs), each started on first use and stopped when the runner
// stops. `GET /__mend-service/session?db=pglite|postgres` seeds a fresh tenant with the demo data
// and answers `{ url, token, leadToken, tenant }` (tokens signed with the development secret).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));
const SECRET = `wtr-${randomUUID()}`;

export function mendServicePlugin() {
  const running = new Map();
  let origins = [];
  let pg = null;
  let built = false;
  const start = (db) => {
    if (!running.has(db)) {
      running.set(
        db,
        (async () => {
          if (!built) {
            const r = spawnSync(process.execPath, ['build.mjs'], { cwd: serviceDir, stdio: 'inherit' });
            if (r.status !== 0) throw new Error('the service build failed');
            built = true;
          }
          const { startService } = await import('../dist/server.js');
          let databaseUrl;
          if (db === 'postgres') {
            const { startPostgres } = await import('../../scripts/pg.mjs');
            pg = await startPostgres();
            databaseUrl = pg.url;
          }
          return startService({ databaseUrl, dataDir: 'memory://', auth: { secret: SECRET }, origins, demoReset: true });
        })(),
      );
    }
    return running.get(db);
  };
  return {
    name: 'mend-service',
    serverStart({ config }) {
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`, `http://${config.hostname}:${config.port}`];
    },
    async serverStop() {
      for (const service of running.values()) await (await service.catch(() => null))?.close().catch(() => {});
      pg?.stop();
    },
    async serve(context) {
      if (context.path !== '/__mend-service/session') return;
      const db = context.query.db === 'postgres' ? 'postgres' : 'pglite';
      const service = await start(db);
      const { seedDemo, devToken, DEMO_TEAM } = await import('../dist/server.js');
      const tenant = `wtr-${randomUUID()}`;
      await seedDemo(service.store, tenant);
      const token = await devToken(SECRET, { tenant, agentId: 'agent-dana', role: 'agent', team: DEMO_TEAM });
      const leadToken = await devToken(SECRET, { tenant, agentId: 'agent-sam', role: 'lead', team: DEMO_TEAM });
      return { body: JSON.stringify({ url: service.url, token, leadToken, tenant }), type: 'json' };
    },
  };
}
