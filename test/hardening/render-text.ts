// Mounts an element from the list with `text` in every free-text field of every resource it reads.
import { mountAndRun, type Mounted } from './browser.js';
import type { ElementCase } from './elements.js';
import { hostileFetch, type Answers } from './hostile-fetch.js';
import { RESOURCES, withText, type ResourceKey } from './resources.js';

export function resourcesOf(c: ElementCase): ResourceKey[] {
  return [...c.reads, ...(c.actReads ?? [])];
}

export function fieldCount(c: ElementCase): number {
  return resourcesOf(c).reduce((n, key) => n + RESOURCES[key].textFields.filter((f) => !c.fixedFields?.includes(f)).length, 0);
}

export async function renderWithText(c: ElementCase, text: string, timeout = 20_000): Promise<Mounted & { settled: boolean }> {
  const answers: Answers = {};
  for (const key of resourcesOf(c)) {
    const adjust = c.adjust?.[key];
    answers[key] = adjust ? async (request) => ({ json: await adjust(withText(key, text), request) }) : { json: withText(key, text) };
  }
  return mountAndRun(c, { accountId: 'acc_hostile', fetch: hostileFetch(answers).fetch }, timeout);
}

export function unmount(c: ElementCase, m: Mounted): void {
  c.cleanup?.(m.el);
  m.remove();
}
