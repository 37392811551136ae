/**
 * Every decision of the core returns its reasons as data: which rule of the domain (R1-R13) it
 * applied, a stable code a widget can translate, the facts it used, and a plain-English default.
 */

export const RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Reason {
  rule: RuleId;
  /** Stable machine code, e.g. `unresolved_recent`, `over_threshold`. */
  code: string;
  /** The facts the decision used (amounts are integer minor units). */
  facts: Record<string, string | number | boolean>;
  /** Plain-English default explanation. Widgets may build their own text from `code` and `facts`. */
  text: string;
}

/** Builds a reason. */
export function reason(rule: RuleId, code: string, text: string, facts: Reason['facts'] = {}): Reason {
  return { rule, code, facts, text };
}

/** "1 incident", "2 incidents". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
