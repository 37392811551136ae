// Bootstrap helpers that use only Node built-ins, so `npm start` and `npm test` work on a fresh
// clone: install npm packages when missing, find or install a headless Chromium.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

/** Install npm packages when node_modules is missing or older than package.json. */
export function ensurePackages() {
  const marker = `${root}/node_modules/.package-lock.json`;
  if (existsSync(`${root}/node_modules/lit`) && existsSync(marker)) return;
  console.log('[mend] installing npm packages (npm install)…');
  // `npm ci` fails here when the registry lacks other platforms' optional builds; `npm install` works.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Return the path of a Chromium to test in, installing Debian's `chromium` when none is found. */
export function ensureChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (!apt) {
    throw new Error('No Chromium found. Install one and set CHROME_PATH to its executable.');
  }
  console.log('[mend] installing Debian’s chromium for headless tests…');
  const sudo = isRoot ? '' : 'sudo ';
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  });
  if (!existsSync('/usr/bin/chromium')) throw new Error('chromium did not install at /usr/bin/chromium');
  return '/usr/bin/chromium';
}
