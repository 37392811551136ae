// The service's behaviour, run against one backend (PGlite or PostgreSQL) by the *.test.mjs files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { client, DANA, ORIGIN, SAM, TEAM, decide, decisionBody, key, spend, spendBody, start, tenant } from './helpers.mjs';

export function serviceSuite(name, databaseUrl) {
  describe(`Mend service on ${name}`, () => {
    let service;
    before(async () => {
      service = await start(databaseUrl());
    });
    after(async () => {
      await service?.close();
    });

    it('applies its migrations again without harm', async () => {
      const { migrate, MIGRATIONS_DIR } = await import('../dist/server.js');
      assert.deepEqual(await migrate(service.db, MIGRATIONS_DIR), []);
      const rows = await service.db.query('SELECT version FROM schema_migrations');
      assert.deepEqual(rows.map((r) => Number(r.version)).sort(), [1, 2]);
    });

    it('serves its OpenAPI document, generated from the schemas', async () => {
      const res = await client(service.url).get('/v1/openapi.json');
      assert.equal(res.status, 200);
      assert.equal(res.body.openapi, '3.1.0');
      const spendOp = res.body.paths['/v1/funds/{agentId}/spends'].post;
      assert.ok(spendOp.requestBody.content['application/json'].schema.properties.expectedVersion);
      assert.ok(spendOp.parameters.some((p) => p.name === 'Idempotency-Key' && p.required));
    });

    it('a spend within authority is done; a replay answers the first answer and spends nothing more', async () => {
      const { dana } = await tenant(service);
      const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
      const body = spendBody(fund, 1_000);
      const first = await dana.post(`/v1/funds/${DANA}/spends`, body, body.idempotencyKey);
      assert.equal(first.status, 200);
      assert.equal(first.body.status, 'done');
      assert.equal(first.body.fund.spent, fund.spent + 1_000);
      const again = await dana.post(`/v1/funds/${DANA}/spends`, body, body.idempotencyKey);
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      assert.equal((await dana.get(`/v1/funds/${DANA}`)).body.spent, fund.spent + 1_000);
    });

    it('the same key with another body is 422 and changes nothing', async () => {
      const { dana } = await tenant(service);
      const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
      const body = spendBody(fund, 1_000);
      await dana.post(`/v1/funds/${DANA}/spends`, body, body.idempotencyKey);
      const other = await dana.post(`/v1/funds/${DANA}/spends`, { ...body, amount: 2_000 }, body.idempotencyKey);
      assert.equal(other.status, 422);
      assert.equal(other.type, 'application/problem+json');
      assert.equal(other.body.code, 'invalid_request');
      assert.equal((await dana.get(`/v1/funds/${DANA}`)).body.spent, fund.spent + 1_000);
    });

    it('a stale fund version is 409 conflict naming the current version', async () => {
      const { dana } = await tenant(service);
      const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
      const first = await spend(dana, fund, 1_000);
      const stale = await spend(dana, fund, 1_000);
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'conflict');
      assert.equal(stale.body.details.currentVersion, first.body.fund.version);
      assert.equal((await dana.get(`/v1/funds/${DANA}`)).body.spent, fund.spent + 1_000);
    });

    it('above the cap is rejected; above the threshold or what is left is pending and reserved', async () => {
      const { dana } = await tenant(service);
      const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
      const over = await spend(dana, fund, fund.perActionCap + 1);
      assert.equal(over.body.status, 'rejected');
      assert.ok(over.body.message);
      const pending = await spend(dana, fund, fund.approvalThreshold + 1);
      assert.equal(pending.body.status, 'pending_approval');
      assert.equal(pending.body.fund.pending, fund.pending + fund.approvalThreshold + 1);
      assert.equal(pending.body.fund.spent, fund.spent);
    });

    it("a lead's decision applies exactly once, and the agent's stream hears it", async () => {
      const { dana, sam } = await tenant(service);
      const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
      const pending = await spend(dana, fund, fund.approvalThreshold + 1);
      const entryId = pending.body.entryId;
      const events = await listen(service.url, dana.token);
      const listed = await sam.get('/v1/approvals');
      assert.ok(listed.body.some((p) => p.entryId === entryId));
      const body = decisionBody(entryId, true);
      const approved = await decide(sam, body);
      assert.equal(approved.status, 200);
      assert.ok(approved.body.id);
      const replay = await decide(sam, body);
      assert.equal(replay.status, 200);
      assert.equal(replay.body.id, approved.body.id);
      const second = await decide(sam, decisionBody(entryId, false));
      assert.equal(second.status, 409);
      assert.equal(second.body.details.decidedBy, SAM);
      assert.equal(second.body.details.approved, true);
      const after = (await dana.get(`/v1/funds/${DANA}`)).body;
      assert.equal(after.spent, fund.spent + fund.approvalThreshold + 1);
      assert.equal(after.ledger.find((e) => e.id === entryId).status, 'done');
      const heard = await events.until((e) => e.event === 'approvalDecided');
      assert.equal(JSON.parse(heard.data).entryId, entryId);
      assert.deepEqual(JSON.parse(heard.data), { entryId, agentId: DANA, approved: true, decidedBy: SAM });
      assert.ok(events.seen.some((e) => e.event === 'fundChanged' && JSON.parse(e.data).fund.version === after.version));
      // Resume: a stream opened with Last-Event-ID gets what came after it.
      const firstId = events.seen.find((e) => e.event === 'fundChanged').id;
      events.close();
      const resumed = await listen(service.url, dana.token, firstId);
      const again = await resumed.until((e) => e.event === 'approvalDecided');
      assert.equal(JSON.parse(again.data).entryId, entryId);
      resumed.close();
    });

    it('refuses a lead of another team, an agent on another fund, another tenant, an expired or unsigned token: nothing changes', async () => {
      const t = await tenant(service);
      const fund = (await t.dana.get(`/v1/funds/${DANA}`)).body;
      const pending = await spend(t.dana, fund, fund.approvalThreshold + 1);
      const entry = pending.body.entryId;
      const before = (await t.dana.get(`/v1/funds/${DANA}`)).body;
      const otherLead = await t.as('agent-zoe', 'lead', 'team-south');
      const otherTenant = await t.as(SAM, 'lead', 'team-north', `t-other-${key()}`);
      const expired = await t.as(SAM, 'lead', 'team-north', t.id, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
      const forged = await t.as(SAM, 'lead', 'team-north', t.id, { secret: 'another-secret-of-a-forger-0123456789' });
      const unsigned = client(service.url, `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: SAM, role: 'admin', team: 'team-north', tenant: t.id, exp: 9e9 })).toString('base64url')}.`);
      const decideAs = (c, leadId = SAM) => decide(c, decisionBody(entry, true, { leadId }));
      assert.equal((await decideAs(otherLead, 'agent-zoe')).status, 403);
      assert.equal((await decideAs(t.dana, DANA)).status, 403);
      assert.equal((await decideAs(t.dana)).status, 403);
      assert.equal((await decideAs(otherTenant)).status, 403);
      for (const c of [expired, forged, unsigned, client(service.url)]) {
        const res = await decideAs(c);
        assert.equal(res.status, 401);
        assert.equal(res.body.code, 'permission');
      }
      const mallory = await t.as('agent-mallory', 'agent');
      assert.equal((await mallory.get(`/v1/funds/${DANA}`)).status, 403);
      assert.equal((await spend(mallory, fund, 100)).status, 403);
      assert.equal((await spend(otherTenant, { ...fund, agentId: SAM }, 100)).status, 404);
      assert.deepEqual((await t.dana.get(`/v1/funds/${DANA}`)).body, before);
    });

    it('bad bodies, queries and headers are 400/422 problems and change nothing', async () => {
      const { dana } = await tenant(service);
      const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
      const body = spendBody(fund, 100);
      const cases = [
        await dana.post(`/v1/funds/${DANA}/spends`, body), // no Idempotency-Key
        await dana.post(`/v1/funds/${DANA}/spends`, '{not json', body.idempotencyKey),
        await dana.post(`/v1/funds/${DANA}/spends`, { ...body, amount: 1.5 }, body.idempotencyKey),
        await dana.post(`/v1/funds/${DANA}/spends`, { ...body, amount: '100' }, body.idempotencyKey),
        await dana.post(`/v1/funds/${DANA}/spends`, { ...body, currency: 'usd' }, body.idempotencyKey),
        await dana.post(`/v1/funds/${DANA}/spends`, body, 'another-key'),
        await dana.get('/v1/recurrence?since=yesterday'),
        await dana.post('/v1/recoveries', { idempotencyKey: 'x' }, 'x'),
      ];
      for (const res of cases) {
        assert.ok([400, 422].includes(res.status), `status ${res.status}: ${JSON.stringify(res.body)}`);
        assert.equal(res.type, 'application/problem+json');
        assert.equal(res.body.code, 'invalid_request');
        assert.ok(res.body.detail);
      }
      assert.equal((await dana.get(`/v1/funds/${DANA}`)).body.version, fund.version);
    });

    it('SQL-looking and long text is stored and returned as text; too long is refused', async () => {
      const { dana } = await tenant(service);
      const sql = "'); DROP TABLE funds; -- \" OR 1=1 ; SELECT pg_sleep(10); <script>x</script> \u202e\u200b 😀 ${'$'}{x} {{x}}";
      const long = 'ü'.repeat(4000);
      const k = key('rec');
      const record = { idempotencyKey: k, interactionId: 'int-1', customerId: "cust-'; DROP TABLE records;--", at: new Date().toISOString(), severity: 'high', offers: [{ offerId: 'credit', kind: 'compensation', label: sql, amount: 500 }], accepted: true, strategy: long.slice(0, 200) };
      const written = await dana.post('/v1/recoveries', record, k);
      assert.equal(written.status, 200);
      const back = await dana.get(`/v1/customers/${encodeURIComponent(record.customerId)}/recoveries`);
      assert.equal(back.status, 200);
      assert.equal(back.body[0].offers[0].label, sql);
      assert.equal(back.body[0].strategy, long.slice(0, 200));
      const history = await dana.get(`/v1/customers/${encodeURIComponent(record.customerId)}/history`);
      assert.equal(history.body.incidents[0].remedies[0].label, sql);
      const k2 = key('cause');
      const log = { idempotencyKey: k2, interactionId: 'i', customerId: 'c', at: new Date().toISOString(), problem: long, causeId: sql.slice(0, 200), departmentId: 'd', resolution: sql, notifyDepartment: true };
      assert.equal((await dana.post('/v1/root-causes', log, k2)).status, 200);
      const counts = await dana.get(`/v1/recurrence?since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`);
      assert.ok(counts.body.some((c) => c.causeId === log.causeId && c.count === 1));
      const tooLong = await dana.post('/v1/root-causes', { ...log, idempotencyKey: 'long', problem: long + 'x' }, 'long');
      assert.equal(tooLong.status, 422);
      const nul = await dana.post('/v1/root-causes', { ...log, idempotencyKey: 'nul', problem: 'a\u0000b' }, 'nul');
      assert.equal(nul.status, 422);
      assert.match(nul.body.detail, /NUL/);
      assert.equal((await dana.get(`/v1/recurrence?since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).body.find((c) => c.causeId === log.causeId).count, 1);
      assert.equal((await service.db.query('SELECT count(*)::int AS n FROM funds')).length, 1);
    });

    it('each write kind is applied once under its key', async () => {
      const { dana } = await tenant(service);
      const base = () => ({ idempotencyKey: key('w'), interactionId: 'int-1', customerId: 'cust-carmen', at: new Date().toISOString() });
      const writes = {
        '/v1/root-causes': { problem: 'p', causeId: 'rc-1', departmentId: 'd', resolution: 'r', notifyDepartment: false },
        '/v1/baggage-acknowledgements': { incidentIds: ['inc-1'] },
        '/v1/callbacks': { reason: 'angry' },
        '/v1/manager-notices': { minutesOpen: 40, limitMinutes: 30 },
      };
      for (const [path, extra] of Object.entries(writes)) {
        const body = { ...base(), ...extra };
        const [a, b] = await Promise.all([dana.post(path, body, body.idempotencyKey), dana.post(path, body, body.idempotencyKey)]);
        assert.equal(a.status, 200, JSON.stringify(a.body));
        assert.equal(b.body.id, a.body.id);
        const rows = await service.db.query('SELECT count(*)::int AS n FROM records WHERE id = $1', [a.body.id]);
        assert.equal(rows[0].n, 1);
      }
    });

    it('policy by tenant and team; taxonomy imported from CSV and JSON (50,000 causes)', async () => {
      const t = await tenant(service);
      const admin = await t.as('admin-1', 'admin', '');
      const policy = (await t.dana.get('/v1/policy')).body;
      assert.equal(policy.currency, 'USD');
      assert.equal((await t.dana.put('/v1/policy', policy, key())).status, 403);
      const teamPolicy = { ...policy, id: 'north', unresolvedLimitMinutes: 15 };
      // A PUT replaces what it names: no Idempotency-Key needed, and sending it twice is harmless.
      assert.equal((await admin.put('/v1/policy?team=team-north', teamPolicy)).status, 200);
      assert.equal((await admin.put('/v1/policy?team=team-north', teamPolicy)).status, 200);
      assert.equal((await t.dana.get('/v1/policy')).body.unresolvedLimitMinutes, 15);
      const csv = 'id,label,category,departmentId,departmentName,keywords\nrc-a,"Box crushed, ""badly""",Warehouse,wh,Warehouse,box|crush\nrc-b,Late,Shipping,sh,Shipping,\n';
      const imported = await admin.put('/v1/taxonomy', csv, key(), { 'content-type': 'text/csv' });
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      const tax = (await t.dana.get('/v1/taxonomy')).body;
      assert.equal(tax.causes[0].label, 'Box crushed, "badly"');
      assert.deepEqual(tax.causes[0].keywords, ['box', 'crush']);
      const causes = Array.from({ length: 50_000 }, (_, i) => ({ id: `c-${i}`, label: `Cause ${i}`, category: `Cat ${i % 40}`, departmentId: `d-${i % 8}` }));
      const big = await admin.put('/v1/taxonomy', { departments: Array.from({ length: 8 }, (_, i) => ({ id: `d-${i}`, name: `Dept ${i}` })), causes }, key());
      assert.equal(big.status, 200, JSON.stringify(big.body));
      assert.equal(big.body.causes, 50_000);
      const all = (await t.dana.get('/v1/taxonomy')).body;
      assert.equal(all.causes.length, 50_000);
      assert.equal(all.causes[49_999].id, 'c-49999');
    });

    it('rolls the period over: spent back to 0, pending spends carried, the version up', async () => {
      const t = await tenant(service);
      const fund = (await t.dana.get(`/v1/funds/${DANA}`)).body;
      const { Store } = await import('../dist/server.js');
      const later = new Store(service.db, () => Date.parse(fund.periodEnd) + 60_000);
      const who = { tenant: t.id, agentId: DANA, role: 'agent', team: 'team-north' };
      const rolled = await later.getFund(who, DANA);
      assert.equal(rolled.spent, 0);
      assert.equal(rolled.pending, fund.pending);
      assert.equal(rolled.version, fund.version + 1);
      assert.equal(rolled.periodStart, fund.periodEnd);
      assert.deepEqual(rolled.ledger.map((e) => e.status), fund.ledger.filter((e) => e.status === 'pending_approval').map((e) => e.status));
      // Stored so: read again at the same time, nothing rolls twice.
      assert.equal((await later.getFund(who, DANA)).version, rolled.version);
    });

    it("the approval queue: the lead's team only, with agent, customer, baggage, threshold and what is left; never another tenant's", async () => {
      const t = await tenant(service);
      const fund = (await t.dana.get(`/v1/funds/${DANA}`)).body;
      const events = await listen(service.url, t.sam.token);
      const pending = await spend(t.dana, fund, fund.approvalThreshold + 1, { note: '<b>please</b>' });
      const entryId = pending.body.entryId;
      const queue = await t.sam.get('/v1/approvals');
      assert.equal(queue.status, 200);
      const item = queue.body.find((i) => i.entryId === entryId);
      assert.equal(item.agentName, 'Dana Reyes');
      assert.equal(item.customerId, 'cust-carmen');
      assert.equal(item.customerName, 'Carmen Ruiz');
      assert.equal(item.baggage, 'heavy');
      assert.equal(item.threshold, fund.approvalThreshold);
      assert.equal(item.remaining, pending.body.fund.budget - pending.body.fund.spent - pending.body.fund.pending);
      assert.equal(item.note, '<b>please</b>');
      assert.equal(item.amount, fund.approvalThreshold + 1);
      assert.ok(item.waitingSince <= item.requestedAt);
      for (let i = 1; i < queue.body.length; i++) assert.ok(queue.body[i - 1].requestedAt <= queue.body[i].requestedAt, 'oldest first');
      const requested = await events.until((e) => e.event === 'approvalRequested' && JSON.parse(e.data).item.entryId === entryId);
      assert.deepEqual(JSON.parse(requested.data).item, item);
      events.close();
      // Another team's lead, another tenant's lead and an agent do not see it.
      assert.ok(!(await (await t.as('agent-zoe', 'lead', 'team-south')).get('/v1/approvals')).body.some((i) => i.entryId === entryId));
      assert.deepEqual((await (await t.as(SAM, 'lead', TEAM, `t-other-${key()}`)).get('/v1/approvals')).body, []);
      assert.equal((await t.dana.get('/v1/approvals')).status, 403);
    });

    it('two leads deciding one spend at once: exactly one applies, the other is a conflict naming the first', async () => {
      const t = await tenant(service);
      const { id } = t;
      const admin = await t.as('admin-1', 'admin', '');
      assert.equal((await admin.put('/v1/agents/agent-lee', { name: 'Lee', role: 'lead', team: TEAM }, key('p'))).status, 200);
      const lee = await t.as('agent-lee', 'lead', TEAM, id);
      const fund = (await t.dana.get(`/v1/funds/${DANA}`)).body;
      const entryId = (await spend(t.dana, fund, fund.approvalThreshold + 1)).body.entryId;
      const [a, b] = await Promise.all([decide(t.sam, decisionBody(entryId, true)), decide(lee, decisionBody(entryId, false, { leadId: 'agent-lee' }))]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409]);
      const [won, lost] = a.status === 200 ? [{ by: SAM, approved: true }, b] : [{ by: 'agent-lee', approved: false }, a];
      assert.equal(lost.body.code, 'conflict');
      assert.equal(lost.body.details.decidedBy, won.by);
      assert.equal(lost.body.details.approved, won.approved);
      const after = (await t.dana.get(`/v1/funds/${DANA}`)).body;
      assert.equal(after.pending, fund.pending);
      assert.equal(after.spent, fund.spent + (won.approved ? fund.approvalThreshold + 1 : 0));
      assert.ok(!(await t.sam.get('/v1/approvals')).body.some((i) => i.entryId === entryId));
      // A lead's own spend waits for another lead: its owner may not decide it.
      const own = (await t.sam.get(`/v1/funds/${SAM}`)).body;
      const mine = await spend(t.sam, own, own.approvalThreshold + 1);
      assert.equal(mine.body.status, 'pending_approval');
      assert.equal((await decide(t.sam, decisionBody(mine.body.entryId, true, { agentId: SAM }))).status, 403);
      assert.equal((await decide(lee, decisionBody(mine.body.entryId, true, { agentId: SAM, leadId: 'agent-lee' }))).status, 200);
      assert.equal((await t.sam.get(`/v1/funds/${SAM}`)).body.spent, own.spent + own.approvalThreshold + 1);
    });

    it("the report: the lead's team's spends and root causes of the period, the budget; a reversed period is invalid; an agent is refused", async () => {
      const t = await tenant(service);
      const fund = (await t.dana.get(`/v1/funds/${DANA}`)).body;
      const done = await spend(t.dana, fund, 1_000);
      const log = { idempotencyKey: key('log'), interactionId: 'int-voice-1', customerId: 'cust-carmen', at: new Date().toISOString(), problem: 'Late', causeId: (await t.dana.get('/v1/taxonomy')).body.causes[0].id, departmentId: 'x', resolution: 'Refund', notifyDepartment: false };
      log.departmentId = (await t.dana.get('/v1/taxonomy')).body.causes[0].departmentId;
      assert.equal((await t.dana.post('/v1/root-causes', log, log.idempotencyKey)).status, 200);
      const report = await t.sam.get('/v1/reports');
      assert.equal(report.status, 200);
      assert.ok(report.body.from < report.body.to);
      assert.equal(report.body.currency, fund.currency);
      assert.ok(report.body.budget > 0);
      assert.ok(report.body.agents.some((a) => a.id === DANA));
      assert.ok(report.body.departments.length > 0);
      const entry = done.body.fund.ledger.find((e) => e.id === done.body.entryId);
      assert.ok(report.body.spends.some((s) => s.agentId === DANA && s.at === entry.at && s.amount === 1_000 && s.status === 'done'));
      assert.ok(report.body.causes.some((c) => c.causeId === log.causeId && c.departmentId === log.departmentId && c.label));
      // A period before any of it: no rows; a reversed or malformed period: invalid_request.
      const old = await t.sam.get(`/v1/reports?from=${encodeURIComponent('2001-01-01T00:00:00Z')}&to=${encodeURIComponent('2001-02-01T00:00:00Z')}`);
      assert.deepEqual([old.body.spends, old.body.causes], [[], []]);
      const reversed = await t.sam.get(`/v1/reports?from=${encodeURIComponent(report.body.to)}&to=${encodeURIComponent(report.body.from)}`);
      assert.equal(reversed.status, 400);
      assert.equal(reversed.body.code, 'invalid_request');
      assert.equal((await t.sam.get('/v1/reports?from=yesterday')).status, 400);
      // Team and tenant scoping.
      assert.equal((await t.dana.get('/v1/reports')).status, 403);
      const south = (await (await t.as('agent-zoe', 'lead', 'team-south')).get('/v1/reports')).body;
      assert.deepEqual([south.agents, south.spends, south.causes], [[], [], []]);
      const other = (await (await t.as(SAM, 'lead', TEAM, `t-other-${key()}`)).get('/v1/reports')).body;
      assert.deepEqual([other.agents, other.spends, other.causes], [[], [], []]);
    });

    it("the demo's reset: absent unless the service was started for the demo; there it restores only the caller's tenant", async () => {
      const { dana } = await tenant(service);
      const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
      assert.equal((await dana.post('/v1/demo/reset', {})).status, 404);

      const demo = await start(databaseUrl(), { demoReset: true });
      try {
        const t = await tenant(demo);
        const other = await tenant(demo);
        const agent = t.dana;
        assert.equal((await spend(agent, fund, 1_000)).body.status, 'done');
        assert.equal((await spend(other.dana, fund, 1_000)).body.status, 'done');
        assert.equal((await agent.get(`/v1/funds/${DANA}`)).body.spent, fund.spent + 1_000);
        assert.equal((await client(demo.url).post('/v1/demo/reset', {})).status, 401);
        const reset = await agent.post('/v1/demo/reset', {});
        assert.equal(reset.status, 200);
        const after = (await agent.get(`/v1/funds/${DANA}`)).body;
        assert.equal(after.spent, fund.spent);
        assert.deepEqual(after.ledger.map((e) => e.id), fund.ledger.map((e) => e.id));
        // Another tenant keeps its data.
        assert.equal((await other.dana.get(`/v1/funds/${DANA}`)).body.spent, fund.spent + 1_000);
      } finally {
        await demo.close();
      }
    });

    it('CORS allows exactly the configured console origins', async () => {
      const anon = client(service.url);
      const ok = await anon.call('OPTIONS', '/v1/funds/x', undefined, { origin: ORIGIN, 'access-control-request-method': 'POST' });
      assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
      const no = await anon.call('OPTIONS', '/v1/funds/x', undefined, { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' });
      assert.equal(no.headers.get('access-control-allow-origin'), null);
    });

    it('property: 200 concurrent spends on one fund never overspend, and each key applies once', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ amount: fc.integer({ min: -100, max: 20_000 }), key: fc.integer({ min: 0, max: 120 }) }), { minLength: 200, maxLength: 200 }),
          fc.array(fc.integer({ min: 1, max: 6_000 }), { minLength: 20, maxLength: 20 }),
          async (burst, retrying) => {
            const t = await tenant(service);
            const { dana } = t;
            const start = (await dana.get(`/v1/funds/${DANA}`)).body;
            // 1. 200 spends at once, all naming the version they saw, keys repeated at random.
            const keys = new Map();
            const bodies = burst.map(({ amount, key: k }) => {
              if (!keys.has(k)) keys.set(k, spendBody(start, Math.abs(amount) > 0 ? amount : 1));
              return keys.get(k);
            });
            const results = await Promise.all(bodies.map((b) => dana.post(`/v1/funds/${DANA}/spends`, b, b.idempotencyKey)));
            const byKey = new Map();
            results.forEach((r, i) => {
              assert.ok([200, 409].includes(r.status), JSON.stringify(r.body));
              if (r.status === 409) return assert.equal(typeof r.body.details.currentVersion, 'number');
              const k = bodies[i].idempotencyKey;
              if (byKey.has(k)) assert.deepEqual(r.body, byKey.get(k), 'a key answers its first answer');
              byKey.set(k, r.body);
            });
            const applied = [...byKey.values()].filter((a) => a.status !== 'rejected');
            assert.ok(applied.length <= 1, 'only one spend can apply on the version all of them saw');
            // 2. 20 agents' tabs retrying with the current version until each spend is decided.
            const decided = await Promise.all(
              retrying.map(async (amount) => {
                let body = spendBody(start, amount);
                for (;;) {
                  const r = await dana.post(`/v1/funds/${DANA}/spends`, body, body.idempotencyKey);
                  if (r.status !== 409) return r;
                  body = { ...body, idempotencyKey: key('retry'), expectedVersion: r.body.details.currentVersion };
                }
              }),
            );
            const fund = (await dana.get(`/v1/funds/${DANA}`)).body;
            const entries = await service.db.query("SELECT amount, status FROM ledger_entries WHERE tenant = $1 AND agent_id = $2 AND id NOT LIKE 'led-%'", [t.id, DANA]);
            assert.equal(entries.length, applied.length + decided.filter((r) => r.body.status !== 'rejected').length, 'one ledger entry per applied key');
            const sum = (status) => entries.filter((e) => e.status === status).reduce((s, e) => s + Number(e.amount), 0);
            assert.equal(fund.spent, start.spent + sum('done'));
            assert.equal(fund.pending, start.pending + sum('pending_approval'));
            assert.ok(fund.spent <= fund.budget, `never overspent: spent ${fund.spent} <= budget ${fund.budget}`);
            assert.ok(fund.spent + fund.pending - start.pending <= fund.budget || sum('pending_approval') > 0);
          },
        ),
        { numRuns: 2 },
      );
    });
  });
}

/** An SSE client (fetch streaming), collecting events. */
async function listen(url, token, lastEventId) {
  const controller = new AbortController();
  const res = await fetch(`${url}/v1/events`, { headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }, signal: controller.signal });
  assert.equal(res.status, 200);
  const seen = [];
  const waiters = [];
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const e = {};
          for (const line of block.split('\n')) {
            const m = /^(\w+): ?(.*)$/.exec(line);
            if (m) e[m[1]] = m[2];
          }
          if (e.event) seen.push(e);
          waiters.forEach((w) => w());
        }
      }
    } catch {
      /* closed */
    }
  })();
  return {
    seen,
    close: () => controller.abort(),
    async until(match) {
      for (;;) {
        const found = seen.find(match);
        if (found) return found;
        await new Promise((r) => waiters.push(r));
      }
    },
  };
}
