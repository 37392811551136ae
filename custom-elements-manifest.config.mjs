// Builds custom-elements.json from the components' JSDoc (@summary @fires @csspart @cssprop @slot).
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
