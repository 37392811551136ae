/**
 * The reusable suite of `src/controllers/write-action.ts`: what every element whose action goes
 * through the outbox must do, as the agent and the page see it. An element adopting WriteAction runs
 *
 * ```ts
 * runWriteActionSuite({
 *   tag: 'mend-baggage-banner',
 *   kind: 'acknowledgeBaggage',
 *   event: 'mend-baggage-acknowledge',
 *   mount: async (adapter) => { ... a ready element on this adapter ... },
 *   trigger: (el) => part(el, 'acknowledge').click(),
 *   status: (el) => text(part(el, 'status')),
 *   control: (el) => part(el, 'acknowledge'),
 * });
 * ```
 *
 * The adapter is a MemoryAdapter with an active interaction (`adapter()` may give another one);
 * `status` is the words the element shows for the write; `control` (optional) is the element the
 * agent acts on, `aria-disabled` while the write is handled.
 */
import { expect } from '@open-wc/testing';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { guardHost } from '../../src/adapter/guard.js';
import type { WriteKind } from '../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { outboxFor } from '../../src/adapter/outbox.js';
import { refuseStorage } from '../failures/helpers.js';
import { until } from '../helpers/until.js';

export interface WriteActionSuiteOptions {
  tag: string;
  kind: WriteKind;
  event: keyof GlobalEventHandlersEventMap;
  /** A ready element on `adapter`: the agent can act. */
  mount(adapter: MemoryAdapter): Promise<HTMLElement>;
  /** The agent's action (a click). */
  trigger(el: HTMLElement): void | Promise<void>;
  /** The words the element shows for its write. */
  status(el: HTMLElement): string;
  /** The control the agent acts on (`aria-disabled` while the write is handled). */
  control?(el: HTMLElement): HTMLElement | null;
  /** A MemoryAdapter with an active interaction (default: the demo's heavy-baggage customer). */
  adapter?(): MemoryAdapter;
}

let serial = 0;
const run = Date.now().toString(36);

function defaultAdapter(): MemoryAdapter {
  const interaction = {
    id: `int-wa-${run}-${++serial}`,
    customerId: DEMO_IDS.customers.heavy,
    channel: 'voice' as const,
    startedAt: new Date().toISOString(),
    customerName: 'Carmen Ruiz',
  };
  return new MemoryAdapter({ ...demoSeed(), context: { interaction } }, { latency: 2 });
}

export function runWriteActionSuite(options: WriteActionSuiteOptions): void {
  const { tag, kind, event } = options;
  const adapters: MemoryAdapter[] = [];
  const fresh = () => {
    const adapter = (options.adapter ?? defaultAdapter)();
    adapters.push(adapter);
    return adapter;
  };
  const written = (adapter: MemoryAdapter) => adapter.received.filter((w) => w.kind === kind);
  const update = (el: HTMLElement) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  /** Everything this adapter's outbox can send now has been sent (or refused). */
  const drained = async (adapter: MemoryAdapter) => {
    const outbox = outboxFor(guardHost(adapter), adapter.storageScope);
    await outbox.flush();
  };

  describe(`${tag}: an action that goes through the outbox (write-action suite)`, () => {
    afterEach(async () => {
      for (const adapter of adapters.splice(0)) await outboxFor(guardHost(adapter), adapter.storageScope).dispose();
    });

    it('is stored once and told once, even on repeated clicks; the words follow it to "Delivered."', async () => {
      const adapter = fresh();
      const el = await options.mount(adapter);
      const events: Event[] = [];
      el.addEventListener(event, (e) => events.push(e));
      await options.trigger(el);
      await options.trigger(el);
      await until(() => events.length === 1, 'the event after the write is stored');
      await until(() => options.status(el).includes('Delivered.'), 'the delivered words');
      await options.trigger(el);
      await update(el);
      await drained(adapter);
      expect(events.length).to.equal(1);
      expect(written(adapter).length).to.equal(1);
      const control = options.control?.(el);
      if (control) expect(control.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('a write the host refuses says why, stays actionable, and acting again sends the same key once', async () => {
      const adapter = fresh();
      adapter.failNext(kind as never, 'permission');
      const el = await options.mount(adapter);
      const events: Event[] = [];
      el.addEventListener(event, (e) => events.push(e));
      await options.trigger(el);
      await until(() => options.status(el).includes('Not accepted'), 'the refusal in words');
      expect(written(adapter).length).to.equal(0);
      const control = options.control?.(el);
      if (control) expect(control.getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
      await options.trigger(el);
      await until(() => options.status(el).includes('Delivered.'), 'the resent write delivered');
      await drained(adapter);
      const writes = written(adapter);
      expect(writes.length).to.equal(1);
      expect(events.length).to.equal(1);
    });

    it('storage refused: says it was not saved, sends and tells nothing; acting again once storing works stores it once', async () => {
      const adapter = fresh();
      const el = await options.mount(adapter);
      const events: Event[] = [];
      el.addEventListener(event, (e) => events.push(e));
      const undo = refuseStorage();
      try {
        await options.trigger(el);
        await until(() => options.status(el).includes('Not saved'), 'the not-saved words');
      } finally {
        undo();
      }
      expect(events.length).to.equal(0);
      expect(written(adapter).length).to.equal(0);
      const control = options.control?.(el);
      if (control) expect(control.getAttribute('aria-disabled')).to.equal('false');
      await options.trigger(el);
      await until(() => options.status(el).includes('Delivered.'), 'the stored write delivered');
      await drained(adapter);
      expect(events.length).to.equal(1);
      expect(written(adapter).length).to.equal(1);
    });
  });
}
