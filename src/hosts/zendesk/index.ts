/**
 * Host kit for Zendesk Support: a {@link HostAdapter} for a ticket-sidebar app, built on the ZAF
 * client the app already has (`ZAFClient.init()`), never bundling the SDK.
 *
 * ```ts
 * const client = ZAFClient.init();
 * const zendesk = zendeskAdapter(client, { fields: { causeId: 360001 } });
 * const host = composeAdapter(zendesk, new ServiceAdapter({ baseUrl }));  // fund, policy, taxonomy, recurrence
 * ```
 *
 * - Context: `client.context()` and `client.get('ticket.*', 'currentUser')`; the interaction is the ticket.
 * - Events: `app.activated`/`app.deactivated` and a requester change → `interactionChanged`;
 *   `ticket.submit.done` with the ticket solved or closed → `interactionEnded`.
 * - History: the requester's tickets and their satisfaction ratings (Support API through
 *   `client.request`, the agent's own session), mapped by {@link ZendeskMapping}.
 * - Writes: an internal note on the ticket (plus tags and ticket fields). The note's last line is
 *   `[mend <kind> <idempotencyKey>]`: a replay finds the note by that line first and answers its
 *   comment id as the receipt, writing nothing.
 * - Wrap-up guard: the `ticket.save` hook; a save that solves the ticket waits for the guards and is
 *   cancelled with the guard's message.
 * - Fund, policy, taxonomy, recurrence and spend are not Zendesk's: declared unsupported, for the
 *   Mend service to provide.
 */
import type { CustomerHistory, HostContext, Interaction } from '../../core/model.js';
import { HostError } from '../../adapter/errors.js';
import { HostEventHub } from '../../adapter/event-hub.js';
import type { ComposeOptions } from '../../adapter/compose.js';
import {
  CAPABILITIES,
  type CallOptions,
  type Capabilities,
  type HostAdapter,
  type HostEventName,
  type HostEvents,
  type HostWrites,
  type WrapUpGuard,
  type WrapUpVerdict,
  type WriteKind,
  type WriteReceipt,
} from '../../adapter/host-adapter.js';
import { ENDED_STATUSES, incidentOf, interactionOf, type ZendeskMapping } from './mapping.js';
import { withRetry, zendeskError, zendeskRequest, type RetryOptions } from './request.js';
import type { ZafClient, ZendeskTicket, ZendeskUser } from './types.js';

export type { ZafClient, ZafRequestOptions, ZendeskTicket, ZendeskUser } from './types.js';
export { DEFAULT_PRIORITIES, DEFAULT_SCORES, type ZendeskMapping } from './mapping.js';
export { zendeskError, withRetry, type RetryOptions } from './request.js';

/** Ticket custom-field ids the writes fill (numbers from Admin Center → Objects and rules → Ticket fields). */
export interface ZendeskFields {
  /** Root cause id (a text field, or a drop-down whose option tags are the taxonomy's cause ids). */
  causeId?: number;
  /** Responsible department id. */
  departmentId?: number;
  /** The resolution, as text. */
  resolution?: number;
  /** Severity of the recovery. */
  severity?: number;
}

export interface ZendeskOptions {
  /** Currency of the agent's fund and the offers (Zendesk has none). Default `USD`. */
  currency?: string;
  /** Locale when the agent's profile has none. Default `en-US`. */
  locale?: string;
  /** Zendesk role → Mend role (authority limits). Default admin → `lead`, agent → `agent`; others `agent`. */
  roles?: Record<string, string>;
  mapping?: ZendeskMapping;
  fields?: ZendeskFields;
  /** Tag added with each write; `null` for none. Defaults `mend_recovery`, `mend_root_cause_logged`, ... */
  tags?: Partial<Record<WriteKind, string | null>>;
  /** The internal note's text, before the key line (default: plain English). Plain text, never HTML. */
  noteText?<K extends WriteKind>(kind: K, payload: HostWrites[K]): string;
  /**
   * Which saves the `ticket.save` hook holds for the wrap-up guards: `solve` (default) only saves
   * that leave the ticket solved or closed; `every` any save.
   */
  hold?: 'solve' | 'every';
  /** Retry of 429s and outages. */
  retry?: RetryOptions;
  /** Outbox scope; give one per account and agent, e.g. `zendesk:<subdomain>:<user id>`. Default `zendesk`. */
  storageScope?: string;
}

/**
 * Options for `composeAdapter(zendesk, service, zendeskComposition)`: the writes go to Zendesk (the
 * ticket's internal notes), everything Zendesk lacks (fund, policy, taxonomy, recurrence, spend)
 * comes from the Mend service.
 */
export const zendeskComposition = {
  from: { recordRecovery: 'host', logRootCause: 'host', acknowledgeBaggage: 'host', requestCallback: 'host', notifyManager: 'host' },
} as const satisfies ComposeOptions;

const DEFAULT_TAGS: Record<WriteKind, string> = {
  recordRecovery: 'mend_recovery',
  logRootCause: 'mend_root_cause_logged',
  acknowledgeBaggage: 'mend_baggage_acknowledged',
  requestCallback: 'mend_callback_requested',
  notifyManager: 'mend_manager_notified',
  // A lead's decision (issue #17): Zendesk declares no `approvals`, so the adapter never gets one.
  decideApproval: 'mend_approval_decided',
};
const DEFAULT_ROLES: Record<string, string> = { admin: 'lead', agent: 'agent' };
const SERVICE_CAPABILITIES = new Set(['policy', 'fund', 'taxonomy', 'recurrence', 'spend']);

const TICKET_PATHS = ['ticket.id', 'ticket.requester', 'ticket.subject', 'ticket.status', 'ticket.priority', 'ticket.tags', 'ticket.createdAt', 'ticket.via'];

/** The line that makes a note findable by its idempotency key. */
export const noteMarker = (kind: WriteKind, key: string) => `[mend ${kind} ${key}]`;

/**
 * An amount in minor units as the note shows it (`$15.00`). Not core's formatMoney: importing
 * money.ts here splits it out of the chunk the widgets share and costs each widget entry ~70 bytes.
 */
function noteAmount(minor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

function defaultNote<K extends WriteKind>(kind: K, payload: HostWrites[K], currency: string): string {
  const p = payload as HostWrites[WriteKind] & Record<string, unknown>;
  switch (kind) {
    case 'recordRecovery': {
      const r = payload as HostWrites['recordRecovery'];
      const offers = r.offers.map((o) => (o.amount ? `${o.label} (${noteAmount(o.amount, currency)})` : o.label)).join(', ');
      return [`Service recovery, severity ${r.severity}: ${offers || 'no offer'}.`, r.accepted ? 'Accepted by the customer.' : 'Not accepted by the customer.', `Strategy: ${r.strategy}.`, r.spendId ? `Fund entry: ${r.spendId}.` : ''].filter(Boolean).join('\n');
    }
    case 'logRootCause': {
      const r = payload as HostWrites['logRootCause'];
      return [`Root cause logged.`, `Problem: ${r.problem}`, `Cause: ${r.causeId}`, `Department: ${r.departmentId}`, `Resolution: ${r.resolution}`, r.notifyDepartment ? 'The department is notified.' : ''].filter(Boolean).join('\n');
    }
    case 'acknowledgeBaggage':
      return `Past issues acknowledged with the customer: ${(payload as HostWrites['acknowledgeBaggage']).incidentIds.join(', ') || 'none listed'}.`;
    case 'requestCallback':
      return `Callback requested: ${(payload as HostWrites['requestCallback']).reason}`;
    default:
      return `Open ${String(p.minutesOpen)} minutes, over the ${String(p.limitMinutes)}-minute limit: a manager is notified.`;
  }
}

const unsupported = (what: string) => Promise.reject(new HostError('unsupported', `Zendesk does not ${what}; the Mend service does.`, { retryable: false }));
const invalid = (path: string, what: string) => new HostError('invalid_response', `Zendesk answered a malformed ${what} (${path}).`, { details: { path } });

/** The Zendesk Support host adapter. Create it with {@link zendeskAdapter}. */
export class ZendeskAdapter implements HostAdapter {
  readonly capabilities: Capabilities;
  readonly storageScope: string;
  readonly client: ZafClient;
  #options: ZendeskOptions;
  #hub = new HostEventHub();
  #listening: Array<[string, (...args: never[]) => unknown]> = [];
  #saveHook: (() => Promise<unknown>) | undefined;
  #ticketId: string | null = null;
  #inflight = new Map<string, Promise<WriteReceipt>>();

  constructor(client: ZafClient, options: ZendeskOptions = {}) {
    if (!client || typeof client.request !== 'function' || typeof client.get !== 'function' || typeof client.on !== 'function') {
      throw new TypeError('zendeskAdapter needs the ZAF client (the object ZAFClient.init() returns).');
    }
    this.client = client;
    this.#options = options;
    this.storageScope = options.storageScope ?? 'zendesk';
    this.capabilities = Object.freeze(Object.fromEntries(CAPABILITIES.map((c) => [c, !SERVICE_CAPABILITIES.has(c)])) as Record<(typeof CAPABILITIES)[number], boolean>);
  }

  // ---- context ----

  async getContext(): Promise<HostContext> {
    let zafContext: { ticketId?: unknown; location?: unknown };
    let data: Record<string, unknown>;
    try {
      zafContext = ((await this.client.context()) ?? {}) as typeof zafContext;
    } catch (error) {
      throw zendeskError(error, 'context');
    }
    const onTicket = zafContext.ticketId != null;
    try {
      data = ((await this.client.get(onTicket ? ['currentUser', ...TICKET_PATHS] : ['currentUser'])) ?? {}) as Record<string, unknown>;
    } catch (error) {
      throw zendeskError(error, 'ticket');
    }
    const errors = (data.errors ?? {}) as Record<string, unknown>;
    const failed = Object.keys(errors).find((path) => path === 'currentUser' || path === 'ticket.id' || path === 'ticket.requester');
    if (failed) throw invalid(failed, 'ticket');
    const user = data.currentUser as { id?: unknown; name?: unknown; role?: unknown; locale?: unknown } | undefined;
    if (!user || typeof user !== 'object' || (typeof user.id !== 'number' && typeof user.id !== 'string')) throw invalid('currentUser.id', 'agent');
    const roles = this.#options.roles ?? DEFAULT_ROLES;
    const interaction: Interaction | null = onTicket ? interactionOf(data, this.#options.mapping ?? {}) : null;
    this.#ticketId = interaction?.id ?? null;
    return {
      agent: {
        id: String(user.id),
        name: typeof user.name === 'string' && user.name ? user.name : String(user.id),
        role: (typeof user.role === 'string' && roles[user.role]) || 'agent',
      },
      interaction,
      locale: typeof user.locale === 'string' && user.locale ? user.locale : (this.#options.locale ?? 'en-US'),
      currency: this.#options.currency ?? 'USD',
    };
  }

  // ---- history ----

  async getHistory(customerId: string, options: CallOptions = {}): Promise<CustomerHistory> {
    if (!/^\d+$/.test(customerId)) throw new HostError('not_found', `Zendesk has no user ${customerId}.`, { retryable: false });
    const answer = await withRetry(
      () =>
        zendeskRequest<{ tickets?: unknown; users?: unknown }>(
          this.client,
          { url: `/api/v2/users/${customerId}/tickets/requested.json?sort_by=created_at&sort_order=desc&per_page=100&include=users` },
          'past tickets',
        ),
      this.#options.retry,
      options.signal,
    );
    if (!answer || typeof answer !== 'object' || !Array.isArray(answer.tickets)) throw invalid('tickets', 'ticket list');
    const mapping = this.#options.mapping ?? {};
    const users = Array.isArray(answer.users) ? (answer.users as ZendeskUser[]) : [];
    const user = users.find((u) => u && String(u.id) === customerId);
    const current = this.#ticketId ?? (await this.#contextTicketId());
    const include = mapping.include ?? ((t: ZendeskTicket) => String(t?.id) !== current);
    const incidents = (answer.tickets as ZendeskTicket[]).map((t, i) => [t, i] as const).filter(([t]) => include(t)).map(([t, i]) => incidentOf(t, i, mapping));
    return { customer: { id: customerId, name: typeof user?.name === 'string' && user.name ? user.name : customerId }, incidents };
  }

  /** The ticket the app is open on, from the SDK's context (null in the new-ticket sidebar). */
  async #contextTicketId(): Promise<string | null> {
    try {
      const id = ((await this.client.context()) as { ticketId?: unknown } | null)?.ticketId;
      return id == null ? null : String(id);
    } catch {
      return null;
    }
  }

  // ---- what the Mend service provides ----

  getPolicy(): Promise<never> {
    return unsupported('hold a recovery policy');
  }
  getFund(): Promise<never> {
    return unsupported('hold a discretionary fund');
  }
  getTaxonomy(): Promise<never> {
    return unsupported('hold a root-cause taxonomy');
  }
  getRecurrence(): Promise<never> {
    return unsupported('count recurring causes');
  }
  spend(): Promise<never> {
    return unsupported('keep a fund ledger');
  }

  // ---- writes ----

  recordRecovery(record: HostWrites['recordRecovery'], options?: CallOptions): Promise<WriteReceipt> {
    const field = this.#options.fields?.severity;
    return this.#write('recordRecovery', record, field ? [{ id: field, value: record.severity }] : [], options);
  }
  logRootCause(log: HostWrites['logRootCause'], options?: CallOptions): Promise<WriteReceipt> {
    const f = this.#options.fields ?? {};
    const fields = [
      [f.causeId, log.causeId],
      [f.departmentId, log.departmentId],
      [f.resolution, log.resolution],
    ].filter(([id]) => typeof id === 'number').map(([id, value]) => ({ id: id as number, value: value as string }));
    return this.#write('logRootCause', log, fields, options);
  }
  acknowledgeBaggage(ack: HostWrites['acknowledgeBaggage'], options?: CallOptions): Promise<WriteReceipt> {
    return this.#write('acknowledgeBaggage', ack, [], options);
  }
  requestCallback(request: HostWrites['requestCallback'], options?: CallOptions): Promise<WriteReceipt> {
    return this.#write('requestCallback', request, [], options);
  }
  notifyManager(notice: HostWrites['notifyManager'], options?: CallOptions): Promise<WriteReceipt> {
    return this.#write('notifyManager', notice, [], options);
  }

  /** The id of the internal note on `ticketId` that carries `marker`, if there is one. */
  async #findNote(ticketId: string, marker: string): Promise<string | null> {
    const answer = await zendeskRequest<{ comments?: unknown }>(
      this.client,
      { url: `/api/v2/tickets/${ticketId}/comments.json?sort_order=desc&per_page=100` },
      'ticket notes',
    );
    if (!answer || !Array.isArray(answer.comments)) throw invalid('comments', 'comment list');
    const note = (answer.comments as Array<{ id?: unknown; public?: unknown; body?: unknown; plain_body?: unknown }>).find(
      (c) => c && c.public === false && [c.body, c.plain_body].some((b) => typeof b === 'string' && b.includes(marker)),
    );
    return note && (typeof note.id === 'number' || typeof note.id === 'string') ? String(note.id) : null;
  }

  #write<K extends WriteKind>(kind: K, payload: HostWrites[K], fields: Array<{ id: number; value: string }>, options: CallOptions = {}): Promise<WriteReceipt> {
    const ticketId = payload?.interactionId;
    if (typeof ticketId !== 'string' || !/^\d+$/.test(ticketId)) {
      return Promise.reject(new HostError('invalid_request', `Not a Zendesk ticket id: ${String(ticketId)}.`, { retryable: false }));
    }
    const marker = noteMarker(kind, payload.idempotencyKey);
    // Two sends of one key at once share one write.
    const running = this.#inflight.get(marker);
    if (running) return running;
    const tag = this.#options.tags?.[kind] === undefined ? DEFAULT_TAGS[kind] : this.#options.tags[kind];
    const text = this.#options.noteText ? this.#options.noteText(kind, payload) : defaultNote(kind, payload, this.#options.currency ?? 'USD');
    const write = withRetry(
      async () => {
        const found = await this.#findNote(ticketId, marker);
        if (found) return { id: found };
        const ticket: Record<string, unknown> = { comment: { body: `${text}\n\n${marker}`, public: false } };
        if (tag) ticket.additional_tags = [tag];
        if (fields.length) ticket.custom_fields = fields;
        const answer = await zendeskRequest<{ audit?: { events?: Array<{ type?: unknown; id?: unknown }> } }>(
          this.client,
          { url: `/api/v2/tickets/${ticketId}.json`, type: 'PUT', data: JSON.stringify({ ticket }) },
          kind,
        );
        const comment = answer?.audit?.events?.find((e) => e?.type === 'Comment');
        if (comment && (typeof comment.id === 'number' || typeof comment.id === 'string')) return { id: String(comment.id) };
        const written = await this.#findNote(ticketId, marker);
        if (!written) throw invalid('audit.events', 'ticket update');
        return { id: written };
      },
      this.#options.retry,
      options.signal,
    ).finally(() => this.#inflight.delete(marker));
    this.#inflight.set(marker, write);
    return write;
  }

  // ---- events ----

  on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void {
    this.#listen();
    return this.#hub.on(event, handler);
  }

  #zaf(name: string, handler: (...args: never[]) => unknown): void {
    this.client.on(name, handler);
    this.#listening.push([name, handler]);
  }

  #listen(): void {
    if (this.#listening.some(([name]) => name === 'app.activated')) return;
    const changed = () => {
      this.getContext().then(
        (context) => this.#hub.emit('interactionChanged', { interaction: context.interaction }),
        () => {}, // a failed read leaves the widgets on what they had
      );
    };
    this.#zaf('app.activated', changed);
    // Zendesk documents property events as `ticket.<path>.changed`; both paths of the requester are
    // heard (an interaction changed twice is harmless: handlers tolerate duplicates).
    this.#zaf('ticket.requester.id.changed', changed);
    this.#zaf('ticket.requester.changed', changed);
    this.#zaf('app.deactivated', () => this.#hub.emit('interactionChanged', { interaction: null }));
    this.#zaf('ticket.submit.done', () => {
      const ticketId = this.#ticketId;
      Promise.resolve(this.client.get('ticket.status')).then(
        (data) => {
          const status = (data as Record<string, unknown> | null)?.['ticket.status'];
          if (ticketId && typeof status === 'string' && ENDED_STATUSES.includes(status)) this.#hub.emit('interactionEnded', { interactionId: ticketId });
        },
        () => {},
      );
    });
  }

  // ---- wrap-up guard ----

  registerWrapUpGuard(guard: WrapUpGuard): () => void {
    const off = this.#hub.registerWrapUpGuard(guard);
    if (!this.#saveHook) {
      this.#saveHook = () => this.#onSave();
      this.#zaf('ticket.save', this.#saveHook);
    }
    return off;
  }

  /** The `ticket.save` hook: resolves to let the save go, rejects with the guard's message to cancel it. */
  async #onSave(): Promise<true> {
    let verdict: WrapUpVerdict;
    try {
      const data = (await this.client.get(['ticket.id', 'ticket.status'])) as Record<string, unknown>;
      const status = data?.['ticket.status'];
      if (this.#options.hold !== 'every' && !(typeof status === 'string' && ENDED_STATUSES.includes(status))) return true;
      const id = data?.['ticket.id'];
      verdict = await this.#hub.askGuards(id == null ? (this.#ticketId ?? '') : String(id));
    } catch (error) {
      // A guard that fails must not lock the agent out of saving.
      console.warn('[mend] the wrap-up guard failed; the save goes ahead.', error);
      return true;
    }
    if (verdict.allow) return true;
    // A plain string: the SDK sends it back as `error.msg`, whichever window the adapter lives in.
    throw verdict.message || 'Log the root cause before solving the ticket.';
  }

  /** Stop listening to the ZAF client (the app's iframe is going away, or the adapter is replaced). */
  dispose(): void {
    for (const [name, handler] of this.#listening.splice(0)) {
      try {
        this.client.off?.(name, handler);
      } catch {
        /* the app's page is already gone */
      }
    }
    this.#saveHook = undefined;
  }
}

/** Create the Zendesk Support host adapter on the app's ZAF client. */
export function zendeskAdapter(client: ZafClient, options: ZendeskOptions = {}): ZendeskAdapter {
  return new ZendeskAdapter(client, options);
}
