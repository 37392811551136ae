/**
 * The durable write path (issue #4). Every write an agent makes (baggage acknowledgement, recovery
 * record, root-cause log, callback request, manager notice) is stored in IndexedDB before it is
 * sent, and removed only after the host confirmed it.
 *
 * THIS FILE IS A STUB with the public API; the implementation is being written.
 */
import type { GuardedHost } from './guard.js';
import type { HostWrites, WriteKind } from './host-adapter.js';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'needs_attention'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxEntry<K extends WriteKind = WriteKind> {
  /** The write's idempotency key; also the entry id. */
  id: string;
  kind: K;
  payload: HostWrites[K];
  interactionId: string;
  /** Order of enqueueing (per outbox), for in-order delivery per interaction. */
  seq: number;
  /** ISO 8601. */
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  /** The host's reason when it failed (for needs_attention, shown to the agent). */
  lastError?: { code: string; message: string };
}

export interface OutboxChangeDetail {
  entries: readonly OutboxEntry[];
  pending: number;
}

export class Outbox extends EventTarget {
  constructor(readonly host: GuardedHost, readonly scope = 'default') {
    super();
  }
  /** Store durably, then try to send. Resolves when stored (not when sent). */
  async enqueue<K extends WriteKind>(kind: K, payload: HostWrites[K]): Promise<OutboxEntry<K>> {
    const entry: OutboxEntry<K> = {
      id: payload.idempotencyKey, kind, payload, interactionId: payload.interactionId, seq: 0,
      createdAt: new Date().toISOString(), status: 'queued', attempts: 0,
    };
    await this.host.write(kind, payload).catch(() => {});
    return entry;
  }
  get entries(): readonly OutboxEntry[] {
    return [];
  }
  get pending(): number {
    return 0;
  }
  entry(id: string): OutboxEntry | undefined {
    void id;
    return undefined;
  }
}

const outboxes = new WeakMap<GuardedHost, Map<string, Outbox>>();
/** The one outbox of a host and scope. */
export function outboxFor(host: GuardedHost, scope = 'default'): Outbox {
  let byScope = outboxes.get(host);
  if (!byScope) outboxes.set(host, (byScope = new Map()));
  let outbox = byScope.get(scope);
  if (!outbox) byScope.set(scope, (outbox = new Outbox(host, scope)));
  return outbox;
}
