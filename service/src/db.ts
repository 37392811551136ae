/**
 * One small database interface over two drivers: PGlite (real PostgreSQL in WASM, in a data folder:
 * the embedded default) and a PostgreSQL server through `pg` (`DATABASE_URL`). The ledger's rules
 * run inside {@link Db.transaction}; nothing about money is decided in process memory.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';

export interface Tx {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Db extends Tx {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction (READ COMMITTED, row locks); retried on serialization failures and deadlocks. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Listen to a NOTIFY channel; returns the function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const RETRY_CODES = new Set(['40001', '40P01']);

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < 5 && RETRY_CODES.has((error as { code?: string }).code ?? '')) continue;
      throw error;
    }
  }
}

/** PGlite in `dataDir` (`memory://` for a throw-away database). */
export async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const query = async <R>(sql: string, params?: unknown[]) => (await pg.query<R>(sql, params)).rows;
  return {
    kind: 'pglite',
    query,
    transaction: (fn) =>
      withRetry(() => pg.transaction((tx) => fn({ query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows }))),
    async listen(channel, onNotify) {
      const off = await pg.listen(channel, onNotify);
      return async () => off();
    },
    close: () => pg.close(),
  };
}

/** A PostgreSQL server (`postgres://...`), through a pool. */
export async function openPostgres(url: string, poolSize = 20): Promise<Db> {
  const { default: pg } = await import('pg');
  // bigint columns are minor units within Number.MAX_SAFE_INTEGER: read them as numbers.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // A server restart ends every connection with an 'error' event (idle or checked out, between two
  // queries too): the calls on it fail and are retried by their clients; the process must not
  // crash. The pool drops ended connections and opens new ones.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const query = async <R>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as R[];
  return {
    kind: 'postgres',
    query,
    transaction: (fn) =>
      withRetry(async () => {
        const client = await pool.connect();
        let broken = false;
        // A server restart ends a checked-out connection with an 'error' event: the call fails (and
        // is retried by its client), the process must not.
        const onError = () => (broken = true);
        client.on('error', onError);
        try {
          await client.query('BEGIN');
          const result = await fn({ query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[] });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => (broken = true));
          throw error;
        } finally {
          client.off('error', onError);
          client.release(broken);
        }
      }),
    async listen(channel, onNotify) {
      // A dedicated connection, re-opened when the server goes away.
      let client: InstanceType<typeof pg.Client> | null = null;
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      const connect = async (): Promise<void> => {
        if (stopped) return;
        const c = new pg.Client({ connectionString: url });
        c.on('error', () => {});
        c.on('end', () => {
          if (!stopped) timer = setTimeout(() => void connect(), 500);
        });
        c.on('notification', (n) => onNotify(n.payload ?? ''));
        try {
          await c.connect();
          await c.query(`LISTEN ${channel}`);
          client = c;
          onNotify(''); // (re)connected: catch up with anything missed
        } catch {
          c.end().catch(() => {});
        }
      };
      await connect();
      return async () => {
        stopped = true;
        clearTimeout(timer);
        await client?.end().catch(() => {});
      };
    },
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` if set, else PGlite in `dataDir`. */
export function openDb(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize) : openPglite(options.dataDir ?? 'memory://');
}

/**
 * Apply the versioned migrations (`NNN_name.sql`) not yet applied, each in its own transaction,
 * under an advisory lock so that two instances starting together apply each once. Safe to run twice.
 */
export async function migrate(db: Db, dir: string): Promise<number[]> {
  const files = readdirSync(dir).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7243901)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    for (const file of files) {
      const version = Number(file.split('_')[0]);
      if (done.has(version)) continue;
      for (const statement of splitSql(readFileSync(`${dir}/${file}`, 'utf8'))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
      applied.push(version);
    }
  });
  return applied;
}

/** Statements of a migration file (split on `;` at line ends; the files hold no functions). */
function splitSql(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
