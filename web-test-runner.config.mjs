// Tests run in Debian's Chromium (never a downloaded browser), with real IndexedDB, events and focus.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { mendServicePlugin } from './service/test/wtr-plugin.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** The strict policy the widgets and the static demo must run under (issue #11). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html mend";

export default {
  // Pages under a `csp/` folder of test/ are served with exactly the strict policy as a header.
  middleware: [
    function strictCsp(context, next) {
      if (/^\/test\/.*\/csp\/[^?]*\.html(\?|$)/.test(context.url)) {
        context.set('Content-Security-Policy', STRICT_CSP);
      }
      return next();
    },
  ],
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // Lit's decorators need the project's tsconfig (experimentalDecorators), or Lit throws
  // "Unsupported decorator location".
  plugins: [
    // The stories files, for test/stories/stories.test.ts (a new stories file is tested unlisted).
    {
      name: 'mend-story-files',
      serve(context) {
        if (context.path !== '/__mend/story-files.json') return undefined;
        const files = readdirSync(fileURLToPath(new URL('./stories', import.meta.url))).filter((f) => f.endsWith('.stories.ts'));
        return { body: JSON.stringify(files.sort()), type: 'json' };
      },
    },
    // The real Mend service (PGlite and PostgreSQL) for test/service/, started on first use.
    mendServicePlugin(),
    // The tests run our templates as they ship in dist/: shrunk by the same step as the build.
    {
      name: 'mend-minify-templates',
      transform(context) {
        if (/^\/src\/.*\.ts$/.test(context.path)) return { body: minifyTemplates(context.body, context.path) };
      },
    },
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      // Each test file in its own window, not a background tab: a background tab is hidden and runs
      // no animation frames, which is not how an agent's console runs.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          // The runner's second page is a background page: keep its timers and frames running.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  // Lit's dev-mode notice on every file is noise; every other browser log is shown.
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  // One test file at a time. With two, pages of two files share the origin's IndexedDB, Web Locks
  // and broadcast channels, and now and then a file's session never reported its end (all its tests
  // passed, then nothing for 10 minutes). One at a time costs about 15 s on the whole suite.
  concurrency: 1,
  // Tests wait for conditions (test/helpers/until.ts, limit 20 s); this only catches a test that hangs.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
};
