// The page the end-to-end hardening scripts drive (strict CSP, faults, accessibility): every element of the
// kit, mounted on demand through the same list and helpers the browser suites use. No inline script or
// style anywhere, so it can be served with `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`.
import '../../../src/define.js';
import { MonoClient } from '../../../src/client/index.js';
import { deepElements, deepText, errorKind, isBusy, mount, mountAndRun, settle, stateOf, type Mounted, type MountOptions } from '../browser.js';
import { ELEMENTS, deepQuery, elementByTag } from '../elements.js';

const violations: string[] = [];
/** Where a violation happened: the element (inside its shadow host) that tried it. */
function where(e: Event): string {
  const path = e.composedPath().filter((n): n is Element => n instanceof Element);
  const target = path[0];
  const host = path.find((n) => n.localName.startsWith('mono-'));
  return target ? `<${target.localName}${target.getAttribute('part') ? ` part=${target.getAttribute('part')}` : ''}${target.className ? ` class=${target.className}` : ''}> in <${host?.localName ?? 'document'}>` : '';
}
document.addEventListener(
  'securitypolicyviolation',
  (e) => violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample} ${where(e)}`),
  true,
);

const mounted = new Map<string, Mounted>();
let next = 0;

export interface PageMountOptions extends Omit<MountOptions, 'client' | 'container'> {
  /** Builds a MonoClient with these settings (timeouts and retries shorter than the defaults). */
  client?: { timeout?: number; retries?: number; retryDelay?: number; maxRetryDelay?: number; headers?: Record<string, string> };
  /** Run the element's own action (button) after it loaded. */
  act?: boolean;
}

function section(tag: string): HTMLElement {
  const box = document.createElement('section');
  const id = `m${++next}`;
  box.id = id;
  box.setAttribute('aria-labelledby', `${id}-title`);
  const title = document.createElement('h2');
  title.id = `${id}-title`;
  title.textContent = `<${tag}>`;
  box.append(title);
  document.getElementById('stage')!.append(box);
  return box;
}

const api = {
  tags: ELEMENTS.map((c) => c.tag),
  violations,
  /** Mounts `tag` in its own section; resolves with a handle once it settled (loaded, empty or failed). */
  async mount(tag: string, options: PageMountOptions = {}): Promise<{ id: string; settled: boolean; state: string; kind: string | null }> {
    const c = elementByTag(tag);
    if (!c) throw new Error(`unknown element ${tag}`);
    const box = section(tag);
    const client = options.client ? new MonoClient({ ...options.client, endpoint: '/api/mono' }) : undefined;
    const run = options.act ? mountAndRun : async (cc: typeof c, o: MountOptions) => ({ ...(await mount(cc, o)), settled: true });
    const m = await run(c, { ...options, client, container: box });
    if (!options.act && c.reads.length) m.settled = await settle(m, undefined, 30_000);
    mounted.set(box.id, m);
    return { id: box.id, settled: m.settled, state: stateOf(m.el), kind: errorKind(m.el) };
  },
  /** Mounts without waiting (for the loading state). */
  async mountNow(tag: string, options: PageMountOptions = {}): Promise<string> {
    const c = elementByTag(tag)!;
    const box = section(tag);
    const client = options.client ? new MonoClient({ ...options.client, endpoint: '/api/mono' }) : undefined;
    const m = await mount(c, { ...options, client, container: box });
    mounted.set(box.id, m);
    return box.id;
  },
  async act(id: string): Promise<boolean> {
    const m = mounted.get(id)!;
    const c = elementByTag(m.el.localName)!;
    const before = m.events.length;
    await c.act!(m.el);
    return settle(m, (events) => c.actDone!(events.slice(before)), 30_000);
  },
  async settle(id: string, timeout = 30_000): Promise<boolean> {
    return settle(mounted.get(id)!, undefined, timeout);
  },
  state: (id: string) => stateOf(mounted.get(id)!.el),
  kind: (id: string) => errorKind(mounted.get(id)!.el),
  busy: (id: string) => isBusy(mounted.get(id)!.el),
  text: (id: string) => deepText(mounted.get(id)!.el),
  events: (id: string) => mounted.get(id)!.events.map((e) => ({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail, (k, v) => (v instanceof Error ? { kind: (v as { kind?: string }).kind, message: v.message } : v))) })),
  element: (id: string) => mounted.get(id)!.el,
  /** Every element inside the mounted one, shadow roots included. */
  elements: (id: string) => deepElements(mounted.get(id)!.el),
  click(id: string, selector: string): boolean {
    const target = deepQuery<HTMLElement>(mounted.get(id)!.el, selector);
    target?.click();
    return !!target;
  },
  has: (id: string, selector: string) => deepElements(mounted.get(id)!.el).some((e) => e.matches(selector)),
  set(id: string, property: string, value: unknown): void {
    (mounted.get(id)!.el as unknown as Record<string, unknown>)[property] = value;
  },
  /** Tries eval in a task of its own (DevTools lets eval through while it evaluates a script). */
  probeEval(): Promise<boolean> {
    return new Promise((resolve) =>
      setTimeout(() => {
        try {
          // eslint-disable-next-line no-new-func
          new Function('return 1')();
          resolve(false);
        } catch {
          resolve(true);
        }
      }),
    );
  },
  remove(id: string): void {
    const m = mounted.get(id);
    m?.remove();
    document.getElementById(id)?.remove();
    mounted.delete(id);
  },
  clear(): void {
    for (const id of [...mounted.keys()]) api.remove(id);
  },
};

declare global {
  interface Window {
    hardening: typeof api;
  }
}
window.hardening = api;
document.documentElement.dataset.ready = 'true';
