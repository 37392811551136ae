import { expect } from '@open-wc/testing';
import { composeAdapter } from '../../../src/adapter/compose.js';
import { runAdapterContract } from '../../../src/adapter/contract.js';
import { demoSeed, DEMO_IDS } from '../../../src/adapter/demo-data.js';
import { guardHost } from '../../../src/adapter/guard.js';
import type { HostAdapter } from '../../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { DEFAULT_POLICY } from '../../../src/core/index.js';
import { CONSOLE_WRITES, FlexKit } from '../../../src/hosts/flex/index.js';
import { disposeOutboxes, fill, hostedLogger, RECURRENCE, submit, TAXONOMY, text, until, combo, $ } from '../../root-cause-logger/helpers.js';
import { FakeFlex, FakeTask } from './fake-flex.js';
import { rootCauseLog } from '../payloads.js';

const kits: FlexKit[] = [];

function flexWithTask(customerId: string = DEMO_IDS.customers.heavy) {
  const flex = new FakeFlex();
  const n = crypto.randomUUID().slice(0, 8);
  const task = flex.addTask(new FakeTask(`WR-${n}`, `WT-${n}`, { customerId, name: 'Carmen Diaz', subject: 'Broken blender' }));
  flex.selectedTaskSid = task.sid;
  const kit = new FlexKit({ Actions: flex.Actions, manager: flex.manager, currency: 'USD', locale: 'en-US' });
  kits.push(kit);
  return { flex, task, kit };
}

/** The service side: fund, policy, taxonomy, recurrence (and history) from a MemoryAdapter. */
const service = () =>
  new MemoryAdapter({ ...demoSeed(), taxonomy: TAXONOMY, recurrence: RECURRENCE }, { capabilities: { wrapUpGuard: false } });

const composed = (kit: FlexKit): HostAdapter => composeAdapter(kit, service(), { from: CONSOLE_WRITES });

const log = (interactionId: string, key?: string) => rootCauseLog(interactionId, DEMO_IDS.customers.heavy, key);

afterEach(async () => {
  for (const kit of kits.splice(0)) kit.dispose();
  await disposeOutboxes();
});

runAdapterContract('Twilio Flex kit composed with the service', () => composed(flexWithTask().kit), { describe, it }, { agentId: DEMO_IDS.agent });

describe('Flex kit: context and events', () => {
  it('reads the agent from the worker and the interaction from the selected task', async () => {
    const { kit, task } = flexWithTask();
    const context = await guardHost(kit).getContext();
    expect(context.agent).to.deep.equal({ id: 'WK-dana', name: 'Dana Reyes', role: 'agent' });
    expect(context.interaction).to.include({ id: task.taskSid, customerId: DEMO_IDS.customers.heavy, channel: 'chat', customerName: 'Carmen Diaz', subject: 'Broken blender' });
    expect(context.currency).to.equal('USD');
  });

  it('no selected task: no interaction', async () => {
    const { kit, flex } = flexWithTask();
    flex.selectedTaskSid = undefined;
    expect((await kit.getContext()).interaction).to.equal(null);
  });

  it('afterSelectTask and taskAccepted change the interaction; taskWrapup and taskCompleted end it', async () => {
    const { kit, flex, task } = flexWithTask();
    const changed: Array<string | null> = [];
    const ended: string[] = [];
    const off1 = kit.on('interactionChanged', ({ interaction }) => changed.push(interaction?.id ?? null));
    const off2 = kit.on('interactionEnded', ({ interactionId }) => ended.push(interactionId));
    const other = flex.addTask(new FakeTask('WR-other', 'WT-other', { from: '+15550100' }, 'voice'));
    await flex.Actions.invokeAction('SelectTask', { sid: other.sid });
    expect(changed).to.deep.equal(['WT-other']);
    expect((await kit.getContext()).interaction).to.include({ id: 'WT-other', customerId: '+15550100', channel: 'voice' });
    // A task accepted while the agent looks at another one does not switch the widgets.
    await flex.Actions.invokeAction('AcceptTask', { sid: task.sid });
    expect(changed).to.deep.equal(['WT-other']);
    await flex.Actions.invokeAction('WrapupTask', { sid: other.sid });
    await flex.Actions.invokeAction('CompleteTask', { sid: other.sid });
    expect(ended).to.deep.equal(['WT-other', 'WT-other']);
    expect(changed).to.deep.equal(['WT-other', null]);
    off1();
    off2();
  });

  it('dispose removes every listener it added', async () => {
    const { kit, flex } = flexWithTask();
    kit.on('interactionChanged', () => {});
    kit.registerWrapUpGuard(() => ({ allow: true }));
    expect(flex.listenerCount()).to.be.greaterThan(0);
    kit.dispose();
    expect(flex.listenerCount()).to.equal(0);
  });
});

describe('Flex kit: keyed task attributes', () => {
  it('writes under mend.<kind>.<key> with SetTaskAttributes, keeping the other attributes and earlier keys', async () => {
    const { kit, task } = flexWithTask();
    const first = await kit.logRootCause(log(task.taskSid, 'k1'));
    await kit.logRootCause(log(task.taskSid, 'k2'));
    expect(first.id).to.equal(`flex:${task.taskSid}:mend.logRootCause.k1`);
    const mend = task.attributes.mend as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(mend.logRootCause!)).to.deep.equal(['k1', 'k2']);
    expect(mend.logRootCause!.k1).to.include({ kind: 'logRootCause', causeId: 'rc-pack', resolution: 'Replacement sent' });
    expect(task.attributes.customerId).to.equal(DEMO_IDS.customers.heavy);
  });

  it('a replay writes nothing and answers the same receipt; concurrent replays write once', async () => {
    const { kit, task } = flexWithTask();
    const payload = log(task.taskSid);
    const [a, b] = await Promise.all([kit.logRootCause(payload), kit.logRootCause(payload)]);
    const c = await kit.logRootCause(payload);
    expect(b.id).to.equal(a.id);
    expect(c.id).to.equal(a.id);
    expect(task.writes.length).to.equal(1);
  });

  it('Flex failures are typed HostErrors; a task no longer in the list is not_found', async () => {
    const { kit, task } = flexWithTask();
    task.failNext = Object.assign(new Error('TaskRouter: 503'), { status: 503 });
    const failed = await kit.logRootCause(log(task.taskSid)).catch((e) => e);
    expect(failed).to.include({ name: 'HostError', code: 'unavailable', retryable: true });
    const gone = await kit.logRootCause(log('WT-gone')).catch((e) => e);
    expect(gone).to.include({ name: 'HostError', code: 'not_found', retryable: false });
    expect(task.writes.length).to.equal(0);
  });

  it('the fund, policy and history are the service’s: the kit alone answers unsupported', async () => {
    const { kit } = flexWithTask();
    for (const call of [() => kit.getFund('x'), () => kit.getPolicy(), () => kit.getHistory('x'), () => kit.getTaxonomy()])
      expect(await call().catch((e) => e.code)).to.equal('unsupported');
  });
});

describe('Flex kit: the wrap-up guard with the root-cause logger', () => {
  it('beforeWrapupTask and beforeCompleteTask abort until the cause is logged, then wrap-up goes through', async () => {
    const { kit, flex, task } = flexWithTask();
    const told: string[] = [];
    const k = new FlexKit({ Actions: flex.Actions, manager: flex.manager, currency: 'USD', onWrapUpRefused: (m) => told.push(m) });
    kits.push(k);
    kit.dispose();
    const el = await hostedLogger(composeAdapter(k, new MemoryAdapter({ taxonomy: TAXONOMY, policy: DEFAULT_POLICY, recurrence: RECURRENCE }), { from: CONSOLE_WRITES }));
    await until(() => !combo(el).disabled && !!$(el, '#cause-hint'));

    const refused = await flex.Actions.invokeAction('WrapupTask', { sid: task.sid }).catch((e: Error) => e.message);
    expect(refused).to.equal('Action WrapupTask cancelled by before event');
    expect(task.status).to.equal('accepted');
    expect(told).to.deep.equal(['Log the root cause before wrap-up.']);
    await el.updateComplete;
    expect(text(el, '[part="wrap-up"]')).to.contain('Log the root cause before wrap-up.');
    expect(await flex.Actions.invokeAction('CompleteTask', { sid: task.sid }).catch((e: Error) => e.message)).to.equal(
      'Action CompleteTask cancelled by before event',
    );

    await fill(el, 'packaging');
    await submit(el);
    await flex.Actions.invokeAction('WrapupTask', { sid: task.sid });
    expect(task.status).to.equal('wrapping');
    await until(() => task.writes.length === 1);
    const logged = (task.attributes.mend as Record<string, Record<string, { causeId: string }>>).logRootCause!;
    expect(Object.values(logged).map((l) => l.causeId)).to.deep.equal(['rc-pack']);
    await flex.Actions.invokeAction('CompleteTask', { sid: task.sid });
    expect(task.status).to.equal('completed');
  });
});
