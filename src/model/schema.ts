// The model's validator: the few combinators of zod/mini the schemas use, in about a tenth of the bytes
// (zod/mini was 8 kB gzip of every page's bundle). A schema is a plain function from the raw value to the
// typed one that throws a `Failure` on the first mismatch; the path is added while the failure unwinds,
// so a valid body costs no path bookkeeping.
import { isRecord, kindOf, type ParseResult } from './base.js';

export type Schema<T = unknown> = (input: unknown) => T;
/** The type a schema produces (`z.infer<typeof schema>`). */
type Out<S> = S extends Schema<infer T> ? T : never;
export type { Out as infer };

export class Failure {
  constructor(
    readonly message: string,
    readonly path: Array<string | number> = [],
  ) {}
}

/** Rejects the value being parsed; `path` is relative to it (e.g. `['type']` from an object's transform). */
export const fail = (message: string, path: Array<string | number> = []): never => {
  throw new Failure(message, [...path]);
};

/** "missing string" for an absent value, "expected string, got array" otherwise. */
export const mismatch = (expected: string, input: unknown): never =>
  fail(input === undefined ? `missing ${expected}` : `expected ${expected}, got ${kindOf(input)}`);

/** Rethrows a failure from inside a value with the key or index it happened at. */
function within(key: string | number, error: unknown): never {
  if (error instanceof Failure) error.path.unshift(key);
  throw error;
}

const typed =
  <T>(expected: string, is: (input: unknown) => input is T): Schema<T> =>
  (input) =>
    is(input) ? input : mismatch(expected, input);

export const string = () => typed('string', (v): v is string => typeof v === 'string');
export const number = () => typed('number', (v): v is number => typeof v === 'number' && Number.isFinite(v));
export const boolean = () => typed('boolean', (v): v is boolean => typeof v === 'boolean');
export const unknown = (): Schema<unknown> => (input) => input;

export const optional =
  <T>(schema: Schema<T>): Schema<T | undefined> =>
  (input) =>
    input === undefined ? undefined : schema(input);
export const nullable =
  <T>(schema: Schema<T>): Schema<T | null> =>
  (input) =>
    input === null ? null : schema(input);
export const nullish =
  <T>(schema: Schema<T>): Schema<T | null | undefined> =>
  (input) =>
    input === null || input === undefined ? input : schema(input);
/** `fallback` when the value is absent (not when it is null). */
export const withDefault =
  <T, D>(schema: Schema<T>, fallback: D): Schema<T | D> =>
  (input) =>
    input === undefined ? fallback : schema(input);

export const pipe =
  <A, B>(first: Schema<A>, then: (value: A) => B): Schema<B> =>
  (input) =>
    then(first(input));

export function array<T>(item: Schema<T>): Schema<T[]> {
  return (input) => {
    if (!Array.isArray(input)) return mismatch('array', input);
    const out = new Array<T>(input.length);
    let i = 0;
    try {
      for (; i < input.length; i++) out[i] = item(input[i]);
    } catch (error) {
      within(i, error);
    }
    return out;
  };
}

/** An object with string keys and values of one schema (Mono's per-currency balances). */
export function record<T>(value: Schema<T>): Schema<Record<string, T>> {
  return (input) => {
    if (!isRecord(input)) return mismatch('record', input);
    const out: Record<string, T> = {};
    let key = '';
    try {
      for (key of Object.keys(input)) out[key] = value(input[key]);
    } catch (error) {
      within(key, error);
    }
    return out;
  };
}

type Shape = Record<string, Schema>;
/** Only the keys of `shape`, each parsed by its schema: unknown keys are dropped. */
export function object<S extends Shape>(shape: S): Schema<{ [K in keyof S]: Out<S[K]> }> {
  const keys = Object.keys(shape);
  return (input) => {
    if (!isRecord(input)) return mismatch('object', input);
    const out: Record<string, unknown> = {};
    let key = '';
    try {
      for (key of keys) {
        const value = shape[key](input[key]);
        if (value !== undefined || key in input) out[key] = value;
      }
    } catch (error) {
      within(key, error);
    }
    return out as { [K in keyof S]: Out<S[K]> };
  };
}

/** The first option that accepts the value. */
export function union<S extends Schema[]>(options: [...S]): Schema<Out<S[number]>> {
  return (input) => {
    for (const option of options) {
      try {
        return option(input) as Out<S[number]>;
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
      }
    }
    return fail('value matches none of the accepted shapes');
  };
}

const pathText = (path: ReadonlyArray<string | number>) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');

/** Runs a schema and turns its failure into a path and a sentence; never throws. */
export function run<T>(schema: Schema<T>, input: unknown): ParseResult<T> {
  try {
    return { ok: true, value: schema(input) };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, issue: { path: pathText(error.path), message: error.message } };
    return { ok: false, issue: { path: '', message: `unreadable response: ${String(error)}` } };
  }
}
