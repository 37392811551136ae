import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { authorityFor, checkBundle, DEFAULT_POLICY, effectiveSeverity, recommend, type Bundle } from '../../src/core/recovery.js';
import { remaining } from '../../src/core/fund.js';
import type { ChosenOffer, RecoveryPolicy } from '../../src/core/model.js';
import { makeFund } from '../helpers/fund.js';

const P = DEFAULT_POLICY;
const fund = makeFund;
const offer = (id: string): ChosenOffer => {
  const o = P.offers.find((x) => x.id === id)!;
  return { offerId: o.id, kind: o.kind, label: o.label, ...(o.amount ? { amount: o.amount } : {}) };
};
const kinds = (b: Bundle) => new Set(b.offers.map((o) => o.kind));

describe('recovery: R1-R3, R7, R11', () => {
  it('R1: the default catalog holds apology, assistance and compensation, non-monetary included', () => {
    expect(new Set(P.offers.map((o) => o.kind))).to.deep.equal(new Set(['apology', 'assistance', 'compensation']));
    expect(P.offers.find((o) => o.id === 'policy-review')).to.include({ kind: 'compensation', monetary: false, counts: true });
    expect(P.severities).to.deep.equal(['low', 'medium', 'high']);
    expect(authorityFor(P, 'agent')!.maxPerAction).to.equal(5000);
    expect(authorityFor(P, 'lead')!.maxPerAction).to.equal(10000);
    expect(authorityFor(P, 'nobody')).to.equal(undefined);
  });

  it('R1/R2: every recommended bundle has an apology and more than an apology', () => {
    for (const severity of P.severities) {
      const r = recommend({ severity, baggage: 'none', policy: P, role: 'agent' });
      expect(r.bundles.length).to.be.within(1, 4);
      for (const b of r.bundles) {
        expect(b.offers[0]!.kind).to.equal('apology');
        expect(b.offers.some((o) => o.kind !== 'apology')).to.equal(true);
      }
    }
  });

  it('R3: low severity is satisfied by assistance alone or compensation alone', () => {
    const r = recommend({ severity: 'low', baggage: 'none', policy: P, role: 'agent' });
    expect(r.rule.mode).to.equal('any');
    expect(r.bundles.map((b) => b.strategy)).to.include.members(['R3:low:assistance', 'R3:low:compensation']);
    for (const b of r.bundles) expect(b.offers).to.have.length(2);
  });

  it('R3: high severity needs assistance and compensation', () => {
    const r = recommend({ severity: 'high', baggage: 'none', policy: P, role: 'agent' });
    expect(r.rule.mode).to.equal('all');
    for (const b of r.bundles) {
      expect(kinds(b).has('assistance') && kinds(b).has('compensation')).to.equal(true);
      expect(b.strategy).to.equal('R3:high:assistance+compensation');
    }
    expect(r.reasons.find((x) => x.rule === 'R3')!.text).to.equal('A high-severity error needs assistance and compensation.');
  });

  it('R3/R4: heavy baggage raises the severity one step, capped at the top', () => {
    const raised = effectiveSeverity('medium', 'heavy', P.severities);
    expect(raised).to.include({ severity: 'high', raised: true });
    expect(raised.reasons[0]).to.include({ rule: 'R4', code: 'baggage_raises_severity' });
    expect(effectiveSeverity('high', 'heavy', P.severities)).to.include({ severity: 'high', raised: false });
    expect(effectiveSeverity('low', 'light', P.severities)).to.include({ severity: 'low', raised: false });
    const r = recommend({ severity: 'medium', baggage: 'heavy', policy: P, role: 'agent' });
    expect([r.baseSeverity, r.severity, r.raised]).to.deep.equal(['medium', 'high', true]);
    for (const b of r.bundles) expect(kinds(b).has('assistance') && kinds(b).has('compensation')).to.equal(true);
  });

  it('R3: an unknown severity is treated as the most severe, never the least', () => {
    const r = recommend({ severity: 'catastrophic', baggage: 'none', policy: P, role: 'agent' });
    expect(r.severity).to.equal('high');
    expect(r.reasons[0]!.code).to.equal('unknown_severity');
  });

  it('R7: a bundle above the fund or authority is marked needs approval with reasons, never cut', () => {
    const r = recommend({ severity: 'high', baggage: 'none', policy: P, role: 'agent', fund: fund({ spent: 19000 }) });
    const credit = r.bundles.find((b) => b.offers.some((o) => o.offerId === 'credit-15'));
    expect(credit, 'the credit bundle is still offered').to.exist;
    expect(credit!.total).to.equal(1500);
    expect(credit!.needsApproval).to.equal(true);
    expect(credit!.approvalReasons.map((x) => x.code)).to.deep.equal(['over_remaining']);
    const first = r.bundles[0]!;
    expect(first.needsApproval, 'bundles that need no approval rank first').to.equal(false);
  });

  it('R6: a policy with a tight authority marks the preset credit for approval', () => {
    const tight: RecoveryPolicy = {
      ...P,
      offers: P.offers.filter((o) => ['apology', 'fix', 'credit-15'].includes(o.id)),
      authority: [{ role: 'agent', maxPerAction: 1000 }],
    };
    const r = recommend({ severity: 'high', baggage: 'none', policy: tight, role: 'agent' });
    expect(r.bundles).to.have.length(1);
    expect(r.bundles[0]!.total).to.equal(1500);
    expect(r.bundles[0]!.needsApproval).to.equal(true);
    expect(r.bundles[0]!.approvalReasons[0]).to.include({ rule: 'R6', code: 'over_authority' });
    const lead = recommend({ severity: 'high', baggage: 'none', policy: tight, role: 'lead', fund: fund() });
    expect(lead.bundles[0]!.approvalReasons[0]!.code).to.equal('no_authority');
  });

  it('R11: non-monetary remedies are offered, with the reason that money is not always the answer', () => {
    const r = recommend({ severity: 'high', baggage: 'heavy', policy: P, role: 'agent' });
    const nonMonetary = r.bundles.filter((b) => b.total === 0);
    expect(nonMonetary.length).to.be.greaterThan(0);
    expect(nonMonetary.some((b) => b.reasons.some((x) => x.rule === 'R11' && x.code === 'non_monetary'))).to.equal(true);
  });

  it('R9: escalating to a voice call is offered as assistance from medium severity, not for low', () => {
    const voice = (severity: string) =>
      recommend({ severity, baggage: 'none', policy: P, role: 'agent' }).bundles.some((b) => b.offers.some((o) => o.offerId === 'escalate-voice'));
    expect(P.offers.find((o) => o.id === 'escalate-voice')).to.include({ kind: 'assistance', minSeverity: 'medium' });
    expect(voice('low')).to.equal(false);
    expect(voice('high')).to.equal(true);
  });

  it('channel-aware: "Escalate to a voice call" is never recommended on a voice call (R9), and still is on chat', () => {
    const voice = (channel: 'voice' | 'chat') =>
      ['medium', 'high'].some((severity) =>
        recommend({ severity, baggage: 'heavy', policy: P, role: 'agent', channel }).bundles.some((b) => b.offers.some((o) => o.offerId === 'escalate-voice')),
      );
    expect(voice('voice')).to.equal(false);
    expect(voice('chat')).to.equal(true);
  });

  it('never the same credit in two sizes across recommendations (not two that differ only by $10), and no rule codes in offer text', () => {
    for (const severity of ['low', 'medium', 'high']) {
      for (const channel of ['voice', 'chat'] as const) {
        const bundles = recommend({ severity, baggage: 'none', policy: P, role: 'agent', channel }).bundles;
        const sizes = new Map<string, Set<number>>();
        for (const o of bundles.flatMap((b) => b.offers)) if (o.amount !== undefined) sizes.set(o.label, (sizes.get(o.label) ?? new Set()).add(o.amount));
        for (const [label, amounts] of sizes) expect(amounts.size, `${severity}/${channel}: ${label} ${[...amounts].join(', ')}`).to.equal(1);
      }
    }
    for (const o of P.offers) expect(`${o.label} ${o.description ?? ''}`).not.to.match(/\(R\d+\)/);
  });

  it('each bundle says why: R1 remedies, R2 apology with more, R3 the severity rule', () => {
    const [b] = recommend({ severity: 'low', baggage: 'none', policy: P, role: 'agent' }).bundles;
    expect(b!.reasons.map((x) => x.rule)).to.include.members(['R1', 'R2', 'R3']);
    expect(b!.reasons.every((x) => x.text.length > 0)).to.equal(true);
  });

  it('offers marked counts:false are never what satisfies a bundle', () => {
    for (const severity of P.severities) {
      const r = recommend({ severity, baggage: 'none', policy: P, role: 'agent' });
      for (const b of r.bundles) expect(b.offers.map((o) => o.offerId)).not.to.include('loyalty-points');
    }
  });

  it('is deterministic: the same input gives the same bundles', () => {
    const input = { severity: 'medium', baggage: 'light' as const, policy: P, role: 'agent', fund: fund() };
    expect(JSON.stringify(recommend(input))).to.equal(JSON.stringify(recommend(input)));
  });

  it('a policy with no assistance or compensation offers says so rather than recommending an apology alone', () => {
    const bare: RecoveryPolicy = { ...P, offers: P.offers.filter((o) => o.kind === 'apology') };
    const r = recommend({ severity: 'low', baggage: 'none', policy: bare, role: 'agent' });
    expect(r.bundles).to.deep.equal([]);
    expect(r.reasons.map((x) => x.code)).to.include('no_remedy');
  });

  it('R2: checkBundle says an apology alone is not enough', () => {
    const c = checkBundle([offer('apology')], { severity: 'low', baggage: 'none', policy: P });
    expect(c.sufficient).to.equal(false);
    expect(c.missing).to.deep.equal(['assistance', 'compensation']);
    expect(c.reasons.find((x) => x.rule === 'R2')!.code).to.equal('apology_alone');
  });

  it('R3: checkBundle accepts assistance alone for low severity and asks for compensation at high', () => {
    const fix = [offer('apology'), offer('fix')];
    expect(checkBundle(fix, { severity: 'low', baggage: 'none', policy: P }).sufficient).to.equal(true);
    const high = checkBundle(fix, { severity: 'high', baggage: 'none', policy: P });
    expect(high.sufficient).to.equal(false);
    expect(high.missing).to.deep.equal(['compensation']);
    expect(high.reasons.find((x) => x.code === 'missing')!.text).to.equal('A high-severity error still needs compensation.');
    expect(checkBundle([...fix, offer('credit-15')], { severity: 'high', baggage: 'none', policy: P }).sufficient).to.equal(true);
  });

  it('R3/R4: checkBundle uses the effective severity (heavy baggage)', () => {
    const c = checkBundle([offer('apology'), offer('fix')], { severity: 'medium', baggage: 'heavy', policy: P });
    expect(c.sufficient).to.equal(false);
    expect(c.missing).to.deep.equal(['compensation']);
  });

  it('R11: a non-monetary policy review counts; loyalty points (counts:false) do not', () => {
    const base = [offer('apology'), offer('fix')];
    expect(checkBundle([...base, offer('policy-review')], { severity: 'high', baggage: 'none', policy: P }).sufficient).to.equal(true);
    const points = checkBundle([...base, offer('loyalty-points')], { severity: 'high', baggage: 'none', policy: P });
    expect(points.sufficient).to.equal(false);
    expect(points.reasons.map((x) => x.code)).to.include('does_not_count');
  });

  it('R1: checkBundle reminds the agent to apologize, without blocking a sufficient recovery', () => {
    const c = checkBundle([offer('fix')], { severity: 'low', baggage: 'none', policy: P });
    expect(c.sufficient).to.equal(true);
    expect(c.reasons.map((x) => x.code)).to.include('no_apology');
    expect(checkBundle([], { severity: 'low', baggage: 'none', policy: P }).sufficient).to.equal(false);
  });
});

describe('recovery: properties', () => {
  const fundArb = fc.record({
    budget: fc.integer({ min: 0, max: 50_000 }),
    spent: fc.integer({ min: 0, max: 50_000 }),
    pending: fc.integer({ min: 0, max: 10_000 }),
    perActionCap: fc.integer({ min: 0, max: 20_000 }),
    approvalThreshold: fc.integer({ min: 0, max: 20_000 }),
  });
  const offerArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    kind: fc.constantFrom('apology', 'assistance', 'compensation') as fc.Arbitrary<'apology' | 'assistance' | 'compensation'>,
    label: fc.string(),
    monetary: fc.boolean(),
    amount: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined }),
    counts: fc.option(fc.boolean(), { nil: undefined }),
    minSeverity: fc.option(fc.constantFrom('low', 'medium', 'high'), { nil: undefined }),
  });
  const inputArb = fc.record({
    severity: fc.constantFrom('low', 'medium', 'high', 'odd'),
    baggage: fc.constantFrom('none', 'light', 'heavy') as fc.Arbitrary<'none' | 'light' | 'heavy'>,
    role: fc.constantFrom('agent', 'lead', 'trainee'),
    fund: fc.option(fundArb, { nil: null }),
    offers: fc.option(fc.uniqueArray(offerArb, { selector: (o) => o.id, maxLength: 10 }), { nil: undefined }),
    authority: fc.integer({ min: 0, max: 20_000 }),
  });
  const build = (x: typeof inputArb extends fc.Arbitrary<infer T> ? T : never) => ({
    severity: x.severity,
    baggage: x.baggage,
    role: x.role,
    policy: { ...P, offers: x.offers ?? P.offers, authority: [{ role: 'agent', maxPerAction: x.authority }, { role: 'lead', maxPerAction: 10000 }] },
    fund: x.fund ? fund(x.fund) : null,
  });

  it('a recommendation never exceeds authority or fund without needsApproval', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = build(x);
        const auth = authorityFor(input.policy, input.role);
        for (const b of recommend(input).bundles) {
          if (b.needsApproval) {
            if (!b.approvalReasons.length) return false;
            continue;
          }
          if (b.total > 0 && !auth) return false;
          if (auth && b.total > auth.maxPerAction) return false;
          if (input.fund && b.total > 0 && (b.total > remaining(input.fund) || b.total > input.fund.approvalThreshold || b.total > input.fund.perActionCap)) return false;
          if (b.total !== b.offers.reduce((s, o) => s + (o.amount ?? 0), 0)) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('high (effective) severity always carries assistance and compensation that count', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = build(x);
        const r = recommend(input);
        if (r.severity !== 'high') return true;
        return r.bundles.every((b) => {
          const counted = b.offers.filter((o) => input.policy.offers.find((p) => p.id === o.offerId)?.counts !== false);
          return counted.some((o) => o.kind === 'assistance') && counted.some((o) => o.kind === 'compensation');
        });
      }),
      { numRuns: 400 },
    );
  });

  it('no bundle is an apology alone, every bundle has an apology, and every bundle passes checkBundle', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = build(x);
        return recommend(input).bundles.every(
          (b) =>
            b.offers.filter((o) => o.kind === 'apology').length === 1 &&
            b.offers.some((o) => o.kind !== 'apology') &&
            checkBundle(b.offers, input).sufficient,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('checkBundle: an apology-only bundle is never sufficient', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 3 }), (x, copies) => {
        const apologies = Array.from({ length: copies }, () => offer('apology'));
        return !checkBundle(apologies, build(x)).sufficient;
      }),
    );
  });

  it('recommend is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (x) => JSON.stringify(recommend(build(x))) === JSON.stringify(recommend(build(x)))),
      { numRuns: 200 },
    );
  });
});
