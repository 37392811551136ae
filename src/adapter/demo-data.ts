/**
 * Realistic seed data for the embedded CRM (LocalAdapter), stories and tests: two agents with
 * funds, customers from no baggage to heavy baggage, concurrent contacts on every channel, the
 * default recovery policy, a few hundred root causes across departments and recurring causes.
 *
 * Every date is relative to `now`, so the demo always looks fresh. Money is integer minor units.
 */
import type {
  Agent,
  CustomerHistory,
  Department,
  Fund,
  Incident,
  Interaction,
  LedgerEntry,
  RecoveryPolicy,
  RecurrenceCount,
  RootCause,
  Severity,
  Taxonomy,
} from '../core/model.js';
import { DEFAULT_POLICY } from '../core/recovery.js';

/** Everything an in-browser CRM starts with. */
export interface DemoSeed {
  agents: Agent[];
  funds: Fund[];
  policy: RecoveryPolicy;
  histories: CustomerHistory[];
  interactions: Interaction[];
  taxonomy: Taxonomy;
  /** Root causes logged in the last 7 days. */
  recurrence: RecurrenceCount[];
  locale: string;
  currency: string;
}

/** Ids of the seed, for tests, stories and the contract suite's default fixtures. */
export const DEMO_IDS = {
  agent: 'agent-dana',
  lead: 'agent-sam',
  customers: {
    none: 'cust-ava',
    light: 'cust-ben',
    heavy: 'cust-carmen',
    frequent: 'cust-dmitri',
    poorSurvey: 'cust-emeka',
    remedied: 'cust-fatima',
  },
  /** A warehouse cause that recurs (14 in 7 days). */
  recurringCause: 'rc-warehouse-1',
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `n` days (fractions allowed) before `now`, as ISO 8601. */
const ago = (now: number, days: number) => new Date(now - days * DAY).toISOString();

// Departments: id, name, things that go wrong there, and how (label = `${fault} ${thing}`).
// Each thing is `category:thing`.
const DEPARTMENTS: Array<[string, string, string, string]> = [
  ['warehouse', 'Warehouse', 'Picking:item picked|Picking:bin location|Packing:packaging|Packing:carton seal|Inventory:stock count|Inventory:serial number', 'Wrong|Missing|Damaged|Mislabeled|Delayed|Duplicate'],
  ['shipping', 'Shipping', 'Carrier:carrier pickup|Carrier:courier handoff|Tracking:tracking number|Address:delivery address|Labels:shipping label|Customs:customs form', 'Late|Missed|Wrong|Lost|Duplicate|Incomplete'],
  ['billing', 'Billing', 'Charges:card charge|Charges:subscription renewal|Refunds:refund|Invoices:invoice|Promotions:promo code|Tax:tax calculation', 'Duplicate|Wrong|Late|Missing|Unauthorized|Failed'],
  ['product', 'Product', 'Quality:product finish|Quality:component|Fit:size chart|Content:product description|Content:product photo|Safety:safety label', 'Defective|Misleading|Inconsistent|Missing|Outdated|Incorrect'],
  ['it', 'IT', 'Website:checkout page|Website:account login|App:mobile app|Email:order confirmation|Payments:payment gateway|Data:customer record', 'Broken|Slow|Failed|Duplicate|Wrong|Missing'],
  ['service', 'Customer Service', 'Contact:callback|Contact:chat handoff|Knowledge:agent answer|Process:escalation|Process:case note|Policy:policy explanation', 'Missed|Wrong|Late|Incomplete|Unclear|Lost'],
  ['returns', 'Returns', 'Labels:return label|Inspection:return inspection|Refunds:return refund|Exchange:exchange order|Pickup:return pickup|Policy:return window', 'Missing|Late|Wrong|Lost|Rejected|Unclear'],
  ['marketing', 'Marketing', 'Campaigns:email campaign|Campaigns:price promise|Offers:coupon|Offers:bundle offer|Content:advertised price|Loyalty:loyalty points', 'Misleading|Expired|Wrong|Duplicate|Missing|Unclear'],
  ['stores', 'Retail Stores', 'Pickup:store pickup|Pickup:pickup notice|Staff:in-store advice|Stock:shelf stock|Checkout:receipt|Service:in-store return', 'Late|Missing|Wrong|Unclear|Refused|Failed'],
];
const SITES = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Inland', 'Metro'];

/**
 * A root-cause taxonomy of `size` causes across nine departments, generated from compact word
 * lists (deterministic: the same size gives the same taxonomy). Beyond the ~324 base combinations,
 * causes get a site and a number, so benches can ask for 50,000.
 */
export function generateTaxonomy(size = 300): Taxonomy {
  const departments: Department[] = DEPARTMENTS.map(([id, name]) => ({ id, name }));
  const base: Array<Omit<RootCause, 'id'>> = [];
  const faultsOf = DEPARTMENTS.map((d) => d[3].split('|'));
  const thingsOf = DEPARTMENTS.map((d) => d[2].split('|').map((t) => t.split(':') as [string, string]));
  // Interleave so that any prefix of the list covers every department.
  for (let f = 0; f < 6; f++)
    for (let t = 0; t < 6; t++)
      DEPARTMENTS.forEach(([id, name], d) => {
        const fault = faultsOf[d]![(f + t) % 6]!;
        const [category, thing] = thingsOf[d]![t]!;
        base.push({
          label: `${fault} ${thing}`,
          category,
          departmentId: id,
          keywords: [name.toLowerCase(), fault.toLowerCase(), ...thing.split(' ')],
        });
      });
  const causes: RootCause[] = [];
  const counters = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const b = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const n = (counters.get(b.departmentId) ?? 0) + 1;
    counters.set(b.departmentId, n);
    const suffix = round === 0 ? '' : ` (${SITES[(round - 1) % SITES.length]} site ${Math.ceil(round / SITES.length)})`;
    causes.push({ ...b, id: `rc-${b.departmentId}-${n}`, label: b.label + suffix, keywords: [...b.keywords!] });
  }
  return { version: 1, departments, causes };
}

/** A small deterministic generator (so the 40-incident customer is the same every time). */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

/** Category and customer-facing summary of the demo incidents. */
export const SUMMARIES: Array<[string, string]> = [
  ['Delivery', 'Parcel arrived two days after the promised date'],
  ['Damaged item', 'Blender jar cracked on arrival'],
  ['Billing', 'Charged twice for the same order'],
  ['Wrong item', 'Received a blue kettle instead of the black one ordered'],
  ['Returns', 'Refund for a returned jacket took three weeks'],
  ['Service', 'Promised callback never came'],
  ['Website', 'Checkout failed three times with a payment error'],
];

function incident(
  id: string,
  now: number,
  daysAgo: number,
  severity: Severity,
  [category, summary]: [string, string],
  resolved: boolean,
  surveyScore: number | null,
  remedies: Incident['remedies'] = [],
): Incident {
  return { id, occurredAt: ago(now, daysAgo), severity, category, summary, resolved, remedies, surveyScore };
}

function fund(agentId: string, now: number, budget: number, cap: number, threshold: number, ledger: LedgerEntry[]): Fund {
  const periodStart = Math.floor((now - 3 * DAY) / DAY) * DAY;
  const sum = (status: string) => ledger.filter((e) => e.status === status).reduce((s, e) => s + e.amount, 0);
  return {
    agentId,
    currency: 'USD',
    budget,
    spent: sum('done'),
    pending: sum('pending_approval'),
    perActionCap: cap,
    approvalThreshold: threshold,
    period: 'week',
    periodStart: new Date(periodStart).toISOString(),
    periodEnd: new Date(periodStart + 7 * DAY).toISOString(),
    version: ledger.length + 1,
    ledger,
  };
}

const entry = (now: number, id: string, hoursAgo: number, amount: number, reason: string, status: LedgerEntry['status'] = 'done'): LedgerEntry => ({
  id,
  at: new Date(now - hoursAgo * HOUR).toISOString(),
  amount,
  reason,
  interactionId: `int-past-${id}`,
  status,
});

/** The full demo seed, with dates relative to `now`. */
export function demoSeed(now: number = Date.now()): DemoSeed {
  const C = DEMO_IDS.customers;
  const rnd = lcg(42);
  const frequent: Incident[] = [];
  for (let i = 0; i < 44; i++) {
    const sev = ['low', 'low', 'medium', 'high'][Math.floor(rnd() * 4)]!;
    frequent.push(
      incident(`inc-dm-${i + 1}`, now, 3 + i * 15 + Math.floor(rnd() * 10), sev, SUMMARIES[i % SUMMARIES.length]!, i > 1, i % 3 ? 2 + Math.floor(rnd() * 4) : null),
    );
  }
  const histories: CustomerHistory[] = [
    { customer: { id: C.none, name: 'Ava Lindqvist', tier: 'standard' }, incidents: [] },
    {
      customer: { id: C.light, name: 'Benedikt Schäfer', tier: 'standard' },
      incidents: [incident('inc-ben-1', now, 150, 'low', SUMMARIES[0]!, true, 4, [{ kind: 'apology', label: 'Apology' }])],
    },
    {
      customer: { id: C.heavy, name: 'Carmen Ruiz', tier: 'gold' },
      incidents: [
        incident('inc-car-1', now, 10, 'high', ['Damaged item', 'Second blender in a month arrived with a cracked jar'], false, null),
        incident('inc-car-2', now, 7, 'medium', ['Service', 'Said "I\'ve called <b>three</b> times & nobody calls back" and hung up'], true, 1, [
          { kind: 'apology', label: 'Apology' },
          { kind: 'compensation', label: 'Goodwill credit', amount: 1500, currency: 'USD' },
        ]),
        incident('inc-car-3', now, 40, 'low', SUMMARIES[0]!, true, 3),
      ],
    },
    { customer: { id: C.frequent, name: 'Dmitri Volkov', tier: 'standard' }, incidents: frequent },
    {
      customer: { id: C.poorSurvey, name: 'Emeka Obi' },
      incidents: [
        incident('inc-em-1', now, 40, 'medium', SUMMARIES[2]!, true, 2, [{ kind: 'assistance', label: 'Duplicate charge reversed' }]),
        incident('inc-em-2', now, 200, 'low', SUMMARIES[6]!, true, 4),
      ],
    },
    {
      customer: { id: C.remedied, name: 'Fatima Al-Sayed', tier: 'gold' },
      incidents: [
        incident('inc-fa-1', now, 20, 'medium', SUMMARIES[3]!, true, 4, [
          { kind: 'assistance', label: 'Expedited replacement' },
          { kind: 'compensation', label: 'Shipping fee waived', amount: 799, currency: 'USD' },
        ]),
      ],
    },
  ];
  const mins = (m: number) => new Date(now - m * 60_000).toISOString();
  const interactions: Interaction[] = [
    { id: 'int-voice-1', customerId: C.heavy, channel: 'voice', startedAt: mins(6), customerName: 'Carmen Ruiz', subject: 'Replacement blender also arrived broken', severity: 'high', resolved: false },
    { id: 'int-chat-1', customerId: C.light, channel: 'chat', startedAt: mins(3), customerName: 'Benedikt Schäfer', subject: 'Where is my order #48213?', severity: 'low', resolved: false },
    { id: 'int-email-1', customerId: C.frequent, channel: 'email', startedAt: mins(42), customerName: 'Dmitri Volkov', subject: 'Charged twice for my subscription', severity: 'medium', resolved: false },
    { id: 'int-msg-1', customerId: C.none, channel: 'messaging', startedAt: mins(1), customerName: 'Ava Lindqvist', subject: 'Wrong size delivered', severity: 'low', resolved: false },
    { id: 'int-msg-2', customerId: C.poorSurvey, channel: 'messaging', startedAt: mins(12), customerName: 'Emeka Obi', subject: 'Promo code not applied at checkout', severity: 'low', resolved: false },
  ];
  const e = (id: string, h: number, amount: number, reason: string, status?: LedgerEntry['status']) => entry(now, id, h, amount, reason, status);
  return {
    agents: [
      { id: DEMO_IDS.agent, name: 'Dana Reyes', role: 'agent' },
      { id: DEMO_IDS.lead, name: 'Sam Okafor', role: 'lead' },
    ],
    funds: [
      fund(DEMO_IDS.agent, now, 20_000, 15_000, 5_000, [
        e('led-d1', 60, 2_500, 'item_damaged'),
        e('led-d2', 50, 1_500, 'wrong_item'),
        e('led-d3', 30, 1_000, 'late_delivery'),
        e('led-d4', 20, 1_500, 'goodwill'),
        e('led-d5', 8, 500, 'fee_waiver'),
        // Waits for a lead: Dmitri's contact is open, so the lead's queue names him and his baggage.
        { ...e('led-d6', 2, 6_000, 'item_damaged', 'pending_approval'), interactionId: 'int-email-1', note: 'Charged twice; refund of the second charge' },
      ]),
      fund(DEMO_IDS.lead, now, 50_000, 25_000, 10_000, [e('led-s1', 40, 7_500, 'goodwill'), e('led-s2', 5, 3_000, 'late_delivery')]),
    ],
    policy: DEFAULT_POLICY,
    histories,
    interactions,
    taxonomy: generateTaxonomy(300),
    recurrence: [
      { causeId: DEMO_IDS.recurringCause, count: 14 },
      { causeId: 'rc-shipping-1', count: 6 },
      { causeId: 'rc-billing-1', count: 3 },
      { causeId: 'rc-product-2', count: 2 },
      { causeId: 'rc-it-1', count: 1 },
    ],
    locale: 'en-US',
    currency: 'USD',
  };
}
