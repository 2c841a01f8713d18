// A build step that takes the indentation out of the kit's CSS and HTML template literals. Minifiers leave
// template text as it is, and the published ESM build is not minified at all (the site's bundler does that),
// so without this every site would ship our source formatting. Used by every build and by the size and
// weight scripts, so that what they measure is what the package ships.
//
// What counts: `css\`…\`` and `html\`…\`` / `svg\`…\`` tagged templates, and plain template literals marked
// `/* css */` (the Lit-free connect button and the shared tokens). Only whitespace and CSS comments go; every
// change keeps the text's meaning:
//   - HTML: a run of whitespace that holds a line break keeps only its line breaks (they render as the run
//     did, and lines keep their numbers). Preformatted text (<pre>, <textarea>) is left as written.
//   - CSS: comments go, whitespace runs become one space, and the space beside `{ } ; , :` — where CSS
//     ignores it — goes, except a space before `:` (a descendant selector such as `a :focus`) and any space
//     next to an interpolation. A literal whose CSS string runs across an interpolation is left as written.
// The browser tests use `keepLines`, which keeps the CSS's line breaks too, so stack traces keep their lines.
import { parseAst } from 'vite';
import MagicString from 'magic-string';

const TEMPLATE = /\b(css|html|svg)\s*`|\/\*\s*css\s*\*\/\s*`/;
// CSS and HTML whitespace: JS's \s would also take no-break and other Unicode spaces, which are text there.
const WS = '[ \\t\\n\\r\\f]';
const STRING_OR_COMMENT = /\/\*[\s\S]*?\*\/|'(?:\\[\s\S]|[^'\\\n])*'|"(?:\\[\s\S]|[^"\\\n])*"/g;

/** Each run of whitespace: its line breaks alone when `keepLines` (and it has some), else one space. */
const collapse = (text, keepLines) =>
  text.replace(new RegExp(`${WS}+`, 'g'), (run) => (keepLines && run.includes('\n') ? '\n'.repeat(run.split('\n').length - 1) : ' '));

/**
 * CSS text between interpolations; `atStart`/`atEnd` say whether it begins or ends the whole literal.
 * `keepLines` leaves a line break wherever one was (for the tests' stack traces).
 */
export function minifyCssText(text, atStart = true, atEnd = true, keepLines = false) {
  // Strings are kept as they are and comments dropped, in one pass (a comment may hold an apostrophe). A comment
  // between two tokens (`.a/**/.b`, `1px/**/solid`) separates them, so it stays there as an empty one.
  const strings = [];
  let out = text.replace(STRING_OR_COMMENT, (m, offset) => {
    if (m.startsWith('/*')) {
      const before = text[offset - 1];
      const after = text[offset + m.length];
      const apart = before === undefined || after === undefined || new RegExp(WS).test(before) || new RegExp(WS).test(after);
      return apart ? '' : '/**/';
    }
    strings.push(m);
    return `\0${strings.length - 1}\0`;
  });
  out = collapse(out, keepLines)
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
  if (atStart) out = out.replace(/^ /, '');
  if (atEnd) out = out.replace(/ $/, '');
  return out.replace(/\0(\d+)\0/g, (_, i) => strings[Number(i)]);
}

/** HTML text: each whitespace run with a line break in it becomes its line breaks alone. */
export function minifyHtmlText(text) {
  return text.replace(new RegExp(`${WS}*\\n${WS}*`, 'g'), (run) => '\n'.repeat(run.split('\n').length - 1));
}

/** A quote left open when strings and comments are taken out: a CSS string runs across an interpolation. */
const opensString = (text) => /['"]/.test(text.replace(STRING_OR_COMMENT, ''));

/**
 * Literals left as written: CSS whose string runs across an interpolation, HTML with preformatted text, and
 * any raw text with a line continuation (a backslash before the line break).
 */
function leaveAlone(kind, raws) {
  if (raws.some((raw) => /\\\r?\n/.test(raw))) return true;
  return kind === 'css' ? raws.some(opensString) : raws.some((raw) => /<(pre|textarea|listing|plaintext)\b/i.test(raw));
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
export function minifyTemplateLiterals(code, id = 'module.ts', { keepLines = false } = {}) {
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
    const quasis = kind ? (node.quasi ?? node).quasis : [];
    if (kind && !leaveAlone(kind, quasis.map((q) => q.value.raw))) {
      quasis.forEach((q, i) => {
        const raw = q.value.raw;
        const next = kind === 'css' ? minifyCssText(raw, i === 0, i === quasis.length - 1, keepLines) : minifyHtmlText(raw);
        // The parser's span of a template part includes its delimiter (` or }) for TypeScript, not for JavaScript.
        const from = code[q.start] === '`' || code[q.start] === '}' ? q.start + 1 : q.start;
        if (code.slice(from, from + raw.length) !== raw) throw new Error(`minify-literals: cannot place a template part in ${id} at ${q.start}`);
        if (next !== raw) s.overwrite(from, from + raw.length, next);
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
