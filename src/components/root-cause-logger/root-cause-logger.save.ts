/**
 * The logger's save flow, part of its form (`root-cause-logger.ready.ts`, loaded on demand): the log
 * of a complete draft goes through the shared WriteAction (stored in the outbox first, then told),
 * once per stored version of it; where the saved log is (its status line); a log the host refused
 * can be discarded.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Interaction } from '../../core/model.js';
import type { RootCauseDraft } from '../../core/root-cause-form.js';
import type { LoggerDraft } from './root-cause-logger.draft.js';
import type { Words } from './root-cause-logger.view.js';
import type { WriteAction } from '../../controllers/write-action.js';

/** What saving needs from the element. */
export interface SaveContext {
  interaction: Interaction;
  /** The draft shown (it may change while the write is stored: the agent may switch contacts). */
  draft: LoggerDraft;
  /** Whether the host stores root-cause logs (through the outbox); otherwise the event is the write. */
  outbox: boolean;
  writes: WriteAction;
  busy: (busy: boolean) => void;
  t: Words;
  announce: (message: string) => void;
}

/** Store the log of the (complete) draft and tell the page once it is stored; say once what happened and what comes next. */
export async function saveLog(ctx: SaveContext): Promise<void> {
  const { interaction, outbox, draft, t } = ctx;
  const key = draft.draft.key ?? crypto.randomUUID();
  draft.update({ key });
  const d = draft.draft;
  const log = draft.log(interaction, key);
  const said = outbox ? t('rcSaved', { cause: d.query, department: draft.departmentName }) : t('rcLogged');
  ctx.busy(true);
  // Stored first, then told: once per stored version of the log (an edited resend of a refused
  // log is stored again, so it is told again, with the same idempotency key).
  await ctx.writes.run({
    kind: 'logRootCause',
    payload: log,
    store: outbox,
    event: 'mend-root-cause-log',
    detail: log,
    once: d.savedId ? null : key,
    // Shown as saved before the event fires, so a page that hears it sees the same.
    onStored: () => {
      if (interaction.id !== draft.shown) return;
      draft.update({ savedId: key, sent: !outbox });
      if (!outbox) draft.delivered(interaction.id, key);
      ctx.busy(false);
      ctx.announce(said);
    },
  });
  ctx.busy(false);
}

/** Drop the refused log `savedId`: the form is editable and can be saved anew. */
export async function discardLog(ctx: Pick<SaveContext, 'writes' | 'draft' | 'busy'>, savedId: string): Promise<void> {
  ctx.busy(true);
  try {
    await ctx.writes.discard(savedId);
    ctx.draft.update({ savedId: undefined, key: undefined, sent: false });
  } finally {
    ctx.busy(false);
  }
}

/** Where a saved log is: stored, sending, delivered, waiting, refused (with its reason), or not stored. */
export function renderStatus(t: Words, draft: RootCauseDraft, writes: WriteAction, canWrite: boolean): TemplateResult | typeof nothing {
  const failed = draft.key && !draft.savedId ? writes.state(draft.key) : null;
  if (failed && (failed.status === 'failed' || failed.status === 'storage_full'))
    return html`<p part="status" data-status="error">${failed.text}</p>`;
  if (!draft.savedId) return nothing;
  const state = writes.state(draft.savedId);
  const entry = state.entry;
  if (!canWrite || (!entry && draft.sent))
    return html`<p part="status" data-status="sent">${canWrite ? `✓ ${t('sent')}` : t('rcLogged')}</p>`;
  if (!entry) return html`<p part="status" data-status="queued">${t('savedLocally')}</p>`;
  const attention = entry.status === 'needs_attention';
  const mark = entry.status === 'sent' ? '✓ ' : attention ? '⚠ ' : '';
  return html`<p part="status" data-status=${entry.status} id=${attention ? 'status-attention' : nothing}>
    ${mark}${state.retrying ? t('rcWaiting') : state.text}
  </p>`;
}

