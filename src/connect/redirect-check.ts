// The quick looks the connect button takes up front for a full-page redirect; what remembers and finishes
// one (redirect.ts, redirect-return.ts) loads only when one happens.

/** Whether this tab can remember a flow across a full-page redirect (sessionStorage may be blocked or full). */
export function canRememberConnect(win: Window = window): boolean {
  try {
    const storage = win.sessionStorage;
    storage.setItem('mono-elements.probe', '1');
    storage.removeItem('mono-elements.probe');
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this page's URL may be a return from Mono to a flow of the kit (a kit-made reference in the
 * query): a cheap first look, so that the code that reads and finishes a return (redirect-return.ts) loads
 * only then.
 */
export const mayBeRedirectReturn = (search: string = window.location.search): boolean => /[?&]reference=kit-/.test(search);
