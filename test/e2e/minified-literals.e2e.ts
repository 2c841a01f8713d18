// The build's template-literal minifier (scripts/minify-literals.mjs) may only drop what CSS ignores. Every
// stylesheet the kit exports is bundled twice, as written and as every build ships it, and Chromium's CSS
// parser reads both: each must give exactly the same rules, and the shipped one must be shorter.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';
import { minifyLiterals } from '../../scripts/minify-literals.mjs';

let passed = 0;
let failed = 0;
const check = (name: string, ok: boolean, detail?: unknown) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'FAIL'} - ${name}${!ok && detail !== undefined ? ` (${JSON.stringify(detail).slice(0, 2000)})` : ''}`);
};

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
// Modules that hold CSS: Lit `css` templates or literals marked /* css */ (the server's pages are not the kit's).
const styleModules = sources('src').filter((file) => !file.startsWith(join('src', 'server')) && /\bcss`|\/\*\s*css\s*\*\/\s*`/.test(readFileSync(file, 'utf8')));
// An app build drops an entry's exports, so the entry hands the modules to the page itself.
const entry = (global: string) =>
  styleModules.map((file, i) => `import * as m${i} from ${JSON.stringify(resolve(file))};`).join('\n') +
  `\nglobalThis.${global} = { ${styleModules.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`;

async function bundle(minified: boolean): Promise<string> {
  const id = '\0styles-entry';
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    plugins: [...(minified ? [minifyLiterals()] : []), { name: 'styles-entry', resolveId: (s) => (s === 'styles-entry' ? id : null), load: (s) => (s === id ? entry(minified ? 'Shipped' : 'Written') : null) }],
    build: { write: false, minify: false, target: 'es2022', rolldownOptions: { input: 'styles-entry', output: { format: 'iife' } } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const chunks = outputs.flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  return chunks.map((c) => c.code).join('\n');
}

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || findChrome(), args: chromiumArgs });
try {
  check(`found the kit's style modules (${styleModules.length})`, styleModules.length >= 10, styleModules);
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>styles</title>');
  await page.addScriptTag({ content: await bundle(false) });
  await page.addScriptTag({ content: await bundle(true) });
  // Every export that is CSS text or a Lit CSSResult, read by the CSS parser into its rules' serialisation.
  const read = (global: string) =>
    page.evaluate((name) => {
      const modules = (window as any)[name] as Record<string, Record<string, unknown>>;
      const out: Record<string, { length: number; rules: string[] }> = {};
      for (const [file, exports] of Object.entries(modules)) {
        for (const [key, value] of Object.entries(exports)) {
          for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
            const text = typeof item === 'string' ? item : (item as { cssText?: unknown })?.cssText;
            if (typeof text !== 'string' || !text.includes('{')) continue;
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(text);
            // A declaration that holds var() keeps its text as written until it is computed, so the space the
            // minifier drops after a comma shows there: it is dropped from both sides, outside strings.
            const rules = [...sheet.cssRules].map((r) =>
              r.cssText
                .split(/("(?:\\.|[^"\\])*")/)
                .map((part, i) => (i % 2 ? part : part.replace(/,\s+/g, ',')))
                .join(''),
            );
            out[`${file} ${key}${Array.isArray(value) ? `[${i}]` : ''}`] = { length: text.length, rules };
          }
        }
      }
      return out;
    }, global);
  const written = await read('Written');
  const shipped = await read('Shipped');
  const names = Object.keys(written);
  check(`every stylesheet export is found in both builds (${names.length})`, names.length >= 10 && names.join() === Object.keys(shipped).join(), { written: names, shipped: Object.keys(shipped) });
  for (const name of names) {
    const a = written[name];
    const b = shipped[name];
    const differ = a.rules.map((rule, i) => [rule, b?.rules[i]]).filter(([x, y]) => x !== y);
    check(`${name}: the same ${a.rules.length} rules as written`, a.rules.length > 0 && a.rules.length === b?.rules.length && differ.length === 0, differ);
  }
  // Plain strings written minified already (THEME_CLASS_RULES) stay as they are; nothing grows.
  const shorter = names.filter((name) => shipped[name].length < written[name].length);
  const grew = names.filter((name) => shipped[name].length > written[name].length);
  const total = (side: typeof written) => names.reduce((n, k) => n + side[k].length, 0);
  check(`the shipped text is shorter (${shorter.length} of ${names.length} stylesheets; ${total(written)} → ${total(shipped)} characters), none longer`, shorter.length >= names.length - 1 && grew.length === 0, { grew, same: names.filter((n) => !shorter.includes(n)) });
} catch (e) {
  check(`minified literals run: ${(e as Error).message}`, false);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
