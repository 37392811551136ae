// Payloads of the write-path tests (agent a1, interaction i1, customer c1) and a unique outbox scope.
import type { HostWrites, SpendRequest } from '../../src/adapter/host-adapter.js';

let counter = 0;
/** A unique scope per test (IndexedDB isolation). */
export function uniqueScope(name = 't'): string {
  return `${name}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export function ack(key: string, interactionId = 'i1'): HostWrites['acknowledgeBaggage'] {
  return { idempotencyKey: key, interactionId, customerId: 'c1', at: '2026-01-06T10:00:00Z', incidentIds: ['inc1'] };
}

export function rootCause(key: string, interactionId = 'i1', problem = 'Parcel arrived crushed'): HostWrites['logRootCause'] {
  return {
    idempotencyKey: key,
    interactionId,
    customerId: 'c1',
    at: '2026-01-06T10:00:00Z',
    problem,
    causeId: 'wh-packing',
    departmentId: 'warehouse',
    resolution: 'Replacement shipped',
    notifyDepartment: true,
  };
}

export function spendRequest(key: string, amount = 1500, expectedVersion = 1): SpendRequest {
  return {
    idempotencyKey: key,
    interactionId: 'i1',
    customerId: 'c1',
    at: '2026-01-06T10:00:00Z',
    agentId: 'a1',
    amount,
    currency: 'USD',
    reason: 'goodwill',
    expectedVersion,
  };
}
