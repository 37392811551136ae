/**
 * The root-cause log as the agent fills it in (R8): what was typed for one interaction, which
 * required fields are missing, the log it becomes, and its form value (JSON) and back. Pure: the
 * `<mend-root-cause-logger>` keeps a draft per interaction and renders it.
 */
import type { RootCauseLog } from '../adapter/host-adapter.js';
import type { Interaction } from './model.js';

export const ROOT_CAUSE_FIELDS = ['problem', 'cause', 'department', 'resolution'] as const;
export type RootCauseField = (typeof ROOT_CAUSE_FIELDS)[number];

/** What the agent typed for one interaction (kept across reloads). */
export interface RootCauseDraft {
  problem: string;
  /** The agent wrote the problem (a pre-filled subject is not): it is never replaced. */
  problemEdited?: boolean;
  query: string;
  causeId: string;
  /** '' follows the root cause's routing; otherwise the agent's override. */
  departmentId: string;
  resolution: string;
  resolutionEdited: boolean;
  notify: boolean;
  /** The idempotency key of the current save intent (reused on every retry of it). */
  key?: string;
  /** Set once the log is safe (stored in the outbox, or handed to the page). */
  savedId?: string;
  /** Delivered: the text is no longer kept. */
  sent?: boolean;
  /** The recorded recovery the resolution was pre-filled from (its idempotency key). */
  recovery?: string;
  /** The cause suggested for this interaction (once: a suggestion the agent changed is not made again). */
  suggested?: string;
}

export const EMPTY_DRAFT: RootCauseDraft = {
  problem: '', query: '', causeId: '', departmentId: '', resolution: '', resolutionEdited: false, notify: false,
};

/** The required fields that are missing: `departmentId` is the override or the routed one; `known` says whether a cause id is in the taxonomy. */
export function missingFields(d: RootCauseDraft, departmentId: string, known: (causeId: string) => boolean): Set<RootCauseField> {
  const missing = new Set<RootCauseField>();
  if (!d.problem.trim()) missing.add('problem');
  if (!d.causeId || !known(d.causeId)) missing.add('cause');
  if (!departmentId) missing.add('department');
  if (!d.resolution.trim()) missing.add('resolution');
  return missing;
}

/** The log a complete draft becomes. */
export function logOf(d: RootCauseDraft, interaction: Interaction, key: string, departmentId: string): RootCauseLog {
  return {
    idempotencyKey: key,
    interactionId: interaction.id,
    customerId: interaction.customerId,
    at: new Date().toISOString(),
    problem: d.problem.trim(),
    causeId: d.causeId,
    departmentId,
    resolution: d.resolution.trim(),
    notifyDepartment: d.notify,
  };
}

/** What a form value holds: the fields the agent filled in. */
type FormValue = Pick<RootCauseLog, 'problem' | 'causeId' | 'departmentId' | 'resolution' | 'notifyDepartment'>;

/** The form value: JSON of what was typed ('' when nothing was). */
export function draftValue(d: RootCauseDraft, departmentId: string): string {
  if (!d.problem && !d.causeId && !d.query && !d.resolution && !d.departmentId && !d.notify) return '';
  const value: FormValue = { problem: d.problem, causeId: d.causeId, departmentId, resolution: d.resolution, notifyDepartment: d.notify };
  return JSON.stringify(value);
}

/**
 * A form value back into draft fields (the browser's state restore), or null when it is not one.
 * `label` names a cause id; `routed` is a cause's own department (an equal one is not an override).
 */
export function draftFromValue(
  json: string,
  label: (causeId: string) => string | undefined,
  routed: (causeId: string) => string | undefined,
): Partial<RootCauseDraft> | null {
  let v: Partial<FormValue>;
  try {
    v = json ? (JSON.parse(json) as Partial<FormValue>) : {};
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  const causeId = text(v.causeId);
  const departmentId = text(v.departmentId);
  return {
    problem: text(v.problem),
    problemEdited: !!text(v.problem),
    causeId,
    query: causeId ? (label(causeId) ?? '') : '',
    departmentId: departmentId && departmentId !== routed(causeId) ? departmentId : '',
    resolution: text(v.resolution),
    resolutionEdited: !!text(v.resolution),
    notify: v.notifyDepartment === true,
  };
}
