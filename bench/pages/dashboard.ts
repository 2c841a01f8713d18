// Network efficiency: every element for one account inside one <mono-provider>, as an app's account
// page would have them. The driver counts the requests the sandbox sees, at load and after a sync.
import '../../src/define.js';
import type { MonoEventDetails } from '../../src/core/events.js';

export interface DashboardWindow {
  bench: {
    ready: Promise<void>;
    loads: string[];
    errors: string[];
    charts(): number;
    sync(): Promise<MonoEventDetails['mono-sync']>;
  };
}

const loads: string[] = [];
const errors: string[] = [];
document.addEventListener('mono-load', (e) => loads.push(`${(e.target as Element).localName}:${e.detail.resource}`));
document.addEventListener('mono-error', (e) => errors.push(`${(e.target as Element).localName}:${e.detail.error.kind}:${e.detail.error.message}`));

const bench: DashboardWindow['bench'] = {
  ready: Promise.all(['mono-provider', 'mono-sync-button', 'mono-earnings'].map((t) => customElements.whenDefined(t))).then(() => undefined),
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
