// `npm start`: the demo agent console on the Mend service. Starts the service on PGlite (data in
// .tmp/mend-demo-data, seeded with the demo data on first start), then Vite's dev server for the
// console, which gets the service's address and development tokens: the agent's (Dana Reyes, the
// agent desk) and the team lead's (Sam Okafor, the Team lead tab: the approval queue and the
// recovery report). Prints both addresses and the lead's token, to use the API by hand:
//
//   curl -H "authorization: Bearer $LEAD" <service>/v1/approvals
//
// `npm start -- --local` runs the console on the embedded LocalAdapter alone (no service).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from './free-port.mjs';
import { ensurePackages, root, run } from './ensure.mjs';

ensurePackages();
const args = process.argv.slice(2);
if (args.includes('--local')) {
  run('npx', ['vite', '--config', 'vite.config.ts', ...args.filter((a) => a !== '--local')]);
  process.exit(0);
}

const build = spawnSync(process.execPath, ['build.mjs'], { cwd: `${root}/service`, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const { startService, devToken, DEMO_TEAM } = await import('../service/dist/server.js');
const vitePort = await freePort(5173);
const secret = process.env.MEND_JWT_SECRET ?? randomBytes(32).toString('hex');
const tenant = 'demo';
const service = await startService({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.MEND_DATA_DIR ?? `${root}/.tmp/mend-demo-data`,
  auth: { secret },
  origins: [`http://127.0.0.1:${vitePort}`, `http://localhost:${vitePort}`],
  port: Number(process.env.MEND_PORT ?? 0),
  seedTenant: tenant,
  demoReset: true, // the demo's "Reset demo data" restores the service's tenant too
});
const token = await devToken(secret, { tenant, agentId: 'agent-dana', role: 'agent', team: DEMO_TEAM });
const lead = await devToken(secret, { tenant, agentId: 'agent-sam', role: 'lead', team: DEMO_TEAM });
console.log(`[mend] service on ${service.db.kind}: ${service.url}  (OpenAPI: ${service.url}/v1/openapi.json)`);
console.log(`[mend] the lead's token (Sam Okafor, the Team lead tab): LEAD=${lead}`);
const vite = spawn(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, '--config', 'vite.config.ts', '--port', String(vitePort), '--strictPort', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, VITE_MEND_SERVICE: JSON.stringify({ url: service.url, token, leadToken: lead }) },
});
const stop = async (code = 0) => {
  vite.kill('SIGTERM');
  await service.close().catch(() => {});
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
vite.on('exit', (code) => void stop(code ?? 0));
