// The build step that strips the source formatting out of CSS and HTML template literals: it may only
// remove what CSS and HTML ignore. Browser tests run on its output too (web-test-runner.config.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { minifyCssText, minifyHtmlText, minifyTemplateLiterals } from '../../scripts/minify-literals.mjs';

describe('minify-literals', () => {
  it('drops CSS comments and the space CSS ignores', () => {
    assert.equal(minifyCssText('\n  /* why */\n  :host {\n    color: red;\n    margin: 0 auto ;\n  }\n'), ':host{color:red;margin:0 auto}');
    assert.equal(minifyCssText('a, b > c { x: var(--y, 1px) }'), 'a,b > c{x:var(--y,1px)}');
  });

  it('keeps the space that CSS reads: descendant pseudo-classes, calc operators, media queries', () => {
    assert.equal(minifyCssText('.row :focus-visible { width: calc(100% - 2px); }'), '.row :focus-visible{width:calc(100% - 2px)}');
    assert.equal(minifyCssText('@media (min-width: 40rem) and (prefers-reduced-motion: reduce) { a { b: c } }'), '@media (min-width:40rem) and (prefers-reduced-motion:reduce){a{b:c}}');
  });

  it('leaves strings alone, even a comment opener or an apostrophe inside one', () => {
    assert.equal(minifyCssText(`a { font: 'Segoe  UI'; content: "/* x */  y"; }`), `a{font:'Segoe  UI';content:"/* x */  y"}`);
    assert.equal(minifyCssText(`/* don't */ a[data-x='a  b'] { b: c }`), `a[data-x='a  b']{b:c}`);
  });

  it('keeps a space next to an interpolation, where it may separate selectors', () => {
    const out = minifyTemplateLiterals('const s = css`\n  ${a} .x { b: c; }\n  .y ${d}\n`;', 'x.ts');
    assert.equal(out?.toString(), 'const s = css`${a} .x{b:c}.y ${d}`;');
  });

  it('keeps a comment that separates two tokens, as an empty one', () => {
    assert.equal(minifyCssText('.a/* x */.b { border: 1px/**/solid; }'), '.a/**/.b{border:1px/**/solid}');
    assert.equal(minifyCssText('.a /* x */ .b { c: d }'), '.a .b{c:d}');
  });

  it('treats only CSS whitespace as whitespace (a no-break space is text)', () => {
    assert.equal(minifyCssText('a { b: c\u00a0d; }'), 'a{b:c\u00a0d}');
    assert.equal(minifyHtmlText('Total:\u00a0\n  <b>1</b>'), 'Total:\u00a0\n<b>1</b>');
  });

  it('leaves a literal alone where a change could reach text: a CSS string across an interpolation, <pre>, a line continuation', () => {
    for (const source of [
      'const s = css`a { content: "${x} ,  ${y}"; }`;',
      'const t = html`<pre>a\n    b</pre>`;',
      'const u = html`<p>foo\\\n    bar</p>`;',
    ]) {
      assert.equal(minifyTemplateLiterals(source, 'x.ts'), null, source);
    }
  });

  it('finds template parts in JavaScript as in TypeScript', () => {
    const out = minifyTemplateLiterals('const a = css`\n  a { b: c; }\n  ${x} d { e: f; }\n`;', 'x.js');
    assert.equal(out?.toString(), 'const a = css`a{b:c}${x} d{e:f}`;');
  });

  it('keeps every line break with keepLines (the browser tests), CSS included', () => {
    const source = 'const a = css`\n  a {\n    b: c;\n  }\n`;\nconst n = 1;';
    const out = minifyTemplateLiterals(source, 'x.ts', { keepLines: true })!.toString();
    assert.equal(out.split('\n').length, source.split('\n').length);
    assert.equal(out, 'const a = css`\na{\nb:c;\n}\n`;\nconst n = 1;');
  });

  it('turns each HTML whitespace run with line breaks into the line breaks alone', () => {
    assert.equal(minifyHtmlText('<p>\n    <b>a</b>  <i>b</i>\n\n   </p>'), '<p>\n<b>a</b>  <i>b</i>\n\n</p>');
  });

  it('touches tagged css/html/svg templates and /* css */ literals only', () => {
    const source = [
      'const a = html`<p>\n    ${x}\n  </p>`;',
      'const b = /* css */ `\n  a { b: c; }\n`;',
      'const c = `\n  keep   me\n`;',
      'const d = sql`\n  select  1\n`;',
    ].join('\n');
    const out = minifyTemplateLiterals(source, 'x.ts')?.toString();
    assert.equal(out, ['const a = html`<p>\n${x}\n</p>`;', 'const b = /* css */ `a{b:c}`;', 'const c = `\n  keep   me\n`;', 'const d = sql`\n  select  1\n`;'].join('\n'));
  });

  it('keeps the line count of every source file that holds HTML templates', () => {
    for (const file of ['src/elements/transactions/mono-transactions.ts', 'src/elements/account/mono-account.ts']) {
      const source = readFileSync(file, 'utf8');
      const out = minifyTemplateLiterals(source, file);
      assert.ok(out, `${file} has templates to minify`);
      assert.equal(out.toString().split('\n').length, source.split('\n').length, file);
      assert.ok(out.toString().length < source.length, file);
    }
  });
});
