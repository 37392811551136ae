/** Events fired by `<mend-baggage-banner>`. Both bubble and are composed. */

/** The agent acknowledged the customer's past issues (R4). Fired once per interaction. */
export interface BaggageAcknowledgeDetail {
  interactionId: string;
  customerId: string;
  /** The past incidents the agent saw and acknowledged (the notable ones). */
  incidentIds: string[];
  /** The write's idempotency key (`ack:<interactionId>`): a host page writing it itself should reuse it. */
  idempotencyKey: string;
}

/** The agent asked for an outbound callback for severe recent dissatisfaction (R5). Fired once per interaction. */
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
