// Issue #20: the banner's first screen is action, not history. The level and its one-line why, the
// unresolved incidents, the talking points (until acknowledged) and the callback are always in
// sight; the rest is one keyboard press away ("Show details", aria-expanded). What the agent reads
// aloud is ready to say, and the section is named "Customer history, <customer>".
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as Axe from 'axe-core';
import '../../src/define/baggage-banner.js';
import '../../src/define/host.js';
import type { MendBaggageBanner } from '../../src/define/baggage-banner.js';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { Incident } from '../../src/core/model.js';
import { THEMES, theme, useThemes } from '../helpers/themes.js';
import { NOW, announcements, heavyIncidents, lightIncidents, part, parts, text, until } from './helpers.js';

const customer = { id: 'cust-1', name: 'Carmen Ruiz' };
let serial = 0;

async function banner(incidents: Incident[], interactionId = `int-sum-${Date.now().toString(36)}-${++serial}`): Promise<MendBaggageBanner> {
  return fixture<MendBaggageBanner>(html`<mend-baggage-banner
    style="max-inline-size: 40rem"
    interaction-id=${interactionId}
    .customer=${customer}
    .incidents=${incidents}
    .now=${NOW}
  ></mend-baggage-banner>`);
}

/** Whether a person sees it: rendered, not inside anything hidden. */
const seen = (el: Element | null | undefined) => !!el && el.checkVisibility();
const reasons = (el: MendBaggageBanner) => [...part(el, 'reasons').querySelectorAll('li')];

async function acknowledge(el: MendBaggageBanner): Promise<void> {
  part(el, 'acknowledge').focus();
  setTimeout(() => void sendKeys({ press: 'Enter' }));
  await oneEvent(el, 'mend-baggage-acknowledge');
  await el.updateComplete;
}

describe('<mend-baggage-banner> summary first (#20)', () => {
  useThemes();

  it('before Acknowledge: the level, one-line why, unresolved incident, talking points and callback are in sight; the rest is behind Show details', async () => {
    const el = await banner(heavyIncidents());
    expect(seen(part(el, 'level'))).to.equal(true);
    const why = reasons(el);
    expect(why.length).to.be.greaterThan(1);
    expect(why.filter(seen).map(text)).to.deep.equal(['1 unresolved incident in 90 days']);
    const incidents = parts(el, 'incident');
    expect(incidents.filter(seen).map((i) => text(i.querySelector('[part~="summary"]')))).to.deep.equal(['Blender arrived with a cracked jar']);
    expect(incidents.filter((i) => !seen(i)).length, 'resolved incidents wait behind the toggle').to.equal(2);
    expect(seen(part(el, 'talking-points'))).to.equal(true);
    expect(seen(part(el, 'callback'))).to.equal(true);
    const toggle = part(el, 'details-toggle');
    expect(text(toggle)).to.equal('Show details');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    for (const id of toggle.getAttribute('aria-controls')!.split(' ')) expect(el.shadowRoot!.getElementById(id), id).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('after Acknowledge it collapses to the summary, keeps focus, says what comes next once; the keyboard opens and closes the rest', async () => {
    const el = await banner(heavyIncidents());
    await acknowledge(el);
    const ack = part(el, 'acknowledge');
    expect(text(ack)).to.equal('Acknowledged');
    expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(ack);
    expect(announcements(el).filter((m) => m.startsWith('Past issues acknowledged'))).to.deep.equal(['Past issues acknowledged. Next: offer the recovery.']);
    // The summary: what the agent must still see.
    expect(seen(part(el, 'level'))).to.equal(true);
    expect(reasons(el).filter(seen).length).to.equal(1);
    expect(parts(el, 'incident').filter(seen).map((i) => text(i))).to.satisfy((list: string[]) => list.length === 1 && list[0]!.includes('Unresolved'));
    expect(seen(part(el, 'callback'))).to.equal(true);
    expect(seen(part(el, 'talking-points')), 'talking points fold away once acknowledged').to.equal(false);
    await expect(el).to.be.accessible();

    // Keyboard: Tab from Acknowledge reaches the toggle; Enter opens, Space closes.
    const toggle = part(el, 'details-toggle');
    while (el.shadowRoot!.activeElement !== toggle) {
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'Tab stays in the banner until the toggle').to.not.equal(null);
    }
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide details');
    expect(el.detailsOpen).to.equal(true);
    expect(el.hasAttribute('details-open')).to.equal(true);
    expect(reasons(el).every(seen)).to.equal(true);
    expect(parts(el, 'incident').every(seen)).to.equal(true);
    expect(seen(part(el, 'talking-points'))).to.equal(true);
    expect(el.shadowRoot!.activeElement, 'focus stays on the toggle').to.equal(toggle);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(seen(part(el, 'talking-points'))).to.equal(false);
  });

  it('a single unresolved incident still has details (every reason); a new customer closes them again', async () => {
    const el = await banner([{ ...heavyIncidents()[0]!, id: 'only' }]);
    // One unresolved incident: one reason beyond the why (R12) is still behind the toggle.
    expect(part(el, 'details-toggle')).to.not.equal(null);
    el.detailsOpen = true;
    await el.updateComplete;
    el.customer = { id: 'cust-2', name: 'Ben' };
    el.incidents = lightIncidents();
    await el.updateComplete;
    await until(() => el.level === 'light');
    await el.updateComplete;
    expect(el.detailsOpen).to.equal(false);
  });

  it('the history is named "Customer history, Carmen Ruiz"', async () => {
    const el = await banner(heavyIncidents());
    // The accessible name as assistive technology computes it (axe's implementation of accname;
    // axe-core registers itself on window, as chai-a11y-axe loads it).
    await expect(el).to.be.accessible();
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    axe.setup(document);
    try {
      expect(axe.commons.text.accessibleText(part(el, 'title'))).to.equal('Customer history, Carmen Ruiz');
      expect(axe.commons.text.accessibleText(part(el, 'base'))).to.equal('Customer history, Carmen Ruiz');
    } finally {
      axe.teardown();
    }
  });

  it("the demo's Carmen Ruiz: talking points ready to say aloud, reasons in sentence case, no rule codes", async () => {
    const seed = demoSeed();
    const interaction = seed.interactions.find((i) => i.customerId === DEMO_IDS.customers.heavy)!;
    const adapter = new MemoryAdapter({ ...seed, context: { interaction } }, { latency: 1 });
    const wrapper = await fixture<HTMLElement>(html`<mend-host .adapter=${adapter} locale="en-US"><mend-baggage-banner></mend-baggage-banner></mend-host>`);
    const el = wrapper.querySelector('mend-baggage-banner')!;
    await until(() => el.state === 'ready', 'the banner is ready');
    await el.updateComplete;
    expect(parts(el, 'talking-point').map(text)).to.deep.equal([
      "Acknowledge: I can see you had a problem with the damaged item last week, and I'm sorry. I can hear how frustrating that has been.",
      "Take ownership: That issue is still open. I'm taking responsibility for it now and I'll see it through.",
      "Be transparent: Last time we offered an apology and a $15 goodwill credit. I'll tell you exactly what I can do today and what happens next.",
    ]);
    el.detailsOpen = true;
    await el.updateComplete;
    for (const line of reasons(el).map(text)) expect(line, line).to.match(/^[\p{Lu}\d]/u);
    expect(text(part(el, 'callback'))).to.match(/^Callback recommended: Rated 1 of 5 /);
    expect(text(el.shadowRoot!)).not.to.match(/\bR(1[0-3]|[1-9])\b/);
  });

  for (const [name, classes] of THEMES) {
    it(`${name}: passes axe before Acknowledge, as a summary and with the details open`, async () => {
      theme(classes);
      const el = await banner(heavyIncidents());
      await expect(el).to.be.accessible();
      await acknowledge(el);
      await expect(el).to.be.accessible();
      part(el, 'details-toggle').click();
      await el.updateComplete;
      expect(seen(part(el, 'talking-points'))).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});
