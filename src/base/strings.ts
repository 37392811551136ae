/**
 * Every user-visible string, replaceable through `<mend-host .strings>` or a widget's `strings`
 * property. Placeholders are `{name}`; values are inserted as text, never as markup.
 */
export const defaultStrings = {
  // shared
  loading: 'Loading…',
  retry: 'Retry',
  errorPrefix: 'Could not load: {message}',
  noInteraction: 'No active interaction.',
  unsupported: 'This console does not provide {what}.',
  savedLocally: 'Saved on this device; sending…',
  sent: 'Delivered.',
  needsAttention: 'Not accepted: {message}',
  // baggage banner
  baggageTitle: 'Customer history',
  baggageNone: 'No past issues on record.',
  baggageLight: 'Light baggage',
  baggageHeavy: 'Heavy baggage',
  baggageLevelLabel: 'Baggage: {level}',
  baggageUnsupported: 'This console does not share customer history.',
  baggageAcknowledge: 'Acknowledge',
  baggageAcknowledged: 'Acknowledged',
  baggageRequestCallback: 'Request callback',
  baggageCallbackRequested: 'Callback requested',
  baggageCallbackReason: 'Severe recent dissatisfaction: call back to hear what went wrong.',
  baggageShowHistory: 'Show full history ({count})',
  baggageHideHistory: 'Hide full history',
  baggageTalkAcknowledge: 'Acknowledge',
  baggageTalkOwn: 'Take ownership',
  baggageTalkTransparent: 'Be transparent',
  baggageResolved: 'Resolved',
  baggageUnresolved: 'Unresolved',
  baggageRemediesGiven: 'Given: {remedies}',
  baggageSurvey: 'Rated {score} of 5',
  // offer picker
  offerTitle: 'Make it right',
  offerRecommended: 'Recommended',
  offerCompose: 'Compose',
  offerApology: 'Apology',
  offerAssistance: 'Assistance',
  offerCompensation: 'Compensation',
  offerCustomAmount: 'Custom amount',
  offerConfirm: 'Confirm recovery',
  offerRequestApproval: 'Request approval',
  offerDecline: 'Customer declined',
  offerApologyOnly: 'An apology alone is not a recovery: add assistance or compensation.',
  offerFundImpact: 'Leaves {remaining} of {budget} this {period}.',
  offerNeedsApproval: 'Above your limit of {limit}: needs approval.',
  offerRecorded: 'Recovery recorded.',
  offerPending: 'Sent for approval.',
  offerRejected: 'Not approved: {message}',
  offerConflict: 'The fund changed while you were choosing: {message}. Check and confirm again.',
  offerSeverity: 'Severity: {severity}',
  // fund meter
  fundTitle: 'Discretionary fund',
  fundLeft: '{remaining} left of {budget}',
  fundPlenty: 'Plenty left',
  fundLow: 'Running low',
  fundExhausted: 'Exhausted',
  fundPerAction: 'Up to {amount} per action',
  fundApproval: 'Approval above {amount}',
  fundPending: '{amount} pending approval',
  fundPeriodEnds: 'Resets {date}',
  fundLedger: 'What was given',
  fundTotals: 'By reason',
  fundUnsupported: 'This console does not provide a discretionary fund.',
  // root-cause logger
  rcTitle: 'Root cause',
  rcProblem: 'Problem',
  rcCause: 'Root cause',
  rcDepartment: 'Responsible department',
  rcResolution: 'Resolution',
  rcNotify: 'Notify the department now',
  rcSave: 'Log root cause',
  rcRecurring: 'Logged {count} times in {days} days, routed to {department}.',
  rcRequired: 'Required.',
  rcNoMatch: 'No matching root cause.',
  rcWrapUpBlocked: 'Log the root cause before wrap-up.',
  rcOverdue: 'Open for {minutes} minutes without resolution: a manager has been notified.',
  rcResend: 'Resend',
  rcDiscard: 'Discard',
} as const;

export type MendStrings = { [K in keyof typeof defaultStrings]: string };
export type StringKey = keyof MendStrings;

/** Fill `{name}` placeholders. The result is plain text; Lit renders it as text. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}
