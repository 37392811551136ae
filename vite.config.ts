// The demo agent console (`npm start`, `npm run build:demo`). The library itself is built by
// scripts/build.mjs with esbuild; Lit's decorators are compiled with experimentalDecorators
// (Vite 8's Oxc does not lower standard decorators).
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  root: resolve(import.meta.dirname, 'demo'),
  // Relative URLs: dist-demo/ can be opened from any path (a sub-folder, a static file server).
  base: './',
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    open: false,
    // The demo imports the library's sources and the vendor themes from outside demo/.
    fs: { allow: [import.meta.dirname] },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-demo'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline script or style: the demo must run under a strict CSP.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
  },
});
