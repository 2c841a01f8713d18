import type { ConnectMode } from '../core/events.js';

// Flows remembered across a page load (sessionStorage), so that a return to `redirect_url` can be verified: a
// full-page redirect, and a modal whose widget took the whole tab (a bank that logs in on its own site). The
// connect button loads this only when such a flow starts (see redirect-check.ts for its quick looks).

/** A flow this tab started, remembered in sessionStorage so that the return to `redirect_url` can be verified. */
export interface PendingConnect {
  reference: string;
  mode: ConnectMode;
  createdAt: number;
  /** The `id` of the button that started it, when it has one: only that button resumes it. */
  owner?: string;
}

/** A flow to remember: a session (its `owner` may be undefined), or a record with its own `createdAt`. */
type RememberedFlow = Pick<PendingConnect, 'reference' | 'mode'> & { owner?: string | undefined; createdAt?: number };

const STORAGE_KEY = 'mono-elements.connect';
/** Mono's codes live 10 minutes; a person may take a while in the widget before that. */
export const PENDING_TTL_MS = 30 * 60_000;

function storageOf(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

/** The flows this tab started and has not finished (expired ones dropped). */
export function readAll(win: Window): PendingConnect[] {
  try {
    const raw = storageOf(win)?.getItem(STORAGE_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    const now = Date.now();
    return list.filter(
      (p): p is PendingConnect =>
        typeof p === 'object' && p !== null && typeof p.reference === 'string' && typeof p.createdAt === 'number' && now - p.createdAt < PENDING_TTL_MS,
    );
  } catch {
    return [];
  }
}

export function writeAll(list: PendingConnect[], win: Window): boolean {
  const storage = storageOf(win);
  if (!storage) return false;
  try {
    if (list.length === 0) storage.removeItem(STORAGE_KEY);
    else storage.setItem(STORAGE_KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** Remembers a flow as its widget opens; false when this tab cannot store it (storage blocked). */
export function rememberConnect({ reference, mode, owner, createdAt = Date.now() }: RememberedFlow, win: Window = window): boolean {
  const list = readAll(win).filter((p) => p.reference !== reference);
  list.push({ reference, mode, createdAt, ...(owner ? { owner } : {}) });
  return writeAll(list.slice(-20), win);
}

export function forgetConnect(reference: string, win: Window = window): void {
  const list = readAll(win);
  const rest = list.filter((p) => p.reference !== reference);
  if (rest.length !== list.length) writeAll(rest, win);
}
