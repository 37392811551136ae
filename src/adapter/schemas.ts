/**
 * Validation of everything that comes from a host, with zod/mini (about 20 kB gzip lighter than
 * classic zod). A malformed answer never reaches a widget: {@link parseHostAnswer} turns it into a
 * `HostError('invalid_response')` that names the path of the first bad field.
 *
 * Text is judged per field: customer or host text that is only longer than its usual length is kept
 * whole (the widgets that show it give it a visual limit); beyond {@link TEXT_READ_MAX} an optional
 * text is dropped (the rest of the answer stays) and a required one fails with a message that names
 * the field and its size ("The console sent a summary of 200,000 characters").
 */
import * as z from 'zod/mini';
import {
  BAGGAGE_LEVELS,
  CHANNELS,
  FUND_PERIODS,
  REMEDY_KINDS,
  SPEND_STATUSES,
  type CustomerHistory,
  type Fund,
  type HostContext,
  type Interaction,
  type RecoveryPolicy,
  type RecurrenceCount,
  type Taxonomy,
} from '../core/model.js';
import { HostError } from './errors.js';
import type { SpendResult, WriteReceipt } from './host-adapter.js';

void BAGGAGE_LEVELS;

const id = z.string().check(z.minLength(1), z.maxLength(256));
/** Free text longer than this is not read at all (hostile input); shorter text is kept whole. */
export const TEXT_READ_MAX = 100_000;
/** Marks the length check of free text (a longer text is kept, see parseHostAnswer). */
const LONG_TEXT = 'mend:long-text';
/** Customer or host text: any characters (rendered as text only); `max` is its usual length. */
const text = (max = 4000) => z.string().check(z.maxLength(max, LONG_TEXT));
const isoDate = z.iso.datetime({ offset: true });
/** Integer minor units: never a float, never beyond safe integers. */
const minor = z.int().check(z.nonnegative());
const currency = z.string().check(z.regex(/^[A-Z]{3}$/));
const remedyKind = z.enum(REMEDY_KINDS);

/**
 * The building blocks of every answer schema, for the schemas of other answers (the lead's, in
 * `lead-schemas.ts`): the same ids, text (kept whole when only long), dates, minor units and
 * currencies everywhere.
 */
export const fields = { id, text, isoDate, minor, currency, remedyKind } as const;

export const AgentSchema = z.object({ id, name: text(200), role: z.string().check(z.minLength(1), z.maxLength(64)) });

export const InteractionSchema = z.object({
  id,
  customerId: id,
  channel: z.enum(CHANNELS),
  startedAt: isoDate,
  customerName: z.optional(text(200)),
  subject: z.optional(text(1000)),
  severity: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  resolved: z.optional(z.boolean()),
});

export const HostContextSchema = z.object({
  agent: AgentSchema,
  interaction: z.nullable(InteractionSchema),
  locale: z.string().check(z.minLength(2), z.maxLength(35)),
  currency,
});

const RemedyGivenSchema = z.object({
  kind: remedyKind,
  label: text(200),
  amount: z.optional(minor),
  currency: z.optional(currency),
});

export const IncidentSchema = z.object({
  id,
  occurredAt: isoDate,
  severity: z.string().check(z.minLength(1), z.maxLength(64)),
  category: text(200),
  summary: text(),
  resolved: z.boolean(),
  remedies: z.array(RemedyGivenSchema),
  surveyScore: z.nullable(z.int().check(z.minimum(1), z.maximum(5))),
});

export const CustomerHistorySchema = z.object({
  customer: z.object({ id, name: text(200), tier: z.optional(text(64)) }),
  incidents: z.array(IncidentSchema),
});

const OfferSchema = z.object({
  id,
  kind: remedyKind,
  label: text(200),
  description: z.optional(text(1000)),
  monetary: z.boolean(),
  amount: z.optional(minor),
  customAmount: z.optional(z.boolean()),
  counts: z.optional(z.boolean()),
  minSeverity: z.optional(z.string()),
  reason: z.optional(text(64)),
  notOn: z.optional(z.array(z.enum(CHANNELS))),
});

export const RecoveryPolicySchema = z.object({
  id,
  version: z.int(),
  currency,
  severities: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1)),
  rules: z.array(
    z.object({
      severity: z.string(),
      mode: z.enum(['any', 'all']),
      requires: z.array(z.enum(['assistance', 'compensation'])),
    }),
  ),
  offers: z.array(OfferSchema),
  authority: z.array(z.object({ role: z.string(), maxPerAction: minor })),
  baggage: z.object({
    windowDays: z.int().check(z.positive()),
    recentDays: z.int().check(z.positive()),
    severeScore: z.int().check(z.minimum(1), z.maximum(5)),
    poorScore: z.int().check(z.minimum(1), z.maximum(5)),
    callbackDays: z.int().check(z.positive()),
    heavyPoints: z.number().check(z.positive()),
  }),
  recurrence: z.object({ windowDays: z.int().check(z.positive()), threshold: z.int().check(z.positive()) }),
  unresolvedLimitMinutes: z.int().check(z.positive()),
});

const LedgerEntrySchema = z.object({
  id,
  at: isoDate,
  amount: minor,
  reason: text(200),
  interactionId: id,
  offerId: z.optional(id),
  status: z.enum(SPEND_STATUSES),
  note: z.optional(text(1000)),
});

export const FundSchema = z.object({
  agentId: id,
  currency,
  budget: minor,
  spent: minor,
  pending: minor,
  perActionCap: minor,
  approvalThreshold: minor,
  period: z.enum(FUND_PERIODS),
  periodStart: isoDate,
  periodEnd: isoDate,
  version: z.int().check(z.nonnegative()),
  ledger: z.array(LedgerEntrySchema),
});

export const TaxonomySchema = z.object({
  version: z.int(),
  departments: z.array(z.object({ id, name: text(200) })),
  causes: z.array(
    z.object({
      id,
      label: text(300),
      category: text(200),
      departmentId: id,
      keywords: z.optional(z.array(text(100))),
    }),
  ),
});

export const RecurrenceSchema = z.array(z.object({ causeId: id, count: z.int().check(z.nonnegative()) }));

export const WriteReceiptSchema = z.object({ id });

export const SpendResultSchema = z.object({
  status: z.enum(SPEND_STATUSES),
  entryId: id,
  fund: FundSchema,
  message: z.optional(text(1000)),
});

export const InteractionChangedSchema = z.object({ interaction: z.nullable(InteractionSchema) });
export const InteractionEndedSchema = z.object({ interactionId: id });
export const FundChangedSchema = z.object({ fund: FundSchema });

/** The schema of every host answer, by name. */
export const answerSchemas = {
  context: HostContextSchema,
  history: CustomerHistorySchema,
  policy: RecoveryPolicySchema,
  fund: FundSchema,
  taxonomy: TaxonomySchema,
  recurrence: RecurrenceSchema,
  receipt: WriteReceiptSchema,
  spend: SpendResultSchema,
  interactionChanged: InteractionChangedSchema,
  interactionEnded: InteractionEndedSchema,
  fundChanged: FundChangedSchema,
} as const;

/** The model type each answer validates to (checked against src/core/model.ts at compile time). */
export interface HostAnswers {
  context: HostContext;
  history: CustomerHistory;
  policy: RecoveryPolicy;
  fund: Fund;
  taxonomy: Taxonomy;
  recurrence: RecurrenceCount[];
  receipt: WriteReceipt;
  spend: SpendResult;
  interactionChanged: { interaction: Interaction | null };
  interactionEnded: { interactionId: string };
  fundChanged: { fund: Fund };
}
export type AnswerName = keyof HostAnswers;

// Compile-time proof that every schema yields the model type it stands for.
type Yields<N extends AnswerName> = z.infer<(typeof answerSchemas)[N]> extends HostAnswers[N] ? true : never;
const _proof: { [N in AnswerName]: Yields<N> } = {
  context: true, history: true, policy: true, fund: true, taxonomy: true, recurrence: true,
  receipt: true, spend: true, interactionChanged: true, interactionEnded: true, fundChanged: true,
};
void _proof;

/**
 * Validate a host answer. Returns the parsed value (unknown keys stripped) or throws
 * `HostError('invalid_response')` whose `details.path` names the first bad field.
 */
export function parseHostAnswer<N extends AnswerName>(name: N, value: unknown): HostAnswers[N] {
  return parseWith(answerSchemas[name] as z.ZodMiniType, name, value) as HostAnswers[N];
}

/**
 * Validate `value` with `schema`, field by field: text only longer than usual is kept whole (up to
 * what is read), and a failure is `invalid_response` naming `name`, the first bad field and, for
 * text, its size.
 */
export function parseWith(schema: z.ZodMiniType, name: string, value: unknown): unknown {
  let result = schema.safeParse(value);
  if (result.success) return result.data;
  // Text that is only long: parse it in its usual length, then put the whole text back; text beyond
  // what is read is dropped (fine for an optional field; a required one fails below, by name).
  let input = value;
  const kept: Array<[Path, string]> = [];
  const dropped = new Map<string, number>();
  for (let pass = 0; pass < 2 && !result.success; pass++) {
    const issues = result.error.issues;
    if (!issues.every((i) => i.code === 'too_big' && i.message === LONG_TEXT)) break;
    for (const issue of issues) {
      const whole = valueAt(value, issue.path) as string;
      if (whole.length <= TEXT_READ_MAX) {
        kept.push([issue.path, whole]);
        input = withValueAt(input, issue.path, whole.slice(0, Number((issue as { maximum?: number }).maximum ?? 0)));
      } else {
        dropped.set(key(issue.path), whole.length);
        input = withValueAt(input, issue.path, undefined);
      }
    }
    result = schema.safeParse(input);
  }
  if (result.success) {
    for (const [path, whole] of kept) setValueAt(result.data, path, whole);
    return result.data;
  }
  throw invalid(name, result.error.issues[0], value, dropped);
}

type Path = readonly PropertyKey[];
const key = (path: Path) => path.map(String).join('.');

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const step of path) node = (node as Record<PropertyKey, unknown> | null | undefined)?.[step];
  return node;
}

/** A copy of `root` with `value` at `path` (only the objects on the path are copied). */
function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const [step, ...rest] = path;
  const node = root as Record<PropertyKey, unknown>;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<PropertyKey, unknown>;
  copy[step] = withValueAt(node[step], rest, value);
  return copy;
}

function setValueAt(root: unknown, path: Path, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1)) as Record<PropertyKey, unknown> | null;
  if (parent && typeof parent === 'object') parent[path[path.length - 1]] = value;
}

/** `customerName` → `customer name`. */
const words = (step: string) => step.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** What is wrong with the answer, in words: the field, and for text its size. */
function invalid(name: string, issue: z.core.$ZodIssue | undefined, value: unknown, dropped: Map<string, number>): HostError {
  const path = issue ? key(issue.path) : '';
  const where = path ? ` (field "${path}")` : '';
  const length = issue ? (dropped.get(path) ?? (issue.code === 'too_big' && issue.origin === 'string' ? (valueAt(value, issue.path) as { length?: number })?.length : undefined)) : undefined;
  if (issue && typeof length === 'number') {
    const label = words(String([...issue.path].reverse().find((s) => typeof s === 'string') ?? name));
    const max = dropped.has(path) ? TEXT_READ_MAX : Number((issue as { maximum?: number }).maximum ?? 0);
    const n = (x: number) => x.toLocaleString('en-US');
    return new HostError(
      'invalid_response',
      `The console sent ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} of ${n(length)} characters${where}; at most ${n(max)} are read.`,
      { retryable: true, details: { path, answer: name, length, maximum: max } },
    );
  }
  return new HostError('invalid_response', `The host sent a malformed ${name}${where}: ${issue?.message ?? 'invalid'}.`, {
    retryable: true,
    details: { path, answer: name },
  });
}
