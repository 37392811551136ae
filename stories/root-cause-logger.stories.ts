import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_IDS, demoSeed, generateTaxonomy } from '../src/adapter/demo-data.js';
import { HostError } from '../src/adapter/errors.js';
import type { CallOptions, RootCauseLog, WriteReceipt } from '../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { sessionFor } from '../src/adapter/session.js';
import type { Incident, Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../src/core/model.js';
import '../src/define/root-cause-logger.js';
import type { MendRootCauseLogger } from '../src/define/root-cause-logger.js';

const SEED = demoSeed();
const RECURRING = SEED.taxonomy.causes.find((c) => c.id === DEMO_IDS.recurringCause)!;
const QUIET = SEED.taxonomy.causes.find((c) => c.departmentId === 'billing' && !SEED.recurrence.some((r) => r.causeId === c.id))!;
/** Carmen Ruiz, the heavy-baggage customer: an unresolved "Damaged item" incident. */
const CARMEN = SEED.histories.find((h) => h.customer.id === DEMO_IDS.customers.heavy)!;

/** A fresh contact each time a story renders (drafts are kept per interaction across reloads). */
function contact(minutesAgo = 6): Interaction {
  return {
    ...SEED.interactions[0]!,
    id: `story-${crypto.randomUUID()}`,
    startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    resolved: false,
  };
}

/**
 * The in-memory host of a story. `offline`: it never takes this contact's log (the console is away);
 * `refuse`: it refuses the first log of this contact with that reason. Aimed at this story's contact
 * only, because the outbox is shared by the page: a log another story left queued still goes through.
 */
class StoryHost extends MemoryAdapter {
  constructor(
    readonly contact: Interaction,
    readonly options: { offline?: boolean; refuse?: string } = {},
  ) {
    super({ ...SEED, context: { interaction: contact } }, { latency: 200 });
  }
  override logRootCause(log: RootCauseLog, options?: CallOptions): Promise<WriteReceipt> {
    if (log.interactionId === this.contact.id) {
      if (this.options.offline) return Promise.reject(new HostError('unavailable', 'The console is offline.'));
      const reason = this.options.refuse;
      if (reason) {
        this.options.refuse = undefined;
        return Promise.reject(new HostError('invalid_request', reason));
      }
    }
    return super.logRootCause(log, options);
  }
}

/** One adapter (and one outbox) per story, as on a real page: the previous story's outbox stops. */
let previous: MemoryAdapter | null = null;
function host(options: { offline?: boolean; refuse?: string; minutesAgo?: number } = {}, configure: (adapter: MemoryAdapter) => void = () => {}): MemoryAdapter {
  if (previous) void sessionFor(previous).openOutbox().then((o) => o.dispose());
  const adapter = new StoryHost(contact(options.minutesAgo), options);
  configure(adapter);
  previous = adapter;
  return adapter;
}

/** What an agent does, step by step, inside the widget (used by the stories' play functions). */
async function agentFills(root: HTMLElement, causeQuery: string, submit = false): Promise<MendRootCauseLogger> {
  const el = root.querySelector('mend-root-cause-logger')!;
  const shadow = el.shadowRoot!;
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  };
  const input = () => shadow.querySelector<HTMLInputElement>('#cause')!;
  await until(() => !!input() && !input().disabled);
  const type = async (selector: string, value: string) => {
    const field = shadow.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  };
  const key = async (k: string) => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    await el.updateComplete;
  };
  await type('#problem', 'Customer received a blue kettle instead of the white one on the order.');
  await type('#cause', causeQuery);
  await until(() => input().getAttribute('aria-busy') !== 'true'); // the type-ahead loads on demand
  await key('Enter'); // the first match is highlighted as the agent types
  await type('#resolution', 'Apology; expedited replacement shipped today; return label emailed.');
  if (submit) shadow.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
  return el;
}

interface Args {
  taxonomy: Taxonomy;
  /** The customer's past incidents (the suggested cause comes from an open one). */
  incidents?: Incident[];
  recurrence: RecurrenceCount[];
  policy: RecoveryPolicy;
  resolution: string;
  guardWrapUp: boolean;
}

const meta = {
  title: 'Widgets/Root-cause logger',
  component: 'mend-root-cause-logger',
  args: {
    taxonomy: SEED.taxonomy,
    recurrence: SEED.recurrence,
    policy: SEED.policy,
    resolution: '',
    guardWrapUp: true,
  },
  argTypes: {
    taxonomy: { control: false },
    recurrence: { control: 'object' },
    policy: { control: 'object' },
    incidents: { control: 'object' },
    resolution: { control: 'text' },
    guardWrapUp: { control: 'boolean' },
  },
  render: (args) =>
    html`<mend-root-cause-logger
      style="max-inline-size: 34rem"
      .taxonomy=${args.taxonomy}
      .recurrence=${args.recurrence}
      .policy=${args.policy}
      .interaction=${contact()}
      .incidents=${args.incidents}
      .resolution=${args.resolution || undefined}
      .guardWrapUp=${args.guardWrapUp}
      locale="en-US"
    ></mend-root-cause-logger>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Nothing logged yet for this contact: plain properties, no host. Type to search the taxonomy. */
export const Empty: Story = {};

/** Every field filled: the department comes from the root cause; the resolution from the recovery. */
export const Filled: Story = {
  args: { resolution: 'Apology; expedited replacement' },
  play: async ({ canvasElement }) => void (await agentFills(canvasElement, QUIET.label)),
};

/** The chosen cause keeps coming back: "Logged 14 times in 7 days, routed to Warehouse." */
export const RecurringCause: Story = {
  play: async ({ canvasElement }) => void (await agentFills(canvasElement, RECURRING.label)),
};

/** Saved while the console is away: safe on this device, sent when the host is back. */
export const QueuedOffline: Story = {
  render: () => {
    const adapter = host({ offline: true });
    return html`<mend-root-cause-logger style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-root-cause-logger>`;
  },
  play: async ({ canvasElement }) => void (await agentFills(canvasElement, QUIET.label, true)),
};

/** The host refused the log: its reason, and the agent can fix it and resend, or discard it. */
export const NeedsAttention: Story = {
  render: () => {
    const adapter = host({ refuse: 'Billing does not take root-cause logs by chat; choose Customer Service.' });
    return html`<mend-root-cause-logger style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-root-cause-logger>`;
  },
  play: async ({ canvasElement }) => void (await agentFills(canvasElement, QUIET.label, true)),
};

/** The agent tried to wrap up before logging: the host asked, the logger said not yet. */
export const WrapUpBlocked: Story = {
  render: () => {
    const adapter = host();
    return html`<div style="display:grid;gap:0.75rem;max-inline-size:34rem">
      <button @click=${() => void adapter.wrapUp()}>Wrap up (host console)</button>
      <mend-root-cause-logger .adapter=${adapter} locale="en-US"></mend-root-cause-logger>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('mend-root-cause-logger')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('#cause-hint'); i++) await new Promise((r) => setTimeout(r, 20));
    canvasElement.querySelector('button')!.click();
  },
};

/**
 * Known facts, filled: the problem from the contact's subject, the root cause suggested from the
 * customer's open incident ("Damaged item") and how often the candidates were logged, the department
 * routed from it. Each is a suggestion the agent can change; Enter in any field saves.
 */
export const KnownFacts: Story = {
  args: { incidents: CARMEN.incidents, resolution: 'Replacement shipped today; $15 goodwill credit' },
};

/** With a host: the suggestion comes from the customer history the session shares with the banner. */
export const KnownFactsFromHost: Story = {
  render: () => {
    const adapter = host();
    return html`<mend-root-cause-logger style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-root-cause-logger>`;
  },
};

/** Enter on an incomplete log: what is missing is marked and said, and focus goes to the first of it. */
export const IncompleteSave: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('mend-root-cause-logger')!;
    const problem = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#problem')!;
    problem.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
  },
};

/** 50,000 root causes: the type-ahead still answers at once, showing the best 20. */
export const LargeTaxonomy: Story = {
  args: { taxonomy: generateTaxonomy(50_000), recurrence: [] },
};

/** R10: the contact has been open 45 minutes unresolved; the host is told to notify a manager. */
export const OverTimeLimit: Story = {
  render: () => {
    const adapter = host({ minutesAgo: 45 });
    return html`<mend-root-cause-logger style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-root-cause-logger>`;
  },
};

/** The host is still answering: the space is reserved. */
export const Loading: Story = {
  render: () => {
    const adapter = host({}, (a) => a.never('getTaxonomy'));
    return html`<mend-root-cause-logger style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-root-cause-logger>`;
  },
};

/** The taxonomy failed to load: says what failed, with Retry (which succeeds here). */
export const ErrorState: Story = {
  name: 'Error',
  render: () => {
    const adapter = host({}, (a) => a.failNext('getTaxonomy', 'unavailable'));
    return html`<mend-root-cause-logger style="max-inline-size:34rem" .adapter=${adapter} locale="en-US"></mend-root-cause-logger>`;
  },
};

/** Dark: the tokens follow the page's color-scheme. */
export const Dark: Story = {
  render: (args) => html`<div style="color-scheme: dark; background:#16181d; padding:1rem">
    ${meta.render({ ...args })}
  </div>`,
  play: async ({ canvasElement }) => void (await agentFills(canvasElement, RECURRING.label)),
};

/** Right to left: logical properties mirror the layout. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${meta.render({ ...args })}</div>`,
  play: async ({ canvasElement }) => void (await agentFills(canvasElement, RECURRING.label)),
};
