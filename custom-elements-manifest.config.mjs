// Builds custom-elements.json from the components' JSDoc (@summary @fires @csspart @cssprop @slot).
export default {
  globs: ['src/components/**/*.ts', 'src/base/mend-element.ts', 'src/base/form-associated.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
