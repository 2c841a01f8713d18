// Strict CSP and Trusted Types: a production build of every element, served with
// `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; frame-src 'self'
// https://connect.mono.co https://link.mono.co`, mounted in its loaded, empty and error states, every action
// run (PDF statement, sync, charts and their table view, filters, CSV export) and an account linked through
// the connect dialog: zero securitypolicyviolation events. Positive controls prove the policy is enforced.
import { ELEMENTS } from '../hardening/elements.js';
import { driveWidget, startRun, STATE_ACCOUNTS } from '../hardening/e2e.js';
import { STRICT_CSP } from '../hardening/csp-server.js';

const run = await startRun({ csp: true });
const { check } = run;
const figures = { mounts: 0, actions: 0 };
try {
  const { page, pageErrors, cspConsole } = await run.open();
  const response = await page.request.get(run.server.url);
  check('the page is served with the strict CSP header', response.headers()['content-security-policy'] === STRICT_CSP, response.headers()['content-security-policy']);
  check('Lit renders with Trusted Types required (page ready)', (await page.evaluate(() => window.hardening.tags.length)) === ELEMENTS.length);

  for (const c of ELEMENTS) {
    const states = c.states ? (['loaded', 'empty', 'error'] as const) : (['loaded'] as const);
    for (const state of states) {
      const r = await page.evaluate(([tag, accountId]) => window.hardening.mount(tag, { accountId, client: { retries: 0 } }), [c.tag, STATE_ACCOUNTS[state]] as const);
      figures.mounts++;
      const expected = state === 'error' ? 'error' : state === 'empty' ? ['empty', 'content'] : 'content';
      check(`<${c.tag}> ${state}: settles as ${expected}`, r.settled && (Array.isArray(expected) ? expected.includes(r.state) : r.state === expected), r);
    }
  }

  // Every action the elements offer, on the loaded sandbox account.
  const stage = async (tag: string) => page.evaluate((t) => window.hardening.mount(t, { accountId: 'acc_demo' }), tag);
  for (const c of ELEMENTS.filter((e) => e.act && e.tag !== 'mono-connect-button')) {
    const { id } = await stage(c.tag);
    const ok = await page.evaluate((i) => window.hardening.act(i), id);
    figures.actions++;
    const events = await page.evaluate((i) => window.hardening.events(i), id);
    check(`<${c.tag}> action runs to its end`, ok && !events.some((e) => e.type === 'mono-error'), events.slice(-2));
  }
  for (const tag of ['mono-income-summary', 'mono-assets', 'mono-earnings']) {
    const { id } = await stage(tag);
    await page.waitForFunction((i) => window.hardening.has(i, 'canvas'), id, { timeout: 15000 });
    const toggled = await page.evaluate((i) => window.hardening.click(i, '[part~="view-toggle"]'), id);
    await page.waitForTimeout(100);
    figures.actions += 2;
    check(`<${tag}> draws its chart and switches to the table view`, toggled && (await page.evaluate((i) => window.hardening.has(i, '[part~="chart-table"]'), id)));
  }
  {
    const { id } = await page.evaluate(() => window.hardening.mount('mono-transactions', { accountId: 'txns_2000', attributes: { paginate: 'false' } }));
    const el = page.locator(`#${id} mono-transactions`);
    await el.locator('[part~="search-input"]').fill('transfer');
    await el.locator('[part~="type-filter"]').first().click().catch(() => {});
    await el.locator('[part~="sort-button"]').first().click().catch(() => {});
    // Scrolled to the middle, the virtual list draws spacer rows above and below what it shows.
    await el.locator('[part~="viewport"]').evaluate((vp) => vp.scrollTo(0, vp.scrollHeight / 2));
    await page.waitForTimeout(200);
    const download = page.waitForEvent('download', { timeout: 10000 }).catch(() => null);
    await el.locator('[part~="export-button"]').click();
    figures.actions += 4;
    check('<mono-transactions> filters, sorts and exports CSV (a download)', (await download) !== null);
  }
  {
    const { id } = await stage('mono-connect-button');
    await page.evaluate((i) => window.hardening.act(i), id);
    const frame = page.frameLocator(`#${id} mono-connect-button iframe[part~="frame"]`);
    await driveWidget(frame);
    await page.waitForFunction((i) => window.hardening.events(i).some((e) => e.type === 'mono-close'), id, { timeout: 15000 });
    const events = await page.evaluate((i) => window.hardening.events(i), id);
    figures.actions++;
    check('<mono-connect-button> links an account through the widget dialog', events.filter((e) => e.type === 'mono-success').length === 1, events.map((e) => e.type));
  }

  const violations = await page.evaluate(() => window.hardening.violations);
  check(`zero securitypolicyviolation events over ${figures.mounts} mounts and ${figures.actions} actions`, violations.length === 0 && cspConsole.length === 0, [...violations, ...cspConsole]);
  check('no uncaught errors', pageErrors.length === 0, pageErrors);

  // Positive controls: the same page does refuse what the policy forbids, so zero above means something.
  const controls = await page.evaluate(() => {
    const before = window.hardening.violations.length;
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    let trustedTypes = false;
    try {
      probe.innerHTML = '<b>x</b>';
    } catch {
      trustedTypes = true;
    }
    probe.remove();
    style.remove();
    return { trustedTypes, before };
  });
  const evalBlocked = await page.evaluate(() => window.hardening.probeEval());
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => window.hardening.violations.length);
  check('positive control: innerHTML with a string throws (Trusted Types enforced)', controls.trustedTypes);
  check('positive control: eval is refused', evalBlocked);
  check('positive control: an inline <style> and a style attribute are reported as violations', after - controls.before >= 2, { before: controls.before, after });
  console.log(`hardening/csp: ${ELEMENTS.length} elements, ${figures.mounts} mounts in 3 states, ${figures.actions} actions under "${STRICT_CSP}": ${violations.length} violations`);
} catch (e) {
  check(`CSP run: ${(e as Error).stack}`, false);
}

// A host that also names the Trusted Types policies it allows needs only Lit's: `trusted-types lit-html`.
const named = `${STRICT_CSP}; trusted-types lit-html`;
const narrow = await startRun({ csp: true, policy: named });
try {
  const { page, cspConsole, pageErrors } = await narrow.open();
  const states = [];
  for (const c of ELEMENTS) states.push((await page.evaluate((t) => window.hardening.mount(t, { accountId: 'acc_demo' }), c.tag)).state);
  const violations = await page.evaluate(() => window.hardening.violations);
  check(`with "trusted-types lit-html" every element renders (${states.join(', ')}) with zero violations`, states.every((s) => s === 'content') && violations.length === 0 && cspConsole.length === 0 && pageErrors.length === 0, [...violations, ...cspConsole, ...pageErrors]);
} catch (e) {
  check(`named-policy run: ${(e as Error).stack}`, false);
}
await narrow.browser.close();
await narrow.server.close();
await run.finish();
