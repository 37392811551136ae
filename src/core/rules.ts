/**
 * What each rule R1-R13 means and where it comes from: the data `docs/rules.md` is generated from
 * (`npm run docs`, checked by `npm test`). Not part of any entry point, so no bundle ships it.
 */
import type { RuleId } from './reasons.js';

/** The research articles the rules come from (the seeds the product was built on). */
export const SOURCES = {
  '000': 'Contact Resolution and Agent Empowerment will Increase Customer Loyalty',
  '001': 'CEB Customer Contact: what to do when the contact center caused an error',
  '002': 'Three Lessons From a Customer Service Mishap',
  '003': 'Why Customer Care Interactions Should Transcend The Phone Line',
  '004': 'Pivotal CX Moments In Your Omnichannel Contact Center',
} as const;
export type SourceId = keyof typeof SOURCES;

/** What each rule means and where it comes from: the table `docs/rules.md` is generated from. */
export interface Rule {
  /** A short name. */
  name: string;
  /** What the rule says, in a sentence or two. */
  meaning: string;
  sources: readonly SourceId[];
}

export const RULES: Readonly<Record<RuleId, Rule>> = {
  R1: { name: 'Three remedies', meaning: 'A company that caused an error has three remedies: apologize, give assistance (fix the problem), give compensation (monetary or not).', sources: ['001'] },
  R2: { name: 'Apology alone is least effective', meaning: 'An apology alone is the least effective remedy; it never counts as a recovery by itself.', sources: ['001'] },
  R3: { name: 'Remedies by severity', meaning: 'After a low-severity error, assistance alone or compensation alone satisfies as much as both; after a high-severity error the customer needs both assistance and compensation.', sources: ['001'] },
  R4: { name: 'Customer baggage', meaning: 'A customer with past bad experiences rates the current contact worse unless the agent acknowledges them: track baggage, pull it forward, and acknowledge, take ownership, be transparent.', sources: ['001'] },
  R5: { name: 'Call back after severe dissatisfaction', meaning: 'Customers who showed severe dissatisfaction in a post-contact survey get an outbound call from selected staff, to hear what went wrong and find its root cause.', sources: ['001'] },
  R6: { name: 'Empowered agents', meaning: 'An agent may give a set credit without supervisor approval, within guidelines; what agents give is tracked and reported.', sources: ['000'] },
  R7: { name: 'Discretionary fund', meaning: 'A small pool agents draw on to refund, waive fees or fix issues without approval; agents must know clearly what they can and cannot do.', sources: ['004'] },
  R8: { name: 'We repeat what we do not repair', meaning: 'After resolving, the agent logs the problem, its root cause and the resolution, and the problem is sent back to the group that caused it.', sources: ['000'] },
  R9: { name: 'First-contact resolution', meaning: 'First-contact resolution weighs heavily; a complicated issue may be escalated from chat or email to a voice call.', sources: ['000', '003'] },
  R10: { name: 'Time limit', meaning: 'Managers are notified automatically when a contact is not resolved within a time limit.', sources: ['002'] },
  R11: { name: 'Take responsibility', meaning: "Never deflect blame to the customer; listen for the customer's ideal resolution (sometimes not money); validate feelings.", sources: ['003'] },
  R12: { name: 'Most unhappy customers never complain', meaning: '96% of unhappy customers never complain and 17% of consumers leave after one bad experience; a well-handled failure can raise loyalty.', sources: ['003', '004'] },
  R13: { name: 'Zero-contact resolution', meaning: 'Warn customers proactively (outages, bills) before they need to call.', sources: ['004'] },
};

