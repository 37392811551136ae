// Fund fixtures for the fund-meter tests, and their host (a seeded MemoryAdapter).
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { Fund, LedgerEntry } from '../../src/core/model.js';
import { makeFund as baseFund } from '../helpers/fund.js';
import { uniqueScope } from '../helpers/writes.js';

/** "Now" inside the fixtures' period, so no roll-over happens unless a test asks for one. */
export const NOW = Date.parse('2026-11-25T12:00:00.000Z');

/** A fresh agent id per test: sessions of one page share the cross-tab channel. */
export const newAgentId = (): string => uniqueScope('agent-fm');

export function entry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  return { id: `e-${Math.random().toString(36).slice(2, 9)}`, at: '2026-11-24T09:30:00.000Z', amount: 1500, reason: 'goodwill', interactionId: 'int-1', status: 'done', ...over };
}

/** 200.00 a week, 40.00 spent, cap 150.00, approval above 50.00, in the week of {@link NOW}. */
export const makeFund = (over: Partial<Fund> = {}): Fund =>
  baseFund({ agentId: 'agent-fm', spent: 4000, periodStart: '2026-11-23T00:00:00.000Z', periodEnd: '2026-11-30T00:00:00.000Z', ...over });

/**
 * A host console with an agent fund: a MemoryAdapter seeded with the agent and `fund` (overrides of
 * {@link makeFund}, a fresh agent id unless given), its clock at {@link NOW}. `fund: false` declares
 * no fund capability. Fail, malform or hold answers with the adapter's own knobs.
 */
export function fundHost(fund: Partial<Fund> = {}, options: { fund?: boolean } = {}): { adapter: MemoryAdapter; fund: Fund } {
  const seeded = makeFund({ ...fund, agentId: fund.agentId ?? newAgentId() });
  const adapter = new MemoryAdapter(
    { context: { agent: { id: seeded.agentId, name: 'Dana Reyes', role: 'agent' }, interaction: null, locale: 'en-US', currency: seeded.currency }, funds: [seeded] },
    { now: () => NOW, capabilities: options.fund === false ? { fund: false } : {} },
  );
  return { adapter, fund: seeded };
}

/**
 * The test runner runs two pages at once and one of them is hidden: a hidden page never runs
 * requestAnimationFrame (which the polite announcer and fixture() wait for). While installed,
 * a frame callback also runs after a short timer, whichever comes first, exactly once.
 */
export function installFrameFallback(): () => void {
  const native = window.requestAnimationFrame;
  window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
    let done = false;
    const run = (time: number) => {
      if (done) return;
      done = true;
      callback(time);
    };
    setTimeout(() => run(performance.now()), 32);
    return native.call(window, run);
  };
  return () => {
    window.requestAnimationFrame = native;
  };
}
