import type { ChosenOffer, Severity } from '../core/model.js';

/**
 * What `<mend-offer-picker>` reports when the customer accepts or declines a recovery: the shape of
 * a next-best-action reaction (accepted or rejected, the strategy, the offers, the context record).
 */
export interface OfferReactionDetail {
  accepted: boolean;
  /** The strategy of the recommended bundle the offers match (e.g. `R3:high:assistance+compensation`), or `custom`. */
  strategy: string;
  offers: ChosenOffer[];
  interactionId: string | null;
  customerId: string | null;
  /** The effective severity (after baggage). */
  severity: Severity;
  /** Fund ledger id of the compensation, when one was spent (or sent for approval). */
  spendId?: string;
  /** `done` or `pending_approval` when a compensation was spent. */
  spendStatus?: 'done' | 'pending_approval';
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * The customer accepted the recovery and it was recorded. When: after any spend went through and
     * the `recordRecovery` write is stored in the durable outbox (a host without `recordRecovery`: at Confirm; no adapter: at
     * Confirm, accepted on the page only and nothing recorded, which the picker says). Not when the spend or the storing failed. How often: once per recorded
     * recovery (after that the picker is done for the interaction).
     */
    'mend-offer-accept': CustomEvent<OfferReactionDetail>;
    /**
     * The customer declined the offered recovery. When: after the declined reaction is stored (host
     * `recordRecovery`), otherwise at the click; not when storing failed. How often: once per decline
     * (after that the picker is done for the interaction).
     */
    'mend-offer-reject': CustomEvent<OfferReactionDetail>;
  }
}
