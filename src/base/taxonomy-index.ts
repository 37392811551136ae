/**
 * The root-cause search index, loaded and built off the first render: one index per taxonomy
 * object, shared by every widget on the page. The search code (`core/taxonomy-search.ts`) is loaded
 * when the page is idle or when the agent starts typing, whichever comes first; the index is then
 * built a slice at a time within each idle period (at least one slice of about 2,000 causes), so
 * over a large taxonomy no single task blocks the agent's typing. A widget that needs it sooner
 * (the agent typed) finishes the same build at once.
 *
 * `taxonomy-lookup.ts` answers "which cause has this id, which department" without it.
 */
import type { Taxonomy } from '../core/model.js';
import type { TaxonomyIndex } from '../core/taxonomy-search.js';
import { load, part } from '../controllers/on-demand.js';

type Search = typeof import('../core/taxonomy-search.js');
type Steps = Generator<void, TaxonomyIndex, void>;

const indexes = new WeakMap<Taxonomy, TaxonomyIndex>();
/** Builds under way in idle time: a widget that needs the index sooner finishes the same one. */
const building = new WeakMap<Taxonomy, Steps>();
const pending = new WeakMap<Taxonomy, Promise<TaxonomyIndex>>();
/** The search code, loaded once (again after a failed load). */
const searchCode = part<Search>(() => import('../core/taxonomy-search.js'));

/** Runs the build's steps to the end, or until the clock passes `until`; the index once done. */
function finish(taxonomy: Taxonomy, steps: Steps, until = Infinity): TaxonomyIndex | null {
  for (;;) {
    const step = steps.next();
    if (step.done) {
      indexes.set(taxonomy, step.value);
      building.delete(taxonomy);
      return step.value;
    }
    if (performance.now() >= until) return null;
  }
}

const later = (run: (budget: number) => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback((deadline) => run(deadline.timeRemaining()), { timeout: 2000 })
    : setTimeout(() => run(8), 16);

/**
 * The index of `taxonomy` now: built (to the end, at once) when the search code is loaded,
 * otherwise null (then {@link prepareIndex} with `urgent` says when it is there).
 */
export function indexNow(taxonomy: Taxonomy): TaxonomyIndex | null {
  const done = indexes.get(taxonomy);
  const search = searchCode.value;
  if (done || !search) return done ?? null;
  return finish(taxonomy, building.get(taxonomy) ?? search.taxonomyIndexSteps(taxonomy));
}

/**
 * Resolves with the index of `taxonomy`: loaded and built in idle time, or, `urgent` (the agent is
 * typing), as soon as the search code is loaded.
 */
export function prepareIndex(taxonomy: Taxonomy, urgent = false): Promise<TaxonomyIndex> {
  const done = indexes.get(taxonomy);
  if (done) return Promise.resolve(done);
  if (urgent) return load(searchCode).then(() => indexNow(taxonomy)!);
  let ready = pending.get(taxonomy);
  if (!ready) {
    ready = new Promise<TaxonomyIndex>((resolve, reject) => {
      later(() =>
        load(searchCode).then((m) => {
          if (indexes.has(taxonomy)) return resolve(indexes.get(taxonomy)!);
          const steps = building.get(taxonomy) ?? m.taxonomyIndexSteps(taxonomy);
          building.set(taxonomy, steps);
          const slice = (budget: number) => {
            // Finished on demand meanwhile: that index is the one.
            const index = building.get(taxonomy) !== steps ? indexes.get(taxonomy) : finish(taxonomy, steps, performance.now() + budget - 2);
            if (index) resolve(index);
            else later(slice);
          };
          later(slice);
        }, reject),
      );
    });
    ready.catch(() => pending.delete(taxonomy)); // tried again on the next call
    pending.set(taxonomy, ready);
  }
  return ready;
}
