// The Mend service side of the app: the fund, the policy, the taxonomy and recurrence counts,
// which Zendesk does not keep.
import type { HostAdapter } from '../../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { demoSeed } from '../../../src/adapter/demo-data.js';

/**
 * The service adapter for the installation's `serviceUrl`.
 *
 * Until the service package's `ServiceAdapter` (issue #16) is in this build, the app runs on the
 * demo data in memory (a fund for the signed-in agent, the demo policy and taxonomy), so that an
 * admin can try it before deploying a service. With the service: return
 * `new ServiceAdapter({ baseUrl: serviceUrl })` here.
 */
export function mendService(serviceUrl: unknown, agent: { id: number; name: string; role: string }): HostAdapter {
  if (typeof serviceUrl === 'string' && serviceUrl) console.warn(`[mend] this build has no service adapter yet; ${serviceUrl} is not used, demo data is.`);
  const seed = demoSeed();
  const id = String(agent.id);
  return new MemoryAdapter({
    agents: [{ id, name: agent.name, role: agent.role === 'admin' ? 'lead' : 'agent' }],
    funds: [{ ...seed.funds[0]!, agentId: id }],
    policy: seed.policy,
    taxonomy: seed.taxonomy,
    recurrence: seed.recurrence,
  });
}
