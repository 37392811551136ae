import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoSeed } from '../src/adapter/demo-data.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import '../src/index.js';
import { de } from './locales/de.js';

/**
 * `<mend-host>` with all four widgets on one in-memory host: the banner's baggage raises the
 * picker's recommendation, the picker spends from the fund the meter shows (one load, one
 * subscription) and pre-fills the logger's resolution.
 */
const meta = {
  title: 'Host/All widgets together',
  component: 'mend-host',
  args: { interaction: 'int-voice-1', locale: 'en-US' },
  argTypes: {
    interaction: {
      control: 'select',
      options: ['int-voice-1', 'int-chat-1', 'int-email-1', 'int-msg-1', 'int-msg-2'],
      description: 'The active interaction of the demo data',
    },
  },
  render: ({ interaction, locale }) => {
    // German words with a German locale: the example translation in stories/locales/de.ts.
    const strings = locale.startsWith('de') ? de : undefined;
    const adapter = new MemoryAdapter(demoSeed());
    const active = demoSeed().interactions.find((i) => i.id === interaction) ?? null;
    adapter.setInteraction(active);
    return html`<mend-host .adapter=${adapter} locale=${locale} .strings=${strings}>
      <div class="mend-story-desk">
        <mend-fund-meter variant="compact"></mend-fund-meter>
        <mend-baggage-banner></mend-baggage-banner>
        <mend-offer-picker name="recovery"></mend-offer-picker>
        <mend-root-cause-logger></mend-root-cause-logger>
      </div>
    </mend-host>`;
  },
} satisfies Meta<{ interaction: string; locale: string }>;
export default meta;
type Story = StoryObj<{ interaction: string; locale: string }>;

/** A customer with heavy baggage and a high-severity issue: callback flagged, both remedies needed. */
export const HeavyBaggage: Story = {};

/** A first-time customer with a low-severity issue. */
export const NoBaggage: Story = { args: { interaction: 'int-msg-1' } };

/**
 * The same desk in German: every word replaced through `<mend-host .strings>` (the example
 * translation in `stories/locales/de.ts`), money and dates in the de-DE locale.
 */
export const German: Story = { args: { interaction: 'int-chat-1', locale: 'de-DE' } };
