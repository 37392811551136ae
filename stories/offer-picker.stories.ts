import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_IDS, demoSeed } from '../src/adapter/demo-data.js';
import { MemoryAdapter, type MemoryOptions } from '../src/adapter/memory-adapter.js';
import type { ChosenOffer, Fund, Interaction } from '../src/core/model.js';
import { DEFAULT_POLICY } from '../src/core/recovery.js';
import '../src/define/baggage-banner.js';
import '../src/define/fund-meter.js';
import '../src/define/host.js';
import '../src/define/offer-picker.js';

const DAY = 86_400_000;

/** The demo agent's week: 200.00, `spent` given so far, approval above 50.00, nothing above 150.00. */
function storyFund(spent: number, over: Partial<Fund> = {}): Fund {
  const start = Math.floor((Date.now() - 2 * DAY) / DAY) * DAY;
  return {
    agentId: DEMO_IDS.agent, currency: 'USD', budget: 20000, spent, pending: 0, perActionCap: 15000, approvalThreshold: 5000,
    period: 'week', periodStart: new Date(start).toISOString(), periodEnd: new Date(start + 7 * DAY).toISOString(), version: 7, ledger: [],
    ...over,
  };
}

const INTERACTION: Interaction = {
  id: 'int-story-1', customerId: 'cust-story', channel: 'chat', startedAt: new Date(Date.now() - 4 * 60_000).toISOString(), customerName: 'Ava Lindqvist',
};

/** An in-memory host on the demo seed, with the agent on one of the demo contacts. */
function demoHost(interactionId: string, severity?: string, options: MemoryOptions = {}): MemoryAdapter {
  const seed = demoSeed();
  const interaction = seed.interactions.find((i) => i.id === interactionId)!;
  return new MemoryAdapter(
    { ...seed, context: { agent: seed.agents[0], interaction: severity ? { ...interaction, severity } : interaction, locale: 'en-US', currency: 'USD' } },
    { latency: 120, ...options },
  );
}

const REFUND_80: ChosenOffer[] = [
  { offerId: 'apology', kind: 'apology', label: 'Sincere apology' },
  { offerId: 'fix', kind: 'assistance', label: 'Fix or replace now' },
  { offerId: 'refund', kind: 'compensation', label: 'Refund', amount: 8000 },
];

interface Args {
  severity: string;
  baggage: string;
  locale: string;
  fund: Fund;
  value: string;
}

/** The demo policy priced in the fund's currency (the picker never spends across currencies). */
const policies = new Map<string, typeof DEFAULT_POLICY>();
function policyIn(currency = DEFAULT_POLICY.currency): typeof DEFAULT_POLICY {
  let policy = policies.get(currency);
  if (!policy) policies.set(currency, (policy = { ...DEFAULT_POLICY, currency }));
  return policy;
}

const meta = {
  title: 'Widgets/Offer picker',
  component: 'mend-offer-picker',
  args: { severity: 'low', baggage: 'none', locale: 'en-US', fund: storyFund(4000), value: '[]' },
  argTypes: {
    severity: { control: 'inline-radio', options: ['low', 'medium', 'high'] },
    baggage: { control: 'inline-radio', options: ['none', 'light', 'heavy'] },
    locale: { control: 'text' },
    fund: { control: 'object' },
    value: { control: 'text' },
  },
  render: (args) =>
    html`<mend-offer-picker
      style="max-inline-size: 34rem"
      .policy=${policyIn(args.fund?.currency)}
      .fund=${args.fund}
      .interaction=${INTERACTION}
      .value=${args.value}
      severity=${args.severity}
      baggage=${args.baggage}
      locale=${args.locale}
    ></mend-offer-picker>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Low severity (R3): assistance alone or compensation alone satisfies as much as both. */
export const LowSeverity: Story = {};

/** Medium severity: still either remedy; the larger goodwill credit is offered from medium up. */
export const MediumSeverity: Story = { args: { severity: 'medium' } };

/** High severity (R3): every bundle fixes the problem AND compensates, each with an apology (R2). */
export const HighSeverity: Story = { args: { severity: 'high' } };

/**
 * Heavy baggage raises the severity one step (R4). From the host: the demo customer Carmen Ruiz has
 * an unresolved incident and a survey score of 1 — the same assessment the baggage banner shows.
 */
export const HeavyBaggage: Story = {
  render: () => html`<mend-offer-picker style="max-inline-size:34rem" .adapter=${demoHost('int-voice-1', 'medium')} locale="en-US"></mend-offer-picker>`,
};

/** A refund of 80.00 is above the agent's 50.00 authority: Confirm becomes "Request approval", with the limit. */
export const OverAuthority: Story = { args: { severity: 'high', value: JSON.stringify(REFUND_80) } };

/** Nothing left this week: the impact says so and any compensation needs approval; non-monetary remedies stay open. */
export const FundExhausted: Story = {
  args: { severity: 'high', fund: storyFund(20000), value: JSON.stringify([REFUND_80[0], REFUND_80[1], { offerId: 'credit-15', kind: 'compensation', label: 'Goodwill credit', amount: 1500 }]) },
};

/** An apology alone is not a recovery (R2): the message shows, and a form would refuse it. */
export const ApologyOnly: Story = { args: { severity: 'high', value: JSON.stringify([REFUND_80[0]]) } };

/** Live from the in-memory host, beside the fund meter: both read the one shared fund; confirm and watch the meter. */
export const WithHost: Story = {
  render: () => html`<mend-host .adapter=${demoHost('int-chat-1')} locale="en-US">
    <div style="display:grid;gap:1rem;max-inline-size:34rem">
      <mend-fund-meter variant="compact"></mend-fund-meter>
      <mend-offer-picker></mend-offer-picker>
    </div>
  </mend-host>`,
};

/** The host is still answering: the space is reserved, nothing jumps. */
export const Loading: Story = {
  render: () => html`<mend-offer-picker style="max-inline-size:34rem" .adapter=${demoHost('int-chat-1').never('getPolicy')} locale="en-US"></mend-offer-picker>`,
};

/** The host failed to give the policy: says what failed, with Retry (which succeeds here). */
export const ErrorState: Story = {
  name: 'Error',
  render: () => {
    const adapter = demoHost('int-chat-1').failNext('getPolicy', 'unavailable');
    return html`<mend-offer-picker style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-offer-picker>`;
  },
};

/** A console without a discretionary fund: a quiet line; apology, assistance and non-monetary remedies still work. */
export const NoFund: Story = {
  render: () => {
    const adapter = demoHost('int-msg-1', undefined, { capabilities: { fund: false, spend: false } });
    return html`<mend-offer-picker style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-offer-picker>`;
  },
};

/** In a host form: the picker's name and value go with the form, its validity blocks Save, and Reset clears it. */
export const InAForm: Story = {
  render: (args) => html`<form
    style="display:grid;gap:.75rem;max-inline-size:34rem"
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const out = (e.target as HTMLFormElement).querySelector('output')!;
      out.value = String(new FormData(e.target as HTMLFormElement).get('recovery') ?? '');
    }}
  >
    <mend-offer-picker name="recovery" severity="high" .policy=${DEFAULT_POLICY} .fund=${args.fund} .interaction=${INTERACTION} locale="en-US"></mend-offer-picker>
    <div style="display:flex;gap:.5rem"><button>Save wrap-up</button><button type="reset">Reset</button></div>
    <output aria-live="polite" style="font-family:monospace;font-size:.8rem;overflow-wrap:anywhere"></output>
  </form>`,
};

/** Money in the agent's locale and the fund's currency: a custom refund typed as "12,50" in de-DE. */
export const GermanEuro: Story = {
  args: {
    severity: 'low',
    locale: 'de-DE',
    fund: storyFund(4000, { currency: 'EUR' }),
    value: JSON.stringify([REFUND_80[0], { offerId: 'refund', kind: 'compensation', label: 'Refund', amount: 1250 }]),
  },
};

/** Dark: the tokens follow the page's color-scheme. */
export const Dark: Story = {
  args: { severity: 'high', value: JSON.stringify(REFUND_80) },
  render: (args) => html`<div style="color-scheme: dark; background:#16181d; padding:1rem">
    <mend-offer-picker style="max-inline-size:34rem" .policy=${DEFAULT_POLICY} .fund=${args.fund} .interaction=${INTERACTION} .value=${args.value} severity="high" locale="en-US"></mend-offer-picker>
  </div>`,
};

/** Right to left: logical properties mirror the layout; the arrow keys follow the reading direction. */
export const RightToLeft: Story = {
  args: { severity: 'medium' },
  render: (args) => html`<div dir="rtl" style="max-inline-size:34rem">
    <mend-offer-picker .policy=${{ ...DEFAULT_POLICY, currency: 'ILS' }} .fund=${{ ...args.fund, currency: 'ILS' }} .interaction=${INTERACTION} severity="medium" locale="he-IL"></mend-offer-picker>
  </div>`,
};

/** Wait in a story's play function until `ready` holds (the story's elements load from an in-memory host). */
async function whenReady<T>(ready: () => T | null | undefined | false): Promise<T> {
  for (;;) {
    const value = ready();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Other options open: every recommended bundle with why, and the composer (loaded on demand). */
export const OtherOptions: Story = {
  args: { severity: 'high' },
  render: (args) =>
    html`<mend-offer-picker style="max-inline-size:34rem" options-open .policy=${policyIn()} .fund=${args.fund} .interaction=${INTERACTION} severity=${args.severity} locale="en-US"></mend-offer-picker>`,
};

/**
 * The recommendation as one action, on a voice call with Carmen Ruiz (heavy baggage, not acknowledged
 * yet): Accept records the recovery and acknowledges the history with the banner's own write, so the
 * banner shows "Acknowledged" by itself; the confirmation stays under the card.
 */
export const AcceptedWithBanner: Story = {
  render: () => html`<mend-host .adapter=${demoHost('int-voice-1')} locale="en-US">
    <div style="display:grid;gap:1rem;max-inline-size:34rem">
      <mend-baggage-banner></mend-baggage-banner>
      <mend-offer-picker></mend-offer-picker>
    </div>
  </mend-host>`,
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('mend-offer-picker')!;
    const accept = await whenReady(() => picker.shadowRoot?.querySelector('[part~="card-records"]') && picker.shadowRoot.querySelector<HTMLButtonElement>('[part~="accept"]'));
    accept.click();
  },
};

/** In a 400 px side panel: the card is compact, Accept is on the first screen. */
export const SidePanel: Story = {
  render: () => html`<div style="inline-size:400px"><mend-offer-picker .adapter=${demoHost('int-voice-1')} locale="en-US"></mend-offer-picker></div>`,
};
