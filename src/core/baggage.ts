/**
 * Customer baggage (R4, R5, R11, R12): past bad experiences pulled forward to the agent, with how
 * heavy they are and why, what to mention, what was already given, what to say, and whether the
 * customer should get a callback.
 */
import { DEFAULT_SEVERITIES, type BaggageLevel, type BaggagePolicy, type Incident, type RemedyGiven, type Severity } from './model.js';
import { DEFAULT_BAGGAGE_POLICY } from './baggage-policy.js';
import { formatMoney } from './money.js';
import { plural, reason, type Reason } from './reasons.js';

export { DEFAULT_BAGGAGE_POLICY };

/**
 * Points per incident inside the window (baggage is heavy at `heavyPoints`, 4 by default):
 * any incident 1, recent (within `recentDays`) +1, unresolved +2, top severity +1,
 * poor survey score (<= `poorScore`) +2. So one recent unresolved incident is already heavy,
 * one old resolved one is light.
 */
export const BAGGAGE_WEIGHTS = Object.freeze({ incident: 1, recent: 1, unresolved: 2, highSeverity: 1, poorSurvey: 2 });

/** How many incidents `notable` holds, and how many remedies `remediesGiven` holds (most recent first). */
export const NOTABLE_MAX = 3;
export const REMEDIES_MAX = 10;

export const TALKING_BEHAVIOURS = ['acknowledge', 'own', 'transparent'] as const;
export type TalkingBehaviour = (typeof TALKING_BEHAVIOURS)[number];

export interface TalkingPoint {
  behaviour: TalkingBehaviour;
  /** Stable code a widget can translate (string key `talk.<code>`), e.g. `own_open`. */
  code: string;
  /**
   * The facts the words use: `category`, `days` (whole days ago), `remedy` (the label of the last
   * remedy given), `remedies` (everything given that last time: labels with amounts, comma-separated).
   */
  facts: Record<string, string | number>;
  /**
   * Words the agent may say aloud as they are: sentence case, the incident in plain words, in the
   * first person ("I"), never blaming the customer (R11), never a rule code.
   */
  text: string;
  incidentId?: string;
}

export interface BaggageAssessment {
  level: BaggageLevel;
  points: number;
  reasons: Reason[];
  /** The incidents most worth mentioning (unresolved, poorly rated, severe, recent first), at most 3. */
  notable: Incident[];
  /** Remedies already given within the window, most recent first (at most 10). */
  remediesGiven: RemedyGiven[];
  /** At least one per behaviour when the level is not none. */
  talkingPoints: TalkingPoint[];
  /** R5: severe dissatisfaction in a recent survey. */
  callback: { recommended: boolean; reasons: Reason[]; incidentId?: string };
  /** Incidents within the window. */
  considered: number;
}

export type BaggageOptions = Partial<BaggagePolicy> & {
  /** The policy's severity ladder; its last level counts as high severity. Default low/medium/high. */
  severities?: readonly Severity[];
};

const DAY = 86_400_000;

/** "today", "yesterday", "3 days ago", "last week", "3 weeks ago", "last month", "5 months ago". */
export function ago(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  if (days < 7) return `${Math.floor(days)} days ago`;
  if (days < 14) return 'last week';
  if (days < 30) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 60) return 'last month';
  return `${Math.floor(days / 30)} months ago`;
}

interface Scored {
  incident: Incident;
  t: number;
  rank: number;
}

// Higher rank is more worth mentioning: unresolved, then poorly rated, then severe, then recent.
function better(a: Scored, b: Scored): boolean {
  return a.rank !== b.rank ? a.rank > b.rank : a.t !== b.t ? a.t > b.t : a.incident.id < b.incident.id;
}

// The lowest score, then the most recent, then the smaller id: the same answer in any order.
function worseRated(a: Scored, b: Scored): boolean {
  const x = a.incident.surveyScore!;
  const y = b.incident.surveyScore!;
  return x !== y ? x < y : a.t !== b.t ? a.t > b.t : a.incident.id < b.incident.id;
}

function insertTop<T>(top: T[], item: T, max: number, before: (a: T, b: T) => boolean): void {
  let i = top.length;
  while (i > 0 && before(item, top[i - 1]!)) i--;
  if (i < max) {
    top.splice(i, 0, item);
    if (top.length > max) top.pop();
  }
}

/** The number written by `length` digits of `s` from `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The instant of an ISO 8601 date-time, in ms, as `Date.parse` reads it. The shape every host sends
 * (`toISOString`: `2026-03-01T12:00:00.000Z`, or without the fraction) is read field by field, each
 * in its range; anything else goes to `Date.parse`. The same answer, several times faster: it is the
 * assessment's one cost per incident (10,000 incidents, R4).
 */
export function isoTime(iso: string): number {
  const n = typeof iso === 'string' ? iso.length : 0;
  if ((n === 24 || n === 20) && iso[n - 1] === 'Z' && iso[4] === '-' && iso[7] === '-' && iso[10] === 'T' && iso[13] === ':' && iso[16] === ':') {
    const year = digits(iso, 0, 4);
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    const hour = digits(iso, 11, 2);
    const minute = digits(iso, 14, 2);
    const second = digits(iso, 17, 2);
    const ms = n === 20 ? 0 : iso[19] === '.' ? digits(iso, 20, 3) : -1;
    const days = month === 2 ? (year % 4 || (year % 100 === 0 && year % 400) ? 28 : 29) : 30 + ((month + (month >> 3)) & 1);
    // Date.UTC reads years 0-99 as 1900-1999: those go to Date.parse.
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= days && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && ms >= 0) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(iso);
}

/**
 * Assesses a customer's baggage from their incident history, in one pass (10,000 incidents in a
 * few milliseconds). Incidents outside `windowDays` or with unreadable dates are ignored.
 * Deterministic: the same incidents (in any order), time and policy give the same answer.
 */
export function assessBaggage(incidents: readonly Incident[], now: Date | number, options: BaggageOptions = {}): BaggageAssessment {
  const p = { ...DEFAULT_BAGGAGE_POLICY, ...options };
  const ladder = options.severities?.length ? options.severities : DEFAULT_SEVERITIES;
  const top = ladder[ladder.length - 1];
  const t0 = typeof now === 'number' ? now : now.getTime();
  const W = BAGGAGE_WEIGHTS;

  let considered = 0;
  let points = 0;
  let unresolvedRecent = 0;
  let unresolvedOlder = 0;
  let severe = 0;
  let poor: Scored | undefined;
  let callback: Scored | undefined;
  const notable: Scored[] = [];
  const remedies: Array<{ r: RemedyGiven; t: number; id: string; i: number }> = [];

  for (const incident of incidents) {
    const t = isoTime(incident.occurredAt);
    if (!Number.isFinite(t)) continue;
    const days = Math.max(0, (t0 - t) / DAY);
    if (days > p.windowDays) continue;
    considered++;
    const recent = days <= p.recentDays;
    const high = incident.severity === top;
    const score = typeof incident.surveyScore === 'number' ? incident.surveyScore : null;
    const poorlyRated = score !== null && score <= p.poorScore;
    points += W.incident + (recent ? W.recent : 0) + (incident.resolved ? 0 : W.unresolved) + (high ? W.highSeverity : 0) + (poorlyRated ? W.poorSurvey : 0);
    if (!incident.resolved) recent ? unresolvedRecent++ : unresolvedOlder++;
    if (high) severe++;
    const s: Scored = { incident, t, rank: (incident.resolved ? 0 : 8) + (poorlyRated ? 4 : 0) + (high ? 2 : 0) + (recent ? 1 : 0) };
    if (poorlyRated && recent && (!poor || worseRated(s, poor))) poor = s;
    if (score !== null && score <= p.severeScore && days <= p.callbackDays && (!callback || better(s, callback))) callback = s;
    insertTop(notable, s, NOTABLE_MAX, better);
    const given = incident.remedies;
    // Most recent first; skip without allocating when older than the 10 kept.
    if (given?.length && (remedies.length < REMEDIES_MAX || t >= remedies[REMEDIES_MAX - 1]!.t)) {
      for (let i = 0; i < given.length; i++) {
        insertTop(remedies, { r: given[i]!, t, id: incident.id, i }, REMEDIES_MAX, (a, b) =>
          a.t !== b.t ? a.t > b.t : a.id !== b.id ? a.id < b.id : a.i < b.i,
        );
      }
    }
  }

  const level: BaggageLevel = considered === 0 ? 'none' : points >= p.heavyPoints ? 'heavy' : 'light';
  const reasons: Reason[] = [];
  if (unresolvedRecent) {
    reasons.push(
      reason('R4', 'unresolved_recent', `${plural(unresolvedRecent, 'unresolved incident')} in ${p.recentDays} days`, { count: unresolvedRecent, days: p.recentDays }),
    );
  }
  if (unresolvedOlder) {
    reasons.push(
      reason('R4', 'unresolved_older', `${plural(unresolvedOlder, 'older incident')} still unresolved`, { count: unresolvedOlder, days: p.windowDays }),
    );
  }
  if (poor) {
    const d = (t0 - poor.t) / DAY;
    reasons.push(
      reason('R4', 'poor_survey', `Rated ${poor.incident.surveyScore} of 5 ${ago(d)}`, {
        score: poor.incident.surveyScore!,
        of: 5,
        days: Math.floor(Math.max(0, d)),
        incidentId: poor.incident.id,
      }),
    );
  }
  if (severe) {
    reasons.push(reason('R4', 'high_severity', `${plural(severe, `${top}-severity incident`)} in ${p.windowDays} days`, { count: severe, severity: String(top), days: p.windowDays }));
  }
  if (considered) {
    reasons.push(reason('R4', 'incidents_in_window', `${plural(considered, 'past incident')} in ${p.windowDays} days`, { count: considered, days: p.windowDays, points }));
    reasons.push(
      reason(
        'R12',
        'recovery_opportunity',
        'Most unhappy customers never complain and many leave after one bad experience; acknowledging it and recovering well can raise loyalty.',
        { level },
      ),
    );
  }

  const callbackReasons: Reason[] = [];
  if (callback) {
    const d = (t0 - callback.t) / DAY;
    callbackReasons.push(
      reason(
        'R5',
        'severe_dissatisfaction',
        `Rated ${callback.incident.surveyScore} of 5 ${ago(d)}: a callback from selected staff can hear what went wrong and find its root cause`,
        { score: callback.incident.surveyScore!, of: 5, days: Math.floor(Math.max(0, d)), incidentId: callback.incident.id, severeScore: p.severeScore },
      ),
    );
  }

  const first = notable[0];
  // Everything given the last time something was given (the remedies of the most recent such incident).
  const last = remedies.filter((x) => x.id === remedies[0]?.id).map((x) => x.r);
  return {
    level,
    points,
    reasons,
    notable: notable.map((s) => s.incident),
    remediesGiven: remedies.map((x) => x.r),
    talkingPoints: level === 'none' || !first ? [] : talkingPoints(first, (t0 - first.t) / DAY, last),
    callback: callback ? { recommended: true, reasons: callbackReasons, incidentId: callback.incident.id } : { recommended: false, reasons: [] },
    considered,
  };
}

/** A label as words inside a sentence: "Damaged item" becomes "damaged item" (an acronym such as "IT" stays). */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** "a" or "an", by how the next word sounds (vowel letters; 8, 11 and 18 said as numbers). */
function article(next: string): string {
  const bare = next.replace(/^[^\p{L}\p{N}]+/u, '');
  return /^([aeio]|u(?!ni|se|su)|8|1[18](?!\d))/i.test(bare) ? 'an' : 'a';
}

/** A money amount as said aloud: no ".00" on a whole amount ("$15", "$7.99"). */
function spoken(r: RemedyGiven): string {
  try {
    return formatMoney(r.amount!, r.currency || 'USD', 'en-US').replace(/\.0+$/, '');
  } catch {
    return `${r.amount} ${r.currency ?? ''}`.trim();
  }
}

/**
 * What was given, in words to say: "an apology", "a $15 goodwill credit"; a label that says what
 * was done ("Shipping fee waived") becomes "the $7.99 shipping fee waived".
 */
function given(r: RemedyGiven): string {
  const label = inSentence(String(r.label ?? r.kind ?? '').trim());
  const words = typeof r.amount === 'number' ? `${spoken(r)} ${label}` : label;
  return `${/ed$/i.test(label) ? 'the' : article(words)} ${words}`;
}

/** "a", "a and b", "a, b and c". */
function and(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The three behaviours that work (R4), in the first person and never blaming the customer (R11),
 * ready to say aloud: the incident in plain words ("the damaged item"), everything given last time.
 * They name the category, not the customer's own words, so that they read as the agent's speech.
 */
function talkingPoints(s: Scored, days: number, last: readonly RemedyGiven[]): TalkingPoint[] {
  const incidentId = s.incident.id;
  const category = s.incident.category.trim();
  const remedy = last[0]?.label.trim() ?? '';
  const remedies = last.map((r) => (typeof r.amount === 'number' ? `${r.label.trim()} (${spoken(r)})` : r.label.trim())).join(', ');
  const facts = { category, days: Math.floor(Math.max(0, days)), remedy, remedies };
  const point = (behaviour: TalkingBehaviour, code: string, text: string): TalkingPoint => ({ behaviour, code, facts, text, incidentId });
  const what = category ? `a problem with the ${inSentence(category)}` : 'a problem';
  return [
    point('acknowledge', 'acknowledge', `I can see you had ${what} ${ago(days)}, and I'm sorry. I can hear how frustrating that has been.`),
    s.incident.resolved
      ? point('own', 'own_resolved', "That should not have happened, and I'm going to make sure today goes right.")
      : point('own', 'own_open', "That issue is still open. I'm taking responsibility for it now and I'll see it through."),
    last.length
      ? point('transparent', 'transparent_remedy', `Last time we offered ${and(last.map(given))}. I'll tell you exactly what I can do today and what happens next.`)
      : point('transparent', 'transparent', "I'll tell you exactly what happened, what I can do today and what happens next."),
  ];
}
