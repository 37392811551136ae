/**
 * Cause and department by id, without the search index (`taxonomy-index.ts`, loaded on demand): a
 * plain scan of the taxonomy, so a restored draft shows its cause and routing at first render. The
 * last answer is kept, so renders of the same chosen cause scan once.
 */
import type { Department, RootCause, Taxonomy } from '../core/model.js';
import type { TaxonomyIndex } from '../core/taxonomy-search.js';

let last: { taxonomy: Taxonomy; id: string; cause: RootCause | undefined } | null = null;

export function lookup(taxonomy: Taxonomy): Pick<TaxonomyIndex, 'byId' | 'department'> {
  return {
    byId: (id) => {
      if (last?.taxonomy !== taxonomy || last.id !== id) last = { taxonomy, id, cause: taxonomy.causes.find((c) => c.id === id) };
      return last.cause;
    },
    department: (id): Department | undefined => taxonomy.departments.find((d) => d.id === id),
  };
}
