// Builds the service into service/dist/ with esbuild: the library's sources it shares (schemas,
// rules, errors) are bundled in; npm packages stay external.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
await esbuild.build({
  absWorkingDir: here,
  entryPoints: ['src/main.ts', 'src/server.ts', 'src/auth.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
