/**
 * The service's data, on PostgreSQL. Every write runs in one transaction that also stores its
 * answer under its idempotency key: a replay answers the first answer, another body under the same
 * key is refused (`422`). A spend locks its fund's row (`SELECT ... FOR UPDATE`) so that spends on
 * one fund are decided one after the other, whatever instance serves them; the decision itself is
 * the library's own rule (`decideSpend` of `src/adapter/enforce.ts`, `src/core/fund.ts`).
 */
import { createHash } from 'node:crypto';
import type { CustomerHistory, Fund, Incident, Interaction, LedgerEntry, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../../src/core/model.js';
import { addPeriod, rollOver, settleSpend } from '../../src/core/fund.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import { decideSpend, newId, notFound, type Served } from '../../src/adapter/enforce.js';
import { approvalItem, reportPeriod } from '../../src/adapter/lead-crm.js';
import { HostError } from '../../src/adapter/errors.js';
import type { HostWrites, RecoveryRecord, SpendRequest, SpendResult, WriteKind, WriteReceipt } from '../../src/adapter/host-adapter.js';
import type { ApprovalDecided, ApprovalDecision, ApprovalItem, ReportData, ReportQuery } from '../../src/adapter/lead.js';
import type { Db, Tx } from './db.js';

/** Who is calling, from the verified token. */
export interface Principal {
  tenant: string;
  agentId: string;
  role: 'agent' | 'lead' | 'admin';
  team: string;
}

export interface AgentRow {
  id: string;
  name: string;
  role: string;
  team: string;
}

export const EVENT_CHANNEL = 'mend_events';
export const EVENT_TYPES = ['fundChanged', 'approvalRequested', 'approvalDecided'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const forbidden = (message: string) => new HostError('permission', message, { retryable: false });

/** A stable hash of a validated body (its keys are in schema order). */
export function bodyHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const FUND_COLUMNS = 'agent_id, currency, budget, spent, pending, per_action_cap, approval_threshold, period, period_start, period_end, version';

interface FundRow {
  agent_id: string;
  currency: string;
  budget: number;
  spent: number;
  pending: number;
  per_action_cap: number;
  approval_threshold: number;
  period: Fund['period'];
  period_start: unknown;
  period_end: unknown;
  version: number;
}

export class Store {
  constructor(
    readonly db: Db,
    readonly now: () => number = Date.now,
  ) {}

  // ---- who may ----

  async agent(tx: Tx, tenant: string, agentId: string): Promise<AgentRow | undefined> {
    const [row] = await tx.query<AgentRow>('SELECT id, name, role, team FROM agents WHERE tenant = $1 AND id = $2', [tenant, agentId]);
    return row;
  }

  /** An agent reads only their own fund; a lead their team's; an admin any in the tenant. */
  async mayRead(tx: Tx, who: Principal, agentId: string): Promise<AgentRow> {
    if (who.role === 'agent' && who.agentId !== agentId) throw forbidden('An agent reads only their own fund.');
    const agent = await this.agent(tx, who.tenant, agentId);
    if (who.role === 'lead' && who.agentId !== agentId && agent?.team !== who.team) throw forbidden('A lead reads only the funds of their own team.');
    if (!agent) throw notFound(`The fund of agent "${agentId}"`);
    return agent;
  }

  // ---- funds ----

  async #fund(tx: Tx, tenant: string, agentId: string, lock: boolean): Promise<Fund | undefined> {
    const [row] = await tx.query<FundRow>(
      `SELECT ${FUND_COLUMNS} FROM funds WHERE tenant = $1 AND agent_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenant, agentId],
    );
    if (!row) return undefined;
    const read = fundOf(row);
    // Period roll-over: a read sees the new period; the row moves to it under the row lock (a
    // spend), with the same version the read showed (rollOver depends only on the row and now).
    const fund = rollOver(read, this.now());
    if (fund !== read && lock) {
      await tx.query('UPDATE funds SET spent = $3, period_start = $4, period_end = $5, version = $6 WHERE tenant = $1 AND agent_id = $2', [
        tenant, agentId, fund.spent, fund.periodStart, fund.periodEnd, fund.version,
      ]);
    }
    const entries = await tx.query<{
      id: string; at: unknown; amount: number; reason: string; interaction_id: string; offer_id: string | null; note: string | null; status: LedgerEntry['status'];
    }>(
      `SELECT e.id, e.at, e.amount, e.reason, e.interaction_id, e.offer_id, e.note, COALESCE(d.outcome, e.status) AS status
         FROM ledger_entries e LEFT JOIN ledger_decisions d ON d.tenant = e.tenant AND d.entry_id = e.id
        WHERE e.tenant = $1 AND e.agent_id = $2
          AND (e.period_start >= $3 OR d.at >= $3 OR (e.status = 'pending_approval' AND d.entry_id IS NULL))
        ORDER BY e.seq`,
      [tenant, agentId, fund.periodStart],
    );
    fund.ledger = entries.map((e) => ({
      id: e.id,
      at: iso(e.at),
      amount: Number(e.amount),
      reason: e.reason,
      interactionId: e.interaction_id,
      ...(e.offer_id != null ? { offerId: e.offer_id } : {}),
      status: e.status,
      ...(e.note != null ? { note: e.note } : {}),
    }));
    return fund;
  }

  /** The fund for the current period (rolled over when the period ended). */
  getFund(who: Principal, agentId: string): Promise<Fund> {
    return this.db.transaction(async (tx) => {
      await this.mayRead(tx, who, agentId);
      // A read takes no row lock: it never waits for a spend, nor holds one up.
      return (await this.#fund(tx, who.tenant, agentId, false)) ?? Promise.reject(notFound(`The fund of agent "${agentId}"`));
    });
  }

  /** First answer under a key, or undefined; another body under the key is `422`. */
  async #replay<T>(tx: Tx, tenant: string, kind: string, key: string, hash: string): Promise<T | undefined> {
    const [first] = await tx.query<{ request_hash: string; answer: T }>('SELECT request_hash, answer FROM idempotency WHERE tenant = $1 AND kind = $2 AND key = $3', [tenant, kind, key]);
    if (!first) return undefined;
    if (first.request_hash !== hash) throw new KeyReuseError();
    return first.answer;
  }

  async #remember(tx: Tx, tenant: string, kind: string, key: string, hash: string, answer: unknown): Promise<boolean> {
    const rows = await tx.query('INSERT INTO idempotency (tenant, kind, key, request_hash, status, answer) VALUES ($1, $2, $3, $4, 200, $5) ON CONFLICT DO NOTHING RETURNING key', [
      tenant, kind, key, hash, JSON.stringify(answer),
    ]);
    return rows.length === 1;
  }

  /** Append events (one statement) and wake every instance's streams (delivered at commit). */
  async #events(tx: Tx, tenant: string, agent: AgentRow, events: Array<[EventType, unknown]>): Promise<void> {
    const values = events.map((_, i) => `($1, $2, $3, $${4 + 2 * i}, $${5 + 2 * i})`).join(', ');
    await tx.query(`WITH e AS (INSERT INTO events (tenant, agent_id, team, type, payload) VALUES ${values} RETURNING 1) SELECT pg_notify('${EVENT_CHANNEL}', $1) FROM e LIMIT 1`, [
      tenant, agent.id, agent.team, ...events.flatMap(([type, payload]) => [type, JSON.stringify(payload)]),
    ]);
  }

  async policyFor(tx: Tx, tenant: string, team: string): Promise<RecoveryPolicy> {
    const rows = await tx.query<{ team: string; policy: RecoveryPolicy }>("SELECT team, policy FROM policies WHERE tenant = $1 AND team IN ($2, '') ORDER BY team DESC", [tenant, team]);
    return rows[0]?.policy ?? DEFAULT_POLICY;
  }

  /** A spend from the caller's own fund: done, pending approval (reserved) or rejected. */
  spend(who: Principal, request: SpendRequest): Promise<Served<SpendResult>> {
    if (request.agentId !== who.agentId) return Promise.reject(forbidden('An agent spends only from their own fund.'));
    const hash = bodyHash(request);
    return this.db.transaction(async (tx) => {
      // The fund's row lock orders every spend on this fund, on every instance.
      const fund = await this.#fund(tx, who.tenant, request.agentId, true);
      const first = await this.#replay<SpendResult>(tx, who.tenant, 'spend', request.idempotencyKey, hash);
      if (first) return { answer: first, applied: false };
      const [row] = await tx.query<AgentRow & { policy: RecoveryPolicy | null }>(
        `SELECT a.id, a.name, a.role, a.team,
                (SELECT p.policy FROM policies p WHERE p.tenant = a.tenant AND p.team IN (a.team, '') ORDER BY p.team DESC LIMIT 1) AS policy
           FROM agents a WHERE a.tenant = $1 AND a.id = $2`,
        [who.tenant, request.agentId],
      );
      if (!fund || !row) throw notFound(`The fund of agent "${request.agentId}"`);
      const { policy: stored, ...agent } = row;
      const policy = stored ?? DEFAULT_POLICY;
      const { result } = decideSpend(fund, undefined, request, policy, agent, this.now());
      const answer = result.answer;
      if (answer.status !== 'rejected') {
        const entry = answer.fund.ledger.at(-1)!;
        await tx.query(
          `INSERT INTO ledger_entries (tenant, id, agent_id, at, amount, currency, reason, interaction_id, offer_id, note, status, period_start, customer_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [who.tenant, entry.id, fund.agentId, entry.at, entry.amount, fund.currency, entry.reason, entry.interactionId, entry.offerId ?? null, entry.note ?? null, entry.status, fund.periodStart, request.customerId || null],
        );
        await tx.query('UPDATE funds SET spent = $3, pending = $4, version = $5 WHERE tenant = $1 AND agent_id = $2', [
          who.tenant, fund.agentId, answer.fund.spent, answer.fund.pending, answer.fund.version,
        ]);
        const events: Array<[EventType, unknown]> = [['fundChanged', { fund: answer.fund }]];
        if (answer.status === 'pending_approval') {
          // The fund after the spend is known here: not read again (with its ledger) under the lock.
          const [item] = await this.#approvalItems(tx, who.tenant, { entryId: entry.id }, policy, answer.fund);
          if (item) events.push(['approvalRequested', { item }]);
        }
        await this.#events(tx, who.tenant, agent, events);
      }
      await this.#remember(tx, who.tenant, 'spend', request.idempotencyKey, hash, answer);
      return { answer, applied: true };
    });
  }

  /**
   * A lead's (or admin's) decision on a spend pending approval, in the caller's own name. Exactly
   * once: a replayed key answers the first receipt; a second decision on the entry, whatever its key,
   * is a `conflict` naming who decided (`details.decidedBy`, `details.approved`). A lead decides only
   * for their own team, never on their own spend; an agent never.
   */
  decide(who: Principal, decision: ApprovalDecision): Promise<Served<WriteReceipt>> {
    const hash = bodyHash(decision);
    const { agentId, entryId } = decision;
    return this.db.transaction(async (tx) => {
      if (who.role === 'agent') throw forbidden('Only a lead or an admin decides on a spend.');
      if (decision.leadId !== who.agentId) throw forbidden('A lead decides only in their own name.');
      const agent = await this.agent(tx, who.tenant, agentId);
      if (agentId === who.agentId) throw forbidden('A lead may not decide on their own spend.');
      if (who.role === 'lead' && agent?.team !== who.team) throw forbidden('A lead decides only on the spends of their own team.');
      // The fund's row lock orders this decision after any other on the fund (another lead's too).
      const fund = await this.#fund(tx, who.tenant, agentId, true);
      const first = await this.#replay<WriteReceipt>(tx, who.tenant, 'decision', decision.idempotencyKey, hash);
      if (first) return { answer: first, applied: false };
      const entry = fund?.ledger.find((e) => e.id === entryId);
      if (!fund || !agent || !entry) throw notFound(`Spend "${entryId}"`);
      if (entry.status !== 'pending_approval') {
        const [before] = await tx.query<{ decided_by: string; outcome: string }>('SELECT decided_by, outcome FROM ledger_decisions WHERE tenant = $1 AND entry_id = $2', [who.tenant, entryId]);
        throw new HostError('conflict', 'This spend was already decided.', {
          retryable: false,
          details: { currentVersion: fund.version, approved: (before?.outcome ?? entry.status) === 'done', ...(before ? { decidedBy: before.decided_by } : {}) },
        });
      }
      const outcome = decision.approve ? 'done' : 'rejected';
      const next = settleSpend(fund, entryId, outcome);
      const note = decision.note || undefined;
      await tx.query('INSERT INTO ledger_decisions (tenant, entry_id, agent_id, outcome, decided_by, note) VALUES ($1, $2, $3, $4, $5, $6)', [who.tenant, entryId, agentId, outcome, who.agentId, note ?? null]);
      await tx.query('UPDATE funds SET spent = $3, pending = $4, version = $5 WHERE tenant = $1 AND agent_id = $2', [who.tenant, agentId, next.spent, next.pending, next.version]);
      const decided: ApprovalDecided = { entryId, agentId, approved: decision.approve, decidedBy: who.agentId, ...(note ? { note } : {}) };
      await this.#events(tx, who.tenant, agent, [
        ['fundChanged', { fund: next }],
        ['approvalDecided', decided],
      ]);
      const answer: WriteReceipt = { id: newId('decision') };
      await this.#remember(tx, who.tenant, 'decision', decision.idempotencyKey, hash, answer);
      return { answer, applied: true };
    });
  }

  /** The spends of the caller's team (lead) or tenant (admin) waiting for a decision, oldest first. */
  async approvals(who: Principal): Promise<ApprovalItem[]> {
    if (who.role === 'agent') throw forbidden('Only a lead or an admin sees the spends waiting for approval.');
    return this.db.transaction(async (tx) => this.#approvalItems(tx, who.tenant, who.role === 'admin' ? {} : { team: who.team }, await this.policyFor(tx, who.tenant, who.team)));
  }

  /** Pending spends as queue items: the agent, the customer and their baggage (R4), what is left. */
  async #approvalItems(tx: Tx, tenant: string, where: { team?: string; entryId?: string }, policy: RecoveryPolicy, known?: Fund): Promise<ApprovalItem[]> {
    const rows = await tx.query<{
      agent_id: string; agent_name: string; id: string; at: unknown; amount: number; reason: string; note: string | null; interaction_id: string;
      customer_id: string | null; interaction: Interaction | null;
    }>(
      `SELECT e.agent_id, a.name AS agent_name, e.id, e.at, e.amount, e.reason, e.note, e.interaction_id, e.customer_id, i.interaction
         FROM ledger_entries e
         JOIN agents a ON a.tenant = e.tenant AND a.id = e.agent_id
         LEFT JOIN ledger_decisions d ON d.tenant = e.tenant AND d.entry_id = e.id
         LEFT JOIN interactions i ON i.tenant = e.tenant AND i.id = e.interaction_id
        WHERE e.tenant = $1 AND e.status = 'pending_approval' AND d.entry_id IS NULL
          AND ($2::text IS NULL OR a.team = $2) AND ($3::text IS NULL OR e.id = $3)
        ORDER BY e.at, e.id`,
      [tenant, where.team ?? null, where.entryId ?? null],
    );
    const funds = new Map<string, Fund | undefined>(known ? [[known.agentId, known]] : []);
    const histories = new Map<string, CustomerHistory | undefined>();
    const now = this.now();
    const items: ApprovalItem[] = [];
    for (const r of rows) {
      if (!funds.has(r.agent_id)) funds.set(r.agent_id, await this.#fund(tx, tenant, r.agent_id, false));
      const fund = funds.get(r.agent_id);
      if (!fund) continue;
      const customerId = r.customer_id || r.interaction?.customerId || undefined;
      if (customerId && !histories.has(customerId)) histories.set(customerId, await this.#history(tx, tenant, customerId));
      const history = customerId ? histories.get(customerId) : undefined;
      const entry = { id: r.id, interactionId: r.interaction_id, amount: Number(r.amount), reason: r.reason, ...(r.note ? { note: r.note } : {}), at: iso(r.at) };
      items.push(approvalItem({ entry, fund, agentName: r.agent_name, customerId, interaction: r.interaction ?? undefined, history, policy, now }));
    }
    return items;
  }

  /**
   * The raw rows of the recovery report for the caller's team (lead) or tenant (admin): spends that
   * were not declined and root causes logged in `[from, to)`, the agents with a fund, the
   * departments, and the team's fund for the period. The period defaults to the current one of the
   * caller's fund (else of the team's first); `from` not before `to` is `invalid_request`.
   */
  report(who: Principal, query: ReportQuery): Promise<ReportData> {
    if (who.role === 'agent') return Promise.reject(forbidden('Only a lead or an admin reads the recovery report.'));
    return this.db.transaction(async (tx) => {
      const team = who.role === 'admin' ? null : who.team;
      // The team's funds in one read, without their ledgers (the report needs their periods and budgets).
      const rows = await tx.query<AgentRow & FundRow>(
        `SELECT a.id, a.name, a.role, a.team, ${FUND_COLUMNS.split(', ').map((c) => `f.${c}`).join(', ')}
           FROM agents a JOIN funds f ON f.tenant = a.tenant AND f.agent_id = a.id
          WHERE a.tenant = $1 AND ($2::text IS NULL OR a.team = $2) ORDER BY a.id`,
        [who.tenant, team],
      );
      const agents: AgentRow[] = rows.map((r) => ({ id: r.id, name: r.name, role: r.role, team: r.team }));
      const funds = rows.map((r) => rollOver(fundOf(r), this.now()));
      const own = funds.find((f) => f.agentId === who.agentId) ?? funds[0];
      const { from, to, budget } = reportPeriod(funds, query, this.now(), own);
      const [fromIso, toIso] = [new Date(from).toISOString(), new Date(to).toISOString()];
      const spends = await tx.query<{ agent_id: string; at: unknown; amount: number; reason: string; status: 'done' | 'pending_approval' }>(
        `SELECT e.agent_id, e.at, e.amount, e.reason, COALESCE(d.outcome, e.status) AS status
           FROM ledger_entries e
           JOIN agents a ON a.tenant = e.tenant AND a.id = e.agent_id
           LEFT JOIN ledger_decisions d ON d.tenant = e.tenant AND d.entry_id = e.id
          WHERE e.tenant = $1 AND ($2::text IS NULL OR a.team = $2) AND e.at >= $3 AND e.at < $4 AND COALESCE(d.outcome, e.status) <> 'rejected'
          ORDER BY e.at, e.seq`,
        [who.tenant, team, fromIso, toIso],
      );
      const causes = await tx.query<{ applied_at: unknown; cause_id: string; label: string; department_id: string }>(
        `SELECT r.applied_at, r.cause_id, c.label, c.department_id
           FROM records r
           JOIN agents a ON a.tenant = r.tenant AND a.id = r.agent_id
           JOIN causes c ON c.tenant = r.tenant AND c.id = r.cause_id
          WHERE r.tenant = $1 AND r.kind = 'logRootCause' AND ($2::text IS NULL OR a.team = $2) AND r.applied_at >= $3 AND r.applied_at < $4
          ORDER BY r.applied_at, r.id`,
        [who.tenant, team, fromIso, toIso],
      );
      const [meta] = await tx.query<{ departments: Taxonomy['departments'] }>('SELECT departments FROM taxonomies WHERE tenant = $1', [who.tenant]);
      return {
        from: fromIso,
        to: toIso,
        currency: own?.currency ?? (await this.policyFor(tx, who.tenant, who.team)).currency,
        budget,
        agents: agents.map((a) => ({ id: a.id, name: a.name, role: a.role })),
        departments: meta?.departments ?? [],
        spends: spends.map((s) => ({ agentId: s.agent_id, at: iso(s.at), amount: Number(s.amount), reason: s.reason, status: s.status })),
        causes: causes.map((c) => ({ at: iso(c.applied_at), causeId: c.cause_id, label: c.label, departmentId: c.department_id })),
      };
    });
  }

  /**
   * Provision an agent (admin): name, role, team, and their fund's limits. A new fund starts its
   * period now; an existing one keeps its ledger and gets the new limits (its version goes up).
   */
  putAgent(who: Principal, agent: AgentRow, fund?: Pick<Fund, 'currency' | 'budget' | 'perActionCap' | 'approvalThreshold' | 'period'>): Promise<AgentRow> {
    if (who.role !== 'admin') return Promise.reject(forbidden('Only an admin provisions agents.'));
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO agents (tenant, id, name, role, team) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant, id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, team = EXCLUDED.team', [
        who.tenant, agent.id, agent.name, agent.role, agent.team,
      ]);
      if (fund) {
        const now = this.now();
        await tx.query(
          `INSERT INTO funds (tenant, agent_id, currency, budget, spent, pending, per_action_cap, approval_threshold, period, period_start, period_end, version)
           VALUES ($1, $2, $3, $4, 0, 0, $5, $6, $7, $8, $9, 1)
           ON CONFLICT (tenant, agent_id) DO UPDATE SET budget = EXCLUDED.budget, per_action_cap = EXCLUDED.per_action_cap,
             approval_threshold = EXCLUDED.approval_threshold, version = funds.version + 1`,
          [who.tenant, agent.id, fund.currency, fund.budget, fund.perActionCap, fund.approvalThreshold, fund.period, new Date(now).toISOString(), new Date(addPeriod(now, fund.period)).toISOString()],
        );
      }
      return agent;
    });
  }

  // ---- the other writes ----

  /** Apply a write once under its key; the record is append-only. */
  write<K extends WriteKind>(who: Principal, kind: K, payload: HostWrites[K]): Promise<Served<WriteReceipt>> {
    const hash = bodyHash(payload);
    return this.db.transaction(async (tx) => {
      const first = await this.#replay<WriteReceipt>(tx, who.tenant, kind, payload.idempotencyKey, hash);
      if (first) return { answer: first, applied: false };
      const answer: WriteReceipt = { id: newId(kind) };
      // The key first: a concurrent call with the same key waits here, then finds the first answer.
      if (!(await this.#remember(tx, who.tenant, kind, payload.idempotencyKey, hash, answer))) {
        const again = await this.#replay<WriteReceipt>(tx, who.tenant, kind, payload.idempotencyKey, hash);
        return { answer: again!, applied: false };
      }
      const causeId = kind === 'logRootCause' ? (payload as HostWrites['logRootCause']).causeId : null;
      await tx.query(
        'INSERT INTO records (tenant, id, kind, agent_id, customer_id, interaction_id, cause_id, payload, applied_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [who.tenant, answer.id, kind, who.agentId, payload.customerId, payload.interactionId, causeId, JSON.stringify(payload), new Date(this.now()).toISOString()],
      );
      return { answer, applied: true };
    });
  }

  /** Records of one kind for a customer, oldest first. */
  records<K extends WriteKind>(who: Principal, kind: K, customerId: string): Promise<Array<HostWrites[K] & { id: string; agentId: string; appliedAt: string }>> {
    return this.#records(this.db, who.tenant, kind, customerId);
  }

  async #records<K extends WriteKind>(tx: Tx, tenant: string, kind: K, customerId: string): Promise<Array<HostWrites[K] & { id: string; agentId: string; appliedAt: string }>> {
    const rows = await tx.query<{ id: string; agent_id: string; payload: HostWrites[K]; applied_at: unknown }>(
      'SELECT id, agent_id, payload, applied_at FROM records WHERE tenant = $1 AND customer_id = $2 AND kind = $3 ORDER BY applied_at, id',
      [tenant, customerId, kind],
    );
    return rows.map((r) => ({ ...r.payload, id: r.id, agentId: r.agent_id, appliedAt: iso(r.applied_at) }));
  }

  // ---- reads ----

  /**
   * The customer's history: the incidents the tenant keeps, then the recoveries recorded here (a
   * console without history gets the banner's past recoveries from the service).
   */
  async history(who: Principal, customerId: string): Promise<CustomerHistory> {
    return (await this.#history(this.db, who.tenant, customerId)) ?? Promise.reject(notFound(`Customer "${customerId}"`));
  }

  async #history(tx: Tx, tenant: string, customerId: string): Promise<CustomerHistory | undefined> {
    const [row] = await tx.query<{ name: string; tier: string | null; incidents: Incident[] }>('SELECT name, tier, incidents FROM customers WHERE tenant = $1 AND id = $2', [tenant, customerId]);
    const recoveries = await this.#records(tx, tenant, 'recordRecovery', customerId);
    if (!row && !recoveries.length) return undefined;
    return {
      customer: { id: customerId, name: row?.name ?? customerId, ...(row?.tier ? { tier: row.tier } : {}) },
      incidents: [...(row?.incidents ?? []), ...recoveries.map(recoveryIncident)],
    };
  }

  async policy(who: Principal, team = who.team): Promise<RecoveryPolicy> {
    return this.policyFor(this.db, who.tenant, team);
  }

  async setPolicy(who: Principal, team: string, policy: RecoveryPolicy): Promise<RecoveryPolicy> {
    if (who.role !== 'admin') throw forbidden('Only an admin sets the policy.');
    await this.db.query('INSERT INTO policies (tenant, team, policy) VALUES ($1, $2, $3) ON CONFLICT (tenant, team) DO UPDATE SET policy = EXCLUDED.policy', [who.tenant, team, JSON.stringify(policy)]);
    return policy;
  }

  async taxonomy(who: Principal): Promise<Taxonomy> {
    const [meta] = await this.db.query<{ version: number; departments: Taxonomy['departments'] }>('SELECT version, departments FROM taxonomies WHERE tenant = $1', [who.tenant]);
    const causes = await this.db.query<{ id: string; label: string; category: string; department_id: string; keywords: string[] | null }>(
      'SELECT id, label, category, department_id, keywords FROM causes WHERE tenant = $1 ORDER BY ord',
      [who.tenant],
    );
    return {
      version: Number(meta?.version ?? 1),
      departments: meta?.departments ?? [],
      causes: causes.map((c) => ({ id: c.id, label: c.label, category: c.category, departmentId: c.department_id, ...(c.keywords ? { keywords: c.keywords } : {}) })),
    };
  }

  /** Replace the tenant's taxonomy (admin); its version goes up by one. */
  setTaxonomy(who: Principal, taxonomy: Omit<Taxonomy, 'version'>): Promise<{ version: number; causes: number }> {
    if (who.role !== 'admin') return Promise.reject(forbidden('Only an admin imports the taxonomy.'));
    return this.db.transaction(async (tx) => this.importTaxonomy(tx, who.tenant, taxonomy));
  }

  async importTaxonomy(tx: Tx, tenant: string, taxonomy: Omit<Taxonomy, 'version'>): Promise<{ version: number; causes: number }> {
    const [meta] = await tx.query<{ version: number }>(
      `INSERT INTO taxonomies (tenant, version, departments) VALUES ($1, 1, $2)
       ON CONFLICT (tenant) DO UPDATE SET version = taxonomies.version + 1, departments = EXCLUDED.departments RETURNING version`,
      [tenant, JSON.stringify(taxonomy.departments)],
    );
    await tx.query('DELETE FROM causes WHERE tenant = $1', [tenant]);
    const causes = taxonomy.causes;
    for (let i = 0; i < causes.length; i += 5000) {
      const slice = causes.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO causes (tenant, id, ord, label, category, department_id, keywords)
         SELECT $1, c.id, c.ord, c.label, c.category, c.department_id, c.keywords FROM jsonb_to_recordset($2::jsonb)
             AS c(id text, ord integer, label text, category text, department_id text, keywords jsonb)`,
        [tenant, JSON.stringify(slice.map((c, j) => ({ id: c.id, ord: i + j, label: c.label, category: c.category, department_id: c.departmentId, keywords: c.keywords ?? null })))],
      );
    }
    return { version: Number(meta!.version), causes: causes.length };
  }

  /** Counts of root causes logged since `since`: an aggregate over an index range. */
  async recurrence(who: Principal, since: string): Promise<RecurrenceCount[]> {
    const rows = await this.db.query<{ cause_id: string; count: number }>(
      "SELECT cause_id, count(*)::integer AS count FROM records WHERE tenant = $1 AND kind = 'logRootCause' AND applied_at >= $2 GROUP BY cause_id ORDER BY cause_id",
      [who.tenant, since],
    );
    return rows.map((r) => ({ causeId: r.cause_id, count: Number(r.count) }));
  }

  /** The agent and their first open contact (for a console that is the service itself: the demo). */
  async context(who: Principal): Promise<{ agent: { id: string; name: string; role: string }; interaction: Interaction | null; locale: string; currency: string }> {
    const agent = await this.agent(this.db, who.tenant, who.agentId);
    const [open] = await this.db.query<{ interaction: Interaction }>('SELECT interaction FROM interactions WHERE tenant = $1 AND (agent_id = $2 OR agent_id IS NULL) ORDER BY ord LIMIT 1', [who.tenant, who.agentId]);
    const [fund] = await this.db.query<{ currency: string }>('SELECT currency FROM funds WHERE tenant = $1 AND agent_id = $2', [who.tenant, who.agentId]);
    const policy = await this.policyFor(this.db, who.tenant, who.team);
    return {
      agent: { id: who.agentId, name: agent?.name ?? who.agentId, role: agent?.role ?? who.role },
      interaction: open?.interaction ?? null,
      locale: 'en-US',
      currency: fund?.currency.trim() ?? policy.currency,
    };
  }

  /** Events after `afterSeq` that `who` may see, oldest first. */
  async eventsAfter(who: Principal, afterSeq: number, limit = 500): Promise<Array<{ seq: number; type: EventType; payload: unknown }>> {
    const rows = await this.db.query<{ seq: number; type: EventType; payload: unknown }>(
      `SELECT seq, type, payload FROM events WHERE tenant = $1 AND seq > $2
          AND ($3 = 'admin' OR agent_id = $4 OR ($3 = 'lead' AND team = $5)) ORDER BY seq LIMIT $6`,
      [who.tenant, afterSeq, who.role, who.agentId, who.team, limit],
    );
    return rows.map((r) => ({ seq: Number(r.seq), type: r.type, payload: r.payload }));
  }

  async lastEventSeq(): Promise<number> {
    const [row] = await this.db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM events');
    return Number(row?.seq ?? 0);
  }
}

/** A past recovery as an incident of the customer's history. */
function recoveryIncident(r: RecoveryRecord & { id: string; appliedAt: string }): Incident {
  return {
    id: r.id,
    occurredAt: r.at,
    severity: r.severity,
    category: 'recovery',
    summary: r.offers.map((o) => o.label).join(', ') || r.strategy,
    resolved: r.accepted,
    remedies: r.offers.map((o) => ({ kind: o.kind, label: o.label, ...(o.amount != null ? { amount: o.amount } : {}), ...(('currency' in o && o.currency) ? { currency: o.currency as string } : {}) })),
    surveyScore: null,
  };
}

/** The same idempotency key with another body. */
export class KeyReuseError extends Error {
  override readonly name = 'KeyReuseError';
  constructor() {
    super('This idempotency key was used with another request body.');
  }
}

/** A fund row as the model's fund, without its ledger. */
function fundOf(row: FundRow): Fund {
  return {
    agentId: row.agent_id,
    currency: row.currency.trim(),
    budget: Number(row.budget),
    spent: Number(row.spent),
    pending: Number(row.pending),
    perActionCap: Number(row.per_action_cap),
    approvalThreshold: Number(row.approval_threshold),
    period: row.period,
    periodStart: iso(row.period_start),
    periodEnd: iso(row.period_end),
    version: Number(row.version),
    ledger: [],
  };
}
