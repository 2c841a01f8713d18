// Network efficiency: every element for one account inside one <mono-provider>, as an app's account
// page would have them. The driver counts the requests the sandbox sees, at load and after a sync.
import '../../src/define.js';
import type { MonoEventDetails } from '../../src/core/events.js';

export interface DashboardWindow {
  bench: {
    ready: Promise<void>;
    /** Cumulative Layout Shift as Chromium scores it: the largest session window of shifts (gaps under 1 s, at most 5 s). */
    layoutShift(): number;
    loads: string[];
    errors: string[];
    charts(): number;
    sync(): Promise<MonoEventDetails['mono-sync']>;
  };
}

// `?reserve=0`: loading boxes at their own content's height, as before they reserved the loaded height (the baseline).
if (new URLSearchParams(location.search).get('reserve') === '0') document.querySelector<HTMLElement>('mono-provider')!.style.setProperty('--mono-loading-block-size', '0px');

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}
const shifts: LayoutShift[] = [];
new PerformanceObserver((list) => shifts.push(...(list.getEntries() as LayoutShift[]))).observe({ type: 'layout-shift', buffered: true });

function layoutShift(): number {
  let worst = 0;
  let sum = 0;
  let first = 0;
  let last = 0;
  for (const shift of shifts.filter((s) => !s.hadRecentInput)) {
    if (sum > 0 && (shift.startTime - last > 1000 || shift.startTime - first > 5000)) sum = 0;
    if (sum === 0) first = shift.startTime;
    sum += shift.value;
    last = shift.startTime;
    worst = Math.max(worst, sum);
  }
  return worst;
}

const loads: string[] = [];
const errors: string[] = [];
document.addEventListener('mono-load', (e) => loads.push(`${(e.target as Element).localName}:${e.detail.resource}`));
document.addEventListener('mono-error', (e) => errors.push(`${(e.target as Element).localName}:${e.detail.error.kind}:${e.detail.error.message}`));

const bench: DashboardWindow['bench'] = {
  ready: Promise.all(['mono-provider', 'mono-sync-button', 'mono-earnings'].map((t) => customElements.whenDefined(t))).then(() => undefined),
  layoutShift,
  loads,
  errors,
  charts: () => ['mono-income-summary', 'mono-assets', 'mono-earnings'].filter((t) => (document.querySelector(t) as { chart?: unknown } | null)?.chart).length,
  sync() {
    const button = document.querySelector('mono-sync-button')!.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="button"]')!;
    return new Promise((resolve) => {
      const listener = (e: CustomEvent<MonoEventDetails['mono-sync']>) => {
        if (e.detail.status === 'started') return;
        document.removeEventListener('mono-sync', listener);
        resolve(e.detail);
      };
      document.addEventListener('mono-sync', listener);
      button.click();
    });
  },
};
(window as unknown as DashboardWindow).bench = bench;
