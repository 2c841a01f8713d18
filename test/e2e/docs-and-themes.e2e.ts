// The demo's API reference page (built from custom-elements.json) lists every tag with its events, and the
// demo's brand and scheme switches restyle a real element without touching it.
import { readFileSync } from 'node:fs';
import { startDemo } from './harness.js';

const h = await startDemo();
const { page, check } = h;
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const tags: string[] = manifest.modules.flatMap((m: { declarations?: Array<{ tagName?: string }> }) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName!));

try {
  await page.goto(`${h.url}docs.html`);
  await page.waitForSelector('#reference section.element');
  const sections = await page.$$eval('#reference section.element', (els) => els.map((e) => e.id));
  check(`the reference has a section per tag (${tags.length})`, tags.every((t) => sections.includes(t)), { sections, tags });
  const events = await page.locator('#mono-connect-button table').filter({ hasText: 'mono-success' }).count();
  check('the connect button section lists its events', events === 1);
  const parts = await page.locator('#mono-account').getByText('::part(balance)').count();
  check('parts are listed as ::part()', parts === 1);

  await page.goto(h.url);
  const surface = () =>
    page.evaluate(() => {
      const el = document.querySelector('mono-account')!;
      const base = el.shadowRoot?.querySelector('[part~=base]');
      return base ? getComputedStyle(base).backgroundColor : null;
    });
  await page.waitForFunction(() => !!document.querySelector('mono-account')?.shadowRoot?.querySelector('[part~=base]'), null, { timeout: 15000 });
  await page.selectOption('#scheme', 'light');
  const plain = await surface();
  await page.selectOption('#brand', 'kente');
  const kente = await surface();
  await page.selectOption('#brand', 'lagoon');
  const lagoon = await surface();
  await page.selectOption('#scheme', 'dark');
  const lagoonDark = await surface();
  check('the brand switch restyles the elements', new Set([plain, kente, lagoon]).size === 3, { plain, kente, lagoon });
  check('the scheme switch turns a brand theme dark', lagoonDark !== lagoon, { lagoon, lagoonDark });
  await page.selectOption('#language', 'fr');
  const french = await page.waitForFunction(() => /Solde|Numéro de compte/.test(document.querySelector('mono-account')?.shadowRoot?.textContent ?? ''), null, { timeout: 5000 }).then(() => true, () => false);
  check('the language switch turns the elements French', french);
  check('no page errors', h.pageErrors.length === 0, h.pageErrors);
} catch (e) {
  check(`docs and themes run: ${(e as Error).message}`, false);
}
await h.finish();
