import { MonoError, toMonoError } from '../client/errors.js';
import type { ConnectMode, MonoEventDetails, MonoEventName } from '../core/events.js';
import { checkMessage } from './gate.js';
import { checkWidgetUrl, publicData, type WidgetMessage } from './protocol.js';
import { forgetConnect } from './redirect.js';
import type { WidgetSurface } from './surface.js';

export type CloseReason = MonoEventDetails['mono-close']['reason'];
export type SessionState = 'opening' | 'open' | 'exchanging' | 'ended';

export interface SessionOptions {
  mode: ConnectMode;
  reference: string;
  /** Allowed widget origins (`widget-origins`). */
  origins: readonly string[];
  /** Exchanges a code through the host; resolves with the account id. */
  exchange: (code: string) => Promise<string>;
  /** Dispatches a `mono-*` event (the element's `emit`). */
  emit: <K extends MonoEventName>(type: K, detail: MonoEventDetails[K]) => unknown;
  /** Called once, just before `mono-close`. */
  onEnd?: (reason: CloseReason) => void;
  /** Called when the widget reported success and the exchange starts. */
  onExchanging?: () => void;
  /** Fire `mono-open` (not when resuming after a full-page redirect: that open was fired before leaving). */
  announce?: boolean;
  pageOrigin?: string;
  /** Where messages arrive; default `window`. */
  target?: Window;
}

/** Codes this page already exchanged or is exchanging: one code, one exchange, whatever repeats it. */
const claimedCodes = new Set<string>();

function claimCode(code: string): boolean {
  if (claimedCodes.has(code)) return false;
  claimedCodes.add(code);
  return true;
}

/**
 * One opening of the widget, from `mono-open` to its single `mono-close`. It listens for widget messages
 * through the gate (origin, window, reference), translates them to `mono-widget-event`, exchanges the code
 * exactly once, and guarantees at most one `mono-success` and exactly one `mono-close`.
 */
export class ConnectSession {
  state: SessionState = 'opening';
  readonly mode: ConnectMode;
  readonly reference: string;
  private surface?: WidgetSurface;
  private readonly pageOrigin: string;
  private readonly target: Window;
  private sawSuccess = false;

  constructor(private readonly options: SessionOptions) {
    this.mode = options.mode;
    this.reference = options.reference;
    this.target = options.target ?? window;
    this.pageOrigin = options.pageOrigin ?? this.target.location.origin;
    this.target.addEventListener('message', this.onMessage);
    if (options.announce !== false) options.emit('mono-open', { mode: this.mode, reference: this.reference });
  }

  get active(): boolean {
    return this.state !== 'ended';
  }

  attach(surface: WidgetSurface): void {
    this.surface = surface;
  }

  /** Shows the widget once the host answers initiate (or at once for a ready URL). */
  async start(url: Promise<string> | string): Promise<void> {
    try {
      const checked = checkWidgetUrl(await url, this.pageOrigin);
      if (this.state !== 'opening') return;
      if (this.mode !== 'redirect' && !this.options.origins.includes(checked.origin)) {
        // Not refused (Mono's link host may hand over to another allowed origin), but worth a word: nothing from this origin will count.
        console.warn(`mono-connect-button: the widget at ${checked.origin} is not in widget-origins (${this.options.origins.join(' ')}); its messages will be ignored.`);
      }
      this.state = 'open';
      this.surface?.show(checked.href);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Closes on the person's request; refused (false) while the code is being exchanged. */
  cancel(reason: CloseReason = 'user'): boolean {
    if (this.state === 'exchanging') return false;
    this.end(reason);
    return this.state === 'ended';
  }

  /** Reports an error and closes. */
  fail(e: unknown): void {
    if (this.state === 'ended') return;
    const error = toMonoError(e);
    this.options.emit('mono-error', { error });
    this.end('error');
  }

  /** Exchanges the code from the widget or the redirect, once; then `mono-success` and `mono-close`. */
  async complete(code: string | null): Promise<void> {
    if (this.state !== 'open') return;
    if (!code) {
      this.fail(new MonoError('widget', 'The widget reported success without a code'));
      return;
    }
    if (!claimCode(code)) return;
    this.state = 'exchanging';
    this.surface?.finishing();
    this.options.onExchanging?.();
    let accountId: string;
    try {
      accountId = await this.options.exchange(code);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.options.emit('mono-success', { accountId, reference: this.reference });
    this.end('success');
  }

  /** Picks up a flow that left the page for a full-page redirect and came back with these parameters. */
  resume(result: { code: string | null; status: string | null; reason: string | null }): void {
    if (this.state === 'opening') this.state = 'open';
    this.finishRedirect(result);
  }

  /** Handles what the redirect helper (or the URL after a full-page redirect) reported. */
  finishRedirect(result: { code: string | null; status: string | null; reason: string | null }): void {
    if (result.code) {
      void this.complete(result.code);
    } else if (result.status === 'failed' && (!result.reason || /closed|cancel/i.test(result.reason))) {
      this.cancel('user');
    } else {
      this.fail(new MonoError('widget', `The widget ended without a code${result.reason ? ` (${result.reason})` : ''}`));
    }
  }

  private end(reason: CloseReason): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.target.removeEventListener('message', this.onMessage);
    this.surface?.dispose();
    try {
      forgetConnect(this.reference, this.target);
    } catch {
      // storage unavailable: nothing was remembered
    }
    this.options.onEnd?.(reason);
    this.options.emit('mono-close', { reason });
  }

  private onMessage = (event: MessageEvent): void => {
    if (this.state === 'ended') return;
    const verdict = checkMessage(event, {
      origins: this.options.origins,
      source: this.surface?.window() ?? null,
      reference: this.reference,
      pageOrigin: this.pageOrigin,
    });
    if (verdict.accepted) this.handle(verdict.message);
  };

  private handle(message: WidgetMessage): void {
    switch (message.kind) {
      case 'event':
        this.options.emit('mono-widget-event', { type: message.type, data: publicData(message.data) });
        return;
      case 'success':
        if (this.sawSuccess) return;
        this.sawSuccess = true;
        this.options.emit('mono-widget-event', { type: 'SUCCESS', data: publicData(message.data) });
        void this.complete(message.code);
        return;
      case 'closed':
        this.cancel('user');
        return;
      case 'redirect':
        this.finishRedirect(message);
        return;
    }
  }
}
