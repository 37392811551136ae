/**
 * Host-side events and wrap-up guards for the adapters this package ships (MemoryAdapter,
 * LocalAdapter): subscribe, fire, count, and ask the guards before a wrap-up.
 */
import type { AnyHostEvents, WrapUpGuard, WrapUpVerdict } from './host-adapter.js';

/** Agent events and the optional lead events. */
type HostEventName = keyof AnyHostEvents;
type HostEvents = AnyHostEvents;

export class HostEventHub {
  #listeners = new Map<HostEventName, Set<(payload: unknown) => void>>();
  #guards = new Set<WrapUpGuard>();

  on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    // A fresh function per subscription, so the same handler subscribed twice unsubscribes twice.
    const h = (p: unknown) => handler(p as HostEvents[E]);
    set.add(h);
    return () => void set.delete(h);
  }

  /** Fire with any payload (tests send malformed and duplicate ones on purpose). */
  emit(event: HostEventName, payload: unknown): void {
    for (const handler of [...(this.#listeners.get(event) ?? [])]) handler(payload);
  }

  /** Handlers of `event`, or of every event. */
  count(event?: HostEventName): number {
    let n = 0;
    for (const [name, set] of this.#listeners) if (!event || name === event) n += set.size;
    return n;
  }

  guards(): WrapUpGuard[] {
    return [...this.#guards];
  }

  registerWrapUpGuard(guard: WrapUpGuard): () => void {
    this.#guards.add(guard);
    return () => void this.#guards.delete(guard);
  }

  /** The first guard that refuses decides; with none refusing, wrap-up may go ahead. */
  async askGuards(interactionId: string): Promise<WrapUpVerdict> {
    for (const guard of [...this.#guards]) {
      const verdict = await guard(interactionId);
      if (!verdict.allow) return verdict;
    }
    return { allow: true };
  }
}
