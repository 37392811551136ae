/**
 * The host-adapter conformance suite: what every {@link HostAdapter} must do, runnable against
 * your own adapter with whatever test framework you use (mocha, jasmine, vitest, node:test...).
 *
 * ```ts
 * import { runAdapterContract } from 'mend-widgets/adapter/contract';
 * runAdapterContract('My CRM', () => new MyCrmAdapter(sandboxConfig), { describe, it });
 * ```
 *
 * The factory is called once per test and MUST return an adapter with fresh state (a sandbox, a
 * fresh database) holding the demo seed or equivalent fixtures: an agent with a fund (the agent of
 * `getContext()` unless `fixtures.agentId` says otherwise) and a customer with a history (the
 * active interaction's customer unless `fixtures.customerId` says otherwise). The suite spends small
 * amounts from that fund. Everything is checked through {@link guardHost}, the layer the widgets
 * use, and the raw adapter's errors must be HostError-compatible (`{ name: 'HostError', code }` or
 * `{ code }` with a known code).
 */
import type { Fund, HostContext } from '../core/model.js';
import { assert, compatible, ContractError, equal, freshKey, rejection, show, type ContractFramework } from './contract-asserts.js';
import { guardHost, type GuardedHost } from './guard.js';
import { runLeadContract } from './lead-contract.js';
import {
  CAPABILITIES,
  WRITE_KINDS,
  type HostAdapter,
  type HostEventName,
  type HostWrites,
  type SpendRequest,
  type WriteKind,
} from './host-adapter.js';

/** The functions of your test framework. */
export type { ContractFramework };

/** What the suite uses from your fixtures; every field has a default derived from the adapter. */
export interface ContractFixtures {
  /** A customer with a history (default: the active interaction's customer). */
  customerId?: string;
  /** An agent with a fund (default: the context's agent). */
  agentId?: string;
  /** An amount the agent may give without approval (default: 1.00, or the threshold if lower). */
  withinAuthority?: number;
  /** An amount above the approval threshold and within the per-action cap (default: threshold + 1). */
  aboveThreshold?: number;
  /** Time-out of one call, in ms (default 5000). */
  timeoutMs?: number;
  /** A team lead who may decide on the agent's spends (default `agent-sam`, the demo seed's lead). */
  leadId?: string;
  /**
   * The lead's own adapter on the same data, for a host where who calls is the credentials (the
   * Mend service: a lead's token); default: the adapter itself (it trusts the decision's `leadId`).
   */
  leadAdapter?: (adapter: HostAdapter) => HostAdapter | Promise<HostAdapter>;
}

export { ContractError };
const key = freshKey;

/** A replay must answer the first answer, whatever happened since (not a conflict). */
async function replay<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    throw new ContractError(`A replayed idempotency key must return the first answer, but it failed: ${(error as Error).message}`);
  }
}

interface Setup {
  adapter: HostAdapter;
  host: GuardedHost;
  context: HostContext;
  agentId: string;
  customerId: string;
  interactionId: string;
}

/**
 * Register the conformance suite. `makeAdapter` may be async; it is called for every test and must
 * return a fresh adapter (see the module documentation).
 */
export function runAdapterContract(
  name: string,
  makeAdapter: () => HostAdapter | Promise<HostAdapter>,
  { describe, it }: ContractFramework,
  fixtures: ContractFixtures = {},
): void {
  const setup = async (): Promise<Setup> => {
    const adapter = await makeAdapter();
    assert(adapter && typeof adapter === 'object', 'makeAdapter() must return an adapter object.');
    const host = guardHost(adapter, { timeoutMs: fixtures.timeoutMs ?? 5000 });
    const context = await host.getContext();
    const customerId = fixtures.customerId ?? context.interaction?.customerId;
    assert(customerId, 'No active interaction: pass fixtures.customerId (a customer with a history).');
    return {
      adapter,
      host,
      context,
      agentId: fixtures.agentId ?? context.agent.id,
      customerId,
      interactionId: context.interaction?.id ?? 'contract-interaction',
    };
  };
  const base = (s: Setup, what: string) => ({
    idempotencyKey: key(what),
    interactionId: s.interactionId,
    customerId: s.customerId,
    at: new Date().toISOString(),
  });
  const spendRequest = (s: Setup, fund: Fund, amount: number, extra: Partial<SpendRequest> = {}): SpendRequest => ({
    ...base(s, 'spend'),
    agentId: s.agentId,
    amount,
    currency: fund.currency,
    reason: 'goodwill',
    note: 'adapter contract test',
    expectedVersion: fund.version,
    ...extra,
  });
  const within = (fund: Fund) => fixtures.withinAuthority ?? Math.max(1, Math.min(100, fund.approvalThreshold));
  /** Fund-dependent tests: run when the adapter can read a fund and spend. */
  const withFund = (title: string, body: (s: Setup, fund: Fund) => Promise<void>) =>
    it(title, async () => {
      const s = await setup();
      if (!s.host.can('spend')) {
        const request = spendRequest(s, { currency: s.context.currency, version: 0 } as Fund, 1);
        equal((await rejection(s.host.spend(request), 'spend')).code, 'unsupported', 'an undeclared spend');
        return;
      }
      if (!s.host.can('fund')) return; // nothing to spend against that the suite can see
      await body(s, await s.host.getFund(s.agentId));
    });
  const payloads = (s: Setup): { [K in WriteKind]: HostWrites[K] } => ({
    recordRecovery: { ...base(s, 'recovery'), severity: 'low', offers: [{ offerId: 'apology', kind: 'apology', label: 'Apology' }], accepted: true, strategy: 'contract' },
    logRootCause: { ...base(s, 'cause'), problem: 'Contract test', causeId: 'contract-cause', departmentId: 'contract-department', resolution: 'Tested', notifyDepartment: false },
    acknowledgeBaggage: { ...base(s, 'ack'), incidentIds: [] },
    requestCallback: { ...base(s, 'callback'), reason: 'Contract test' },
    notifyManager: { ...base(s, 'notice'), minutesOpen: 31, limitMinutes: 30 },
    decideApproval: { ...base(s, 'decision'), leadId: s.agentId, agentId: 'mend-contract-no-such-agent', entryId: 'mend-contract-no-such-spend', approve: true },
  });

  describe(`HostAdapter contract: ${name}`, () => {
    it('declares every capability as a boolean', async () => {
      const adapter = await makeAdapter();
      const caps = (adapter as { capabilities?: Record<string, unknown> }).capabilities;
      assert(caps && typeof caps === 'object', '`capabilities` must be an object.');
      for (const c of CAPABILITIES) equal(typeof caps[c], 'boolean', `capabilities.${c}`);
    });

    it('gives a valid context (agent, interaction or null, locale, currency)', async () => {
      const s = await setup();
      assert(s.context.agent.id, 'context.agent.id');
      assert(/^[A-Z]{3}$/.test(s.context.currency), 'context.currency must be an ISO 4217 code.');
    });

    const reads: Array<[string, (s: Setup) => Promise<unknown>, (typeof CAPABILITIES)[number]]> = [
      ['history', (s) => s.host.getHistory(s.customerId), 'history'],
      ['policy', (s) => s.host.getPolicy(), 'policy'],
      ['fund', (s) => s.host.getFund(s.agentId), 'fund'],
      ['taxonomy', (s) => s.host.getTaxonomy(), 'taxonomy'],
      ['recurrence', (s) => s.host.getRecurrence(new Date(Date.now() - 7 * 86_400_000).toISOString()), 'recurrence'],
    ];
    for (const [what, read, capability] of reads) {
      it(`read ${what}: valid when declared, unsupported when not`, async () => {
        const s = await setup();
        if (s.host.can(capability)) {
          try {
            await read(s);
          } catch (error) {
            throw new ContractError(`read ${what} failed: ${(error as Error).message}`);
          }
        } else {
          equal((await rejection(read(s), `read ${what}`)).code, 'unsupported', `undeclared read ${what}`);
        }
      });
    }

    it('undeclared capabilities answer unsupported, never another failure', async () => {
      const s = await setup();
      const raw = s.adapter as unknown as Record<string, unknown>;
      const calls: Record<string, () => unknown> = {
        history: () => s.adapter.getHistory(s.customerId),
        policy: () => s.adapter.getPolicy(),
        fund: () => s.adapter.getFund(s.agentId),
        taxonomy: () => s.adapter.getTaxonomy(),
        recurrence: () => s.adapter.getRecurrence(new Date().toISOString()),
        spend: () => s.adapter.spend(spendRequest(s, { currency: s.context.currency, version: 0 } as Fund, 1)),
        ...Object.fromEntries(WRITE_KINDS.map((k) => [k, () => (raw[k] as (p: unknown) => unknown).call(s.adapter, payloads(s)[k])])),
      };
      for (const [capability, call] of Object.entries(calls)) {
        if (s.host.can(capability as (typeof CAPABILITIES)[number])) continue;
        const method = capability in raw ? raw[capability] : raw[`get${capability[0]!.toUpperCase()}${capability.slice(1)}`];
        if (typeof method !== 'function') continue; // leaving an optional method out is fine
        let result: unknown;
        try {
          result = call();
        } catch (error) {
          result = Promise.reject(error);
        }
        equal((await rejection(Promise.resolve(result), `undeclared ${capability}`)).code, 'unsupported', `undeclared ${capability}`);
      }
    });

    it('every subscription returns an unsubscribe function that works (and is safe to call twice)', async () => {
      const s = await setup();
      if (!s.host.can('events')) return;
      for (const event of ['interactionChanged', 'interactionEnded', 'fundChanged'] as HostEventName[]) {
        const off = s.adapter.on(event, () => {});
        equal(typeof off, 'function', `on('${event}') return value`);
        off();
        off();
      }
      if (!s.host.can('spend') || !s.host.can('fund')) return;
      let heard = 0;
      const off = s.adapter.on('fundChanged', () => heard++);
      off();
      // A handler still subscribed tells when the event was delivered (to every handler it reaches).
      let delivered: () => void = () => {};
      const arrived = new Promise<void>((resolve) => (delivered = resolve));
      const offWitness = s.adapter.on('fundChanged', () => delivered());
      try {
        const fund = await s.host.getFund(s.agentId);
        await s.host.spend(spendRequest(s, fund, within(fund)));
        // A host may not announce its own spends: then one more call to it is as long as we look.
        await Promise.race([arrived, s.host.getFund(s.agentId)]);
      } finally {
        offWitness();
      }
      equal(heard, 0, 'fundChanged calls to an unsubscribed handler');
    });

    withFund('a spend within authority is done and counts once', async (s, fund) => {
      const amount = within(fund);
      const result = await s.host.spend(spendRequest(s, fund, amount));
      equal(result.status, 'done', 'status');
      equal(result.fund.spent, fund.spent + amount, 'spent in the answer');
      assert(result.fund.version !== fund.version, 'the fund version must change with a spend.');
      equal((await s.host.getFund(s.agentId)).spent, fund.spent + amount, 'spent when read again');
    });

    withFund('a replayed idempotency key returns the first answer and spends nothing more', async (s, fund) => {
      const amount = within(fund);
      const request = spendRequest(s, fund, amount);
      const first = await s.host.spend(request);
      const again = await replay(s.host.spend(request));
      equal(again.entryId, first.entryId, 'entryId of the replay');
      equal(again.status, first.status, 'status of the replay');
      equal((await s.host.getFund(s.agentId)).spent, fund.spent + amount, 'spent after a replay');
    });

    withFund('a replay after a newer spend still answers the first answer, not a conflict', async (s, fund) => {
      const amount = within(fund);
      const request = spendRequest(s, fund, amount);
      const first = await s.host.spend(request);
      await s.host.spend(spendRequest(s, first.fund, amount));
      const again = await replay(s.host.spend(request));
      equal(again.entryId, first.entryId, 'entryId of the late replay');
      equal((await s.host.getFund(s.agentId)).spent, fund.spent + 2 * amount, 'spent after two spends and a replay');
    });

    withFund('two concurrent spends with the same key apply once', async (s, fund) => {
      const amount = within(fund);
      const request = spendRequest(s, fund, amount);
      const [a, b] = await Promise.allSettled([s.host.spend(request), s.host.spend(request)]);
      const done = [a, b].filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ entryId: string }>).value);
      assert(done.length > 0, 'at least one of two concurrent identical spends must succeed.');
      if (done.length === 2) equal(done[1]!.entryId, done[0]!.entryId, 'entryId of concurrent identical spends');
      equal((await s.host.getFund(s.agentId)).spent, fund.spent + amount, 'spent after two concurrent identical spends');
    });

    withFund('two spends with different keys both apply', async (s, fund) => {
      const amount = within(fund);
      const first = await s.host.spend(spendRequest(s, fund, amount));
      const second = await s.host.spend(spendRequest(s, first.fund, amount));
      assert(second.entryId !== first.entryId, 'two different keys must give two ledger entries.');
      equal((await s.host.getFund(s.agentId)).spent, fund.spent + 2 * amount, 'spent after two spends');
    });

    withFund('a stale fund version is a conflict naming the current version', async (s, fund) => {
      const amount = within(fund);
      const first = await s.host.spend(spendRequest(s, fund, amount));
      const stale = spendRequest(s, fund, amount); // still names the version before the first spend
      const raw = await rejection(s.adapter.spend(stale), 'raw stale spend');
      equal(raw.code, 'conflict', 'error code of a stale spend');
      const guarded = await rejection(s.host.spend({ ...stale, idempotencyKey: key('stale') }), 'guarded stale spend');
      equal(guarded.code, 'conflict', 'error code through the adapter layer');
      equal(guarded.details?.currentVersion, first.fund.version, 'details.currentVersion');
      equal((await s.host.getFund(s.agentId)).spent, fund.spent + amount, 'spent after a conflict');
    });

    withFund('a spend above the approval threshold is pending approval, not spent', async (s, fund) => {
      const amount = fixtures.aboveThreshold ?? fund.approvalThreshold + 1;
      assert(amount <= fund.perActionCap, 'The fund has no room between threshold and cap: pass fixtures.aboveThreshold.');
      const result = await s.host.spend(spendRequest(s, fund, amount));
      equal(result.status, 'pending_approval', 'status above the threshold');
      equal(result.fund.spent, fund.spent, 'spent after a pending spend');
      equal(result.fund.pending, fund.pending + amount, 'pending after a pending spend');
    });

    withFund('a spend above the per-action cap is rejected and gives nothing', async (s, fund) => {
      const result = await s.host.spend(spendRequest(s, fund, fund.perActionCap + 1));
      equal(result.status, 'rejected', 'status above the cap');
      assert(result.message, 'a rejection must say why (message).');
      const after = await s.host.getFund(s.agentId);
      equal(after.spent, fund.spent, 'spent after a rejection');
      equal(after.pending, fund.pending, 'pending after a rejection');
    });

    withFund('an invalid amount or another currency is never done', async (s, fund) => {
      const tries: Array<Partial<SpendRequest>> = [{ amount: 0 }, { amount: -5 }, { amount: 1.5 }, { currency: fund.currency === 'EUR' ? 'USD' : 'EUR' }];
      for (const extra of tries) {
        const latest = await s.host.getFund(s.agentId);
        try {
          const result = await s.host.spend(spendRequest(s, latest, 1, extra));
          equal(result.status, 'rejected', `status of ${show(extra)}`);
        } catch (error) {
          const code = compatible(error, `spend ${show(extra)}`).code;
          assert(code === 'invalid_request' || code === 'conflict', `spend ${show(extra)}: rejected with ${code}`);
        }
      }
      equal((await s.host.getFund(s.agentId)).spent, fund.spent, 'spent after invalid spends');
    });

    // A lead's decision (not in WRITE_KINDS) needs a pending spend: runLeadContract checks it.
    for (const kind of WRITE_KINDS) {
      it(`write ${kind}: a receipt, and a replayed key answers the same receipt`, async () => {
        const s = await setup();
        const payload = payloads(s)[kind];
        if (!s.host.can(kind)) {
          equal((await rejection(s.host.write(kind, payload), kind)).code, 'unsupported', `undeclared ${kind}`);
          return;
        }
        const first = await s.host.write(kind, payload);
        const again = await replay(s.host.write(kind, payload));
        equal(again.id, first.id, `receipt id of a replayed ${kind}`);
        const other = await s.host.write(kind, { ...payload, idempotencyKey: key(kind) });
        assert(other.id !== first.id, `a ${kind} with a new key must get a new receipt.`);
      });
    }

    it('failures are HostError-compatible (unknown customer, unknown agent)', async () => {
      const s = await setup();
      const probes: Array<[string, () => Promise<unknown>, (typeof CAPABILITIES)[number]]> = [
        ['history of an unknown customer', () => s.adapter.getHistory('mend-contract-no-such-customer'), 'history'],
        ['fund of an unknown agent', () => s.adapter.getFund('mend-contract-no-such-agent'), 'fund'],
      ];
      for (const [what, probe, capability] of probes) {
        if (!s.host.can(capability)) continue;
        let answered = false;
        try {
          await probe();
          answered = true;
        } catch (error) {
          compatible(error, what);
        }
        // An answer is allowed (an empty history) as long as it is valid.
        if (answered) await (capability === 'history' ? s.host.getHistory('mend-contract-no-such-customer') : s.host.getFund('mend-contract-no-such-agent'));
      }
    });

    runLeadContract(makeAdapter, { describe, it }, { leadId: fixtures.leadId, agentId: fixtures.agentId, timeoutMs: fixtures.timeoutMs, leadAdapter: fixtures.leadAdapter });
  });
}
