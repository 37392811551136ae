/**
 * The logger's type-ahead, loaded when the page is idle or the agent starts typing: the search over
 * the taxonomy (a {@link CauseSearchController} whose first match is highlighted as the agent types,
 * so Enter takes it), the options it lists, what choosing a cause says (the cause, its department and
 * how often it was seen: one polite announcement), and the cause suggested from the customer's open
 * incident (`suggestCause`), filled in once per interaction as a suggestion the agent can change.
 *
 * It imports only types from the element's first load (lit aside): what it shared with it would be
 * split into a chunk of its own.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CauseSearchController } from '../../controllers/cause-search.js';
import type { Incident, RecurrenceCount, RecurrencePolicy, Taxonomy } from '../../core/model.js';
import type { RootCauseDraft } from '../../core/root-cause-form.js';
import type { CauseSuggestion, Seen } from '../../core/root-cause-suggest.js';
import type { RootCauseMatch } from '../../core/taxonomy-search.js';
import type { Words } from './root-cause-logger.view.js';

/** What a suggestion is made from; null while any of it is still loading. */
export interface SuggestionFacts {
  incidents: Incident[];
  counts: RecurrenceCount[];
  policy: RecurrencePolicy;
}

export interface TypeaheadContext {
  t: Words;
  announce: (message: string) => void;
  taxonomy: () => Taxonomy | undefined;
  draft: () => RootCauseDraft;
  update: (patch: Partial<RootCauseDraft>) => void;
  facts: () => SuggestionFacts | null;
  /** How often a cause was logged in the window (the `recurrence` rule, over `facts`' counts). */
  seen: Seen;
  /** The name of the department the draft is routed to now. */
  department: () => string;
  /** Most options listed. */
  limit: number;
}

export class LoggerTypeahead {
  readonly search: CauseSearchController;
  readonly #ctx: TypeaheadContext;

  constructor(host: ReactiveControllerHost & HTMLElement, ctx: TypeaheadContext) {
    this.#ctx = ctx;
    this.search = new CauseSearchController(host, {
      id: 'cause-opt',
      taxonomy: ctx.taxonomy,
      query: () => ctx.draft().query,
      choose: (match) => this.#choose(match),
      clear: () => {
        if (!ctx.draft().query) return false;
        ctx.update({ query: '', causeId: '' });
        return true;
      },
      found: (count) => ctx.announce(count ? ctx.t('rcResults', { count }) : ctx.t('rcNoMatch')),
      limit: ctx.limit,
      highlightFirst: true,
    });
  }

  /** The agent chose a cause: routed to its department (unless it is the same cause), said with its recurrence. */
  #choose(match: RootCauseMatch): void {
    const { t, draft, update } = this.#ctx;
    const changed = match.cause.id !== draft().causeId;
    update({ query: match.cause.label, causeId: match.cause.id, departmentId: changed ? '' : draft().departmentId });
    const { count, windowDays: days } = this.#ctx.seen(match.cause.id);
    const seen = count ? ` ${t(days === 7 ? 'rcSeenWeek' : 'rcSeenDays', { count, days })}` : '';
    this.#ctx.announce(t('rcChosen', { cause: match.cause.label, department: this.#ctx.department() }) + seen);
  }

  /** The cause suggested for the facts now (once the index is built), or null. */
  get suggestion(): CauseSuggestion | null {
    const facts = this.#ctx.facts();
    return facts && this.search.suggest(facts.incidents, this.#ctx.seen, [facts.counts, facts.policy]);
  }

  /** Fill the suggested cause into a draft that has none and had no suggestion yet (once per interaction). */
  fill(): void {
    const d = this.#ctx.draft();
    if (d.causeId || d.query || d.suggested !== undefined) return;
    const s = this.suggestion;
    if (s) this.#ctx.update({ causeId: s.causeId, query: s.label, suggested: s.causeId });
  }

  /** The hint under a suggested cause, while the suggestion stands. */
  hint(): TemplateResult | typeof nothing {
    const d = this.#ctx.draft();
    const s = d.suggested && d.suggested === d.causeId ? this.suggestion : null;
    return s ? html`<p id="cause-hint" part="hint suggestion">${this.#ctx.t('rcSuggested', { category: s.category })}</p>` : nothing;
  }

  /** The options listed now (while the list is open). */
  options(): TemplateResult[] | typeof nothing {
    const combo = this.search.combo;
    return combo.open
      ? this.search.results.map(
          (m, i) => html`<li
            id=${combo.optionId(i)}
            part="option"
            role="option"
            aria-selected=${i === combo.active ? 'true' : 'false'}
            @mousedown=${combo.keepFocus}
            @click=${() => combo.pick(i)}
          >
            <span>${m.cause.label}</span>
            <span part="option-meta">${m.cause.category} · ${m.department?.name ?? m.cause.departmentId}</span>
          </li>`,
        )
      : nothing;
  }
}
