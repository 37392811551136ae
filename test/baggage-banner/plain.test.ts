import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/baggage-banner.js';
import type { MendBaggageBanner } from '../../src/define/baggage-banner.js';
import type { Incident } from '../../src/core/model.js';
import { NOW, announced, mountTemplate, heavyIncidents, incident, lightIncidents, manyIncidents, part, parts, text, $, $$ } from './helpers.js';

const customer = { id: 'cust-1', name: 'Carmen Ruiz' };

async function banner(incidents: Incident[], attrs: { noneDisplay?: string } = {}): Promise<MendBaggageBanner> {
  return fixture<MendBaggageBanner>(html`<mend-baggage-banner
    interaction-id="int-1"
    none-display=${attrs.noneDisplay ?? 'quiet'}
    .customer=${customer}
    .incidents=${incidents}
    .now=${NOW}
  ></mend-baggage-banner>`);
}

describe('<mend-baggage-banner> from plain properties (no adapter)', () => {
  it('none: a quiet line, level "none", and passes axe', async () => {
    const el = await banner([]);
    expect(el.state).to.equal('ready');
    expect(el.getAttribute('level')).to.equal('none');
    expect(text(part(el, 'quiet'))).to.equal('No past issues on record.');
    expect(part(el, 'acknowledge')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('quiet lines read as muted text, not as loading placeholders; the actions sit in a row', async () => {
    const none = await banner([]);
    const quiet = getComputedStyle(part(none, 'quiet')!);
    expect(quiet.backgroundColor, 'no placeholder bar behind the quiet line').to.equal('rgba(0, 0, 0, 0)');
    expect(quiet.blockSize).not.to.equal(getComputedStyle(none).fontSize);
    const heavy = await banner(heavyIncidents());
    expect(getComputedStyle(part(heavy, 'actions')!).display).to.equal('flex');
    expect(getComputedStyle(part(heavy, 'remedies')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('none with none-display="hidden" renders nothing and takes no space', async () => {
    const el = await banner([], { noneDisplay: 'hidden' });
    expect(el.getAttribute('level')).to.equal('none');
    expect(part(el, 'base')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('light: the level in words with a shape, the reasons, and no callback', async () => {
    const el = await banner(lightIncidents());
    expect(el.getAttribute('level')).to.equal('light');
    expect(text(part(el, 'level'))).to.equal('Light baggage');
    expect(part(el, 'level-icon')!.getAttribute('aria-hidden')).to.equal('true');
    expect(parts(el, 'reasons')[0]!.querySelectorAll('li').length).to.be.greaterThan(0);
    expect(part(el, 'request-callback')).to.equal(null);
    expect(part(el, 'callback')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('heavy: notable incidents with the remedies already given, and the three talking points', async () => {
    const el = await banner(heavyIncidents());
    expect(el.getAttribute('level')).to.equal('heavy');
    expect(text(part(el, 'level'))).to.equal('Heavy baggage');
    expect(text(part(el, 'customer'))).to.equal('Carmen Ruiz');
    const incidents = parts(el, 'incident');
    expect(incidents.length).to.be.within(1, 3);
    expect(text(incidents[0])).to.contain('Blender arrived with a cracked jar');
    expect(text(incidents[0])).to.contain('Unresolved');
    const given = incidents.map((i) => text(i.querySelector('[part~="remedies"]'))).join(' | ');
    expect(given).to.contain('Goodwill credit ($15.00)');
    const behaviours = parts(el, 'talking-point').map((p) => p.dataset.behaviour);
    expect(behaviours).to.include.members(['acknowledge', 'own', 'transparent']);
    expect(text(part(el, 'talking-points'))).to.contain('Take ownership:');
    expect(text(part(el, 'talking-points'))).to.contain('Be transparent:');
    await expect(el).to.be.accessible();
  });

  it('heavy with severe recent dissatisfaction recommends a callback (R5) and says why', async () => {
    const el = await banner(heavyIncidents());
    expect(text(part(el, 'callback'))).to.contain('Rated 1 of 5');
    expect(text(part(el, 'request-callback'))).to.equal('Request callback');
  });

  it('the level is never colour alone: each level has its own words and shape', async () => {
    const shapes = new Set<string>();
    const words = new Set<string>();
    for (const list of [[], lightIncidents(), heavyIncidents()]) {
      const el = await banner(list);
      shapes.add(part(el, 'level-icon')!.innerHTML.replace(/<!--.*?-->/g, ''));
      words.add(text(part(el, 'level')));
    }
    expect(shapes.size).to.equal(3);
    expect([...words]).to.deep.equal(['No past issues on record.', 'Light baggage', 'Heavy baggage']);
  });

  it('customer text is shown as text only, whatever it contains', async () => {
    (window as unknown as { pwned?: number }).pwned = 0;
    const hostile = [
      incident('x1', 3, { resolved: false, severity: 'high', summary: '<img src=x onerror="window.pwned=1">' }),
      incident('x2', 4, { resolved: false, summary: '<script>window.pwned=2</script>', category: '<b>bold</b>' }),
    ];
    const el = await fixture<MendBaggageBanner>(html`<mend-baggage-banner
      .customer=${{ id: 'c', name: '<img src=y onerror="window.pwned=3">' }}
      .incidents=${hostile}
      .now=${NOW}
    ></mend-baggage-banner>`);
    await new Promise((r) => setTimeout(r, 20));
    expect((window as unknown as { pwned?: number }).pwned).to.equal(0);
    expect($$(el, 'img, script, b').length).to.equal(0);
    const summaries = parts(el, 'summary').map((s) => s.textContent);
    expect(summaries).to.include('<img src=x onerror="window.pwned=1">');
    expect(summaries).to.include('<script>window.pwned=2</script>');
    expect(text(part(el, 'customer'))).to.equal('<img src=y onerror="window.pwned=3">');
    await expect(el).to.be.accessible();
  });

  it('Acknowledge fires mend-baggage-acknowledge once, even on a double click, and keeps focus', async () => {
    const el = await banner(heavyIncidents());
    const events: CustomEvent[] = [];
    el.addEventListener('mend-baggage-acknowledge', (e) => events.push(e));
    const button = part<HTMLButtonElement>(el, 'acknowledge');
    button.focus();
    button.click();
    button.click();
    await el.updateComplete;
    button.click();
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(events[0]!.detail).to.deep.include({ interactionId: 'int-1', customerId: 'cust-1', idempotencyKey: 'ack:int-1' });
    expect(events[0]!.detail.incidentIds).to.include('inc-h1');
    const after = part<HTMLButtonElement>(el, 'acknowledge');
    expect(after).to.equal(button);
    expect(after.getAttribute('aria-disabled')).to.equal('true');
    expect(text(after)).to.equal('Acknowledged');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await expect(el).to.be.accessible();
  });

  it('Request callback fires mend-callback-request once with the reason and the incident', async () => {
    const el = await banner(heavyIncidents());
    const events: CustomEvent[] = [];
    el.addEventListener('mend-callback-request', (e) => events.push(e));
    const button = part<HTMLButtonElement>(el, 'request-callback');
    setTimeout(() => {
      button.click();
      button.click();
    });
    const { detail } = await oneEvent(el, 'mend-callback-request');
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(detail.interactionId).to.equal('int-1');
    expect(detail.customerId).to.equal('cust-1');
    expect(detail.incidentId).to.equal('inc-h2');
    expect(detail.reason).to.contain('Rated 1 of 5');
    expect(text(button)).to.equal('Callback requested');
    expect(await announced(el)).to.equal('Callback requested');
  });

  it('keyboard only: Tab reaches Acknowledge and Enter acknowledges; Space opens the history', async () => {
    const el = await banner(heavyIncidents());
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'acknowledge'));
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'mend-baggage-acknowledge');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'request-callback'));
    await sendKeys({ press: 'Tab' });
    const toggle = part(el, 'history-toggle');
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(parts(el, 'history-item').length).to.equal(3);
    before.remove();
  });

  it('every action is a target of at least 24 by 24 px', async () => {
    const el = await banner(manyIncidents(120));
    part(el, 'history-toggle').click();
    await el.updateComplete;
    const buttons = $$(el, 'button');
    expect(buttons.length).to.be.greaterThan(2);
    for (const b of buttons) {
      const r = b.getBoundingClientRect();
      expect(r.width, text(b)).to.be.at.least(24);
      expect(r.height, text(b)).to.be.at.least(24);
    }
  });

  it('announces the level politely when it appears, without taking focus', async () => {
    const outside = document.createElement('input');
    outside.setAttribute('aria-label', 'outside');
    document.body.append(outside);
    outside.focus();
    const el = await banner(heavyIncidents());
    expect(await announced(el)).to.equal('Heavy baggage: Carmen Ruiz.');
    expect($(el, '[role="status"]').getAttribute('aria-live')).to.equal('polite');
    expect(document.activeElement).to.equal(outside);
    outside.remove();
  });

  it('a new customer pushed in by the page is announced, and the history closes again', async () => {
    const el = await banner(heavyIncidents());
    part(el, 'history-toggle').click();
    await el.updateComplete;
    expect(part(el, 'history-toggle').getAttribute('aria-expanded')).to.equal('true');
    el.customer = { id: 'cust-2', name: 'Ben' };
    el.interactionId = 'int-2';
    el.incidents = lightIncidents();
    await el.updateComplete;
    expect(text(part(el, 'customer'))).to.equal('Ben');
    expect(part(el, 'history-toggle').getAttribute('aria-expanded')).to.equal('false');
    expect(await announced(el)).to.equal('Light baggage: Ben.');
    // The acts belong to the interaction: the new one can be acknowledged.
    expect(part(el, 'acknowledge').getAttribute('aria-disabled')).to.equal('false');
  });

  it('a page-supplied policy changes the assessment (heavyPoints)', async () => {
    const el = await banner(heavyIncidents());
    expect(el.level).to.equal('heavy');
    el.policy = { heavyPoints: 1000 };
    await el.updateComplete;
    expect(el.level).to.equal('light');
  });

  it('never dismisses itself', async () => {
    const el = await banner(heavyIncidents());
    await new Promise((r) => setTimeout(r, 80));
    expect(part(el, 'base')).to.not.equal(null);
    expect(el.level).to.equal('heavy');
  });

  it('bad data from the page does not throw: it shows an error state instead', async () => {
    const el = await fixture<MendBaggageBanner>(html`<mend-baggage-banner
      .incidents=${[null, { id: 1 }] as unknown as Incident[]}
      .now=${NOW}
    ></mend-baggage-banner>`);
    expect(['error', 'ready']).to.include(el.state);
    expect(part(el, 'base')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('strings can be replaced', async () => {
    const el = await fixture<MendBaggageBanner>(html`<mend-baggage-banner
      .strings=${{ baggageHeavy: 'Schweres Gepäck', baggageAcknowledge: 'Bestätigen' }}
      .incidents=${heavyIncidents()}
      .now=${NOW}
    ></mend-baggage-banner>`);
    expect(text(part(el, 'level'))).to.equal('Schweres Gepäck');
    expect(text(part(el, 'acknowledge'))).to.equal('Bestätigen');
  });

  it('the reasons and talking points take replacement strings by code, filled with their facts', async () => {
    const el = await fixture<MendBaggageBanner>(html`<mend-baggage-banner
      .strings=${{
        'reason.unresolved_recent': '{count} ungelöster Vorfall in {days} Tagen',
        'talk.acknowledge': 'Ich sehe, dass Sie vor {days} Tagen ein Problem ({category}) hatten. Das tut mir leid.',
        'talk.own_open': 'Der Vorgang ist noch offen; ich kümmere mich jetzt darum.',
      }}
      .incidents=${heavyIncidents()}
      .now=${NOW}
    ></mend-baggage-banner>`);
    const reasons = [...part(el, 'reasons').querySelectorAll('li')].map(text);
    expect(reasons).to.include('1 ungelöster Vorfall in 90 Tagen');
    const points = parts(el, 'talking-point').map(text);
    expect(points[0]).to.equal('Acknowledge: Ich sehe, dass Sie vor 10 Tagen ein Problem (Damaged item) hatten. Das tut mir leid.');
    expect(points[1]).to.equal('Take ownership: Der Vorgang ist noch offen; ich kümmere mich jetzt darum.');
    // A code without a replacement keeps the core's English.
    expect(reasons.some((r) => r.startsWith('Rated 1 of 5'))).to.equal(true);
    expect(points[2]).to.match(/^Be transparent: Last time we offered /);
  });

  it('right-to-left: the level stripe follows the inline start', async () => {
    const root = await mountTemplate(html`<div dir="rtl">
      <mend-baggage-banner .incidents=${heavyIncidents()} .now=${NOW}></mend-baggage-banner>
    </div>`);
    const wrapper = root.firstElementChild!;
    const el = root.querySelector('mend-baggage-banner')!;
    await el.updateComplete;
    const style = getComputedStyle(part(el, 'base'));
    expect(style.borderRightWidth).to.equal('4px');
    expect(style.borderLeftWidth).to.equal('1px');
    await expect(wrapper).to.be.accessible();
  });
});

describe('<mend-baggage-banner> full history on demand', () => {
  it('a disclosure button with aria-expanded controls the history panel', async () => {
    const el = await banner(heavyIncidents());
    const toggle = part(el, 'history-toggle');
    expect(text(toggle)).to.equal('Show full history (3)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const panel = $(el, `#${toggle.getAttribute('aria-controls')}`);
    expect(panel.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide full history');
    expect($(el, `#${toggle.getAttribute('aria-controls')}`).hidden).to.equal(false);
    // Newest first.
    expect(parts(el, 'history-item').map((i) => text(i.querySelector('[part~="summary"]')))).to.deep.equal([
      'Nobody called back',
      'Blender arrived with a cracked jar',
      'Late parcel',
    ]);
    await expect(el).to.be.accessible();
  });

  it('10,000 incidents render no more than 50 did: the cost follows what is visible', async () => {
    const small = await banner(manyIncidents(50));
    part(small, 'history-toggle').click();
    await small.updateComplete;
    const smallNodes = small.shadowRoot!.querySelectorAll('*').length;

    const el = await banner(manyIncidents(10_000));
    const t0 = performance.now();
    part(el, 'history-toggle').click();
    await el.updateComplete;
    const elapsed = performance.now() - t0;
    expect(parts(el, 'history-item').length).to.equal(50);
    expect(text(el.shadowRoot!.querySelector('.showing'))).to.equal('Showing 50 of 10,000');
    // Same DOM as 50 incidents, plus the "Show more" button.
    expect(el.shadowRoot!.querySelectorAll('*').length).to.equal(smallNodes + 1);
    expect(elapsed).to.be.below(500);
    await expect(el).to.be.accessible();
  });

  it('"Show more" renders the next 50, newest first, and announces how many are shown', async () => {
    const el = await banner(manyIncidents(120));
    part(el, 'history-toggle').click();
    await el.updateComplete;
    const first = parts(el, 'history-item').map((i) => Date.parse(i.querySelector('time')!.getAttribute('datetime')!));
    expect(first).to.deep.equal([...first].sort((a, b) => b - a));
    part(el, 'show-more').click();
    await el.updateComplete;
    expect(parts(el, 'history-item').length).to.equal(100);
    expect(await announced(el)).to.equal('Showing 100 of 120');
  });

  it('when the last page is shown the button goes and focus lands on the list, not the page', async () => {
    const el = await banner(manyIncidents(60));
    part(el, 'history-toggle').click();
    await el.updateComplete;
    const more = part(el, 'show-more');
    expect(text(more)).to.equal('Show 10 more');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(part(el, 'show-more')).to.equal(null);
    expect(parts(el, 'history-item').length).to.equal(60);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'history-list'));
  });
});
