// Lint as a habit (part of `npm test`): TypeScript's recommended rules, Lit's and web components'
// rules for the elements, and no import cycles anywhere in the library.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist/', 'dist-demo/', 'storybook-static/', 'node_modules/', '.tmp/', 'service/node_modules/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts', 'service/**/*.ts', 'service/**/*.mjs'],
    plugins: { lit, wc, 'import-x': importX },
    languageOptions: { parserOptions: { projectService: false } },
    settings: {
      // Sources import each other as `./x.js` (TypeScript's ESM convention): resolve that to `x.ts`.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...wc.configs['flat/recommended'].rules,
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Built files (dist/) exist only after a build.
      'import-x/no-unresolved': ['error', { ignore: ['/dist/'] }],
      // Side effects through a ternary or && are a house idiom (`v === undefined ? map.delete(k) : map.set(k, v)`).
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      // Number and text parsers match NUL and control characters on purpose.
      'no-control-regex': 'off',
      // Customer text is text: nothing in the product parses strings as code or markup.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit/directives/unsafe-*'], message: 'Customer text is never HTML: render it as text.' }] }],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    // Node scripts; some hand code to a browser page (page.evaluate), so both sets of globals.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
