/**
 * Replay-safe writes for consoles whose write APIs take no idempotency key (Genesys participant
 * attributes, Flex task attributes, Zendesk fields and notes): the key becomes part of WHERE the
 * write lands, so a replay finds the first write and answers the same receipt without writing.
 *
 * - a keyed name `mend.<kind>.<idempotencyKey>` for attribute maps;
 * - a marker `[mend:<kind>:<idempotencyKey>]` inside free text (notes, comments) that a replay
 *   searches for before it creates anything;
 * - a receipt id derived from the key, so the first write and every replay answer the same `{ id }`;
 * - one flight per key: two concurrent calls with the same key share one write.
 */
import type { ComposeOptions } from '../../adapter/compose.js';
import type { HostWrites, WriteBase, WriteKind } from '../../adapter/host-adapter.js';

/** The attribute name a write lands under: `mend.<kind>.<idempotencyKey>`. */
export const keyedName = (kind: WriteKind, idempotencyKey: string): string => `mend.${kind}.${idempotencyKey}`;

/** The receipt of a keyed write: the same for the first write and every replay. */
export const keyedReceipt = (host: string, interactionId: string, kind: WriteKind, idempotencyKey: string): string =>
  `${host}:${interactionId}:${keyedName(kind, idempotencyKey)}`;

/** The marker a keyed note or comment carries, so that a replay can find it before creating another. */
export const noteMarker = (kind: WriteKind, idempotencyKey: string): string => `[mend:${kind}:${idempotencyKey}]`;

/** What a write stores under its key: everything but the routing fields (they are in the name and the place). */
export function writeSummary<K extends WriteKind>(kind: K, payload: HostWrites[K]): Record<string, unknown> {
  const { idempotencyKey: _k, interactionId: _i, customerId: _c, ...rest } = payload as HostWrites[K] & WriteBase;
  return { kind, ...rest };
}

/** A short, human-readable note for the console's timeline (customer text stays plain text). */
export function noteText<K extends WriteKind>(kind: K, payload: HostWrites[K]): string {
  const p = payload as unknown as Record<string, unknown>;
  const lines: string[] = [];
  switch (kind) {
    case 'logRootCause':
      lines.push('Root cause logged (Mend)', `Problem: ${p.problem}`, `Root cause: ${p.causeId}`, `Department: ${p.departmentId}`, `Resolution: ${p.resolution}`);
      break;
    case 'recordRecovery': {
      const offers = (p.offers as Array<{ label: string }>).map((o) => o.label).join('; ');
      lines.push(`Recovery ${p.accepted ? 'accepted' : 'declined'} (Mend)`, `Severity: ${p.severity}`, `Offers: ${offers}`);
      break;
    }
    case 'requestCallback':
      lines.push('Callback requested (Mend)', `Reason: ${p.reason}`);
      break;
    case 'acknowledgeBaggage':
      lines.push('Past issues acknowledged (Mend)', `Incidents: ${(p.incidentIds as string[]).join(', ') || 'none'}`);
      break;
    case 'notifyManager':
      lines.push('Manager notified (Mend)', `Open ${p.minutesOpen} min (limit ${p.limitMinutes} min)`);
      break;
  }
  lines.push(`Interaction: ${p.interactionId}`, noteMarker(kind, p.idempotencyKey as string));
  return lines.join('\n');
}

/**
 * One flight per key: a second call with a key still in flight gets the first call's promise
 * (the outbox's single flusher makes this rare; a widget's retry during a slow answer does not).
 */
export class SingleFlight<T> {
  #flights = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const flying = this.#flights.get(key);
    if (flying) return flying;
    const flight = (async () => work())().finally(() => this.#flights.delete(key));
    this.#flights.set(key, flight);
    return flight;
  }
}

/**
 * `composeAdapter` options that send the five writes to the console (its keyed attributes) instead
 * of the service: `composeAdapter(kit, service, { from: CONSOLE_WRITES })`. Recurrence counts then
 * come from the service only for what the service saw; see docs/hosts/genesys.md and flex.md.
 */
export const CONSOLE_WRITES: NonNullable<ComposeOptions['from']> = Object.freeze({
  recordRecovery: 'host',
  logRootCause: 'host',
  acknowledgeBaggage: 'host',
  requestCallback: 'host',
  notifyManager: 'host',
});
