/**
 * Failure-path fixtures: storage that refuses writes (a real IndexedDB whose `put` throws the
 * browser's QuotaExceededError for the outbox's stores) and the three writing widgets, each mounted
 * on its own MemoryAdapter with one "act" (the agent's write) so that one suite runs against all.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sessionFor, type HostSession } from '../../src/adapter/session.js';
import type { WriteKind } from '../../src/adapter/host-adapter.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import '../../src/define/baggage-banner.js';
import '../../src/define/offer-picker.js';
import '../../src/define/root-cause-logger.js';
import { bundles, confirmButton, makeFund, makePolicy, newAgentId } from '../offer-picker/fixtures.js';
import { fill, RECURRENCE, TAXONOMY } from '../root-cause-logger/helpers.js';

/**
 * Make IndexedDB refuse to store in the outbox's databases (`mend-outbox-*`) the way a full disk
 * does: `put` throws QuotaExceededError. Returns the undo.
 */
export function refuseStorage(match: (database: string) => boolean = (db) => db.startsWith('mend-outbox-')): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (match(this.transaction.db.name)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    IDBObjectStore.prototype.put = put;
  };
}

export const shadowText = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

export interface Mounted {
  el: HTMLElement;
  adapter: MemoryAdapter;
  session: HostSession;
  /** The agent's write, as a click. */
  act(): Promise<void>;
  /** How many times the host received this widget's write. */
  written(): number;
}

export interface WidgetCase {
  name: string;
  tag: string;
  event: 'mend-baggage-acknowledge' | 'mend-offer-accept' | 'mend-root-cause-log';
  kind: WriteKind;
  mount(options?: { storageProbeMs?: number; adapter?: MemoryAdapter }): Promise<Mounted>;
}

let serial = 0;
const run = Date.now().toString(36);
export const adapters: MemoryAdapter[] = [];
const id = (prefix: string) => `${prefix}-${run}-${++serial}`;

const received = (adapter: MemoryAdapter, kind: WriteKind) => adapter.received.filter((w) => w.kind === kind).length;

function session(adapter: MemoryAdapter, probe?: number): HostSession {
  adapters.push(adapter);
  return sessionFor(adapter, probe ? { storageProbeMs: probe } : {});
}

/** One adapter every widget can use: heavy baggage, a policy, a fund, a taxonomy. */
export function sharedAdapter(): MemoryAdapter {
  const seed = demoSeed();
  const agentId = newAgentId();
  const interaction = {
    id: id('int-fail'),
    customerId: DEMO_IDS.customers.heavy,
    channel: 'voice' as const,
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    customerName: 'Carmen Ruiz',
    severity: 'low',
  };
  return new MemoryAdapter(
    {
      ...seed,
      context: { agent: { id: agentId, name: 'Dana Reyes', role: 'agent' }, interaction, locale: 'en-US', currency: 'USD' },
      policy: makePolicy(),
      funds: [makeFund({ agentId })],
      taxonomy: TAXONOMY,
      recurrence: RECURRENCE,
    },
    { latency: 2 },
  );
}

/** Mount one widget on an adapter (a fresh one unless given) and wait until it can act. */
async function mountOn(
  options: { storageProbeMs?: number; adapter?: MemoryAdapter },
  kind: WriteKind,
  render: (adapter: MemoryAdapter) => Promise<HTMLElement>,
  prepare: (el: HTMLElement) => Promise<unknown>,
  act: (el: HTMLElement) => void,
): Promise<Mounted> {
  const adapter = options.adapter ?? sharedAdapter();
  const s = session(adapter, options.storageProbeMs);
  const el = await render(adapter);
  await prepare(el);
  return { el, adapter, session: s, act: async () => act(el), written: () => received(adapter, kind) };
}

const ready = (el: HTMLElement, check: () => unknown, what: string) => waitUntil(check, `the ${what} is ready`, { timeout: 5000 });
const combo = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]');

export const WIDGETS: WidgetCase[] = [
  {
    name: 'baggage banner',
    tag: 'mend-baggage-banner',
    event: 'mend-baggage-acknowledge',
    kind: 'acknowledgeBaggage',
    mount: (options = {}) =>
      mountOn(
        options,
        'acknowledgeBaggage',
        (adapter) => fixture<HTMLElement>(html`<mend-baggage-banner .adapter=${adapter}></mend-baggage-banner>`),
        (el) => ready(el, () => part(el, 'acknowledge'), 'banner'),
        (el) => part(el, 'acknowledge')!.click(),
      ),
  },
  {
    name: 'offer picker',
    tag: 'mend-offer-picker',
    event: 'mend-offer-accept',
    kind: 'recordRecovery',
    mount: (options = {}) =>
      mountOn(
        options,
        'recordRecovery',
        (adapter) => fixture<HTMLElement>(html`<mend-offer-picker options-open .adapter=${adapter} locale="en-US"></mend-offer-picker>`),
        async (el) => {
          await ready(el, () => bundles(el as never).length > 0, 'picker');
          bundles(el as never)[0].click();
          await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        },
        (el) => confirmButton(el as never).click(),
      ),
  },
  {
    name: 'root-cause logger',
    tag: 'mend-root-cause-logger',
    event: 'mend-root-cause-log',
    kind: 'logRootCause',
    mount: (options = {}) =>
      mountOn(
        options,
        'logRootCause',
        (adapter) => fixture<HTMLElement>(html`<mend-root-cause-logger .adapter=${adapter} .policy=${DEFAULT_POLICY}></mend-root-cause-logger>`),
        async (el) => {
          await ready(el, () => combo(el) && !combo(el)!.disabled, 'logger');
          await fill(el as never);
        },
        (el) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click(),
      ),
  },
];

/** Stop each adapter's outbox so that no test's writes outlive it. */
export async function disposeAll(): Promise<void> {
  for (const adapter of adapters.splice(0)) await (await sessionFor(adapter).openOutbox()).dispose();
}
