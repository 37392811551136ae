import { expect } from '@open-wc/testing';
import { until } from '../../helpers/until.js';
import { composeAdapter } from '../../../src/adapter/compose.js';
import { runAdapterContract } from '../../../src/adapter/contract.js';
import { demoSeed, DEMO_IDS } from '../../../src/adapter/demo-data.js';
import { guardHost } from '../../../src/adapter/guard.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { CONSOLE_WRITES, GenesysKit, conversationIdFromUrl, type GenesysClientApp, type GenesysKitOptions } from '../../../src/hosts/genesys/index.js';
import { Backend, conversation, sdk, Sockets, useBackend } from './fake-genesys.js';
import { rootCauseLog } from '../payloads.js';

const kits: GenesysKit[] = [];

function setup(options: Partial<GenesysKitOptions> = {}) {
  const backend = new Backend();
  useBackend(backend);
  const sockets = new Sockets();
  const kit = new GenesysKit({ platformClient: sdk, conversationId: 'conv-1', webSocket: sockets.factory, currency: 'USD', locale: 'en-US', ...options });
  kits.push(kit);
  return { backend, sockets, kit };
}

const service = () => new MemoryAdapter(demoSeed(), { capabilities: { history: false, wrapUpGuard: false } });

const log = (key?: string) => rootCauseLog('conv-1', 'contact-carmen', key);

const topic = 'v2.users.user-dana.conversations';

afterEach(() => {
  for (const kit of kits.splice(0)) kit.dispose();
});

runAdapterContract('Genesys Cloud kit composed with the service', () => composeAdapter(setup().kit, service(), { from: CONSOLE_WRITES }), { describe, it }, {
  agentId: DEMO_IDS.agent,
});

describe('Genesys kit: context and history (real platform client, fixture HTTP)', () => {
  it('reads the conversation id Genesys interpolated into the widget URL', () => {
    expect(conversationIdFromUrl('?conversationid=abc-123&gcHostOrigin=https%3A%2F%2Fapps.mypurecloud.com')).to.equal('abc-123');
    expect(conversationIdFromUrl('?conversationid={{pcConversationId}}')).to.equal(null);
  });

  it('the agent from users/me, the interaction and customer from the conversation', async () => {
    const { kit, backend } = setup();
    const context = await guardHost(kit).getContext();
    expect(context.agent).to.deep.equal({ id: 'user-dana', name: 'Dana Reyes', role: 'agent' });
    expect(context.interaction).to.include({ id: 'conv-1', customerId: 'contact-carmen', channel: 'chat', customerName: 'Carmen Diaz' });
    const sent = backend.requests.map((r) => `${r.method} ${r.path}`);
    expect(sent).to.include.members(['GET /api/v2/users/me', 'GET /api/v2/conversations/conv-1']);
  });

  it('history: the contact’s cases and its poorly rated surveyed conversations', async () => {
    const { kit, backend } = setup();
    const history = await guardHost(kit).getHistory('contact-carmen');
    expect(history.customer).to.deep.equal({ id: 'contact-carmen', name: 'Carmen Diaz' });
    const byId = Object.fromEntries(history.incidents.map((i) => [i.id, i]));
    expect(Object.keys(byId)).to.have.members(['genesys-case:case-1', 'genesys-case:case-2', 'genesys-conversation:conv-old-1', 'genesys-conversation:conv-old-4']);
    expect(byId['genesys-case:case-1']).to.include({ severity: 'high', category: 'Damaged item', summary: 'Blender arrived broken', resolved: false });
    expect(byId['genesys-case:case-2']).to.include({ severity: 'low', resolved: true });
    expect(byId['genesys-conversation:conv-old-1']).to.include({ surveyScore: 1, severity: 'high', category: 'survey' });
    // A score analytics already gave is used as is (30 of 100: 2 of 5).
    expect(byId['genesys-conversation:conv-old-4']).to.include({ surveyScore: 2, severity: 'medium', summary: 'After-call CSAT: 2 of 5 after a chat contact' });
    // The quality API is asked only for surveyed conversations whose analytics has no score (2 of 4:
    // not one request per past conversation), and the details query filters by the contact.
    expect(backend.requests.filter((r) => r.path.includes('/surveys')).map((r) => r.path.split('/')[5])).to.have.members(['conv-old-1', 'conv-old-2']);
    const query = backend.requests.find((r) => r.path.endsWith('/details/query'))!.body as { segmentFilters: unknown };
    expect(JSON.stringify(query.segmentFilters)).to.contain('"dimension":"externalContactId"').and.to.contain('contact-carmen');
  });

  it('an unknown contact is not_found; a customer without an external contact has an empty history', async () => {
    const { kit, backend } = setup();
    expect(await kit.getHistory('contact-nobody').catch((e) => e.code)).to.equal('not_found');
    backend.conversations.set('conv-1', conversation('conv-1', { externalContactId: undefined }));
    const context = await kit.getContext();
    const history = await guardHost(kit).getHistory(context.interaction!.customerId);
    expect(history).to.deep.equal({ customer: { id: context.interaction!.customerId, name: 'Carmen Diaz' }, incidents: [] });
  });
});

describe('Genesys kit: keyed participant attributes and notes', () => {
  it('writes mend.<kind>.<key> on the customer participant and one marked note on the contact', async () => {
    const { kit, backend } = setup();
    const receipt = await kit.logRootCause(log('k1'));
    expect(receipt.id).to.equal('genesys:conv-1:mend.logRootCause.k1');
    const attributes = backend.conversations.get('conv-1')!.participants![1]!.attributes!;
    expect(attributes['flow.language']).to.equal('en');
    expect(JSON.parse(attributes['mend.logRootCause.k1']!)).to.include({ kind: 'logRootCause', causeId: 'rc-pack', departmentId: 'warehouse' });
    const notes = backend.notes.get('contact-carmen')!;
    expect(notes.length).to.equal(1);
    expect(notes[0]!.noteText).to.contain('Root cause: rc-pack').and.to.contain('[mend:logRootCause:k1]');
  });

  it('a replay writes nothing twice and answers the same receipt (also when it comes concurrently)', async () => {
    const { kit, backend } = setup();
    const payload = log();
    const [a, b] = await Promise.all([kit.logRootCause(payload), kit.logRootCause(payload)]);
    const c = await kit.logRootCause(payload);
    expect([b.id, c.id]).to.deep.equal([a.id, a.id]);
    expect(backend.count('PATCH')).to.equal(1);
    expect(backend.count('POST', '/notes')).to.equal(1);
  });

  it('a replay after the note was created but before the attribute was written finds the note by its marker', async () => {
    const { kit, backend } = setup();
    const payload = log('half');
    const failing = backend.handle.bind(backend);
    backend.handle = (method, path, body) => (method === 'PATCH' ? (backend.requests.push({ method, path, body }), { status: 503, data: { status: 503, message: 'busy' } }) : failing(method, path, body));
    const first = await kit.logRootCause(payload).catch((e) => e);
    expect(first).to.include({ code: 'unavailable', retryable: true });
    backend.handle = failing;
    await kit.logRootCause(payload);
    expect(backend.notes.get('contact-carmen')!.length).to.equal(1);
    expect(backend.conversations.get('conv-1')!.participants![1]!.attributes!['mend.logRootCause.half']).to.be.a('string');
  });

  it('host statuses become HostError codes', async () => {
    const { kit, backend } = setup();
    backend.conversations.delete('conv-1');
    expect(await kit.acknowledgeBaggage({ ...log(), incidentIds: [] }).catch((e) => [e.code, e.details.status])).to.deep.equal(['not_found', 404]);
  });
});

describe('Genesys kit: notifications over the injected WebSocket', () => {
  it('subscribes to the agent’s conversations and turns notifications into interaction events', async () => {
    const { kit, backend, sockets } = setup();
    const changed: string[] = [];
    const ended: string[] = [];
    kit.on('interactionChanged', ({ interaction }) => changed.push(`${interaction?.id}:${interaction?.customerName}`));
    kit.on('interactionEnded', ({ interactionId }) => ended.push(interactionId));
    await until(() => sockets.last, 'the notifications socket');
    expect(sockets.last!.url).to.equal('wss://streaming.fake.example/channels/ch-1');
    expect(backend.requests.find((r) => r.path.endsWith('/subscriptions'))!.body).to.deep.equal([{ id: topic }]);
    const socket = sockets.last!;
    socket.deliver({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
    socket.deliver({ topicName: topic, eventBody: conversation('conv-other') });
    socket.deliver({ topicName: topic, eventBody: conversation('conv-1', { name: 'Carmen D.' }) });
    socket.deliver({ topicName: topic, eventBody: conversation('conv-1', { chats: [{ state: 'disconnected' }] }) });
    expect(changed).to.deep.equal(['conv-1:Carmen D.']);
    expect(ended).to.deep.equal(['conv-1']);
  });

  it('reconnects on a new channel when the server drops the socket; dispose closes it', async () => {
    const { kit, backend, sockets } = setup({ reconnectDelayMs: 10 });
    kit.on('interactionChanged', () => {});
    await until(() => sockets.opened.length === 1, 'the first socket');
    sockets.last!.drop();
    await until(() => sockets.opened.length === 2, 'a second socket (reconnection)');
    expect(backend.count('POST', '/notifications/channels')).to.be.at.least(2);
    kit.dispose();
    expect(sockets.last!.closed).to.equal(true);
  });
});

describe('Genesys kit: token expiry (401) is a state, not a loop', () => {
  it('the first 401 expires the kit: calls fail at once without HTTP, no reconnection, one status change; resume() after sign-in', async () => {
    const statuses: string[] = [];
    const { kit, backend, sockets } = setup({ onStatusChange: (s) => statuses.push(s), reconnectDelayMs: 0 });
    kit.on('interactionChanged', () => {});
    await until(() => sockets.opened.length === 1, 'the notifications socket');
    backend.expired = true;
    const error = await guardHost(kit).getHistory('contact-carmen').catch((e) => e);
    expect(error).to.include({ code: 'permission', retryable: false });
    expect(error.details).to.include({ reason: 'token_expired', status: 401 });
    expect(kit.status).to.equal('expired');
    expect(sockets.last!.closed).to.equal(true);
    const sent = backend.requests.length;
    for (const call of [() => kit.getContext(), () => kit.logRootCause(log()), () => kit.getHistory('contact-carmen')])
      expect(await call().catch((e) => e.details.reason)).to.equal('token_expired');
    sockets.last!.drop();
    // Timers of equal delay run in order: a reconnection scheduled at 0 ms would have run (and asked for a channel) by now.
    await new Promise((r) => setTimeout(r, 0));
    await kit.getContext().catch(() => {});
    expect(backend.requests.length).to.equal(sent);
    expect(sockets.opened.length).to.equal(1);
    expect(statuses).to.deep.equal(['expired']);

    backend.expired = false; // the agent signed in again
    kit.resume();
    expect((await kit.getContext()).interaction?.id).to.equal('conv-1');
    await until(() => sockets.opened.length === 2, 'a new socket after resume()');
    expect(statuses).to.deep.equal(['expired', 'ready']);
  });
});

describe('Genesys kit: the client-app lifecycle (real client-app SDK in an iframe)', () => {
  let frame: HTMLIFrameElement;
  let seen: Array<Record<string, unknown>>;
  const onMessage = (event: MessageEvent) => {
    if (event.source === frame?.contentWindow && event.data?.protocol === 'purecloud-client-apps') seen.push(event.data);
  };

  beforeEach(async () => {
    seen = [];
    addEventListener('message', onMessage);
    frame = document.createElement('iframe');
    frame.title = 'Mend widget';
    const ready = new Promise<void>((resolve) =>
      addEventListener('message', function once(e) {
        if (e.data?.type === 'genesys-test-ready') (removeEventListener('message', once), resolve());
      }),
    );
    frame.src = '/test/hosts/genesys/fixtures/widget.html?conversationid=conv-1';
    document.body.append(frame);
    await ready;
  });

  afterEach(() => {
    removeEventListener('message', onMessage);
    frame.remove();
  });

  /** The ClientApp built in the frame, with this page (the fake Genesys Cloud) as its exact origin. */
  const clientApp = (): GenesysClientApp => {
    const w = frame.contentWindow as unknown as { purecloud: { apps: { ClientApp: new (cfg: object) => GenesysClientApp } } };
    return new w.purecloud.apps.ClientApp({ pcOrigin: location.origin });
  };
  const hook = (name: string) => frame.contentWindow!.postMessage({ purecloudEventType: 'appLifecycleHook', hook: name }, location.origin);

  it('answers bootstrap once the agent is known, and stop by closing the socket', async () => {
    const { kit, sockets } = setup({ clientApp: clientApp() });
    kit.on('interactionChanged', () => {});
    await until(() => sockets.opened.length === 1, 'the notifications socket');
    hook('bootstrap');
    await until(() => seen.some((m) => m.action === 'bootstrapped'), 'the bootstrapped message');
    hook('stop');
    await until(() => seen.some((m) => m.action === 'stopped'), 'the stopped message');
    expect(sockets.last!.closed).to.equal(true);
  });

  it('an expired token shows one Genesys toast saying to sign in again', async () => {
    const { kit, backend } = setup({ clientApp: clientApp() });
    backend.expired = true;
    await kit.getContext().catch(() => {});
    await kit.getHistory('contact-carmen').catch(() => {});
    await until(() => seen.some((m) => m.action === 'showToast'), 'a toast');
    const toasts = seen.filter((m) => m.action === 'showToast');
    expect(toasts.length).to.equal(1);
    expect(toasts[0]).to.include({ type: 'error', id: 'mend-sign-in' });
    expect(String(toasts[0]!.message)).to.contain('Sign in again');
  });
});
