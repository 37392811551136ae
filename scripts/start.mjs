// `npm start`: the demo agent console on the embedded LocalAdapter (an in-browser CRM on IndexedDB).
// Installs npm packages when missing, then starts Vite's dev server and prints the address.
import { ensurePackages, run } from './ensure.mjs';

ensurePackages();
run('npx', ['vite', '--config', 'vite.config.ts', ...process.argv.slice(2)]);
