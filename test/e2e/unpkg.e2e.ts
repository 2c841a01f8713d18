// The `unpkg` script alone on a plain page (no bundler, no module script), under a strict CSP: it registers
// every tag, a second copy of the script does not throw, elements load from the sandbox, chart.js is
// fetched only when a chart is shown, and `window.MonoElements` carries the API.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';
import { tally } from './harness.js';
import { createSandboxHandler, toNodeHandler } from '../../src/server/index.js';
import { ensureBuild } from '../packaging/build.js';

await ensureBuild();

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const tags: string[] = manifest.modules.flatMap((m: { path: string; declarations?: Array<{ tagName?: string }> }) =>
  (m.declarations ?? []).filter((d) => d.tagName && existsSync(join(m.path, '..', 'define.ts'))).map((d) => d.tagName!),
);

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'";
const script = `/${pkg.unpkg.replace(/^\.\//, '')}`;
const page = (body: string, scripts = [script, `${script}?second-copy`]) => `<!doctype html>
<html lang="en-NG">
  <head>
    <meta charset="utf-8" />
    <title>unpkg script alone</title>
    <script src="/record.js"></script>
${scripts.map((src) => `    <script src="${src}"></script>`).join('\n')}
  </head>
  <body>
    <mono-provider endpoint="/api/mono" account-id="acc_demo">
${body}
    </mono-provider>
  </body>
</html>`;
// Records mono-* events and CSP violations from the first moment (an external file: inline scripts are forbidden).
const RECORD = `window.__events = []; window.__violations = [];
for (const name of ['mono-load', 'mono-error']) document.addEventListener(name, (e) => window.__events.push({ name, tag: e.composedPath()[0].localName, resource: e.detail && e.detail.resource }));
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

const pages: Record<string, string> = {
  '/no-charts.html': page('      <mono-account></mono-account>\n      <mono-identity></mono-identity>'),
  '/all.html': page(tags.filter((t) => t !== 'mono-provider').map((t) => `      <${t}></${t}>`).join('\n')),
  // As unpkg and jsDelivr serve it: the bare package URL redirects to the "unpkg" file.
  '/bare.html': page('      <mono-income-summary></mono-income-summary>', ['/npm/mono-elements']),
  // A page that names no charset, from a server that names none either: read as windows-1252.
  '/no-charset.html': page('      <mono-account></mono-account>', [script]).replace('    <meta charset="utf-8" />\n', ''),
  // A host that did not copy the chart file: data-chart-src names one that is not there.
  '/missing-chart.html': page('      <mono-income-summary></mono-income-summary>', [script]).replace(
    `<script src="${script}">`,
    `<script src="${script}" data-chart-src="/dist/cdn/missing.chart.js">`,
  ),
};
const sandbox = toNodeHandler(createSandboxHandler({ basePath: '/api/mono' }), { onlyUnder: '/api/mono/' });
const types: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css' };
const server: Server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/mono/')) return sandbox(req, res);
  const headers = { 'content-security-policy': CSP };
  if (pages[url.pathname]) return void res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(pages[url.pathname]);
  if (url.pathname === '/record.js') return void res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(RECORD);
  if (url.pathname === '/npm/mono-elements') return void res.writeHead(302, { location: `/npm/mono-elements${script}` }).end();
  const path = url.pathname.startsWith('/npm/mono-elements/') ? url.pathname.slice('/npm/mono-elements'.length) : url.pathname;
  const file = normalize(join(process.cwd(), decodeURIComponent(path)));
  if (!file.startsWith(join(process.cwd(), 'dist')) || !existsSync(file)) return void res.writeHead(404).end();
  const body = await readFile(file);
  res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const { check, report } = tally();

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || findChrome(), args: chromiumArgs });
try {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  const requested: string[] = [];
  tab.on('request', (r) => requested.push(new URL(r.url()).pathname));

  // 1. No chart on the page: chart.js is never fetched.
  await tab.goto(`${origin}/no-charts.html`);
  await tab.waitForFunction(() => (window as any).__events.filter((e: any) => e.name === 'mono-load').length >= 2, null, { timeout: 15000 });
  check('elements load their data through the provider', true);
  check('chart.js is not fetched when no chart is shown', !requested.some((p) => p.endsWith('.chart.js')), requested);
  const defined = await tab.evaluate((list) => list.filter((tag) => !customElements.get(tag)), tags);
  check(`the script alone registers every tag (${tags.length})`, defined.length === 0, defined);
  check('a second copy of the script on the page throws nothing', errors.length === 0, errors);
  const api = await tab.evaluate(() => {
    const kit = (window as any).MonoElements;
    return { client: typeof kit?.MonoClient, money: kit?.formatMoney?.(18452375, 'NGN', 'en-NG'), fr: typeof kit?.locales?.fr, define: typeof kit?.defineElements };
  });
  check('window.MonoElements exposes the API', api.client === 'function' && api.money === '₦184,523.75' && api.fr === 'object' && api.define === 'function', api);
  const prefixed = await tab.evaluate(() => {
    const kit = (window as any).MonoElements;
    kit.defineElements({ prefix: 'acme' });
    kit.defineElements({ prefix: 'acme' });
    const Acme = customElements.get('acme-account');
    // The second copy of the script is the one on window: its class is not registered yet, so it is used as is.
    return { defined: !!Acme, subclass: !!Acme && (Acme === kit.MonoAccount || Acme.prototype instanceof kit.MonoAccount) };
  });
  check('defineElements({ prefix }) registers the kit again under another prefix, twice without throwing', prefixed.defined && prefixed.subclass && errors.length === 0, prefixed);

  // 2. Every element: chart.js arrives as its own file once a chart is on screen.
  await tab.goto(`${origin}/all.html`);
  const dataTags = tags.filter((t) => !['mono-provider', 'mono-connect-button', 'mono-sync-button', 'mono-transaction-table'].includes(t));
  await tab.waitForFunction((n) => new Set((window as any).__events.filter((e: any) => e.name === 'mono-load').map((e: any) => e.tag)).size >= n, dataTags.length, { timeout: 20000 });
  const loadedTags = await tab.evaluate(() => [...new Set((window as any).__events.filter((e: any) => e.name === 'mono-load').map((e: any) => e.tag))]);
  check(`every data element loads on the script-only page (${dataTags.length})`, dataTags.every((t) => loadedTags.includes(t)), { loadedTags, dataTags });
  const charts = tags.some((t) => ['mono-income-summary', 'mono-assets', 'mono-earnings'].includes(t));
  if (charts) {
    if (!requested.some((p) => p.endsWith('.chart.js'))) await tab.waitForRequest((r) => r.url().endsWith('.chart.js'), { timeout: 15000 }).catch(() => undefined);
    check('chart.js is fetched from the file next to the script when a chart is shown', requested.some((p) => p === '/dist/cdn/mono-elements.chart.js'), requested.filter((p) => p.endsWith('.js')));
    // A string, so that tsx's helpers for named functions do not travel into the page.
    const findCanvas = `(function find(root) { return !!root.querySelector('canvas') || [...root.querySelectorAll('*')].some((el) => !!el.shadowRoot && find(el.shadowRoot)); })(document)`;
    const canvas = await tab.waitForFunction(findCanvas, null, { timeout: 15000 }).then(() => true, () => false);
    check('a chart is drawn', canvas);
  }
  // 3. Loaded from the bare package URL of a CDN: chart.js is still found next to the script.
  if (charts) {
    await tab.goto(`${origin}/bare.html`);
    const chart = await tab.waitForRequest((r) => r.url().endsWith('.chart.js'), { timeout: 15000 }).then((r) => new URL(r.url()).pathname, () => null);
    check('from a bare CDN URL chart.js is fetched from the package’s dist/cdn', chart === '/npm/mono-elements/dist/cdn/mono-elements.chart.js', chart);
  }
  // 4. The chart file is missing: the chart gives way to its table, says so, and tells the developer in the console.
  if (charts) {
    const missing = await browser.newPage();
    const warnings: string[] = [];
    missing.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    missing.on('pageerror', (e) => errors.push(e.message));
    const asked = missing.waitForRequest((r) => r.url().endsWith('/missing.chart.js'), { timeout: 15000 }).then(() => true, () => false);
    await missing.goto(`${origin}/missing-chart.html`);
    check('data-chart-src is where chart.js is fetched from', await asked);
    const said = await missing.locator('mono-income-summary').getByText('The chart could not be loaded').first().waitFor({ timeout: 15000 }).then(() => true, () => false);
    check('a missing chart file: the element says the chart could not be loaded', said);
    check('a missing chart file: a console warning for the developer', warnings.some((w) => w.includes('chart.js did not load')), warnings);
    await missing.close();
  }
  // 5. No charset anywhere: the script is ASCII, so its words and masks read right.
  {
    const plain = await browser.newPage();
    await plain.goto(`${origin}/no-charset.html`);
    const number = await plain.waitForFunction(() => document.querySelector('mono-account')?.shadowRoot?.querySelector('[part~=account-number]')?.textContent?.trim(), null, { timeout: 15000 }).then((h) => h.jsonValue());
    const charset = await plain.evaluate(() => document.characterSet);
    check('a page and server that name no charset: the masked account number reads right', charset !== 'UTF-8' && /^•+ ?\d{4}/.test(String(number)), { charset, number });
    await plain.close();
  }
  const errorsNow = await tab.evaluate(() => (window as any).__events.filter((e: any) => e.name === 'mono-error'));
  check('no element reports an error', errorsNow.length === 0, errorsNow);
  const violations = await tab.evaluate(() => (window as any).__violations);
  check('nothing breaks the strict CSP (no inline styles or scripts, no eval)', violations.length === 0, violations);
  check('no page errors', errors.length === 0, errors);
} catch (e) {
  check(`unpkg run: ${(e as Error).message}`, false);
} finally {
  await browser.close();
  server.close();
}
report();
