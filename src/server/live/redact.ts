export const REDACTED = '[redacted]';

/** `_` as a URL, an HTML page or a JSON string may spell it. */
const UNDERSCORE = String.raw`(?:_|%5[Ff]|&#0*95;|&#[xX]0*5[Ff];|&lowbar;|&UnderBar;|\\u005[Ff])`;

/** Anything shaped like a Mono secret key, even one that is not ours (a key echoed back by a proxy, say). */
const SECRET_KEY_SHAPE = new RegExp(String.raw`\b(?:live|test)${UNDERSCORE}sk${UNDERSCORE}(?:[A-Za-z0-9-]|${UNDERSCORE})+`, 'g');

/** The shortest derived form (a key's random part, a base64 run) redacted: shorter ones could match unrelated text. */
const MIN_DERIVED = 12;

export type Redactor = (text: string) => string;

/**
 * Replaces every occurrence of the given secrets, and anything shaped like a Mono secret key, with "[redacted]".
 * A secret is also found percent-encoded (either case of hex, any characters of it), with HTML character
 * references, with `\u` escapes, as JSON writes it, in base64 and base64url, and by the random part after
 * `live_sk_`/`test_sk_`/`whsec_`: the ways a proxy or an upstream echoing a header could spell it.
 */
export function createRedactor(secrets: readonly (string | undefined | null)[]): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 4) continue;
    forms.add(secret);
    // As JSON writes it: a `"` or `\` in a secret is escaped in a body.
    forms.add(JSON.stringify(secret).slice(1, -1));
    const random = /^(?:(?:live|test)_sk_|whsec_)(.+)$/.exec(secret)?.[1];
    for (const derived of [random ?? '', ...base64Runs(secret)]) if (derived.length >= MIN_DERIVED) forms.add(derived);
  }
  // One pass (about 4 ms a MB); longest first, so that a secret containing another (a key and its random part) is removed whole.
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  const known = sorted.length > 0 ? new RegExp(sorted.map(spelled).join('|'), 'g') : null;
  return (text) => (known ? text.replace(known, REDACTED) : text).replace(SECRET_KEY_SHAPE, REDACTED);
}

/**
 * The secret in base64 and base64url: alone, and the characters that encode only its bytes for each of the three
 * alignments it can have inside a longer encoded text (those shared with the bytes around it are left out).
 */
function base64Runs(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const runs = [base64(bytes)];
  for (const offset of [0, 1, 2]) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    runs.push(base64(padded).slice(Math.ceil((8 * offset) / 6), Math.floor((8 * padded.length) / 6)));
  }
  return runs.flatMap((run) => [run, run.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')]);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Padded base64, written out here: `btoa` is not among the fetch-API globals every runtime of the handler has. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil((8 * Math.min(3, bytes.length - i)) / 6);
    for (let j = 0; j < 4; j++) out += j < chars ? BASE64[(n >> (18 - 6 * j)) & 63] : '=';
  }
  return out;
}

const anyCase = (hex: string) => hex.replace(/[a-f]/gi, (digit) => `[${digit.toLowerCase()}${digit.toUpperCase()}]`);

/** A pattern matching `form` with any of its characters percent-encoded, as an HTML character reference or as a `\u` escape. */
function spelled(form: string): string {
  return Array.from(form, (char) => {
    const code = char.codePointAt(0) as number;
    const ways = [
      char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'),
      [...new TextEncoder().encode(char)].map((byte) => `%${anyCase(byte.toString(16).padStart(2, '0'))}`).join(''),
      `&#0*${code};`,
      `&#[xX]0*${anyCase(code.toString(16))};`,
    ];
    if (code <= 0xffff) ways.push(`\\\\u${anyCase(code.toString(16).padStart(4, '0'))}`);
    if (char === '_') ways.push('&lowbar;', '&UnderBar;');
    return `(?:${ways.join('|')})`;
  }).join('');
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger whose every line passes through `redact`; `false` silences it. */
export function safeLogger(logger: Partial<Logger> | false | undefined, redact: Redactor): Logger {
  const target: Partial<Logger> = logger === false ? {} : (logger ?? console);
  const line = (level: keyof Logger) => (message: string) => target[level]?.(redact(`[mono-elements] ${message}`));
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/** An error's message only (never its stack, cause or properties, which may carry request headers). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : 'unknown error';
}
