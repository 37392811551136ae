// A throw-away PostgreSQL server for the tests and the bench: Debian's `postgresql` package,
// `initdb` into a temporary folder, a free port on 127.0.0.1, stopped (by its own pg_ctl and data
// folder, never by name) and deleted at the end. No Docker. As root, it runs as the `postgres` user.
//
//   const pg = await startPostgres();   // { url, port, dir, stop(), restart() }
//   node scripts/pg.mjs -- <command...> runs a command with DATABASE_URL set, then stops the server.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from './free-port.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/N/bin, else PATH. */
export function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? join(found, '..') : null;
}

const asRoot = process.getuid?.() === 0;

/** Run a PostgreSQL program, as `postgres` when we are root (initdb refuses root). */
function pgRun(bin, program, args, options = {}) {
  const file = join(bin, program);
  return asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe', ...options })
    : execFileSync(file, args, { stdio: 'pipe', ...options });
}

export async function startPostgres({ quiet = true } = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql), or set PG_BIN.');
  const dir = mkdtempSync(join(tmpdir(), 'mend-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  pgRun(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=300 -c shared_buffers=64MB`;
  const start = () => pgRun(bin, 'pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const stopServer = (mode = 'fast') => {
    try {
      pgRun(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    } catch {
      /* already stopped */
    }
  };
  start();
  if (!quiet) console.log(`postgres: 127.0.0.1:${port} (${dir})`);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    /** Restart the server (the bench's fault: connections drop, the data stays). */
    restart(mode = 'fast') {
      stopServer(mode);
      start();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// CLI: node scripts/pg.mjs -- command args...
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sep = process.argv.indexOf('--');
  const command = sep >= 0 ? process.argv.slice(sep + 1) : [];
  const pg = await startPostgres({ quiet: false });
  const stop = () => pg.stop();
  process.on('SIGINT', () => (stop(), process.exit(130)));
  process.on('SIGTERM', () => (stop(), process.exit(143)));
  if (!command.length) {
    console.log(`DATABASE_URL=${pg.url} (Ctrl-C stops it)`);
    await new Promise(() => {});
  }
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, DATABASE_URL: pg.url } });
  child.on('exit', (code, signal) => {
    stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
