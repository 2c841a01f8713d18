// The kit inside frameworks, on the sandbox: React 19 and React 18 with the @lit/react wrappers under StrictMode
// (a double mount still makes one initiate per click, one exchange and one onMonoSuccess), and Vue 3 with
// isCustomElement and v-on:mono-success (pages in test/frameworks/). On the same server: the demo's API
// reference page built from custom-elements.json, and its brand, scheme and language switches.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type Plugin } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';
import { tally } from './harness.js';
import { createSandboxHandler, toNodeHandler } from '../../src/server/index.js';
import { driveWidget } from './sandbox-widget.js';

const sandbox: Plugin = {
  name: 'mono-sandbox',
  configureServer(server) {
    server.middlewares.use(toNodeHandler(createSandboxHandler({ basePath: '/api/mono' }), { onlyUnder: '/api/mono/' }));
  },
};
const server = await createServer({
  configFile: false,
  root: '.',
  // Its own dependency cache: another end-to-end script may be pre-bundling into the default one meanwhile.
  cacheDir: 'node_modules/.vite-e2e/frameworks',
  logLevel: 'warn',
  plugins: [sandbox],
  server: { port: 0, host: '127.0.0.1' },
  // Vue's build with the template compiler; its feature flags as @vitejs/plugin-vue would set them.
  resolve: { alias: [{ find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' }] },
  define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  optimizeDeps: { entries: ['test/frameworks/*.html', 'demo/*.html'], include: ['react', 'react-dom/client', '@lit/react', 'vue/dist/vue.esm-bundler.js'] },
});
await server.listen();
const address = server.httpServer!.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

// React 18 for test/frameworks/react18.html, on a server of its own: every `react` and `react-dom` import, the
// page's and the src/react wrappers' alike, resolves to the React 18 in test/frameworks/react18/node_modules
// (the project's own React is 19). Its pre-bundled deps go to a cache folder of their own.
const react18Modules = resolve('test/frameworks/react18/node_modules');
const server18 = await createServer({
  configFile: false,
  root: '.',
  cacheDir: 'node_modules/.vite-react18',
  logLevel: 'warn',
  plugins: [sandbox],
  server: { port: 0, host: '127.0.0.1' },
  resolve: { alias: [{ find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18Modules}/$1$2` }] },
  optimizeDeps: { entries: ['test/frameworks/react18.html'], include: ['react', 'react-dom', 'react-dom/client', '@lit/react'] },
});
await server18.listen();
const address18 = server18.httpServer!.address();
const origin18 = `http://127.0.0.1:${typeof address18 === 'object' && address18 ? address18.port : 0}`;

const { check, report } = tally();


interface Recorded {
  successes: Array<{ accountId: string }>;
  loads: string[];
  renders?: number;
  warnings?: string[];
}

/** Opens `path` (on `base`), links an account through the connect button, and returns what the page and network saw. */
async function linkOn(page: Page, path: string, base = origin) {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/mono/accounts/')) posts.push(new URL(r.url()).pathname.replace('/api/mono', ''));
  });
  await page.goto(`${base}${path}`);
  const button = page.locator('mono-connect-button button[part~="button"]');
  await button.waitFor();
  await button.click();
  await driveWidget(page.frameLocator('mono-connect-button iframe'), { bank: 'Access Bank' });
  await page.waitForFunction(() => (window as unknown as { __recorded: Recorded }).__recorded.loads.includes('account'), null, { timeout: 20000 });
  await page.waitForTimeout(300); // anything duplicated would arrive now
  const recorded = await page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);
  const balance = await page.locator('#linked [part~="balance"]').textContent();
  return {
    recorded,
    balance,
    initiates: posts.filter((p) => p === '/accounts/initiate').length,
    exchanges: posts.filter((p) => p === '/accounts/auth').length,
  };
}

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || findChrome(), args: chromiumArgs });
try {
  const react = await browser.newPage();
  const reactErrors: string[] = [];
  react.on('pageerror', (e) => reactErrors.push(e.message));
  react.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && reactErrors.push(m.text()));
  const r = await linkOn(react, '/test/frameworks/react.html');
  check('React 19 StrictMode renders the app twice (the double mount is really on)', (r.recorded.renders ?? 0) >= 2, r.recorded.renders);
  check('React: one initiate for one click', r.initiates === 1, r.initiates);
  check('React: one exchange', r.exchanges === 1, r.exchanges);
  check('React: onMonoSuccess called once, with the account id', r.recorded.successes.length === 1 && !!r.recorded.successes[0].accountId, r.recorded.successes);
  check('React: the linked account loads into <MonoAccount> (onMonoLoad)', r.recorded.loads.includes('account') && !!r.balance?.trim(), r);
  check('React: no errors in the console', reactErrors.length === 0, reactErrors);

  const react18 = await browser.newPage();
  const react18Errors: string[] = [];
  react18.on('pageerror', (e) => react18Errors.push(e.message));
  react18.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && react18Errors.push(m.text()));
  const r18 = await linkOn(react18, '/test/frameworks/react18.html', origin18);
  const versions = await react18.evaluate(() => (window as unknown as { __versions?: { react: string; reactDom: string } }).__versions);
  check('React 18: the page really runs React 18 (react and react-dom)', !!versions && versions.react.startsWith('18.') && versions.reactDom.startsWith('18.'), versions);
  check('React 18 StrictMode renders the app twice (the double mount is really on)', (r18.recorded.renders ?? 0) >= 2, r18.recorded.renders);
  check('React 18: one initiate for one click', r18.initiates === 1, r18.initiates);
  check('React 18: one exchange', r18.exchanges === 1, r18.exchanges);
  check('React 18: onMonoSuccess called once, with the account id', r18.recorded.successes.length === 1 && !!r18.recorded.successes[0].accountId, r18.recorded.successes);
  check('React 18: the linked account loads into <MonoAccount> (onMonoLoad)', r18.recorded.loads.includes('account') && !!r18.balance?.trim(), r18);
  check('React 18: no errors in the console', react18Errors.length === 0, react18Errors);

  const vue = await browser.newPage();
  const vueErrors: string[] = [];
  vue.on('pageerror', (e) => vueErrors.push(e.message));
  const v = await linkOn(vue, '/test/frameworks/vue.html');
  check('Vue: v-on:mono-success called once, with the account id', v.recorded.successes.length === 1 && !!v.recorded.successes[0].accountId, v.recorded.successes);
  check('Vue: one initiate and one exchange', v.initiates === 1 && v.exchanges === 1, v);
  check('Vue: the bound account-id reaches the provider and v-on:mono-load fires', v.recorded.loads.includes('account') && !!v.balance?.trim(), v);
  check('Vue: isCustomElement leaves the mono-* tags alone (no resolve warnings)', (v.recorded.warnings ?? []).length === 0, v.recorded.warnings);
  const wording = await vue.evaluate(() => (document.querySelector('mono-provider') as unknown as { messages?: { retry?: string } }).messages?.retry);
  check('Vue: a .prop binding sets the provider’s messages property', wording === 'Reload', wording);
  check('Vue: no page errors', vueErrors.length === 0, vueErrors);

  // The demo's API reference, generated in the page from the manifest.
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const tags: string[] = manifest.modules.flatMap((m: { declarations?: Array<{ tagName?: string }> }) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName!));
  const demo = await browser.newPage();
  const demoErrors: string[] = [];
  demo.on('pageerror', (e) => !/ResizeObserver loop/.test(e.message) && demoErrors.push(e.message));
  await demo.goto(`${origin}/demo/docs.html`);
  await demo.waitForSelector('#reference section.element');
  const sections = await demo.$$eval('#reference section.element', (els) => els.map((e) => e.id));
  check(`the API reference has a section per tag (${tags.length})`, tags.every((t) => sections.includes(t)), { sections, tags });
  check('the reference lists the connect button’s events', (await demo.locator('#mono-connect-button table').filter({ hasText: 'mono-success' }).count()) === 1);
  check('the reference lists parts as ::part()', (await demo.locator('#mono-account').getByText('::part(balance)').count()) === 1);

  // The demo's switches restyle and translate real elements without touching them.
  await demo.goto(`${origin}/demo/index.html`);
  const surface = () =>
    demo.evaluate(() => {
      const base = document.querySelector('mono-account')?.shadowRoot?.querySelector('[part~=base]');
      return base ? getComputedStyle(base).backgroundColor : null;
    });
  await demo.waitForFunction(() => !!document.querySelector('mono-account')?.shadowRoot?.querySelector('[part~=base]'), null, { timeout: 15000 });
  await demo.selectOption('#scheme', 'light');
  const plain = await surface();
  await demo.selectOption('#brand', 'kente');
  const kente = await surface();
  await demo.selectOption('#brand', 'lagoon');
  const lagoon = await surface();
  await demo.selectOption('#scheme', 'dark');
  const lagoonDark = await surface();
  check('the demo’s brand switch restyles the elements', new Set([plain, kente, lagoon]).size === 3, { plain, kente, lagoon });
  check('the demo’s scheme switch turns a brand theme dark', lagoonDark !== lagoon, { lagoon, lagoonDark });
  await demo.selectOption('#language', 'fr');
  const french = await demo
    .waitForFunction(() => /Solde|Numéro de compte/.test(document.querySelector('mono-account')?.shadowRoot?.textContent ?? ''), null, { timeout: 5000 })
    .then(() => true, () => false);
  check('the demo’s language switch turns the elements French', french);
  check('demo: no page errors', demoErrors.length === 0, demoErrors);
} catch (e) {
  check(`frameworks run: ${(e as Error).message}`, false);
} finally {
  await browser.close();
  await server.close();
  await server18.close();
}
report();
