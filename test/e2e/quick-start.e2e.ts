// The README's ten-minute quick start, as written: examples/quick-start/ beside the built script-tag files,
// served by `npm run sandbox`'s server (STATIC_ROOT). A customer links an account through the sandbox's widget
// and the page shows it.
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';
import { tally } from './harness.js';
import { startSandboxServer } from '../../src/server/sandbox/serve.js';
import { ensureBuild } from '../packaging/build.js';

await ensureBuild();

const site = await mkdtemp(join(tmpdir(), 'mono-quick-start-'));
for (const file of await readdir('examples/quick-start')) await copyFile(join('examples/quick-start', file), join(site, file));
for (const file of ['mono-elements.js', 'mono-elements.chart.js']) await copyFile(join('dist/cdn', file), join(site, file));
const server = await startSandboxServer({ staticRoot: site, port: 0 });

const { check, report } = tally();

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || findChrome(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  const idle = await page.locator('mono-account').evaluate((el) => el.shadowRoot?.querySelector('[part~="idle"]')?.textContent?.trim() ?? null);
  check('before linking, the account element asks for an account', idle !== null, idle);

  await page.locator('mono-connect-button').click();
  const widget = page.frameLocator('mono-connect-button >> iframe');
  await widget.locator('button.bank[data-name="Access Bank"]').click();
  await widget.locator('#username').fill('sandbox');
  await widget.locator('#password').fill('sandbox');
  await widget.locator('#step-login button[type=submit]').click();
  await widget.locator('#step-account button[type=submit]').click();

  const linked = await page
    .waitForFunction(() => (document.querySelector('mono-provider') as HTMLElement & { accountId?: string }).accountId, undefined, { timeout: 10_000 })
    .then((h) => h.jsonValue())
    .catch(() => null);
  check('mono-success puts the linked account on the provider (app.js)', typeof linked === 'string' && linked !== '', linked);
  const balance = await page
    .waitForFunction(() => document.querySelector('mono-account')?.shadowRoot?.querySelector('[part~="balance"]')?.textContent?.trim(), undefined, { timeout: 10_000 })
    .then((h) => h.jsonValue())
    .catch(() => null);
  check('the account shows its balance', typeof balance === 'string' && /₦[\d,]+\.\d\d/.test(balance), balance);
  const rows = await page
    .waitForFunction(() => document.querySelector('mono-transactions')?.shadowRoot?.querySelector('mono-transaction-table')?.shadowRoot?.querySelectorAll('tbody tr.row').length, undefined, { timeout: 10_000 })
    .then((h) => h.jsonValue())
    .catch(() => 0);
  check('the transactions show rows', Number(rows) > 0, rows);
  const dialogOpen = await page.locator('mono-connect-button').evaluate((el) => el.shadowRoot!.querySelector('dialog')!.open);
  check('the widget dialog has closed', dialogOpen === false);
  check('no page errors', errors.length === 0, errors);
} finally {
  await browser.close();
  await server.close();
  await rm(site, { recursive: true, force: true });
}
report();
