/**
 * The lead capabilities' part of the conformance suite (run by `runAdapterContract`): every test
 * passes quietly for an adapter that declares neither `approvals` nor `reports`, checks that the
 * undeclared ones answer `unsupported`, and for the declared ones checks the queue, the decision's
 * idempotency and race (a second decision is a `conflict`), the events and the report's rows.
 */
import type { Fund, HostContext } from '../core/model.js';
import { assert, equal, freshKey, rejection, show, type ContractFramework } from './contract-asserts.js';
import { guardHost } from './guard.js';
import type { HostAdapter, SpendRequest } from './host-adapter.js';
import { decisionKey, LEAD_CAPABILITIES, leadHost, type ApprovalDecided, type ApprovalDecision, type LeadAdapter } from './lead.js';

export interface LeadContractFixtures {
  /** A team lead who may decide on the agent's spends (default `agent-sam`, the demo seed's lead). */
  leadId?: string;
  /** The agent whose fund the suite spends from (default: the context's agent). */
  agentId?: string;
  timeoutMs?: number;
  /** The lead's own adapter on the same data (a host that knows the caller by credentials); default: the adapter. */
  leadAdapter?: (adapter: HostAdapter) => HostAdapter | Promise<HostAdapter>;
}

const key = (what: string) => freshKey(`lead-${what}`);

/** Register the lead tests (inside the adapter suite's `describe`). */
export function runLeadContract(makeAdapter: () => HostAdapter | Promise<HostAdapter>, { describe, it }: ContractFramework, fixtures: LeadContractFixtures = {}): void {
  const leadId = fixtures.leadId ?? 'agent-sam';
  const setup = async () => {
    const adapter = (await makeAdapter()) as HostAdapter & LeadAdapter;
    const host = guardHost(adapter, { timeoutMs: fixtures.timeoutMs ?? 5000 });
    const lead = leadHost(fixtures.leadAdapter ? await fixtures.leadAdapter(adapter) : adapter, fixtures.timeoutMs ?? 5000);
    /** The agent's own view of the lead capabilities (deciding there must be refused). */
    const asAgent = leadHost(adapter, fixtures.timeoutMs ?? 5000);
    const context: HostContext = await host.getContext();
    return { adapter, host, lead, asAgent, context, agentId: fixtures.agentId ?? context.agent.id };
  };
  type S = Awaited<ReturnType<typeof setup>>;
  /** A spend above the agent's threshold: pending approval. */
  const pendingSpend = async (s: S): Promise<{ entryId: string; fund: Fund; request: SpendRequest }> => {
    const fund = await s.host.getFund(s.agentId);
    const amount = fund.approvalThreshold + 1;
    assert(amount <= fund.perActionCap, 'The fund has no room between the approval threshold and the cap.');
    const request: SpendRequest = {
      idempotencyKey: key('spend'),
      interactionId: s.context.interaction?.id ?? 'lead-contract-interaction',
      customerId: s.context.interaction?.customerId ?? 'lead-contract-customer',
      at: new Date().toISOString(),
      agentId: s.agentId,
      amount,
      currency: fund.currency,
      reason: 'goodwill',
      note: 'lead contract test',
      expectedVersion: fund.version,
    };
    const result = await s.host.spend(request);
    equal(result.status, 'pending_approval', 'a spend above the threshold');
    return { entryId: result.entryId, fund: result.fund, request };
  };
  const decision = (s: S, entryId: string, request: SpendRequest, approve: boolean, by = leadId): ApprovalDecision => ({
    idempotencyKey: `${decisionKey(by, entryId)}:${key('d')}`,
    interactionId: request.interactionId,
    customerId: request.customerId,
    at: new Date().toISOString(),
    leadId: by,
    agentId: s.agentId,
    entryId,
    approve,
  });
  /** Approval tests run when the adapter declares `approvals` (and can spend). */
  const withApprovals = (title: string, body: (s: S) => Promise<void>) =>
    it(title, async () => {
      const s = await setup();
      if (!s.lead.can('approvals')) {
        equal((await rejection(s.lead.getApprovals(), 'undeclared getApprovals')).code, 'unsupported', 'undeclared getApprovals');
        return;
      }
      if (!s.host.can('spend') || !s.host.can('fund')) return;
      await body(s);
    });

  describe('lead capabilities (approvals, reports)', () => {
    it('declares each lead capability as a boolean, or not at all', async () => {
      const caps = ((await makeAdapter()) as { capabilities?: Record<string, unknown> }).capabilities ?? {};
      for (const c of LEAD_CAPABILITIES) assert(caps[c] === undefined || typeof caps[c] === 'boolean', `capabilities.${c} must be a boolean when present.`);
    });

    withApprovals('a spend above the threshold appears in the approval queue, oldest first', async (s) => {
      const { entryId, request } = await pendingSpend(s);
      const items = await s.lead.getApprovals();
      const item = items.find((i) => i.entryId === entryId);
      assert(item, 'the pending spend must be in getApprovals().');
      equal(item.amount, request.amount, 'amount');
      equal(item.agentId, s.agentId, 'agentId');
      for (let i = 1; i < items.length; i++) assert(items[i - 1]!.requestedAt <= items[i]!.requestedAt, 'the queue must be oldest first.');
    });

    withApprovals('approving spends it once; a replay answers the same receipt; another decision is a conflict', async (s) => {
      const { entryId, fund, request } = await pendingSpend(s);
      const approve = decision(s, entryId, request, true);
      const first = await s.lead.decide(approve);
      const again = await s.lead.decide(approve);
      equal(again.id, first.id, 'receipt id of a replayed decision');
      const after = await s.host.getFund(s.agentId);
      equal(after.spent, fund.spent + request.amount, 'spent after approval');
      equal(after.pending, fund.pending - request.amount, 'pending after approval');
      assert(!(await s.lead.getApprovals()).some((i) => i.entryId === entryId), 'a decided spend must leave the queue.');
      const late = await rejection(s.lead.decide(decision(s, entryId, request, false)), 'a second decision');
      equal(late.code, 'conflict', 'a decision on a decided spend');
      equal((await s.host.getFund(s.agentId)).spent, after.spent, 'spent after a refused second decision');
    });

    withApprovals('declining releases the pending amount and gives nothing', async (s) => {
      const { entryId, fund, request } = await pendingSpend(s);
      await s.lead.decide(decision(s, entryId, request, false));
      const after = await s.host.getFund(s.agentId);
      equal(after.spent, fund.spent, 'spent after a decline');
      equal(after.pending, fund.pending - request.amount, 'pending after a decline');
    });

    withApprovals('an agent cannot decide: permission, and nothing changes', async (s) => {
      const { entryId, fund, request } = await pendingSpend(s);
      const error = await rejection(s.asAgent.decide(decision(s, entryId, request, true, s.agentId)), 'a decision by the agent');
      equal(error.code, 'permission', 'a decision by the agent themselves');
      equal((await s.host.getFund(s.agentId)).pending, fund.pending, 'pending after a forbidden decision');
    });

    withApprovals('fires approvalRequested and approvalDecided', async (s) => {
      if (!s.host.can('events')) return;
      const requested: string[] = [];
      const decided: ApprovalDecided[] = [];
      const offs = [s.lead.on('approvalRequested', ({ item }) => requested.push(item.entryId)), s.lead.on('approvalDecided', (d) => decided.push(d))];
      try {
        const { entryId, request } = await pendingSpend(s);
        await s.lead.decide(decision(s, entryId, request, true));
        for (let i = 0; i < 100 && !(requested.includes(entryId) && decided.some((d) => d.entryId === entryId)); i++) await new Promise((r) => setTimeout(r, 20));
        assert(requested.includes(entryId), 'approvalRequested must fire for a pending spend.');
        const d = decided.find((x) => x.entryId === entryId);
        assert(d && d.approved && d.decidedBy === leadId, `approvalDecided must name the decision and the lead (got ${show(d)}).`);
      } finally {
        offs.forEach((off) => off());
      }
    });

    it('report: valid rows for the current period when declared, unsupported when not', async () => {
      const s = await setup();
      if (!s.lead.can('reports')) {
        equal((await rejection(s.lead.getReport(), 'undeclared getReport')).code, 'unsupported', 'undeclared getReport');
        return;
      }
      const report = await s.lead.getReport();
      assert(report.from < report.to, 'the report period must start before it ends.');
      const bad = await rejection(s.lead.getReport({ from: report.to, to: report.from }), 'a reversed period');
      equal(bad.code, 'invalid_request', 'a report for a reversed period');
    });
  });
}
