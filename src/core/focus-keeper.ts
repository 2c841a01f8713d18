import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Keeps keyboard focus in an element when a render removes the control that had it (Try again, Clear
 * filters, a Cancel whose job ended): focus goes to `target()`, made focusable if it is not, instead of
 * falling to the page's body. Focus the user moved elsewhere is left alone.
 */
export class FocusKeeper implements ReactiveController {
  #hadFocus = false;
  readonly #host: ReactiveElement;
  readonly #target: () => HTMLElement | null | undefined;

  constructor(host: ReactiveElement, target: () => HTMLElement | null | undefined) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostUpdate(): void {
    this.#hadFocus = Boolean(this.#host.shadowRoot?.activeElement);
  }

  hostUpdated(): void {
    if (!this.#hadFocus || this.#host.shadowRoot?.activeElement) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const target = this.#target();
    if (!target) return;
    if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }
}
