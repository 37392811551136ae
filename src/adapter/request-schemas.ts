/**
 * The writes a host receives, as zod/mini schemas: the same shapes as {@link HostWrites} and
 * {@link SpendRequest}. The Mend service validates every request body with them and generates its
 * OpenAPI document from them (with the answer schemas of `schemas.ts`), so the library and the
 * service cannot drift.
 */
import * as z from 'zod/mini';
import type { HostWrites, SpendRequest } from './host-adapter.js';
import { fields } from './schemas.js';

/** No NUL: PostgreSQL text cannot hold it (refused with a clear 422 instead of failing the write). */
const noNul = z.regex(/^[^\u0000]*$/, 'Text may not contain the NUL character.');
const id = z.string().check(z.minLength(1), z.maxLength(256), noNul);
/** Customer or agent text: any other characters (stored and returned as text), bounded in length. */
const text = (max = 4000) => z.string().check(z.maxLength(max), noNul);
// Dates, currencies and amounts as in the answers; ids and text are stricter here (a write's text
// longer than its limit is refused, not kept, and PostgreSQL cannot hold NUL).
const { isoDate, currency, minor, remedyKind } = fields;

const base = {
  idempotencyKey: id,
  interactionId: id,
  customerId: id,
  at: isoDate,
};

/** A spend. The amount is any integer here: zero, negative or too large is a `rejected` answer, by rule. */
export const SpendRequestSchema = z.object({
  ...base,
  agentId: id,
  amount: z.int(),
  currency,
  reason: text(200),
  offerId: z.optional(id),
  note: z.optional(text(1000)),
  expectedVersion: z.int().check(z.nonnegative()),
});

export const RecoveryRecordSchema = z.object({
  ...base,
  severity: z.string().check(z.minLength(1), z.maxLength(64)),
  offers: z
    .array(
      z.object({
        offerId: id,
        kind: remedyKind,
        label: text(200),
        amount: z.optional(minor),
        currency: z.optional(currency),
      }),
    )
    .check(z.maxLength(50)),
  accepted: z.boolean(),
  strategy: text(200),
  spendId: z.optional(id),
});

export const RootCauseLogSchema = z.object({
  ...base,
  problem: text(),
  causeId: id,
  departmentId: id,
  resolution: text(),
  notifyDepartment: z.boolean(),
});

export const BaggageAcknowledgementSchema = z.object({ ...base, incidentIds: z.array(id).check(z.maxLength(1000)) });
export const CallbackRequestSchema = z.object({ ...base, reason: text(1000) });
export const ManagerNoticeSchema = z.object({
  ...base,
  minutesOpen: z.int().check(z.nonnegative()),
  limitMinutes: z.int().check(z.positive()),
});

/** The schema of every write, by kind. */
export const writeSchemas = {
  recordRecovery: RecoveryRecordSchema,
  logRootCause: RootCauseLogSchema,
  acknowledgeBaggage: BaggageAcknowledgementSchema,
  requestCallback: CallbackRequestSchema,
  notifyManager: ManagerNoticeSchema,
} as const;

// Compile-time proof that the schemas yield the adapter's types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _proof: [
  Same<z.infer<typeof SpendRequestSchema>, SpendRequest>,
  ...{ [K in keyof typeof writeSchemas]: z.infer<(typeof writeSchemas)[K]> extends HostWrites[K] ? true : never }[keyof typeof writeSchemas][],
] = [true];
void _proof;
