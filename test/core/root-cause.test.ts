import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildTaxonomyIndex, LEAST_SUGGESTED_SCORE, MATCH_SCORES, recurrence, route, suggestCause, taxonomyIndexSteps, timeLimit } from '../../src/core/root-cause.js';
import type { Incident, RootCause, Taxonomy } from '../../src/core/model.js';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';

const taxonomy: Taxonomy = {
  version: 1,
  departments: [
    { id: 'wh', name: 'Warehouse' },
    { id: 'sh', name: 'Shipping' },
    { id: 'bi', name: 'Billing' },
  ],
  causes: [
    { id: 'c1', label: 'Damaged in packing', category: 'Packing', departmentId: 'wh', keywords: ['broken', 'crushed'] },
    { id: 'c2', label: 'Wrong item picked', category: 'Picking', departmentId: 'wh', keywords: ['mix-up'] },
    { id: 'c3', label: 'Late delivery', category: 'Carrier', departmentId: 'sh', keywords: ['delay'] },
    { id: 'c4', label: 'Parcel damaged in transit', category: 'Carrier', departmentId: 'sh' },
    { id: 'c5', label: 'Double charge', category: 'Payments', departmentId: 'bi', keywords: ['charged twice'] },
    { id: 'c6', label: 'Facture erronée', category: 'Payments', departmentId: 'bi' },
    { id: 'c7', label: 'Damage', category: 'Product', departmentId: 'gone' },
  ],
};
const index = buildTaxonomyIndex(taxonomy);
const ids = (q: string, limit?: number) => index.search(q, limit).map((m) => m.cause.id);

describe('root causes: R8 log and route, R10 time limit', () => {
  it('R8: type-ahead ranks exact, then prefix, then word start, then substring', () => {
    expect(ids('damage')).to.deep.equal(['c7', 'c1', 'c4']);
    expect(index.search('damage')[0]!.score).to.be.greaterThan(index.search('damage')[1]!.score);
    expect(ids('late')[0]).to.equal('c3');
    expect(ids('charge')).to.deep.equal(['c5']);
  });

  it('R8: matches categories and keywords after the label', () => {
    expect(ids('crushed')).to.deep.equal(['c1']);
    expect(ids('carrier')).to.deep.equal(['c3', 'c4']);
    expect(ids('charged twice')).to.deep.equal(['c5']);
  });

  it('R8: is case- and diacritics-insensitive and tolerates loose typing', () => {
    expect(ids('FACTURE ERRONEE')).to.deep.equal(['c6']);
    expect(ids('erronée')).to.deep.equal(['c6']);
    expect(ids('dbl chrg')).to.deep.equal(['c5']);
    expect(ids('zzzz')).to.deep.equal([]);
  });

  it('R8: a search names the responsible department, and the limit is honoured', () => {
    const [m] = index.search('wrong item');
    expect(m!.department).to.deep.equal({ id: 'wh', name: 'Warehouse' });
    expect(ids('a', 2)).to.have.length(2);
    expect(ids('', 3)).to.deep.equal(['c7', 'c1', 'c5']);
    expect(index.size).to.equal(7);
  });

  it('R8: route sends the problem back to the group that caused it, with a reason', () => {
    const r = route('c2', index);
    expect(r.department!.name).to.equal('Warehouse');
    expect(r.reasons[0]).to.include({ rule: 'R8', code: 'routed' });
    expect(r.reasons[0]!.text).to.contain('Warehouse');
    expect(route('nope', index).reasons[0]!.code).to.equal('unknown_cause');
    expect(route('c7', index)).to.deep.include({ department: undefined });
    expect(route('c7', index).reasons[0]!.code).to.equal('unknown_department');
  });

  it('R8: a root cause logged threshold times in the window is recurring, with its count', () => {
    const policy = { windowDays: 7, threshold: 5 };
    const r = recurrence([{ causeId: 'c1', count: 14 }, { causeId: 'c2', count: 2 }], 'c1', policy);
    expect(r).to.deep.include({ recurring: true, count: 14, windowDays: 7 });
    expect(r.reasons[0]!.text).to.contain('14 times in 7 days');
    expect(recurrence([{ causeId: 'c2', count: 4 }], 'c2', policy).recurring).to.equal(false);
    expect(recurrence([{ causeId: 'c2', count: 5 }], 'c2', policy).recurring).to.equal(true);
    expect(recurrence([], 'c3', policy)).to.deep.include({ recurring: false, count: 0 });
  });

  it('R10: an unresolved interaction past the limit is overdue, so a manager is notified', () => {
    const start = Date.parse('2024-06-15T12:00:00Z');
    const i = { startedAt: '2024-06-15T12:00:00Z', resolved: false };
    expect(timeLimit(i, start + 30 * 60_000, 30)).to.deep.include({ overdue: false, minutesOpen: 30 });
    const late = timeLimit(i, new Date(start + 42 * 60_000), 30);
    expect(late).to.deep.include({ overdue: true, minutesOpen: 42 });
    expect(late.reasons[0]).to.include({ rule: 'R10', code: 'over_time_limit' });
    expect(timeLimit({ ...i, resolved: true }, start + 99 * 60_000, 30).overdue).to.equal(false);
    expect(timeLimit({ startedAt: 'garbage' }, start, 30)).to.deep.include({ overdue: false });
  });
});

function generate(size: number): Taxonomy {
  const a = ['Damaged', 'Missing', 'Late', 'Wrong', 'Duplicate', 'Broken', 'Expired', 'Incorrect', 'Lost', 'Delayed'];
  const b = ['parcel', 'invoice', 'label', 'refund', 'item', 'address', 'payment', 'order', 'login', 'manual'];
  const c = ['at hub', 'in transit', 'on arrival', 'after update', 'by carrier', 'at checkout', 'in warehouse'];
  const causes: RootCause[] = [];
  for (let i = 0; i < size; i++) {
    causes.push({
      id: `rc-${i}`,
      label: `${a[i % a.length]} ${b[Math.floor(i / a.length) % b.length]} ${c[Math.floor(i / 100) % c.length]} ${i}`,
      category: b[i % b.length]!,
      departmentId: `d${i % 8}`,
      keywords: [`k${i % 97}`],
    });
  }
  return { version: 1, departments: Array.from({ length: 8 }, (_, i) => ({ id: `d${i}`, name: `Dept ${i}` })), causes };
}

describe('root causes: properties and speed', () => {
  it('ranking is deterministic and independent of the taxonomy order', () => {
    const base = generate(300).causes;
    fc.assert(
      fc.property(fc.shuffledSubarray(base, { minLength: 1 }), fc.string({ maxLength: 6 }), fc.constantFrom('dam', 'late p', 'invoice', 'k4', 'xq', 'dmg prc'), (subset, typed, word) => {
        const shuffled = [...subset].reverse();
        const i1 = buildTaxonomyIndex({ version: 1, departments: [], causes: subset });
        const i2 = buildTaxonomyIndex({ version: 1, departments: [], causes: shuffled });
        for (const q of [typed, word]) {
          const r1 = i1.search(q, 8).map((m) => `${m.cause.id}:${m.score}`);
          const r2 = i2.search(q, 8).map((m) => `${m.cause.id}:${m.score}`);
          if (r1.join() !== r2.join()) return false;
          const scores = i1.search(q, 8).map((m) => m.score);
          if (scores.some((s, k) => k > 0 && s > scores[k - 1]!)) return false;
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('an index built in slices (idle-time steps) is exactly the one built at once', () => {
    const base = generate(200).causes;
    fc.assert(
      fc.property(fc.shuffledSubarray(base), fc.array(fc.constantFrom(...base), { maxLength: 5 }), fc.integer({ min: 1, max: 60 }), (subset, dupes, slice) => {
        const taxonomy: Taxonomy = { version: 1, departments: [], causes: [...subset, ...dupes] };
        const steps = taxonomyIndexSteps(taxonomy, slice);
        let yields = 0;
        let step = steps.next();
        for (; !step.done; step = steps.next()) yields++;
        const whole = buildTaxonomyIndex(taxonomy);
        const all = (i: typeof whole) => i.search('', 1000).map((m) => m.cause);
        if (yields < Math.ceil(taxonomy.causes.length / slice)) return false;
        if (all(step.value).some((c, k) => c !== all(whole)[k])) return false;
        return ['dam', 'late p', 'k4', 'xq'].every((q) => step.value.search(q, 8).map((m) => `${m.cause.id}:${m.score}`).join() === whole.search(q, 8).map((m) => `${m.cause.id}:${m.score}`).join());
      }),
      { numRuns: 100 },
    );
  });

  it('every result really contains the query letters in order', () => {
    const i1 = buildTaxonomyIndex(generate(500));
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,4}$/), (q) =>
        i1.search(q, 20).every((m) => {
          const hay = `${m.cause.label} ${m.cause.category} ${m.cause.keywords!.join(' ')}`.toLowerCase();
          let j = 0;
          for (const ch of hay) if (ch === q[j]) j++;
          return j >= q.length;
        }),
      ),
      { numRuns: 200 },
    );
  });

  it('searches 50,000 causes (how fast: npm run bench)', () => {
    const big = generate(50_000);
    const i1 = buildTaxonomyIndex(big);
    for (const q of ['dam', 'late parcel', 'invoice', 'dmg prc', 'k42', 'w', 'in transit 4999']) expect(i1.search(q, 10).length, q).to.be.greaterThan(0);
    expect(i1.search('zzzz', 10)).to.deep.equal([]);
    expect(i1.size).to.equal(50_000);
  });
});

describe('root causes: the suggested cause (R8, known facts filled)', () => {
  const policy = { windowDays: 7, threshold: 5 };
  const seen = (counts: Array<{ causeId: string; count: number }>) => (id: string) => recurrence(counts, id, policy);
  const incident = (over: Partial<Incident>): Incident => ({
    id: 'i1', occurredAt: '2026-11-20T10:00:00.000Z', severity: 'high', category: 'Damaged', summary: 's', resolved: false, remedies: [], surveyScore: null, ...over,
  });

  it("suggests the best match of the open incident's category", () => {
    const s = suggestCause([incident({})], index, seen([]))!;
    expect(s).to.include({ causeId: 'c1', incidentId: 'i1', category: 'Damaged', count: 0, recurring: false });
    expect(s.reasons[0]).to.include({ rule: 'R8', code: 'suggested_from_incident' });
  });

  it('among equally good matches, the cause logged most often in the window wins', () => {
    // "Carrier" is the category of c3 and c4 alike.
    expect(suggestCause([incident({ category: 'Carrier' })], index, seen([]))!.causeId).to.equal('c3');
    const s = suggestCause([incident({ category: 'Carrier' })], index, seen([{ causeId: 'c4', count: 6 }, { causeId: 'c3', count: 2 }]))!;
    expect(s).to.include({ causeId: 'c4', count: 6, recurring: true });
    expect(s.reasons[0]!.text).to.equal('Suggested from the open incident\'s category "Carrier", logged 6 times in 7 days.');
    // Recurrence never beats a better match: the category's own words come first.
    expect(suggestCause([incident({})], index, seen([{ causeId: 'c4', count: 50 }]))!.causeId).to.equal('c1');
  });

  it('only unresolved incidents count, the newest first; a weak match is no suggestion', () => {
    expect(suggestCause([incident({ resolved: true })], index, seen([]))).to.equal(null);
    expect(suggestCause([], index, seen([]))).to.equal(null);
    expect(suggestCause(undefined, index, seen([]))).to.equal(null);
    // Letters in order only ("dmgd"): not a suggestion.
    expect(suggestCause([incident({ category: 'dmgd' })], index, seen([]))).to.equal(null);
    const older = incident({ id: 'old', category: 'Payments', occurredAt: '2026-10-01T00:00:00.000Z' });
    const newer = incident({ id: 'new', category: 'Carrier', occurredAt: '2026-11-01T00:00:00.000Z' });
    expect(suggestCause([older, newer], index, seen([]))!.incidentId).to.equal('new');
    // The newest has no match: the next one is tried.
    expect(suggestCause([older, { ...newer, category: 'zzz' }], index, seen([]))!.incidentId).to.equal('old');
  });

  it('its least score is the search tier of a category or keyword word start', () => {
    expect(LEAST_SUGGESTED_SCORE).to.equal(MATCH_SCORES.otherWordStart);
  });

  it("in the demo, Carmen's open incident (Damaged item) suggests a Warehouse cause", () => {
    const seed = demoSeed(Date.parse('2026-11-28T00:00:00Z'));
    const carmen = seed.histories.find((h) => h.customer.id === DEMO_IDS.customers.heavy)!;
    const demoIndex = buildTaxonomyIndex(seed.taxonomy);
    const s = suggestCause(carmen.incidents, demoIndex, (id) => recurrence(seed.recurrence, id, seed.policy.recurrence))!;
    const cause = demoIndex.byId(s.causeId)!;
    expect(cause.label).to.equal('Damaged item picked');
    expect(cause.departmentId).to.equal('warehouse');
  });
});
