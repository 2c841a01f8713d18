import { parseWidgetMessage, type WidgetMessage } from './messages.js';

export interface GateExpectations {
  /** Origins the widget may speak from (`widget-origins`). */
  origins: readonly string[];
  /** The window the kit opened (iframe's or popup's), read at the time of the message. */
  source: Window | null;
  /** This session's reference. */
  reference: string;
  /** The page's own origin: the only origin the redirect helper may speak from. */
  pageOrigin: string;
}

export type GateVerdict = { accepted: true; message: WidgetMessage } | { accepted: false; reason: GateRejection };
export type GateRejection = 'untrusted' | 'source' | 'origin' | 'unknown-message' | 'reference';

/** The parts of a MessageEvent the gate reads (a plain object in unit tests). */
export type MessageLike = Pick<MessageEvent, 'data' | 'origin' | 'source' | 'isTrusted'>;

/**
 * Decides whether a `message` event comes from the widget this session opened. All of these must hold:
 * dispatched by the browser (not by a page script), sent by the exact window the kit opened, from an
 * allowed origin (Mono's widget messages: `widget-origins`; the redirect helper's hand-off: the page's own
 * origin), a message the kit knows, and a matching reference when it carries one (the hand-off must carry
 * it, since it doubles as the CSRF state of the redirect). Everything else is rejected, with the reason.
 */
export function checkMessage(event: MessageLike, expect: GateExpectations): GateVerdict {
  if (!event.isTrusted) return { accepted: false, reason: 'untrusted' };
  if (expect.source === null || event.source !== expect.source) return { accepted: false, reason: 'source' };
  const message = parseWidgetMessage(event.data);
  if (message === null) return { accepted: false, reason: 'unknown-message' };
  if (message.kind === 'redirect') {
    if (event.origin !== expect.pageOrigin) return { accepted: false, reason: 'origin' };
    if (message.reference !== expect.reference) return { accepted: false, reason: 'reference' };
    return { accepted: true, message };
  }
  if (!expect.origins.includes(event.origin)) return { accepted: false, reason: 'origin' };
  if (message.reference !== undefined && message.reference !== expect.reference) return { accepted: false, reason: 'reference' };
  return { accepted: true, message };
}
