// `npm test`: the whole suite, on a fresh clone. Installs what it needs (npm packages, Debian's
// Chromium), lints, builds dist/ (one test loads it in the browser) and packs it, type-checks the
// tests, stories and demo, checks the size budgets, builds the
// static demo (dist-demo/, checked for inline code), builds the
// static Storybook (one test renders every story and runs axe on it), checks the packed package and
// builds consumer apps from it (node --test test/consumers/), runs the service's node tests (PGlite
// and PostgreSQL), then runs every test in headless Chromium.
//
// Extra arguments go to the test runner; with `--files` only those tests run and the builds are
// skipped: `npm test -- --files 'test/core/**/*.test.ts'`.
import { ensureChromium, ensurePackages, run } from './ensure.mjs';

ensurePackages();
process.env.CHROME_PATH = ensureChromium();
const args = process.argv.slice(2);
if (!args.includes('--files')) {
  run('npm', ['run', 'lint', '--silent']); // ESLint: TypeScript, Lit, web components, no import cycles
  run('node', ['scripts/build.mjs']);
  run('node', ['scripts/pack.mjs']); // the tarball, unpacked in .tmp/pack: what the size and consumer checks use
  run('npx', ['tsc', '-p', 'tsconfig.test.json']); // tests, stories and the demo type-check too
  run('node', ['scripts/size.mjs']);
  run('npx', ['vite', 'build', '--config', 'vite.demo.config.ts', '--logLevel', 'warn']);
  run('node', ['examples/zendesk-app/validate.mjs']); // builds the Zendesk example app and checks its package offline
  run('node', ['scripts/build-examples.mjs']); // the Genesys widget page and the Flex plugin (examples/)
  run('node', ['scripts/docs.mjs', '--check']); // also writes custom-elements.json
  run('npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet', '--disable-telemetry']);
  // The packed package: its contents, publint, attw, a Node import of every entry, the README's
  // React and Vue snippets type-checked, and production apps built by six bundler setups and
  // opened in Chromium (test/consumers/).
  run('node', ['--test', 'test/consumers/']);
  // The service (service/): its node tests on PGlite and on a throw-away PostgreSQL (scripts/pg.mjs).
  run('node', ['service/test/run.mjs']);
}
run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...args]);
