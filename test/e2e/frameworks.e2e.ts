// The kit inside frameworks, on the sandbox: React 19 with the @lit/react wrappers under StrictMode (a
// double mount still makes one initiate per click, one exchange and one onMonoSuccess), and Vue 3 with
// isCustomElement and v-on:mono-success. Pages: test/frameworks/, served by Vite as the demo is.
import { createServer, type Plugin } from 'vite';
import { chromium, type FrameLocator, type Page } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';
import { createSandboxHandler, toNodeHandler } from '../../src/server/index.js';

const sandbox: Plugin = {
  name: 'mono-sandbox',
  configureServer(server) {
    server.middlewares.use(toNodeHandler(createSandboxHandler({ basePath: '/api/mono' }), { onlyUnder: '/api/mono/' }));
  },
};
const server = await createServer({
  configFile: false,
  root: 'test/frameworks',
  logLevel: 'warn',
  plugins: [sandbox],
  server: { port: 0, host: '127.0.0.1' },
  // Vue's build with the template compiler; its feature flags as @vitejs/plugin-vue would set them.
  resolve: { alias: [{ find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' }] },
  define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  optimizeDeps: { include: ['react', 'react-dom/client', '@lit/react', 'vue/dist/vue.esm-bundler.js'] },
});
await server.listen();
const address = server.httpServer!.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail?: unknown) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'FAIL'} - ${name}${!ok && detail !== undefined ? ` (${JSON.stringify(detail)})` : ''}`);
}

/** Clicks through the sandbox widget (bank, login, one-time code when asked, account). */
async function driveWidget(widget: FrameLocator) {
  await widget.locator('button.bank[data-name="Access Bank"]').click();
  await widget.locator('#username').fill('sandbox');
  await widget.locator('#password').fill('sandbox');
  await widget.locator('#login-submit').click();
  const otp = widget.locator('#otp');
  const accountStep = widget.locator('#step-account');
  await Promise.race([otp.waitFor({ state: 'visible' }), accountStep.waitFor({ state: 'visible' })]);
  if (await otp.isVisible()) {
    await otp.fill('123456');
    await widget.locator('#otp-submit').click();
    await accountStep.waitFor({ state: 'visible' });
  }
  await widget.locator('#link').click();
}

interface Recorded {
  successes: Array<{ accountId: string }>;
  loads: string[];
  renders?: number;
  warnings?: string[];
}

/** Opens `path`, links an account through the connect button, and returns what the page and network saw. */
async function linkOn(page: Page, path: string) {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/mono/accounts/')) posts.push(new URL(r.url()).pathname.replace('/api/mono', ''));
  });
  await page.goto(`${origin}${path}`);
  const button = page.locator('mono-connect-button button[part~="button"]');
  await button.waitFor();
  await button.click();
  await driveWidget(page.frameLocator('mono-connect-button iframe'));
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
  const r = await linkOn(react, '/react.html');
  check('React 19 StrictMode renders the app twice (the double mount is really on)', (r.recorded.renders ?? 0) >= 2, r.recorded.renders);
  check('React: one initiate for one click', r.initiates === 1, r.initiates);
  check('React: one exchange', r.exchanges === 1, r.exchanges);
  check('React: onMonoSuccess called once, with the account id', r.recorded.successes.length === 1 && !!r.recorded.successes[0].accountId, r.recorded.successes);
  check('React: the linked account loads into <MonoAccount> (onMonoLoad)', r.recorded.loads.includes('account') && !!r.balance?.trim(), r);
  check('React: no errors in the console', reactErrors.length === 0, reactErrors);

  const vue = await browser.newPage();
  const vueErrors: string[] = [];
  vue.on('pageerror', (e) => vueErrors.push(e.message));
  const v = await linkOn(vue, '/vue.html');
  check('Vue: v-on:mono-success called once, with the account id', v.recorded.successes.length === 1 && !!v.recorded.successes[0].accountId, v.recorded.successes);
  check('Vue: one initiate and one exchange', v.initiates === 1 && v.exchanges === 1, v);
  check('Vue: the bound account-id reaches the provider and v-on:mono-load fires', v.recorded.loads.includes('account') && !!v.balance?.trim(), v);
  check('Vue: isCustomElement leaves the mono-* tags alone (no resolve warnings)', (v.recorded.warnings ?? []).length === 0, v.recorded.warnings);
  const wording = await vue.evaluate(() => (document.querySelector('mono-provider') as unknown as { messages?: { retry?: string } }).messages?.retry);
  check('Vue: a .prop binding sets the provider’s messages property', wording === 'Reload', wording);
  check('Vue: no page errors', vueErrors.length === 0, vueErrors);
} catch (e) {
  check(`frameworks run: ${(e as Error).message}`, false);
} finally {
  await browser.close();
  await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
