// Generates docs/api.md (the API reference), docs/theming.md (every token, component custom
// property and part), docs/strings.md (every replaceable string, reason and talking point) and
// docs/rules.md (R1-R13, their sources and the reasons citing them) from
// custom-elements.json, src/base/styles.ts and the sources. Run `npm run docs`; `npm test` fails
// when the committed docs are out of date.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { root } from './ensure.mjs';

/** Every `reason('R4', 'code', text, { facts })` and talking-point `point('behaviour', 'code', text)` call in src/core. */
function coreCodes() {
  const reasons = [];
  const points = [];
  for (const name of readdirSync(`${root}/src/core`).filter((f) => f.endsWith('.ts')).sort()) {
    const file = ts.createSourceFile(name, readFileSync(`${root}/src/core/${name}`, 'utf8'), ts.ScriptTarget.Latest, true);
    // The facts: an object literal, or a `const` of one declared in an enclosing function.
    const factsOf = (node) => {
      if (!node) return [];
      if (ts.isObjectLiteralExpression(node)) return node.properties.map((p) => p.name?.getText(file)).filter(Boolean);
      if (!ts.isIdentifier(node)) return [];
      for (let scope = node.parent; scope; scope = scope.parent) {
        if (!ts.isFunctionLike(scope)) continue;
        let found = [];
        const find = (n) => {
          if (ts.isVariableDeclaration(n) && n.name.getText(file) === node.text && n.initializer) found = factsOf(n.initializer);
          else ts.forEachChild(n, find);
        };
        find(scope);
        return found;
      }
      return [];
    };
    // A code: a string, or either string of a condition.
    const codesOf = (node) =>
      ts.isStringLiteral(node) ? [node.text] : ts.isConditionalExpression(node) ? [...codesOf(node.whenTrue), ...codesOf(node.whenFalse)] : [];
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length >= 3) {
        const [first, code, , facts] = node.arguments;
        if (node.expression.text === 'reason' && ts.isStringLiteral(first)) {
          for (const c of codesOf(code)) reasons.push({ code: c, rule: first.text, facts: factsOf(facts), file: name });
        }
        if (node.expression.text === 'point' && ts.isStringLiteral(first) && ts.isStringLiteral(code)) points.push({ code: code.text, behaviour: first.text });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { reasons, points };
}

/** The `key: 'English'` pairs of an object literal assigned to `name` in a source file. */
function stringsOf(path, name) {
  const file = ts.createSourceFile(path, readFileSync(`${root}/${path}`, 'utf8'), ts.ScriptTarget.Latest, true);
  const pairs = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(file) === name && node.initializer) {
      let init = node.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init)) init = init.expression;
      if (ts.isObjectLiteralExpression(init)) {
        for (const p of init.properties) if (ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer)) pairs.push([p.name.getText(file).replace(/^'|'$/g, ''), p.initializer.text]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return pairs;
}

export function generateDocs() {
  execSync('npx cem analyze --config custom-elements-manifest.config.mjs --quiet', { cwd: root, stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(`${root}/custom-elements.json`, 'utf8'));
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })))
    .filter((d) => d.tagName) // MendElement, the base class, is analysed for its inherited members only
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

  const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const table = (head, rows) =>
    rows.length ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') : '_None._';

  let api = '# API reference\n\nGenerated from `custom-elements.json` (the JSDoc of each element) by `npm run docs`. Do not edit by hand.\n';
  for (const el of elements) {
    const fields = (el.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('_'));
    api += `\n## \`<${el.tagName}>\`\n\n${el.summary ?? ''}\n\n${el.description ?? ''}\n\nSource: \`${el.path}\`, class \`${el.name}\`.\n`;
    api += `\n### Properties\n\n${table(['property', 'attribute', 'type', 'default', 'description'], fields.map((f) => [`\`${f.name}\``, f.attribute ? `\`${f.attribute}\`` : '', f.type?.text ? `\`${f.type.text}\`` : '', f.default ? `\`${f.default}\`` : '', f.description]))}\n`;
    const methods = (el.members ?? []).filter((m) => m.kind === 'method' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('_') && m.description);
    if (methods.length) api += `\n### Methods\n\n${table(['method', 'description'], methods.map((m) => [`\`${m.name}()\``, m.description]))}\n`;
    api += `\n### Events\n\n${table(['event', 'detail', 'description'], (el.events ?? []).filter((e) => !e.inheritedFrom).map((e) => [`\`${e.name}\``, e.type?.text ? `\`${e.type.text}\`` : '', e.description]))}\n`;
    api += `\n### Slots\n\n${table(['slot', 'description'], (el.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description]))}\n`;
    api += `\n### CSS parts\n\n${table(['part', 'description'], (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description]))}\n`;
    api += `\n### CSS custom properties\n\n${table(['property', 'default', 'description'], (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.default ?? '', p.description]))}\n`;
  }

  const styles = readFileSync(`${root}/src/base/styles.ts`, 'utf8');
  const tokens = [...styles.matchAll(/--_[\w-]+:\s*var\((--mend-[\w-]+),\s*([^;]+)\);/g)].map((m) => [m[1], m[2]]);
  let theming = `# Theming Mend

Generated by \`npm run docs\` from \`src/base/styles.ts\` and the elements' JSDoc. Do not edit by hand.

A vendor re-themes Mend by loading a token sheet, nothing else: no reaching into shadow DOM.
Three tiers, as in Material Web:

1. **Global tokens** \`--mend-*\` (below), set on \`:root\` or any ancestor of the widgets. Each has a
   light and a dark default through \`light-dark()\`, so the widgets follow the page's
   \`color-scheme\` (set \`color-scheme: dark\` on a dark console).
2. **Component custom properties** \`--mend-<widget>-*\`, which fall back to the global tokens, for
   changing one widget only.
3. **Parts** (\`::part(name)\`) for anything else a vendor may restyle.

Two example vendor themes ship in \`themes/\`: \`harbor.css\` (class \`mend-theme-harbor\`) and
\`ember.css\` (class \`mend-theme-ember\`); \`dark.css\` switches the colour scheme. Load one and put its
class on \`<html>\`:

\`\`\`html
<link rel="stylesheet" href="node_modules/mend-widgets/themes/harbor.css" />
<html class="mend-theme-harbor">
\`\`\`

Keep text contrast at 4.5:1 or more (3:1 for borders and focus rings) when you change colours:
every widget state is tested with axe against the defaults and the example themes.

Layouts use logical properties only, so \`dir="rtl"\` on any ancestor mirrors them. Every
user-visible string can be replaced through \`<mend-host .strings=\${{ ... }}>\` or a widget's own
\`strings\` property: every key, reason and talking point is listed in [strings.md](strings.md); dates
and money follow the locale.

## Global tokens

${table(['token', 'default (light, dark)'], tokens.map(([t, d]) => [`\`${t}\``, `\`${d}\``]))}
`;
  for (const el of elements) {
    theming += `\n## \`<${el.tagName}>\`\n\n### Custom properties\n\n${table(['property', 'default', 'description'], (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.default ?? '', p.description]))}\n\n### Parts\n\n${table(['part', 'description'], (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description]))}\n`;
  }
  const strings = [
    ['Shared by every widget', 'src/base/strings.ts', 'defaultStrings'],
    ['`<mend-baggage-banner>`', 'src/components/baggage-banner/baggage-banner.strings.ts', 'bannerStrings'],
    ['`<mend-offer-picker>`', 'src/components/offer-picker/offer-picker.strings.ts', 'offerPickerStrings'],
    ['`<mend-fund-meter>`', 'src/components/fund-meter/fund-meter.ts', 'fundMeterStrings'],
    ['`<mend-root-cause-logger>`', 'src/components/root-cause-logger/root-cause-logger.strings.ts', 'rootCauseLoggerStrings'],
    ['Storage full (banner, picker and logger)', 'src/controllers/storage-notice.ts', 'storageStrings'],
    ['`<mend-approval-queue>`', 'src/components/approval-queue/approval-queue.ts', 'approvalQueueStrings'],
    ['`<mend-recovery-report>`', 'src/components/recovery-report/recovery-report.ts', 'recoveryReportStrings'],
  ];
  const { reasons, points } = coreCodes();
  const errors = readFileSync(`${root}/src/adapter/errors.ts`, 'utf8').match(/HOST_ERROR_CODES = \[([^\]]*)\]/)[1];
  const HOST_ERROR_CODES = [...errors.matchAll(/'(\w+)'/g)].map((m) => `\`${m[1]}\``).join(', ');
  const seen = new Set();
  const uniqueReasons = reasons.filter((r) => (seen.has(r.code) ? false : seen.add(r.code)));
  let stringsDoc = `# Strings

Generated by \`npm run docs\` from the sources. Do not edit by hand.

Every string a widget shows can be replaced, for another language or another tone: pass an object
to \`<mend-host .strings=\${{ ... }}>\` (every widget inside) or to one widget's \`strings\`
property (that widget only; it wins over the host's). Placeholders are \`{name}\`; what fills them
is always text, never markup. Dates and money follow the \`locale\`, whatever the words. A whole
language as an example: [\`stories/locales/de.ts\`](../stories/locales/de.ts), German, used by the
German Storybook story and checked to cover every key the widgets ask for.

Counts take the locale's plural forms: where a string is filled with a numeric \`{count}\`, the
key's form for the locale's CLDR category (\`Intl.PluralRules\`: \`zero\`, \`one\`, \`two\`, \`few\`,
\`many\`, \`other\`) is used when there is one, \`rcResults.one\` before \`rcResults\`. Supply exactly the
forms your language has (Polish: \`.one\`, \`.few\`, \`.many\`), or one sentence for every count.

\`\`\`js
host.strings = {
  retry: 'Erneut versuchen',
  baggageAcknowledge: 'Bestätigen',
  'reason.unresolved_recent': '{count} ungelöste Vorfälle in {days} Tagen',
  'talk.own_open': 'Der Vorgang ist noch offen; ich kümmere mich jetzt darum.',
};
\`\`\`
`;
  for (const [title, path, name] of strings) {
    stringsDoc += `\n## ${title}\n\n${table(['key', 'English'], stringsOf(path, name).map(([k, v]) => [`\`${k}\``, v]))}\n`;
  }
  stringsDoc += `
## Reasons: \`reason.<code>\`

The core's decisions explain themselves with reasons (\`{ rule, code, facts, text }\`); the widgets
show \`text\`, the English default, unless the strings have \`reason.<code>\`, which is filled with the
reason's facts. Amounts among the facts (\`amount\`, \`authority\`, \`cap\`, \`limit\`, \`remaining\`,
\`threshold\`) are shown in the fund's currency; counts and days are numbers.

${table(['key', 'rule', 'facts (placeholders)'], uniqueReasons.map((r) => [`\`reason.${r.code}\``, r.rule, r.facts.map((f) => `\`{${f}}\``).join(' ')]))}

## Words for ids: \`severity.<id>\`, \`kind.<kind>\`, \`period.<period>\`, \`level.<level>\`, \`mode.<mode>\`, \`role.<role>\`

Where a widget names an id of the policy or the core (a severity, a remedy kind, the fund's
period, a baggage level, a rule's mode, an authority role), it shows the page's word for it, or the id
itself. The same words fill the reasons' facts of that kind (\`{severity}\`, \`{from}\`, \`{to}\`,
\`{as}\`, \`{kind}\`, \`{kinds}\`, \`{requires}\`, \`{missing}\`, \`{level}\`, \`{mode}\`, \`{role}\`);
several are joined as the locale joins a list.

| key | ids |
| --- | --- |
| \`severity.<id>\` | the policy's \`severities\` (default \`low\`, \`medium\`, \`high\`) |
| \`kind.<kind>\` | \`apology\`, \`assistance\`, \`compensation\` |
| \`period.<period>\` | \`day\`, \`week\`, \`month\`, \`quarter\` |
| \`level.<level>\` | \`none\`, \`light\`, \`heavy\` |
| \`mode.<mode>\` | \`all\`, \`any\` |
| \`role.<role>\` | the policy's \`authority\` roles (default \`agent\`, \`lead\`) |
| \`reasonCode.<code>\` | a spend's reason code in the fund meter's ledger and the lead's widgets (e.g. \`item_damaged\`; their \`reasonLabels\` property wins; else the code made readable) |

## Errors: \`error.<code>\`

What went wrong is the error's own message (the host's, or the adapter layer's English), unless the
strings have \`error.<code>\` for its code; \`{message}\` in it is the original message.
Codes: ${HOST_ERROR_CODES}.

## Talking points: \`talk.<code>\`

What the banner suggests the agent say (R4: acknowledge, take ownership, be transparent), ready to
say aloud: sentence case, the incident in plain words, no rule codes. Facts: \`{category}\` (of the
incident), \`{days}\` (how many days ago), \`{remedy}\` (the label of the last one given),
\`{remedies}\` (everything given that last time, labels with amounts, comma-separated).

${table(['key', 'behaviour'], points.map((p) => [`\`talk.${p.code}\``, p.behaviour]))}
`;
  return { api, theming, strings: stringsDoc, rules: rulesDoc(reasons) };
}

/** docs/rules.md: each rule of src/core/rules.ts (RULES), its sources, and every reason code that cites it. */
function rulesDoc(reasons) {
  const file = ts.createSourceFile('rules.ts', readFileSync(`${root}/src/core/rules.ts`, 'utf8'), ts.ScriptTarget.Latest, true);
  const literal = (name) => {
    let found;
    const visit = (node) => {
      if (ts.isVariableDeclaration(node) && node.name.getText(file) === name && node.initializer) {
        let init = node.initializer;
        while (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init)) init = init.expression;
        found = init;
      } else ts.forEachChild(node, visit);
    };
    visit(file);
    if (!found || !ts.isObjectLiteralExpression(found)) throw new Error(`docs: no object literal ${name} in src/core/rules.ts`);
    return found;
  };
  const textOf = (node) => (ts.isStringLiteralLike(node) ? node.text : '');
  const sources = Object.fromEntries(literal('SOURCES').properties.map((p) => [p.name.getText(file).replace(/^'|'$/g, ''), textOf(p.initializer)]));
  const rules = literal('RULES').properties.map((p) => {
    const fields = Object.fromEntries(p.initializer.properties.map((q) => [q.name.getText(file), q.initializer]));
    return {
      id: p.name.getText(file),
      name: textOf(fields.name),
      meaning: textOf(fields.meaning),
      sources: fields.sources.elements.map(textOf),
    };
  });
  const declared = [...readFileSync(`${root}/src/core/reasons.ts`, 'utf8').match(/RULE_IDS = \[([^\]]*)\]/)[1].matchAll(/'(R\d+)'/g)].map((m) => m[1]);
  const missing = declared.filter((id) => !rules.some((r) => r.id === id));
  if (missing.length) throw new Error(`docs: RULES in src/core/rules.ts lacks ${missing.join(', ')}`);
  const unknown = reasons.filter((r) => !declared.includes(r.rule));
  if (unknown.length) throw new Error(`docs: reasons cite unknown rules: ${unknown.map((r) => `${r.code} (${r.rule})`).join(', ')}`);
  let doc = `# The rules

Generated by \`npm run docs\` from \`RULES\` and \`SOURCES\` in \`src/core/rules.ts\` and the reasons the core gives (\`src/core/*.ts\`). Do not edit by hand.

Every decision of the core (\`mend-widgets/core\`) returns its reasons as data, each naming the rule
it applied. Rule codes belong in that data and in these docs, not in what agents and customers read.
`;
  for (const rule of rules) {
    const codes = [...new Set(reasons.filter((r) => r.rule === rule.id).map((r) => `\`${r.code}\``))];
    doc += `\n## ${rule.id}: ${rule.name}\n\n${rule.meaning}\n\nSource: ${rule.sources.map((s) => `${sources[s]} (\`${s}\`)`).join('; ')}.\n\nReasons that cite it: ${codes.length ? codes.join(', ') : '_none in the core; the widgets carry it (see the README)._'}\n`;
  }
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { api, theming, strings, rules } = generateDocs();
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [file, text] of [['docs/api.md', api], ['docs/theming.md', theming], ['docs/strings.md', strings], ['docs/rules.md', rules]]) {
    const path = `${root}/${file}`;
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // not written yet: generated below (or reported stale with --check)
    }
    if (current === text) continue;
    if (check) stale.push(file);
    else writeFileSync(path, text);
  }
  if (stale.length) {
    console.error(`docs: ${stale.join(', ')} out of date: run \`npm run docs\` and commit.`);
    process.exit(1);
  }
}
