/** The demo data of the library (`demoSeed()`), written into a tenant once (never over existing data). */
import { demoSeed, DEMO_IDS } from '../../src/adapter/demo-data.js';
import type { Db } from './db.js';
import type { Store } from './store.js';

export const DEMO_TEAM = 'team-north';

export async function seedDemo(store: Store, tenant: string, options: { force?: boolean } = {}): Promise<boolean> {
  const db: Db = store.db;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7243902)');
    const [seeded] = await tx.query('SELECT 1 FROM agents WHERE tenant = $1 LIMIT 1', [tenant]);
    if (seeded && !options.force) return false;
    if (options.force) for (const table of ['agents', 'funds', 'ledger_entries', 'ledger_decisions', 'idempotency', 'policies', 'taxonomies', 'causes', 'customers', 'interactions', 'records', 'events'])
      await tx.query(`DELETE FROM ${table} WHERE tenant = $1`, [tenant]);
    const seed = demoSeed(store.now());
    for (const a of seed.agents ?? []) await tx.query('INSERT INTO agents (tenant, id, name, role, team) VALUES ($1, $2, $3, $4, $5)', [tenant, a.id, a.name, a.role, DEMO_TEAM]);
    for (const f of seed.funds ?? []) {
      await tx.query(
        `INSERT INTO funds (tenant, agent_id, currency, budget, spent, pending, per_action_cap, approval_threshold, period, period_start, period_end, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [tenant, f.agentId, f.currency, f.budget, f.spent, f.pending, f.perActionCap, f.approvalThreshold, f.period, f.periodStart, f.periodEnd, f.version],
      );
      for (const e of f.ledger)
        await tx.query(
          `INSERT INTO ledger_entries (tenant, id, agent_id, at, amount, currency, reason, interaction_id, offer_id, note, status, period_start)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [tenant, e.id, f.agentId, e.at, e.amount, f.currency, e.reason, e.interactionId, e.offerId ?? null, e.note ?? null, e.status, f.periodStart],
        );
    }
    if (seed.policy) await tx.query("INSERT INTO policies (tenant, team, policy) VALUES ($1, '', $2)", [tenant, JSON.stringify(seed.policy)]);
    for (const h of seed.histories ?? [])
      await tx.query('INSERT INTO customers (tenant, id, name, tier, incidents) VALUES ($1, $2, $3, $4, $5)', [tenant, h.customer.id, h.customer.name, h.customer.tier ?? null, JSON.stringify(h.incidents)]);
    let ord = 0;
    for (const i of seed.interactions ?? [])
      await tx.query('INSERT INTO interactions (tenant, id, agent_id, ord, interaction) VALUES ($1, $2, $3, $4, $5)', [tenant, i.id, DEMO_IDS.agent, ord++, JSON.stringify(i)]);
    if (seed.taxonomy) await store.importTaxonomy(tx, tenant, seed.taxonomy);
    // Recent root causes, spread over the last 6 days (as the in-browser CRM seeds them).
    const now = store.now();
    for (const { causeId, count } of seed.recurrence ?? [])
      for (let n = 0; n < count; n++) {
        const at = new Date(now - ((n * 6 * 86_400_000) / count + 60_000)).toISOString();
        const payload = { idempotencyKey: `seed-${causeId}-${n}`, interactionId: 'seed', customerId: 'seed', at, problem: 'Seeded', causeId, departmentId: 'seed', resolution: 'Seeded', notifyDepartment: false };
        await tx.query("INSERT INTO records (tenant, id, kind, agent_id, customer_id, interaction_id, cause_id, payload, applied_at) VALUES ($1, $2, 'logRootCause', $3, 'seed', 'seed', $4, $5, $6)", [
          tenant, `seed-${causeId}-${n}`, DEMO_IDS.agent, causeId, JSON.stringify(payload), at,
        ]);
      }
    return true;
  });
}
