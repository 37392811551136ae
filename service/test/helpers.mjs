// Shared by the service's node tests: start the service on a backend, make tokens, call the API.
import { randomUUID } from 'node:crypto';
import { startService } from '../dist/server.js';
import { devToken } from '../dist/auth.js';
import { seedDemo } from '../dist/server.js';

export const SECRET = 'test-secret-that-is-long-enough-0123456789';
export const ORIGIN = 'https://console.example.com';
export const DANA = 'agent-dana';
export const SAM = 'agent-sam';
export const TEAM = 'team-north';

/** The service on PGlite (memory) or on `databaseUrl`. */
export async function start(databaseUrl, options = {}) {
  return startService({ databaseUrl, dataDir: 'memory://', auth: { secret: SECRET }, origins: [ORIGIN], poolSize: 30, ...options });
}

/** A fresh tenant holding the demo seed, and a client per role. */
export async function tenant(service) {
  const id = `t-${randomUUID()}`;
  await seedDemo(service.store, id);
  const as = async (agentId, role, team = TEAM, t = id, options = {}) => client(service.url, await devToken(options.secret ?? SECRET, { tenant: t, agentId, role, team }, options.expiresIn ?? '1h'));
  return { id, as, dana: await as(DANA, 'agent'), sam: await as(SAM, 'lead') };
}

export function client(url, token) {
  const call = async (method, path, body, headers = {}) => {
    const init = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, init);
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: json };
  };
  return {
    token,
    get: (path, headers) => call('GET', path, undefined, headers),
    post: (path, body, key, headers = {}) => call('POST', path, body, { ...(key ? { 'idempotency-key': key } : {}), ...headers }),
    put: (path, body, key, headers = {}) => call('PUT', path, body, { ...(key ? { 'idempotency-key': key } : {}), ...headers }),
    call,
  };
}

let n = 0;
export const key = (what = 'k') => `${what}-${Date.now().toString(36)}-${(n++).toString(36)}-${randomUUID().slice(0, 8)}`;

export function spendBody(fund, amount, extra = {}) {
  const k = extra.idempotencyKey ?? key('spend');
  return { idempotencyKey: k, interactionId: 'int-voice-1', customerId: 'cust-carmen', at: new Date().toISOString(), agentId: fund.agentId, amount, currency: fund.currency, reason: 'goodwill', expectedVersion: fund.version, ...extra };
}

export async function spend(c, fund, amount, extra = {}) {
  const body = spendBody(fund, amount, extra);
  return c.post(`/v1/funds/${encodeURIComponent(body.agentId)}/spends`, body, body.idempotencyKey);
}

/** A lead's decision (the body of POST /v1/funds/:agentId/spends/:entryId/decision). */
export function decisionBody(entryId, approve, extra = {}) {
  return { idempotencyKey: key('decision'), interactionId: 'int-voice-1', customerId: 'cust-carmen', at: new Date().toISOString(), leadId: SAM, agentId: DANA, entryId, approve, ...extra };
}

export function decide(c, body) {
  return c.post(`/v1/funds/${encodeURIComponent(body.agentId)}/spends/${encodeURIComponent(body.entryId)}/decision`, body, body.idempotencyKey);
}
