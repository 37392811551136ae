/**
 * Events fired by `<mend-baggage-banner>`. Both bubble and are composed. Both report a write and
 * follow the rule of src/controllers/stored-event.ts: they fire after the write is stored, never for a
 * write that could not be stored, and once per documented unit.
 */

/**
 * The agent acknowledged the customer's past issues (R4).
 *
 * When: after the acknowledgement is stored in the durable outbox (with an adapter whose host takes
 * `acknowledgeBaggage`); without one the event is the write and fires at the click. Not when storing
 * failed (the banner says why and the agent may click again).
 * How often: once per interaction (key `ack:<interactionId>`), however often the agent clicks or
 * retries. It does not wait for the host: `mend-outbox-change` tells when the write is delivered.
 */
export interface BaggageAcknowledgeDetail {
  interactionId: string;
  customerId: string;
  /** The past incidents the agent saw and acknowledged (the notable ones). */
  incidentIds: string[];
  /** The write's idempotency key (`ack:<interactionId>`): a host page writing it itself should reuse it. */
  idempotencyKey: string;
}

/**
 * The agent asked for an outbound callback for severe recent dissatisfaction (R5).
 *
 * When: after the request is stored in the durable outbox (host `requestCallback`); without one, at
 * the click. Not when storing failed. How often: once per interaction (key `callback:<interactionId>`).
 */
export interface CallbackRequestDetail {
  interactionId: string;
  customerId: string;
  /** Why, in the core assessment's words. */
  reason: string;
  /** The incident that triggered the recommendation, when known. */
  incidentId?: string;
  /** The write's idempotency key (`callback:<interactionId>`). */
  idempotencyKey: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mend-baggage-acknowledge': CustomEvent<BaggageAcknowledgeDetail>;
    'mend-callback-request': CustomEvent<CallbackRequestDetail>;
  }
}

export {};
