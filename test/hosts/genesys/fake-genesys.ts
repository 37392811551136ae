// A fake Genesys Cloud for the kit's tests: the REAL platform client sends its HTTP through a
// FixtureHttpClient (`ApiClient.setHttpClient`, an AbstractHttpClient of the same module) to the small
// in-memory backend below, and notifications arrive on a fake WebSocket the kit opens through its
// injected factory. Paths and shapes from purecloud-platform-client-v2 262 (api/*.js, index.d.ts).
import type { GenesysConversation, GenesysPlatformClient, WebSocketLike } from '../../../src/hosts/genesys/types.js';

/**
 * The platform client as Genesys documents it for browsers: the package's browser bundle as a
 * classic script, then `require('platformClient')`. (Its ES module source imports axios' Node build
 * under the test server's resolver.)
 */
/** The platform client as the kit sees it, plus what the test uses to plug in its HTTP client. */
type PlatformClientModule = GenesysPlatformClient & {
  AbstractHttpClient: abstract new () => object;
  ApiClient: { instance: { setHttpClient(client: object): void; setAccessToken(token: string): void } };
};

async function loadPlatformClient(): Promise<PlatformClientModule> {
  const w = window as unknown as { require?: (name: string) => unknown };
  if (!w.require) {
    w.require = undefined; // the bundle assigns the global `require`; declare it first
    const script = document.createElement('script');
    script.src = '/node_modules/purecloud-platform-client-v2/dist/web-cjs/purecloud-platform-client-v2.min.js';
    await new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => reject(new Error('the platform client did not load'));
      document.head.append(script);
    });
  }
  return w.require!('platformClient') as PlatformClientModule;
}

export const platformClient = await loadPlatformClient();
export const sdk: GenesysPlatformClient = platformClient;

export interface Request {
  method: string;
  path: string;
  body: unknown;
}

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

/** The org's data and every request the platform client made. */
export class Backend {
  requests: Request[] = [];
  /** Answer every request 401 (the agent's token expired). */
  expired = false;
  me = { id: 'user-dana', name: 'Dana Reyes' };
  conversations = new Map<string, GenesysConversation>();
  contacts = new Map<string, { id: string; firstName: string; lastName: string }>([['contact-carmen', { id: 'contact-carmen', firstName: 'Carmen', lastName: 'Diaz' }]]);
  notes = new Map<string, Array<{ id: string; noteText: string }>>();
  cases = [
    { id: 'case-1', summary: 'Blender arrived broken', priority: 'High', status: 'Open', dateCreated: ago(3), customerIntent: { name: 'Damaged item' } },
    { id: 'case-2', name: 'Late refund', priority: 'Low', status: 'Closed', dateCreated: ago(40), dateClosed: ago(35) },
  ];
  /** Past conversations (analytics details) and their surveys (quality). */
  details = [
    { conversationId: 'conv-old-1', conversationStart: ago(10), conversationEnd: ago(10), surveys: [{ surveyId: 's1', surveyStatus: 'Finished' }], participants: [{ purpose: 'customer', sessions: [{ mediaType: 'voice' }] }] },
    { conversationId: 'conv-old-2', conversationStart: ago(12), conversationEnd: ago(12), surveys: [{ surveyId: 's2', surveyStatus: 'Finished' }] },
    // Analytics already carries this finished survey's score: no quality request is needed.
    { conversationId: 'conv-old-4', conversationStart: ago(15), conversationEnd: ago(15), surveys: [{ surveyId: 's4', surveyStatus: 'Finished', surveyFormName: 'After-call CSAT', surveyCompletedDate: ago(15), oSurveyTotalScore: 30 }], participants: [{ purpose: 'customer', sessions: [{ mediaType: 'chat' }] }] },
    { conversationId: 'conv-old-3', conversationStart: ago(20), conversationEnd: ago(20) },
  ];
  surveys = new Map<string, unknown[]>([
    ['conv-old-1', [{ id: 's1', status: 'Finished', completedDate: ago(10), surveyForm: { name: 'CSAT' }, answers: { totalScore: 0 } }]],
    ['conv-old-2', [{ id: 's2', status: 'Finished', completedDate: ago(12), surveyForm: { name: 'CSAT' }, answers: { totalScore: 100 } }]],
  ]);
  channels = 0;

  constructor() {
    this.conversations.set('conv-1', conversation('conv-1'));
  }

  /** Requests of one kind (`PATCH` + a path fragment). */
  count(method: string, fragment = ''): number {
    return this.requests.filter((r) => r.method === method && r.path.includes(fragment)).length;
  }

  handle(method: string, path: string, body: unknown): { status: number; data: unknown } {
    this.requests.push({ method, path, body });
    if (this.expired) return { status: 401, data: { status: 401, code: 'bad.credentials', message: 'Invalid login credentials.' } };
    const notFound = { status: 404, data: { status: 404, code: 'not.found', message: 'The requested resource was not found.' } };
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/api/v2/users/me') return ok(this.me);
    if (method === 'GET' && (m = path.match(/^\/api\/v2\/conversations\/([^/]+)$/))) {
      const c = this.conversations.get(m[1]!);
      return c ? ok(structuredClone(c)) : notFound;
    }
    if (method === 'PATCH' && (m = path.match(/^\/api\/v2\/conversations\/([^/]+)\/participants\/([^/]+)\/attributes$/))) {
      const p = this.conversations.get(m[1]!)?.participants?.find((x) => x.id === m![2]);
      if (!p) return notFound;
      p.attributes = { ...(p.attributes ?? {}), ...(body as { attributes: Record<string, string> }).attributes };
      return { status: 202, data: '' };
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v2\/externalcontacts\/contacts\/([^/]+)$/))) {
      const c = this.contacts.get(m[1]!);
      return c ? ok(c) : notFound;
    }
    if ((m = path.match(/^\/api\/v2\/externalcontacts\/contacts\/([^/]+)\/notes$/))) {
      const list = this.notes.get(m[1]!) ?? [];
      if (method === 'GET') return ok({ entities: [...list].reverse() });
      const note = { id: `note-${list.length + 1}`, noteText: (body as { noteText: string }).noteText };
      this.notes.set(m[1]!, [...list, note]);
      return ok(note);
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v2\/casemanagement\/cases\/externalcontacts\/([^/]+)$/)))
      return ok({ entities: m[1] === 'contact-carmen' ? this.cases : [] });
    if (method === 'POST' && path === '/api/v2/analytics/conversations/details/query') {
      const filter = JSON.stringify(body);
      return ok({ conversations: filter.includes('contact-carmen') ? this.details : [] });
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v2\/quality\/conversations\/([^/]+)\/surveys$/))) return ok(this.surveys.get(m[1]!) ?? []);
    if (method === 'POST' && path === '/api/v2/notifications/channels') {
      const id = `ch-${++this.channels}`;
      return ok({ id, connectUri: `wss://streaming.fake.example/channels/${id}`, expires: ago(-1) });
    }
    if (method === 'POST' && (m = path.match(/^\/api\/v2\/notifications\/channels\/([^/]+)\/subscriptions$/)))
      return ok({ entities: (body as Array<{ id: string }>).map((t) => ({ id: t.id, state: 'Permitted' })) });
    return notFound;
  }
}

const ok = (data: unknown) => ({ status: 200, data });

export function conversation(id: string, customer: Record<string, unknown> = {}): GenesysConversation {
  return {
    id,
    startTime: ago(0.01),
    participants: [
      { id: 'p-agent', purpose: 'agent', userId: 'user-dana', name: 'Dana Reyes', chats: [{ state: 'connected' }] },
      { id: 'p-cust', purpose: 'customer', externalContactId: 'contact-carmen', name: 'Carmen Diaz', chats: [{ state: 'connected' }], attributes: { 'flow.language': 'en' }, ...customer },
    ],
  };
}

/** Point the real platform client at `backend` (a FixtureHttpClient of the SDK's own AbstractHttpClient). */
export function useBackend(backend: Backend): void {
  class FixtureHttpClient extends platformClient.AbstractHttpClient {
    enableHooks(): void {}
    async request(options: { url: string; method: string; data?: unknown }): Promise<unknown> {
      const url = new URL(options.url);
      const body = typeof options.data === 'string' && options.data ? JSON.parse(options.data) : options.data;
      await Promise.resolve(); // answers come later, as over a network
      const answer = backend.handle(options.method.toUpperCase(), url.pathname, body);
      if (answer.status >= 400) throw { response: { status: answer.status, statusText: 'error', headers: {}, data: answer.data } };
      return { status: answer.status, statusText: 'OK', headers: {}, data: answer.data };
    }
  }
  const client = platformClient.ApiClient.instance;
  client.setHttpClient(new FixtureHttpClient());
  client.setAccessToken('agent-token');
}

/** A WebSocket the test drives: the kit's `webSocket` factory hands these out. */
export class FakeSocket implements WebSocketLike {
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  closed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
  }
  /** The server sends a notification. */
  deliver(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** The server drops the connection. */
  drop(): void {
    this.closed = true;
    this.onclose?.({ code: 1006 });
  }
}

export class Sockets {
  readonly opened: FakeSocket[] = [];
  readonly factory = (url: string): FakeSocket => {
    const s = new FakeSocket(url);
    this.opened.push(s);
    return s;
  };
  get last(): FakeSocket | undefined {
    return this.opened.at(-1);
  }
}
