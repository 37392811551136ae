import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  applySpend,
  evaluateSpend,
  fundLevel,
  remaining,
  rollOver,
  settleSpend,
  spendLimit,
  totalsByReason,
} from '../../src/core/fund.js';
import type { LedgerEntry } from '../../src/core/model.js';
import { makeFund } from '../helpers/fund.js';


let seq = 0;
const entry = (amount: number, reason = 'goodwill', id = `e${++seq}`) => ({
  id,
  at: '2024-06-04T10:00:00.000Z',
  amount,
  reason,
  interactionId: 'i1',
});

describe('fund: R6 empowered agents, R7 discretionary fund', () => {
  it('R7: remaining is budget minus spent minus pending', () => {
    expect(remaining(makeFund({ budget: 20000, spent: 7000, pending: 2500 }))).to.equal(10500);
  });

  it('R7: the fund level says plenty, low or exhausted', () => {
    expect(fundLevel(makeFund())).to.equal('plenty');
    expect(fundLevel(makeFund({ spent: 16000 }))).to.equal('low'); // 4000 < 25% of 20000
    expect(fundLevel(makeFund({ spent: 8000 }))).to.equal('low'); // 12000 < cap 15000
    expect(fundLevel(makeFund({ spent: 20000 }))).to.equal('exhausted');
    expect(fundLevel(makeFund({ spent: 15000, pending: 5000 }))).to.equal('exhausted');
  });

  it('R6: a set credit within the threshold is allowed without approval, with a reason', () => {
    const d = evaluateSpend(makeFund(), 2500);
    expect(d.status).to.equal('allowed');
    expect(d.remainingAfter).to.equal(17500);
    expect(d.limit).to.equal(5000);
    expect(d.reasons[0]).to.include({ rule: 'R6', code: 'within_authority' });
  });

  it('R6: above the approval threshold needs approval and names the limit', () => {
    const d = evaluateSpend(makeFund(), 7500);
    expect(d.status).to.equal('needs_approval');
    expect(d.reasons.map((r) => r.code)).to.deep.equal(['over_threshold']);
    expect(d.reasons[0]!.facts).to.deep.equal({ amount: 7500, threshold: 5000 });
    expect(d.reasons[0]!.text).to.contain('$50.00');
  });

  it("R6: the role's authority lowers the no-approval limit", () => {
    const d = evaluateSpend(makeFund(), 4000, { role: 'trainee', maxPerAction: 3000 });
    expect(d.status).to.equal('needs_approval');
    expect(d.reasons[0]).to.include({ code: 'over_authority' });
    expect(d.limit).to.equal(3000);
    expect(spendLimit(makeFund(), { role: 'lead', maxPerAction: 10000 })).to.equal(5000);
  });

  it('R7: more than what is left needs approval, never silently cut', () => {
    const d = evaluateSpend(makeFund({ spent: 18000 }), 3000);
    expect(d.status).to.equal('needs_approval');
    expect(d.reasons.map((r) => r.code)).to.deep.equal(['over_remaining']);
    expect(d.remainingAfter).to.equal(-1000);
    expect(d.limit).to.equal(2000);
  });

  it('R7: above the per-action cap or not a positive whole amount is refused', () => {
    expect(evaluateSpend(makeFund(), 15001).status).to.equal('refused');
    expect(evaluateSpend(makeFund(), 15001).reasons[0]).to.include({ rule: 'R7', code: 'over_cap' });
    for (const bad of [0, -100, 12.5, NaN, Infinity]) {
      const d = evaluateSpend(makeFund(), bad);
      expect(d.status, String(bad)).to.equal('refused');
      expect(d.reasons[0]!.code).to.equal('invalid_amount');
      expect(d.remainingAfter).to.equal(20000);
    }
  });

  it('applySpend returns a new fund: done adds to spent, pending to pending, rejected only to the ledger', () => {
    const f0 = makeFund();
    const f1 = applySpend(f0, entry(2500), 'done');
    const f2 = applySpend(f1, entry(7500), 'pending_approval');
    const f3 = applySpend(f2, entry(20000), 'rejected');
    expect(f0.spent).to.equal(0);
    expect(f0.ledger).to.have.length(0);
    expect([f1.spent, f1.pending, f1.version]).to.deep.equal([2500, 0, 2]);
    expect([f2.spent, f2.pending, f2.version]).to.deep.equal([2500, 7500, 3]);
    expect([f3.spent, f3.pending, f3.version]).to.deep.equal([2500, 7500, 4]);
    expect(f3.ledger.map((e) => e.status)).to.deep.equal(['done', 'pending_approval', 'rejected']);
  });

  it('applySpend with an entry id already in the ledger applies nothing (a retried write never applies twice)', () => {
    const f1 = applySpend(makeFund(), entry(2500, 'goodwill', 'same'), 'done');
    const f2 = applySpend(f1, entry(2500, 'goodwill', 'same'), 'done');
    expect(f2).to.equal(f1);
    expect(f2.spent).to.equal(2500);
  });

  it('settleSpend moves an approved spend from pending to spent, once', () => {
    const f1 = applySpend(makeFund(), entry(7500, 'refund', 'p1'), 'pending_approval');
    const f2 = settleSpend(f1, 'p1', 'done');
    expect([f2.spent, f2.pending]).to.deep.equal([7500, 0]);
    expect(settleSpend(f2, 'p1', 'done')).to.equal(f2);
    const f3 = settleSpend(f1, 'p1', 'rejected');
    expect([f3.spent, f3.pending, f3.ledger[0]!.status]).to.deep.equal([0, 0, 'rejected']);
  });

  it('rollOver starts a new period at the old end, keeps pending, drops the old ledger', () => {
    let f = applySpend(makeFund(), entry(2500), 'done');
    f = applySpend(f, entry(7500, 'refund', 'p'), 'pending_approval');
    const same = rollOver(f, Date.parse('2024-06-09T23:59:59Z'));
    expect(same).to.equal(f);
    const next = rollOver(f, new Date('2024-06-12T08:00:00Z'));
    expect(next.periodStart).to.equal('2024-06-10T00:00:00.000Z');
    expect(next.periodEnd).to.equal('2024-06-17T00:00:00.000Z');
    expect([next.spent, next.pending, next.version]).to.deep.equal([0, 7500, f.version + 1]);
    expect(next.ledger.map((e) => e.id)).to.deep.equal(['p']);
  });

  it('rollOver skips several periods and handles months and quarters', () => {
    const far = rollOver(makeFund({ period: 'day', periodStart: '2024-06-03T00:00:00Z', periodEnd: '2024-06-04T00:00:00Z' }), Date.parse('2024-06-20T12:00:00Z'));
    expect([far.periodStart, far.periodEnd]).to.deep.equal(['2024-06-20T00:00:00.000Z', '2024-06-21T00:00:00.000Z']);
    const m = rollOver(makeFund({ period: 'month', periodStart: '2024-01-01T00:00:00Z', periodEnd: '2024-02-01T00:00:00Z' }), Date.parse('2024-03-15T00:00:00Z'));
    expect([m.periodStart, m.periodEnd]).to.deep.equal(['2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z']);
    const q = rollOver(makeFund({ period: 'quarter', periodStart: '2024-01-01T00:00:00Z', periodEnd: '2024-04-01T00:00:00Z' }), Date.parse('2024-04-01T00:00:00Z'));
    expect([q.periodStart, q.periodEnd]).to.deep.equal(['2024-04-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z']);
  });

  it('R6: totals by reason report what was given, largest first, excluding rejected by default', () => {
    const ledger: LedgerEntry[] = [
      { ...entry(1500, 'goodwill'), status: 'done' },
      { ...entry(2500, 'item_damaged'), status: 'done' },
      { ...entry(1000, 'goodwill'), status: 'pending_approval' },
      { ...entry(9000, 'wrong_item'), status: 'rejected' },
      { ...entry(2500, 'fee_waiver'), status: 'done' },
    ];
    expect(totalsByReason(ledger)).to.deep.equal([
      { reason: 'fee_waiver', amount: 2500, count: 1 },
      { reason: 'goodwill', amount: 2500, count: 2 },
      { reason: 'item_damaged', amount: 2500, count: 1 },
    ]);
    expect(totalsByReason(ledger, ['rejected'])).to.deep.equal([{ reason: 'wrong_item', amount: 9000, count: 1 }]);
  });
});

describe('fund: properties', () => {
  const fundArb = fc.record({
    budget: fc.integer({ min: 0, max: 1_000_000 }),
    perActionCap: fc.integer({ min: 1, max: 200_000 }),
    approvalThreshold: fc.integer({ min: 0, max: 200_000 }),
    authority: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }),
  });

  it('the fund never goes negative through allowed spends', () => {
    fc.assert(
      fc.property(fundArb, fc.array(fc.integer({ min: -100, max: 250_000 }), { maxLength: 40 }), (cfg, amounts) => {
        let f = makeFund({ budget: cfg.budget, perActionCap: cfg.perActionCap, approvalThreshold: cfg.approvalThreshold });
        const authority = cfg.authority === undefined ? undefined : { role: 'agent', maxPerAction: cfg.authority };
        for (const a of amounts) {
          const d = evaluateSpend(f, a, authority);
          if (d.status === 'allowed') {
            f = applySpend(f, entry(a), 'done');
            if (remaining(f) < 0) return false;
            if (a > f.approvalThreshold || a > f.perActionCap || (authority && a > authority.maxPerAction)) return false;
          }
          if (d.status !== 'refused' && d.remainingAfter !== remaining(f) - (d.status === 'allowed' ? 0 : a)) return false;
        }
        return f.spent <= f.budget;
      }),
      { numRuns: 300 },
    );
  });

  it('an allowed amount is never above the reported limit, and anything above it is never allowed', () => {
    fc.assert(
      fc.property(fundArb, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 300_000 }), (cfg, spent, amount) => {
        const f = makeFund({ ...cfg, spent: Math.min(spent, cfg.budget) });
        const d = evaluateSpend(f, amount);
        return d.status === 'allowed' ? amount <= d.limit : amount > d.limit;
      }),
      { numRuns: 500 },
    );
  });
});

describe('R7: money never changes currency on the way out of the fund', () => {
  it('an amount in another currency than the fund is refused, with the reason', () => {
    const fund = makeFund({ currency: 'EUR' });
    const d = evaluateSpend(fund, 1500, undefined, 'USD');
    expect(d.status).to.equal('refused');
    expect(d.reasons[0]!.code).to.equal('wrong_currency');
    expect(evaluateSpend(fund, 1500).status).to.equal('allowed');
  });
});
