// Accessibility, end to end: axe-core (with WCAG 2.2's target size) on every element in its loaded, empty,
// loading and error states and on the open connect dialog (zero violations at any impact level, unless listed
// below with the reason); a keyboard-only walk through the demo (every control reachable with Tab, focus always
// visible, no trap, controls operable from the keyboard); reduced motion and forced colours (high contrast) hide
// nothing.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ELEMENTS } from '../hardening/elements.js';
import { KEEP_NAMES, startRun, STATE_ACCOUNTS } from '../hardening/e2e.js';
import { startDemo } from './harness.js';

/** Violations accepted on purpose, by rule id, with the reason (none so far). */
const ACCEPTED: Record<string, string> = {};

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
}

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const run = await startRun({ csp: false });
const { check } = run;
const figures = { axeRuns: 0, violations: 0, tabStops: 0, controls: 0 };

async function axe(page: Page, selector: string): Promise<AxeResult['violations']> {
  figures.axeRuns++;
  const result = await page.evaluate(
    (sel) =>
      (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<AxeResult> } }).axe.run(
        { include: [[sel]] },
        // target-size (WCAG 2.2 AA, 2.5.8: 24 × 24 px, or that much space) is off in axe by default.
        { resultTypes: ['violations'], rules: { region: { enabled: false }, 'target-size': { enabled: true } } },
      ),
    selector,
  );
  const violations = result.violations.filter((v) => !ACCEPTED[v.id]);
  figures.violations += violations.length;
  return violations;
}
const brief = (vs: AxeResult['violations']) => vs.map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes[0]?.target)}`);

try {
  const { page, pageErrors } = await run.open();
  await page.addScriptTag({ content: axeSource });

  // 1. axe on every element in every state.
  for (const c of ELEMENTS) {
    const states = c.states ? (['loaded', 'empty', 'error', 'loading'] as const) : (['loaded'] as const);
    for (const state of states) {
      const id =
        state === 'loading'
          ? await page.evaluate((t) => window.hardening.mountNow(t, { accountId: 'acc_demo', client: { headers: { 'x-sandbox-latency': '20000' } } }), c.tag)
          : (await page.evaluate(([t, a]) => window.hardening.mount(t, { accountId: a, client: { retries: 0 } }), [c.tag, STATE_ACCOUNTS[state]] as const)).id;
      if (state === 'loading') await page.waitForFunction((i) => window.hardening.busy(i), id);
      const shown = await page.evaluate((i) => window.hardening.state(i), id);
      const violations = await axe(page, `#${id}`);
      check(`axe: <${c.tag}> ${state} (${shown}) has no violations`, violations.length === 0, brief(violations));
      await page.evaluate((i) => window.hardening.remove(i), id);
    }
    if (c.act) {
      const { id } = await page.evaluate((t) => window.hardening.mount(t, { accountId: 'acc_demo' }), c.tag);
      await page.evaluate((i) => window.hardening.act(i), id);
      const violations = await axe(page, `#${id}`);
      const what = c.tag === 'mono-connect-button' ? 'with its dialog open' : 'after its action';
      check(`axe: <${c.tag}> ${what} has no violations`, violations.length === 0, brief(violations));
      if (c.tag === 'mono-connect-button') {
        const dialog = await page.evaluate((i) => {
          const d = (window.hardening.element(i).shadowRoot!.querySelector('dialog') as HTMLDialogElement);
          return { open: d.open, modal: d.matches(':modal'), labelled: !!d.getAttribute('aria-labelledby') };
        }, id);
        check('the connect dialog is a labelled modal in the top layer', dialog.open && dialog.modal && dialog.labelled, dialog);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(100);
        const closed = await page.evaluate((i) => !(window.hardening.element(i).shadowRoot!.querySelector('dialog') as HTMLDialogElement).open, id);
        check('Escape closes the connect dialog', closed);
      }
      await page.evaluate((i) => window.hardening.remove(i), id);
    }
  }

  // 1b. A phone's width (320 px, the width of WCAG 1.4.10's reflow; 360 px before): the elements' narrow layouts,
  // loaded, with axe again, and no text cut off without a sign (an ellipsis) or a way to see it (a scroll box).
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  for (const c of ELEMENTS) {
    const { id } = await page.evaluate((t) => window.hardening.mount(t, { accountId: 'acc_demo' }), c.tag);
    const violations = await axe(page, `#${id}`);
    check(`axe at 320 px: <${c.tag}> loaded has no violations`, violations.length === 0, brief(violations));
    // Text that a box cuts off is fine only as the ellipsis of that box's own text, or inside a scroll box.
    const cut = await page.evaluate((i) => {
      const out: string[] = [];
      const visit = (root: ShadowRoot) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const text = walker.currentNode as Text;
          const parent = text.parentElement;
          if (!text.data.trim() || !parent || parent.closest('.sr-only, [hidden]') || !parent.checkVisibility()) continue;
          const range = document.createRange();
          range.selectNodeContents(text);
          const r = range.getBoundingClientRect();
          for (let box: Element | null = parent; box; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (style.overflowX === 'visible') continue;
            if (style.overflowX === 'auto' || style.overflowX === 'scroll') break;
            const b = box.getBoundingClientRect();
            if (r.left < b.left - 1 || r.right > b.right + 1) {
              if (!(box === parent && style.textOverflow === 'ellipsis')) out.push(`"${text.data.trim().slice(0, 30)}" cut by ${box.localName}.${box.className}`);
              break;
            }
          }
        }
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(window.hardening.element(i).shadowRoot!);
      return out;
    }, id);
    check(`at 320 px: <${c.tag}> cuts nothing off silently`, cut.length === 0, cut.slice(0, 5));
    // Reflow (WCAG 1.4.10), in this page's grid (a 1fr column, as many merchants' pages): the page never scrolls
    // sideways, and nothing of the element leaves its box except inside a scroll box; charts as tables too.
    for (const view of c.tag.match(/income|assets|earnings/) ? ['chart', 'table'] : ['']) {
      if (view === 'table') await page.evaluate((i) => window.hardening.element(i).setAttribute('view', 'table'), id);
      const out = await page.evaluate(async (i) => {
        const host = window.hardening.element(i) as HTMLElement & { updateComplete?: Promise<unknown> };
        await host.updateComplete;
        const right = host.getBoundingClientRect().right;
        const over = window.hardening
          .elements(i)
          .filter((e) => {
            if (e.getBoundingClientRect().right <= right + 0.5) return false;
            for (let p = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element); p && p !== host; p = p.parentElement ?? ((p.getRootNode() as ShadowRoot).host as Element))
              if (getComputedStyle(p).overflowX !== 'visible') return false;
            return true;
          })
          .map((e) => `${e.localName}.${e.getAttribute('class')} ${Math.round(e.getBoundingClientRect().right - right)} px`);
        return { page: document.documentElement.scrollWidth, over };
      }, id);
      check(`at 320 px: <${c.tag}>${view && ` (${view})`} reflows: the page is no wider, nothing leaves its box`, out.page <= 320 && out.over.length === 0, { page: out.page, over: out.over.slice(0, 3) });
    }
    // Fields of 16 px or more, even on a page of 14 px text: iOS Safari zooms in on a tap into a smaller one. A search
    // box is no place for autocorrect (bank narrations: "NIP", "WDL", "USSD").
    const fields = await page.evaluate((i) => {
      const host = window.hardening.element(i);
      host.style.fontSize = '14px';
      const out = window.hardening
        .elements(i)
        .filter((e) => e.matches('select, textarea, input:not([type=radio], [type=checkbox])'))
        .flatMap((e) => {
          const size = parseFloat(getComputedStyle(e).fontSize);
          const bad = [size < 16 ? `${e.getAttribute('part') ?? e.localName} ${size} px` : ''];
          if ((e as HTMLInputElement).type === 'search') bad.push(e.getAttribute('autocorrect') === 'off' && e.getAttribute('spellcheck') === 'false' ? '' : 'search autocorrects');
          return bad.filter(Boolean);
        });
      host.style.fontSize = '';
      return out;
    }, id);
    check(`<${c.tag}>'s fields are 16 px or more on a 14 px page, with no autocorrect in search`, fields.length === 0, fields);
    if (c.tag === 'mono-transactions') {
      // By touch: a swipe that starts in the rows' scroll box at its end (most of a phone's screen) scrolls the page on,
      // to the pager and what follows.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
      const box = await page.evaluate((i) => {
        const spacer = document.createElement('div');
        spacer.id = 'spacer';
        spacer.style.blockSize = '200vh';
        document.body.append(spacer);
        const viewport = window.hardening.elements(i).find((e) => e.matches('[part~=viewport]'))!;
        viewport.scrollIntoView({ block: 'center' });
        viewport.scrollTop = viewport.scrollHeight;
        const r = viewport.getBoundingClientRect();
        return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), scrollY: Math.round(scrollY) };
      }, id);
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: box.x, y }] });
      let after = box.scrollY;
      // Up to three swipes (a busy machine may take one for a tap): contained, none of them moves the page.
      for (let tries = 0; tries < 3 && after <= box.scrollY + 50; tries++) {
        await touch('touchStart', box.y + 100);
        for (let k = 1; k <= 10; k++) {
          await touch('touchMove', box.y + 100 - k * 20);
          await page.waitForTimeout(16);
        }
        await touch('touchEnd', box.y - 100);
        await page.waitForTimeout(300);
        after = await page.evaluate(() => Math.round(scrollY));
      }
      check("by touch: a swipe at the end of <mono-transactions>'s rows scrolls the page on", after > box.scrollY + 50, { before: box.scrollY, after });
      await page.evaluate(() => document.getElementById('spacer')!.remove());
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
      await cdp.detach();
    }
    await page.evaluate((i) => window.hardening.remove(i), id);
  }
  if (desktop) await page.setViewportSize(desktop);

  // 2. Reduced motion and forced colours: the same information, spinners still, focus still visible.
  const loadedIds: { tag: string; id: string }[] = [];
  for (const c of ELEMENTS) {
    const { id } = await page.evaluate((t) => window.hardening.mount(t, { accountId: 'acc_demo' }), c.tag);
    loadedIds.push({ tag: c.tag, id });
  }
  const visibleText = (ids: string[]) =>
    page.evaluate((list) => {
      const out: Record<string, string> = {};
      for (const i of list) {
        const parts: string[] = [];
        const walk = (n: Node) => {
          if (n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) {
            // A <slot>'s fallback text is drawn by the nearest ancestor with a box (slots are display: contents).
            let el = n.parentElement!;
            while (getComputedStyle(el).display === 'contents') el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as HTMLElement);
            const style = getComputedStyle(el);
            const hidden = !el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions) || style.color === 'rgba(0, 0, 0, 0)';
            // Visually hidden (sr-only) text stays text either way; what matters is that the same text is there.
            if (!hidden || el.closest('.sr-only')) parts.push(n.textContent!.trim());
          }
          if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
          for (let k = n.firstChild; k; k = k.nextSibling) walk(k);
        };
        walk(window.hardening.element(i));
        out[i] = parts.join(' | ');
      }
      return out;
    }, ids);
  const ids = loadedIds.map((x) => x.id);
  // Live regions say the outcome once it has stayed 600 ms (SettledText): compare once the text has settled.
  let normal = await visibleText(ids);
  for (let tries = 0; tries < 10; tries++) {
    await page.waitForTimeout(700);
    const again = await visibleText(ids);
    if (ids.every((i) => again[i] === normal[i])) break;
    normal = again;
  }
  await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
  await page.waitForTimeout(200);
  const forced = await visibleText(ids);
  for (const { tag, id } of loadedIds) check(`forced colours + reduced motion: <${tag}> shows the same text`, normal[id] === forced[id] && normal[id].length > 0, { normal: normal[id].slice(0, 200), forced: forced[id].slice(0, 200) });
  // A key press first, so that focusing from script counts as keyboard focus (:focus-visible).
  await page.keyboard.press('Shift');
  const focusRings = await page.evaluate((list) => {
    const out: Record<string, string> = {};
    for (const i of list) {
      const all = window.hardening.elements(i);
      const button = all.find((e) => e instanceof HTMLButtonElement && !e.disabled && (e as HTMLElement).offsetParent !== null) as HTMLElement | undefined;
      if (!button) continue;
      button.focus({ focusVisible: true } as FocusOptions);
      const s = getComputedStyle(button);
      // Forced colours drop box-shadow: only an outline (even a transparent one) is drawn in the system colour.
      out[i] = `${s.outlineStyle} ${s.outlineWidth}`;
      button.blur();
    }
    return out;
  }, ids);
  for (const { tag, id } of loadedIds) {
    if (!(id in focusRings)) continue;
    const [style, width] = focusRings[id].split(' ');
    check(`forced colours: <${tag}> shows a focus outline (${focusRings[id]})`, style !== 'none' && parseFloat(width) > 0, focusRings[id]);
  }
  // Forced colours drop authored backgrounds: states shown by a background must still show.
  const states = await page.evaluate((list) => {
    const bg = (e: Element) => getComputedStyle(e).backgroundColor;
    const out: { what: string; a: string; b: string }[] = [];
    for (const i of list) {
      const all = window.hardening.elements(i);
      const pressed = all.find((e) => e.getAttribute('aria-pressed') === 'true');
      const unpressed = all.find((e) => e.getAttribute('aria-pressed') === 'false');
      if (pressed && unpressed) out.push({ what: `${i}: a pressed toggle`, a: bg(pressed), b: bg(unpressed) });
      const radios = all.filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'radio');
      const on = radios.find((r) => r.checked)?.nextElementSibling;
      const off = radios.find((r) => !r.checked)?.nextElementSibling;
      if (on && off) out.push({ what: `${i}: the chosen filter`, a: bg(on), b: bg(off) });
      const [c1, c2] = [all.find((e) => e.matches('.swatch.c1')), all.find((e) => e.matches('.swatch.c2'))];
      if (c1 && c2) out.push({ what: `${i}: two chart series`, a: getComputedStyle(c1).color, b: getComputedStyle(c2).color });
    }
    return out;
  }, ids);
  for (const s of states) check(`forced colours: ${s.what} looks unlike the rest (${s.a} vs ${s.b})`, s.a !== s.b, s);
  check('forced colours: toggles, filters and chart series were all found', ['pressed toggle', 'chosen filter', 'two chart series'].every((w) => states.some((s) => s.what.endsWith(w))), states.map((s) => s.what));
  const selection = await page.evaluate(async (list) => {
    for (const i of list) {
      const host = window.hardening.element(i);
      const table = (host.localName === 'mono-transactions' ? host.shadowRoot!.querySelector('mono-transaction-table') : null) as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
      if (!table) continue;
      const rows = [...table.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr.row')];
      rows[0].click();
      await table.updateComplete;
      const cell = (r: Element) => getComputedStyle(r.querySelector('td')!).backgroundColor;
      return { current: rows[0].getAttribute('aria-current'), a: cell(rows[0]), b: cell(rows[1]) };
    }
    return null;
  }, ids);
  check(`forced colours: the selected transaction looks unlike the others (${selection?.a} vs ${selection?.b})`, selection?.current === 'true' && selection.a !== selection.b, selection);
  const spinner = await page.evaluate(async () => {
    const id = await window.hardening.mountNow('mono-account', { accountId: 'acc_demo', client: { headers: { 'x-sandbox-latency': '20000' } } });
    await new Promise((r) => setTimeout(r, 100));
    const root = window.hardening.element(id).shadowRoot!;
    const spin = root.querySelector('.spinner');
    const s = spin ? getComputedStyle(spin) : null;
    const result = { name: s?.animationName ?? 'none', duration: parseFloat(s?.animationDuration ?? '0'), text: window.hardening.text(id) };
    window.hardening.remove(id);
    return result;
  });
  // The spinner may keep turning slowly; what matters is that no information rides on motion alone.
  const calm = spinner.name === 'none' || spinner.duration === 0 || spinner.duration >= 2;
  check(`reduced motion: the loading spinner is calm (${spinner.name} ${spinner.duration}s) and the state is said in words`, calm && /\w/.test(spinner.text), spinner);
  await page.emulateMedia({ reducedMotion: null, forcedColors: null });
  check('no uncaught errors on the hardening page', pageErrors.length === 0, pageErrors);
} catch (e) {
  check(`axe run: ${(e as Error).stack}`, false);
}

// 3. Keyboard only, on the demo as `npm start` serves it.
const demo = await startDemo();
try {
  const { page } = demo;
  await page.addInitScript(KEEP_NAMES);
  await page.goto(demo.url);
  await page.locator('mono-transactions [part~="row"]').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(500);

  /** Every control a keyboard user should reach: native controls and tabindex ≥ 0, visible and enabled, through shadow roots. */
  const controls = () =>
    page.evaluate(() => {
      const found: string[] = [];
      const describe = (el: Element) => {
        const host = (el.getRootNode() as ShadowRoot).host;
        const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `${host ? `${host.localName}${host.id ? `#${host.id}` : ''} > ` : ''}${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${label}"`;
      };
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          const tabbable =
            el.matches('button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])') &&
            !el.closest('dialog:not([open])') &&
            !(el as HTMLElement).closest('[inert]');
          if (!tabbable) continue;
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || !(el as HTMLElement).checkVisibility()) continue;
          found.push(describe(el));
        }
      };
      walk(document);
      return found;
    });
  const all = await controls();
  figures.controls = all.length;

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen = new Map<string, string>();
  const order: string[] = [];
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const host = (el.getRootNode() as ShadowRoot).host;
      const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const name = `${host ? `${host.localName}${host.id ? `#${host.id}` : ''} > ` : ''}${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${label}"`;
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      // Some controls draw the ring on their row or wrapper (:focus-within).
      const wrapper = el.parentElement ? getComputedStyle(el.parentElement) : null;
      const wrapped = !!wrapper && ((wrapper.outlineStyle !== 'none' && parseFloat(wrapper.outlineWidth) > 0) || wrapper.boxShadow !== 'none');
      return { name, visible: ring || wrapped, inIframe: el.localName === 'iframe' };
    });
    if (!focus) continue;
    if (order.length && focus.name === order[0] && seen.size > 3) break;
    order.push(focus.name);
    if (!seen.has(focus.name)) seen.set(focus.name, focus.visible ? 'visible' : 'invisible');
  }
  figures.tabStops = order.length;
  const missed = all.filter((c) => !seen.has(c));
  check(`keyboard: all ${all.length} visible controls of the demo are reached with Tab (${seen.size} stops)`, missed.length === 0, missed.slice(0, 10));
  const invisible = [...seen].filter(([, v]) => v === 'invisible').map(([k]) => k);
  check('keyboard: every stop shows a focus ring', invisible.length === 0, invisible.slice(0, 10));
  check('keyboard: Tab cycles back to the start (no trap)', order.length < 600, order.length);

  // Operable from the keyboard: the connect dialog opens with Enter, traps focus, closes with Escape and returns focus.
  await page.locator('#connect').locator('button[part~="button"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (document.querySelector('#connect')!.shadowRoot!.querySelector('dialog') as HTMLDialogElement).open, null, { timeout: 10000 });
  let escaped = false;
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    escaped = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      return !!el && el.localName !== 'mono-connect-button' && el !== document.body && !el.closest('#connect');
    });
    if (escaped) break;
  }
  check('keyboard: focus stays inside the open connect dialog', !escaped);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !(document.querySelector('#connect')!.shadowRoot!.querySelector('dialog') as HTMLDialogElement).open, null, { timeout: 5000 });
  const back = await page.evaluate(() => document.activeElement?.id === 'connect' && document.querySelector('#connect')!.shadowRoot!.activeElement?.getAttribute('part') === 'button');
  check('keyboard: Escape closes the dialog and focus returns to the button', back);

  // Rows of the transactions list: arrow keys move, Enter selects.
  const selected = page.evaluate(() => new Promise<boolean>((resolve) => {
    document.addEventListener('mono-transaction-select', () => resolve(true), { once: true });
    setTimeout(() => resolve(false), 5000);
  }));
  await page.locator('#transactions').locator('[part~="row"]').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  check('keyboard: a transaction row is chosen with the arrow keys and Enter', await selected);

  // A toggle: Space flips "Show as table".
  const toggle = page.locator('mono-assets').locator('[part~="view-toggle"]');
  const pressedBefore = await toggle.getAttribute('aria-pressed');
  await toggle.focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(100);
  check('keyboard: Space flips the chart/table toggle', (await toggle.getAttribute('aria-pressed')) !== pressedBefore, { pressedBefore });
  check('no uncaught errors on the demo', demo.pageErrors.length === 0, demo.pageErrors);
} catch (e) {
  check(`keyboard run: ${(e as Error).stack}`, false);
}
await demo.browser.close();
console.log(`hardening/a11y: ${figures.axeRuns} axe runs, ${figures.violations} violations; keyboard walk: ${figures.controls} controls, ${figures.tabStops} tab stops`);
await run.finish();
