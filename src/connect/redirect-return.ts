// The page Mono returns to (`redirect_url`): handing the result to the window that opened the widget, or
// resuming a full-page redirect. Loaded only when the URL carries such a return (and by the redirect helper).
import { cleanCode, REDIRECT_MESSAGE_TYPE } from './code.js';
import { readAll, writeAll, type PendingConnect } from './redirect.js';

export { cleanCode, REDIRECT_MESSAGE_TYPE };

/** The shape of the references the kit makes (`kit-` + 32 hex digits), loosely: other systems' references don't start with `kit-`. */
export const isKitReference = (value: unknown): value is string => typeof value === 'string' && /^kit-[\w-]{1,124}$/.test(value);

/** What Mono appends to the host's `redirect_url` when the hosted flow ends. */
export interface RedirectResult {
  reference: string;
  code: string | null;
  /** `successful` or `failed` (MONO_API.md §2). */
  status: string | null;
  /** e.g. `widget_closed`. */
  reason: string | null;
}

/** What Mono appends to the `redirect_url`. */
const PARAMS = ['code', 'status', 'reason', 'reference'] as const;

export function findConnect(reference: string, win: Window = window): PendingConnect | undefined {
  return readAll(win).find((p) => p.reference === reference);
}

/**
 * Takes the remembered flow for `reference` out of storage: a full-page redirect, or a modal whose widget took
 * the whole tab. Whoever gets it exchanges the code; sessionStorage is synchronous, so two buttons (or one
 * mounted twice) can never both get it.
 */
export function claimRedirect(reference: string, owner?: string, win: Window = window): PendingConnect | null {
  const list = readAll(win);
  const found = list.find((p) => p.reference === reference && p.mode !== 'popup');
  if (!found || (found.owner && found.owner !== owner)) return null;
  writeAll(
    list.filter((p) => p !== found),
    win,
  );
  return found;
}

/**
 * The parameters Mono put on the `redirect_url`, or null when this URL is not such a return. Only a
 * kit-made reference counts, so that another provider's `?reference=…&status=…` return is left alone.
 */
export function readRedirectResult(href: string = window.location.href): RedirectResult | null {
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return null;
  }
  // Ours comes first (the backend put it on redirect_url); a second "?" from a provider that appends its own cuts it short.
  const reference = params.get('reference')?.split('?')[0];
  const status = params.get('status');
  const code = cleanCode(params.get('code'));
  if (!isKitReference(reference) || (!code && !status)) return null;
  const reason = params.get('reason');
  return { reference, code, status: status ? status.slice(0, 64) : null, reason: reason ? reason.slice(0, 256) : null };
}

/** Removes Mono's parameters from the address bar, so a reload or a shared link never replays them. */
export function stripRedirectParams(win: Window = window): void {
  try {
    const url = new URL(win.location.href);
    for (const name of PARAMS) url.searchParams.delete(name);
    win.history.replaceState(win.history.state, '', url.href);
  } catch {
    // history not available (sandboxed frame): nothing to tidy
  }
}

function sameOrigin(other: Window, win: Window): boolean {
  try {
    return other.location.origin === win.location.origin;
  } catch {
    return false;
  }
}

export type HandOff = 'none' | 'handed-off' | 'resume';

/**
 * What the host's `redirect_url` page does with Mono's parameters:
 * - `none`: the URL carries no return from Mono;
 * - `handed-off`: the widget ran in the kit's modal iframe or popup and came back here inside it, so the
 *   parameters are posted to the parent or opener (this origin only; the opener's gate checks window and
 *   reference) and a popup closes itself;
 * - `resume`: a full-page redirect, or a modal whose widget took the whole tab; a `<mono-connect-button>` on
 *   this page claims and finishes it.
 */
export function handOffRedirect(win: Window = window): HandOff {
  const result = readRedirectResult(win.location.href);
  if (!result) return 'none';
  const remembered = findConnect(result.reference, win);
  // A modal's flow back in the top window: its frame took the whole tab (and an opener, if any, is someone else's).
  if (remembered && (remembered.mode === 'redirect' || win.parent === win)) return 'resume';
  const message = { type: REDIRECT_MESSAGE_TYPE, ...result };
  if (win.parent !== win) {
    win.parent.postMessage(message, win.location.origin);
    return 'handed-off';
  }
  const opener = win.opener as Window | null;
  if (opener && !opener.closed && sameOrigin(opener, win)) {
    opener.postMessage(message, win.location.origin);
    win.close();
    return 'handed-off';
  }
  return 'resume';
}
