// Builds the app and checks its package offline, the way Zendesk will.
//
// `zcli apps:validate` cannot run here: it zips the app and uploads the zip to
// https://<subdomain>.zendesk.com/api/v2/apps/validate (a Zendesk account and the network), where
// the zendesk_apps_support gem validates it. This script builds the same zip contents (every file
// but tmp/ and the .zcliignore patterns, as zcli does) and applies the gem's rules for an iframe
// app: the manifest's required keys and types, the location and its asset, the framework version,
// the parameters, the translations, and no legacy app code. With a Zendesk account, also run
// `npx @zendesk/zcli apps:validate examples/zendesk-app` (see docs/hosts/zendesk.md).
//
// `node examples/zendesk-app/validate.mjs [--no-build]`; exit 1 with the list of problems.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const app = import.meta.dirname;
const repo = resolve(app, '../..');

// The rules, as zendesk_apps_support states them (lib/zendesk_apps_support/…).
const FRAMEWORK_VERSIONS_FOR_CREATE = ['2.0']; // app_version.rb VALID_FOR_CREATE
const PARAMETER_TYPES = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden']; // manifest/parameter.rb
const VALID_LOCALE = /^[a-z]{2}(-\w{2,3})?$/; // validations/translations.rb
const SUPPORT_LOCATIONS = ['ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'top_bar', 'nav_bar', 'ticket_editor', 'background', 'modal'];
const BOOLEAN_KEYS = ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls', 'private'];
const STRING_KEYS = ['defaultLocale', 'version', 'frameworkVersion', 'remoteInstallationURL', 'termsConditionsURL', 'gaID'];

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '--config', join(app, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
}

/** The files zcli puts in the zip: all but tmp/ and the .zcliignore patterns (folder names or files). */
function packageFiles() {
  const ignoreFile = join(app, '.zcliignore');
  const ignored = ['tmp'].concat(
    existsSync(ignoreFile)
      ? readFileSync(ignoreFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
      : [],
  );
  const skip = (path) => ignored.some((p) => path === p || path.startsWith(`${p.replace(/\/?\*\*$/, '').replace(/\/$/, '')}/`));
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue; // zcli's glob leaves dot files out
      const full = join(dir, name);
      const path = relative(app, full);
      if (skip(path)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else files.push(path);
    }
  };
  walk(app);
  return files;
}

const problems = [];
const problem = (text) => problems.push(text);
const files = packageFiles();
const has = (path) => files.includes(path);

let manifest = {};
try {
  manifest = JSON.parse(readFileSync(join(app, 'manifest.json'), 'utf8'));
} catch (error) {
  problem(`manifest.json is not JSON: ${error.message}`);
}

// Required keys and types (validations/manifest.rb).
if (!manifest.author) problem('manifest: missing key author');
if (!manifest.defaultLocale) problem('manifest: missing key defaultLocale');
if (!manifest.location) problem('manifest: missing key location');
if (!manifest.frameworkVersion) problem('manifest: missing key frameworkVersion');
for (const key of STRING_KEYS) if (manifest[key] !== undefined && typeof manifest[key] !== 'string') problem(`manifest: ${key} must be a string`);
for (const key of BOOLEAN_KEYS) if (manifest[key] !== undefined && typeof manifest[key] !== 'boolean') problem(`manifest: ${key} must be true or false`);
for (const key of ['name', 'email', 'url']) {
  if (manifest.author && manifest.author[key] !== undefined && typeof manifest.author[key] !== 'string') problem(`manifest: author ${key} must be a string`);
}
if (manifest.author?.url && !/^https?:\/\/[^/\s]+/.test(manifest.author.url)) problem('manifest: author url is not a URL');
if (manifest.frameworkVersion && !FRAMEWORK_VERSIONS_FOR_CREATE.includes(manifest.frameworkVersion)) {
  problem(`manifest: frameworkVersion ${manifest.frameworkVersion} cannot be installed as a new app (use ${FRAMEWORK_VERSIONS_FOR_CREATE.join(', ')})`);
}

// Locations: known product and location names; each URL an https/localhost address or a file under assets/ in the zip.
for (const [product, locations] of Object.entries(manifest.location ?? {})) {
  if (product !== 'support') {
    problem(`manifest: this example only targets Zendesk Support, not ${product}`);
    continue;
  }
  for (const [name, options] of Object.entries(locations)) {
    if (!SUPPORT_LOCATIONS.includes(name)) problem(`manifest: unknown Support location ${name}`);
    const url = typeof options === 'string' ? options : options?.url;
    if (typeof url !== 'string' || !url) {
      problem(`manifest: location ${name} has no url (an iframe app needs one)`);
      continue;
    }
    if (/^[a-z]+:/i.test(url)) {
      const u = new URL(url);
      if (u.protocol !== 'https:' && u.hostname !== 'localhost') problem(`manifest: location ${name} url must be https: ${url}`);
    } else if (!url.startsWith('assets/') || !has(url)) {
      problem(`manifest: location ${name} url ${url} is not a file under assets/ in the package`);
    }
    if (typeof options === 'object' && options.flexible !== undefined && typeof options.flexible !== 'boolean') problem(`manifest: location ${name} flexible must be true or false`);
  }
}

// Parameters (validations/manifest.rb, manifest/parameter.rb).
const parameters = manifest.parameters ?? [];
if (!Array.isArray(parameters)) problem('manifest: parameters must be an array');
else {
  const names = parameters.map((p) => p.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) problem(`manifest: duplicate parameters ${[...new Set(twice)].join(', ')}`);
  for (const p of parameters) {
    if (typeof p.name !== 'string' || !p.name) problem('manifest: a parameter has no name');
    if (p.name === 'name') problem('manifest: a parameter may not be called "name"');
    if (!PARAMETER_TYPES.includes(p.type ?? 'text')) problem(`manifest: parameter ${p.name} has unknown type ${p.type}`);
    for (const flag of ['required', 'secure']) if (p[flag] !== undefined && typeof p[flag] !== 'boolean') problem(`manifest: parameters.${p.name}.${flag} must be true or false`);
    if (p.type === 'hidden' && p.required) problem(`manifest: hidden parameter ${p.name} cannot be required`);
  }
}

// Translations (validations/translations.rb): valid locale file names, JSON objects, the default
// locale present, `app.name` (a private app) or the marketplace keys (a public one).
const translations = files.filter((f) => /^translations\/.*\.json$/.test(f));
if (manifest.defaultLocale && !VALID_LOCALE.test(manifest.defaultLocale)) problem(`manifest: invalid defaultLocale ${manifest.defaultLocale}`);
if (manifest.defaultLocale && !has(`translations/${manifest.defaultLocale}.json`)) problem(`translations/${manifest.defaultLocale}.json is missing`);
for (const file of translations) {
  const locale = file.slice('translations/'.length, -'.json'.length);
  if (!VALID_LOCALE.test(locale)) problem(`${file}: invalid locale`);
  let json;
  try {
    json = JSON.parse(readFileSync(join(app, file), 'utf8'));
  } catch (error) {
    problem(`${file}: not JSON (${error.message})`);
    continue;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    problem(`${file}: not a JSON object`);
    continue;
  }
  if (file === 'translations/en.json') {
    const required = manifest.private ? ['name'] : ['name', 'short_description', 'installation_instructions', 'long_description'];
    const keys = Object.keys(json.app ?? {}).map((k) => (k === 'description' ? 'short_description' : k));
    const missing = required.filter((k) => !keys.includes(k));
    if (missing.length) problem(`${file}: missing app.${missing.join(', app.')}`);
    for (const p of Array.isArray(parameters) ? parameters : []) {
      if (typeof json.app?.parameters?.[p.name]?.label !== 'string') problem(`${file}: no label for parameter ${p.name} (app.parameters.${p.name}.label)`);
    }
  }
}

// An iframe-only app has no legacy code (validations/source.rb: no_code_for_ifo_notemplate), and
// everything in the zip is the manifest, translations or assets.
for (const f of files) {
  if (f === 'app.js' || f === 'app.css' || (f.startsWith('lib/') && f.endsWith('.js')) || /^templates\/.*\.hdbs$/.test(f)) problem(`${f}: an iframe app has no legacy app code`);
  else if (!(f === 'manifest.json' || f.startsWith('translations/') || f.startsWith('assets/'))) problem(`${f}: would be uploaded with the app (add it to .zcliignore)`);
}
// Logos Zendesk shows in the admin pages.
for (const logo of ['assets/logo.png', 'assets/logo-small.png']) if (!has(logo)) problem(`${logo} is missing`);
// The SDK is Zendesk's, loaded by the page: never bundled.
for (const f of files.filter((f) => f.endsWith('.js'))) {
  if (readFileSync(join(app, f), 'utf8').includes('iframe.handshake')) problem(`${f}: bundles the ZAF SDK (the page loads it from Zendesk)`);
}

if (problems.length) {
  console.error(`zendesk-app: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`zendesk-app: the package is valid (${files.length} files: ${files.filter((f) => !f.startsWith('assets/')).join(', ')} and assets/).`);
