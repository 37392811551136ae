import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { DEMO_IDS, demoSeed } from '../src/adapter/demo-data.js';
import type { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import '../src/define/approval-queue.js';
import type { MendApprovalQueue } from '../src/define/approval-queue.js';
import { busyDesk, leadDesk } from './fixtures/lead.js';

interface Args {
  locale: string;
}

const queue = (adapter: MemoryAdapter, locale = 'en-US', attrs: { dir?: string } = {}) =>
  html`<mend-approval-queue style="max-inline-size:34rem" dir=${attrs.dir ?? 'auto'} .adapter=${adapter} locale=${locale}></mend-approval-queue>`;

/** Once the queue has loaded, run `then` (the other lead's move in the race stories). */
const whenReady = (then: (el: MendApprovalQueue) => Promise<void>) =>
  ref((node) => {
    const el = node as MendApprovalQueue | undefined;
    if (!el) return;
    const wait = async () => {
      while (el.approvals.status !== 'ready') await new Promise((r) => setTimeout(r, 20));
      await then(el);
    };
    void wait();
  });

const meta = {
  title: 'Lead/Approval queue',
  component: 'mend-approval-queue',
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'text' } },
  render: (args) => queue(leadDesk({ latency: 100 }), args.locale),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The demo team: Dana's $60.00 refund for Dmitri waits above her $50.00 threshold. */
export const Default: Story = {};

/** Nothing waits. */
export const Empty: Story = {
  render: () => {
    const seed = demoSeed();
    seed.funds[0]!.ledger = seed.funds[0]!.ledger.filter((e) => e.status !== 'pending_approval');
    seed.funds[0]!.pending = 0;
    return queue(leadDesk({}, seed));
  },
};

/** The host is still answering. */
export const Loading: Story = { render: () => queue(leadDesk().never('getApprovals')) };

/** The host failed: says what failed, with Retry (which succeeds here). */
export const ErrorState: Story = { name: 'Error', render: () => queue(leadDesk().failNext('getApprovals', 'unavailable')) };

/** A console without approvals: a quiet line. */
export const Unsupported: Story = { render: () => queue(leadDesk({ capabilities: { approvals: false } })) };

/** A busy afternoon: eight spends from four agents, oldest first. */
export const ManyItems: Story = { render: () => queue(busyDesk(8)) };

/** Live: a spend above Dana's threshold arrives while the lead watches (and is announced). */
export const Live: Story = {
  render: () => {
    const adapter = leadDesk();
    const spend = async () => {
      const fund = await adapter.crm.fund(DEMO_IDS.agent);
      await adapter.spend({ idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(), agentId: DEMO_IDS.agent, amount: 7_000, currency: 'USD', reason: 'item_damaged', note: 'Second broken blender', expectedVersion: fund.version });
    };
    return html`<div style="display:grid;gap:1rem;max-inline-size:34rem">
      <button @click=${spend}>Dana spends $70.00 for Carmen</button>
      ${queue(adapter)}
    </div>`;
  },
};

/**
 * A decision racing another lead: this lead's Approve is on its way when Lee declines first. The
 * host answers `conflict`; the item says another lead was first and leaves the queue, no error.
 */
export const RaceWithAnotherLead: Story = {
  render: () => {
    const adapter = busyDesk(3);
    return html`<mend-approval-queue
      style="max-inline-size:34rem"
      .adapter=${adapter}
      locale="en-US"
      ${whenReady(async (el) => {
        const first = el.approvals.items[0]!.item;
        const held = adapter.hold('decideApproval');
        void el.approvals.decide(first.entryId, true);
        await held.waitFor(1);
        await adapter.approve(first.agentId, first.entryId, false, 'agent-lee');
        await held.release();
      })}
    ></mend-approval-queue>`;
  },
};

/** Dark: the tokens follow the page's color-scheme. */
export const Dark: Story = {
  render: () => html`<div style="color-scheme: dark; background:#16181d; padding:1rem">${queue(busyDesk(3))}</div>`,
};

/** The Harbor vendor theme (tokens only). */
export const Harbor: Story = { render: () => html`<div class="mend-theme-harbor" style="padding:1rem">${queue(busyDesk(3))}</div>` };

/** The Ember vendor theme (tokens only). */
export const Ember: Story = { render: () => html`<div class="mend-theme-ember" style="padding:1rem">${queue(busyDesk(3))}</div>` };

/** Right to left: logical properties mirror the layout; money and waiting times in he-IL. */
export const RightToLeft: Story = { render: () => html`<div dir="rtl">${queue(leadDesk(), 'he-IL', { dir: 'rtl' })}</div>` };
