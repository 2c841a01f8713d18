import { MonoError } from '../client/errors.js';
import type { WidgetEventType } from '../core/events.js';
import { isRecord } from '../model/base.js';

/** Where Mono serves its widget (hosted links and the classic iframe widget). */
export const MONO_WIDGET_ORIGINS: readonly string[] = ['https://connect.mono.co', 'https://link.mono.co'];

/** The classic widget that Mono's connect.js frames with a public key. */
export const CLASSIC_WIDGET_URL = 'https://connect.mono.co/';
/** The widget version connect.js 2.x asks for. */
export const CLASSIC_WIDGET_VERSION = '2023-12-14';

/** The message the kit's redirect helper posts from the host's `redirect_url` page to the page that opened the widget. */
export const REDIRECT_MESSAGE_TYPE = 'mono-elements.redirect';

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

const CODE = /^[\w.~-]{1,512}$/;

/** A code as the widget or redirect hands it over, or null when it is missing or not code-shaped. */
export function cleanCode(value: unknown): string | null {
  return typeof value === 'string' && CODE.test(value.trim()) ? value.trim() : null;
}

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
      reason: text(value.reason, 256),
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

/**
 * `widget-origins` as a list of origins. Space-separated; `self` stands for the page's own origin (the
 * sandbox serves its widget there). Empty or absent → Mono's origins. Entries that are not http(s)
 * origins are dropped.
 */
export function parseWidgetOrigins(attribute: string | null | undefined, pageOrigin: string): string[] {
  const tokens = (attribute ?? '').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [...MONO_WIDGET_ORIGINS];
  const origins = new Set<string>();
  for (const token of tokens) {
    if (token === 'self' || token === "'self'") {
      origins.add(pageOrigin);
      continue;
    }
    try {
      const url = new URL(token);
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return [...origins];
}

/** The shape of the references the kit makes (`kit-` + 32 hex digits), loosely: other systems' references don't start with `kit-`. */
export const isKitReference = (value: unknown): value is string => typeof value === 'string' && /^kit-[\w-]{1,124}$/.test(value);

/** A fresh, unguessable reference: Mono's `meta.ref`, the key of every widget message and the CSRF state of a redirect. */
export function newReference(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `kit-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
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

export interface ClassicWidgetOptions {
  key: string;
  reference: string;
  /** Re-authorise this account (connect.js `reauthorise(accountId)`). */
  account?: string;
  institution?: { id: string; auth_method?: string };
  /** Only Mono's opaque customer id travels in the URL; names, emails and BVNs never do. */
  customerId?: string;
  /** The page's origin (connect.js sends the whole page URL; the origin is enough). */
  referrer?: string;
}

/** The URL of Mono's classic widget, as connect.js builds it, minus the customer data connect.js leaks into it. */
export function classicWidgetUrl(options: ClassicWidgetOptions): string {
  const url = new URL(CLASSIC_WIDGET_URL);
  const params = url.searchParams;
  params.set('key', options.key);
  params.set('scope', 'auth');
  params.set('reference', options.reference);
  params.set('version', CLASSIC_WIDGET_VERSION);
  if (options.referrer) params.set('referrer', options.referrer);
  if (options.account) params.set('account', options.account);
  if (options.institution) params.set('selectedInstitution', JSON.stringify(options.institution));
  if (options.customerId) params.set('data', JSON.stringify({ customer: { id: options.customerId } }));
  return url.href;
}
