/**
 * The demo's event log: every `mend-*` event the widgets (and the outbox) fire, as one short line
 * of plain text. Customer and agent text stays text: the lines are rendered by Lit as text nodes.
 */
import { formatMoney } from '../src/core/money.js';

/** The events the log listens to, on `window` (they bubble and are composed; the outbox fires on window). */
export const LOGGED_EVENTS = [
  'mend-baggage-acknowledge',
  'mend-callback-request',
  'mend-offer-accept',
  'mend-offer-reject',
  'mend-fund-level',
  'mend-root-cause-log',
  'mend-time-limit',
  'mend-wrap-up-check',
  'mend-outbox-change',
] as const satisfies ReadonlyArray<keyof GlobalEventHandlersEventMap>;
export type LoggedEvent = (typeof LOGGED_EVENTS)[number];

/** How many lines the log keeps. */
export const LOG_SIZE = 20;

export interface LogLine {
  id: number;
  at: number;
  type: LoggedEvent;
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One line for an event (the console skips outbox changes that leave the number of waiting writes
 * as it was). `who` names the customer of an interaction id, when known.
 */
export function describe(
  type: LoggedEvent,
  detail: unknown,
  who: (interactionId: string | null | undefined) => string,
  locale: string,
): string {
  const d = (detail ?? {}) as Record<string, unknown>;
  const of = (id: unknown) => {
    const name = who(typeof id === 'string' ? id : null);
    return name ? ` · ${name}` : '';
  };
  switch (type) {
    case 'mend-baggage-acknowledge':
      return `Past issues acknowledged (${plural((d.incidentIds as unknown[] | undefined)?.length ?? 0, 'incident', 'incidents')})${of(d.interactionId)}`;
    case 'mend-callback-request':
      return `Callback requested: ${String(d.reason ?? '')}${of(d.interactionId)}`;
    case 'mend-offer-accept':
    case 'mend-offer-reject': {
      const offers = ((d.offers as Array<{ label?: string }> | undefined) ?? []).map((o) => o.label).filter(Boolean).join(', ');
      const verb = type === 'mend-offer-accept' ? 'Recovery accepted' : 'Recovery declined';
      const spend = d.spendStatus === 'pending_approval' ? ' (compensation sent for approval)' : d.spendStatus === 'done' ? ' (paid from the fund)' : '';
      return `${verb}: ${offers || 'no offers'}${spend}${of(d.interactionId)}`;
    }
    case 'mend-fund-level': {
      const fund = d.fund as { currency?: string } | undefined;
      const left = typeof d.remaining === 'number' && fund?.currency ? `, ${formatMoney(d.remaining, fund.currency, locale)} left` : '';
      return `Fund level ${String(d.previous)} → ${String(d.level)}${left}`;
    }
    case 'mend-root-cause-log':
      return `Root cause logged: ${String(d.problem ?? '')}${of(d.interactionId)}`;
    case 'mend-time-limit':
      return `Open ${String(d.minutesOpen)} min, over the ${String(d.limitMinutes)}-minute limit${d.notified ? ': manager notified' : ''}${of(d.interactionId)}`;
    case 'mend-wrap-up-check':
      return `Wrap-up ${d.allow ? 'allowed' : `held: ${String(d.message ?? '')}`}${of(d.interactionId)}`;
    case 'mend-outbox-change': {
      const pending = Number(d.pending ?? 0);
      return pending ? `Outbox: ${plural(pending, 'write', 'writes')} waiting for the host` : 'Outbox: every write delivered';
    }
  }
}
