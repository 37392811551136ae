/**
 * How Zendesk's tickets and users become Mend's interactions and incidents. Every rule is a default
 * an integrator can replace through {@link ZendeskMapping}.
 */
import type { Channel, Incident, Interaction, Severity } from '../../core/model.js';
import { HostError } from '../../adapter/errors.js';
import type { ZendeskTicket } from './types.js';

export interface ZendeskMapping {
  /** Ticket priority → severity. Default urgent and high → `high`, normal → `medium`, low → `low`. */
  priorities?: Record<string, Severity>;
  /** Severity when a ticket has no priority (or one not in `priorities`). Default `low`. */
  defaultSeverity?: Severity;
  /**
   * A tag `<severityTagPrefix><level>` (e.g. `mend_severity_high`) overrides the priority. Default
   * `mend_severity_`; `null` turns it off.
   */
  severityTagPrefix?: string | null;
  /** Satisfaction score → survey score 1-5. Default `bad` → 1, `good` → 5; others (offered, unoffered) unrated. */
  scores?: Record<string, number>;
  /** Whole-rule overrides, when a table is not enough. */
  severity?(ticket: ZendeskTicket): Severity;
  score?(ticket: ZendeskTicket): number | null;
  category?(ticket: ZendeskTicket): string;
  /** Which past tickets are incidents. Default: every ticket but the current one. */
  include?(ticket: ZendeskTicket): boolean;
}

export const DEFAULT_PRIORITIES: Readonly<Record<string, Severity>> = { urgent: 'high', high: 'high', normal: 'medium', low: 'low' };
export const DEFAULT_SCORES: Readonly<Record<string, number>> = { bad: 1, good: 5 };
/** Statuses after which a ticket's interaction is over. */
export const ENDED_STATUSES: readonly string[] = ['solved', 'closed'];

const CHANNELS: Record<string, Channel> = {
  email: 'email',
  voice: 'voice',
  chat: 'chat',
  native_messaging: 'messaging',
  sunshine_conversations: 'messaging',
  whatsapp: 'messaging',
  sms: 'messaging',
  line: 'messaging',
  facebook: 'social',
  twitter: 'social',
  instagram_dm: 'social',
};

export function channelOf(via: unknown): Channel {
  const channel = (via as { channel?: unknown } | null)?.channel;
  return (typeof channel === 'string' && CHANNELS[channel]) || 'other';
}

export function severityOf(ticket: ZendeskTicket, mapping: ZendeskMapping): Severity {
  if (mapping.severity) return mapping.severity(ticket);
  const prefix = mapping.severityTagPrefix === undefined ? 'mend_severity_' : mapping.severityTagPrefix;
  const tagged = prefix ? ticket.tags?.find((t) => t.startsWith(prefix)) : undefined;
  if (tagged && prefix) return tagged.slice(prefix.length);
  const priorities = mapping.priorities ?? DEFAULT_PRIORITIES;
  return (ticket.priority && priorities[ticket.priority]) || mapping.defaultSeverity || 'low';
}

export function scoreOf(ticket: ZendeskTicket, mapping: ZendeskMapping): number | null {
  if (mapping.score) return mapping.score(ticket);
  const score = ticket.satisfaction_rating?.score;
  const scores = mapping.scores ?? DEFAULT_SCORES;
  return typeof score === 'string' && typeof scores[score] === 'number' ? scores[score]! : null;
}

const bad = (path: string, what: string) =>
  new HostError('invalid_response', `Zendesk answered a malformed ${what} (${path}).`, { details: { path } });

/** One past ticket as an incident; a ticket without an id or a creation date is a malformed answer. */
export function incidentOf(ticket: ZendeskTicket, index: number, mapping: ZendeskMapping): Incident {
  if (!ticket || typeof ticket !== 'object') throw bad(`tickets.${index}`, 'ticket list');
  if (typeof ticket.id !== 'number') throw bad(`tickets.${index}.id`, 'ticket list');
  if (typeof ticket.created_at !== 'string' || Number.isNaN(Date.parse(ticket.created_at))) throw bad(`tickets.${index}.created_at`, 'ticket list');
  return {
    id: String(ticket.id),
    occurredAt: ticket.created_at,
    severity: severityOf(ticket, mapping),
    category: mapping.category ? mapping.category(ticket) : ticket.type || 'ticket',
    summary: typeof ticket.subject === 'string' ? ticket.subject : '',
    resolved: ENDED_STATUSES.includes(ticket.status ?? ''),
    remedies: [],
    surveyScore: scoreOf(ticket, mapping),
  };
}

/** The ticket the app is open on, read with `client.get`, as the interaction. */
export function interactionOf(data: Record<string, unknown>, mapping: ZendeskMapping): Interaction {
  const id = data['ticket.id'];
  const requester = data['ticket.requester'] as { id?: unknown; name?: unknown } | null | undefined;
  if (typeof id !== 'number' && typeof id !== 'string') throw bad('ticket.id', 'ticket');
  if (!requester || typeof requester !== 'object' || (typeof requester.id !== 'number' && typeof requester.id !== 'string')) {
    throw bad('ticket.requester.id', 'ticket');
  }
  const createdAt = data['ticket.createdAt'];
  const status = data['ticket.status'];
  const priority = data['ticket.priority'];
  const subject = data['ticket.subject'];
  const tags = data['ticket.tags'];
  const ticket: ZendeskTicket = {
    id: Number(id),
    priority: typeof priority === 'string' ? priority : null,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    status: typeof status === 'string' ? status : undefined,
  };
  return {
    id: String(id),
    customerId: String(requester.id),
    channel: channelOf(data['ticket.via']),
    startedAt: typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) ? new Date(createdAt).toISOString() : new Date().toISOString(),
    ...(typeof requester.name === 'string' ? { customerName: requester.name } : {}),
    ...(typeof subject === 'string' ? { subject } : {}),
    severity: severityOf(ticket, mapping),
    resolved: ENDED_STATUSES.includes(ticket.status ?? ''),
  };
}
