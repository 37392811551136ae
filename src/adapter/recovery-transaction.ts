/**
 * The picker's write path as a transaction with no DOM: spend the compensation from the fund (now,
 * never queued), then record the recovery (through the durable outbox, by the caller's `record`),
 * keeping one pair of idempotency keys per intent until it completes, so a retry never applies twice.
 *
 * - Spend, then record, with the fund version the agent saw (`expectedVersion`).
 * - A spend refused because the fund moved (`conflict`): the keys are dropped (the next try is a new
 *   intent against the new fund) and the outcome carries the fund as it is now.
 * - A spend `rejected` by the host: the keys are dropped.
 * - The spend went through but the record could not be stored (`not_recorded`): both keys are kept,
 *   whatever the error, so the next `accept` replays the same spend (the host applies it once and
 *   answers the same entry) and records it.
 * - Anything else failed before money moved: the keys are kept when a retry can help (a lost answer:
 *   the host may have applied the spend, and the same key makes the replay harmless), else dropped.
 * - A decline has its own key, kept until it is stored.
 *
 * Loaded on demand by `<mend-offer-picker>` (right after its first render with a host, or at the
 * first Confirm). Tested on MemoryAdapter in `test/offer-picker/recovery-transaction.test.ts`.
 */
import type { ChosenOffer, Fund, Severity } from '../core/model.js';
import { toHostError, type HostError } from './errors.js';
import type { RecoveryRecord, SpendResult } from './host-adapter.js';
import type { HostSession } from './session.js';

/** The keys of one confirm intent. */
export interface RecoveryKeys {
  spendKey: string;
  recordKey: string;
}

/** What the agent chose, as the record says it. */
export interface RecoveryChoice {
  interaction: { id: string; customerId: string };
  severity: Severity;
  offers: ChosenOffer[];
  strategy: string;
}

export interface AcceptRequest extends RecoveryChoice {
  session: Pick<HostSession, 'spend' | 'fund'>;
  /** The compensation paid from the fund, if any (integer minor units > 0). */
  compensation?: { offerId: string; amount: number; reason: string } | null;
  /** The fund as the agent saw it (its version is the spend's `expectedVersion`). */
  fund: Fund | null;
  /** Who spends (default: the fund's agent). */
  agentId?: string;
  /** Why the fund is missing (its read's error), for a compensation without a fund. */
  fundError?: unknown;
  /** Store the record; resolves once stored, rejects when it could not be. */
  record: (record: RecoveryRecord, spend: SpendResult | undefined) => Promise<unknown>;
}

export type AcceptOutcome =
  /** Recorded (with the spend, if any: `pending_approval` waits for a lead). */
  | { status: 'recorded'; spend?: SpendResult }
  /** The fund changed since the agent saw it: nothing spent; `now` is the fund as it is (null if unknown). */
  | { status: 'conflict'; error: HostError; seen: Fund; now: Fund | null }
  /** The host refused the spend. */
  | { status: 'rejected'; message: string }
  /** The spend went through, the record is not stored yet: confirm again (same keys). */
  | { status: 'not_recorded'; error: HostError; spend: SpendResult }
  /** Nothing spent. */
  | { status: 'failed'; error: HostError };

export interface DeclineRequest extends RecoveryChoice {
  record: (record: RecoveryRecord) => Promise<unknown>;
}

export type DeclineOutcome = { status: 'recorded' } | { status: 'failed'; error: HostError };

const uuid = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class RecoveryTransaction {
  #keys: RecoveryKeys | null = null;
  #declineKey: string | null = null;
  readonly #newKey: () => string;

  constructor(newKey: () => string = uuid) {
    this.#newKey = newKey;
  }

  /** The keys of the intent in progress (null: the next accept is a new intent). */
  get keys(): RecoveryKeys | null {
    return this.#keys && { ...this.#keys };
  }

  /** The choice changed: the next accept or decline is a new intent. */
  reset(): void {
    this.#keys = null;
    this.#declineKey = null;
  }

  async accept(request: AcceptRequest): Promise<AcceptOutcome> {
    const keys = (this.#keys ??= { spendKey: this.#newKey(), recordKey: this.#newKey() });
    const { session, interaction, compensation, fund } = request;
    const at = new Date().toISOString();
    let spend: SpendResult | undefined;
    try {
      if (compensation && compensation.amount) {
        const agentId = request.agentId ?? fund?.agentId;
        if (!fund || !agentId) throw request.fundError ?? new Error('The fund is not loaded yet.');
        try {
          spend = await session.spend({
            idempotencyKey: keys.spendKey,
            agentId,
            interactionId: interaction.id,
            customerId: interaction.customerId,
            at,
            amount: compensation.amount,
            currency: fund.currency,
            reason: compensation.reason,
            offerId: compensation.offerId,
            expectedVersion: fund.version,
          });
        } catch (error) {
          const e = toHostError(error);
          if (e.code !== 'conflict') throw e;
          this.#keys = null;
          const resource = session.fund(agentId);
          if (resource.state.status !== 'loading') void resource.reload();
          await resource.ensure();
          return { status: 'conflict', error: e, seen: fund, now: resource.state.value ?? null };
        }
        if (spend.status === 'rejected') {
          this.#keys = null;
          return { status: 'rejected', message: spend.message ?? '' };
        }
      }
      await request.record(
        {
          idempotencyKey: keys.recordKey,
          interactionId: interaction.id,
          customerId: interaction.customerId,
          at,
          severity: request.severity,
          offers: request.offers,
          accepted: true,
          strategy: request.strategy,
          ...(spend ? { spendId: spend.entryId } : {}),
        },
        spend,
      );
      this.#keys = null;
      return spend ? { status: 'recorded', spend } : { status: 'recorded' };
    } catch (error) {
      const e = toHostError(error);
      // Spent but not recorded: keep both keys whatever the error (the replay spends nothing twice).
      if (spend) return { status: 'not_recorded', error: e, spend };
      if (!e.retryable) this.#keys = null;
      return { status: 'failed', error: e };
    }
  }

  async decline(request: DeclineRequest): Promise<DeclineOutcome> {
    const key = (this.#declineKey ??= this.#newKey());
    try {
      await request.record({
        idempotencyKey: key,
        interactionId: request.interaction.id,
        customerId: request.interaction.customerId,
        at: new Date().toISOString(),
        severity: request.severity,
        offers: request.offers,
        accepted: false,
        strategy: request.strategy,
      });
      this.#declineKey = null;
      return { status: 'recorded' };
    } catch (error) {
      return { status: 'failed', error: toHostError(error) };
    }
  }
}
