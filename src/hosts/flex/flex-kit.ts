/**
 * The Twilio Flex UI 2 kit: a {@link HostAdapter} for a Flex plugin. It takes `{ Actions, manager }`
 * from the plugin's `init(flex, manager)` (it never imports `@twilio/flex-ui`) and gives the widgets:
 *
 * - **context** from the selected task: the interaction is the task (`taskSid`), the customer an id
 *   from its attributes, the agent the worker;
 * - **events**: `afterSelectTask` and `taskAccepted` → `interactionChanged`; `taskWrapup` and
 *   `taskCompleted` → `interactionEnded` (a completed selected task also clears the interaction);
 * - **writes** into the task's attributes under `mend.<kind>.<idempotencyKey>` with
 *   `SetTaskAttributes` (`mergeExisting: true`), looked up first: a replay writes nothing and
 *   answers the same receipt;
 * - **the wrap-up guard** as `beforeWrapupTask` and `beforeCompleteTask` listeners: Flex awaits them,
 *   and a refusal calls `abort()`, so the action throws and the task stays as it was.
 *
 * Flex keeps no history, fund, policy, taxonomy or recurrence: compose the kit with the Mend service
 * (`composeAdapter(kit, service, { from: CONSOLE_WRITES })`). See docs/hosts/flex.md.
 */
import type { Agent, Channel, HostContext, Interaction } from '../../core/model.js';
import { HostError } from '../../adapter/errors.js';
import type { CallOptions, Capabilities, HostWrites, WriteKind, WriteReceipt } from '../../adapter/host-adapter.js';
import { ConsoleKit, declareCapabilities, throwIfAborted } from '../shared/console-kit.js';
import { httpHostError } from '../shared/http-errors.js';
import { keyedReceipt, SingleFlight, writeSummary } from '../shared/keyed-writes.js';
import type { FlexActions, FlexListener, FlexManager, FlexTask, FlexWorker } from './types.js';

export interface FlexKitOptions {
  /** `flex.Actions` from the plugin's `init`. */
  Actions: FlexActions;
  /** `manager` from the plugin's `init`. */
  manager: FlexManager;
  /** ISO 4217 currency of the fund and offers (Flex has none of its own). */
  currency: string;
  /** BCP 47 locale; default the browser's. */
  locale?: string;
  /**
   * The customer id of a task, as the service knows customers. Default: the first of the task
   * attributes `customerId`, `customer_id`, `crmId`, `customers.external_id`, `from`, `name`.
   */
  customerIdOf?: (task: FlexTask) => string | undefined;
  /** The agent's role in the policy. Default: `lead` for workers with a `supervisor` or `admin` role, else `agent`. */
  roleOf?: (worker: FlexWorker, attributes: Record<string, unknown>) => string;
  /** Told why wrap-up was refused (e.g. `(m) => flex.Notifications.showNotification(...)`); the widget shows it too. */
  onWrapUpRefused?: (message: string, task: FlexTask) => void;
  /** Outbox scope; default `flex:<worker sid>`. */
  storageScope?: string;
}

const CHANNELS: Record<string, Channel> = {
  voice: 'voice',
  chat: 'chat',
  web: 'chat',
  sms: 'messaging',
  whatsapp: 'messaging',
  messenger: 'messaging',
  email: 'email',
  facebook: 'social',
  twitter: 'social',
  instagram: 'social',
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function defaultCustomerId(task: FlexTask): string | undefined {
  const a = task.attributes ?? {};
  return str(a.customerId) ?? str(a.customer_id) ?? str(a.crmId) ?? str(obj(a.customers)?.external_id) ?? str(a.from) ?? str(a.name);
}

function defaultRole(_worker: FlexWorker, attributes: Record<string, unknown>): string {
  const roles = Array.isArray(attributes.roles) ? attributes.roles : [];
  return roles.includes('supervisor') || roles.includes('admin') ? 'lead' : 'agent';
}

/** The kit. Create it once per plugin: `new FlexKit({ Actions: flex.Actions, manager, currency: 'USD' })`. */
export class FlexKit extends ConsoleKit {
  readonly capabilities: Capabilities = declareCapabilities([
    'recordRecovery',
    'logRootCause',
    'acknowledgeBaggage',
    'requestCallback',
    'notifyManager',
    'wrapUpGuard',
    'events',
  ]);
  readonly storageScope: string;
  protected readonly hostName = 'Twilio Flex';

  #o: FlexKitOptions;
  #flights = new SingleFlight<WriteReceipt>();
  #off: Array<() => void> = [];
  /** The reservation sid of the selected task, as the kit last heard it. */
  #selected: string | null | undefined = undefined;

  constructor(options: FlexKitOptions) {
    super();
    this.#o = options;
    this.storageScope = options.storageScope ?? `flex:${this.#worker()?.sid ?? 'worker'}`;
  }

  // ---- reads -------------------------------------------------------------------------------------

  async getContext(options?: CallOptions): Promise<HostContext> {
    throwIfAborted(options?.signal);
    const worker = this.#worker();
    if (!worker) throw new HostError('unavailable', 'Twilio Flex has no worker yet (not logged in).');
    const attributes = { ...(this.#state().worker.attributes ?? {}), ...(worker.attributes ?? {}) };
    const agent: Agent = {
      id: worker.sid,
      name: str(attributes.full_name) ?? worker.name ?? worker.sid,
      role: (this.#o.roleOf ?? defaultRole)(worker, attributes),
    };
    const task = this.#selectedTask();
    return {
      agent,
      interaction: task ? this.#interaction(task) : null,
      locale: this.#o.locale ?? (typeof navigator !== 'undefined' ? navigator.language : 'en-US'),
      currency: this.#o.currency,
    };
  }

  // ---- writes ------------------------------------------------------------------------------------

  protected write<K extends WriteKind>(kind: K, payload: HostWrites[K], options?: CallOptions): Promise<WriteReceipt> {
    const receipt = { id: keyedReceipt('flex', payload.interactionId, kind, payload.idempotencyKey) };
    return this.#flights.run(receipt.id, async () => {
      throwIfAborted(options?.signal);
      const task = this.#taskOf(payload.interactionId);
      if (!task)
        throw new HostError('not_found', `Task ${payload.interactionId} is no longer among this worker's tasks; Flex cannot write its attributes.`, {
          retryable: false,
        });
      const mend = obj(task.attributes?.mend) ?? {};
      const ofKind = obj(mend[kind]) ?? {};
      if (payload.idempotencyKey in ofKind) return receipt; // a replay: the first write is there
      const attributes = { mend: { ...mend, [kind]: { ...ofKind, [payload.idempotencyKey]: writeSummary(kind, payload) } } };
      try {
        await this.#o.Actions.invokeAction('SetTaskAttributes', { sid: task.sid, task, attributes, mergeExisting: true });
      } catch (error) {
        throw httpHostError(error, { host: this.hostName, doing: 'set the task attributes' });
      }
      return receipt;
    });
  }

  // ---- events and the guard ----------------------------------------------------------------------

  protected listen(): void {
    if (this.#off.length) return;
    const { Actions, manager } = this.#o;
    const on = (target: { addListener: FlexActions['addListener']; removeListener: FlexActions['removeListener'] }, event: string, fn: FlexListener) => {
      target.addListener(event, fn);
      this.#off.push(() => void target.removeListener(event, fn));
    };
    on(Actions, 'afterSelectTask', (payload: { sid?: string; task?: FlexTask } = {}) => {
      const task = payload.task ?? (payload.sid ? this.#state().worker.tasks.get(payload.sid) : undefined);
      this.#selected = task?.sid ?? payload.sid ?? null;
      this.hub.emit('interactionChanged', { interaction: task ? this.#interaction(task) : null });
    });
    on(manager.events, 'taskAccepted', (task: FlexTask) => {
      const selected = this.#selectedSid();
      if (selected && selected !== task.sid) return; // the agent is looking at another task
      this.#selected = task.sid;
      this.hub.emit('interactionChanged', { interaction: this.#interaction(task) });
    });
    on(manager.events, 'taskWrapup', (task: FlexTask) => this.hub.emit('interactionEnded', { interactionId: task.taskSid }));
    on(manager.events, 'taskCompleted', (task: FlexTask) => {
      this.hub.emit('interactionEnded', { interactionId: task.taskSid });
      if (this.#selectedSid() === task.sid) {
        this.#selected = null;
        this.hub.emit('interactionChanged', { interaction: null });
      }
    });
    const guard = async (payload: { sid?: string; task?: FlexTask } = {}, abort?: (reason?: string) => void) => {
      const task = payload.task ?? (payload.sid ? this.#state().worker.tasks.get(payload.sid) : undefined);
      if (!task) return;
      const verdict = await this.hub.askGuards(task.taskSid);
      if (verdict.allow) return;
      const message = verdict.message ?? 'Mend holds the wrap-up.';
      abort?.(message);
      this.#o.onWrapUpRefused?.(message, task);
    };
    on(Actions, 'beforeWrapupTask', guard);
    on(Actions, 'beforeCompleteTask', guard);
  }

  /** Stop following Flex (removes every listener the kit added). */
  dispose(): void {
    for (const off of this.#off.splice(0)) off();
  }

  // ---- Flex state --------------------------------------------------------------------------------

  #state() {
    return this.#o.manager.store.getState().flex;
  }

  #worker(): FlexWorker | undefined {
    return this.#o.manager.workerClient ?? this.#state().worker.worker;
  }

  #selectedSid(): string | null {
    const fromState = this.#state().view?.selectedTaskSid;
    return fromState ?? this.#selected ?? null;
  }

  #selectedTask(): FlexTask | undefined {
    const sid = this.#selectedSid();
    return sid ? this.#state().worker.tasks.get(sid) : undefined;
  }

  /** The worker's task with this task sid (or reservation sid). */
  #taskOf(interactionId: string): FlexTask | undefined {
    for (const task of this.#state().worker.tasks.values()) if (task.taskSid === interactionId || task.sid === interactionId) return task;
    return undefined;
  }

  #interaction(task: FlexTask): Interaction {
    const a = task.attributes ?? {};
    const created = task.dateCreated instanceof Date ? task.dateCreated : new Date(task.dateCreated ?? Date.now());
    const customerName = str(a.customerName) ?? str(a.name);
    const subject = str(a.subject) ?? str(a.title);
    const severity = str(obj(a.mend)?.severity);
    return {
      id: task.taskSid,
      customerId: (this.#o.customerIdOf ?? defaultCustomerId)(task) ?? `flex-task:${task.taskSid}`,
      channel: CHANNELS[(task.channelType ?? task.taskChannelUniqueName ?? '').toLowerCase()] ?? 'other',
      startedAt: Number.isNaN(created.getTime()) ? new Date().toISOString() : created.toISOString(),
      ...(customerName ? { customerName } : {}),
      ...(subject ? { subject } : {}),
      ...(severity ? { severity } : {}),
    };
  }
}
