/**
 * The lead's approval queue as a reactive controller: loads the pending spends of the team through
 * the validated lead view ({@link leadHost}), follows `approvalRequested` / `approvalDecided`, and
 * sends each decision through the lead's durable outbox (kind `decideApproval`, one idempotency
 * key per lead and spend, so a double click or a replay decides once). A decision another lead made
 * first (an event, or the host's `conflict`) takes the item out of the queue and says so.
 *
 * Typed against `ReactiveControllerHost & HTMLElement`: it never imports the element using it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toHostError, type HostError } from '../adapter/errors.js';
import { decisionKey, leadHost, type ApprovalDecided, type ApprovalItem, type LeadHost } from '../adapter/lead.js';
import type { Outbox, OutboxEntryDetail } from '../adapter/outbox.js';
import type { HostSession } from '../adapter/session.js';

export const APPROVAL_STATES = ['open', 'sending', 'failed'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** An item still waiting for this lead. */
export interface QueuedApproval {
  item: ApprovalItem;
  state: ApprovalState;
  /** Why sending failed (a refusal the outbox parked), for `failed`. */
  error?: HostError;
}

/** An item that left the queue: decided here, or by another lead first. */
export interface DecidedApproval {
  item: ApprovalItem;
  /** Approved or declined; null when the host only said another lead was first. */
  approved: boolean | null;
  /** Whether this lead decided it (false: another lead was first). */
  mine: boolean;
  decidedBy?: string;
}

export interface ApprovalsCallbacks {
  /** A new spend waits (not for the first load). */
  requested?(item: ApprovalItem): void;
  /** An item left the queue. */
  decided?(decision: DecidedApproval): void;
}

const KEEP_DECIDED = 5;

export class ApprovalsController implements ReactiveController {
  /** `none`: no host; `unsupported`: the host has no `approvals` capability. */
  status: 'none' | 'loading' | 'ready' | 'error' | 'unsupported' = 'none';
  error?: HostError;
  /** Waiting for a decision, oldest first. */
  items: QueuedApproval[] = [];
  /** Recently decided, newest first. */
  decided: DecidedApproval[] = [];
  /** The signed-in lead. */
  leadId: string | null = null;

  #host: ReactiveControllerHost & HTMLElement;
  #callbacks: ApprovalsCallbacks;
  #session: HostSession | null = null;
  #offs: Array<() => void> = [];
  #outbox: Outbox | null = null;
  #generation = 0;
  /** Events heard while the queue loads, applied once it is in (the answer may predate them). */
  #early: Array<() => void> = [];

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: ApprovalsCallbacks = {}) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** Follow the widget's session (call from `willUpdate`). */
  follow(session: HostSession | null): void {
    if (session === this.#session) return;
    this.#stop();
    this.#session = session;
    if (!session) {
      this.status = 'none';
      return;
    }
    this.#start(session);
  }

  /** Load the queue again (the error state's retry). */
  retry(): void {
    const session = this.#session;
    if (!session) return;
    this.#stop();
    this.#session = session;
    this.#start(session);
  }

  /** Approve or decline, with an optional note. Idempotent: a second call for the same spend sends nothing new. */
  async decide(entryId: string, approve: boolean, note = ''): Promise<void> {
    const queued = this.items.find((q) => q.item.entryId === entryId);
    const session = this.#session;
    if (!queued || !session || !this.leadId || queued.state === 'sending') return;
    this.#set(entryId, { state: 'sending', error: undefined });
    const { item } = queued;
    const text = note.trim();
    try {
      const outbox = await this.#openOutbox(session);
      const entry = await outbox.enqueue('decideApproval', {
        idempotencyKey: decisionKey(this.leadId, entryId),
        interactionId: item.interactionId,
        customerId: item.customerId ?? '',
        at: new Date().toISOString(),
        leadId: this.leadId,
        agentId: item.agentId,
        entryId,
        approve,
        ...(text ? { note: text } : {}),
      });
      // An entry the outbox already held (a replay) may have been refused earlier: show that.
      if (entry.status === 'needs_attention') this.#refused(entry.id, entry.lastError);
      else void outbox.whenSent(entry.id).then(() => this.#leave(entryId, { approved: approve, mine: true, decidedBy: this.leadId ?? undefined }), () => {});
    } catch (error) {
      this.#set(entryId, { state: 'failed', error: toHostError(error) });
    }
  }

  /** Send a refused decision again (after a temporary refusal) or drop it. */
  async resend(entryId: string): Promise<void> {
    const session = this.#session;
    if (!session || !this.leadId) return;
    const outbox = await this.#openOutbox(session);
    this.#set(entryId, { state: 'sending', error: undefined });
    await outbox.resend(decisionKey(this.leadId, entryId)).catch((error: unknown) => this.#set(entryId, { state: 'failed', error: toHostError(error) }));
  }

  hostConnected(): void {
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stop();
    this.#session = null;
  }

  #start(session: HostSession): void {
    const generation = ++this.#generation;
    const lead: LeadHost = leadHost(session.host.adapter);
    if (!lead.can('approvals')) {
      this.status = 'unsupported';
      return;
    }
    this.status = 'loading';
    this.#offs.push(
      lead.on('approvalRequested', ({ item }) => this.#add(item)),
      lead.on('approvalDecided', (d) => this.#onDecided(d)),
    );
    void (async () => {
      try {
        await session.context.ensure();
        const context = session.context.state.value;
        if (!context) throw session.context.state.error ?? toHostError('The host gave no context.');
        const items = await lead.getApprovals();
        if (generation !== this.#generation) return;
        this.leadId = context.agent.id;
        const known = new Map(this.items.map((q) => [q.item.entryId, q]));
        this.items = items.filter((i) => this.#mayDecide(i)).map((item) => ({ item, state: known.get(item.entryId)?.state ?? 'open' }));
        this.status = 'ready';
        this.error = undefined;
        for (const apply of this.#early.splice(0)) apply();
      } catch (error) {
        if (generation !== this.#generation) return;
        const e = toHostError(error);
        this.status = e.code === 'unsupported' ? 'unsupported' : 'error';
        this.error = e;
      }
      this.#host.requestUpdate();
    })();
    this.#host.requestUpdate();
  }

  #stop(): void {
    this.#generation++;
    this.#early = [];
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#outbox?.removeEventListener('attention', this.#onAttention);
    this.#outbox = null;
  }

  async #openOutbox(session: HostSession): Promise<Outbox> {
    const outbox = await leadHost(session.host.adapter).outbox();
    if (outbox !== this.#outbox) {
      this.#outbox?.removeEventListener('attention', this.#onAttention);
      this.#outbox = outbox;
      outbox.addEventListener('attention', this.#onAttention);
    }
    return outbox;
  }

  #onAttention = (event: Event) => {
    const { entry } = (event as CustomEvent<OutboxEntryDetail>).detail;
    if (entry.kind === 'decideApproval') this.#refused(entry.id, entry.lastError);
  };

  /** The host refused a decision: another lead was first (conflict), or another reason. */
  #refused(id: string, lastError: { code: string; message: string } | undefined): void {
    const payload = this.#outbox?.entry(id)?.payload as { entryId?: string; approve?: boolean } | undefined;
    const entryId = payload?.entryId;
    if (!entryId) return;
    if (lastError?.code === 'conflict') {
      // Nothing to send any more: the spend is decided. The outbox drops the refused write.
      void this.#outbox?.discard(id).catch(() => {});
      const before = this.decided.find((d) => d.item.entryId === entryId);
      if (!before) this.#leave(entryId, { approved: null, mine: false });
      return;
    }
    this.#set(entryId, { state: 'failed', error: toHostError(lastError ?? 'refused') });
  }

  #mayDecide(item: ApprovalItem): boolean {
    // A lead's own spend waits for another lead.
    return !this.leadId || item.agentId !== this.leadId;
  }

  #add(item: ApprovalItem): void {
    if (this.status === 'loading') return void this.#early.push(() => this.#add(item));
    if (this.status !== 'ready' || !this.#mayDecide(item)) return;
    if (this.items.some((q) => q.item.entryId === item.entryId) || this.decided.some((d) => d.item.entryId === item.entryId)) return;
    this.items = [...this.items, { item, state: 'open' as const }].sort(
      (a, b) => a.item.requestedAt.localeCompare(b.item.requestedAt) || a.item.entryId.localeCompare(b.item.entryId),
    );
    this.#callbacks.requested?.(item);
    this.#host.requestUpdate();
  }

  #onDecided(d: ApprovalDecided): void {
    if (this.status === 'loading') return void this.#early.push(() => this.#onDecided(d));
    // The event after a conflict tells what the other lead decided.
    const known = this.decided.find((x) => x.item.entryId === d.entryId && x.approved === null);
    if (known) {
      this.decided = this.decided.map((x) => (x === known ? { ...x, approved: d.approved, decidedBy: d.decidedBy } : x));
      this.#host.requestUpdate();
      return;
    }
    this.#leave(d.entryId, { approved: d.approved, mine: d.decidedBy === this.leadId, decidedBy: d.decidedBy });
  }

  #leave(entryId: string, how: Omit<DecidedApproval, 'item'>): void {
    const queued = this.items.find((q) => q.item.entryId === entryId);
    if (!queued) return;
    this.items = this.items.filter((q) => q !== queued);
    const decided: DecidedApproval = { item: queued.item, ...how };
    this.decided = [decided, ...this.decided].slice(0, KEEP_DECIDED);
    this.#callbacks.decided?.(decided);
    this.#host.requestUpdate();
  }

  #set(entryId: string, change: Partial<QueuedApproval>): void {
    this.items = this.items.map((q) => (q.item.entryId === entryId ? { ...q, ...change } : q));
    this.#host.requestUpdate();
  }
}
