/**
 * A small observable cache entry for host data: one load in flight at a time, shared by every
 * widget that asks for the same thing, with a typed error state and a retry.
 */
import { HostError, toHostError } from './errors.js';

export const RESOURCE_STATUSES = ['idle', 'loading', 'ready', 'error', 'unsupported'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export interface ResourceState<T> {
  readonly status: ResourceStatus;
  readonly value?: T;
  readonly error?: HostError;
}

export class Resource<T> extends EventTarget {
  #state: ResourceState<T> = { status: 'idle' };
  #inflight: Promise<T> | null = null;
  #controller: AbortController | null = null;
  #generation = 0;

  constructor(private readonly loader: (signal: AbortSignal) => Promise<T>) {
    super();
  }

  get state(): ResourceState<T> {
    return this.#state;
  }

  /**
   * Load once. Never rejects: failures land in `state.error` and stay there until `reload()` (the
   * retry), so a widget re-rendering in its error state does not hammer the host.
   */
  ensure(): Promise<void> {
    if (this.#state.status === 'idle') return this.reload();
    return this.#inflight ? this.#inflight.then(noop, noop) : Promise.resolve();
  }

  /** Load again (retry). Keeps showing the previous value while loading. */
  reload(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const generation = ++this.#generation;
    this.#set({ status: 'loading', value: this.#state.value });
    const run = this.loader(controller.signal);
    this.#inflight = run;
    return run.then(
      (value) => {
        if (generation !== this.#generation) return;
        this.#inflight = null;
        this.#set({ status: 'ready', value });
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#inflight = null;
        const e = toHostError(error);
        this.#set({ status: e.code === 'unsupported' ? 'unsupported' : 'error', error: e, value: this.#state.value });
      },
    );
  }

  /**
   * Accept a newer value pushed by the host (an event, a write's answer). `isNewer` decides, so an
   * old answer never overwrites a newer one.
   */
  push(value: T, isNewer: (incoming: T, current: T) => boolean = () => true): boolean {
    const current = this.#state.value;
    if (current !== undefined && this.#state.status === 'ready' && !isNewer(value, current)) return false;
    if (this.#inflight) {
      // A load that started before this push would bring older data: drop it.
      this.#generation++;
      this.#controller?.abort();
      this.#inflight = null;
    }
    this.#set({ status: 'ready', value });
    return true;
  }

  dispose(): void {
    this.#generation++;
    this.#controller?.abort();
    this.#inflight = null;
  }

  #set(state: ResourceState<T>): void {
    this.#state = state;
    this.dispatchEvent(new Event('change'));
  }
}

function noop(): void {}
