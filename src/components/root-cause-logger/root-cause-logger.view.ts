/**
 * What `<mend-root-cause-logger>` renders: its form (problem, the root-cause type-ahead with the
 * lines under it, the department, the resolution, the buttons) from a {@link LoggerView} the element
 * gathers, and the time-limit notice. Pure templates: they keep no state. The delivery status of a saved log is
 * rendered by the save flow (`root-cause-logger.save.ts`). Part of the form, loaded on demand
 * (`root-cause-logger.ready.ts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { HostError } from '../../adapter/errors.js';
import type { Read } from '../../controllers/reads.js';
import type { Overdue } from '../../controllers/time-limit.js';
import type { Department, Taxonomy } from '../../core/model.js';
import type { RootCauseDraft, RootCauseField } from '../../core/root-cause-form.js';
import type { LoggerTypeahead } from './root-cause-logger.typeahead.js';

export type Words = (key: string, values?: Record<string, string | number>) => string;

/** What the logger shows now, and what the agent's input does (the element gathers it in `render`). */
export interface LoggerView {
  t: Words;
  failure: (error: HostError | undefined) => string;
  /** A count in the locale's digits. */
  number: (n: number) => string;
  draft: RootCauseDraft;
  errors: ReadonlySet<RootCauseField>;
  taxonomy: Taxonomy | undefined;
  /** The host's taxonomy read (null: plain properties). */
  read: Read<Taxonomy> | null;
  /** The type-ahead once loaded (its options and the suggestion's hint are rendered by it). */
  typeahead: LoggerTypeahead | null;
  /** The agent typed before the type-ahead was loaded. */
  loading: boolean;
  /** The form cannot be used (no interaction, saved, disabled). */
  off: boolean;
  /** Save is not available now (busy, saved, no interaction, disabled). */
  saveOff: boolean;
  busy: boolean;
  /** The host refused the saved log: Resend and Discard. */
  attention: boolean;
  /** The cause's own department, and the department now (the agent's or the routed one). */
  routed: Department | undefined;
  departmentId: string;
  /** How often the chosen cause was logged, when it recurs (R8). */
  recurrence: { count: number; days: number } | null;
  /** The name of the department the draft is routed to (with `recurrence`: what it says). */
  department: string;
  noWrite: boolean;
  /** The saved log's status, the time-limit and the wrap-up notices (under the buttons). */
  after: unknown[];
  update: (patch: Partial<RootCauseDraft>) => void;
  onCauseInput: (event: Event) => void;
  onCauseKey: (event: KeyboardEvent) => void;
  onSubmit: (event: Event) => void;
  onFormKey: (event: KeyboardEvent) => void;
  onDiscard: () => void;
}

/** What a missing field's error says (string keys). */
export const REQUIRED: Record<RootCauseField, string> = {
  problem: 'rcProblemRequired',
  cause: 'rcCauseRequired',
  department: 'rcDepartmentRequired',
  resolution: 'rcResolutionRequired',
};

/** The field's error and other descriptions. */
function describedBy(v: LoggerView, field: RootCauseField, ...more: string[]): string | typeof nothing {
  return [v.errors.has(field) ? `${field}-error` : '', ...more].filter(Boolean).join(' ') || nothing;
}

function error(v: LoggerView, field: RootCauseField): TemplateResult | typeof nothing {
  return v.errors.has(field) ? html`<p id="${field}-error" part="error">${v.t(REQUIRED[field])}</p>` : nothing;
}

const invalid = (v: LoggerView, field: RootCauseField) => (v.errors.has(field) ? 'true' : 'false');
const valueOf = (e: Event) => (e.target as HTMLInputElement).value;

/** A text area of the log (problem, resolution); what the agent types there is theirs, never replaced. */
function textField(v: LoggerView, field: 'problem' | 'resolution', label: string, edited: 'problemEdited' | 'resolutionEdited'): TemplateResult {
  return html`<div part="field ${field}-field">
    <label for=${field}>${v.t(label)}</label>
    <textarea
      id=${field}
      part=${field}
      .value=${live(v.draft[field])}
      aria-invalid=${invalid(v, field)}
      aria-describedby=${describedBy(v, field)}
      @input=${(e: Event) => v.update({ [field]: valueOf(e), [edited]: true })}
    ></textarea>
    ${error(v, field)}
  </div>`;
}

/** The form: problem, root cause, department, resolution, notify, the buttons and what follows a save. */
export function renderForm(v: LoggerView): TemplateResult {
  const { t, draft: d, routed, departmentId } = v;
  const overridden = !!routed && !!d.departmentId && d.departmentId !== routed.id;
  return html`<form part="form" novalidate @submit=${v.onSubmit} @keydown=${v.onFormKey}>
    <fieldset part="fields" ?disabled=${v.off}>
      ${textField(v, 'problem', 'rcProblem', 'problemEdited')}
      <div part="field cause-field">
        <label for="cause" id="cause-label">${t('rcCause')}</label>
        ${renderCombobox(v)} ${renderCauseHint(v)} ${error(v, 'cause')}
        ${v.recurrence ? html`<p part="recurrence" id="recurrence">${t('rcRecurring', { ...v.recurrence, department: v.department })}</p>` : nothing}
      </div>
      <div part="field department-field">
        <label for="department">${t('rcDepartment')}</label>
        <select
          id="department"
          part="department"
          aria-invalid=${invalid(v, 'department')}
          aria-describedby=${describedBy(v, 'department', routed ? 'department-hint' : '')}
          @change=${(e: Event) => v.update({ departmentId: valueOf(e) === routed?.id ? '' : valueOf(e) })}
        >
          <option value="" ?selected=${!departmentId}>${t('rcChooseDepartment')}</option>
          ${(v.taxonomy?.departments ?? []).map((dep) => html`<option value=${dep.id} ?selected=${dep.id === departmentId}>${dep.name}</option>`)}
        </select>
        ${routed
          ? html`<p id="department-hint" part="hint">${overridden ? t('rcOverridden', { department: routed.name }) : t('rcRouted')}</p>`
          : nothing}
        ${error(v, 'department')}
      </div>
      ${textField(v, 'resolution', 'rcResolution', 'resolutionEdited')}
      <div part="notify">
        <input
          id="notify"
          type="checkbox"
          .checked=${live(d.notify)}
          @change=${(e: Event) => v.update({ notify: (e.target as HTMLInputElement).checked })}
        />
        <label for="notify">${t('rcNotify')}</label>
      </div>
    </fieldset>
    ${v.noWrite ? html`<p part="quiet">${t('rcNoWrite')}</p>` : nothing}
    <div part="actions">
      <button
        type="submit"
        part=${v.attention ? 'resend' : 'save'}
        data-variant="primary"
        aria-disabled=${v.saveOff ? 'true' : 'false'}
        aria-describedby=${v.attention ? 'status-attention' : nothing}
      >
        ${v.attention ? t('rcResend') : t('rcSave')}
      </button>
      ${v.attention
        ? html`<button type="button" part="discard" aria-disabled=${v.busy ? 'true' : 'false'} @click=${v.onDiscard}>${t('rcDiscard')}</button>`
        : nothing}
    </div>
    ${v.after}
  </form>`;
}

/** The root-cause type-ahead: an ARIA 1.2 combobox (its keyboard is the ComboboxController's). */
function renderCombobox(v: LoggerView): TemplateResult {
  const causes = v.typeahead?.search;
  const combo = causes?.combo;
  const open = !!combo?.open;
  return html`<div part="combobox">
    <input
      id="cause"
      part="input"
      type="text"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      aria-autocomplete="list"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="cause-list"
      aria-activedescendant=${combo?.activeId || nothing}
      aria-busy=${v.loading || causes?.searching ? 'true' : 'false'}
      aria-invalid=${invalid(v, 'cause')}
      aria-describedby=${describedBy(v, 'cause', 'cause-hint', v.recurrence ? 'recurrence' : '')}
      ?disabled=${!v.taxonomy}
      .value=${live(v.draft.query)}
      @input=${v.onCauseInput}
      @keydown=${v.onCauseKey}
      @blur=${() => combo?.close()}
    />
    <ul id="cause-list" part="listbox" role="listbox" aria-labelledby="cause-label" ?hidden=${!open}>
      ${v.typeahead?.options() ?? nothing}
    </ul>
  </div>`;
}

/** The line under the cause: loading, unsupported, failed (with Retry), no match, the suggestion, or how many causes to search. */
function renderCauseHint(v: LoggerView): TemplateResult | typeof nothing {
  const { t, read, taxonomy, draft } = v;
  if (!taxonomy && read) {
    if (read.status === 'loading' || read.status === 'idle') return html`<p id="cause-hint" part="hint" aria-busy="true">${t('loading')}</p>`;
    if (read.status === 'unsupported') return html`<p id="cause-hint" part="quiet">${t('rcTaxonomyUnsupported')}</p>`;
    if (read.status === 'error')
      return html`<p id="cause-hint" part="error" class="inline">
        ${t('errorPrefix', { message: v.failure(read.error) })}
        <button type="button" part="retry" @click=${() => read.retry()}>${t('retry')}</button>
      </p>`;
  }
  if (!taxonomy) return nothing;
  if (draft.query.trim() && !draft.causeId && !v.typeahead?.search.results.length) return html`<p id="cause-hint" part="hint">${t('rcNoMatch')}</p>`;
  if (draft.causeId) return v.typeahead?.hint() ?? nothing;
  return html`<p id="cause-hint" part="hint">${t('rcTypeToSearch', { count: v.number(taxonomy.causes.length) })}</p>`;
}

/** R10 in words: a manager was notified, or the agent must tell one. */
export function overdueText(t: Words, o: Overdue): string {
  return o.notified ? t('rcOverdue', { minutes: o.minutes }) : t('rcOverdueNoNotify', { minutes: o.minutes, limit: o.limit });
}

/** The R10 notice, with a clock drawn inline (an emoji shows as a box where no emoji font is installed). */
export function renderOverdue(t: Words, o: Overdue | undefined): TemplateResult | typeof nothing {
  return o
    ? html`<p part="time-limit">
        <svg part="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="9" r="5.75" fill="none" stroke="currentColor" stroke-width="1.5" />
          <path d="M8 6v3.2l2 1.3M6 1.75h4" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
        </svg>
        ${overdueText(t, o)}
      </p>`
    : nothing;
}
