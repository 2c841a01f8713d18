/**
 * Where the widget is shown: the element's modal iframe, or a popup window. The session drives it and
 * never touches the DOM itself.
 */
export interface WidgetSurface {
  /** The window the widget lives in; read at each message (re-inserting an iframe replaces its window). */
  window(): Window | null;
  /** Load the widget URL; false when there is nothing to show it in any more (a closed window, a replaced session). */
  show(url: string): boolean | void;
  /** The widget reported success: hide it and show progress while the code is exchanged. */
  finishing?(): void;
  /** Close the iframe or window for good. */
  dispose?(): void;
}

const POPUP_WIDTH = 480;
const POPUP_HEIGHT = 720;
const CLOSED_POLL_MS = 250;

/**
 * A popup opened synchronously inside the click (so blockers let it through), on `about:blank` until the
 * host answers initiate, sized and centred over the current window, saying `loadingText` (in language `lang`).
 * Returns null when the browser blocked it.
 */
export function openPopup(loadingText: string, lang: string): PopupSurface | null {
  const width = Math.min(POPUP_WIDTH, window.screen.availWidth || POPUP_WIDTH);
  const height = Math.min(POPUP_HEIGHT, window.screen.availHeight || POPUP_HEIGHT);
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
  let popup: Window | null = null;
  try {
    popup = window.open('about:blank', '_blank', `popup=yes,width=${width},height=${height},left=${left},top=${top}`);
  } catch {
    // refused: blocked
  }
  if (!popup) return null;
  try {
    // Something to look at while initiate runs; the blank page is ours (same origin) until it navigates.
    popup.document.title = 'Mono Connect';
    popup.document.body.textContent = loadingText;
    popup.document.documentElement.lang = lang;
  } catch {
    // a browser that gave us an inaccessible window: the widget still loads into it
  }
  return new PopupSurface(popup);
}

export class PopupSurface implements WidgetSurface {
  #timer?: ReturnType<typeof setInterval>;
  readonly #popup: Window;

  constructor(popup: Window) {
    this.#popup = popup;
  }

  window(): Window {
    return this.#popup;
  }

  get closed(): boolean {
    try {
      return this.#popup.closed;
    } catch {
      return true;
    }
  }

  show(url: string): boolean {
    // Closed before initiate answered: the closed-window watcher ends the session as the person's choice.
    if (this.closed) return false;
    this.#popup.location.replace(url);
    return true;
  }

  focus(): void {
    try {
      this.#popup.focus();
    } catch {
      // nothing to focus
    }
  }

  finishing(): void {
    this.dispose();
  }

  /**
   * Calls `onClosed` once when the user closes the window (checked every 250 ms). The call waits one more
   * beat so that a success message posted just before the window closed is handled first.
   */
  watchClosed(onClosed: () => void): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      if (!this.closed) return;
      clearInterval(this.#timer);
      setTimeout(onClosed, CLOSED_POLL_MS);
    }, CLOSED_POLL_MS);
  }

  dispose(): void {
    clearInterval(this.#timer);
    try {
      if (!this.#popup.closed) this.#popup.close();
    } catch {
      // already gone
    }
  }
}
