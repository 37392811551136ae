// `npm test`: the whole suite, on a fresh clone. Installs what it needs, builds dist/ (one test loads
// it in the browser), then runs every test in headless Chromium. Extra arguments go to the runner,
// e.g. `npm test -- --files test/core/**/*.test.ts`.
import { ensureChromium, ensurePackages, run } from './ensure.mjs';

ensurePackages();
process.env.CHROME_PATH = ensureChromium();
const args = process.argv.slice(2);
const partial = args.includes('--files');
if (!partial || process.env.MEND_BUILD) {
  run('node', ['scripts/build.mjs']);
}
run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...args]);
