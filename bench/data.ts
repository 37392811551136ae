/** Realistic, deterministic data for the benches (money in integer minor units). */
import { DEMO_IDS, SUMMARIES, demoSeed, lcg, type DemoSeed } from '../src/adapter/demo-data.js';
import type { Incident, RemedyGiven } from '../src/core/model.js';

const DAY = 86_400_000;

/** The seed every bench starts from, fixed at one instant so runs are comparable. */
export const NOW = Date.UTC(2025, 5, 16, 14, 30);
export const seed: DemoSeed = demoSeed(NOW);

export const historyOf = (customerId: string) => seed.histories.find((h) => h.customer.id === customerId)!;
/** The frequent customer: 44 incidents, heavy baggage. */
export const frequent = historyOf(DEMO_IDS.customers.frequent);
export const agentFund = seed.funds.find((f) => f.agentId === DEMO_IDS.agent)!;
export const interaction = seed.interactions.find((i) => i.customerId === DEMO_IDS.customers.frequent)!;

const REMEDIES: RemedyGiven[][] = [
  [],
  [{ kind: 'apology', label: 'Apology' }],
  [{ kind: 'assistance', label: 'Expedited replacement' }],
  [
    { kind: 'apology', label: 'Apology' },
    { kind: 'compensation', label: 'Goodwill credit', amount: 1500, currency: 'USD' },
  ],
];

/** `n` incidents over the last two years (about half inside the 365-day baggage window). */
export function incidents(n: number): Incident[] {
  const rnd = lcg(n);
  const list: Incident[] = [];
  for (let i = 0; i < n; i++) {
    const [category, summary] = SUMMARIES[i % SUMMARIES.length]!;
    const score = rnd();
    list.push({
      id: `inc-${n}-${i}`,
      occurredAt: new Date(NOW - rnd() * 730 * DAY).toISOString(),
      severity: ['low', 'low', 'medium', 'high'][Math.floor(rnd() * 4)]!,
      category,
      summary,
      resolved: rnd() > 0.15,
      remedies: REMEDIES[i % REMEDIES.length]!,
      surveyScore: score < 0.3 ? null : 1 + Math.floor(rnd() * 5),
    });
  }
  return list;
}
