/**
 * The logger's type-ahead on demand: `root-cause-logger.typeahead.ts` (the search, its options, the
 * suggested cause) loads when the page is idle or when the agent first types, whichever comes
 * first; what the agent typed or pressed meanwhile is handled once it is in (`loading` is true until
 * then: the input is `aria-busy`). A helper of the element, with no lifecycle of its own.
 */
import type { ReactiveControllerHost } from 'lit';
import { load, part as onDemandPart } from '../../controllers/on-demand.js';
import type { LoggerTypeahead, TypeaheadContext } from './root-cause-logger.typeahead.js';

const typeahead = onDemandPart(() => import('./root-cause-logger.typeahead.js'));

export class TypeaheadLoader {
  /** The type-ahead once loaded. */
  typeahead: LoggerTypeahead | null = null;
  /** The agent typed before it was loaded. */
  loading = false;
  #idle = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #context: TypeaheadContext;

  constructor(host: ReactiveControllerHost & HTMLElement, context: TypeaheadContext) {
    this.#host = host;
    this.#context = context;
  }

  /** Load it when the page is next idle; once. */
  whenIdle(): void {
    if (this.#idle) return;
    this.#idle = true;
    const load = () => {
      // A logger removed meanwhile loads and prepares nothing (it asks again when it is back).
      if (!this.#host.isConnected) return void (this.#idle = false);
      void this.load().catch(() => {});
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 500 });
    else setTimeout(load, 16);
  }

  load(): Promise<LoggerTypeahead> {
    return load(typeahead).then(({ LoggerTypeahead }) => {
      if (!this.typeahead) {
        this.typeahead = new LoggerTypeahead(this.#host, this.#context);
        this.#host.requestUpdate(); // its index is prepared after the next update, in idle time
      }
      return this.typeahead;
    });
  }

  /** Run `task` on the search, loading it first if the agent is quicker than the idle time. */
  #with(task: (search: LoggerTypeahead['search']) => void): void {
    if (this.typeahead) return task(this.typeahead.search);
    this.loading = true;
    this.#host.requestUpdate();
    const done = () => {
      this.loading = false;
      this.#host.requestUpdate();
    };
    this.load().then((ta) => {
      done();
      task(ta.search);
    }, done);
  }

  /** The input's `keydown`. */
  onKey(event: KeyboardEvent): void {
    // Keys the list will own must not reach the form (Enter would submit it) while it loads.
    const d = this.#context.draft();
    if (!this.typeahead && ['ArrowDown', 'ArrowUp', 'Enter'].includes(event.key) && d.query && !d.causeId) event.preventDefault();
    this.#with((search) => search.onKeyDown(event));
  }

  /** The input's `input`: the text is the query; it un-chooses a chosen cause unless it is still its label. */
  onInput(event: Event, label: (causeId: string) => string | undefined): void {
    const query = (event.target as HTMLInputElement).value;
    const { causeId, suggested } = this.#context.draft();
    // The agent typed here: what is in the field is theirs, no suggestion replaces it afterwards.
    this.#context.update({ query, causeId: causeId && label(causeId) === query ? causeId : '', suggested: suggested ?? '' });
    this.#with((search) => search.search(query));
  }
}
