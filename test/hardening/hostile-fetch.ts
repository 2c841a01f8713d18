// A `fetch` for `<mono-provider .fetch>` / `new MonoClient({ fetch })` that answers chosen resources of the
// contract with chosen bodies (hostile text, mutated shapes, non-JSON) and passes every other request on
// to the real sandbox. It goes through the kit's public fetch hook, so nothing inside the kit is mocked.
import { resourceFor, type ResourceKey } from './resources.js';

export type Answer =
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { raw: string; status?: number; contentType?: string; headers?: Record<string, string> };

export type Answers = Partial<Record<ResourceKey, Answer | ((request: Request) => Answer | Promise<Answer>)>>;

export interface HostileFetch {
  fetch: typeof fetch;
  /** Requests answered from `answers`, by resource. */
  served: Partial<Record<ResourceKey, number>>;
  /** Every request seen, as `METHOD path?query`. */
  log: string[];
}

export function hostileFetch(answers: Answers, endpoint = '/api/mono', passThrough: typeof fetch = globalThis.fetch.bind(globalThis)): HostileFetch {
  const served: Partial<Record<ResourceKey, number>> = {};
  const log: string[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.startsWith(endpoint) ? url.pathname.slice(endpoint.length) : url.pathname;
    log.push(`${request.method} ${path}${url.search}`);
    const key = resourceFor(request.method, path, url.searchParams);
    const entry = key ? answers[key] : undefined;
    if (!key || !entry) return passThrough(input, init);
    served[key] = (served[key] ?? 0) + 1;
    const answer = typeof entry === 'function' ? await entry(request) : entry;
    const status = answer.status ?? 200;
    if ('raw' in answer) {
      return new Response(answer.raw, { status, headers: { 'content-type': answer.contentType ?? 'application/json', ...answer.headers } });
    }
    return new Response(JSON.stringify(answer.json), { status, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  return { fetch: fetchImpl as typeof fetch, served, log };
}
