// One fund factory for the tests: an agent's weekly USD fund (200.00 budget, 150.00 cap, approval
// above 50.00), nothing spent. Override what a test is about.
import type { Fund } from '../../src/core/model.js';

export function makeFund(over: Partial<Fund> = {}): Fund {
  return {
    agentId: 'a1',
    currency: 'USD',
    budget: 20000,
    spent: 0,
    pending: 0,
    perActionCap: 15000,
    approvalThreshold: 5000,
    period: 'week',
    periodStart: '2024-06-03T00:00:00.000Z',
    periodEnd: '2024-06-10T00:00:00.000Z',
    version: 1,
    ledger: [],
    ...over,
  };
}
