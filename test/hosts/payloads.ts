// Write payloads the kits' tests share.
import type { RootCauseLog } from '../../src/adapter/host-adapter.js';

/** A root-cause log of `interactionId` for `customerId`, with a fresh key unless one is given. */
export const rootCauseLog = (interactionId: string, customerId: string, key: string = crypto.randomUUID()): RootCauseLog => ({
  idempotencyKey: key,
  interactionId,
  customerId,
  at: new Date().toISOString(),
  problem: 'Blender arrived broken',
  causeId: 'rc-pack',
  departmentId: 'warehouse',
  resolution: 'Replacement sent',
  notifyDepartment: true,
});
