import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { assessBaggage, DEFAULT_BAGGAGE_POLICY, isoTime } from '../../src/core/baggage.js';
import { REMEDY_KINDS, type Incident } from '../../src/core/model.js';
import { baggageFor } from '../../src/controllers/baggage.js';

const NOW = Date.parse('2024-06-15T12:00:00Z');
const DAY = 86_400_000;
let n = 0;
function incident(daysAgo: number, over: Partial<Incident> = {}): Incident {
  return {
    id: `inc-${++n}`,
    occurredAt: new Date(NOW - daysAgo * DAY).toISOString(),
    severity: 'medium',
    category: 'late delivery',
    summary: 'Parcel arrived a week late',
    resolved: true,
    remedies: [],
    surveyScore: null,
    ...over,
  };
}

describe('baggage: R4 customer baggage', () => {
  it('R4: no incidents means no baggage, no talking points, no callback', () => {
    const a = assessBaggage([], NOW);
    expect(a.level).to.equal('none');
    expect(a.points).to.equal(0);
    expect(a.talkingPoints).to.deep.equal([]);
    expect(a.callback.recommended).to.equal(false);
    expect(a.considered).to.equal(0);
  });

  it('R4: incidents outside the window are ignored', () => {
    const a = assessBaggage([incident(400, { resolved: false, severity: 'high', surveyScore: 1 })], NOW);
    expect(a.level).to.equal('none');
    expect(a.considered).to.equal(0);
    expect(assessBaggage([incident(400)], NOW, { windowDays: 500 }).considered).to.equal(1);
  });

  it('R4: one old resolved incident is light baggage, with the count as a reason', () => {
    const a = assessBaggage([incident(200)], NOW);
    expect(a.level).to.equal('light');
    expect(a.reasons.find((r) => r.code === 'incidents_in_window')!.text).to.equal('1 past incident in 365 days');
  });

  it('R4: two unresolved incidents in 90 days are heavy, and the reason says so', () => {
    const a = assessBaggage([incident(10, { resolved: false }), incident(40, { resolved: false }), incident(120)], NOW);
    expect(a.level).to.equal('heavy');
    const r = a.reasons.find((x) => x.code === 'unresolved_recent')!;
    expect(r.rule).to.equal('R4');
    expect(r.text).to.equal('2 unresolved incidents in 90 days');
    expect(r.facts).to.deep.equal({ count: 2, days: 90 });
  });

  it('R4: a poor survey is a reason in plain words, in sentence case ("Rated 1 of 5 last week")', () => {
    const a = assessBaggage([incident(8, { surveyScore: 1 })], NOW);
    const r = a.reasons.find((x) => x.code === 'poor_survey')!;
    expect(r.text).to.equal('Rated 1 of 5 last week');
    expect(r.facts).to.include({ score: 1, of: 5, days: 8 });
    expect(a.level).to.equal('heavy');
  });

  it('R4: high-severity incidents are named as a reason', () => {
    const a = assessBaggage([incident(150, { severity: 'high' })], NOW);
    expect(a.reasons.map((r) => r.code)).to.include('high_severity');
    expect(a.reasons.find((r) => r.code === 'high_severity')!.text).to.equal('1 high-severity incident in 365 days');
  });

  it('R4: the policy thresholds move the level', () => {
    const incidents = [incident(100), incident(200)];
    expect(assessBaggage(incidents, NOW).level).to.equal('light');
    expect(assessBaggage(incidents, NOW, { heavyPoints: 2 }).level).to.equal('heavy');
    expect(assessBaggage([incident(60, { resolved: false })], NOW, { recentDays: 30 }).reasons.map((r) => r.code)).to.include('unresolved_older');
  });

  it('R4: notable holds at most 3 incidents, unresolved and poorly rated first', () => {
    const open = incident(300, { resolved: false });
    const rated = incident(50, { surveyScore: 2 });
    const severe = incident(20, { severity: 'high' });
    const plain = [incident(1), incident(2), incident(3)];
    const a = assessBaggage([...plain, severe, rated, open], NOW);
    expect(a.notable.map((i) => i.id)).to.deep.equal([open.id, rated.id, severe.id]);
  });

  it('R4: remedies already given within the window are listed, most recent first', () => {
    const a = assessBaggage(
      [
        incident(30, { remedies: [{ kind: 'compensation', label: 'Goodwill credit', amount: 1500, currency: 'USD' }] }),
        incident(5, { remedies: [{ kind: 'assistance', label: 'Replacement shipped' }] }),
        incident(500, { remedies: [{ kind: 'compensation', label: 'Old refund' }] }),
      ],
      NOW,
    );
    expect(a.remediesGiven.map((r) => r.label)).to.deep.equal(['Replacement shipped', 'Goodwill credit']);
  });

  it('R4: talking points cover acknowledge, own and be transparent', () => {
    const a = assessBaggage([incident(12, { resolved: false, category: 'billing error' })], NOW);
    expect(a.talkingPoints.map((t) => t.behaviour)).to.have.members(['acknowledge', 'own', 'transparent']);
    expect(a.talkingPoints[0]!.text).to.contain('billing error');
    expect(a.talkingPoints.every((t) => t.incidentId === a.notable[0]!.id)).to.equal(true);
    // Each has a code and facts, so a widget can say it in another language.
    expect(a.talkingPoints.map((t) => t.code)).to.deep.equal(['acknowledge', 'own_open', 'transparent']);
    expect(a.talkingPoints[0]!.facts).to.deep.equal({ category: 'billing error', days: 12, remedy: '', remedies: '' });
  });

  it('R4: talking points are ready to say aloud: the incident in plain words, everything given last time', () => {
    const credit = { kind: 'compensation' as const, label: 'Goodwill credit', amount: 1500, currency: 'USD' };
    const a = assessBaggage(
      [
        incident(10, { resolved: false, severity: 'high', category: 'Damaged item' }),
        incident(7, { remedies: [{ kind: 'apology', label: 'Apology' }, credit] }),
        incident(40, { remedies: [{ kind: 'assistance', label: 'Older replacement' }] }),
      ],
      NOW,
    );
    const [acknowledge, , transparent] = a.talkingPoints;
    expect(acknowledge!.text).to.equal("I can see you had a problem with the damaged item last week, and I'm sorry. I can hear how frustrating that has been.");
    expect(transparent!.code).to.equal('transparent_remedy');
    expect(transparent!.text).to.equal("Last time we offered an apology and a $15 goodwill credit. I'll tell you exactly what I can do today and what happens next.");
    // Translators keep `{remedy}` (the last label) and gain `{remedies}` (all of last time's).
    expect(transparent!.facts).to.include({ remedy: 'Apology', remedies: 'Apology, Goodwill credit ($15)' });
    // Three remedies, an amount with cents, and a label that says what was done.
    const b = assessBaggage(
      [incident(3, { remedies: [{ kind: 'assistance', label: 'Expedited replacement' }, { kind: 'compensation', label: 'Shipping fee waived', amount: 799, currency: 'USD' }, { kind: 'apology', label: 'Apology' }] })],
      NOW,
    );
    expect(b.talkingPoints[2]!.text).to.match(/^Last time we offered an expedited replacement, the \$7\.99 shipping fee waived and an apology\. /);
  });

  it('R4: every reason and talking point starts with a capital letter and cites no rule code', () => {
    const a = assessBaggage(
      [incident(5, { resolved: false, severity: 'high', surveyScore: 1 }), incident(200, { resolved: false }), incident(20, { surveyScore: 2, remedies: [{ kind: 'apology', label: 'apology' }] })],
      NOW,
      { severities: ['low', 'medium', 'high'] },
    );
    const texts = [...a.reasons, ...a.callback.reasons, ...a.talkingPoints].map((x) => x.text);
    expect(texts.length).to.be.greaterThan(8);
    for (const t of texts) {
      expect(t, t).to.match(/^[\p{Lu}\d]/u);
      expect(t, t).not.to.match(/\(?\bR\d+\b\)?/);
    }
  });

  it('R11: talking points take ownership in the first person and never blame the customer', () => {
    const cases = [
      [incident(3, { resolved: false })],
      [incident(3, { resolved: true, remedies: [{ kind: 'compensation', label: 'Credit' }] })],
      [incident(100, { surveyScore: 1 })],
    ];
    for (const incidents of cases) {
      for (const t of assessBaggage(incidents, NOW).talkingPoints) {
        expect(t.text).to.match(/\bI('m|'ll)?\b/);
        expect(t.text.toLowerCase()).not.to.match(/\b(they|your fault|you should have|you failed|you didn't)\b/);
      }
    }
  });

  it('R5: a survey score of 1 within 30 days recommends a callback naming the incident', () => {
    const bad = incident(6, { surveyScore: 1 });
    const a = assessBaggage([incident(2, { surveyScore: 3 }), bad], NOW);
    expect(a.callback.recommended).to.equal(true);
    expect(a.callback.incidentId).to.equal(bad.id);
    expect(a.callback.reasons[0]).to.include({ rule: 'R5', code: 'severe_dissatisfaction' });
    expect(a.callback.reasons[0]!.text).to.contain('Rated 1 of 5 6 days ago');
  });

  it('R5: no callback for a poor but not severe score, or a severe one too long ago', () => {
    expect(assessBaggage([incident(3, { surveyScore: 2 })], NOW).callback.recommended).to.equal(false);
    expect(assessBaggage([incident(45, { surveyScore: 1 })], NOW).callback.recommended).to.equal(false);
    expect(assessBaggage([incident(45, { surveyScore: 1 })], NOW, { callbackDays: 60 }).callback.recommended).to.equal(true);
    expect(assessBaggage([incident(3, { surveyScore: 2 })], NOW, { severeScore: 2 }).callback.recommended).to.equal(true);
  });

  it('R12: baggage carries the recovery-opportunity reason (unhappy customers rarely complain)', () => {
    const a = assessBaggage([incident(3)], NOW);
    expect(a.reasons.find((r) => r.rule === 'R12')!.code).to.equal('recovery_opportunity');
  });

  it('ignores incidents with unreadable dates instead of throwing', () => {
    const a = assessBaggage([incident(3, { occurredAt: 'not a date' }), incident(3)], NOW);
    expect(a.considered).to.equal(1);
  });

  it('assesses 10,000 incidents (how fast: npm run bench)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      incident(i % 400, { resolved: i % 3 !== 0, surveyScore: i % 5 === 0 ? (i % 5) + 1 : null, remedies: [{ kind: 'compensation', label: `r${i}` }] }),
    );
    const a = assessBaggage(many, NOW);
    expect(a.level).to.equal('heavy');
    expect(a.notable).to.have.length(3);
    expect(a.remediesGiven.length).to.be.at.most(10);
  });

  it('default policy values are the documented ones', () => {
    expect(DEFAULT_BAGGAGE_POLICY).to.deep.equal({ windowDays: 365, recentDays: 90, severeScore: 1, poorScore: 2, callbackDays: 30, heavyPoints: 4 });
  });
});

describe('baggage: properties', () => {
  const incidentArb: fc.Arbitrary<Incident> = fc.record({
    id: fc.uuid(),
    occurredAt: fc.integer({ min: 0, max: 500 * DAY }).map((ago) => new Date(NOW - ago).toISOString()),
    severity: fc.constantFrom('low', 'medium', 'high'),
    category: fc.constantFrom('billing', 'shipping', 'product'),
    summary: fc.string(),
    resolved: fc.boolean(),
    remedies: fc.array(fc.record({ kind: fc.constantFrom(...REMEDY_KINDS), label: fc.string() }), { maxLength: 2 }),
    surveyScore: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  });

  it('is deterministic and independent of the order of incidents', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 30 }), (incidents) => {
        const a = assessBaggage(incidents, NOW);
        const b = assessBaggage([...incidents].reverse(), NOW);
        return JSON.stringify(a) === JSON.stringify(b);
      }),
      { numRuns: 200 },
    );
  });

  it('picks the same poorly rated incident whatever the order when two share score and time', () => {
    const at = new Date(NOW - 3 * DAY).toISOString();
    const base: Omit<Incident, 'id'> = { occurredAt: at, severity: 'low', category: 'billing', summary: '', resolved: false, remedies: [], surveyScore: 1 };
    const twins: Incident[] = [
      { ...base, id: 'b' },
      { ...base, id: 'a' },
    ];
    const forward = assessBaggage(twins, NOW);
    const backward = assessBaggage([...twins].reverse(), NOW);
    expect(forward.reasons.find((r) => r.code === 'poor_survey')?.facts.incidentId).to.equal('a');
    expect(backward).to.deep.equal(forward);
  });

  it('level none exactly when nothing is in the window; talking points whenever there is baggage', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 20 }), (incidents) => {
        const a = assessBaggage(incidents, NOW);
        if ((a.level === 'none') !== (a.considered === 0)) return false;
        if (a.level !== 'none' && new Set(a.talkingPoints.map((t) => t.behaviour)).size !== 3) return false;
        return a.notable.length <= 3 && (a.level === 'heavy') === (a.points >= 4);
      }),
      { numRuns: 200 },
    );
  });

  it('adding an incident never lightens the baggage', () => {
    const order = ['none', 'light', 'heavy'];
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 15 }), incidentArb, (incidents, extra) => {
        const before = assessBaggage(incidents, NOW);
        const after = assessBaggage([...incidents, extra], NOW);
        return after.points >= before.points && order.indexOf(after.level) >= order.indexOf(before.level);
      }),
      { numRuns: 200 },
    );
  });
});

describe('baggageFor: one shared assessment', () => {
  const history = () => ({ customer: { id: 'c1', name: 'Ana' }, incidents: [incident(3, { resolved: false })] });

  it('two widgets asking for the same history on the same day get the same object', () => {
    const h = history();
    const a = baggageFor(h, undefined, NOW);
    const b = baggageFor(h, undefined, NOW + 1000);
    expect(b).to.equal(a);
    expect(a.level).to.equal('heavy');
  });

  it('a new history object, another policy object or another day computes again', () => {
    const h = history();
    const a = baggageFor(h, undefined, NOW);
    expect(baggageFor(history(), undefined, NOW)).not.to.equal(a);
    const policy = { heavyPoints: 100 };
    const light = baggageFor(h, policy, NOW);
    expect(light.level).to.equal('light');
    expect(baggageFor(h, policy, NOW)).to.equal(light);
    expect(baggageFor(h, undefined, NOW + 2 * DAY)).not.to.equal(a);
  });
});

describe('isoTime: the assessment reads dates as Date.parse does', () => {
  const same = (iso: unknown) => expect(isoTime(iso as string), String(iso)).to.satisfy((t: number) => Object.is(t, Date.parse(iso as string)));

  it('any instant a host writes with toISOString, with or without the fraction', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        same(iso);
        same(`${iso.slice(0, 19)}Z`);
      }),
      { numRuns: 2000 },
    );
  });

  it('fields out of their range, leap days and other shapes: the same answer (a number or NaN)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(9999), fc.nat(14), fc.nat(32), fc.nat(25), fc.nat(61), fc.nat(61), fc.nat(999)),
        ([y, mo, d, h, mi, s, ms]) => {
          const p = (v: number, n = 2) => String(v).padStart(n, '0');
          same(`${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}.${p(ms, 3)}Z`);
          same(`${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}Z`);
        },
      ),
      { numRuns: 2000 },
    );
    for (const iso of ['2024-02-29T00:00:00.000Z', '2023-02-29T00:00:00.000Z', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-03-01T24:00:00.000Z', '2026-03-01T12:00:00+02:00', '2026-03-01T12:00:00.5Z', '2026-03-01', '2026-03-01 12:00:00.000Z', '+002026-03-01T12:00:00.000Z', '2026-03-01T12:0a:00.000Z', '', 'soon', undefined, null, 7]) {
      same(iso);
    }
  });
});
