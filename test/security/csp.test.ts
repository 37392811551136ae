// The four widgets under the strict Content Security Policy and Trusted Types (issue #11): a page
// served with exactly the policy renders every widget, is exercised a little and reports no
// violation; a control page proves the policy is live.
import { expect } from '@open-wc/testing';
import type { CspReport } from './csp/record.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html mend";
const PAGE = '/test/security/csp/widgets.html';

interface Loaded {
  frame: HTMLIFrameElement;
  report: CspReport;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

async function load(query = ''): Promise<Loaded> {
  const frame = document.createElement('iframe');
  frame.title = 'widgets under a strict policy';
  frame.style.inlineSize = '900px';
  frame.style.blockSize = '700px';
  frames.push(frame);
  const done = new Promise<void>((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.source === frame.contentWindow && (e.data as { type?: string })?.type === 'csp-report-done') {
        removeEventListener('message', on);
        resolve();
      }
    };
    addEventListener('message', on);
  });
  frame.src = `${PAGE}?at=${Date.now()}${query}`;
  document.body.append(frame);
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('the page never reported')), 8000))]);
  const report = (frame.contentWindow as unknown as { cspReport: CspReport }).cspReport;
  return { frame, report };
}

describe('strict CSP and Trusted Types', () => {
  it('serves the widget page with exactly the strict policy', async () => {
    const response = await fetch(PAGE);
    expect(response.ok).to.equal(true);
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    const html = await response.text();
    // Nothing inline: one external module, no inline script or style.
    expect(html).to.match(/<script type="module" src="\.\/widgets\.ts"><\/script>/);
    expect(html).not.to.match(/<script>|<script type="module">|<style|style=/);
  });

  it('renders and exercises all four widgets with no violation', async () => {
    const { frame, report } = await load();
    expect(report.error, report.error).to.equal(undefined);
    expect(report.steps).to.deep.equal(['rendered', 'history opened', 'bundle picked', 'ledger opened', 'cause chosen']);
    const doc = frame.contentDocument!;
    for (const tag of ['mend-baggage-banner', 'mend-offer-picker', 'mend-fund-meter', 'mend-root-cause-logger']) {
      const root = doc.querySelector(tag)?.shadowRoot;
      expect(root, tag).to.exist;
      expect(root!.querySelector('[part~="base"]'), `${tag} base`).to.exist;
      expect((root!.textContent ?? '').trim().length, `${tag} text`).to.be.greaterThan(20);
      // Styles arrive as adopted (constructable) sheets, which the policy allows.
      expect(root!.adoptedStyleSheets.length, `${tag} styles`).to.be.greaterThan(0);
    }
    expect(report.violations, JSON.stringify(report.violations, null, 1)).to.deep.equal([]);
    // The fund meter's bar has a width although inline style attributes are blocked.
    const bar = doc.querySelector('mend-fund-meter')!.shadowRoot!.querySelector<HTMLElement>('[part~="bar"]')!;
    expect(bar.getBoundingClientRect().width).to.be.greaterThan(0);
  });

  it('is live: eval, inline script, innerHTML, inline <style> and style attributes are blocked and reported', async () => {
    const { report } = await load('&control');
    expect(report.error, report.error).to.equal(undefined);
    expect(report.blocked).to.deep.equal({
      eval: true,
      'trusted-eval': true,
      'inline-script': true,
      'trusted-inline-script': true,
      innerHTML: true,
      'inline-style-element': true,
      'style-attribute': true,
    });
    const directives = report.violations.map((v) => v.directive);
    expect(directives, JSON.stringify(report.violations)).to.include('script-src');
    expect(directives).to.include('require-trusted-types-for');
    expect(directives).to.include('style-src-elem');
    expect(directives).to.include('style-src-attr');
  });
});
