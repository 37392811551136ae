// A fake of the part of Flex UI 2 the kit uses, with the semantics of the real `Actions` (checked in
// @twilio/flex-ui 2.17.1's bundle and d.ts, see /work/shared/hosts.md §2.4):
// - invokeAction(name) fills `payload.task` from `payload.sid` (the worker actions' payload updater),
//   runs every `before<Name>` listener with (payload, abort) and awaits them together (Promise.all;
//   a listener's rejection is caught so the others are still awaited), then throws
//   "Action <Name> cancelled by before event" if any called abort(); else runs the action and the
//   `after<Name>` listeners;
// - SetTaskAttributes with mergeExisting merges into the task's attributes (top level; the kit does
//   not rely on a deep merge) and calls task.setAttributes;
// - WrapupTask / CompleteTask / AcceptTask change the reservation status and fire manager.events.
import type { FlexActions, FlexListener, FlexManager, FlexState, FlexTask, FlexWorker } from '../../../src/hosts/flex/types.js';

/** Listeners are called with whatever the event passes. */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  #listeners = new Map<string, Listener[]>();
  addListener(event: string, listener: FlexListener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener as Listener]);
    return this;
  }
  removeListener(event: string, listener: FlexListener): this {
    const list = this.#listeners.get(event) ?? [];
    const i = list.indexOf(listener as Listener);
    if (i >= 0) this.#listeners.set(event, list.filter((_, j) => j !== i));
    return this;
  }
  listeners(event: string): Listener[] {
    return [...(this.#listeners.get(event) ?? [])];
  }
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.listeners(event);
    for (const l of list) l(...args);
    return list.length > 0;
  }
  count(): number {
    return [...this.#listeners.values()].reduce((n, l) => n + l.length, 0);
  }
}

export class FakeTask implements FlexTask {
  status = 'accepted';
  taskStatus = 'assigned';
  workerSid = 'WK-dana';
  dateCreated = new Date(Date.now() - 5 * 60_000);
  /** Every setAttributes call (the write the Flex backend would receive). */
  writes: Array<Record<string, unknown>> = [];
  failNext: unknown = null;
  constructor(
    public sid: string,
    public taskSid: string,
    public attributes: Record<string, unknown>,
    public channelType = 'chat',
  ) {}
  async setAttributes(attributes: object): Promise<this> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    this.writes.push(structuredClone(attributes) as Record<string, unknown>);
    this.attributes = structuredClone(attributes) as Record<string, unknown>;
    return this;
  }
}

export class FakeFlex {
  readonly events = new Emitter();
  readonly actionEvents = new Emitter();
  readonly tasks = new Map<string, FakeTask>();
  selectedTaskSid: string | undefined;
  worker: FlexWorker = { sid: 'WK-dana', name: 'dana', attributes: { full_name: 'Dana Reyes', roles: ['agent'] } };
  /** Names of the actions invoked, in order, with their outcome. */
  invoked: Array<{ name: string; outcome: 'done' | 'cancelled' | 'failed' }> = [];

  readonly Actions: FlexActions & { invokeAction(name: string, payload?: Record<string, unknown>): Promise<unknown> } = {
    invokeAction: (name, payload = {}) => this.#invoke(name, payload),
    addListener: (event, listener) => this.actionEvents.addListener(event, listener),
    removeListener: (event, listener) => this.actionEvents.removeListener(event, listener),
  };

  readonly manager: FlexManager = {
    store: { getState: (): FlexState => ({ flex: { worker: { tasks: this.tasks, attributes: this.worker.attributes ?? {}, worker: this.worker }, view: { selectedTaskSid: this.selectedTaskSid } } }) },
    events: this.events,
    workerClient: this.worker,
  };

  addTask(task: FakeTask): FakeTask {
    this.tasks.set(task.sid, task);
    return task;
  }

  /** Listeners attached by the kit (actions and manager events). */
  listenerCount(): number {
    return this.events.count() + this.actionEvents.count();
  }

  async #invoke(name: string, payload: Record<string, unknown>): Promise<unknown> {
    if (!payload.task && typeof payload.sid === 'string') payload.task = this.tasks.get(payload.sid);
    let aborted = false;
    const abort = () => {
      aborted = true;
    };
    await Promise.all(
      this.actionEvents.listeners(`before${name}`).map((l) => {
        try {
          return Promise.resolve(l(payload, abort)).catch((e) => console.warn('before listener failed', e));
        } catch (e) {
          console.warn('before listener failed', e);
          return undefined;
        }
      }),
    );
    if (aborted) {
      this.invoked.push({ name, outcome: 'cancelled' });
      throw new Error(`Action ${name} cancelled by before event`);
    }
    let result: unknown;
    try {
      result = await this.#run(name, payload);
    } catch (error) {
      this.invoked.push({ name, outcome: 'failed' });
      throw error;
    }
    this.invoked.push({ name, outcome: 'done' });
    await Promise.all(this.actionEvents.listeners(`after${name}`).map((l) => l(payload)));
    return result;
  }

  async #run(name: string, payload: Record<string, unknown>): Promise<unknown> {
    const task = payload.task as FakeTask | undefined;
    switch (name) {
      case 'SelectTask':
        this.selectedTaskSid = (payload.sid as string | undefined) ?? task?.sid;
        return undefined;
      case 'SetTaskAttributes': {
        const attributes = payload.attributes as Record<string, unknown>;
        return task?.setAttributes(payload.mergeExisting ? { ...task.attributes, ...attributes } : attributes);
      }
      case 'AcceptTask':
        task!.status = 'accepted';
        this.events.emit('taskAccepted', task);
        return undefined;
      case 'WrapupTask':
        task!.status = 'wrapping';
        this.events.emit('taskWrapup', task);
        return undefined;
      case 'CompleteTask':
        task!.status = 'completed';
        this.tasks.delete(task!.sid);
        if (this.selectedTaskSid === task!.sid) this.selectedTaskSid = undefined;
        this.events.emit('taskCompleted', task);
        return undefined;
      default:
        throw new Error(`FakeFlex: no action ${name}`);
    }
  }
}
