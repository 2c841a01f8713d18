// fast-check arbitraries that damage valid Mono answers the ways real upstreams do: fields dropped,
// retyped, nulled, absurd numbers, negative amounts, impossible dates, unknown enum values, a wrong
// envelope, or a body that is not JSON at all. Shared by the node (schemas, client) and browser (elements) suites.
import fc from 'fast-check';
import { clone } from './resources.js';

type Json = unknown;
type Path = (string | number)[];

export type Mutation =
  | { op: 'drop' | 'null' | 'retype' | 'huge' | 'negative' | 'bad-date' | 'unknown-enum' | 'empty' | 'long'; at: number; variant: number }
  | { op: 'envelope'; variant: number };

export type Damaged = { json: Json } | { raw: string };

/** Every path in a JSON value, the root included. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

const RETYPED: Json[] = ['', 'text', 0, 1, -1, true, false, [], {}, [1, 2], { x: 1 }, '12abc', '1e3'];
const HUGE: Json[] = [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e300, Number.MAX_VALUE, 2 ** 53 + 1, -(2 ** 63), 1e21, 123456789012345678901234567890, '99999999999999999999999'];
const BAD_DATES: Json[] = ['0000-00-00', '9999-12-31T23:59:59.999Z', '2025-02-30', '31-02-2025', '1899-12-31', '2025-13-01', 'yesterday', '', '2025-05-31T25:61:00Z', '+275760-09-13T00:00:00.000Z', 1717000000000];
const ENUMS: Json[] = ['PLATINUM', 'unknown', 'DEBIT_REVERSAL', 'Credit ', 'cr', 'dr', 'succeeded', 'BUILDING', 'FAILED', 'REAUTH', '💸'];

function get(root: Json, path: Path): Json {
  let node = root as Record<string | number, Json> | null;
  for (const p of path) node = node && typeof node === 'object' ? (node[p] as Record<string | number, Json>) : undefined!;
  return node;
}

function set(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value;
  const parent = get(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== 'object') return root;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete (parent as Record<string, Json>)[key as string];
  } else (parent as Record<string | number, Json>)[key] = value;
  return root;
}

const pick = <T>(list: readonly T[], n: number): T => list[Math.abs(n) % list.length];

function envelope(body: Json, variant: number): Damaged {
  const data = body !== null && typeof body === 'object' && 'data' in body ? (body as { data: Json }).data : body;
  const options: Damaged[] = [
    { json: data }, // envelope stripped
    { json: { status: 'successful', data: { data } } }, // wrapped twice
    { json: { status: 'successful', data: [data] } }, // object became a list
    { json: { status: 'successful', data: null } },
    { json: { status: 'failed', message: 'Something went wrong' } },
    { json: null },
    { json: [] },
    { json: 'successful' },
    { json: 42 },
    { raw: '' },
    { raw: '<!doctype html><title>502 Bad Gateway</title><h1>502 Bad Gateway</h1>' },
    { raw: JSON.stringify(body).slice(0, Math.max(1, Math.floor(JSON.stringify(body).length / 2))) },
    { raw: "{'status': 'successful'}" },
    { raw: 'undefined' },
    { raw: '\uFEFF' + JSON.stringify(body) + '\u0000garbage' },
    { raw: JSON.stringify(body) + JSON.stringify(body) },
  ];
  return pick(options, variant);
}

/** Applies mutations in order to a copy of `sample`; a broken envelope ends the chain. */
export function damage(sample: Json, mutations: Mutation[]): Damaged {
  let body = clone(sample);
  for (const m of mutations) {
    if (m.op === 'envelope') return envelope(body, m.variant);
    const paths = pathsOf(body);
    const path = pick(paths, m.at);
    const current = get(body, path);
    switch (m.op) {
      case 'drop':
        body = set(body, path, undefined) ?? null;
        break;
      case 'null':
        body = set(body, path, null);
        break;
      case 'retype':
        // A fresh copy: the same object inserted twice could become a cycle, and the list itself must never change.
        body = set(body, path, clone(pick(RETYPED, m.variant)));
        break;
      case 'huge':
        body = set(body, path, pick(HUGE, m.variant));
        break;
      case 'negative':
        body = set(body, path, typeof current === 'number' ? -Math.abs(current) - 1 : -pick([1, 100, 2 ** 40], m.variant));
        break;
      case 'bad-date':
        body = set(body, path, pick(BAD_DATES, m.variant));
        break;
      case 'unknown-enum':
        body = set(body, path, pick(ENUMS, m.variant));
        break;
      case 'empty':
        body = set(body, path, Array.isArray(current) ? [] : typeof current === 'object' && current !== null ? {} : '');
        break;
      case 'long':
        body = set(body, path, 'X'.repeat(50_000 + (m.variant % 7)));
        break;
    }
  }
  return { json: body };
}

const FIELD_OPS = ['drop', 'null', 'retype', 'huge', 'negative', 'bad-date', 'unknown-enum', 'empty', 'long'] as const;

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ op: fc.constantFrom(...FIELD_OPS), at: fc.nat(), variant: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('envelope' as const), variant: fc.nat() }) },
);

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

const AMOUNT_KEYS = /^(amount|balance|cost|value|gain|price|averageMonthlyIncome|estimatedSalary|irregularMonthlyIncome|yearlyIncome|totalIncome|monthlyAverage|averageAmount|lastAmount|salePrice)$/;
const DATE_KEYS = /^(date|firstDate|lastDate|dateOfBirth|updatedAt|createdAt)$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/;

/**
 * What "a normalised value" means for the model: amounts are safe integers (minor units), every number is
 * finite, currencies are ISO 4217 codes, dates are ISO strings. Returns the first violation, or null.
 */
export function normalisationProblem(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is not finite`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = normalisationProblem(value[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (AMOUNT_KEYS.test(key) && v !== null && !Number.isSafeInteger(v)) return `${at} = ${String(v)} is not an integer in minor units`;
    if (key === 'currency' && (typeof v !== 'string' || !/^[A-Z]{3}$/.test(v))) return `${at} = ${String(v)} is not an ISO currency`;
    if (DATE_KEYS.test(key) && v !== null && (typeof v !== 'string' || !ISO.test(v))) return `${at} = ${String(v)} is not an ISO date`;
    const p = normalisationProblem(v, at);
    if (p) return p;
  }
  return null;
}
