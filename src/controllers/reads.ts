/**
 * The one way widgets read host data for the active interaction: from the shared session, keyed
 * by what they depend on, so an answer for an interaction that is no longer active is never shown
 * (the read for customer B never returns customer A's history) and two widgets never load the
 * same thing twice.
 *
 * Call these from `willUpdate` (they start a load the first time; a load's progress re-renders the
 * widget through the session's `change` event).
 */
import type { HostError } from '../adapter/errors.js';
import type { Resource, ResourceStatus } from '../adapter/resource.js';
import type { HostSession } from '../adapter/session.js';
import type { CustomerHistory, Fund, HostContext, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../core/model.js';

export interface Read<T> {
  /** What the value belongs to (customer id, agent id...), or null when nothing applies. */
  readonly key: string | null;
  /** `none`: no adapter, or nothing to read (no active interaction). */
  readonly status: ResourceStatus | 'none';
  readonly value?: T;
  readonly error?: HostError;
  /** Load again (the error state's retry). */
  retry(): void;
}

const NONE: Read<never> = { key: null, status: 'none', retry() {} };

function read<T>(key: string | null, resource: Resource<T> | null): Read<T> {
  if (!resource || key === null) return NONE;
  void resource.ensure();
  const { status, value, error } = resource.state;
  return { key, status, value, error, retry: () => void resource.reload() };
}

/** The host's context (agent, active interaction, locale, currency). */
export function readContext(session: HostSession | null): Read<HostContext> {
  return read(session ? 'context' : null, session?.context ?? null);
}

/** The active interaction's customer history. */
export function readHistory(session: HostSession | null): Read<CustomerHistory> {
  const customerId = session?.interaction?.customerId ?? null;
  return read(customerId, session && customerId ? session.history(customerId) : null);
}

/** The signed-in agent's fund (shared by the offer picker and the fund meter). */
export function readFund(session: HostSession | null): Read<Fund> {
  const agentId = session?.context.state.value?.agent.id ?? null;
  return read(agentId, session && agentId ? session.fund(agentId) : null);
}

export function readPolicy(session: HostSession | null): Read<RecoveryPolicy> {
  return read(session ? 'policy' : null, session?.policy ?? null);
}

export function readTaxonomy(session: HostSession | null): Read<Taxonomy> {
  return read(session ? 'taxonomy' : null, session?.taxonomy ?? null);
}

export function readRecurrence(session: HostSession | null): Read<RecurrenceCount[]> {
  return read(session ? 'recurrence' : null, session?.recurrence ?? null);
}
