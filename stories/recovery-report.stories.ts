import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ReportData } from '../src/adapter/lead.js';
import '../src/define/recovery-report.js';
import { leadDesk, reportData } from './fixtures/lead.js';

const NOW = Date.now();
const BUSY = reportData(NOW, 8);
const LABELS = { item_damaged: 'Item damaged', late_delivery: 'Late delivery', wrong_item: 'Wrong item', goodwill: 'Goodwill', fee_waiver: 'Fee waived' };

interface Args {
  data: ReportData;
  locale: string;
}

const report = (data: ReportData | undefined, locale = 'en-US') =>
  html`<mend-recovery-report style="max-inline-size:40rem" .data=${data} .reasonLabels=${LABELS} .now=${NOW} locale=${locale}></mend-recovery-report>`;

const meta = {
  title: 'Lead/Recovery report',
  component: 'mend-recovery-report',
  args: { data: BUSY, locale: 'en-US' },
  argTypes: { data: { control: 'object' }, locale: { control: 'text' } },
  render: (args) => report(args.data, args.locale),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Eight weeks of a team of four: given by agent and reason, the fund's burn-down, causes by department. */
export const Default: Story = {};

/** A quiet period: nothing given, no causes. */
export const Empty: Story = { args: { data: reportData(NOW, 4, false) } };

/** From the demo CRM through the adapter (the current fund week). */
export const FromHost: Story = {
  render: () => html`<mend-recovery-report style="max-inline-size:40rem" .adapter=${leadDesk({ latency: 100 })} .reasonLabels=${LABELS} locale="en-US"></mend-recovery-report>`,
};

/** The host is still answering. */
export const Loading: Story = {
  render: () => html`<mend-recovery-report .adapter=${leadDesk().never('getReport')} locale="en-US"></mend-recovery-report>`,
};

/** The host failed: Retry (which succeeds here). */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<mend-recovery-report .adapter=${leadDesk().failNext('getReport', 'unavailable')} locale="en-US"></mend-recovery-report>`,
};

/** A console without reports: a quiet line. */
export const Unsupported: Story = {
  render: () => html`<mend-recovery-report .adapter=${leadDesk({ capabilities: { reports: false } })} locale="en-US"></mend-recovery-report>`,
};

/** A quarter: thirteen weeks of causes, many bars. */
export const ManyItems: Story = { args: { data: reportData(NOW, 13) } };

/** Dark: the tokens follow the page's color-scheme. */
export const Dark: Story = {
  render: () => html`<div style="color-scheme: dark; background:#16181d; padding:1rem">${report(BUSY)}</div>`,
};

/** The Harbor vendor theme. */
export const Harbor: Story = { render: () => html`<div class="mend-theme-harbor" style="padding:1rem">${report(BUSY)}</div>` };

/** The Ember vendor theme. */
export const Ember: Story = { render: () => html`<div class="mend-theme-ember" style="padding:1rem">${report(BUSY)}</div>` };

/** Right to left, in he-IL. */
export const RightToLeft: Story = { render: () => html`<div dir="rtl">${report(BUSY, 'he-IL')}</div>` };
