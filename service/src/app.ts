/**
 * The HTTP API under `/v1` (Hono on Node). One route table drives the handlers, the validation of
 * every body, query and header, and the OpenAPI document served at `/v1/openapi.json`: the schemas
 * are the library's own zod schemas (`src/adapter/schemas.ts`, `src/adapter/request-schemas.ts`).
 * Errors are `application/problem+json` (RFC 9457) whose `code` is a `HostError` code.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod/mini';
import { HostError, isHostError, type HostErrorCode } from '../../src/adapter/errors.js';
import { CustomerHistorySchema, FundSchema, RecoveryPolicySchema, RecurrenceSchema, SpendResultSchema, TaxonomySchema, WriteReceiptSchema, HostContextSchema } from '../../src/adapter/schemas.js';
import { SpendRequestSchema, writeSchemas } from '../../src/adapter/request-schemas.js';
import { leadSchemas } from '../../src/adapter/lead-schemas.js';
import type { WriteKind } from '../../src/adapter/host-adapter.js';
import { KeyReuseError, type Principal, type Store } from './store.js';
import type { EventHub } from './events.js';
import { parseTaxonomyCsv } from './taxonomy-csv.js';
import { seedDemo } from './seed.js';

export interface AppOptions {
  store: Store;
  hub: EventHub;
  verify: (token: string | undefined) => Promise<Principal>;
  /** Console origins allowed by CORS (exact matches). */
  origins: string[];
  /** Largest request body, in bytes (default 10 MB: a 50,000-cause taxonomy fits). */
  maxBody?: number;
  /** `POST /v1/demo/reset` restores the caller's tenant to the demo data (the demo only; see ServiceOptions). */
  demoReset?: boolean;
}

const STATUS: Record<HostErrorCode, number> = {
  invalid_request: 400,
  permission: 403,
  not_found: 404,
  conflict: 409,
  unsupported: 501,
  invalid_response: 502,
  storage: 507,
  unavailable: 503,
  timeout: 504,
};

/** A problem+json answer (RFC 9457) with the HostError `code`, `retryable` and `details`. */
export function problem(c: Context, error: HostError, status = Number(error.details.status) || STATUS[error.code]): Response {
  const { status: _s, ...details } = error.details;
  const body = {
    type: `https://mend.dev/problems/${error.code}`,
    title: error.code.replace('_', ' '),
    status,
    detail: error.message,
    code: error.code,
    retryable: error.retryable,
    ...(Object.keys(details).length ? { details } : {}),
  };
  return c.body(JSON.stringify(body), status as 400, { 'content-type': 'application/problem+json' });
}

const bad = (message: string, status = 400, details: Record<string, unknown> = {}) => new HostError('invalid_request', message, { retryable: false, details: { status, ...details } });

function check<T>(schema: z.ZodMiniType<T>, value: unknown, where: string, status = 422): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw bad(`The ${where} is invalid${path ? ` at "${path}"` : ''}: ${issue?.message ?? 'invalid'}.`, status, { path, where });
}

const Id = z.string().check(z.minLength(1), z.maxLength(256));
const Key = z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^[\x21-\x7e]+$/));
const Since = z.object({ since: z.iso.datetime({ offset: true }) });
const TeamQuery = z.object({ team: z.optional(z.string().check(z.maxLength(256))) });
const ImportedTaxonomy = z.object({ departments: TaxonomySchema.shape.departments, causes: TaxonomySchema.shape.causes });
const AgentBody = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.enum(['agent', 'lead', 'admin']),
  team: z.string().check(z.maxLength(256)),
  fund: z.optional(z.object({ currency: FundSchema.shape.currency, budget: FundSchema.shape.budget, perActionCap: FundSchema.shape.perActionCap, approvalThreshold: FundSchema.shape.approvalThreshold, period: FundSchema.shape.period })),
});
const Period = z.object({ from: z.optional(z.iso.datetime({ offset: true })), to: z.optional(z.iso.datetime({ offset: true })) });

interface Route {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  /** false: no token (health, the OpenAPI document). */
  auth?: boolean;
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  /**
   * Writes that create something (a spend, a record, a decision) need an `Idempotency-Key` header,
   * the key they are applied once under. A PUT replaces what it names, so sending it twice is
   * harmless and it needs none.
   */
  idempotent?: boolean;
  response: z.ZodMiniType;
  handle(c: Context, input: { who: Principal; body: unknown; query: unknown; key: string; params: Record<string, string> }): Promise<Response>;
}

/** The agent's writes; a lead's decision (`decideApproval`) has its own route. */
type AgentWriteKind = Exclude<WriteKind, 'decideApproval'>;
const WRITE_PATHS: Record<AgentWriteKind, string> = {
  recordRecovery: '/v1/recoveries',
  logRootCause: '/v1/root-causes',
  acknowledgeBaggage: '/v1/baggage-acknowledgements',
  requestCallback: '/v1/callbacks',
  notifyManager: '/v1/manager-notices',
};

function routes(store: Store, demoReset = false): Route[] {
  const json = (c: Context, value: unknown, applied = true) => c.json(value as object, 200, applied ? {} : { 'idempotent-replayed': 'true' });
  const sameKey = (key: string, body: { idempotencyKey: string }) => {
    if (body.idempotencyKey !== key) throw bad('The Idempotency-Key header and the body\'s idempotencyKey differ.', 400);
  };
  return [
    { method: 'get', path: '/v1/ping', summary: 'A trivial authenticated request (who am I).', response: z.object({ agentId: Id, role: z.string(), team: z.string(), tenant: z.string() }), handle: async (c, { who }) => c.json(who) },
    { method: 'get', path: '/v1/context', summary: "The caller's agent and first open contact, for a console that is the service itself.", response: HostContextSchema, handle: async (c, { who }) => c.json(await store.context(who)) },
    { method: 'get', path: '/v1/funds/:agentId', summary: "An agent's fund for the current period (own fund; a lead: the team's).", response: FundSchema, handle: async (c, { who, params }) => c.json(await store.getFund(who, params.agentId!)) },
    {
      method: 'post', path: '/v1/funds/:agentId/spends', summary: 'Spend from the caller\'s own fund: done, pending_approval (reserved) or rejected.', body: SpendRequestSchema, idempotent: true, response: SpendResultSchema,
      handle: async (c, { who, body, key, params }) => {
        const request = body as z.infer<typeof SpendRequestSchema>;
        sameKey(key, request);
        if (request.agentId !== params.agentId) throw bad('The body\'s agentId differs from the path.', 422);
        const { answer, applied } = await store.spend(who, request);
        return json(c, answer, applied);
      },
    },
    {
      method: 'post', path: '/v1/funds/:agentId/spends/:entryId/decision', summary: "A lead's decision on a spend of their team pending approval (once per entry; another lead's earlier decision is a conflict naming them).", body: leadSchemas.decision, idempotent: true, response: WriteReceiptSchema,
      handle: async (c, { who, body, key, params }) => {
        const decision = body as z.infer<typeof leadSchemas.decision>;
        sameKey(key, decision);
        if (decision.agentId !== params.agentId || decision.entryId !== params.entryId) throw bad('The body\'s agentId or entryId differs from the path.', 422);
        const { answer, applied } = await store.decide(who, decision);
        return json(c, answer, applied);
      },
    },
    {
      method: 'put', path: '/v1/agents/:agentId', summary: "Provision an agent and their fund's limits (admin).", body: AgentBody, response: AgentBody,
      handle: async (c, { who, body, params }) => {
        const b = body as z.infer<typeof AgentBody>;
        await store.putAgent(who, { id: params.agentId!, name: b.name, role: b.role, team: b.team }, b.fund);
        return c.json(b);
      },
    },
    { method: 'get', path: '/v1/approvals', summary: "Spends waiting for a decision, oldest first (a lead: the team's; an admin: the tenant's).", response: leadSchemas.approvals, handle: async (c, { who }) => c.json(await store.approvals(who)) },
    {
      method: 'get', path: '/v1/reports', summary: "The recovery report's rows for `[from, to)` (default: the current fund period): the team's spends and root causes, agents, departments, budget.", query: Period, response: leadSchemas.report,
      handle: async (c, { who, query }) => c.json(await store.report(who, query as z.infer<typeof Period>)),
    },
    { method: 'get', path: '/v1/policy', summary: 'The recovery policy of the caller\'s team (or of `team`), else the tenant\'s, else the default.', query: TeamQuery, response: RecoveryPolicySchema, handle: async (c, { who, query }) => c.json(await store.policy(who, (query as { team?: string }).team ?? who.team)) },
    {
      method: 'put', path: '/v1/policy', summary: 'Set the tenant\'s policy, or a team\'s with `team` (admin).', query: TeamQuery, body: RecoveryPolicySchema, response: RecoveryPolicySchema,
      handle: async (c, { who, query, body }) => c.json(await store.setPolicy(who, (query as { team?: string }).team ?? '', body as never)),
    },
    { method: 'get', path: '/v1/taxonomy', summary: 'The root-cause taxonomy.', response: TaxonomySchema, handle: async (c, { who }) => c.json(await store.taxonomy(who)) },
    {
      method: 'put', path: '/v1/taxonomy', summary: 'Import the taxonomy from JSON ({departments, causes}) or CSV (text/csv: id,label,category,departmentId,departmentName,keywords) (admin).', body: ImportedTaxonomy, response: z.object({ version: z.int(), causes: z.int() }),
      handle: async (c, { who, body }) => c.json(await store.setTaxonomy(who, body as never)),
    },
    { method: 'get', path: '/v1/recurrence', summary: 'Counts of root causes logged since `since`.', query: Since, response: RecurrenceSchema, handle: async (c, { who, query }) => c.json(await store.recurrence(who, (query as { since: string }).since)) },
    { method: 'get', path: '/v1/customers/:customerId/history', summary: "The customer's incidents, then the recoveries recorded here.", response: CustomerHistorySchema, handle: async (c, { who, params }) => c.json(await store.history(who, params.customerId!)) },
    { method: 'get', path: '/v1/customers/:customerId/recoveries', summary: 'The recovery records of a customer, oldest first.', response: z.array(writeSchemas.recordRecovery), handle: async (c, { who, params }) => c.json(await store.records(who, 'recordRecovery', params.customerId!)) },
    ...(demoReset
      ? [
          {
            method: 'post', path: '/v1/demo/reset', summary: "Restore the caller's tenant to the demo data (only on a service started for the demo).", response: z.object({ ok: z.boolean() }),
            handle: async (c, { who }) => {
              await seedDemo(store, who.tenant, { force: true });
              return c.json({ ok: true });
            },
          } satisfies Route,
        ]
      : []),
    ...(Object.keys(WRITE_PATHS) as AgentWriteKind[]).map(
      (kind): Route => ({
        method: 'post', path: WRITE_PATHS[kind], summary: `${kind}: applied once under its key; a replay answers the same receipt.`, body: writeSchemas[kind], idempotent: true, response: WriteReceiptSchema,
        handle: async (c, { who, body, key }) => {
          sameKey(key, body as { idempotencyKey: string });
          const { answer, applied } = await store.write(who, kind, body as never);
          return json(c, answer, applied);
        },
      }),
    ),
  ];
}

/** The OpenAPI 3.1 document, generated from the route table's zod schemas. */
export function openApiDocument(table: Route[]): object {
  const schema = (s: z.ZodMiniType) => {
    const { $schema: _, ...rest } = z.toJSONSchema(s, { unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  };
  const problemRef = { description: 'A problem (RFC 9457) with a HostError code', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of table) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: schema(Id) }));
    if (r.query) {
      const q = schema(r.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(q.properties ?? {})) parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema: s });
    }
    if (r.idempotent) parameters.push({ name: 'Idempotency-Key', in: 'header', required: true, schema: schema(Key) });
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      ...(r.auth === false ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body) } } } } : {}),
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: schema(r.response) } } }, default: problemRef },
    };
  }
  paths['/v1/events'] = {
    get: {
      summary: 'Server-Sent Events: fundChanged, approvalRequested, approvalDecided. Resumes after `Last-Event-ID`. EventSource cannot send headers: the token may come as `access_token`.',
      parameters: [{ name: 'access_token', in: 'query', required: false, schema: { type: 'string' } }, { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } }],
      responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, default: problemRef },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Mend service', version: '1.0.0', description: "The agents' discretionary funds and the recovery data. Money is integer minor units with an ISO 4217 currency." },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
            code: { enum: Object.keys(STATUS) }, retryable: { type: 'boolean' }, details: { type: 'object' },
          },
        },
      },
    },
  };
}

/** The Hono app. */
export function createApp(options: AppOptions): Hono {
  const { store, hub, verify } = options;
  const maxBody = options.maxBody ?? 10_000_000;
  const app = new Hono();
  const table = routes(store, options.demoReset);
  const document = openApiDocument(table);

  app.use('/v1/*', cors({ origin: (origin) => (options.origins.includes(origin) ? origin : null), allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'], exposeHeaders: ['Idempotent-Replayed'], maxAge: 600 }));
  app.onError((error, c) => {
    if (isHostError(error)) return problem(c, error as HostError);
    if (error instanceof KeyReuseError) return problem(c, bad(error.message, 422));
    const code = (error as { code?: string }).code ?? '';
    // The database went away (restart, network): retryable.
    if (/^(08|57P)/.test(code) || /ECONNREFUSED|ECONNRESET|terminat|Connection/i.test(String((error as Error).message)))
      return problem(c, new HostError('unavailable', 'The database is unavailable; try again.', { retryable: true }));
    console.error(error);
    return problem(c, new HostError('unavailable', 'The service failed.', { retryable: true }), 500);
  });
  app.notFound((c) => problem(c, new HostError('not_found', `No route ${c.req.method} ${c.req.path}.`, { retryable: false })));

  app.get('/v1/health', (c) => c.json({ ok: true, database: store.db.kind }));
  app.get('/v1/openapi.json', (c) => c.json(document));

  const token = (c: Context) => {
    const header = c.req.header('authorization');
    if (header) return /^Bearer (\S+)$/i.exec(header)?.[1] ?? '';
    return undefined;
  };

  app.get('/v1/events', async (c) => {
    const who = await verify(token(c) ?? c.req.query('access_token'));
    const last = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    const after = last === undefined ? undefined : Number(check(z.string().check(z.regex(/^\d{1,18}$/)), last, 'Last-Event-ID', 400));
    return streamSSE(c, async (stream) => {
      await hub.stream(who, after, stream);
    });
  });

  for (const r of table) {
    app[r.method](r.path, async (c) => {
      const who = await verify(token(c));
      const params = c.req.param() as Record<string, string>;
      for (const [name, value] of Object.entries(params)) check(Id, value, `path parameter ${name}`, 400);
      const query = r.query ? check(r.query, c.req.query(), 'query', 400) : undefined;
      let key = '';
      if (r.idempotent) key = check(Key, c.req.header('idempotency-key'), 'Idempotency-Key header', 400);
      let body: unknown;
      if (r.body) {
        const length = Number(c.req.header('content-length') ?? 0);
        if (length > maxBody) throw bad(`The body is larger than ${maxBody} bytes.`, 413);
        const raw = await c.req.text();
        if (raw.length > maxBody) throw bad(`The body is larger than ${maxBody} bytes.`, 413);
        const type = c.req.header('content-type') ?? '';
        let parsed: unknown;
        if (r.path === '/v1/taxonomy' && /^text\/csv/i.test(type)) parsed = parseTaxonomyCsv(raw);
        else if (!/^application\/(.+\+)?json/i.test(type)) throw bad('The body must be application/json.', 415);
        else {
          try {
            parsed = JSON.parse(raw);
          } catch {
            throw bad('The body is not valid JSON.', 400);
          }
        }
        body = check(r.body, parsed, 'body');
      }
      return r.handle(c, { who, body, query, key, params });
    });
  }
  return app;
}
