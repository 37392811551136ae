/**
 * What a ready banner shows, with no DOM: the talking points in the order they are said, the summary
 * (what shows closed, what "Show details" opens) and the status line. Loaded with the ready view
 * (baggage-banner.ready.ts), not with the banner's first render. Tested in
 * test/baggage-banner/view.test.ts.
 */
import type { BaggageAssessment, TalkingPoint } from '../../core/baggage.js';

export const TALK_KEYS = {
  acknowledge: 'baggageTalkAcknowledge',
  own: 'baggageTalkOwn',
  transparent: 'baggageTalkTransparent',
} as const;

/** The talking points in the order they are said: acknowledge, take ownership, be transparent. */
export function talkingPoints(assessment: BaggageAssessment): TalkingPoint[] {
  return (['acknowledge', 'own', 'transparent'] as const).flatMap((b) => assessment.talkingPoints.filter((p) => p.behaviour === b));
}

/**
 * What a ready banner shows closed (#20: the first screen is action, not history). Always: the level
 * and its one-line why (the first reason), the unresolved incidents, the callback; the talking
 * points until acknowledged. Behind "Show details" (`more` when there is anything): the other
 * reasons, the resolved incidents, the talking points once acknowledged. `controls`: the ids the
 * toggle opens.
 */
export function summary(assessment: BaggageAssessment, detailsOpen: boolean, acknowledged: boolean) {
  const closed = !detailsOpen;
  const talk = talkingPoints(assessment);
  const { reasons, notable } = assessment;
  return {
    closed,
    talk,
    quietTalk: closed && acknowledged,
    more: reasons.length > 1 || notable.some((i) => i.resolved) || (acknowledged && talk.length > 0),
    open: notable.some((i) => !i.resolved),
    controls: [reasons.length && 'reasons', notable.length && 'notable', talk.length && 'talk'].filter(Boolean).join(' '),
  };
}

/** The status line: each write's words, prefixed with its action ('' when there is nothing to say). */
export function statusLine(parts: readonly (readonly [label: string, text: string])[]): string {
  return parts
    .filter(([, text]) => text)
    .map(([label, text]) => `${label}: ${text}`)
    .join(' ');
}
