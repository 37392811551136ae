// The demo agent console (issue #9): the four widgets working together on the embedded CRM, the
// queue of concurrent contacts, the host offline switch with the outbox, reset, themes, RTL, the
// event log, and axe on the whole desk.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  buttonNamed,
  contact,
  fundLeft,
  inside,
  logRootCause,
  loggerStatus,
  mount,
  switchNamed,
  text,
  unmountAll,
  until,
} from './helpers.js';

afterEach(unmountAll);

const bannerCustomer = (root: ParentNode) => text(inside(root, 'mend-baggage-banner', '[part~="customer"]'));
const outboxText = (root: ParentNode) => text(root.querySelector('.outbox'));

describe('demo console', () => {
  it('shows the queue and all four widgets (and the compact meter) on the demo data', async () => {
    const { root } = await mount();
    const names = [...root.querySelectorAll('.queue .contact-name')].map(text);
    expect(names).to.deep.equal(['Carmen Ruiz', 'Benedikt Schäfer', 'Dmitri Volkov', 'Ava Lindqvist', 'Emeka Obi']);
    const carmen = contact(root, 'Carmen Ruiz');
    expect(carmen.getAttribute('aria-current')).to.equal('true');
    expect(text(carmen)).to.include('Voice').and.include('Replacement blender also arrived broken').and.match(/\d+ min/);
    expect(text(root.querySelector('.agent-name'))).to.equal('Dana Reyes');
    expect(text(root.querySelector('#customer-title'))).to.equal('Carmen Ruiz');
    // The banner pulls Carmen's heavy baggage forward...
    expect(bannerCustomer(root)).to.equal('Carmen Ruiz');
    await until(() => root.querySelector('mend-baggage-banner')!.getAttribute('level') === 'heavy', 'the heavy baggage level');
    // ...the picker recommends for a high severity, the meter shows the agent's fund twice.
    await until(() => !!inside(root, 'mend-offer-picker', '[part~="accept"]'), 'the recommendation');
    expect(text(inside(root, 'mend-offer-picker', '[part~="severity"]'))).to.include('high');
    await until(() => fundLeft(root) === '$70.00 left of $200.00', 'the full meter');
    await until(() => text(inside(root, '.top mend-fund-meter', '[part~="remaining"]')).includes('$70.00'), 'the compact meter');
    expect(root.querySelector('.top mend-fund-meter')!.getAttribute('variant')).to.equal('compact');
    await until(() => !!inside(root, 'mend-root-cause-logger', '[role="combobox"]'), 'the logger');
    expect(outboxText(root)).to.equal('Outbox: all sent');
  });

  it('switching contacts in the queue moves every widget to the new customer (keyboard too)', async () => {
    const { root, demo } = await mount();
    contact(root, 'Benedikt Schäfer').click();
    await until(() => bannerCustomer(root) === 'Benedikt Schäfer', 'the banner to follow');
    expect(demo.activeId).to.equal('int-chat-1');
    expect(contact(root, 'Benedikt Schäfer').getAttribute('aria-current')).to.equal('true');
    expect(contact(root, 'Carmen Ruiz').getAttribute('aria-current')).to.equal('false');
    expect(text(root.querySelector('#customer-title'))).to.equal('Benedikt Schäfer');
    await until(() => text(inside(root, 'mend-offer-picker', '[part~="severity"]')).includes('low'), 'the picker to follow');

    // Keyboard only: focus the next contact and press Enter.
    contact(root, 'Dmitri Volkov').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => bannerCustomer(root) === 'Dmitri Volkov', 'the banner to follow the keyboard');
    expect(document.activeElement).to.equal(contact(root, 'Dmitri Volkov'), 'focus stays on the queue');
  });

  it('the picker spends from the shared fund (both meters) and pre-fills the logger', async () => {
    const { root } = await mount();
    await until(() => !!inside(root, 'mend-offer-picker', '[part~="accept"]'), 'the recommendation');
    const picker = root.querySelector('mend-offer-picker')!;
    // The recommendation is one action: its card says what it gives, Accept chooses and confirms it.
    expect(text(picker.shadowRoot!.querySelector('[part~="card-gives"]'))).to.include('Goodwill credit · $15.00');
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
    await until(() => fundLeft(root) === '$55.00 left of $200.00', 'the full meter to show the spend');
    await until(() => text(inside(root, '.top mend-fund-meter', '[part~="remaining"]')).includes('$55.00'), 'the compact meter too');
    const resolution = inside<HTMLTextAreaElement>(root, 'mend-root-cause-logger', '#resolution')!;
    await until(() => resolution.value.includes('Goodwill credit'), 'the logger to be pre-filled');
    await until(() => !!root.querySelector('.log-list li[data-type="mend-offer-accept"]'), 'the event log line');
    expect(text(root.querySelector('.log-list li[data-type="mend-offer-accept"]'))).to.include('Recovery accepted').and.include('Carmen Ruiz');
  });

  it('offline: a logged root cause waits in the outbox; back online it is delivered once', async () => {
    const { root, demo } = await mount();
    const host = switchNamed(root, 'Host online');
    expect(host.getAttribute('aria-checked')).to.equal('true');
    host.click();
    await until(() => switchNamed(root, 'Host online').getAttribute('aria-checked') === 'false', 'the switch');
    expect(demo.adapter.online).to.equal(false);
    expect(text(root.querySelector('.host-state'))).to.equal('Host offline');

    await logRootCause(root);
    await until(() => outboxText(root) === 'Outbox: 1 waiting to send', 'the outbox count');
    expect(loggerStatus(root)).not.to.include('Delivered');
    // Peek at the CRM's records directly (the adapter is offline): nothing arrived.
    expect(await demo.adapter.crm.writes('logRootCause')).to.have.length(0);

    switchNamed(root, 'Host online').click();
    await until(() => outboxText(root) === 'Outbox: all sent', 'the outbox to drain');
    await until(() => loggerStatus(root).includes('Delivered'), 'the logger to say delivered');
    expect(await demo.adapter.crm.writes('logRootCause')).to.have.length(1);
    expect(text(root.querySelector('.host-state'))).to.equal('Host connected');
    const lines = [...root.querySelectorAll('.log-list li')].map(text);
    expect(lines.some((l) => l.includes('1 write waiting'))).to.equal(true);
    expect(lines.some((l) => l.includes('every write delivered'))).to.equal(true);
  });

  it('wrap-up is held until the root cause is logged; reset restores the queue and the fund', async () => {
    const { root, demo } = await mount();
    // Spend something first.
    await until(() => !!inside(root, 'mend-offer-picker', '[part~="accept"]'), 'the recommendation');
    const picker = root.querySelector('mend-offer-picker')!;
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
    await until(() => fundLeft(root) === '$55.00 left of $200.00', 'the spend');
    await until(() => !!inside(root, 'mend-root-cause-logger', '#problem'), 'the logger');

    buttonNamed(root, 'Wrap up').click();
    await until(() => text(root.querySelector('.notice')) !== '', 'the refusal');
    expect(text(root.querySelector('.notice'))).to.match(/root cause/i);
    expect(demo.interactions).to.have.length(5);

    await logRootCause(root);
    buttonNamed(root, 'Wrap up').click();
    await until(() => demo.interactions.length === 4, 'the contact to leave the queue');
    await until(() => bannerCustomer(root) === 'Benedikt Schäfer', 'the next contact to become active');
    expect(contact(root, 'Carmen Ruiz')).to.equal(undefined);
    expect(text(root.querySelector('.notice'))).to.equal('Carmen Ruiz is wrapped up.');

    buttonNamed(root, 'Reset demo data').click();
    await until(() => text(root.querySelector('.notice')) === 'The demo data is restored.', 'the reset');
    await until(() => fundLeft(root) === '$70.00 left of $200.00', 'the fund to be restored');
    await until(() => text(inside(root, '.top mend-fund-meter', '[part~="remaining"]')).includes('$70.00'), 'the compact meter too');
    expect(demo.interactions).to.have.length(5);
    await until(() => bannerCustomer(root) === 'Carmen Ruiz', 'the first contact again');
    expect(contact(root, 'Carmen Ruiz').getAttribute('aria-current')).to.equal('true');
    // Fresh widgets: Carmen's logger is a fresh form again: nothing the agent typed, only the known
    // facts (#20: the problem is her contact's subject).
    await until(() => !!inside(root, 'mend-root-cause-logger', '#problem'), 'the logger');
    expect(inside<HTMLTextAreaElement>(root, 'mend-root-cause-logger', '#problem')!.value).to.equal('Replacement blender also arrived broken');
    expect(loggerStatus(root)).to.equal('');
  });

  it('switches themes (dark, vendor) and right-to-left on the page', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { root, page } = await mount();
    const select = root.querySelector<HTMLSelectElement>('.theme select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['light', 'dark', 'harbor', 'harbor-dark', 'ember', 'ember-dark']);
    select.value = 'dark';
    select.dispatchEvent(new Event('change'));
    expect([...page.classList]).to.include('mend-theme-dark');
    select.value = 'harbor';
    select.dispatchEvent(new Event('change'));
    expect(page.classList.contains('mend-theme-harbor')).to.equal(true);
    expect(page.classList.contains('mend-theme-dark')).to.equal(false);
    select.value = 'ember-dark';
    select.dispatchEvent(new Event('change'));
    expect(page.classList.contains('mend-theme-ember')).to.equal(true);
    expect(page.classList.contains('mend-theme-dark')).to.equal(true);
    expect(page.classList.contains('mend-theme-harbor')).to.equal(false);

    const rtl = switchNamed(root, 'Right-to-left');
    rtl.click();
    expect(page.dir).to.equal('rtl');
    expect(switchNamed(root, 'Right-to-left').getAttribute('aria-checked')).to.equal('true');
    // Three columns; the queue sits at the inline start: on the right in RTL.
    const tools = root.querySelector('.col-tools')!.getBoundingClientRect();
    expect(tools.right).to.be.lessThan(root.querySelector('.col-work')!.getBoundingClientRect().left + 1);
    const queue = root.querySelector('.queue')!.getBoundingClientRect();
    const work = root.querySelector('.col-work')!.getBoundingClientRect();
    expect(queue.left).to.be.greaterThan(work.left);
    switchNamed(root, 'Right-to-left').click();
    expect(page.dir).to.equal('ltr');
  });

  it('the event log keeps the last 20 mend-* events, politely', async () => {
    const { root } = await mount();
    const log = root.querySelector('.log-list')!;
    expect(root.querySelector('[role="log"]')!.getAttribute('aria-live')).to.equal('polite');
    expect(root.querySelector('[role="log"]')!.contains(log)).to.equal(true);
    await until(() => !!inside(root, 'mend-baggage-banner', '[part~="acknowledge"]'), 'the banner to load');
    inside<HTMLButtonElement>(root, 'mend-baggage-banner', '[part~="acknowledge"]')!.click();
    await until(() => !!log.querySelector('li[data-type="mend-baggage-acknowledge"]'), 'the acknowledge line');
    expect(text(log.querySelector('li[data-type="mend-baggage-acknowledge"]'))).to.include('Past issues acknowledged').and.include('Carmen Ruiz');
    for (let i = 0; i < 25; i++) {
      root.dispatchEvent(new CustomEvent('mend-wrap-up-check', { detail: { interactionId: 'int-voice-1', allow: true }, bubbles: true, composed: true }));
    }
    expect(log.querySelectorAll('li')).to.have.length(20);
    expect(text(log.querySelector('li'))).to.include('Wrap-up allowed');
    // Customer text stays text.
    root.dispatchEvent(new CustomEvent('mend-root-cause-log', { detail: { problem: '<img src=x onerror=alert(1)>', interactionId: 'x' }, bubbles: true, composed: true }));
    expect(log.querySelector('img')).to.equal(null);
    expect(text(log.querySelector('li'))).to.include('<img src=x onerror=alert(1)>');
  });

  it('passes axe: light, and dark offline with the event log filled', async () => {
    const { root, page } = await mount();
    await until(() => !!inside(root, 'mend-offer-picker', '[part~="accept"]'), 'the recommendation');
    await expect(page).to.be.accessible();
    const select = root.querySelector<HTMLSelectElement>('.theme select')!;
    select.value = 'dark';
    select.dispatchEvent(new Event('change'));
    await until(() => !!inside(root, 'mend-baggage-banner', '[part~="acknowledge"]'), 'the banner to load');
    switchNamed(root, 'Host online').click();
    inside<HTMLButtonElement>(root, 'mend-baggage-banner', '[part~="acknowledge"]')!.click();
    await until(() => outboxText(root).includes('waiting'), 'a waiting write');
    await expect(page).to.be.accessible();
  });

  it('targets are at least 24 by 24 CSS pixels', async () => {
    const { root } = await mount();
    const small = [...root.querySelectorAll<HTMLElement>('.top button, .top select, .desk-bar button, .desk-bar select, .queue button')]
      .map((el) => [text(el), el.getBoundingClientRect()] as const)
      .filter(([, r]) => r.width < 24 || r.height < 24);
    expect(small.map(([name]) => name)).to.deep.equal([]);
  });
});
