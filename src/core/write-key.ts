/**
 * The idempotency keys of the agent's per-interaction writes that more than one widget may make:
 * the banner's Acknowledge and the picker's Accept (which acknowledges unacknowledged baggage) use
 * the same key, so the write is stored once and the banner shows it as done whoever made it, and a
 * retried write applies once. Pure: no DOM, no Lit.
 */

/** The writes keyed per interaction (or per customer without one). */
export type KeyedWrite = 'acknowledgeBaggage' | 'requestCallback';

/** Where a write applies: the interaction, or the customer when there is no interaction id. */
export interface WriteScope {
  interactionId: string;
  customer?: { id: string };
}

/** The idempotency key of a write: one per interaction (or per customer without one) and kind. */
export function writeKey<S extends WriteScope>(kind: KeyedWrite, scope: S): string {
  const where = scope.interactionId || `customer:${scope.customer?.id ?? ''}`;
  return `${kind === 'acknowledgeBaggage' ? 'ack' : 'callback'}:${where}`;
}
