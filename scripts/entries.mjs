// The public entry points, read from package.json's `exports` so the build, the size budget and the
// docs use one list. Maps `./dist/x.js` to `src/x.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { root } from './ensure.mjs';

export function publicEntries() {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  const entries = [];
  for (const [name, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file.endsWith('.js')) continue;
    const src = file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
    if (existsSync(`${root}/${src}`)) entries.push({ name, src, out: file });
  }
  return entries;
}
