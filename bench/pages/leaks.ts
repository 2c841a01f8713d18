// Leaks: every element is mounted, brought to its full state (data loaded, chart drawn, the connect
// dialog open with its widget frame) and removed, many times over. The driver compares heap, listener,
// node and document counts before and after, each after a forced GC.
import '../../src/define.js';
import { deepQuery, sleep } from './common.js';

export interface LeaksWindow {
  bench: {
    tags: string[];
    /** Mounts and removes `tag` `times` times; resolves with how many mounts reached their full state. */
    cycle(tag: string, times: number): Promise<number>;
  };
}

const stage = document.getElementById('stage')!;
const CHARTS = new Set(['mono-income-summary', 'mono-assets', 'mono-earnings']);
const DATA = ['mono-account', 'mono-transactions', 'mono-statement', 'mono-identity', 'mono-income-summary', 'mono-assets', 'mono-earnings'];

/** `promise`, or false after `ms`; the timer is cleared when it settles so it retains nothing. */
function within(promise: Promise<boolean>, ms = 10_000): Promise<boolean> {
  let timer = 0;
  return Promise.race([promise, new Promise<boolean>((r) => (timer = window.setTimeout(() => r(false), ms)))]).finally(() => clearTimeout(timer));
}

function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  return new Promise((resolve) => {
    const end = performance.now() + timeoutMs;
    const tick = () => {
      if (check()) resolve(true);
      else if (performance.now() > end) resolve(false);
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

async function mountOnce(tag: string): Promise<boolean> {
  if (tag === 'mono-provider') {
    const provider = document.createElement('mono-provider');
    provider.setAttribute('endpoint', '/api/mono');
    provider.setAttribute('account-id', 'acc_demo');
    const child = document.createElement('mono-account');
    provider.append(child);
    const loaded = new Promise<boolean>((r) => child.addEventListener('mono-load', () => r(true), { once: true }));
    stage.append(provider);
    const ok = await within(loaded);
    provider.remove();
    return ok;
  }
  const el = document.createElement(tag);
  el.setAttribute('endpoint', '/api/mono');
  el.setAttribute('account-id', 'acc_demo');
  if (tag === 'mono-connect-button') {
    el.setAttribute('widget-origins', 'self');
    stage.append(el);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="button"]')!.click();
    // The modal open with Mono's widget in it: removed in the middle of the flow, the leak-prone moment.
    const ok = await until(() => Boolean(deepQuery('dialog[open] iframe', el.shadowRoot!)));
    el.remove();
    return ok;
  }
  let settled: Promise<boolean> = Promise.resolve(true);
  if (DATA.includes(tag)) {
    settled = new Promise<boolean>((r) => {
      el.addEventListener('mono-load', () => r(true), { once: true });
      el.addEventListener('mono-error', () => r(false), { once: true });
    });
  }
  stage.append(el);
  let ok = await within(settled);
  if (ok && CHARTS.has(tag)) ok = await until(() => (el as HTMLElement & { chart?: unknown }).chart !== undefined);
  if (ok && tag === 'mono-sync-button') ok = await until(() => Boolean(el.shadowRoot?.querySelector('button')));
  el.remove();
  return ok;
}

const bench: LeaksWindow['bench'] = {
  tags: ['mono-provider', 'mono-connect-button', ...DATA, 'mono-sync-button'],
  async cycle(tag, times) {
    await customElements.whenDefined(tag);
    let ok = 0;
    for (let i = 0; i < times; i++) if (await mountOnce(tag)) ok++;
    await sleep(50);
    return ok;
  },
};
(window as unknown as LeaksWindow).bench = bench;
