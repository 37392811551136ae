// The four widgets inside <mend-host> with a MemoryAdapter and the demo data, under the strict CSP
// the page is served with. Every `securitypolicyviolation` is recorded on `window.cspReport` for the
// test page (csp.test.ts) that opens this page in an iframe. `?control` runs the negative control:
// things the policy must block, to prove it is live.
import { report } from './record.js';
import { inside } from '../../helpers/dom.js';
import { tick, until } from '../../helpers/until.js';
import { html, render } from 'lit';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { demoSeed, DEMO_IDS } from '../../../src/adapter/demo-data.js';
import '../../../src/define/host.js';
import '../../../src/define/baggage-banner.js';
import '../../../src/define/offer-picker.js';
import '../../../src/define/fund-meter.js';
import '../../../src/define/root-cause-logger.js';

// One element inside a widget's shadow root.
const q = <T extends Element>(tag: string, selector: string) => inside<T>(document, tag, selector);

async function widgets(): Promise<void> {
  const seed = demoSeed();
  const heavy = seed.interactions.find((i) => i.customerId === DEMO_IDS.customers.heavy)!;
  const adapter = new MemoryAdapter(
    { ...seed, context: { agent: seed.agents[0], interaction: heavy, locale: 'en-US', currency: 'USD' } },
    { latency: 2 },
  );
  render(
    html`<mend-host .adapter=${adapter}>
      <mend-baggage-banner></mend-baggage-banner>
      <mend-offer-picker></mend-offer-picker>
      <mend-fund-meter></mend-fund-meter>
      <mend-root-cause-logger></mend-root-cause-logger>
    </mend-host>`,
    document.getElementById('app')!,
  );
  report.steps.push('rendered');

  // The banner: open the full history.
  await until(() => q('mend-baggage-banner', '[part~="history-toggle"]'), 'banner ready');
  q<HTMLButtonElement>('mend-baggage-banner', '[part~="history-toggle"]')!.click();
  await until(() => q('mend-baggage-banner', '[part~="history-item"]'), 'history open');
  report.steps.push('history opened');

  // The picker: open Other options (loaded on demand, its styles adopted) and pick the first bundle.
  await until(() => q('mend-offer-picker', '[part~="options-toggle"]'), 'picker ready');
  q<HTMLButtonElement>('mend-offer-picker', '[part~="options-toggle"]')!.click();
  await until(() => q('mend-offer-picker', '[part~="bundle"]'), 'the options');
  q<HTMLElement>('mend-offer-picker', '[part~="bundle"]')!.click();
  await until(() => q('mend-offer-picker', '[part~="bundle"][aria-checked="true"]'), 'bundle picked');
  report.steps.push('bundle picked');

  // The fund meter: open the ledger (renders the meter bars and tables).
  await until(() => q('mend-fund-meter', '[part~="ledger-toggle"]'), 'fund ready');
  q<HTMLButtonElement>('mend-fund-meter', '[part~="ledger-toggle"]')!.click();
  await until(() => q('mend-fund-meter', '[part~="ledger-table"]'), 'ledger open');
  report.steps.push('ledger opened');

  // The logger: type in the root-cause combobox and pick an option with the keyboard.
  await until(() => q<HTMLInputElement>('mend-root-cause-logger', '[role="combobox"]:not([disabled])'), 'logger ready');
  const input = q<HTMLInputElement>('mend-root-cause-logger', '[role="combobox"]')!;
  input.focus();
  input.value = 'damaged';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await until(() => q('mend-root-cause-logger', '[role="option"]'), 'options shown');
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await until(() => q<HTMLSelectElement>('mend-root-cause-logger', '[part~="department"]')?.value, 'cause chosen');
  report.steps.push('cause chosen');
  await tick(20);
}

/** Things a strict policy must refuse. Each attempt is caught; the violation reports are what count. */
async function control(): Promise<void> {
  const attempt = (name: string, run: () => boolean) => {
    try {
      report.blocked[name] = !run();
    } catch {
      report.blocked[name] = true;
    }
  };
  // eslint-disable-next-line no-eval
  attempt('eval', () => (0, eval)('1') === 1);
  // With a Trusted Types policy the TT layer lets these through: CSP's script-src must still stop them.
  const policy = (window as unknown as { trustedTypes: { createPolicy(n: string, p: object): { createScript(s: string): string; createScriptURL(s: string): string } } })
    .trustedTypes.createPolicy('mend', { createScript: (s: string) => s, createScriptURL: (s: string) => s });
  // eslint-disable-next-line no-eval
  attempt('trusted-eval', () => (0, eval)(policy.createScript('1') as unknown as string) === 1);
  attempt('trusted-inline-script', () => {
    const s = document.createElement('script');
    s.text = policy.createScript('window.__inlineRan = true');
    document.body.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  attempt('inline-script', () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  attempt('innerHTML', () => {
    const div = document.createElement('div');
    div.innerHTML = '<b>markup</b>';
    return div.querySelector('b') !== null;
  });
  attempt('inline-style-element', () => {
    const style = document.createElement('style');
    style.append(document.createTextNode('#app { outline: 3px solid red; }'));
    document.head.append(style);
    return getComputedStyle(document.getElementById('app')!).outlineStyle === 'solid';
  });
  attempt('style-attribute', () => {
    const app = document.getElementById('app')!;
    app.setAttribute('style', 'outline: 3px dashed red');
    return getComputedStyle(app).outlineStyle === 'dashed';
  });
  await tick(20);
}

async function main(): Promise<void> {
  try {
    if (new URLSearchParams(location.search).has('control')) await control();
    else await widgets();
  } catch (error) {
    report.error = String((error as Error)?.stack ?? error);
  }
  report.done = true;
  parent.postMessage({ type: 'csp-report-done' }, location.origin);
}
void main();
