import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The text of a polite live region, held back until it stops changing: typing a search, or a round of
 * reloads after a sync, is read out once, as its outcome, not at every step.
 */
export class SettledText implements ReactiveController {
  #shown = '';
  #pending = '';
  #timer?: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #delay: number;

  constructor(host: ReactiveControllerHost, delay = 600) {
    this.#host = host;
    this.#delay = delay;
    host.addController(this);
  }

  /** What the region says now; `next` takes its place once it has stayed the same for `delay` ms. */
  text(next: string): string {
    if (next !== this.#pending) {
      this.#pending = next;
      this.#wait();
    }
    return this.#shown;
  }

  #wait(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#shown = this.#pending;
      this.#host.requestUpdate();
    }, this.#delay);
  }

  /** Says `now` at once (a first load, an error), dropping anything held back. */
  at(now: string): string {
    clearTimeout(this.#timer);
    this.#shown = this.#pending = now;
    return now;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** A moved element is disconnected and connected again: what was held back is still said. */
  hostConnected(): void {
    if (this.#pending !== this.#shown) this.#wait();
  }
}
