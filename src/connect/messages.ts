// The widget side of the protocol: what a session loads when it starts (with gate.ts), so that a page
// showing only the connect button does not load it up front.
import { MonoError } from '../client/errors.js';
import type { WidgetEventType } from '../core/events.js';
import { isRecord } from '../model/base.js';
import { cleanCode, REDIRECT_MESSAGE_TYPE } from './code.js';

/**
 * Mono's raw message types (MONO_API.md §11) → the names connect.js gives them. The two success types and
 * `widget.closed` end the session; the rest are informational. `error_occurred` and `mono.modal.closed`
 * are spellings seen in other SDKs.
 */
const EVENT_NAMES: Readonly<Record<string, WidgetEventType>> = {
  'mono.connect.widget_opened': 'OPENED',
  'mono.connect.widget_loaded': 'LOADED',
  'mono.connect.error_occured': 'ERROR',
  'mono.connect.error_occurred': 'ERROR',
  'mono.connect.institution_selected': 'INSTITUTION_SELECTED',
  'mono.connect.auth_method_switched': 'AUTH_METHOD_SWITCHED',
  'mono.connect.on_exit': 'EXIT',
  'mono.connect.login_attempt': 'SUBMIT_CREDENTIALS',
  'mono.connect.mfa_submitted': 'SUBMIT_MFA',
  'mono.connect.account_linked': 'ACCOUNT_LINKED',
  'mono.connect.account_selected': 'ACCOUNT_SELECTED',
};
const SUCCESS_TYPES = new Set(['mono.connect.widget.account_linked', 'mono.connect.widget.charge_complete']);
const CLOSED_TYPES = new Set(['mono.connect.widget.closed', 'mono.modal.closed']);

export type WidgetMessage =
  | { kind: 'event'; type: WidgetEventType; data: Record<string, unknown>; reference?: string }
  | { kind: 'success'; code: string | null; data: Record<string, unknown>; reference?: string }
  | { kind: 'closed'; data: Record<string, unknown>; reference?: string }
  | { kind: 'redirect'; code: string | null; status: string | null; reason: string | null; reference?: string };

const text = (value: unknown, max = 256): string | null =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;

/**
 * Reads a `message` event's data as one of Mono's widget messages or the kit's redirect hand-off.
 * Anything else (other libraries' messages, malformed data) is null. Native bridges send JSON strings,
 * so a string is parsed too.
 */
export function parseWidgetMessage(raw: unknown): WidgetMessage | null {
  let value = raw;
  if (typeof value === 'string') {
    if (value.length > 64 * 1024) return null;
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  const { type } = value;
  if (type === REDIRECT_MESSAGE_TYPE) {
    return {
      kind: 'redirect',
      code: cleanCode(value.code),
      status: text(value.status, 64),
      reason: text(value.reason),
      reference: text(value.reference) ?? undefined,
    };
  }
  const data = isRecord(value.data) ? { ...value.data } : {};
  const reference = text(data.reference) ?? undefined;
  if (SUCCESS_TYPES.has(type)) return { kind: 'success', code: cleanCode(data.code), data, reference };
  if (CLOSED_TYPES.has(type)) return { kind: 'closed', data, reference };
  const name = EVENT_NAMES[type];
  return name ? { kind: 'event', type: name, data, reference } : null;
}

/** The widget's payload as hosts see it in `mono-widget-event`: the code is the kit's to exchange, so it is left out. */
export function publicData(data: Record<string, unknown>): Record<string, unknown> {
  const { code: _code, ...rest } = data;
  return rest;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * The widget URL the host returned, checked before the kit frames or opens it: `https:` only, except on the
 * page's own origin or a loopback host (where the sandbox serves its fake widget).
 */
export function checkWidgetUrl(raw: string, pageOrigin: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MonoError('config', 'The widget URL is not a URL');
  }
  const local = url.origin === pageOrigin || LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new MonoError('config', `Refusing to open a widget URL that is not https: (${url.protocol})`);
  }
  return url;
}

/**
 * Says in the console that a widget's messages will be ignored: its origin is not in `widget-origins`. A widget
 * on the page's own origin is the sandbox's, which needs `widget-origins="self"`: the warning says so.
 */
export function warnUnlistedOrigin(origin: string, origins: readonly string[]): void {
  const hint = origin === globalThis.location?.origin ? ' For the sandbox (its widget is on this origin) set widget-origins="self".' : '';
  console.warn(`mono-connect-button: the widget at ${origin} is not in widget-origins (${origins.join(' ')}); its messages will be ignored.${hint}`);
}
