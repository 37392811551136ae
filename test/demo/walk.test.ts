// The recovery walk of issue #20, as an agent does it on the demo's heavy-baggage customer (Carmen
// Ruiz): acknowledge the baggage, recover, log the root cause. By keyboard alone from the console's
// own hotkey, and by mouse at 1440x900 without scrolling; and the Accept button in a 400 px side
// panel. Each write must reach the host. `npm run bench` prints what this file counts
// (.tmp/walk.json).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport, writeFile } from '@web/test-runner-commands';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import '../../src/define/host.js';
import '../../src/define/baggage-banner.js';
import '../../src/define/offer-picker.js';
import '../../src/define/root-cause-logger.js';
import { inside, mount, text, unmountAll, until, type Mounted } from './helpers.js';

const counted = { keys: [] as string[], focus: [] as string[], clicks: 0, scrolls: 0, acceptBottom400: 0 };

afterEach(unmountAll);
after(async () => {
  await setViewport({ width: 800, height: 600 });
  await writeFile({ path: '../../.tmp/walk.json', content: JSON.stringify(counted) });
});

/** The element that has focus, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** One key press (a chord such as Alt+R is one press), counted. */
async function press(key: string): Promise<void> {
  counted.keys.push(key);
  const at = focused();
  counted.focus.push(at ? `${at.localName}${at.id ? '#' + at.id : ''}${at.getAttribute('part') ? '[' + at.getAttribute('part') + ']' : ''} ${text(at).slice(0, 30)}` : 'nothing');
  const [modifier, main] = key.includes('+') ? key.split('+') : [null, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main!.length === 1 ? `Key${main!.toUpperCase()}` : main! });
  if (modifier) await sendKeys({ up: modifier });
}

/** A real click in the middle of an element that must be in view, counted. */
async function click(el: Element): Promise<void> {
  const box = el.getBoundingClientRect();
  expect(box.top, 'in view without scrolling').to.be.at.least(0);
  expect(box.bottom, 'in view without scrolling').to.be.at.most(window.innerHeight);
  counted.clicks++;
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

const accept = (root: ParentNode) => inside<HTMLButtonElement>(root, 'mend-offer-picker', '[part~="accept"]');
const save = (root: ParentNode) => inside<HTMLButtonElement>(root, 'mend-root-cause-logger', 'button[type="submit"]');

/** Every write of the walk reached the host, once: the acknowledgement, the spend, the recovery, the root cause. */
async function everyWriteArrived({ demo }: Mounted): Promise<void> {
  const crm = demo.adapter.crm;
  await until(async () => (await crm.writes('acknowledgeBaggage')).length === 1, 'the baggage acknowledged at the host');
  await until(async () => (await crm.writes('recordRecovery')).length === 1, 'the recovery recorded at the host');
  await until(async () => (await crm.writes('logRootCause')).length === 1, 'the root cause logged at the host');
  const [logged] = await crm.writes('logRootCause');
  const log = logged!.payload as { interactionId: string; problem: string; causeId: string; departmentId: string; resolution: string };
  expect(log.interactionId).to.equal('int-voice-1');
  // Known facts, never retyped: the problem is the contact's subject; the cause and the department
  // come from the suggestion; the resolution from the accepted recovery.
  expect(log.problem).to.equal('Replacement blender also arrived broken');
  expect(log.causeId).to.not.equal('');
  expect(log.departmentId).to.not.equal('');
  expect(log.resolution).to.not.equal('');
  const fund = await demo.adapter.getFund(DEMO_IDS.agent);
  expect(fund.ledger.some((e) => e.interactionId === 'int-voice-1')).to.equal(true, 'the spend is in the ledger');
}

describe('the recovery walk (issue #20)', () => {
  it('by keyboard: acknowledge, recover and log the root cause in at most 6 key presses from the console hotkey', async () => {
    await setViewport({ width: 1440, height: 900 });
    const m = await mount();
    const logger = m.root.querySelector('mend-root-cause-logger') as HTMLElement & { value: string };
    // The agent reads the desk first: the card, and the root cause the logger suggests.
    await until(() => !!accept(m.root), 'the recommendation card');
    await until(() => !!logger.value && JSON.parse(logger.value).causeId !== '', 'the suggested root cause');
    await m.root.querySelector('mend-host')!.updateComplete; // the console's key is heard
    (document.activeElement as HTMLElement | null)?.blur();

    await press('Alt+R');
    await until(() => focused() === accept(m.root), 'the hotkey lands on Accept');
    await press('Enter');
    await until(() => !!focused() && m.root.querySelector('mend-root-cause-logger')!.shadowRoot!.contains(focused()), 'focus moves on to the root cause');
    // The known facts are filled: the agent confirms what has focus until the root cause is saved.
    const status = () => text(inside(m.root, 'mend-root-cause-logger', '[part~="status"]'));
    while (!status()) {
      expect(counted.keys.length, `keys so far: ${counted.keys.join(', ')}`).to.be.below(6);
      const [value, at] = [logger.value, focused()];
      await press('Enter');
      await until(() => status() !== '' || logger.value !== value || focused() !== at, 'Enter does something in the logger');
    }
    await everyWriteArrived(m);
    expect(counted.keys.length, `keys: ${counted.keys.join(', ')}`).to.be.at.most(6);
  });

  it('by mouse at 1440x900: at most 3 clicks and no scrolling', async () => {
    await setViewport({ width: 1440, height: 900 });
    const m = await mount();
    let scrolls = 0;
    const onScroll = () => scrolls++;
    window.addEventListener('scroll', onScroll, true);
    try {
      const logger = m.root.querySelector('mend-root-cause-logger') as HTMLElement & { value: string };
      await until(() => !!accept(m.root), 'the recommendation card');
      await until(() => !!logger.value && JSON.parse(logger.value).causeId !== '', 'the suggested root cause');
      await click(accept(m.root)!);
      await until(async () => (await m.demo.adapter.crm.writes('recordRecovery')).length === 1, 'the recovery recorded');
      await until(() => !!save(m.root) && !save(m.root)!.disabled, 'the root cause ready to save');
      await click(save(m.root)!);
      await everyWriteArrived(m);
    } finally {
      window.removeEventListener('scroll', onScroll, true);
    }
    counted.scrolls = scrolls + (window.scrollY > 0 ? 1 : 0);
    expect(counted.clicks).to.be.at.most(3);
    expect(counted.scrolls).to.equal(0);
  });

  it('in a 400 px side panel, Accept is visible without scrolling', async () => {
    await setViewport({ width: 400, height: 900 });
    const adapter = new MemoryAdapter(demoSeed());
    const panel = await fixture<HTMLElement>(html`<mend-host .adapter=${adapter}>
      <div style="inline-size: 400px; margin: 0; padding: 0">
        <mend-baggage-banner></mend-baggage-banner>
        <mend-offer-picker></mend-offer-picker>
        <mend-root-cause-logger></mend-root-cause-logger>
      </div>
    </mend-host>`);
    await until(() => !!accept(panel) && !!inside(panel, 'mend-baggage-banner', '[part~="customer"]'), 'the banner and the card');
    const box = accept(panel)!.getBoundingClientRect();
    counted.acceptBottom400 = Math.round(box.bottom);
    expect(box.bottom).to.be.at.most(900);
    expect(document.documentElement.scrollWidth, 'nothing overflows the panel').to.be.at.most(400);
  });
});
