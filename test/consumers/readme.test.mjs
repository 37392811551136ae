// The README's React and Vue snippets type-check, strictly, as written: extracted from README.md
// next to the packed package (so `mend-widgets` is what npm would install) and checked by vue-tsc,
// which checks the .tsx file and the .vue template alike.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { root } from '../../scripts/ensure.mjs';
import { packRoot, packed } from '../../scripts/pack.mjs';

it("the README's React and Vue snippets (and the consumer apps' code) type-check (strict) against the packed package", async () => {
  packed();
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const block = (lang) => {
    const found = [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
    assert.equal(found.length, 1, `one \`\`\`${lang} snippet in the README`);
    return found[0];
  };
  const dir = `${packRoot}/readme`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/RecoveryPanel.tsx`, block('tsx'));
  writeFileSync(`${dir}/App.vue`, block('vue'));
  // The consumer apps' React and Vue code too (test/consumers/apps), whose handlers use the detail.
  copyFileSync(`${root}/test/consumers/apps/vite-react/main.tsx`, `${dir}/react-app.tsx`);
  copyFileSync(`${root}/test/consumers/apps/vite-vue/App.vue`, `${dir}/VueApp.vue`);
  writeFileSync(
    `${dir}/tsconfig.json`,
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      vueCompilerOptions: { strictTemplates: true },
      include: ['RecoveryPanel.tsx', 'App.vue', 'react-app.tsx', 'VueApp.vue'],
    }),
  );
  const result = await promisify(execFile)('npx', ['vue-tsc', '-p', `${dir}/tsconfig.json`], { cwd: root }).catch((e) => e);
  assert.equal(result.code ?? 0, 0, `vue-tsc:\n${result.stdout}${result.stderr}`);
});
