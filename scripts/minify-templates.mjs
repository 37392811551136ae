// An esbuild plugin that shrinks the static text of Lit's `css` and `html` tagged templates in our
// own sources: the indentation that makes them readable in the editor ships in every consumer's
// bundle otherwise. It only touches the literal parts between `${…}`, found with the TypeScript
// parser (never by regex over code), and only in ways that cannot change what renders:
// - css: comments go, whitespace runs become one space, and the space beside `{ } ; ,` goes, as
//   do a rule's last `;` and the 0 of `0.7`. The space before `:` stays (`a :hover` and `a:hover`
//   are different selectors).
// - html: a whitespace run that holds a line break becomes one space (so `</b>\n  <i>` still
//   renders the space between them); the line breaks at the very start and end of a template go.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/\s+!important/g, '!important')
    .replace(/;}/g, '}')
    .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2');
}

export function minifyHtml(text, first, last) {
  let out = text.replace(/\s*\n\s*/g, ' ');
  if (first && /^\s*\n/.test(text)) out = out.replace(/^ /, '');
  if (last && /\n\s*$/.test(text)) out = out.replace(/ $/, '');
  return out;
}

/** Returns `source` with its css`` and html`` templates shrunk. */
export function minifyTemplates(source, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'css' || node.tag.text === 'html')) {
      const css = node.tag.text === 'css';
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      parts.forEach((part, i) => {
        // The raw text sits between the delimiters: ` or } before, ` or ${ after.
        const start = part.getStart(file) + 1;
        const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const raw = source.slice(start, end);
        const min = css ? minifyCss(raw) : minifyHtml(raw, i === 0, i === parts.length - 1);
        if (min !== raw) edits.push({ start, end, text: min });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The plugin: our `src/**\/*.ts` files go through {@link minifyTemplates} before esbuild compiles them. */
export const minifyTemplatesPlugin = {
  name: 'mend-minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: minifyTemplates(source, args.path), loader: 'ts' };
    });
  },
};
