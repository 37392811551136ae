// The package as a consumer installs it: `npm pack` of the built dist/ (run the build first), the
// tarball unpacked into .tmp/pack/node_modules/mend-widgets. Consumer builds, the size budget and
// the server-rendering check all use this one copy. Its dependencies (lit, zod...) resolve from the
// repository's node_modules above it: one install for every consumer app.
//
// `node scripts/pack.mjs` packs anew; `packed()` returns the existing copy, packing when missing or
// older than dist/ (so `npm run size` after a build measures that build).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './ensure.mjs';

export const packRoot = resolve(root, '.tmp/pack');
export const packageDir = `${packRoot}/node_modules/mend-widgets`;

/** Pack and unpack; returns the tarball's path and the list of files in it. */
export function pack() {
  rmSync(packRoot, { recursive: true, force: true });
  mkdirSync(`${packRoot}/node_modules/mend-widgets`, { recursive: true });
  // --ignore-scripts: the caller built dist/ already (prepack would build it again).
  const [info] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packRoot], { cwd: root, encoding: 'utf8' }),
  );
  const tarball = `${packRoot}/${info.filename}`;
  execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
  const result = { tarball, files: info.files.map((f) => f.path) };
  writeFileSync(`${packRoot}/files.json`, JSON.stringify(result));
  return result;
}

/** The unpacked copy (packing it when missing, or older than the last build): `{ tarball, dir, files }`. */
export function packed() {
  const stamp = `${packRoot}/files.json`;
  const built = `${root}/dist/index.js`;
  if (!existsSync(built)) throw new Error('No dist/: run `npm run build` first.');
  if (!existsSync(stamp) || statSync(built).mtimeMs > statSync(stamp).mtimeMs) return pack();
  return JSON.parse(readFileSync(stamp, 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { tarball, files } = pack();
  console.log(`[mend] packed ${files.length} files: ${tarball.replace(`${root}/`, '')}`);
}
