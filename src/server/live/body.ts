import { HttpError } from './respond.js';

/** Reads the request body as UTF-8 text, refusing more than `limit` bytes without buffering them. */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'bad-request', 'The request body could not be read');
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'bad-request', 'The request body is not UTF-8 text');
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'payload-too-large', `The request body is larger than ${limit} bytes`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON object body (an empty one counts as `{}`), size-limited. The content type must be JSON even for an
 * empty body: a cross-site page cannot send `application/json` without a CORS preflight, so a plain form post
 * cannot start a paid call (a real-time sync, say) with the user's cookies.
 */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new HttpError(415, 'unsupported-media-type', 'Send the request body as application/json');
  }
  const text = await readLimitedText(request, limit);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad-request', 'The request body is not valid JSON');
  }
  if (!isRecord(parsed)) throw new HttpError(400, 'bad-request', 'The request body must be a JSON object');
  return parsed;
}
