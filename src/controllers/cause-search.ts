/**
 * The root-cause type-ahead: a {@link ComboboxController} over the taxonomy's search index
 * (`base/taxonomy-index.ts`). The index is prepared when the page is idle after a render; when the
 * agent types before its code is loaded, it loads at once and `searching` is true until the list
 * follows what was typed by then (the widget shows it as `aria-busy` on its input).
 *
 * Typed against `ReactiveControllerHost & HTMLElement`; the widget renders `results` with
 * `combo` and says what choosing and clearing mean.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Incident, Taxonomy } from '../core/model.js';
import { suggestCause, type CauseSuggestion, type Seen } from '../core/root-cause-suggest.js';
import type { RootCauseMatch } from '../core/taxonomy-search.js';
import { indexNow, prepareIndex } from '../base/taxonomy-index.js';
import { ComboboxController } from './combobox.js';

export interface CauseSearchOptions {
  /** Prefix of the option ids (see {@link ComboboxController}). */
  id: string;
  taxonomy: () => Taxonomy | undefined;
  /** What the agent has typed now. */
  query: () => string;
  choose: (match: RootCauseMatch) => void;
  /** Escape on a closed list: clear the text; returns whether there was any. */
  clear: () => boolean;
  /** Say how many causes match `query` (count 0: none). */
  found: (count: number) => void;
  /** Most options listed. Default 20. */
  limit?: number;
  /** Highlight the first match as the agent types (see {@link ComboboxController}). */
  highlightFirst?: boolean;
}

export class CauseSearchController implements ReactiveController {
  /** The options listed now. */
  results: RootCauseMatch[] = [];
  /** The agent typed before the search code was loaded: the list follows once it is. */
  searching = false;
  readonly combo: ComboboxController<RootCauseMatch>;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: CauseSearchOptions;
  /** Keys pressed while the list was still being searched: replayed, in order, once it is. */
  #keys: KeyboardEvent[] = [];
  /** The taxonomy whose index is built (the host updated once it was). */
  #ready: Taxonomy | null = null;
  #asked: Taxonomy | null = null;
  #suggestion: { args: unknown[]; value: CauseSuggestion | null } | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CauseSearchOptions) {
    this.#host = host;
    this.#options = options;
    this.combo = new ComboboxController<RootCauseMatch>(host, {
      id: options.id,
      options: () => this.results,
      listAll: () => this.search(options.query(), true),
      choose: options.choose,
      highlightFirst: options.highlightFirst,
      clear: () => {
        const had = options.clear();
        if (had) this.#set([]);
        return had;
      },
    });
    host.addController(this);
  }

  /** The input's `keydown`: the combobox's keys, held while a search is on its way. */
  onKeyDown(event: KeyboardEvent): void {
    if (!this.searching) return this.combo.onKeyDown(event);
    if (['ArrowDown', 'ArrowUp', 'Enter', 'Home', 'End'].includes(event.key)) event.preventDefault();
    this.#keys.push(event);
  }

  /** List the causes matching `query` (`all`: every cause for an empty query) and open the list. */
  search(query: string, all = false): void {
    const taxonomy = this.#options.taxonomy();
    if (!taxonomy) return;
    const index = indexNow(taxonomy);
    if (!index) {
      if (this.searching) return; // the search under way searches for the latest query when the index is in
      this.searching = true;
      this.#host.requestUpdate();
      const done = () => {
        this.searching = false;
        this.#host.requestUpdate();
      };
      prepareIndex(taxonomy, true).then(() => {
        this.#ready = taxonomy;
        done();
        if (this.#options.taxonomy() === taxonomy) this.search(this.#options.query(), all);
        for (const key of this.#keys.splice(0)) this.onKeyDown(key);
      }, () => {
        this.#keys = [];
        done();
      });
      return;
    }
    this.#set(all || query.trim() ? index.search(query, this.#options.limit ?? 20) : []);
    this.combo.listed();
    if (query.trim()) this.#options.found(this.results.length);
  }

  /** Closed and empty (a new interaction). */
  reset(): void {
    this.combo.close();
    this.#set([]);
  }

  /**
   * The cause to suggest for the customer's open incidents (`suggestCause`), once the index is built
   * (null before; the host updates when it is). Computed again only when `incidents` or `inputs`
   * (what `seen` depends on) change.
   */
  suggest(incidents: readonly Incident[] | undefined, seen: Seen, inputs: readonly unknown[]): CauseSuggestion | null {
    const taxonomy = this.#options.taxonomy();
    if (!taxonomy || this.#ready !== taxonomy) return null;
    const args = [taxonomy, incidents, ...inputs];
    const last = this.#suggestion;
    if (last && args.length === last.args.length && args.every((a, i) => a === last.args[i])) return last.value;
    const value = suggestCause(incidents, indexNow(taxonomy)!, seen);
    this.#suggestion = { args, value };
    return value;
  }

  hostUpdated(): void {
    const taxonomy = this.#options.taxonomy();
    if (!taxonomy || this.#asked === taxonomy) return;
    this.#asked = taxonomy;
    // Idle time (typing loads it at once); the host updates once it is there, for the suggestion.
    prepareIndex(taxonomy).then(
      () => {
        this.#ready = taxonomy;
        this.#host.requestUpdate();
      },
      () => (this.#asked = null),
    );
  }

  #set(results: RootCauseMatch[]): void {
    this.results = results;
    this.#host.requestUpdate();
  }
}
