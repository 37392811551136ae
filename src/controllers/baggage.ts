/**
 * The ONE baggage assessment per customer history, shared by the banner and the picker: two widgets
 * showing the same customer compute it once. Memoized by the history object (replace, never mutate
 * it), the policy object and the day, so "3 days ago" moves on at midnight (UTC).
 */
import { assessBaggage, type BaggageAssessment, type BaggageOptions } from '../core/baggage.js';
import type { CustomerHistory } from '../core/model.js';

interface Memo {
  policy: BaggageOptions | undefined;
  day: number;
  value: BaggageAssessment;
}

const memo = new WeakMap<CustomerHistory, Memo[]>();
const KEEP = 4;

export function baggageFor(history: CustomerHistory, policy?: BaggageOptions, now: number = Date.now()): BaggageAssessment {
  const day = Math.floor(now / 86_400_000);
  let list = memo.get(history);
  const hit = list?.find((m) => m.policy === policy && m.day === day);
  if (hit) return hit.value;
  const value = assessBaggage(history.incidents ?? [], now, policy);
  if (!list) memo.set(history, (list = []));
  list.unshift({ policy, day, value });
  if (list.length > KEEP) list.length = KEEP;
  return value;
}
