/**
 * The team lead's recovery report (R6, R8): what was given, by reason and by agent, the fund spent
 * against the period, and root causes by responsible department per week with the top recurring
 * ones and their trend. Pure: rows in, numbers out (integer minor units), no Lit, no DOM.
 */
import type { Agent, Department } from './model.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** One spend of the period (what a host's report gives). */
export interface SpendRow {
  agentId: string;
  /** ISO 8601. */
  at: string;
  amount: number;
  reason: string;
  status: 'done' | 'pending_approval';
}

/** One root cause logged in the period. */
export interface CauseRow {
  at: string;
  causeId: string;
  label: string;
  departmentId: string;
}

/** A report's rows, as a host gives them (`getReport`). */
export interface ReportInput {
  from: string;
  to: string;
  currency: string;
  /** The team's fund for the period. */
  budget: number;
  agents: Agent[];
  departments: Department[];
  spends: SpendRow[];
  causes: CauseRow[];
}

export interface ReasonTotal {
  reason: string;
  amount: number;
  count: number;
}

/** One bar: an agent's total, stacked by reason (the same reason order as `reasons`). */
export interface AgentBar {
  agentId: string;
  name: string;
  total: number;
  parts: ReasonTotal[];
}

export interface BurnPoint {
  /** ISO 8601, the end of the day. */
  at: string;
  /** Fund left after what was given up to then. */
  remaining: number;
  /** Where an even spend over the period would be. */
  ideal: number;
}

export interface DepartmentWeeks {
  departmentId: string;
  name: string;
  /** Causes logged in each week of `weeks`. */
  counts: number[];
  total: number;
}

export const TRENDS = ['rising', 'steady', 'falling'] as const;
export type Trend = (typeof TRENDS)[number];

export interface RecurringCause {
  causeId: string;
  label: string;
  departmentId: string;
  counts: number[];
  total: number;
  trend: Trend;
}

export interface RecoveryReport {
  from: string;
  to: string;
  currency: string;
  budget: number;
  /** Given and still pending approval, in the period. */
  given: number;
  pending: number;
  /** Reasons, largest total first. */
  byReason: ReasonTotal[];
  /** Agents, largest total first; each bar's parts follow `byReason`'s order. */
  byAgent: AgentBar[];
  burnDown: BurnPoint[];
  /** Start of each week (ISO 8601) of the period. */
  weeks: string[];
  byDepartment: DepartmentWeeks[];
  topRecurring: RecurringCause[];
}

const time = (iso: string) => Date.parse(iso);

/** What was given (done) by reason, largest first (ties by reason code). */
export function givenByReason(spends: readonly SpendRow[]): ReasonTotal[] {
  const totals = new Map<string, ReasonTotal>();
  for (const s of spends) {
    if (s.status !== 'done') continue;
    const t = totals.get(s.reason) ?? { reason: s.reason, amount: 0, count: 0 };
    t.amount += s.amount;
    t.count++;
    totals.set(s.reason, t);
  }
  return [...totals.values()].sort((a, b) => b.amount - a.amount || a.reason.localeCompare(b.reason));
}

/** What each agent gave (done), stacked by reason in `reasons`' order; agents who gave nothing show 0. */
export function givenByAgent(spends: readonly SpendRow[], agents: readonly Agent[], reasons: readonly string[] = givenByReason(spends).map((r) => r.reason)): AgentBar[] {
  const known = new Map(agents.map((a) => [a.id, a.name]));
  for (const s of spends) if (!known.has(s.agentId)) known.set(s.agentId, s.agentId);
  const bars = [...known].map(([agentId, name]): AgentBar => {
    const mine = spends.filter((s) => s.agentId === agentId);
    const totals = new Map(givenByReason(mine).map((r) => [r.reason, r]));
    const parts = reasons.map((reason) => totals.get(reason) ?? { reason, amount: 0, count: 0 });
    return { agentId, name, total: parts.reduce((n, p) => n + p.amount, 0), parts };
  });
  return bars.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/**
 * The fund left at the end of each day of the period, up to `now` (the future is not drawn), and
 * the even-spend line to compare against.
 */
export function burnDown(spends: readonly SpendRow[], budget: number, from: string, to: string, now: number): BurnPoint[] {
  const start = time(from);
  const end = time(to);
  if (!(start < end)) return [];
  const days = Math.max(1, Math.ceil((end - start) / DAY));
  const done = spends.filter((s) => s.status === 'done').map((s) => ({ t: time(s.at), amount: s.amount }));
  const points: BurnPoint[] = [{ at: new Date(start).toISOString(), remaining: budget, ideal: budget }];
  for (let d = 1; d <= days; d++) {
    const at = Math.min(start + d * DAY, end);
    if (at - DAY > now) break;
    const spent = done.reduce((n, s) => (s.t < at && s.t >= start ? n + s.amount : n), 0);
    points.push({ at: new Date(at).toISOString(), remaining: budget - spent, ideal: Math.round(budget - (budget * (at - start)) / (end - start)) });
  }
  return points;
}

/** The start of each week from `from` up to `to` (7-day buckets; at least one). */
export function weeksOf(from: string, to: string): string[] {
  const start = time(from);
  const end = time(to);
  const weeks: string[] = [];
  for (let t = start; t < end || weeks.length === 0; t += WEEK) weeks.push(new Date(t).toISOString());
  return weeks;
}

function bucket(at: string, from: string, weeks: number): number {
  const i = Math.floor((time(at) - time(from)) / WEEK);
  return i >= 0 && i < weeks ? i : -1;
}

/** Root causes per responsible department per week (R8), departments with most causes first. */
export function causesByDepartment(causes: readonly CauseRow[], departments: readonly Department[], from: string, to: string): DepartmentWeeks[] {
  const weeks = weeksOf(from, to).length;
  const rows = new Map<string, DepartmentWeeks>(departments.map((d) => [d.id, { departmentId: d.id, name: d.name, counts: Array(weeks).fill(0), total: 0 }]));
  for (const c of causes) {
    const i = bucket(c.at, from, weeks);
    if (i < 0) continue;
    let row = rows.get(c.departmentId);
    if (!row) rows.set(c.departmentId, (row = { departmentId: c.departmentId, name: c.departmentId, counts: Array(weeks).fill(0), total: 0 }));
    row.counts[i]!++;
    row.total++;
  }
  return [...rows.values()].filter((r) => r.total > 0).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/**
 * The trend of weekly counts: the last week against the mean of the weeks before it (rising above
 * 125 % of it, falling below 75 %); one week is steady.
 */
export function trendOf(counts: readonly number[]): Trend {
  if (counts.length < 2) return 'steady';
  const last = counts[counts.length - 1]!;
  const before = counts.slice(0, -1);
  const mean = before.reduce((n, c) => n + c, 0) / before.length;
  if (last > mean * 1.25 && last - mean >= 1) return 'rising';
  if (last < mean * 0.75 && mean - last >= 1) return 'falling';
  return 'steady';
}

/** The causes logged most often in the period (at least twice), with their weekly counts and trend. */
export function topRecurring(causes: readonly CauseRow[], from: string, to: string, limit = 5): RecurringCause[] {
  const weeks = weeksOf(from, to).length;
  const rows = new Map<string, RecurringCause>();
  for (const c of causes) {
    const i = bucket(c.at, from, weeks);
    if (i < 0) continue;
    let row = rows.get(c.causeId);
    if (!row) rows.set(c.causeId, (row = { causeId: c.causeId, label: c.label, departmentId: c.departmentId, counts: Array(weeks).fill(0), total: 0, trend: 'steady' }));
    row.counts[i]!++;
    row.total++;
  }
  return [...rows.values()]
    .filter((r) => r.total >= 2)
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map((r) => ({ ...r, trend: trendOf(r.counts) }));
}

/** The whole report from a host's rows. */
export function buildReport(input: ReportInput, now: number): RecoveryReport {
  const byReason = givenByReason(input.spends);
  const sum = (status: SpendRow['status']) => input.spends.reduce((n, s) => (s.status === status ? n + s.amount : n), 0);
  return {
    from: input.from,
    to: input.to,
    currency: input.currency,
    budget: input.budget,
    given: sum('done'),
    pending: sum('pending_approval'),
    byReason,
    byAgent: givenByAgent(input.spends, input.agents, byReason.map((r) => r.reason)),
    burnDown: burnDown(input.spends, input.budget, input.from, input.to, now),
    weeks: weeksOf(input.from, input.to),
    byDepartment: causesByDepartment(input.causes, input.departments, input.from, input.to),
    topRecurring: topRecurring(input.causes, input.from, input.to),
  };
}
