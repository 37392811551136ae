// One voice per session, the focus hand-off between the steps of a recovery, and the console's
// recovery key on <mend-host>: what a screen reader user hears and where the keyboard lands.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { customElement } from 'lit/decorators.js';
import { MendElement } from '../../src/base/mend-element.js';
import type { SayOptions } from '../../src/base/voice.js';
import { MendHost } from '../../src/define/host.js';
import { sessionFor } from '../../src/adapter/session.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { demoSeed } from '../../src/adapter/demo-data.js';
import { text } from '../helpers/dom.js';
import { tick, until } from '../helpers/until.js';

@customElement('test-voice-speaker')
class TestSpeaker extends MendElement {
  get attachedSession() {
    return this.session;
  }
  say(message: string, options?: SayOptions) {
    this.announce(message, options);
  }
  override render() {
    return html`<button>act</button>${this.renderAnnouncer()}`;
  }
}

const region = (el: Element) => text(el.shadowRoot!.querySelector('[role="status"]'));

async function twoWidgets() {
  const adapter = new MemoryAdapter(demoSeed());
  const host = await fixture<MendHost>(html`<mend-host .adapter=${adapter}><test-voice-speaker id="a"></test-voice-speaker><test-voice-speaker id="b"></test-voice-speaker></mend-host>`);
  const [a, b] = [...host.querySelectorAll('test-voice-speaker')] as TestSpeaker[];
  await until(() => a.attachedSession !== null && b.attachedSession !== null, 'both widgets have the session');
  return { adapter, host, a: a!, b: b! };
}

describe('one voice per session', () => {
  it('says what two widgets say in the same moment once, from the widget that spoke first', async () => {
    const { a, b } = await twoWidgets();
    a.say('Recovery accepted.');
    b.say('$85.00 left.');
    await until(() => region(a) !== '', 'the first speaker announces');
    expect(region(a)).to.equal('Recovery accepted. $85.00 left.');
    expect(region(b)).to.equal('');
  });

  it('says a sentence two widgets both say once', async () => {
    const { a, b } = await twoWidgets();
    a.say('Recovery accepted.');
    b.say('Recovery accepted.');
    await until(() => region(a) !== '', 'the first speaker announces');
    expect(region(a)).to.equal('Recovery accepted.');
  });

  it("says a widget's newer words when it speaks twice in one moment", async () => {
    const { a } = await twoWidgets();
    a.say('Heavy baggage: Carmen Ruiz.');
    a.say('Light baggage: Benedikt Schäfer.');
    await until(() => region(a) !== '', 'the widget announces');
    expect(region(a)).to.equal('Light baggage: Benedikt Schäfer.');
  });

  it('puts an echo after the words of the widget the agent acted on, which speaks', async () => {
    const { a, b } = await twoWidgets();
    b.say('$85.00 left.', { echo: true });
    a.say('Recovery accepted. Next: log the root cause.');
    await until(() => region(a) !== '', 'the acting widget announces, though the echo came first');
    expect(region(a)).to.equal('Recovery accepted. Next: log the root cause. $85.00 left.');
    expect(region(b)).to.equal('');
  });

  it('clears the region that spoke before when another widget speaks next', async () => {
    const { a, b } = await twoWidgets();
    a.say('First.');
    await until(() => region(a) === 'First.', 'a speaks');
    b.say('Second.');
    await until(() => region(b) === 'Second.', 'b speaks');
    expect(region(a)).to.equal('');
  });

  it('speaks in its own region without a session', async () => {
    const el = await fixture<TestSpeaker>(html`<test-voice-speaker></test-voice-speaker>`);
    el.say('Alone.');
    await until(() => region(el) === 'Alone.', 'the widget announces in its own region');
  });
});

describe('focus hand-off', () => {
  it('focuses the newest connected target of a step and says whether one took focus', async () => {
    const { adapter, a, b } = await twoWidgets();
    const session = sessionFor(adapter);
    expect(session.handOff('root-cause')).to.equal(false);
    const focusIn = (el: TestSpeaker) => () => {
      el.shadowRoot!.querySelector('button')!.focus();
      return true;
    };
    const offA = session.offerFocus('root-cause', focusIn(a));
    const offB = session.offerFocus('root-cause', () => false);
    expect(session.handOff('root-cause')).to.equal(true);
    expect(document.activeElement).to.equal(a);
    offA();
    expect(session.handOff('root-cause')).to.equal(false);
    offB();
    session.offerFocus('recovery', focusIn(b));
    expect(session.handOff('root-cause')).to.equal(false);
    expect(session.handOff('recovery')).to.equal(true);
    expect(document.activeElement).to.equal(b);
  });
});

/** Alt+R on a real keyboard. */
async function altR() {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: 'KeyR' });
  await sendKeys({ up: 'Alt' });
}

describe('<mend-host recovery-key>', () => {
  async function console(key: string) {
    const adapter = new MemoryAdapter(demoSeed());
    const root = await fixture<HTMLDivElement>(html`<div>
      <input aria-label="Console search" id="search" />
      <mend-host .adapter=${adapter} recovery-key=${key}><test-voice-speaker></test-voice-speaker></mend-host>
    </div>`);
    const target = root.querySelector('test-voice-speaker') as TestSpeaker;
    await (root.querySelector('mend-host') as MendHost).updateComplete; // the key's listener is in
    await until(() => target.attachedSession !== null, 'the widget has the session');
    sessionFor(adapter).offerFocus('recovery', () => {
      target.shadowRoot!.querySelector('button')!.focus();
      return true;
    });
    return { root, target, search: root.querySelector('#search') as HTMLInputElement, host: root.querySelector('mend-host') as MendHost };
  }

  it('moves focus to the recovery from anywhere in the console', async () => {
    const { search, target } = await console('Alt+R');
    search.focus();
    await altR();
    await until(() => document.activeElement === target, 'Alt+R focuses the recovery');
  });

  it('leaves a plain key typed into a field as text', async () => {
    const { search, target } = await console('r');
    search.focus();
    await sendKeys({ type: 'r' });
    await tick();
    expect(search.value).to.equal('r');
    expect(document.activeElement).to.not.equal(target);
    (document.activeElement as HTMLElement).blur();
    await sendKeys({ press: 'KeyR' });
    await until(() => document.activeElement === target, 'the key outside a field focuses the recovery');
  });

  it('offers focusRecovery() for a console with its own shortcuts, and does nothing without a key', async () => {
    const { host, target, search } = await console('');
    search.focus();
    await altR();
    await tick();
    expect(document.activeElement).to.equal(search);
    expect(host.focusRecovery()).to.equal(true);
    expect(document.activeElement).to.equal(target);
  });
});
