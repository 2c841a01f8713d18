// Helpers shared by every bench page: deep (shadow-piercing) queries, element counts and a paint-aware
// wait. "Painted" means: a frame in which the condition holds has run its rendering steps, detected by
// checking in requestAnimationFrame and stamping the time in a task queued from it (it runs after
// that frame's style, layout and paint). Every implementation is measured with the same helper.

/** Every element matching `selector` in the document and in every open shadow root below it. */
export function deepQueryAll<E extends Element = Element>(selector: string, root: ParentNode = document): E[] {
  const found: E[] = [];
  const visit = (node: ParentNode): void => {
    found.push(...(Array.from(node.querySelectorAll(selector)) as E[]));
    for (const el of Array.from(node.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return found;
}

export function deepQuery<E extends Element = Element>(selector: string, root: ParentNode = document): E | null {
  if (root.querySelector(selector)) return root.querySelector(selector) as E;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.shadowRoot) {
      const hit = deepQuery<E>(selector, el.shadowRoot);
      if (hit) return hit;
    }
  }
  return null;
}

/** Elements in the document including every shadow tree (what the browser has to lay out). */
export function countElements(root: ParentNode = document): number {
  let count = 0;
  const visit = (node: ParentNode): void => {
    const all = node.querySelectorAll('*');
    count += all.length;
    for (const el of Array.from(all)) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return count;
}

export function isShown(el: Element | null): boolean {
  if (!el || !el.isConnected) return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}

/**
 * Resolves with performance.now() - start once `ready()` held in a frame that has then been painted
 * (start 0: the absolute time). Rejects after `timeoutMs`.
 */
export function paintedWhen(ready: () => boolean, start: number, timeoutMs = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const frame = (): void => {
      let ok: boolean;
      try {
        ok = ready();
      } catch (error) {
        reject(error);
        return;
      }
      if (ok) {
        setTimeout(() => resolve(performance.now() - start), 0);
        return;
      }
      if (performance.now() > deadline) reject(new Error(`timed out after ${timeoutMs} ms`));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export const nextPaint = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * The page loaded, idle, then half a second more: a person's first click comes no sooner (what the page
 * sets up after load, such as the kit's idle warm-up or connect.js's setup, has happened by then).
 */
export const settled = (): Promise<void> =>
  new Promise<void>((r) => {
    const idle = () => requestIdleCallback(() => r(), { timeout: 2000 });
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  }).then(() => sleep(500));

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until nothing changed for `quietMs` (after lazy loads, retries, layout settling). */
export async function settle(check: () => string, quietMs = 300, timeoutMs = 30_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  let last = check();
  let since = performance.now();
  while (performance.now() < end) {
    await sleep(50);
    const now = check();
    if (now !== last) {
      last = now;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return;
  }
}
