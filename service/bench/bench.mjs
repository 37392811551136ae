// The service's bench (`npm run bench` runs it after the widgets' bench; alone:
// `node service/bench/bench.mjs [--quick]`). Writes bench/service-results.md.
//
// - Throughput and latency: spends per second and p50/p99 with 1, 50 and 500 concurrent agents
//   (each spending from their own fund, one request after the other), on PGlite and on
//   PostgreSQL, each beside a trivial authenticated request (GET /v1/ping) through the same stack
//   in the same run. The service runs in its own process.
// - Faults: the service process is killed (SIGKILL) during a burst of spends while the clients
//   retry with the same keys, then restarted: every key must apply exactly once and the ledger
//   sums must match. PostgreSQL is restarted under load: the service must recover by itself and no
//   acknowledged spend may be lost.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { freePort } from '../../scripts/free-port.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../../scripts/pg.mjs';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(serviceDir, '..');
const quick = process.argv.includes('--quick');
const SECONDS = quick ? 2 : 6;
const LEVELS = [1, 50, 500];
const SECRET = `bench-${randomUUID()}`;
const TENANT = 'bench';
const started = Date.now();
const log = (...a) => console.log(`[service bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...a);

spawnSync(process.execPath, ['build.mjs'], { cwd: serviceDir, stdio: 'inherit' });
const { devToken } = await import('../dist/auth.js');

/** The service as a child process (`node dist/main.js`), on a fixed port so it can be restarted. */
async function spawnService(env, port) {
  const child = spawn(process.execPath, [join(serviceDir, 'dist/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', MEND_JWT_SECRET: SECRET, MEND_POOL_SIZE: '30' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before listening`)));
  });
  child.stdout.resume();
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
const stopChild = (child, signal = 'SIGTERM') =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', resolve);
    child.kill(signal);
  });

const token = (agentId, role = 'agent', team = 'bench-team') => devToken(SECRET, { tenant: TENANT, agentId, role, team });

async function call(url, method, path, tok, body, key) {
  const headers = { authorization: `Bearer ${tok}` };
  if (body) headers['content-type'] = 'application/json';
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(url + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Agents a-0..a-(n-1), each with a fund large enough never to run out. */
async function provision(url, n, prefix) {
  const admin = await token('bench-admin', 'admin', '');
  for (let i = 0; i < n; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        call(url, 'PUT', `/v1/agents/${prefix}${i + j}`, admin, { name: `Agent ${i + j}`, role: 'agent', team: 'bench-team', fund: { currency: 'USD', budget: 1e12, perActionCap: 10_000, approvalThreshold: 5_000, period: 'quarter' } }, randomUUID()).then((r) => {
          if (r.status !== 200) throw new Error(`provision: ${r.status} ${JSON.stringify(r.body)}`);
        }),
      ),
    );
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `agents` loops of `step` for SECONDS; requests per second and latency percentiles (ms). */
async function load(agents, step) {
  const latencies = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    agents.map(async (agent) => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await step(agent).catch(() => false);
        if (ok) latencies.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), n: latencies.length, errors };
}

async function throughput(db, env) {
  const port = await freePort();
  const child = await spawnService(env, port);
  const url = `http://127.0.0.1:${port}`;
  const rows = [];
  try {
    for (const level of LEVELS) {
      const prefix = `${db}-${level}-`;
      await provision(url, level, prefix);
      const agents = await Promise.all(
        Array.from({ length: level }, async (_, i) => {
          const id = `${prefix}${i}`;
          const tok = await token(id);
          const fund = (await call(url, 'GET', `/v1/funds/${id}`, tok)).body;
          return { id, tok, version: fund.version };
        }),
      );
      const ping = await load(agents, async (a) => (await call(url, 'GET', '/v1/ping', a.tok)).status === 200);
      const spends = await load(agents, async (a) => {
        const k = randomUUID();
        const r = await call(url, 'POST', `/v1/funds/${a.id}/spends`, a.tok, { idempotencyKey: k, interactionId: 'bench', customerId: 'bench', at: new Date().toISOString(), agentId: a.id, amount: 100, currency: 'USD', reason: 'goodwill', expectedVersion: a.version }, k);
        if (r.status !== 200) return false;
        a.version = r.body.fund.version;
        return r.body.status === 'done';
      });
      log(`${db} ${level} agents: spends ${spends.rps.toFixed(0)}/s p50 ${spends.p50.toFixed(1)} ms p99 ${spends.p99.toFixed(1)} ms; ping ${ping.rps.toFixed(0)}/s p50 ${ping.p50.toFixed(1)} ms p99 ${ping.p99.toFixed(1)} ms`);
      rows.push({ db, level, spends, ping });
    }
  } finally {
    await stopChild(child);
  }
  return rows;
}

/** Spend `keys` (per agent, in order) with retries on any failure, same key and body each time. */
function retryingClient(url, agent, count, acknowledged) {
  return (async () => {
    for (let i = 0; i < count; i++) {
      const k = `${agent.id}-k${i}`;
      const amount = 1 + ((i * 37) % 90);
      for (let attempt = 0; ; attempt++) {
        try {
          const body = { idempotencyKey: k, interactionId: 'fault', customerId: 'fault', at: new Date(0).toISOString(), agentId: agent.id, amount, currency: 'USD', reason: 'goodwill', expectedVersion: agent.version };
          const r = await call(url, 'POST', `/v1/funds/${agent.id}/spends`, agent.tok, body, k);
          if (r.status === 200) {
            agent.version = r.body.fund.version;
            acknowledged.push({ agent: agent.id, key: k, amount, entryId: r.body.entryId, status: r.body.status });
            break;
          }
          if (r.status < 500) throw new Error(`spend ${k}: ${r.status} ${JSON.stringify(r.body)}`);
        } catch (error) {
          if (String(error.message).startsWith('spend ')) throw error;
        }
        await new Promise((r) => setTimeout(r, 50 + Math.min(attempt, 20) * 25)); // the service is away: retry
      }
    }
  })();
}

async function verify(pgUrl, acknowledged, agents) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const ids = agents.map((a) => a.id);
    const entries = (await client.query('SELECT agent_id, id, amount FROM ledger_entries WHERE tenant = $1 AND agent_id = ANY($2)', [TENANT, ids])).rows;
    const funds = (await client.query('SELECT agent_id, spent FROM funds WHERE tenant = $1 AND agent_id = ANY($2)', [TENANT, ids])).rows;
    const keys = (await client.query("SELECT count(*)::int AS n FROM idempotency WHERE tenant = $1 AND kind = 'spend' AND key LIKE ANY($2)", [TENANT, ids.map((i) => `${i}-k%`)])).rows[0].n;
    const byId = new Set(entries.map((e) => e.id));
    const lost = acknowledged.filter((a) => !byId.has(a.entryId)).length;
    const ackKeys = new Set(acknowledged.map((a) => a.key));
    const sums = funds.every((f) => Number(f.spent) === entries.filter((e) => e.agent_id === f.agent_id).reduce((s, e) => s + Number(e.amount), 0));
    const expected = new Map();
    for (const a of acknowledged) expected.set(a.agent, (expected.get(a.agent) ?? 0) + a.amount);
    const matches = funds.every((f) => Number(f.spent) === (expected.get(f.agent_id) ?? 0));
    return { acknowledged: acknowledged.length, keys: ackKeys.size, entries: entries.length, idempotencyKeys: keys, lost, exactlyOnce: entries.length === ackKeys.size && keys === ackKeys.size, sums: sums && matches };
  } finally {
    await client.end();
  }
}

/**
 * 50 agents on a service process on PostgreSQL, each spending `count` times with retries; resolves
 * once a third of the spends are acknowledged (the burst goes on). `state.failed` holds a client's
 * failure (a refusal that is not the service being away).
 */
async function burst(pgServer, prefix) {
  const port = await freePort();
  const env = { DATABASE_URL: pgServer.url };
  const child = await spawnService(env, port);
  const url = `http://127.0.0.1:${port}`;
  const n = 50;
  const count = quick ? 20 : 40;
  await provision(url, n, prefix);
  const agents = await Promise.all(Array.from({ length: n }, async (_, i) => ({ id: `${prefix}${i}`, tok: await token(`${prefix}${i}`), version: 1 })));
  for (const a of agents) a.version = (await call(url, 'GET', `/v1/funds/${a.id}`, a.tok)).body.version;
  const acknowledged = [];
  const state = { failed: null };
  const clients = Promise.all(agents.map((a) => retryingClient(url, a, count, acknowledged)));
  clients.catch((e) => (state.failed = e));
  const until = async (done) => {
    while (!done() && !state.failed) await new Promise((r) => setTimeout(r, 5));
    if (state.failed) throw state.failed;
  };
  return { env, port, url, child, agents, acknowledged, clients, state, until, third: (n * count) / 3 };
}

async function killTest(pgServer) {
  const b = await burst(pgServer, 'kill-');
  // Mid-burst: SIGKILL, then a new process on the same port.
  await b.until(() => b.acknowledged.length >= b.third);
  const before = b.acknowledged.length;
  await stopChild(b.child, 'SIGKILL');
  const killedAt = performance.now();
  const child = await spawnService(b.env, b.port);
  const back = performance.now() - killedAt;
  await b.clients;
  await stopChild(child);
  const result = await verify(pgServer.url, b.acknowledged, b.agents);
  log(`kill -9 after ${before} spends, restarted in ${back.toFixed(0)} ms:`, JSON.stringify(result));
  return { ...result, before, restartMs: back };
}

async function pgRestartTest(pgServer) {
  const { child, agents, acknowledged, clients, state, until, third, url } = await burst(pgServer, 'pgr-');
  child.once('exit', (code, signal) => (state.failed ??= new Error(`the service process died (${code ?? signal}) when PostgreSQL restarted`)));
  await until(() => acknowledged.length >= third);
  const before = acknowledged.length;
  const t = performance.now();
  pgServer.restart('fast');
  const restarted = performance.now() - t;
  const afterRestart = acknowledged.length;
  // Recovered: the first spend acknowledged after PostgreSQL is back.
  await until(() => acknowledged.length > afterRestart);
  const recoveredMs = performance.now() - t;
  await Promise.race([clients, new Promise((_, reject) => child.once('exit', () => reject(state.failed)))]);
  const ping = await call(url, 'GET', '/v1/ping', agents[0].tok);
  await stopChild(child);
  const result = await verify(pgServer.url, acknowledged, agents);
  log(`PostgreSQL restarted (${restarted.toFixed(0)} ms) after ${before} spends; first spend acknowledged ${recoveredMs.toFixed(0)} ms after the restart began:`, JSON.stringify(result));
  return { ...result, before, restartMs: restarted, recoveredMs, serviceUp: ping.status === 200 };
}

const pgServer = await startPostgres();
const dataDir = mkdtempSync(join(tmpdir(), 'mend-bench-pglite-'));
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    for (const c of children) c.kill('SIGKILL');
    pgServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  });
let exitCode = 0;
try {
  const rows = [...(await throughput('PGlite', { MEND_DATA_DIR: dataDir })), ...(await throughput('PostgreSQL', { DATABASE_URL: pgServer.url }))];
  const kill = await killTest(pgServer);
  const restart = await pgRestartTest(pgServer);
  const machine = `${cpus()[0]?.model?.trim()} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${new Date().toISOString()}`;
  const f = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');
  const lines = [
    '# Service bench results',
    '',
    `Written by \`npm run bench\` (service/bench/bench.mjs${quick ? ', --quick' : ''}). Machine: ${machine}. Each level runs ${SECONDS} s;`,
    'agents spend from their own funds one request after the other (a spend takes its fund\'s row lock), beside',
    'a trivial authenticated request (GET /v1/ping: JWT check, routing, JSON) through the same stack in the same run.',
    'The service runs as its own Node process (one instance); the load comes from another process on the same machine.',
    '',
    '| database | agents | spends/s | spend p50 ms | spend p99 ms | ping/s | ping p50 ms | ping p99 ms | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.db} | ${r.level} | ${f(r.spends.rps, 0)} | ${f(r.spends.p50)} | ${f(r.spends.p99)} | ${f(r.ping.rps, 0)} | ${f(r.ping.p50)} | ${f(r.ping.p99)} | ${r.spends.errors + r.ping.errors} |`),
    '',
    '## Faults (PostgreSQL)',
    '',
    '| fault | acknowledged spends | distinct keys | ledger entries | keys stored | lost | exactly once | sums match | recovery |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| service killed (SIGKILL) after ${kill.before} spends, restarted | ${kill.acknowledged} | ${kill.keys} | ${kill.entries} | ${kill.idempotencyKeys} | ${kill.lost} | ${kill.exactlyOnce ? 'yes' : 'NO'} | ${kill.sums ? 'yes' : 'NO'} | new process listening after ${f(kill.restartMs, 0)} ms |`,
    `| PostgreSQL restarted (fast) after ${restart.before} spends | ${restart.acknowledged} | ${restart.keys} | ${restart.entries} | ${restart.idempotencyKeys} | ${restart.lost} | ${restart.exactlyOnce ? 'yes' : 'NO'} | ${restart.sums ? 'yes' : 'NO'} | first spend acknowledged ${f(restart.recoveredMs, 0)} ms after the restart began (restart took ${f(restart.restartMs, 0)} ms); service up: ${restart.serviceUp ? 'yes' : 'NO'} |`,
    '',
  ];
  const text = lines.join('\n');
  console.log('\n' + text);
  if (!quick) writeFileSync(join(root, 'bench/service-results.md'), text);
  if (!kill.exactlyOnce || !kill.sums || kill.lost || !restart.exactlyOnce || !restart.sums || restart.lost || !restart.serviceUp) {
    console.error('service bench: a fault check FAILED');
    exitCode = 1;
  }
} catch (error) {
  console.error('service bench crashed:', error);
  exitCode = 1;
} finally {
  pgServer.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
