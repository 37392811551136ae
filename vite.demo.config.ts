// `npm run build:demo`: the same console as `npm start`, written as static files to dist-demo/.
export { default } from './vite.config.ts';
