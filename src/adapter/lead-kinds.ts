/**
 * The write kinds of the team lead (`lead.ts`), beside the agent's WRITE_KINDS. A module of its own
 * so that only the outbox (loaded on first write) and the lead view carry it: agent widgets' first
 * load stays as it was.
 */
export const LEAD_WRITE_KINDS = ['decideApproval'] as const;
