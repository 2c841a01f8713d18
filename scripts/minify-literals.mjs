// A build step that takes the indentation out of the kit's CSS and HTML template literals. Minifiers leave
// template text as it is, and the published ESM build is not minified at all (the site's bundler does that),
// so without this every site would ship our source formatting. Used by every build and by the size and
// weight scripts, so that what they measure is what the package ships.
//
// What counts: `css\`…\`` and `html\`…\`` / `svg\`…\`` tagged templates, and plain template literals marked
// `/* css */` (the Lit-free connect button and the shared tokens). Only whitespace and CSS comments go; every
// change keeps the text's meaning:
//   - HTML: a run of whitespace that holds a line break keeps only its line breaks (they render as the run
//     did, and lines keep their numbers, so stack traces through the tests' source stay right).
//   - CSS: comments go, whitespace runs become one space, and the space beside `{ } ; , :` — where CSS
//     ignores it — goes, except a space before `:` (a descendant selector such as `a :focus`) and any space
//     next to an interpolation.
import { parseAst } from 'vite';
import MagicString from 'magic-string';

const TEMPLATE = /\b(css|html|svg)\s*`|\/\*\s*css\s*\*\/\s*`/;

/** CSS text between interpolations; `atStart`/`atEnd` say whether it begins or ends the whole literal. */
export function minifyCssText(text, atStart = true, atEnd = true) {
  // Strings are kept as they are and comments dropped, in one pass (a comment may hold an apostrophe).
  const strings = [];
  let out = text.replace(/\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, (m) => {
    if (m.startsWith('/*')) return ' ';
    strings.push(m);
    return `\0${strings.length - 1}\0`;
  });
  out = out
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
  if (atStart) out = out.replace(/^ /, '');
  if (atEnd) out = out.replace(/ $/, '');
  return out.replace(/\0(\d+)\0/g, (_, i) => strings[Number(i)]);
}

/** HTML text: each whitespace run with a line break in it becomes its line breaks alone. */
export function minifyHtmlText(text) {
  return text.replace(/\s*\n\s*/g, (run) => '\n'.repeat(run.split('\n').length - 1));
}

function kindOf(node, code) {
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
    if (node.tag.name === 'css') return 'css';
    if (node.tag.name === 'html' || node.tag.name === 'svg') return 'html';
  }
  if (node.type === 'TemplateLiteral' && /\/\*\s*css\s*\*\/\s*$/.test(code.slice(Math.max(0, node.start - 40), node.start))) return 'css';
  return null;
}

/** Returns the source with its marked template literals minified, or null when there is none. */
export function minifyTemplateLiterals(code, id = 'module.ts') {
  if (!TEMPLATE.test(code)) return null;
  const ast = parseAst(code, { lang: /\.tsx?$/.test(id) ? 'ts' : 'js' });
  const s = new MagicString(code);
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const kind = typeof node.type === 'string' ? kindOf(node, code) : null;
    if (kind) {
      const quasis = (node.quasi ?? node).quasis;
      quasis.forEach((q, i) => {
        const raw = q.value.raw;
        const next = kind === 'css' ? minifyCssText(raw, i === 0, i === quasis.length - 1) : minifyHtmlText(raw);
        const from = q.start + 1;
        if (next !== raw && code.slice(from, from + raw.length) === raw) s.overwrite(from, from + raw.length, next);
      });
    }
    for (const key in node) if (key !== 'type' && key !== 'start' && key !== 'end') visit(node[key]);
  };
  visit(ast);
  return s.hasChanged() ? s : null;
}

/** The Vite plugin: applies to the kit's own TypeScript, never to dependencies. */
export function minifyLiterals() {
  return {
    name: 'mono-minify-literals',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || id.startsWith('\0') || !/\.(ts|js|mjs)$/.test(id.split('?')[0])) return null;
      const s = minifyTemplateLiterals(code, id.split('?')[0]);
      return s ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) } : null;
    },
  };
}
