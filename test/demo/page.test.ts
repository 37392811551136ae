// The demo as a page: demo/index.html has nothing inline (so the build runs under the strict CSP),
// the real page boots on its own CRM (`?db=`), and the console runs under the strict policy with
// Trusted Types without a single violation.
import { expect } from '@open-wc/testing';
import type { DemoConsole } from '../../demo/console.js';
import { tick } from '../helpers/until.js';
import { inside, text, until } from './helpers.js';

/** Everything a strict `script-src 'self'; style-src 'self'` blocks, in an HTML file's text. */
function inlineCode(source: string): string[] {
  const found: string[] = [];
  if (/<style[\s>]/i.test(source)) found.push('<style>');
  if (/\sstyle\s*=/i.test(source)) found.push('style attribute');
  for (const tag of source.match(/<script\b[^>]*>/gi) ?? []) if (!/\ssrc\s*=/i.test(tag)) found.push(`inline ${tag}`);
  for (const script of source.match(/<script\b[^>]*>([\s\S]*?)<\/script>/gi) ?? []) {
    if (!/^<script\b[^>]*><\/script>$/i.test(script)) found.push('script with a body');
  }
  if (/\son[a-z]+\s*=/i.test(source)) found.push('inline event handler');
  if (/(href|src)\s*=\s*["']?\s*(javascript|data):/i.test(source)) found.push('javascript: or data: URL');
  return found;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) {
    (frame.contentWindow as (Window & { mendDemo?: DemoConsole | null }) | null)?.mendDemo?.destroy();
    frame.remove();
  }
});

async function open(src: string): Promise<{ frame: HTMLIFrameElement; win: Window & { mendDemo?: DemoConsole | null; cspViolations?: string[] } }> {
  const frame = document.createElement('iframe');
  frame.title = 'demo console';
  frame.width = '1280';
  frame.height = '800';
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & { mendDemo?: DemoConsole | null; cspViolations?: string[] };
  await until(() => !!win.mendDemo, 'the console to start', 8000);
  await win.mendDemo!.ready;
  const doc = frame.contentDocument!;
  await until(
    () => text(inside(doc, 'mend-baggage-banner', '[part~="customer"]')) === 'Carmen Ruiz',
    'the banner on the demo data',
    8000,
  );
  return { frame, win };
}

describe('demo page', () => {
  it('the scan finds inline code (control)', () => {
    expect(inlineCode('<script>alert(1)</script>')).to.include('inline <script>');
    expect(inlineCode('<script type="module" src="./a.js">x()</script>')).to.include('script with a body');
    expect(inlineCode('<div style="color:red"></div>')).to.deep.equal(['style attribute']);
    expect(inlineCode('<style>p{}</style>')).to.deep.equal(['<style>']);
    expect(inlineCode('<button onclick="x()">')).to.deep.equal(['inline event handler']);
    expect(inlineCode('<script type="module" src="./main.ts"></script>')).to.deep.equal([]);
  });

  it('demo/index.html has no inline script, style or handler', async () => {
    const response = await fetch('/demo/index.html');
    expect(response.ok).to.equal(true);
    const source = await response.text();
    expect(source).to.match(/<script type="module" src="\.\/main\.ts"><\/script>/);
    expect(source).to.match(/<link rel="stylesheet" href="\.\/demo\.css" \/>/);
    expect(inlineCode(source)).to.deep.equal([]);
  });

  it('dist-demo/index.html has no inline script or style and uses relative URLs', async () => {
    const response = await fetch('/dist-demo/index.html');
    expect(response.ok, 'dist-demo/ is built (`npm test` runs `npm run build:demo` first)').to.equal(true);
    const source = await response.text();
    expect(inlineCode(source)).to.deep.equal([]);
    expect(source).to.match(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
    expect(source).to.match(/<link rel="stylesheet" crossorigin href="\.\/assets\/[^"]+\.css">/);
  });

  it('the page boots on its own CRM from ?db= and follows the queue', async () => {
    const db = `mend-demo-page-${crypto.randomUUID()}`;
    const { frame, win } = await open(`/demo/index.html?db=${db}`);
    const demo = win.mendDemo!;
    expect(demo.adapter.name).to.equal(db);
    const doc = frame.contentDocument!;
    expect(doc.querySelectorAll('.queue button.contact')).to.have.length(5);
    for (const tag of ['mend-baggage-banner', 'mend-offer-picker', 'mend-fund-meter', 'mend-root-cause-logger']) {
      expect(doc.querySelector(`mend-host ${tag}`), tag).to.exist;
    }
    // The page's own sheet is applied (three columns at 1280 px).
    const queue = doc.querySelector('.queue')!.getBoundingClientRect();
    const tools = doc.querySelector('.col-tools')!.getBoundingClientRect();
    expect(tools.left).to.be.greaterThan(queue.right + 300);
    [...doc.querySelectorAll<HTMLButtonElement>('.queue button.contact')].find((b) => text(b).includes('Emeka Obi'))!.click();
    await until(() => text(inside(doc, 'mend-baggage-banner', '[part~="customer"]')) === 'Emeka Obi', 'the switch');
  });

  it('runs under the strict CSP and Trusted Types with no violation', async () => {
    const policy = (await fetch('/test/demo/csp/console.html')).headers.get('content-security-policy');
    expect(policy).to.include("script-src 'self'").and.include("require-trusted-types-for 'script'");
    const { frame, win } = await open(`/test/demo/csp/console.html?db=mend-demo-csp-${crypto.randomUUID()}`);
    const doc = frame.contentDocument!;
    // Exercise it a little: switch contact, theme, direction, host offline and back.
    [...doc.querySelectorAll<HTMLButtonElement>('.queue button.contact')].find((b) => text(b).includes('Dmitri Volkov'))!.click();
    await until(() => text(inside(doc, 'mend-baggage-banner', '[part~="customer"]')) === 'Dmitri Volkov', 'the switch');
    win.mendDemo!.setTheme('harbor-dark');
    win.mendDemo!.setRtl(true);
    win.mendDemo!.setOnline(false);
    win.mendDemo!.setOnline(true);
    await tick(50); // any violation the toggles cause has its chance to be reported
    expect(doc.documentElement.classList.contains('mend-theme-harbor')).to.equal(true);
    expect(win.cspViolations, JSON.stringify(win.cspViolations, null, 1)).to.deep.equal([]);
  });
});
