export const REDACTED = '[redacted]';

/** Anything shaped like a Mono secret key, even one that is not ours (a key echoed back by a proxy, say). */
const SECRET_KEY_SHAPE = /\b(?:live|test)_sk_[A-Za-z0-9_-]+/g;

export type Redactor = (text: string) => string;

/** Replaces every occurrence of the given secrets, and anything shaped like a Mono secret key, with "[redacted]". */
export function createRedactor(secrets: readonly (string | undefined | null)[]): Redactor {
  // Each also as JSON writes it (a `"` or `\` in a secret is escaped in a body); longest first, so a secret containing another is removed whole.
  const known = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 4)
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out.replace(SECRET_KEY_SHAPE, REDACTED);
  };
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
