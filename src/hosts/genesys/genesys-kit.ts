/**
 * The Genesys Cloud kit: a {@link HostAdapter} for an interaction widget (a client app in an iframe
 * of Genesys Cloud's agent UI). It takes the SDKs by injection and never imports them:
 * `platformClient` (`purecloud-platform-client-v2`, data with the agent's own token) and optionally
 * a `ClientApp` (`purecloud-client-app-sdk`, the app lifecycle and toasts).
 *
 * - **context**: the agent from `getUsersMe`, the interaction from the conversation of the widget
 *   URL's `{{pcConversationId}}`; the customer is its external contact;
 * - **history**: the contact's cases, and its recent conversations (analytics conversation details)
 *   whose CSAT survey (quality API) scored poorly;
 * - **events**: a notifications channel subscribed to `v2.users.{me}.conversations`, over a WebSocket
 *   the kit opens through an injected factory;
 * - **writes**: participant attributes keyed `mend.<kind>.<idempotencyKey>` (read first: a replay
 *   writes nothing and answers the same receipt), and for some kinds an external-contact note that
 *   carries a marker a replay finds before creating another;
 * - **token expiry**: the first 401 turns the kit `expired`: one toast, every later call fails at once
 *   with `permission` / `token_expired` without touching the network, no reconnection, until the page
 *   signs in again and calls {@link GenesysKit.resume}.
 *
 * Genesys has no wrap-up hook for third-party apps, no fund, policy, taxonomy or recurrence: compose
 * the kit with the Mend service. See docs/hosts/genesys.md.
 */
import type { Channel, CustomerHistory, HostContext, Incident, Interaction } from '../../core/model.js';
import { HostError } from '../../adapter/errors.js';
import type { CallOptions, Capabilities, HostWrites, WriteKind, WriteReceipt } from '../../adapter/host-adapter.js';
import { ConsoleKit, declareCapabilities, throwIfAborted } from '../shared/console-kit.js';
import { httpHostError } from '../shared/http-errors.js';
import { fivePointScore, isResolvedStatus, severityFromPriority } from '../shared/incidents.js';
import { keyedName, keyedReceipt, noteMarker, noteText, SingleFlight, writeSummary } from '../shared/keyed-writes.js';
import type {
  GenesysAnalyticsConversation,
  GenesysCase,
  GenesysClientApp,
  GenesysConversation,
  GenesysParticipant,
  GenesysPlatformClient,
  WebSocketLike,
} from './types.js';

/** `ready`: calls go through; `expired`: the agent's token is no longer valid (sign in again, then `resume()`). */
export type GenesysKitStatus = 'ready' | 'expired';

export interface GenesysKitOptions {
  /** The platform client module, with the agent's token set (see `signInWithPkce`). */
  platformClient: GenesysPlatformClient;
  /** A `ClientApp`: the kit answers the bootstrap and stop lifecycle hooks and shows the expiry toast. */
  clientApp?: GenesysClientApp;
  /** The conversation of this widget; default the `conversationid` query parameter of the page. */
  conversationId?: string | null;
  /** Opens the notifications WebSocket; default `new WebSocket(url)`. */
  webSocket?: (url: string) => WebSocketLike;
  /** First delay before reopening a dropped notifications socket, doubling up to 60 s (default 1000 ms). */
  reconnectDelayMs?: number;
  /** ISO 4217 currency of the fund and offers. */
  currency: string;
  /** BCP 47 locale; default the browser's. */
  locale?: string;
  /** The agent's role in the policy; default `agent`. */
  role?: string;
  /** How far back conversation details are read, in days (default 31). */
  historyDays?: number;
  /** At most this many past conversations are read (default 25). */
  maxConversations?: number;
  /** A surveyed conversation scoring at or below this (1-5) is an incident (default 3). */
  poorSurveyScore?: number;
  /** Writes that also leave a note on the external contact (default `logRootCause`, `requestCallback`). */
  noteKinds?: readonly WriteKind[];
  /** Told once when the token expires (besides the toast). */
  onStatusChange?: (status: GenesysKitStatus) => void;
  /** Outbox scope; default `genesys`. */
  storageScope?: string;
}

const HOST = 'Genesys Cloud';
const EXPIRED_MESSAGE = 'Your Genesys Cloud sign-in has expired. Sign in again to load and save recovery data.';
const MEDIA: Array<[keyof GenesysParticipant, Channel]> = [
  ['calls', 'voice'],
  ['callbacks', 'voice'],
  ['chats', 'chat'],
  ['emails', 'email'],
  ['messages', 'messaging'],
  ['socialExpressions', 'social'],
  ['videos', 'voice'],
];
const ENDED = new Set(['disconnected', 'terminated']);

const isCustomer = (p: GenesysParticipant) => p.purpose === 'customer' || p.purpose === 'external';

/** The conversation id Genesys interpolated into the widget URL (`?conversationid={{pcConversationId}}`). */
export function conversationIdFromUrl(search: string = typeof location !== 'undefined' ? location.search : ''): string | null {
  const params = new URLSearchParams(search);
  const id = params.get('conversationid') ?? params.get('conversationId') ?? params.get('pcConversationId');
  return id && !id.includes('{{') ? id : null;
}

export class GenesysKit extends ConsoleKit {
  readonly capabilities: Capabilities = declareCapabilities([
    'history',
    'recordRecovery',
    'logRootCause',
    'acknowledgeBaggage',
    'requestCallback',
    'notifyManager',
    'events',
  ]);
  readonly storageScope: string;
  protected readonly hostName = HOST;

  #o: GenesysKitOptions;
  #conversationId: string | null;
  #status: GenesysKitStatus = 'ready';
  #me: Promise<{ id: string; name: string }> | null = null;
  #flights = new SingleFlight<WriteReceipt>();
  #api: {
    users: InstanceType<GenesysPlatformClient['UsersApi']>;
    conversations: InstanceType<GenesysPlatformClient['ConversationsApi']>;
    analytics: InstanceType<GenesysPlatformClient['AnalyticsApi']>;
    quality: InstanceType<GenesysPlatformClient['QualityApi']>;
    contacts: InstanceType<GenesysPlatformClient['ExternalContactsApi']>;
    cases: InstanceType<NonNullable<GenesysPlatformClient['CaseManagementApi']>> | null;
    notifications: InstanceType<GenesysPlatformClient['NotificationsApi']>;
  };
  #listening = false;
  #socket: WebSocketLike | null = null;
  #reconnect: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #disposed = false;
  #names = new Map<string, string>();
  #lifecycle: Array<() => void> = [];

  constructor(options: GenesysKitOptions) {
    super();
    this.#o = options;
    this.#conversationId = options.conversationId === undefined ? conversationIdFromUrl() : options.conversationId;
    this.storageScope = options.storageScope ?? 'genesys';
    const pc = options.platformClient;
    this.#api = {
      users: new pc.UsersApi(),
      conversations: new pc.ConversationsApi(),
      analytics: new pc.AnalyticsApi(),
      quality: new pc.QualityApi(),
      contacts: new pc.ExternalContactsApi(),
      cases: pc.CaseManagementApi ? new pc.CaseManagementApi() : null,
      notifications: new pc.NotificationsApi(),
    };
    const app = options.clientApp;
    if (app) {
      const bootstrap = () => {
        // Shown once the agent is known (or known to be signed out): never a blank frame.
        void this.#agent().then(
          () => app.lifecycle.bootstrapped(),
          () => app.lifecycle.bootstrapped(),
        );
      };
      const stop = () => {
        this.dispose();
        app.lifecycle.stopped();
      };
      app.lifecycle.addBootstrapListener(bootstrap, true);
      app.lifecycle.addStopListener(stop, true);
      this.#lifecycle.push(
        () => app.lifecycle.removeBootstrapListener(bootstrap, true),
        () => app.lifecycle.removeStopListener(stop, true),
      );
    }
  }

  /** `ready`, or `expired` after a 401 until {@link resume}. */
  get status(): GenesysKitStatus {
    return this.#status;
  }

  /** The conversation the kit follows. */
  get conversationId(): string | null {
    return this.#conversationId;
  }

  /** After signing in again (a new token on the ApiClient): calls and notifications go through again. */
  resume(): void {
    if (this.#status === 'ready') return;
    this.#me = null;
    this.#setStatus('ready');
    if (this.#listening) void this.#connect();
  }

  // ---- the one way to the platform API -----------------------------------------------------------

  async #call<T>(doing: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.#status === 'expired') throw this.#expired();
    throwIfAborted(signal);
    try {
      return await run();
    } catch (error) {
      const e = httpHostError(error, { host: HOST, doing });
      if (e.details.status === 401) {
        this.#expire();
        throw this.#expired(error);
      }
      throw e;
    }
  }

  #expired(cause?: unknown): HostError {
    return new HostError('permission', EXPIRED_MESSAGE, { retryable: false, details: { host: HOST, status: 401, reason: 'token_expired' }, cause });
  }

  #expire(): void {
    if (this.#status === 'expired') return;
    this.#setStatus('expired');
    this.#closeSocket();
    this.#o.clientApp?.alerting?.showToastPopup('Mend', EXPIRED_MESSAGE, { id: 'mend-sign-in', type: 'error', showCloseButton: true });
  }

  #setStatus(status: GenesysKitStatus): void {
    this.#status = status;
    this.#o.onStatusChange?.(status);
  }

  #agent(): Promise<{ id: string; name: string }> {
    this.#me ??= this.#call('read the signed-in user', () => this.#api.users.getUsersMe()).then(
      (me) => {
        if (!me.id) throw new HostError('invalid_response', 'Genesys Cloud answered a user without an id.');
        return { id: me.id, name: me.name ?? me.username ?? me.id };
      },
      (error) => {
        this.#me = null;
        throw error;
      },
    );
    return this.#me;
  }

  // ---- context -----------------------------------------------------------------------------------

  async getContext(options?: CallOptions): Promise<HostContext> {
    const signal = options?.signal;
    const [agent, conversation] = await Promise.all([
      this.#agent(),
      this.#conversationId ? this.#call('read the conversation', () => this.#api.conversations.getConversation(this.#conversationId!), signal) : null,
    ]);
    return {
      agent: { ...agent, role: this.#o.role ?? 'agent' },
      interaction: conversation ? this.#interaction(conversation) : null,
      locale: this.#o.locale ?? (typeof navigator !== 'undefined' ? navigator.language : 'en-US'),
      currency: this.#o.currency,
    };
  }

  #interaction(conversation: GenesysConversation): Interaction | null {
    const id = conversation.id;
    if (!id) return null;
    const customer = conversation.participants?.find(isCustomer);
    const customerId = customer?.externalContactId ?? `genesys-participant:${id}:${customer?.id ?? 'none'}`;
    const name = customer?.name?.trim();
    if (name) this.#names.set(customerId, name);
    const channel = MEDIA.find(([key]) => ((customer?.[key] as unknown[] | undefined) ?? []).length > 0)?.[1] ?? 'other';
    return {
      id,
      customerId,
      channel,
      startedAt: conversation.startTime ?? new Date().toISOString(),
      ...(name ? { customerName: name } : {}),
    };
  }

  // ---- history -----------------------------------------------------------------------------------

  override async getHistory(customerId: string, options?: CallOptions): Promise<CustomerHistory> {
    const signal = options?.signal;
    if (customerId.startsWith('genesys-participant:'))
      return { customer: { id: customerId, name: this.#names.get(customerId) ?? 'Customer' }, incidents: [] }; // no external contact: no history
    const contact = await this.#call('read the external contact', () => this.#api.contacts.getExternalcontactsContact(customerId), signal);
    const name = [contact.firstName, contact.middleName, contact.lastName].filter(Boolean).join(' ') || this.#names.get(customerId) || 'Customer';
    const [cases, surveyed] = await Promise.all([this.#cases(customerId, signal), this.#surveyed(customerId, signal)]);
    const incidents = [...cases, ...surveyed].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    return { customer: { id: customerId, name }, incidents };
  }

  /** Reads an optional source: an org without it (403/404) gives nothing rather than no history. */
  async #optional<T>(read: () => Promise<T[]>): Promise<T[]> {
    try {
      return await read();
    } catch (error) {
      if ((error as HostError).code === 'permission' && this.#status === 'ready') return [];
      if ((error as HostError).code === 'not_found') return [];
      throw error;
    }
  }

  #cases(contactId: string, signal?: AbortSignal): Promise<Incident[]> {
    const api = this.#api.cases;
    if (!api) return Promise.resolve([]);
    return this.#optional(async () => {
      const listing = await this.#call('read the contact’s cases', () => api.getCasemanagementCasesExternalcontact(contactId, { pageSize: 50 }), signal);
      return (listing.entities ?? []).filter((c): c is GenesysCase & { id: string } => !!c.id).map((c) => ({
        id: `genesys-case:${c.id}`,
        occurredAt: c.dateCreated ?? new Date(0).toISOString(),
        severity: severityFromPriority(c.priority),
        category: c.customerIntent?.name ?? c.caseplan?.name ?? 'case',
        summary: c.summary || c.name || c.reference || 'Case',
        resolved: !!c.dateClosed || isResolvedStatus(c.status),
        remedies: [],
        surveyScore: null,
      }));
    });
  }

  #surveyed(contactId: string, signal?: AbortSignal): Promise<Incident[]> {
    const days = this.#o.historyDays ?? 31;
    const now = Date.now();
    const interval = `${new Date(now - days * 86_400_000).toISOString()}/${new Date(now).toISOString()}`;
    return this.#optional(async () => {
      const answer = await this.#call(
        'read past conversations',
        () =>
          this.#api.analytics.postAnalyticsConversationsDetailsQuery({
            interval,
            order: 'desc',
            orderBy: 'conversationStart',
            paging: { pageSize: this.#o.maxConversations ?? 25, pageNumber: 1 },
            segmentFilters: [{ type: 'and', predicates: [{ type: 'dimension', dimension: 'externalContactId', operator: 'matches', value: contactId }] }],
          }),
        signal,
      );
      const past = (answer.conversations ?? []).filter(
        (c): c is GenesysAnalyticsConversation & { conversationId: string } => !!c.conversationId && c.conversationId !== this.#conversationId && !!c.surveys?.length,
      );
      const poor = this.#o.poorSurveyScore ?? 3;
      const found = await Promise.all(
        past.map(async (c) => {
          // The analytics answer carries a finished survey's scores: the quality API is asked only
          // for a conversation whose survey analytics gives no score (one request each, not one per
          // past conversation).
          const analytics = c.surveys!
            .map((s) => ({ score: scoreOf(s.oSurveyTotalScore, s.surveyPromoterScore), form: s.surveyFormName, completed: s.surveyCompletedDate }))
            .find((s) => s.score !== null);
          const { score, form, completed } = analytics ?? (await this.#qualitySurvey(c.conversationId, signal));
          if (score === null || score > poor) return null;
          const media = c.participants?.flatMap((p) => p.sessions ?? []).find((s) => s.mediaType)?.mediaType;
          const incident: Incident = {
            id: `genesys-conversation:${c.conversationId}`,
            occurredAt: c.conversationStart ?? completed ?? new Date(0).toISOString(),
            severity: score <= 1 ? 'high' : score === 2 ? 'medium' : 'low',
            category: 'survey',
            summary: `${form ?? 'Survey'}: ${score} of 5${media ? ` after a ${media} contact` : ''}`,
            resolved: !!c.conversationEnd,
            remedies: [],
            surveyScore: score,
          };
          return incident;
        }),
      );
      return found.filter((i): i is Incident => i !== null);
    });
  }

  /** A conversation's finished survey from the quality API (its score on 1-5, its form, when it was completed). */
  async #qualitySurvey(conversationId: string, signal?: AbortSignal): Promise<{ score: number | null; form?: string; completed?: string }> {
    const surveys = await this.#call('read the conversation’s surveys', () => this.#api.quality.getQualityConversationSurveys(conversationId), signal);
    const done = surveys.find((s) => (s.status ?? '').toLowerCase() === 'finished' || s.completedDate) ?? surveys[0];
    return { score: scoreOf(done?.answers?.totalScore, done?.answers?.npsScore), form: done?.surveyForm?.name, completed: done?.completedDate };
  }

  // ---- writes ------------------------------------------------------------------------------------

  protected write<K extends WriteKind>(kind: K, payload: HostWrites[K], options?: CallOptions): Promise<WriteReceipt> {
    const { interactionId, idempotencyKey } = payload;
    const receipt = { id: keyedReceipt('genesys', interactionId, kind, idempotencyKey) };
    return this.#flights.run(receipt.id, async () => {
      const signal = options?.signal;
      const name = keyedName(kind, idempotencyKey);
      const conversation = await this.#call('read the conversation', () => this.#api.conversations.getConversation(interactionId), signal);
      const customer = conversation.participants?.find(isCustomer);
      if (!customer?.id) throw new HostError('not_found', `Conversation ${interactionId} has no customer participant to write to.`, { retryable: false });
      if (customer.attributes?.[name] !== undefined) return receipt; // a replay: the first write is there
      const contactId = customer.externalContactId;
      if (contactId && (this.#o.noteKinds ?? ['logRootCause', 'requestCallback']).includes(kind)) {
        const marker = noteMarker(kind, idempotencyKey);
        const notes = await this.#call('read the contact’s notes', () => this.#api.contacts.getExternalcontactsContactNotes(contactId, { pageSize: 100, sortOrder: 'desc' }), signal);
        if (!(notes.entities ?? []).some((n) => n.noteText?.includes(marker)))
          await this.#call(
            'add a note to the contact',
            () => this.#api.contacts.postExternalcontactsContactNotes(contactId, { noteText: noteText(kind, payload), entityId: contactId, entityType: 'contact' }),
            signal,
          );
      }
      const value = JSON.stringify(writeSummary(kind, payload));
      await this.#call(
        'write the participant attributes',
        () => this.#api.conversations.patchConversationParticipantAttributes(interactionId, customer.id!, { attributes: { [name]: value } }),
        signal,
      );
      return receipt;
    });
  }

  // ---- notifications -----------------------------------------------------------------------------

  protected listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    void this.#connect();
  }

  async #connect(): Promise<void> {
    if (this.#halted() || this.#socket) return;
    try {
      const me = await this.#agent();
      const channel = await this.#call('open a notifications channel', () => this.#api.notifications.postNotificationsChannels());
      if (!channel.id || !channel.connectUri) throw new HostError('invalid_response', 'Genesys Cloud answered a channel without an id or address.');
      const topic = `v2.users.${me.id}.conversations`;
      await this.#call('subscribe to conversation events', () => this.#api.notifications.postNotificationsChannelSubscriptions(channel.id!, [{ id: topic }]));
      if (this.#halted() || this.#socket) return;
      const socket = (this.#o.webSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike))(channel.connectUri);
      this.#socket = socket;
      socket.onmessage = (event) => {
        this.#attempt = 0;
        this.#onNotification(topic, event.data);
      };
      socket.onclose = () => {
        if (this.#socket !== socket) return; // closed by the kit
        this.#socket = null;
        this.#retry();
      };
    } catch {
      this.#retry();
    }
  }

  /** Disposed or expired: no socket, no reconnection. */
  #halted(): boolean {
    return this.#disposed || this.#status === 'expired';
  }

  /** Reconnect with back-off (1 s doubling to 60 s by default), never while expired or after dispose. */
  #retry(): void {
    if (this.#halted() || this.#reconnect !== undefined) return;
    const delay = Math.min(60_000, (this.#o.reconnectDelayMs ?? 1000) * 2 ** this.#attempt++);
    this.#reconnect = setTimeout(() => {
      this.#reconnect = undefined;
      void this.#connect();
    }, delay);
  }

  #onNotification(topic: string, data: unknown): void {
    let message: { topicName?: string; eventBody?: GenesysConversation };
    try {
      message = typeof data === 'string' ? JSON.parse(data) : (data as typeof message);
    } catch {
      return;
    }
    if (message?.topicName !== topic || !message.eventBody?.id) return; // heartbeats (channel.metadata) and others
    const conversation = message.eventBody;
    if (this.#conversationId && conversation.id !== this.#conversationId) return; // this widget's conversation only
    const customer = conversation.participants?.find(isCustomer);
    const media = customer ? MEDIA.flatMap(([key]) => (customer[key] as Array<{ state?: string }> | undefined) ?? []) : [];
    const ended =
      !!conversation.endTime || !!customer?.endTime || ENDED.has(customer?.state ?? '') || (media.length > 0 && media.every((m) => ENDED.has(m.state ?? '')));
    if (ended) {
      this.hub.emit('interactionEnded', { interactionId: conversation.id! });
      return;
    }
    this.#conversationId ??= conversation.id!;
    this.hub.emit('interactionChanged', { interaction: this.#interaction(conversation) });
  }

  #closeSocket(): void {
    clearTimeout(this.#reconnect);
    this.#reconnect = undefined;
    const socket = this.#socket;
    this.#socket = null;
    socket?.close();
  }

  /** Close the notifications socket and stop answering the app lifecycle. */
  dispose(): void {
    this.#disposed = true;
    this.#closeSocket();
    for (const off of this.#lifecycle.splice(0)) off();
  }

  /** Whether the notifications socket is open (for a status line and tests). */
  get connected(): boolean {
    return this.#socket !== null;
  }
}

/**
 * Sign in inside the widget's iframe with PKCE (the platform client redirects the frame to the
 * Genesys login and back). Keeps the token in the frame's storage (`mend` prefix), so a reload does
 * not sign in again. Returns the state you passed (e.g. the original query string).
 */
export async function signInWithPkce(
  platformClient: GenesysPlatformClient,
  { clientId, redirectUri, environment, state }: { clientId: string; redirectUri: string; environment: string; state?: string },
): Promise<{ accessToken: string; state?: string }> {
  const client = platformClient.ApiClient.instance;
  if (!client.loginPKCEGrant) throw new HostError('unsupported', 'This platform client has no loginPKCEGrant (version 140 or newer is needed).');
  client.setEnvironment?.(environment);
  client.setPersistSettings?.(true, 'mend');
  return client.loginPKCEGrant(clientId, redirectUri, state === undefined ? {} : { state });
}

/** A survey's score on 1-5: from its total (0-100), else its promoter score (0-10); null without either. */
function scoreOf(total: number | undefined, promoter: number | undefined): number | null {
  return fivePointScore(total, 100) ?? fivePointScore(promoter, 10);
}
