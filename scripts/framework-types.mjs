// Framework types generated from custom-elements.json: `dist/react.d.ts` (React 19 JSX intrinsic
// elements: each element's settable properties and an `onmend-*` handler per event, typed with its
// detail) and `dist/vue.d.ts` (Vue's GlobalComponents: the same properties and `onMend*` handlers,
// which is what `@mend-*` listeners check against). Each has an empty `.js` beside it so the
// `mend-widgets/react` and `mend-widgets/vue` entries resolve in any tool; import them for types:
// `import type {} from 'mend-widgets/react';`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { root } from './ensure.mjs';

const manifest = JSON.parse(readFileSync(`${root}/custom-elements.json`, 'utf8'));
const elements = manifest.modules
  .flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })))
  .filter((d) => d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const header = '// Generated from custom-elements.json by scripts/framework-types.mjs; do not edit.\n';
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const lines = { imports: [], props: [] };
for (const el of elements) {
  // The define module exports the class: src/components/x/x.ts -> ./define/x.js ('host' for <mend-host>).
  const define = `./define/${el.tagName.replace(/^mend-/, '')}.js`;
  lines.imports.push(`import type { ${el.name} } from '${define}';`);
  const fields = (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && !m.privacy);
  const events = (el.events ?? []).filter((e) => e.name?.startsWith('mend-') && !e.inheritedFrom);
  el.fields = [...new Set(fields.map((f) => f.name))];
  el.events = events.map((e) => e.name);
}
const propsOf = (el, handler) =>
  [
    ...el.fields.map((f) => `  ${f}?: ${el.name}['${f}'];`),
    ...el.events.map((e) => `  ${handler(e)}?: (event: GlobalEventHandlersEventMap['${e}']) => void;`),
  ].join('\n');

const react = `${header}${lines.imports.join('\n')}
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type MendJsx<E, P> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & P;
${elements.map((el) => `\n/** \`<${el.tagName}>\` in React 19 JSX. */\nexport interface ${el.name}Props {\n${propsOf(el, (e) => `'on${e}'`)}\n}`).join('\n')}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((el) => `      '${el.tagName}': MendJsx<${el.name}, ${el.name}Props>;`).join('\n')}
    }
  }
}
`;

const vue = `${header}${lines.imports.join('\n')}
import type { DefineComponent } from 'vue';
${elements.map((el) => `\n/** \`<${el.tagName}>\` in Vue templates (\`@${el.events[0] ?? 'event'}\` checks against \`on…\`). */\nexport interface ${el.name}VueProps {\n${propsOf(el, (e) => camel(`on-${e}`))}\n}`).join('\n')}

declare module 'vue' {
  interface GlobalComponents {
${elements.map((el) => `    '${el.tagName}': DefineComponent<${el.name}VueProps>;`).join('\n')}
  }
}
`;

mkdirSync(`${root}/dist`, { recursive: true });
for (const [name, text] of [['react', react], ['vue', vue]]) {
  writeFileSync(`${root}/dist/${name}.d.ts`, text);
  writeFileSync(`${root}/dist/${name}.js`, `// Types only: see ${name}.d.ts.\nexport {};\n`);
}
console.log(`[mend] framework types for ${elements.length} elements: dist/react.d.ts, dist/vue.d.ts`);
