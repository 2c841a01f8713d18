// What a session loads when it starts (see session.ts): the widget URL check, the message gate, Mono's
// message parser and what a return from the widget means. A page that only shows the button never loads this.
import { MonoError } from '../client/errors.js';
import { publicData, type WidgetMessage } from './messages.js';
import { rememberConnect } from './redirect.js';
import type { ConnectSession, RedirectOutcome, SessionOptions } from './session.js';

export { checkMessage } from './gate.js';
export { checkWidgetUrl, warnUnlistedOrigin } from './messages.js';

const preconnected = new Set<string>();

/**
 * Opens the connections to the widget's origins while the customer is still on the button: on a phone the
 * TLS handshake with Mono's host can take longer than the initiate itself. Once per origin per page.
 */
export function preconnect(origins: readonly string[]): void {
  for (const origin of origins) {
    if (preconnected.has(origin) || origin === location.origin) continue;
    preconnected.add(origin);
    const link = document.createElement('link');
    link.rel = 'preconnect';
    link.href = origin;
    document.head.append(link);
  }
}

/** Sessions whose widget already reported success: a repeated success message counts once. */
const succeeded = new WeakSet<ConnectSession>();
/** Sessions that said OPENED. */
const opened = new WeakSet<ConnectSession>();

/**
 * The widget is shown (a frame or a popup; a full-page redirect leaves the page): OPENED, once. Mono's widget
 * does not post it, connect.js makes it up when it shows the frame; a widget that does post it is not heard twice.
 * A modal's flow is remembered like a redirect's: its frame may take the whole tab (a bank that logs in on its
 * own site, as the frame's sandbox allows on a click), and then the return to `redirect_url` is a new page load.
 */
export function shown(session: ConnectSession, emit: SessionOptions['emit']): void {
  if (session.mode === 'redirect' || opened.has(session)) return;
  opened.add(session);
  if (session.mode === 'modal') rememberConnect(session);
  emit('mono-widget-event', { type: 'OPENED', data: {} });
}

/** What an accepted widget message does: an event for the host, the one exchange, or the end of the session. */
export function handleMessage(session: ConnectSession, message: WidgetMessage, emit: SessionOptions['emit']): void {
  switch (message.kind) {
    case 'event':
      if (message.type === 'OPENED') shown(session, emit);
      else emit('mono-widget-event', { type: message.type, data: publicData(message.data) });
      return;
    case 'success':
      if (succeeded.has(session)) return;
      succeeded.add(session);
      emit('mono-widget-event', { type: 'SUCCESS', data: publicData(message.data) });
      void session.complete(message.code);
      return;
    case 'closed':
      session.cancel();
      return;
    case 'redirect':
      finishRedirect(session, message);
      return;
  }
}

/** Ends `session` as the redirect helper (or the URL after a full-page redirect) reported: exchange, user close or error. */
export function finishRedirect(session: ConnectSession, result: RedirectOutcome): void {
  // Mono documents `successful` and `failed` (for payments); any case or longer spelling reads the same.
  if (result.code || /^success/i.test(result.status ?? '')) {
    void session.complete(result.code);
  } else if (/^fail/i.test(result.status ?? '') && (!result.reason || /closed|cancel/i.test(result.reason))) {
    session.cancel();
  } else {
    session.fail(new MonoError('widget', `The widget ended without success${result.reason ? ` (${result.reason})` : ''}`));
  }
}
