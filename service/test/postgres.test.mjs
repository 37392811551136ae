// The service's suite on a real PostgreSQL server: MEND_TEST_DATABASE_URL, set by test/run.mjs
// (which starts a throw-away server with scripts/pg.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DANA, start, tenant } from './helpers.mjs';
import { serviceSuite } from './suite.mjs';

const url = process.env.MEND_TEST_DATABASE_URL;
if (!url) throw new Error('MEND_TEST_DATABASE_URL is not set: run the service tests with `node service/test/run.mjs`.');
serviceSuite('PostgreSQL', () => url);

// Only a server has concurrent transactions (PGlite runs one at a time): a fund read must not wait
// for a spend that holds the fund's row lock, nor hold one up.
describe('Mend service on PostgreSQL: locks', () => {
  it('reads a fund while a spend holds its row lock', { timeout: 60_000 }, async () => {
    const service = await start(url);
    let release = () => {};
    try {
      const { id, dana } = await tenant(service);
      const held = new Promise((resolve) => (release = resolve));
      let locked;
      const isLocked = new Promise((resolve) => (locked = resolve));
      const spend = service.db.transaction(async (tx) => {
        await tx.query('SELECT version FROM funds WHERE tenant = $1 AND agent_id = $2 FOR UPDATE', [id, DANA]);
        locked();
        await held;
      });
      await isLocked;
      const read = await dana.get(`/v1/funds/${DANA}`); // before: waited for the lock (this test timed out)
      assert.equal(read.status, 200);
      assert.equal(read.body.agentId, DANA);
      release();
      await spend;
    } finally {
      release();
      await service.close();
    }
  });
});
