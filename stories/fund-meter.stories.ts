import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_IDS, demoSeed } from '../src/adapter/demo-data.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { Fund, LedgerEntry, SpendStatus } from '../src/core/model.js';
import '../src/define/fund-meter.js';
import '../src/define/host.js';

const DAY = 86_400_000;
const REASONS = ['item_damaged', 'wrong_item', 'late_delivery', 'goodwill', 'fee_waiver'];

/** A fund whose period runs now (no roll-over), with `spent` and `pending` made from its ledger. */
function storyFund(ledger: LedgerEntry[], over: Partial<Fund> = {}): Fund {
  const start = Math.floor((Date.now() - 2 * DAY) / DAY) * DAY;
  const sum = (status: SpendStatus) => ledger.filter((e) => e.status === status).reduce((s, e) => s + e.amount, 0);
  return {
    agentId: 'agent-dana', currency: 'USD', budget: 20000, spent: sum('done'), pending: sum('pending_approval'),
    perActionCap: 15000, approvalThreshold: 5000, period: 'week',
    periodStart: new Date(start).toISOString(), periodEnd: new Date(start + 7 * DAY).toISOString(),
    version: ledger.length + 1, ledger, ...over,
  };
}

function entries(count: number, amount = (i: number) => 500 + ((i * 737) % 2500), status = (_i: number): SpendStatus => 'done'): LedgerEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `led-${i + 1}`,
    at: new Date(Date.now() - (i + 1) * 3 * 3_600_000).toISOString(),
    amount: amount(i),
    reason: REASONS[i % REASONS.length]!,
    interactionId: `int-${4800 + i}`,
    status: status(i),
  }));
}

const PLENTY = storyFund(entries(3, () => 1500));
const LOW = storyFund(entries(6, (i) => [2500, 1500, 2000, 4000, 3500, 3000][i]!));
const EXHAUSTED = storyFund(entries(8, () => 2500));
const PENDING = storyFund([
  ...entries(3, () => 1500),
  ...entries(2, (i) => [6000, 7500][i]!, () => 'pending_approval').map((e, i) => ({ ...e, id: `led-p${i}`, reason: 'item_damaged' })),
]);
const LONG = storyFund(entries(40, (i) => 100 + ((i * 131) % 900)), { budget: 50000, perActionCap: 20000, approvalThreshold: 10000 });

interface Args {
  variant: string;
  locale: string;
  fund: Fund;
  ledgerOpen: boolean;
}

const meta = {
  title: 'Widgets/Fund meter',
  component: 'mend-fund-meter',
  args: { variant: 'full', locale: 'en-US', fund: PLENTY, ledgerOpen: false },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    locale: { control: 'text' },
    ledgerOpen: { control: 'boolean' },
    fund: { control: 'object' },
  },
  render: (args) =>
    html`<mend-fund-meter
      style="max-inline-size: 28rem"
      .fund=${args.fund}
      variant=${args.variant}
      locale=${args.locale}
      ?ledger-open=${args.ledgerOpen}
    ></mend-fund-meter>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Most of the week's budget left: the agent can give within the limits without asking. */
export const Plenty: Story = {};

/** Under a quarter of the budget (or under one per-action cap) is left: "Running low", striped bar. */
export const Low: Story = { args: { fund: LOW } };

/** Nothing left: "Exhausted", hatched track. Spends now need approval. */
export const Exhausted: Story = { args: { fund: EXHAUSTED } };

/** Two spends above the approval threshold wait for a lead; what is left does not count them. */
export const PendingApprovals: Story = { args: { fund: PENDING, ledgerOpen: true } };

/** One line for a toolbar: the meter, what is left and the level. */
export const Compact: Story = {
  args: { fund: LOW, variant: 'compact' },
  render: (args) => html`<div style="display:flex;align-items:center;gap:1rem;max-inline-size:40rem">
    <strong>Dana Reyes</strong>
    <mend-fund-meter style="flex:1" .fund=${args.fund} variant="compact" locale=${args.locale}></mend-fund-meter>
  </div>`,
};

/** A busy period: 40 entries, with totals by reason so a lead sees where the fund goes. */
export const LongLedger: Story = { args: { fund: LONG, ledgerOpen: true } };

/** Money in the agent's locale and currency: 0 decimals (JPY), 3 decimals (KWD), de-DE (EUR). */
export const Currencies: Story = {
  render: () => html`<div style="display:grid;gap:1rem;max-inline-size:28rem">
    <mend-fund-meter locale="ja-JP" .fund=${storyFund(entries(3, () => 1500), { currency: 'JPY', budget: 30000, perActionCap: 20000, approvalThreshold: 5000 })}></mend-fund-meter>
    <mend-fund-meter locale="en-US" .fund=${storyFund(entries(3, () => 12345), { currency: 'KWD', budget: 100000, perActionCap: 50000, approvalThreshold: 20000 })}></mend-fund-meter>
    <mend-fund-meter locale="de-DE" .fund=${storyFund(entries(3), { currency: 'EUR' })}></mend-fund-meter>
  </div>`,
};

/** Live from the in-memory host: a spend in another tab (a host `fundChanged` event) moves the meter. */
export const Live: Story = {
  render: () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: 150 });
    let version = 0;
    const spendElsewhere = async () => {
      const fund = await adapter.crm.fund(DEMO_IDS.agent);
      version = Math.max(version, fund.version) + 1;
      adapter.emit('fundChanged', { fund: { ...fund, spent: fund.spent + 1000, version } });
    };
    return html`<mend-host .adapter=${adapter} locale="en-US">
      <div style="display:grid;gap:1rem;max-inline-size:28rem">
        <mend-fund-meter variant="compact"></mend-fund-meter>
        <mend-fund-meter></mend-fund-meter>
        <button @click=${spendElsewhere}>Spend $10.00 in another tab</button>
      </div>
    </mend-host>`;
  },
};

/** The host is still answering: the space is reserved, nothing jumps. */
export const Loading: Story = {
  render: () => {
    const adapter = new MemoryAdapter(demoSeed()).never('getFund');
    return html`<mend-fund-meter style="max-inline-size:28rem" .adapter=${adapter} locale="en-US"></mend-fund-meter>`;
  },
};

/** The host failed: says what failed, with Retry (which succeeds here). */
export const ErrorState: Story = {
  name: 'Error',
  render: () => {
    const adapter = new MemoryAdapter(demoSeed()).failNext('getFund', 'unavailable');
    return html`<mend-fund-meter style="max-inline-size:28rem" .adapter=${adapter} locale="en-US"></mend-fund-meter>`;
  },
};

/** A host console without a discretionary fund: a quiet line, no error. */
export const Unsupported: Story = {
  render: () => {
    const adapter = new MemoryAdapter(demoSeed(), { capabilities: { fund: false } });
    return html`<mend-fund-meter style="max-inline-size:28rem" .adapter=${adapter} locale="en-US"></mend-fund-meter>`;
  },
};

/** Dark: the tokens follow the page's color-scheme. */
export const Dark: Story = {
  args: { fund: PENDING, ledgerOpen: true },
  render: (args) => html`<div style="color-scheme: dark; background:#16181d; padding:1rem">
    <mend-fund-meter style="max-inline-size:28rem" .fund=${args.fund} ?ledger-open=${args.ledgerOpen} locale="en-US"></mend-fund-meter>
    <br />
    <mend-fund-meter style="max-inline-size:28rem" .fund=${EXHAUSTED} variant="compact" locale="en-US"></mend-fund-meter>
  </div>`,
};

/** Right to left: logical properties mirror the bar, the level and the tables. */
export const RightToLeft: Story = {
  args: { fund: LOW, ledgerOpen: true },
  render: (args) => html`<div dir="rtl" style="max-inline-size:28rem;display:grid;gap:1rem">
    <mend-fund-meter .fund=${{ ...args.fund, currency: 'ILS' }} ?ledger-open=${args.ledgerOpen} locale="he-IL"></mend-fund-meter>
    <mend-fund-meter .fund=${{ ...args.fund, currency: 'ILS' }} variant="compact" locale="he-IL"></mend-fund-meter>
  </div>`,
};
