import { utcDayStart } from './dates.js';
import { dropped, faultApplies, immediateFault, malformed, readSwitches, sleep, TIMEOUT_CAP_MS, trickled, type Switches } from './faults.js';
import { failure } from './http.js';
import { dispatch, type RouteContext } from './routes.js';
import { SandboxState } from './state.js';

export interface SandboxHandlerOptions {
  /** Where the contract is mounted; default `/api/mono`. */
  basePath?: string;
  /** Clock; generated data depends on the UTC day of `now()`, so a fixed clock gives byte-identical answers. */
  now?: () => Date;
  /** How many polls a statement PDF job, sync job, `processing*` account or `fresh*` income stays pending; default 2. */
  pollsUntilDone?: number;
  /** Add `monthly_credits` to income records, as the live handler does; default true. */
  monthlyCredits?: boolean;
  /** Send the identity's whole BVN, as the live handler's `fullBvn` does; default: its last four digits. */
  fullBvn?: boolean | undefined;
  /**
   * How the fake widget ends a new link: `code` (default) like Mono's widget messages, or `reference` like Mono's
   * documented hosted link (the account reported as its webhook would, then `redirect_url` with no code), to try
   * a `redirect_url` page and backend on the flow that completes by reference.
   */
  linkReturn?: 'code' | 'reference';
  /**
   * Honour the per-request switches (`x-sandbox-latency`, `x-sandbox-fault`, `x-sandbox-link-return` and their
   * `__` query forms). Default true, for tests and the demo; turn them off for a sandbox others can reach, where a
   * caller could hold connections open for two minutes each. Off, what one request can cost is capped too: `txns_N`
   * ids up to 5 000 (the listed `txns_100000` apart), and at most 10 000 rows in one answer.
   */
  switches?: boolean;
  /** Answer requests that browsers mark as coming from a page on another site, as the live handler's option; default false (403). */
  allowCrossSite?: boolean | undefined;
}

export type FetchHandler = (request: Request) => Promise<Response>;

const NO_SWITCHES: Switches = { latencyMs: 0, fault: null, times: null, key: null, linkReturn: null };

function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The offline sandbox host backend: the whole host-backend contract (README, "Backend contract") answered with
 * deterministic Nigerian data in Mono's v2 shapes, plus a fake hosted widget, and opt-in latency and
 * fault injection. Uses only fetch-API globals, so it runs in Node, Deno, Bun, workers and the browser.
 */
export function createSandboxHandler(options: SandboxHandlerOptions = {}): FetchHandler {
  const basePath = normaliseBasePath(options.basePath ?? '/api/mono');
  const now = options.now ?? (() => new Date());
  const pollsUntilDone = Math.max(0, Math.floor(options.pollsUntilDone ?? 2));
  const state = new SandboxState();

  return async function sandboxHandler(request: Request): Promise<Response> {
    const at = now();
    const url = new URL(request.url);
    const { pathname } = url;
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
      return failure(at, 404, `Not found: ${request.method} ${pathname}`);
    }

    // Read (and stripped from the query) even when off, so that routes never see them.
    const read = readSwitches(request, url);
    if (options.switches !== false && 'error' in read) return failure(at, 400, read.error);
    const switches = options.switches === false || 'error' in read ? NO_SWITCHES : read;
    if (switches.latencyMs > 0) await sleep(switches.latencyMs, request.signal);

    const fault = faultApplies(state, switches, `${request.method} ${pathname}`) ? switches.fault : null;
    if (fault === 'timeout') {
      await sleep(TIMEOUT_CAP_MS, request.signal);
      return failure(now(), 504, 'Sandbox timeout fault: no answer was sent');
    }
    const immediate = fault ? immediateFault(fault, at) : null;
    if (immediate) return immediate;

    const ctx: RouteContext = { request, url, basePath, at, anchorMs: utcDayStart(at), state, pollsUntilDone, monthlyCredits: options.monthlyCredits !== false, fullBvn: options.fullBvn === true, linkReturn: switches.linkReturn ?? options.linkReturn ?? 'code', allowCrossSite: options.allowCrossSite === true, capped: options.switches === false };
    const relative = pathname.slice(basePath.length + 1);
    const response = await dispatch(ctx, relative);
    if (fault === 'malformed') return malformed(response);
    if (fault === 'drop') return dropped(response);
    if (fault === 'trickle') return trickled(response, request.signal);
    return response;
  };
}
