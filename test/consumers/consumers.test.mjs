// Consumer builds (issue #14): the packed package (scripts/pack.mjs, one copy, one install) built
// into small production apps by Vite (plain, React 19, Vue 3), webpack 5, esbuild and Rollup, each
// opened in Chromium. Every element must register, render the host's data, and the accepted
// recovery must reach the app's own handler and be recorded by the host. The esbuild and Rollup
// apps import the widgets before `mend-widgets/host`, the others after it.
//
// Run by `npm test` after the build (`node --test test/consumers/`); alone: `node scripts/build.mjs
// && node scripts/pack.mjs && node --test test/consumers/`.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { root } from '../../scripts/ensure.mjs';
import { packRoot, packed } from '../../scripts/pack.mjs';

const apps = `${packRoot}/apps`;
const source = `${root}/test/consumers/apps`;
const TAGS = ['mend-host', 'mend-baggage-banner', 'mend-offer-picker', 'mend-fund-meter', 'mend-root-cause-logger'];

/**
 * Copy an app next to the unpacked package with its index.html: the widgets as static markup
 * (`widgets`, as the README's plain page) or an empty root for a framework to render into.
 */
function prepare(name, body, script) {
  const dir = `${apps}/${name}`;
  cpSync(`${source}/${name}`, dir, { recursive: true });
  const markup = body === 'widgets' ? readFileSync(`${source}/shared/widgets.html`, 'utf8') : '<div id="root"></div>\n';
  const html = readFileSync(`${source}/shared/index.html`, 'utf8').replace('<!--BODY-->\n', markup).replace('<!--SCRIPT-->', script);
  writeFileSync(`${dir}/index.html`, html);
  return dir;
}

async function viteApp(name, body, entry, plugins = []) {
  const { build } = await import('vite');
  const dir = prepare(name, body, `<script type="module" src="./${entry}"></script>`);
  await build({ root: dir, base: './', logLevel: 'error', configFile: false, plugins, build: { outDir: 'dist', emptyOutDir: true } });
  return `${dir}/dist`;
}

async function webpackApp() {
  const { default: webpack } = await import('webpack');
  const dir = prepare('webpack', 'widgets', '<script src="./main.js"></script>');
  const compiler = webpack({
    mode: 'production',
    context: dir,
    entry: './main.js',
    output: { path: `${dir}/dist`, filename: 'main.js', chunkFilename: '[name].[contenthash].js', publicPath: 'auto', clean: true },
    performance: { hints: false },
  });
  const stats = await new Promise((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))));
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  cpSync(`${dir}/index.html`, `${dir}/dist/index.html`);
  return `${dir}/dist`;
}

async function esbuildApp() {
  const esbuild = await import('esbuild');
  const dir = prepare('esbuild', 'widgets', '<script type="module" src="./main.js"></script>');
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ['main.js'],
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    logLevel: 'error',
  });
  cpSync(`${dir}/index.html`, `${dir}/dist/index.html`);
  return `${dir}/dist`;
}

async function rollupApp() {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const dir = prepare('rollup', 'widgets', '<script type="module" src="./main.js"></script>');
  const bundle = await rollup({ input: `${dir}/main.js`, plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
  await bundle.write({ dir: `${dir}/dist`, format: 'es' });
  await bundle.close();
  cpSync(`${dir}/index.html`, `${dir}/dist/index.html`);
  return `${dir}/dist`;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Serve one folder on 127.0.0.1 (a free port): each app has an origin, and so a storage, of its own. */
function serve(folder) {
  const dir = resolve(folder);
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : decodeURIComponent(path));
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** What the page shows, read inside it: registrations, each widget's shadow text, the app's output. */
const inspect = (tags) =>
  Object.fromEntries([
    ['defined', tags.filter((t) => customElements.get(t))],
    ...tags.slice(1).map((t) => [t, document.querySelector(t)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '']),
    ['recommendation', document.querySelector('mend-offer-picker')?.shadowRoot?.querySelector('[part~="card-gives"]')?.textContent ?? ''],
    ['accepted', document.getElementById('accepted')?.textContent ?? ''],
  ]);

let browser;
const built = {};
const servers = [];

before(async () => {
  packed();
  rmSync(apps, { recursive: true, force: true });
  mkdirSync(apps, { recursive: true });
  cpSync(`${source}/shared`, `${apps}/shared`, { recursive: true });
  const [{ default: react }, { default: vue }] = await Promise.all([import('@vitejs/plugin-react'), import('@vitejs/plugin-vue')]);
  const builds = {
    'vite-plain': () => viteApp('vite-plain', 'widgets', 'main.js'),
    'vite-react': () => viteApp('vite-react', 'root', 'main.tsx', [react()]),
    'vite-vue': () =>
      viteApp('vite-vue', 'root', 'main.ts', [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('mend-') } } })]),
    webpack: webpackApp,
    esbuild: esbuildApp,
    rollup: rollupApp,
  };
  // The builds are mostly waiting on one another's CPU: two at a time is as fast as six at once.
  const names = Object.keys(builds);
  const queue = [...names];
  await Promise.all(
    [0, 1].map(async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        try {
          built[name] = { dir: await builds[name]() };
        } catch (error) {
          built[name] = { error };
        }
      }
    }),
  );
  const { default: puppeteer } = await import('puppeteer-core');
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('consumer production builds', () => {
  for (const name of ['vite-plain', 'vite-react', 'vite-vue', 'webpack', 'esbuild', 'rollup']) {
    it(`${name}: every element registers, renders the host's data, and the accepted recovery reaches the app and the host`, async () => {
      const app = built[name];
      if (app.error) throw app.error;
      const server = await serve(app.dir);
      servers.push(server);
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        await page.goto(`http://127.0.0.1:${server.address().port}/`);
        const wait = (fn, what, ...args) =>
          page.waitForFunction(fn, { timeout: 20_000, polling: 50 }, ...args).catch(async () => {
            throw new Error(`${name}: ${what}; the page shows ${JSON.stringify(await page.evaluate(inspect, TAGS))}; errors: ${errors.join(' | ')}`);
          });
        await wait((tags) => tags.every((t) => customElements.get(t)), 'not every element registered', TAGS);
        // Data from the host: the picker's recommendations, the fund in money, the customer's history.
        await wait(() => document.querySelector('mend-offer-picker')?.shadowRoot?.querySelector('[part~="card"] [part~="accept"]'), 'the picker shows no recommendation');
        await wait(() => /\$\d/.test(document.querySelector('mend-fund-meter')?.shadowRoot?.textContent ?? ''), 'the fund meter shows no amount');
        await wait(
          () => {
            const banner = document.querySelector('mend-baggage-banner');
            return banner?.getAttribute('state') === 'ready' && (banner.shadowRoot?.textContent ?? '').trim().length > 20;
          },
          'the baggage banner shows no history',
        );
        await wait(() => (document.querySelector('mend-root-cause-logger')?.shadowRoot?.querySelectorAll('input, textarea').length ?? 0) > 1, 'the logger shows no form');

        // Accept the recommendation (one action: choose and confirm): the app's own handler shows the detail.
        await wait(() => !document.querySelector('mend-offer-picker').shadowRoot.querySelector('[part~="accept"]').disabled, 'Accept stays disabled');
        await page.evaluate(() => document.querySelector('mend-offer-picker').shadowRoot.querySelector('[part~="accept"]').click());
        await wait(() => document.getElementById('accepted')?.textContent, 'the app never received mend-offer-accept');
        const detail = JSON.parse(await page.evaluate(() => document.getElementById('accepted').textContent));
        assert.equal(detail.accepted, true);
        assert.ok(detail.interactionId, `the accepted recovery names its interaction (got ${JSON.stringify(detail)})`);
        // The event fires once the write is stored in the outbox; the host has it a moment later.
        await wait(async () => (await window.mendAdapter.writes('recordRecovery')).length >= 1, 'the host never recorded the recovery');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
