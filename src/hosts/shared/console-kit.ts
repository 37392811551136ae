/**
 * The part every console kit shares (Genesys Cloud, Twilio Flex; Zendesk may adopt it): declared
 * capabilities, `unsupported` for what the console does not keep (the fund, the policy, the
 * taxonomy, recurrence: those come from the Mend service through `composeAdapter`), the five
 * writes routed to one keyed `write()`, and host events and wrap-up guards through one hub.
 */
import { HostError } from '../../adapter/errors.js';
import { HostEventHub } from '../../adapter/event-hub.js';
import {
  CAPABILITIES,
  type BaggageAcknowledgement,
  type CallOptions,
  type CallbackRequest,
  type Capabilities,
  type Capability,
  type HostAdapter,
  type HostEventName,
  type HostEvents,
  type HostWrites,
  type ManagerNotice,
  type RecoveryRecord,
  type RootCauseLog,
  type SpendRequest,
  type SpendResult,
  type WrapUpGuard,
  type WriteKind,
  type WriteReceipt,
} from '../../adapter/host-adapter.js';
import type { CustomerHistory, Fund, HostContext, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../../core/model.js';

/** Capabilities from a list of what the console can do; everything else is `false`. */
export function declareCapabilities(can: readonly Capability[]): Capabilities {
  return Object.freeze(Object.fromEntries(CAPABILITIES.map((c) => [c, can.includes(c)]))) as Capabilities;
}

/** A call the caller already cancelled: stop before touching the console. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new HostError('unavailable', 'The call was cancelled.', { retryable: false, details: { aborted: true } });
}

export abstract class ConsoleKit implements HostAdapter {
  abstract readonly capabilities: Capabilities;
  abstract readonly storageScope: string;
  /** The console's name in messages (`Genesys Cloud`, `Twilio Flex`). */
  protected abstract readonly hostName: string;
  protected readonly hub = new HostEventHub();

  abstract getContext(options?: CallOptions): Promise<HostContext>;
  /** Apply one write under its key; a replayed key must answer the first receipt and write nothing. */
  protected abstract write<K extends WriteKind>(kind: K, payload: HostWrites[K], options?: CallOptions): Promise<WriteReceipt>;

  protected unsupported(what: string): Promise<never> {
    return Promise.reject(
      new HostError('unsupported', `${this.hostName} does not keep ${what}: compose this kit with the Mend service (composeAdapter).`, { retryable: false }),
    );
  }

  #writeIf<K extends WriteKind>(kind: K, payload: HostWrites[K], options?: CallOptions): Promise<WriteReceipt> {
    if (!this.capabilities[kind as Capability]) return this.unsupported(`${kind} writes`);
    return this.write(kind, payload, options);
  }

  getHistory(_customerId: string, _options?: CallOptions): Promise<CustomerHistory> {
    return this.unsupported('customer histories');
  }
  getPolicy(_options?: CallOptions): Promise<RecoveryPolicy> {
    return this.unsupported('a recovery policy');
  }
  getFund(_agentId: string, _options?: CallOptions): Promise<Fund> {
    return this.unsupported('discretionary funds');
  }
  getTaxonomy(_options?: CallOptions): Promise<Taxonomy> {
    return this.unsupported('a root-cause taxonomy');
  }
  getRecurrence(_since: string, _options?: CallOptions): Promise<RecurrenceCount[]> {
    return this.unsupported('recurrence counts');
  }
  spend(_request: SpendRequest, _options?: CallOptions): Promise<SpendResult> {
    return this.unsupported('a fund ledger');
  }
  recordRecovery(record: RecoveryRecord, options?: CallOptions): Promise<WriteReceipt> {
    return this.#writeIf('recordRecovery', record, options);
  }
  logRootCause(log: RootCauseLog, options?: CallOptions): Promise<WriteReceipt> {
    return this.#writeIf('logRootCause', log, options);
  }
  acknowledgeBaggage(ack: BaggageAcknowledgement, options?: CallOptions): Promise<WriteReceipt> {
    return this.#writeIf('acknowledgeBaggage', ack, options);
  }
  requestCallback(request: CallbackRequest, options?: CallOptions): Promise<WriteReceipt> {
    return this.#writeIf('requestCallback', request, options);
  }
  notifyManager(notice: ManagerNotice, options?: CallOptions): Promise<WriteReceipt> {
    return this.#writeIf('notifyManager', notice, options);
  }

  on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void {
    this.listen();
    return this.hub.on(event, handler);
  }

  registerWrapUpGuard(guard: WrapUpGuard): () => void {
    this.listen();
    return this.hub.registerWrapUpGuard(guard);
  }

  /** Start following the console (called on the first subscription or guard); idempotent. */
  protected abstract listen(): void;
}
