// Runs the service's node tests on PGlite and on a throw-away PostgreSQL (scripts/pg.mjs), which
// is stopped and deleted at the end whatever happens. `node --test` prints the summary CI reads.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../../scripts/pg.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
// Type-check and build the service first.
for (const args of [[join(here, '../../node_modules/typescript/bin/tsc'), '-p', join(here, '../tsconfig.json')], [join(here, '../build.mjs')]]) {
  const r = spawnSync(process.execPath, args, { cwd: join(here, '..'), stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const pg = await startPostgres();
let status = 1;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (pg.stop(), process.exit(1)));
try {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : ['pglite.test.mjs', 'postgres.test.mjs'];
  const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    cwd: here,
    stdio: 'inherit',
    env: { ...process.env, MEND_TEST_DATABASE_URL: pg.url },
  });
  status = result.status ?? 1;
} finally {
  pg.stop();
}
process.exit(status);
