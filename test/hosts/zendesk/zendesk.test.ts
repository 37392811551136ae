// The Zendesk kit against the real ZAF SDK (npm zendesk_app_framework_sdk, run unmodified in the
// app iframe), with this page playing Zendesk over the SDK's own postMessage protocol.
import { expect, waitUntil } from '@open-wc/testing';
import { runAdapterContract } from '../../../src/adapter/contract.js';
import { composeAdapter } from '../../../src/adapter/compose.js';
import { demoSeed } from '../../../src/adapter/demo-data.js';
import { HostError } from '../../../src/adapter/errors.js';
import { guardHost } from '../../../src/adapter/guard.js';
import type { HostAdapter, HostEvents, RootCauseLog } from '../../../src/adapter/host-adapter.js';
import { MemoryAdapter, type MemorySeed } from '../../../src/adapter/memory-adapter.js';
import { Outbox } from '../../../src/adapter/outbox.js';
import { noteMarker, zendeskAdapter, zendeskComposition, type ZendeskAdapter, type ZendeskOptions } from '../../../src/hosts/zendesk/index.js';
import { FakeZendesk } from './fake-zendesk.js';
import { rejection } from '../../helpers/errors.js';

let fake: FakeZendesk;
const adapters: ZendeskAdapter[] = [];
/** Backoff without waiting: the delays asked for are recorded. */
let slept: number[] = [];
const retry = { baseMs: 100, maxMs: 10_000, sleep: (ms: number) => (slept.push(ms), Promise.resolve()) };

function kit(options: ZendeskOptions = {}): ZendeskAdapter {
  const adapter = zendeskAdapter(fake.client, { retry, storageScope: `zendesk-test:${crypto.randomUUID()}`, ...options });
  adapters.push(adapter);
  return adapter;
}

/** The Mend service's part (fund, policy, taxonomy, recurrence), played by a MemoryAdapter with a fund for the Zendesk agent. */
function service(): MemoryAdapter {
  const demo = demoSeed();
  const seed: MemorySeed = {
    // The Zendesk agent, and the demo's team lead (the contract's lead decides the agent's spends).
    agents: [{ id: '9001', name: 'Dana Agent', role: 'agent' }, ...demo.agents.filter((a) => a.role === 'lead')],
    funds: [{ ...demo.funds[0]!, agentId: '9001' }],
    policy: demo.policy,
    taxonomy: demo.taxonomy,
    recurrence: demo.recurrence,
  };
  return new MemoryAdapter(seed);
}

const composed = (options: ZendeskOptions = {}): HostAdapter => composeAdapter(kit(options), service(), zendeskComposition);

const rootCause = (key: string, interactionId = '1001'): RootCauseLog => ({
  idempotencyKey: key,
  interactionId,
  customerId: '501',
  at: new Date().toISOString(),
  problem: 'Blender arrived broken',
  causeId: 'rc-pack',
  departmentId: 'warehouse',
  resolution: 'Replacement sent',
  notifyDepartment: true,
});


before(async () => {
  fake = new FakeZendesk();
  await fake.ready();
});
beforeEach(() => {
  fake.reset();
  slept = [];
});
afterEach(() => {
  for (const a of adapters.splice(0)) a.dispose();
});
after(() => fake.dispose());

runAdapterContract('Zendesk kit (real ZAF SDK) composed with a service', () => (fake.reset(), composed()), { describe, it });

describe('Zendesk kit: context', () => {
  it('reads the agent and the ticket through the SDK (client.context, client.get)', async () => {
    const context = await guardHost(kit()).getContext();
    expect(context.agent).to.deep.equal({ id: '9001', name: 'Dana Agent', role: 'agent' });
    expect(context.interaction).to.include({ id: '1001', customerId: '501', customerName: 'Carmen Ruiz', channel: 'email', severity: 'high', resolved: false });
    expect(context.interaction!.subject).to.equal('My blender arrived broken');
    expect(context.locale).to.equal('en-US');
    const get = fake.received.find((m) => m.request === 'get');
    expect(get?.params).to.include.members(['currentUser', 'ticket.id', 'ticket.requester']);
  });

  it('has no interaction in the new-ticket sidebar', async () => {
    fake.ticketId = null;
    await fake.load(); // another app instance: the new-ticket sidebar's
    try {
      expect((await guardHost(kit()).getContext()).interaction).to.equal(null);
    } finally {
      fake.ticketId = 1001;
      await fake.load();
    }
  });

  it('turns a malformed ticket answer into a typed error naming the field', async () => {
    fake.overrides.set('ticket.requester', { name: 'no id' });
    const error = await rejection(guardHost(kit()).getContext());
    expect(error).to.be.instanceOf(HostError);
    expect(error.code).to.equal('invalid_response');
    expect(error.details.path).to.equal('ticket.requester.id');
    fake.overrides.set('ticket.requester', 'Carmen');
    expect((await rejection(kit().getContext())).code).to.equal('invalid_response');
    fake.overrides.clear();
    expect((await guardHost(kit()).getContext()).interaction?.customerId).to.equal('501');
  });
});

describe('Zendesk kit: history', () => {
  it("maps the requester's past tickets and satisfaction ratings to incidents (defaults)", async () => {
    const host = guardHost(kit());
    await host.getContext(); // the current ticket is not history
    const history = await host.getHistory('501');
    expect(history.customer).to.deep.equal({ id: '501', name: 'Carmen Ruiz' });
    const byId = Object.fromEntries(history.incidents.map((i) => [i.id, i]));
    expect(Object.keys(byId).sort()).to.deep.equal(['901', '902', '903']);
    expect(byId['901']).to.include({ severity: 'high', resolved: false, surveyScore: null });
    expect(byId['902']).to.include({ severity: 'medium', resolved: true, surveyScore: 1 });
    // a `mend_severity_` tag overrides the priority; customer text stays text
    expect(byId['903']).to.include({ severity: 'medium', surveyScore: 5, summary: '<b>Where</b> is my order?' });
    const call = fake.calls.find((c) => c.url.includes('/tickets/requested'));
    expect(call?.url).to.match(/^\/api\/v2\/users\/501\/tickets\/requested\.json\?/);
  });

  it('maps priorities, ratings and categories as configured', async () => {
    const history = await guardHost(
      kit({ mapping: { priorities: { urgent: 'medium' }, defaultSeverity: 'low', scores: { bad: 2, good: 4 }, severityTagPrefix: null, category: (t) => `zd-${t.priority}` } }),
    ).getHistory('501');
    const byId = Object.fromEntries(history.incidents.map((i) => [i.id, i]));
    expect(byId['901']).to.include({ severity: 'medium', category: 'zd-urgent' });
    expect(byId['902']).to.include({ severity: 'low', surveyScore: 2 });
    expect(byId['903']).to.include({ severity: 'low', surveyScore: 4 });
  });

  it('maps Zendesk failures to HostError codes: 403 permission, 404 not_found, 422 invalid_request, 5xx retryable', async () => {
    const host = guardHost(kit({ retry: { ...retry, attempts: 1 } }));
    fake.failNext(/requested/, 403);
    expect(await rejection(host.getHistory('501'))).to.include({ code: 'permission', retryable: false });
    expect(await rejection(host.getHistory('777'))).to.include({ code: 'not_found', retryable: false });
    fake.failNext(/requested/, 422);
    expect(await rejection(host.getHistory('501'))).to.include({ code: 'invalid_request', retryable: false });
    fake.failNext(/requested/, 503);
    expect(await rejection(host.getHistory('501'))).to.include({ code: 'unavailable', retryable: true });
    fake.failNext(/requested/, 429);
    const limited = await rejection(host.getHistory('501'));
    expect(limited).to.include({ code: 'unavailable', retryable: true });
    expect(limited.details.status).to.equal(429);
  });

  it('a malformed ticket list is an invalid_response naming the ticket', async () => {
    const bad = fake.tickets.get(902)!;
    (bad as { created_at: unknown }).created_at = 'yesterday';
    const error = await rejection(guardHost(kit()).getHistory('501'));
    expect(error).to.include({ code: 'invalid_response' });
    expect(error.details.path).to.match(/^tickets\.\d+\.created_at$/);
  });

  it('retries a 429 storm with exponential backoff, honouring Retry-After', async () => {
    fake.failNext(/requested/, 429, 3, 2);
    const before = fake.calls.length;
    const history = await guardHost(kit({ retry: { ...retry, attempts: 5 } })).getHistory('501');
    expect(history.incidents).to.have.length(3);
    expect(fake.calls.length - before).to.equal(4);
    // Retry-After: 2 s beats the 100/200/400 ms backoff
    expect(slept).to.deep.equal([2000, 2000, 2000]);
    fake.failNext(/requested/, 503, 3);
    slept = [];
    await guardHost(kit({ retry: { ...retry, attempts: 5 } })).getHistory('501');
    expect(slept).to.deep.equal([100, 200, 400]);
  });

  it('a storm longer than the retries ends in a retryable error (the outbox keeps the write)', async () => {
    fake.failNext(/./, 429, 10);
    const error = await rejection(kit({ retry: { ...retry, attempts: 3 } }).logRootCause(rootCause(`storm-${crypto.randomUUID()}`)));
    expect(error).to.include({ code: 'unavailable', retryable: true });
    expect(slept).to.deep.equal([100, 200]);
    expect(fake.notes(1001)).to.have.length(0);
  });
});

describe('Zendesk kit: writes', () => {
  it('writes a root-cause log as an internal note with tags and ticket fields; the key line finds it again', async () => {
    const adapter = kit({ fields: { causeId: 360001, departmentId: 360002 } });
    const key = `rc-${crypto.randomUUID()}`;
    const receipt = await guardHost(adapter).write('logRootCause', rootCause(key));
    const notes = fake.notes(1001);
    expect(notes).to.have.length(1);
    expect(String(notes[0]!.id)).to.equal(receipt.id);
    expect(notes[0]!.body).to.contain('Problem: Blender arrived broken').and.to.contain(noteMarker('logRootCause', key));
    const ticket = fake.tickets.get(1001)!;
    expect(ticket.tags).to.include('mend_root_cause_logged');
    expect(ticket.custom_fields).to.deep.include.members([{ id: 360001, value: 'rc-pack' }, { id: 360002, value: 'warehouse' }]);
    const put = fake.calls.find((c) => c.type === 'PUT')!;
    expect((put.data as { ticket: { comment: { public: boolean } } }).ticket.comment.public).to.equal(false);
  });

  it('a replay after a reload writes nothing twice: the outbox resends, the kit finds the first note by its key', async () => {
    const scope = `zendesk-reload:${crypto.randomUUID()}`;
    const key = `rc-${crypto.randomUUID()}`;
    // First page: Zendesk applies the note, but its answer is lost (a gateway time-out).
    fake.applyThenFail(/^PUT /, 504);
    const first = new Outbox(guardHost(composeAdapter(kit({ storageScope: scope, retry: { ...retry, attempts: 1 } }), service(), zendeskComposition)), scope);
    await first.ready;
    const [entry] = await first.enqueueMany([{ kind: 'logRootCause', payload: rootCause(key) }]);
    await waitUntil(() => first.entry(entry!.id)?.lastError?.code === 'unavailable', 'the first send failed as retryable', { timeout: 5000 });
    expect(fake.notes(1001)).to.have.length(1);
    expect(first.entry(entry!.id)?.status).to.not.equal('sent');
    await first.dispose();

    await fake.load(); // a new page: a new SDK client, a new adapter, the same outbox scope
    const second = new Outbox(guardHost(composeAdapter(kit({ storageScope: scope }), service(), zendeskComposition)), scope);
    await second.ready;
    expect((await second.whenSent(entry!.id)).status).to.equal('sent');
    expect(fake.notes(1001)).to.have.length(1);
    expect(fake.calls.filter((c) => c.type === 'PUT')).to.have.length(1);
    // The same key answers the first note's id as its receipt.
    expect((await kit().logRootCause(rootCause(key))).id).to.equal(String(fake.notes(1001)[0]!.id));
    expect(fake.calls.filter((c) => c.type === 'PUT')).to.have.length(1);
    await second.dispose();
  });

  it('every write kind is replay-safe and gets its own note', async () => {
    const host = guardHost(kit());
    const base = { interactionId: '1001', customerId: '501', at: new Date().toISOString() };
    const receipts = [
      await host.write('recordRecovery', { ...base, idempotencyKey: `a-${crypto.randomUUID()}`, severity: 'high', offers: [{ offerId: 'o', kind: 'compensation', label: 'Credit', amount: 1500 }], accepted: true, strategy: 'R3:high' }),
      await host.write('acknowledgeBaggage', { ...base, idempotencyKey: `b-${crypto.randomUUID()}`, incidentIds: ['901'] }),
      await host.write('requestCallback', { ...base, idempotencyKey: `c-${crypto.randomUUID()}`, reason: 'Severe dissatisfaction' }),
      await host.write('notifyManager', { ...base, idempotencyKey: `d-${crypto.randomUUID()}`, minutesOpen: 31, limitMinutes: 30 }),
    ];
    expect(new Set(receipts.map((r) => r.id)).size).to.equal(4);
    const bodies = fake.notes(1001).map((n) => n.body);
    expect(bodies[0]).to.contain('Credit ($15.00)');
    expect(fake.tickets.get(1001)!.tags).to.include.members(['mend_recovery', 'mend_baggage_acknowledged', 'mend_callback_requested', 'mend_manager_notified']);
  });

  it('a write on a ticket the agent may not update is permission, and changes nothing', async () => {
    fake.failNext(/^PUT /, 403);
    const error = await rejection(guardHost(kit()).write('logRootCause', rootCause(`p-${crypto.randomUUID()}`)));
    expect(error).to.include({ code: 'permission', retryable: false });
    expect(fake.notes(1001)).to.have.length(0);
  });
});

describe('Zendesk kit: events', () => {
  it('maps activation, requester change, deactivation and a solving submit to host events', async () => {
    const host = guardHost(kit());
    const changed: Array<HostEvents['interactionChanged']> = [];
    const ended: Array<HostEvents['interactionEnded']> = [];
    const off = host.on('interactionChanged', (e) => changed.push(e));
    host.on('interactionEnded', (e) => ended.push(e));
    await host.getContext();
    await waitUntil(() => fake.subscribers.get('ticket.submit.done') === 1, 'the kit subscribed through the SDK');

    fake.fire('app.activated', { firstLoad: false });
    await waitUntil(() => changed.length === 1, 'interactionChanged on activation');
    expect(changed[0]!.interaction?.id).to.equal('1001');

    fake.tickets.get(1001)!.requester_id = 502;
    fake.fire('ticket.requester.id.changed', 502);
    await waitUntil(() => changed.length === 2, 'interactionChanged on a new requester');
    expect(changed[1]!.interaction?.customerId).to.equal('502');

    fake.fire('app.deactivated');
    await waitUntil(() => changed.length === 3, 'interactionChanged on deactivation');
    expect(changed[2]!.interaction).to.equal(null);

    // A submit that leaves the ticket open ends nothing; one that solves it does.
    const gets = () => fake.received.filter((m) => m.request === 'get' && (m.params as string[]).includes('ticket.status')).length;
    const seen = gets();
    fake.fire('ticket.submit.done');
    await waitUntil(() => gets() > seen, 'the kit read the status after the submit');
    fake.tickets.get(1001)!.status = 'solved';
    fake.fire('ticket.submit.done');
    await waitUntil(() => ended.length === 1, 'interactionEnded after a solving submit');
    expect(ended).to.deep.equal([{ interactionId: '1001' }]);

    off();
    fake.fire('app.activated');
    fake.tickets.get(1001)!.status = 'closed';
    fake.fire('ticket.submit.done');
    await waitUntil(() => ended.length === 2, 'the second ending');
    expect(changed).to.have.length(3);
  });
});

describe('Zendesk kit: ticket.save guard', () => {
  it('holds a solving save with the guard message and releases it once the cause is logged', async () => {
    const adapter = kit();
    const host = guardHost(adapter);
    const logged = new Set<string>();
    const asked: string[] = [];
    host.registerWrapUpGuard((id) => {
      asked.push(id);
      return logged.has(id) ? { allow: true } : { allow: false, message: 'Log the root cause before wrap-up.' };
    });
    await waitUntil(() => fake.subscribers.get('ticket.save') === 1, 'the kit registered the save hook');

    // Saving an open ticket is not a wrap-up: not held, the guard is not asked.
    expect((await fake.save()).error).to.equal(undefined);
    expect(asked).to.deep.equal([]);

    fake.tickets.get(1001)!.status = 'solved';
    const held = await fake.save();
    expect(held.error).to.deep.equal({ msg: 'Log the root cause before wrap-up.' });
    expect(asked).to.deep.equal(['1001']);

    await host.write('logRootCause', rootCause(`g-${crypto.randomUUID()}`));
    logged.add('1001');
    const released = await fake.save();
    expect(released.error).to.equal(undefined);
    expect(released.key).to.equal('iframe.reply:ticket.save');
  });

  it("with hold 'every', every save asks; a failing guard never locks the agent out", async () => {
    const host = guardHost(kit({ hold: 'every' }));
    let calls = 0;
    const off = host.registerWrapUpGuard(() => {
      calls++;
      throw new Error('guard bug');
    });
    await waitUntil(() => fake.subscribers.get('ticket.save') === 1, 'the save hook');
    expect((await fake.save()).error).to.equal(undefined);
    expect(calls).to.equal(1);
    off();
  });
});
