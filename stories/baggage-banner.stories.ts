import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_IDS, demoSeed } from '../src/adapter/demo-data.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { Customer, Incident, Interaction } from '../src/core/model.js';
import '../src/define/baggage-banner.js';
import '../src/define/host.js';

const DAY = 86_400_000;
const seed = demoSeed();
const C = DEMO_IDS.customers;
const history = (id: string) => seed.histories.find((h) => h.customer.id === id)!;
const contact = (id: string): Interaction => seed.interactions.find((i) => i.customerId === id) ?? seed.interactions[0]!;

/** A host whose active contact is the given customer's (in-memory, a few ms of latency). */
const hostFor = (customerId: string, options: ConstructorParameters<typeof MemoryAdapter>[1] = {}) =>
  new MemoryAdapter({ ...demoSeed(), context: { interaction: contact(customerId) } }, { latency: 120, ...options });

const SUMMARIES = [
  'Parcel arrived two days late',
  'Charged twice for the same order',
  'Replacement was the wrong colour',
  'Chat was closed before I got an answer',
  'Promo code not applied at checkout',
];

/** A long history: `n` incidents, one every few hours, mostly resolved. */
function longHistory(n: number): Incident[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    id: `inc-long-${i + 1}`,
    occurredAt: new Date(now - (i + 1) * 0.2 * DAY).toISOString(),
    severity: ['low', 'medium', 'high'][i % 3]!,
    category: ['Delivery', 'Billing', 'Product', 'Service'][i % 4]!,
    summary: `${SUMMARIES[i % SUMMARIES.length]} (#${i + 1})`,
    resolved: i % 17 !== 0,
    remedies: i % 5 === 0 ? [{ kind: 'compensation' as const, label: 'Goodwill credit', amount: 1000, currency: 'USD' }] : [],
    surveyScore: i % 7 === 0 ? 2 : null,
  }));
}

interface Args {
  customer: Customer;
  incidents: Incident[];
  noneDisplay: 'quiet' | 'hidden';
  historyOpen: boolean;
  detailsOpen: boolean;
}

const meta = {
  title: 'Widgets/Baggage banner',
  component: 'mend-baggage-banner',
  args: {
    customer: history(C.heavy).customer,
    incidents: history(C.heavy).incidents,
    noneDisplay: 'quiet',
    historyOpen: false,
    detailsOpen: false,
  },
  argTypes: {
    noneDisplay: { control: 'inline-radio', options: ['quiet', 'hidden'] },
    historyOpen: { control: 'boolean' },
    detailsOpen: { control: 'boolean' },
    customer: { control: 'object' },
    incidents: { control: 'object' },
  },
  render: (args) =>
    html`<mend-baggage-banner
      style="max-inline-size: 40rem"
      interaction-id="int-story"
      none-display=${args.noneDisplay}
      ?history-open=${args.historyOpen}
      ?details-open=${args.detailsOpen}
      .customer=${args.customer}
      .incidents=${args.incidents}
    ></mend-baggage-banner>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Plain properties, no adapter: a host page (Webex-style) binds the customer and incidents in. */
export const PlainProperties: Story = {};

/** No past issues: a quiet line (or nothing at all with `none-display="hidden"`). */
export const None: Story = {
  args: { customer: history(C.none).customer, incidents: history(C.none).incidents },
};

/** One old, resolved incident: light baggage, still worth a word. */
export const Light: Story = {
  args: { customer: history(C.light).customer, incidents: history(C.light).incidents },
};

/**
 * Live from the host: an unresolved high-severity incident and a survey score of 1 last week make
 * the baggage heavy and recommend a callback (R5). Acknowledge goes through the durable outbox.
 */
export const HeavyWithCallback: Story = {
  render: () => html`<mend-host .adapter=${hostFor(C.heavy)} locale="en-US">
    <mend-baggage-banner style="max-inline-size: 40rem"></mend-baggage-banner>
  </mend-host>`,
};

/** Switching contacts: the banner follows the host's active interaction; stale answers never show. */
export const FollowsTheContact: Story = {
  render: () => {
    const adapter = hostFor(C.heavy);
    const buttons = seed.interactions.map(
      (i) => html`<button type="button" @click=${() => adapter.setInteraction(i)}>${i.customerName} (${i.channel})</button>`,
    );
    return html`<mend-host .adapter=${adapter} locale="en-US">
      <div style="display:grid;gap:1rem;max-inline-size:40rem">
        <div style="display:flex;flex-wrap:wrap;gap:.5rem">${buttons}</div>
        <mend-baggage-banner></mend-baggage-banner>
      </div>
    </mend-host>`;
  },
};

/** The host is still answering: the space is reserved, nothing jumps when the answer comes. */
export const Loading: Story = {
  render: () => html`<mend-baggage-banner
    style="max-inline-size: 40rem"
    .adapter=${hostFor(C.heavy).never('getHistory')}
  ></mend-baggage-banner>`,
};

/** The host failed: says what failed, with Retry (which succeeds here). */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<mend-baggage-banner
    style="max-inline-size: 40rem"
    .adapter=${hostFor(C.heavy).failNext('getHistory', 'unavailable')}
  ></mend-baggage-banner>`,
};

/** A console that cannot share customer history (declared by capability): a quiet line, no error. */
export const Unsupported: Story = {
  render: () => html`<mend-baggage-banner
    style="max-inline-size: 40rem"
    .adapter=${hostFor(C.heavy, { capabilities: { history: false } })}
  ></mend-baggage-banner>`,
};

/** 10,000 incidents: the full history renders 50 at a time, so it costs what 50 cost. */
export const LongHistory: Story = {
  args: {
    customer: { id: 'cust-long', name: 'Dmitri Volkov' },
    incidents: longHistory(10_000),
    historyOpen: true,
  },
};

/** Dark: the tokens follow the page's color-scheme. */
export const Dark: Story = {
  render: (args) => html`<div style="color-scheme: dark; background:#16181d; padding:1rem; display:grid; gap:1rem">
    <mend-baggage-banner style="max-inline-size: 40rem" interaction-id="int-dark" .customer=${args.customer} .incidents=${args.incidents}></mend-baggage-banner>
    <mend-baggage-banner style="max-inline-size: 40rem" .customer=${history(C.light).customer} .incidents=${history(C.light).incidents}></mend-baggage-banner>
  </div>`,
};

/** Right to left: the level stripe, the lists and the actions mirror. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl" lang="ar" style="max-inline-size: 40rem">
    <mend-baggage-banner locale="ar-EG" interaction-id="int-rtl" .customer=${args.customer} .incidents=${args.incidents}></mend-baggage-banner>
  </div>`,
};

/** Acknowledged: the banner folds to its summary (level and why, the unresolved incident, the callback); "Show details" opens the rest. */
export const Acknowledged: Story = {
  play: async ({ canvasElement }) => {
    const banner = canvasElement.querySelector('mend-baggage-banner')!;
    await banner.updateComplete;
    const button = () => banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="acknowledge"]');
    for (let i = 0; !button() && i < 100; i++) await banner.updateComplete;
    button()?.click();
  },
};

/** The details open: every reason, every notable incident, the talking points. */
export const DetailsOpen: Story = {
  args: { detailsOpen: true },
};

/** The Harbor vendor theme (tokens only), in a 400 px side panel with the details open. */
export const Harbor: Story = {
  render: (args) => html`<div class="mend-theme-harbor" style="padding:1rem; max-inline-size: 400px">
    <mend-baggage-banner interaction-id="int-harbor" details-open .customer=${args.customer} .incidents=${args.incidents}></mend-baggage-banner>
  </div>`,
};
