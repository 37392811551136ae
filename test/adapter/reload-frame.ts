// A page that opens the embedded CRM, does what its URL says, and reports to its parent: the
// LocalAdapter tests load it twice (a real page load each time) to prove data survives a reload.
import { LocalAdapter } from '../../src/adapter/local-adapter.js';

const params = new URLSearchParams(location.search);
const adapter = new LocalAdapter({ name: params.get('db') ?? 'mend-reload-probe' });
const agentId = 'agent-dana';

async function main(): Promise<unknown> {
  const fund = await adapter.getFund(agentId);
  if (params.get('step') === 'write') {
    const result = await adapter.spend({
      idempotencyKey: params.get('key') ?? 'reload-key',
      interactionId: 'int-voice-1',
      customerId: 'cust-carmen',
      at: new Date().toISOString(),
      agentId,
      amount: 1_234,
      currency: fund.currency,
      reason: 'goodwill',
      expectedVersion: fund.version,
    });
    return { step: 'write', spent: result.fund.spent, before: fund.spent };
  }
  return { step: 'read', spent: fund.spent, ledger: fund.ledger.length, writes: (await adapter.writes('spend')).length };
}

main().then(
  (report) => parent.postMessage({ probe: 'mend-reload', ...(report as object) }, '*'),
  (error: unknown) => parent.postMessage({ probe: 'mend-reload', error: String(error) }, '*'),
);
