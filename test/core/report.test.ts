import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildReport, burnDown, causesByDepartment, givenByAgent, givenByReason, topRecurring, trendOf, weeksOf, type CauseRow, type SpendRow } from '../../src/core/report.js';

const DAY = 86_400_000;
const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-11-29T00:00:00.000Z'; // four weeks
const at = (days: number) => new Date(Date.parse(FROM) + days * DAY).toISOString();
const spend = (agentId: string, days: number, amount: number, reason: string, status: SpendRow['status'] = 'done'): SpendRow => ({ agentId, at: at(days), amount, reason, status });
const cause = (causeId: string, departmentId: string, days: number): CauseRow => ({ causeId, departmentId, label: `Cause ${causeId}`, at: at(days) });
const AGENTS = [
  { id: 'a', name: 'Ana', role: 'agent' },
  { id: 'b', name: 'Bo', role: 'agent' },
  { id: 'c', name: 'Cy', role: 'agent' },
];

describe('core: recovery report', () => {
  it('totals what was given by reason, largest first, leaving pending spends out', () => {
    const rows = [spend('a', 1, 500, 'goodwill'), spend('b', 2, 2500, 'item_damaged'), spend('a', 3, 700, 'goodwill'), spend('a', 3, 9000, 'goodwill', 'pending_approval')];
    expect(givenByReason(rows)).to.deep.equal([
      { reason: 'item_damaged', amount: 2500, count: 1 },
      { reason: 'goodwill', amount: 1200, count: 2 },
    ]);
  });

  it('stacks each agent by reason in one shared order; an agent who gave nothing shows zero', () => {
    const rows = [spend('a', 1, 500, 'goodwill'), spend('b', 2, 2500, 'item_damaged'), spend('a', 3, 700, 'item_damaged')];
    const bars = givenByAgent(rows, AGENTS);
    expect(bars.map((b) => [b.agentId, b.total])).to.deep.equal([['b', 2500], ['a', 1200], ['c', 0]]);
    for (const bar of bars) expect(bar.parts.map((p) => p.reason)).to.deep.equal(['item_damaged', 'goodwill']);
    expect(bars[1]!.parts.map((p) => p.amount)).to.deep.equal([700, 500]);
  });

  it('burns the fund down day by day up to now, beside the even-spend line', () => {
    const rows = [spend('a', 0.5, 1000, 'goodwill'), spend('a', 2.5, 3000, 'goodwill'), spend('a', 2.6, 9999, 'x', 'pending_approval')];
    const points = burnDown(rows, 28_000, FROM, TO, Date.parse(at(3.2)));
    expect(points.map((p) => p.remaining)).to.deep.equal([28_000, 27_000, 27_000, 24_000, 24_000]);
    expect(points.map((p) => p.ideal)).to.deep.equal([28_000, 27_000, 26_000, 25_000, 24_000]);
    expect(burnDown(rows, 1000, TO, FROM, Date.now())).to.deep.equal([]);
  });

  it('counts root causes per department per week, busiest department first, quiet ones left out', () => {
    const departments = [{ id: 'wh', name: 'Warehouse' }, { id: 'sh', name: 'Shipping' }, { id: 'it', name: 'IT' }];
    const rows = [cause('1', 'wh', 0), cause('1', 'wh', 8), cause('2', 'wh', 20), cause('3', 'sh', 27.9), cause('4', 'wh', 40)];
    expect(weeksOf(FROM, TO)).to.have.length(4);
    expect(causesByDepartment(rows, departments, FROM, TO)).to.deep.equal([
      { departmentId: 'wh', name: 'Warehouse', counts: [1, 1, 1, 0], total: 3 },
      { departmentId: 'sh', name: 'Shipping', counts: [0, 0, 0, 1], total: 1 },
    ]);
  });

  it('ranks recurring causes (at least twice) with a trend from the last week against the ones before', () => {
    const rows = [
      ...[0, 1, 8, 15, 22, 23, 24, 25].map((d) => cause('rising', 'wh', d)),
      ...[0, 1, 2, 3, 8, 9, 10, 16, 17].map((d) => cause('falling', 'sh', d)),
      cause('once', 'it', 3),
    ];
    const top = topRecurring(rows, FROM, TO);
    expect(top.map((r) => [r.causeId, r.total, r.trend])).to.deep.equal([['falling', 9, 'falling'], ['rising', 8, 'rising']]);
    expect(top[1]!.counts).to.deep.equal([2, 1, 1, 4]);
    expect(trendOf([3])).to.equal('steady');
    expect(trendOf([2, 2, 2])).to.equal('steady');
  });

  it('every amount is accounted for: by reason, by agent and the burn-down agree (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ agent: fc.constantFrom('a', 'b', 'c', 'z'), day: fc.double({ min: 0, max: 27.9, noNaN: true }), amount: fc.integer({ min: 1, max: 100_000 }), reason: fc.constantFrom('r1', 'r2', 'r3'), done: fc.boolean() }), { maxLength: 60 }),
        (list) => {
          const rows = list.map((x) => spend(x.agent, x.day, x.amount, x.reason, x.done ? 'done' : 'pending_approval'));
          const report = buildReport({ from: FROM, to: TO, currency: 'USD', budget: 1_000_000, agents: AGENTS, departments: [], spends: rows, causes: [] }, Date.parse(TO));
          const given = rows.filter((r) => r.status === 'done').reduce((n, r) => n + r.amount, 0);
          expect(report.given).to.equal(given);
          expect(report.byReason.reduce((n, r) => n + r.amount, 0)).to.equal(given);
          expect(report.byAgent.reduce((n, b) => n + b.total, 0)).to.equal(given);
          expect(report.burnDown.at(-1)!.remaining).to.equal(1_000_000 - given);
          for (const b of report.byAgent) expect(Number.isSafeInteger(b.total)).to.equal(true);
        },
      ),
    );
  });
});
