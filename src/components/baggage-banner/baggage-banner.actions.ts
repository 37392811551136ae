/**
 * The banner's two writes, loaded with the ready view (baggage-banner.ready.ts): Acknowledge (`acknowledgeBaggage`,
 * event `mend-baggage-acknowledge`) and Request callback (`requestCallback`, R5, event
 * `mend-callback-request`). Each goes through the shared WriteAction: stored in the outbox first,
 * told once it is stored, once per interaction (the key is per interaction and kind). It imports
 * only types: what it imported from the banner would leave the banner's first load for a shared chunk.
 */
import type { HostSession } from '../../adapter/session.js';
import type { Reason } from '../../core/reasons.js';
import type { WriteAction } from '../../controllers/write-action.js';
import type { BaggageAcknowledgeDetail, CallbackRequestDetail } from '../../events/baggage-banner.js';
import type { BannerView, BannerWrite } from './baggage-banner.view.js';

export interface ActContext {
  session: HostSession | null;
  writes: WriteAction;
  t: (key: string) => string;
  /** A reason in words. */
  reason: (reason: Reason) => string;
  announce: (message: string) => void;
}

/** Run the agent's write for the view it saw (nothing unless the banner is ready). */
export async function act(kind: BannerWrite, key: string, view: BannerView, ctx: ActContext): Promise<void> {
  const assessment = view.assessment;
  if (view.state !== 'ready' || !assessment) return;
  const customerId = view.customer?.id ?? '';
  const base = { idempotencyKey: key, interactionId: view.interactionId, customerId, at: new Date().toISOString() };
  const session = ctx.session;
  // Without an adapter (or a host that cannot record it) the event is the write: the page records it.
  const store = !!session && session.host.can(kind) && !!view.interactionId;
  // Said once stored, before the event fires, so a page that hears it sees the same (not again on a resend).
  const onStored = (_entry: unknown, resent: boolean) => {
    if (!resent) ctx.announce(ctx.t(kind === 'acknowledgeBaggage' ? 'baggageAcknowledgedNext' : 'baggageCallbackRequested'));
  };
  // The event fires once the write is stored, never before (and never for a write not stored).
  if (kind === 'acknowledgeBaggage') {
    const incidentIds = assessment.notable.map((i) => i.id);
    const detail: BaggageAcknowledgeDetail = { interactionId: base.interactionId, customerId, incidentIds, idempotencyKey: key };
    await ctx.writes.run({ store, kind, payload: { ...base, incidentIds }, event: 'mend-baggage-acknowledge', detail, onStored });
  } else {
    const said = assessment.callback.reasons[0];
    const reason = said ? ctx.reason(said) : ctx.t('baggageCallbackReason');
    const detail: CallbackRequestDetail = { interactionId: base.interactionId, customerId, reason, idempotencyKey: key };
    if (assessment.callback.incidentId) detail.incidentId = assessment.callback.incidentId;
    await ctx.writes.run({ store, kind, payload: { ...base, reason }, event: 'mend-callback-request', detail, onStored });
  }
}
