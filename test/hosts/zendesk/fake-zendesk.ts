// The test page plays Zendesk Support for an app iframe (fixtures/app.html) that runs the real ZAF
// SDK. It speaks the SDK's wire protocol over postMessage:
// - the handshake `iframe.handshake` → `zaf.app.registered` with the context;
// - requests `{id, request: 'get'|'set'|'invoke'}` → `{id, result}`;
// - the API proxy `request:N` → `zaf.request:N.done` (responseArgs [data, status, xhr]) or `.fail`;
// - events `zaf.<name>`, and the save hook `zaf.ticket.save` with `needsReply`, answered by the
//   app's `iframe.reply:ticket.save` (`error.msg` carries a veto).
// Behind the API proxy is a tiny Support API: users, tickets, comments, ticket updates.
import type { ZafClient } from '../../../src/hosts/zendesk/index.js';

export interface FakeTicket {
  id: number;
  subject: string;
  status: string;
  priority: string | null;
  type?: string | null;
  tags: string[];
  created_at: string;
  requester_id: number;
  via?: { channel: string };
  satisfaction_rating?: { score: string; comment?: string | null } | null;
  custom_fields: Array<{ id: number; value: unknown }>;
  comments: Array<{ id: number; body: string; public: boolean }>;
}

export interface FakeUser {
  id: number;
  name: string;
  role?: string;
  locale?: string;
}

export interface ApiCall {
  type: string;
  url: string;
  data?: unknown;
}

interface Fault {
  match: RegExp;
  status: number;
  times: number;
  retryAfter?: number;
  /** Apply the request, then answer the failure (a gateway time-out after the write committed). */
  applied?: boolean;
}

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** A fresh account: agent 9001, requester 501 with three past tickets, current ticket 1001. */
export function seedAccount(): { users: FakeUser[]; tickets: FakeTicket[] } {
  const t = (id: number, days: number, over: Partial<FakeTicket>): FakeTicket => ({
    id,
    subject: `Ticket ${id}`,
    status: 'solved',
    priority: 'normal',
    tags: [],
    created_at: ago(days),
    requester_id: 501,
    custom_fields: [],
    comments: [{ id: id * 100, body: 'Hello', public: true }],
    ...over,
  });
  return {
    users: [
      { id: 9001, name: 'Dana Agent', role: 'agent', locale: 'en-US' },
      { id: 501, name: 'Carmen Ruiz' },
      { id: 502, name: 'Ava Lindqvist' },
    ],
    tickets: [
      t(1001, 0, { subject: 'My blender arrived broken', status: 'open', priority: 'high', via: { channel: 'email' } }),
      t(901, 10, { subject: 'Second blender with a cracked jar', status: 'open', priority: 'urgent' }),
      t(902, 7, { subject: 'Nobody called back', priority: 'normal', satisfaction_rating: { score: 'bad', comment: 'Slow' } }),
      t(903, 40, { subject: '<b>Where</b> is my order?', priority: 'low', satisfaction_rating: { score: 'good' }, tags: ['mend_severity_medium'] }),
      t(904, 3, { subject: 'Other customer', requester_id: 502 }),
    ],
  };
}

export class FakeZendesk {
  readonly frame: HTMLIFrameElement;
  readonly appOrigin: string;
  users = new Map<number, FakeUser>();
  tickets = new Map<number, FakeTicket>();
  agentId = 9001;
  /** The ticket the app is open on (null: the new-ticket sidebar). */
  ticketId: number | null = 1001;
  /** Replace what `client.get` answers for a path (to send malformed answers). */
  overrides = new Map<string, unknown>();
  /** Every API call the app made, in order. */
  readonly calls: ApiCall[] = [];
  /** Every message the app posted (parsed). */
  readonly received: Array<Record<string, unknown>> = [];
  /** Subscriber counts per event, from `iframe.on:` / `iframe.off:`. */
  readonly subscribers = new Map<string, number>();
  #faults: Fault[] = [];
  #nextId = 50_000;
  #saves: Array<(reply: Record<string, unknown>) => void> = [];
  #registered!: Promise<void>;
  #onRegistered!: () => void;

  /** The app's installation settings (`client.metadata().settings`). */
  settings: Record<string, unknown>;
  readonly page: string;

  constructor(options: { appOrigin?: string; page?: string; settings?: Record<string, unknown> } = {}) {
    this.appOrigin = options.appOrigin ?? location.origin;
    this.page = options.page ?? 'app.html';
    this.settings = options.settings ?? {};
    this.reset();
    addEventListener('message', this.#onMessage);
    this.frame = document.createElement('iframe');
    this.frame.title = 'Mend Zendesk app';
    document.body.append(this.frame);
    this.load();
  }

  /** Fresh account data (faults and overrides cleared). */
  reset(): void {
    const seed = seedAccount();
    this.users = new Map(seed.users.map((u) => [u.id, u]));
    this.tickets = new Map(seed.tickets.map((t) => [t.id, t]));
    this.ticketId = 1001;
    this.overrides.clear();
    this.#faults = [];
    this.calls.length = 0;
    this.received.length = 0;
  }

  /** (Re)load the app iframe: a new SDK client, as after a page reload. */
  load(): Promise<void> {
    this.#registered = new Promise((r) => (this.#onRegistered = r));
    const query = `origin=${encodeURIComponent(location.origin)}&app_guid=g`;
    this.frame.src = `${this.appOrigin}/test/hosts/zendesk/fixtures/${this.page}?${query}&at=${Date.now()}`;
    return this.ready();
  }

  /** Resolves once the SDK did its handshake and the page exposed its client. */
  async ready(): Promise<void> {
    await this.#registered;
    const w = this.frame.contentWindow as unknown as { zafReady?: boolean };
    while (!w.zafReady) await new Promise((r) => setTimeout(r, 5));
  }

  /** The SDK client in the app iframe (what `ZAFClient.init()` returned there). */
  get client(): ZafClient {
    return (this.frame.contentWindow as unknown as { zafClient: ZafClient }).zafClient;
  }

  /** The next `times` API calls whose `TYPE url` matches answer `status`. */
  failNext(match: RegExp, status: number, times = 1, retryAfter?: number): void {
    this.#faults.push({ match, status, times, retryAfter });
  }

  /** The next matching API call is applied, then answered with a failure (the answer is lost). */
  applyThenFail(match: RegExp, status = 504): void {
    this.#faults.push({ match, status, times: 1, applied: true });
  }

  /** Push a framework event to the app (`app.activated`, `ticket.submit.done`...). */
  fire(name: string, message: unknown = {}): void {
    this.#post({ key: `zaf.${name}`, message });
  }

  /** Ask the app's `ticket.save` hook; resolves with the app's reply (`error.msg` when it vetoed). */
  save(): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      this.#saves.push(resolve);
      this.#post({ key: 'zaf.ticket.save', needsReply: true });
    });
  }

  /** Internal notes of a ticket. */
  notes(ticketId: number): FakeTicket['comments'] {
    return this.tickets.get(ticketId)!.comments.filter((c) => !c.public);
  }

  dispose(): void {
    removeEventListener('message', this.#onMessage);
    this.frame.remove();
  }

  #post(message: Record<string, unknown>): void {
    this.frame.contentWindow!.postMessage(JSON.stringify(message), this.appOrigin);
  }

  #onMessage = (event: MessageEvent) => {
    if (event.source !== this.frame.contentWindow || event.origin !== this.appOrigin) return;
    let data = event.data as unknown;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    if (!data || typeof data !== 'object') return;
    const m = data as Record<string, unknown>;
    this.received.push(m);
    const key = typeof m.key === 'string' ? m.key : '';
    if (key === 'iframe.handshake') {
      this.#post({ key: 'zaf.app.registered', message: { context: this.#context(), metadata: { appId: 1, installationId: 2, settings: { title: 'Mend', ...this.settings } } } });
      this.#onRegistered();
    } else if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
      const name = key.slice(key.indexOf(':') + 1);
      this.subscribers.set(name, (m.message as { subscriberCount?: number })?.subscriberCount ?? 0);
    } else if (key === 'iframe.reply:ticket.save') {
      this.#saves.shift()?.(m);
    } else if (/^request:\d+$/.test(key)) {
      void this.#api(key, m.message as { url: string; type?: string; data?: string });
    } else if (typeof m.id === 'number' && typeof m.request === 'string') {
      this.#answer(m.id, m.request, m.params);
    }
  };

  #context() {
    return { product: 'support', location: this.ticketId ? 'ticket_sidebar' : 'new_ticket_sidebar', ticketId: this.ticketId ?? undefined, instanceGuid: 'g', account: { subdomain: 'mend-test' } };
  }

  #get(path: string): { value?: unknown; error?: unknown } {
    if (this.overrides.has(path)) return { value: this.overrides.get(path) };
    const ticket = this.ticketId ? this.tickets.get(this.ticketId) : undefined;
    const agent = this.users.get(this.agentId)!;
    if (path === 'currentUser') return { value: { id: agent.id, name: agent.name, role: agent.role, locale: agent.locale, email: 'dana@example.com' } };
    if (!path.startsWith('ticket.')) return { error: { message: `Could not find ${path}`, name: 'InvalidPath', path } };
    if (!ticket) return { error: { message: 'No ticket', name: 'InvalidPath', path } };
    const requester = this.users.get(ticket.requester_id);
    const values: Record<string, unknown> = {
      'ticket.id': ticket.id,
      'ticket.requester': requester ? { id: requester.id, name: requester.name } : null,
      'ticket.requester.id': ticket.requester_id,
      'ticket.subject': ticket.subject,
      'ticket.status': ticket.status,
      'ticket.priority': ticket.priority,
      'ticket.tags': ticket.tags,
      'ticket.createdAt': ticket.created_at,
      'ticket.via': ticket.via ?? { channel: 'web' },
    };
    return path in values ? { value: values[path] } : { error: { message: `Could not find ${path}`, name: 'InvalidPath', path } };
  }

  #answer(id: number, request: string, params: unknown): void {
    const result: Record<string, unknown> = { errors: {} };
    const errors = result.errors as Record<string, unknown>;
    if (request === 'get') {
      for (const path of params as string[]) {
        const { value, error } = this.#get(path);
        if (error) errors[path] = error;
        else result[path] = value;
      }
    } else if (request === 'set') {
      for (const [path, value] of Object.entries(params as Record<string, unknown>)) {
        const ticket = this.ticketId ? this.tickets.get(this.ticketId) : undefined;
        if (ticket && path === 'ticket.status') ticket.status = String(value);
        else if (ticket && path === 'ticket.requester.id') ticket.requester_id = Number(value);
        else errors[path] = { message: `Cannot set ${path}`, name: 'InvalidPath', path };
      }
    }
    this.#post({ id, result });
  }

  async #api(key: string, options: { url: string; type?: string; data?: string }): Promise<void> {
    const type = (options.type ?? 'GET').toUpperCase();
    const call: ApiCall = { type, url: options.url, data: options.data ? JSON.parse(options.data) : undefined };
    this.calls.push(call);
    const fault = this.#faults.find((f) => f.times > 0 && f.match.test(`${type} ${options.url}`));
    if (fault) fault.times--;
    if (fault?.applied) this.#route(type, options.url, call.data);
    if (fault) {
      const body = { error: fault.status === 429 ? 'TooManyRequests' : 'Failure', description: `Fake ${fault.status}` };
      const headers = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      return this.#post({ key: `zaf.${key}.fail`, message: { responseArgs: [{ status: fault.status, statusText: 'fake', responseText: JSON.stringify(body), responseJSON: body, headers }, 'error', 'fake'] } });
    }
    const [status, answer] = this.#route(type, options.url, call.data);
    if (status >= 400) {
      const body = { error: status === 404 ? 'RecordNotFound' : 'Failure', description: `Fake ${status}` };
      return this.#post({ key: `zaf.${key}.fail`, message: { responseArgs: [{ status, statusText: 'fake', responseText: JSON.stringify(body), responseJSON: body }, 'error', 'fake'] } });
    }
    this.#post({ key: `zaf.${key}.done`, message: { responseArgs: [answer, 'success', { status }] } });
  }

  #route(type: string, url: string, data: unknown): [number, unknown] {
    const path = url.split('?')[0]!;
    let m: RegExpMatchArray | null;
    if (type === 'GET' && (m = path.match(/^\/api\/v2\/users\/(\d+)\/tickets\/requested\.json$/))) {
      const user = this.users.get(Number(m[1]));
      if (!user) return [404, null];
      const tickets = [...this.tickets.values()].filter((t) => t.requester_id === user.id).sort((a, b) => b.created_at.localeCompare(a.created_at));
      return [200, { tickets: tickets.map(({ comments, custom_fields, ...t }) => ({ ...t, custom_fields })), users: [user], next_page: null, count: tickets.length }];
    }
    if (type === 'GET' && (m = path.match(/^\/api\/v2\/tickets\/(\d+)\/comments\.json$/))) {
      const ticket = this.tickets.get(Number(m[1]));
      if (!ticket) return [404, null];
      return [200, { comments: [...ticket.comments].reverse().map((c) => ({ ...c, plain_body: c.body })) }];
    }
    if (type === 'PUT' && (m = path.match(/^\/api\/v2\/tickets\/(\d+)\.json$/))) {
      const ticket = this.tickets.get(Number(m[1]));
      if (!ticket) return [404, null];
      const update = (data as { ticket?: Record<string, unknown> })?.ticket ?? {};
      const events: Array<Record<string, unknown>> = [];
      const comment = update.comment as { body?: string; public?: boolean } | undefined;
      if (comment?.body) {
        const c = { id: this.#nextId++, body: comment.body, public: comment.public !== false };
        ticket.comments.push(c);
        events.push({ type: 'Comment', id: c.id, body: c.body, public: c.public });
      }
      for (const tag of (update.additional_tags as string[] | undefined) ?? []) if (!ticket.tags.includes(tag)) ticket.tags.push(tag);
      for (const field of (update.custom_fields as Array<{ id: number; value: unknown }> | undefined) ?? []) {
        ticket.custom_fields = [...ticket.custom_fields.filter((f) => f.id !== field.id), field];
      }
      const { comments, ...rest } = ticket;
      return [200, { ticket: rest, audit: { id: this.#nextId++, ticket_id: ticket.id, events } }];
    }
    return [404, null];
  }
}
