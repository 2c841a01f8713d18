import { isRecord, readLimitedText } from './body.js';
import { describeError, type Logger } from './redact.js';
import { errorResponse, HttpError, jsonBody } from './respond.js';
import { expiringMap } from './state.js';

// ---------------------------------------------------------------------------------------------
// event types (MONO_API.md §10, §14.15; REST is snake_case, some webhooks camelCase)

export interface AccountConnectedData {
  id: string;
  customer?: string;
  meta?: { data_status?: string; auth_method?: string; ref?: string };
  app?: string;
  business?: string;
}

export interface AccountUpdatedData {
  account: {
    _id: string;
    name?: string;
    accountNumber?: string;
    currency?: string;
    balance?: number;
    type?: string;
    bvn?: string | null;
    authMethod?: string;
    institution?: { name?: string; bankCode?: string; type?: string };
    created_at?: string;
    updated_at?: string;
    [field: string]: unknown;
  };
  meta?: {
    data_status?: string;
    auth_method?: string;
    retrieved_data?: string[];
    ref?: string;
    /** Real-time syncs: `SUCCESSFUL` | `FAILED` | `REAUTHORISATION_REQUIRED`. */
    sync_status?: string;
    job_id?: string;
    has_new_data?: boolean;
  };
  account_match?: unknown;
}

export interface AccountRefData {
  account: { _id: string; [field: string]: unknown };
  app?: string;
  business?: string;
}

export interface JobUpdateData {
  account: string;
  id: string;
  /** e.g. `jobs.accounts.sync_statement`, `jobs.accounts.sync_balance` */
  name?: string;
  /** `processing` | `finished` | `failed` */
  status?: string;
  app?: string;
  business?: string;
}

export interface AccountIncomeData {
  account: string;
  account_name?: string;
  account_number?: string;
  income_summary?: Record<string, unknown>;
  income_streams?: Record<string, unknown>[];
  annual_income?: number;
  monthly_income?: number;
  app?: string;
  business?: string;
}

interface EventOf<Type extends string, Name extends string, Data> {
  /** Our short name; narrow on this. */
  type: Type;
  /** Mono's event name, as sent. */
  event: Name;
  /** Mono's id for this delivery, when sent (newer payloads). */
  eventId: string | null;
  timestamp: string | null;
  /** The account the event is about. */
  accountId: string;
  data: Data;
}

export type AccountConnectedEvent = EventOf<'account_connected', 'mono.events.account_connected', AccountConnectedData>;
export type AccountUpdatedEvent = EventOf<'account_updated', 'mono.events.account_updated', AccountUpdatedData>;
export type ReauthorisationRequiredEvent = EventOf<'reauthorisation_required', 'mono.events.reauthorisation_required', AccountRefData>;
export type AccountReauthorizedEvent = EventOf<'account_reauthorized', 'mono.events.account_reauthorized', AccountRefData>;
export type JobUpdateEvent = EventOf<'job_update', 'mono.accounts.jobs.update', JobUpdateData>;
export type AccountIncomeEvent = EventOf<'account_income', 'mono.events.account_income', AccountIncomeData>;

/** Any other event (or a listed one whose account id was missing): passed on untyped. */
export interface UnknownWebhookEvent {
  type: 'unknown';
  event: string;
  eventId: string | null;
  timestamp: string | null;
  accountId: string | null;
  data: unknown;
}

export type MonoWebhookEvent =
  | AccountConnectedEvent
  | AccountUpdatedEvent
  | ReauthorisationRequiredEvent
  | AccountReauthorizedEvent
  | JobUpdateEvent
  | AccountIncomeEvent
  | UnknownWebhookEvent;

type KnownType = Exclude<MonoWebhookEvent['type'], 'unknown'>;

/** Where each listed event keeps its account id. */
const KNOWN: Record<string, { type: KnownType; accountId: (data: Record<string, unknown>) => unknown }> = {
  'mono.events.account_connected': { type: 'account_connected', accountId: (d) => d.id },
  'mono.events.account_updated': { type: 'account_updated', accountId: (d) => (isRecord(d.account) ? d.account._id : undefined) },
  'mono.events.reauthorisation_required': { type: 'reauthorisation_required', accountId: (d) => (isRecord(d.account) ? d.account._id : undefined) },
  'mono.events.account_reauthorized': { type: 'account_reauthorized', accountId: (d) => (isRecord(d.account) ? d.account._id : undefined) },
  'mono.accounts.jobs.update': { type: 'job_update', accountId: (d) => d.account },
  'mono.events.account_income': { type: 'account_income', accountId: (d) => d.account },
};

const MAX_EVENT_ID = 200;

/** Reads Mono's `{ event, event_id?, timestamp?, data }`; null when it is not that shape at all. */
export function parseWebhookEvent(body: unknown): MonoWebhookEvent | null {
  if (!isRecord(body) || typeof body.event !== 'string' || body.event === '' || body.event.length > 200) return null;
  const eventId = typeof body.event_id === 'string' && body.event_id !== '' && body.event_id.length <= MAX_EVENT_ID ? body.event_id : null;
  const timestamp = typeof body.timestamp === 'string' ? body.timestamp : null;
  const known = KNOWN[body.event];
  const data = body.data;
  if (known && isRecord(data)) {
    const accountId = known.accountId(data);
    if (typeof accountId === 'string' && accountId !== '') {
      return { type: known.type, event: body.event, eventId, timestamp, accountId, data } as unknown as MonoWebhookEvent;
    }
  }
  const loose = isRecord(data) ? [data.account, data.id].find((v): v is string => typeof v === 'string' && v !== '') : undefined;
  return { type: 'unknown', event: body.event, eventId, timestamp, accountId: loose ?? null, data: data ?? null };
}

// ---------------------------------------------------------------------------------------------
// de-duplication

/**
 * Remembers which deliveries were handled. Mono retries a delivery until it gets a 2xx, so the same event
 * can arrive more than once, and on several instances of a host: plug in a shared store there.
 */
export interface WebhookEventStore {
  /**
   * Records `key`; true when it was new (handle the event), false when it was seen within `ttlMs`.
   * Must be atomic across instances, e.g. Redis `SET key 1 NX PX ttlMs`.
   */
  claim(key: string, ttlMs: number): boolean | Promise<boolean>;
  /** Forgets `key` after the handler failed, so Mono's retry is handled. */
  release?(key: string): void | Promise<void>;
}

export interface MemoryStoreOptions {
  /** Most keys kept; the oldest go first. Default 10 000. */
  maxEntries?: number;
  now?: () => number;
}

/** The default store: one process's memory, bounded in size and time. */
export function memoryWebhookStore(options: MemoryStoreOptions = {}): WebhookEventStore {
  const seen = expiringMap<true>(options);
  return {
    claim(key, ttlMs) {
      if (seen.get(key)) return false;
      seen.set(key, true, ttlMs);
      return true;
    },
    release: seen.delete,
  };
}

// ---------------------------------------------------------------------------------------------
// receiver

export interface WebhookReceiverOptions {
  secret: string;
  onWebhook?: (event: MonoWebhookEvent, request: Request) => void | Promise<void>;
  /** The handler's own use of each event (a hosted link's account, a sync that needs reauthorisation), before `onWebhook`. */
  learn?: (event: MonoWebhookEvent) => Promise<unknown>;
  store: WebhookEventStore;
  /** How long a delivery is remembered; default 24 h (Mono's retries fall well inside). */
  dedupeTtlMs: number;
  maxBodyBytes: number;
  log: Logger;
}

const encoder = new TextEncoder();

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** Compares digests, so the time taken depends neither on where the strings differ nor on their lengths. */
export async function constantTimeEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `POST {basePath}/webhooks`: secret check, JSON, de-duplication, then `learn` and `onWebhook`. */
export function createWebhookReceiver(options: WebhookReceiverOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const given = request.headers.get('mono-webhook-secret');
    if (given === null || !(await constantTimeEqual(given, options.secret))) {
      options.log.warn('Webhook refused: missing or wrong mono-webhook-secret');
      return errorResponse(401, 'unauthenticated', 'Invalid webhook secret');
    }
    let text: string;
    try {
      text = await readLimitedText(request, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof HttpError) return error.toResponse();
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return errorResponse(400, 'bad-request', 'The webhook body is not valid JSON');
    }
    const event = parseWebhookEvent(body);
    if (!event) return errorResponse(400, 'bad-request', 'The webhook body is not a Mono event');

    // Deliveries without an event_id (older payloads) are told apart by their exact bytes.
    const key = event.eventId !== null ? `event:${event.eventId}` : `body:${hex(await sha256(text))}`;
    if (!(await options.store.claim(key, options.dedupeTtlMs))) return jsonBody({ received: true, duplicate: true });
    try {
      await options.learn?.(event);
      await options.onWebhook?.(event, request);
    } catch (error) {
      await options.store.release?.(key);
      options.log.error(`Webhook ${event.event} could not be handled; Mono will retry: ${describeError(error)}`);
      return errorResponse(500, 'host-error', 'The webhook could not be handled');
    }
    return jsonBody({ received: true });
  };
}
